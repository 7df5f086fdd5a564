#include "tfm/model/model.h"

#include "tfm/base/untrusted_text.h"

#include <algorithm>
#include <cctype>

namespace tfm {

#define TFM_ENUM_NAMES(E, ...)                                                \
    template <>                                                               \
    const std::vector<std::string_view>& enum_names<E>() {                    \
        static const std::vector<std::string_view> names = {__VA_ARGS__};     \
        return names;                                                         \
    }

TFM_ENUM_NAMES(Stage, "readiness", "development", "embedding", "sustaining")
TFM_ENUM_NAMES(Phase, "primary", "secondary", "all_through", "special")
TFM_ENUM_NAMES(Ofsted, "outstanding", "good", "requires_improvement", "inadequate", "none")
TFM_ENUM_NAMES(StaffRole, "maths_lead", "teacher", "headteacher", "assistant_head",
               "teaching_assistant")
TFM_ENUM_NAMES(LeadRole, "specialist", "readiness_lead")
TFM_ENUM_NAMES(MemberStatus, "enrolled", "completed", "withdrawn")
TFM_ENUM_NAMES(SessionType, "meeting", "visit", "audit_visit", "cpd")
TFM_ENUM_NAMES(Mode, "in_person", "online")
TFM_ENUM_NAMES(Audience, "all", "maths_leads", "teachers")
TFM_ENUM_NAMES(BigIdea, "coherence", "representation_structure", "mathematical_thinking",
               "fluency", "variation")
TFM_ENUM_NAMES(OfferStatus, "offered", "accepted", "declined", "no_reply")

#undef TFM_ENUM_NAMES

std::string year_group_name(YearGroup g) { return g == 0 ? "R" : "Y" + std::to_string(g); }

std::vector<double> default_bands(std::string_view dimension) {
    if (dimension == "fsm") return {20, 30, 40, 50};
    if (dimension == "eal") return {10, 20, 30, 40, 50, 60, 70, 80, 90};
    if (dimension == "ehcp") return {1, 2, 3, 4, 5, 6, 7, 8, 9, 10};
    return {};
}

bool School::has_staff_member(std::string_view person) const { return staff_member(person) != nullptr; }

const SourceFile* Records::unloaded_file_holding(std::string_view id) const {
    auto word_char = [](char c) {
        return std::isalnum(static_cast<unsigned char>(c)) || c == '_' || c == '-';
    };
    if (id.empty()) return nullptr;
    for (const auto& u : unloaded_files)
        for (auto at = u.text.find(id); at != std::string::npos; at = u.text.find(id, at + 1)) {
            bool starts = at == 0 || !word_char(u.text[at - 1]);
            bool ends = at + id.size() == u.text.size() || !word_char(u.text[at + id.size()]);
            if (starts && ends) return &files[std::size_t(u.file)];
        }
    return nullptr;
}

const StaffMember* School::staff_member(std::string_view person) const {
    // Most names are written as the staff list writes them: look for that first, and fold
    // `person` once rather than once per staff member (every attendee of a national tree
    // is looked up here).
    for (const auto& m : staff)
        if (m.name == person) return &m;
    const std::string key = name_key(person);
    for (const auto& m : staff)
        if (name_key(m.name) == key) return &m;
    return nullptr;
}

const std::string* Hub::area_named(std::string_view area) const {
    for (const auto& a : areas)
        if (same_name(a, area)) return &a;
    return nullptr;
}

const Member* Cohort::member(Urn urn) const {
    for (const auto& m : schools)
        if (m.urn == urn) return &m;
    return nullptr;
}

std::optional<TimeOfDay> Cohort::start_of(const PlannedMeeting& m) const {
    if (m.start) return m.start;
    if (meeting_time) return meeting_time->start;
    return std::nullopt;
}

std::optional<TimeOfDay> Cohort::end_of(const PlannedMeeting& m) const {
    if (m.end) return m.end;
    // A meeting that gives its own start and no end is not the usual time: no end known.
    if (meeting_time && !m.start) return meeting_time->end;
    return std::nullopt;
}

std::string_view Cohort::venue_of(const PlannedMeeting& m) const {
    return m.venue.empty() ? std::string_view(venue) : m.venue;
}

Mode Cohort::mode_of(const PlannedMeeting& m) const { return m.mode.value_or(Mode::in_person); }

bool has_timed_item(std::span<const AgendaItem> agenda) {
    for (const auto& a : agenda)
        if (a.at) return true;
    return false;
}

const Attendance* Session::attendance_of(Urn urn) const {
    for (const auto& a : attendance)
        if (a.urn == urn) return &a;
    return nullptr;
}

const Hub* Records::hub_of(int directory) const {
    for (const auto& h : hubs)
        if (h.directory == directory) return &h;
    return nullptr;
}

const RuleSettings& Records::rules_of(int directory) const {
    static const RuleSettings defaults;
    const Hub* h = hub_of(directory);
    return h ? h->rules : defaults;
}

std::vector<const Cohort*> Records::cohorts_of_year(AcademicYear year) const {
    std::vector<const Cohort*> out;
    for (const auto& c : cohorts)
        if (c.year == year) out.push_back(&c);
    std::sort(out.begin(), out.end(), [](const Cohort* a, const Cohort* b) { return a->id < b->id; });
    return out;
}

}  // namespace tfm
