#include "tfm/model/record_format.h"

#include "tfm/model/model.h"

#include <stdexcept>

namespace tfm {
namespace {

template <class E>
std::vector<std::string_view> values_of() {
    return enum_names<E>();
}

std::vector<std::string_view> weekdays() {
    return {"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"};
}

std::vector<std::string_view> year_groups() {
    return {"R", "Y1", "Y2", "Y3", "Y4", "Y5", "Y6", "Y7", "Y8", "Y9", "Y10", "Y11", "Y12", "Y13"};
}

std::vector<RecordSpec> build_specs() {
    using T = FieldType;
    std::vector<RecordSpec> s;
    s.push_back({"hub", "The hub: exactly one in each data directory.",
                 {
                     {"name", T::string, true, "Name of the Maths Hub.", {}, {}},
                     {"areas", T::string_list, false, "Local authorities the hub covers.", {}, {}},
                     {"population", T::map, false,
                      "Schools in the hub's area by phase, for coverage (phase: count).",
                      values_of<Phase>(), {}},
                     {"targets", T::record_list, false, "Engagement targets.", {}, "hub.targets[]"},
                     {"terms", T::map, false,
                      "Half-term dates by academic year (2021/22: [{name, start, end}, …]).", {},
                      "hub.terms[]"},
                     {"rules", T::record, false, "Rule settings; every value has a default.", {},
                      "hub.rules"},
                     {"bands", T::map, false,
                      "Cut points for the characteristics tables (fsm, eal, ehcp: [numbers]).",
                      {"fsm", "eal", "ehcp"}, {}},
                 }});
    s.push_back({"school", "A school (keyed by its URN).",
                 {
                     {"urn", T::urn, true, "Unique Reference Number: six digits.", {}, {}},
                     {"name", T::string, true, "The school's name.", {}, {}},
                     {"phase", T::enumeration, true, "Phase of education.", values_of<Phase>(), {}},
                     {"area", T::string, true, "Local authority; one of hub.areas.", {}, {}},
                     {"ofsted", T::enumeration, false, "Last single-word Ofsted grade.",
                      values_of<Ofsted>(), {}},
                     {"ofsted_date", T::date, false, "Date of that inspection.", {}, {}},
                     {"fsm", T::percent, false, "% of pupils eligible for free school meals.", {}, {}},
                     {"eal", T::percent, false, "% of pupils with English as an additional language.",
                      {}, {}},
                     {"ehcp", T::percent, false, "% of pupils with an EHC plan.", {}, {}},
                     {"trust", T::string, false, "Multi-academy trust.", {}, {}},
                     {"staff", T::record_list, false,
                      "Staff who take part; names are unique within the school.", {},
                      "school.staff[]"},
                     {"history", T::record_list, false,
                      "Engagement from before the records began.", {}, "school.history[]"},
                 }});
    s.push_back({"lead", "A Mastery Specialist or the hub's Readiness Lead.",
                 {
                     {"id", T::id, true, "Unique id: [a-z0-9][a-z0-9_-]*.", {}, {}},
                     {"name", T::string, true, "The lead's name.", {}, {}},
                     {"role", T::enumeration, true, "Role.", values_of<LeadRole>(), {}},
                     {"school", T::urn, false, "URN of the lead's own school.", {}, {}},
                     {"trained", T::year, false, "Academic year of specialist training.", {}, {}},
                     {"email", T::string, false, "Email address.", {}, {}},
                 }});
    s.push_back({"cohort", "A Work Group: one stage, one academic year, one lead.",
                 {
                     {"id", T::id, true, "Unique id.", {}, {}},
                     {"name", T::string, false, "A readable name.", {}, {}},
                     {"stage", T::enumeration, true, "Programme stage.", values_of<Stage>(), {}},
                     {"year", T::year, true, "Academic year, e.g. 2021/22.", {}, {}},
                     {"lead", T::id, true, "Id of the lead.", {}, {}},
                     {"phase", T::enumeration, false, "Phase (default primary).",
                      values_of<Phase>(), {}},
                     {"weekday", T::enumeration, false, "Usual meeting day, used by plan.",
                      weekdays(), {}},
                     {"schools", T::record_list, true, "Member schools.", {}, "cohort.schools[]"},
                     {"meetings", T::date_list, false, "Planned meeting dates.", {}, {}},
                     {"visits", T::record_list, false, "Planned school visits.", {},
                      "cohort.visits[]"},
                 }});
    s.push_back({"session", "The log of a meeting or visit that took place.",
                 {
                     {"cohort", T::id, true, "Id of the cohort.", {}, {}},
                     {"date", T::date, true, "Date it took place.", {}, {}},
                     {"type", T::enumeration, true, "Kind of session.", values_of<SessionType>(), {}},
                     {"school", T::urn, false, "The school visited (required for visits).", {}, {}},
                     {"mode", T::enumeration, false, "In person or online.", values_of<Mode>(), {}},
                     {"start", T::time, false, "Start time, \"HH:MM\".", {}, {}},
                     {"end", T::time, false, "End time, \"HH:MM\".", {}, {}},
                     {"focus", T::enum_list, false, "Big Ideas the session focused on.",
                      values_of<BigIdea>(), {}},
                     {"observation", T::record, false, "The observed lesson.", {},
                      "session.observation"},
                     {"agenda", T::record_list, false, "Timed agenda items.", {},
                      "session.agenda[]"},
                     {"attendance", T::map, false,
                      "URN -> names present; [] means the school was absent.", {}, {}},
                     {"gap_task", T::string, false, "Task set for before the next meeting.", {}, {}},
                     {"notes", T::string, false, "Free text.", {}, {}},
                 }});
    s.push_back({"hub.targets[]", "An engagement target.",
                 {
                     {"phase", T::enumeration, true, "Phase.", values_of<Phase>(), {}},
                     {"percent", T::percent, true, "Share of the population to engage.", {}, {}},
                     {"by", T::year, true, "Academic year to reach it by.", {}, {}},
                 }});
    s.push_back({"hub.terms[]", "A half-term.",
                 {
                     {"name", T::string, true, "Name, e.g. Autumn 1.", {}, {}},
                     {"start", T::date, true, "First day.", {}, {}},
                     {"end", T::date, true, "Last day.", {}, {}},
                 }});
    s.push_back({"hub.rules", "Rule settings.",
                 {
                     {"cohort_size", T::record, false, "Schools per cohort {min, max}.", {},
                      "hub.rules.range"},
                     {"lead_load", T::integer, false, "Cohorts one lead may lead in a year.", {}, {}},
                     {"completion", T::share, false,
                      "Share of logged meetings a school must attend to complete.", {}, {}},
                     {"meeting_gap_weeks", T::record, false,
                      "Weeks between consecutive meetings {min, max}.", {}, "hub.rules.range"},
                     {"requires", T::map, false, "Stage -> the stage that must come before it.",
                      values_of<Stage>(), {}},
                     {"stages", T::map, false,
                      "Stage -> {meetings, visits, participants} expected.", values_of<Stage>(),
                      "hub.rules.stage"},
                     {"off", T::string_list, false, "Rule names to switch off.", {}, {}},
                 }});
    s.push_back({"hub.rules.range", "A range.",
                 {
                     {"min", T::integer, false, "Least.", {}, {}},
                     {"max", T::integer, false, "Most.", {}, {}},
                 }});
    s.push_back({"hub.rules.stage", "What a stage expects.",
                 {
                     {"meetings", T::integer, false, "Meetings a year.", {}, {}},
                     {"visits", T::integer, false, "Visits per school a year.", {}, {}},
                     {"participants", T::integer, false, "Participants per school.", {}, {}},
                 }});
    s.push_back({"school.staff[]", "A member of staff.",
                 {
                     {"name", T::string, true, "Name, unique within the school.", {}, {}},
                     {"role", T::enumeration, false, "Role.", values_of<StaffRole>(), {}},
                     {"year_groups", T::enum_list, false, "Year groups taught.", year_groups(), {}},
                 }});
    s.push_back({"school.history[]", "An engagement from before the records began.",
                 {
                     {"stage", T::enumeration, true, "Stage.", values_of<Stage>(), {}},
                     {"year", T::year, true, "Academic year.", {}, {}},
                     {"lead", T::id, false, "Id of the lead.", {}, {}},
                 }});
    s.push_back({"cohort.schools[]", "A member school of a cohort.",
                 {
                     {"urn", T::urn, true, "URN of the school.", {}, {}},
                     {"participants", T::string_list, false, "Names of the participants.", {}, {}},
                     {"status", T::enumeration, false, "Status (default enrolled).",
                      values_of<MemberStatus>(), {}},
                     {"withdrawn_on", T::date, false, "Date the school withdrew.", {}, {}},
                 }});
    s.push_back({"cohort.visits[]", "A planned school visit.",
                 {
                     {"urn", T::urn, true, "URN of the school.", {}, {}},
                     {"date", T::date, true, "Planned date.", {}, {}},
                 }});
    s.push_back({"session.observation", "The observed lesson.",
                 {
                     {"year_group", T::enumeration, false, "Year group.", year_groups(), {}},
                     {"unit", T::string, false, "Unit of work.", {}, {}},
                     {"lesson", T::integer, false, "Lesson n of the unit, in classroom order.", {},
                      {}},
                     {"taught_by", T::id, false, "Id of the lead who taught it.", {}, {}},
                 }});
    s.push_back({"session.agenda[]", "An agenda item.",
                 {
                     {"at", T::time, false, "Start time, \"HH:MM\".", {}, {}},
                     {"minutes", T::integer, false, "Length in minutes.", {}, {}},
                     {"item", T::string, true, "What happens.", {}, {}},
                     {"year_groups", T::enum_list, false, "Year groups it concerns.", year_groups(),
                      {}},
                     {"audience", T::enumeration, false, "Who it is for (default all).",
                      values_of<Audience>(), {}},
                 }});
    // What the values of the free-keyed mappings are.
    auto map_of = [&](std::string_view record, std::string_view field, FieldType value,
                      std::string_view key_pattern = {}) {
        for (auto& r : s)
            if (r.name == record)
                for (auto& f : r.fields)
                    if (f.name == field) {
                        f.map_value = value;
                        f.map_key_pattern = key_pattern;
                    }
    };
    map_of("hub", "population", T::integer);
    map_of("hub", "terms", T::record_list, "^[0-9]{4}[/-][0-9]{2}$");
    map_of("hub", "bands", T::number_list);
    map_of("hub.rules", "requires", T::enumeration);
    map_of("hub.rules", "stages", T::record);
    map_of("session", "attendance", T::string_list, "^[1-9][0-9]{5}$");
    return s;
}

}  // namespace

std::vector<std::string_view> RecordSpec::field_names() const {
    std::vector<std::string_view> out;
    for (const auto& f : fields) out.push_back(f.name);
    return out;
}

const std::vector<RecordSpec>& record_specs() {
    static const std::vector<RecordSpec> specs = build_specs();
    return specs;
}

const RecordSpec& record_spec(std::string_view name) {
    for (const auto& s : record_specs())
        if (s.name == name) return s;
    throw std::logic_error("no record spec named " + std::string(name));
}

const std::vector<TopLevelKey>& top_level_keys() {
    static const std::vector<TopLevelKey> keys = {
        {"hub", "hub", false},         {"school", "school", false},
        {"schools", "school", true},   {"lead", "lead", false},
        {"leads", "lead", true},       {"cohort", "cohort", false},
        {"cohorts", "cohort", true},   {"session", "session", false},
        {"sessions", "session", true},
    };
    return keys;
}

}  // namespace tfm
