// schedule/ rules: a lead cannot be in two places at once. Two timed bookings on one day
// clash when their times overlap; a booking without a time beside another on that day may
// or may not, so it is a warning that asks for the times.
#include "tfm/rules/rules.h"

#include "rule_helpers.h"

#include <fmt/format.h>

#include <algorithm>
#include <map>
#include <optional>
#include <string>
#include <tuple>
#include <unordered_map>
#include <vector>

namespace tfm {
namespace {

enum class Kind { meeting, visit };

// One thing in a lead's diary: a planned date and the logs of it are one booking, found
// at whichever of them comes first in the files.
struct Booking {
    const Cohort* cohort = nullptr;
    Kind kind = Kind::meeting;
    Date date;
    Urn school = 0;
    std::optional<TimeOfDay> start, end;
    Pos pos;

    bool timed() const { return start && end; }
};

std::string describe(const Booking& b) {
    std::string what = b.kind == Kind::meeting
                           ? fmt::format("meeting of {}", b.cohort->id)
                           : fmt::format("visit to {} for {}", b.school, b.cohort->id);
    if (b.timed()) what += fmt::format(" ({}-{})", b.start->str(), b.end->str());
    return what;
}

// The cohort's bookings, each (kind, date, school) once: at its first position in the
// files, with the times that any of its plan and logs give (a log's before the plan's).
void bookings_of(const Cohort& c, const Index& index, std::vector<Booking>& out) {
    std::map<std::tuple<Kind, Date, Urn>, Booking> first;
    auto add = [&](Kind kind, Date date, Urn school, Pos pos, std::optional<TimeOfDay> start,
                   std::optional<TimeOfDay> end, bool log) {
        auto [it, fresh] = first.try_emplace(std::make_tuple(kind, date, school),
                                             Booking{&c, kind, date, school, start, end, pos});
        if (fresh) return;
        Booking& b = it->second;
        if (pos < b.pos) b.pos = pos;
        if (start && end && (log || !b.timed())) b.start = start, b.end = end;
    };
    for (const auto& m : c.meetings)
        add(Kind::meeting, m.date, 0, m.pos, c.start_of(m), c.end_of(m), false);
    for (const auto& v : c.visits)
        add(Kind::visit, v.date, v.urn, at(v.date_pos, v.pos), v.start, v.end, false);
    for (const Session* s : index.sessions_of(c.id)) {
        Pos pos = at(s->date_pos, s->pos);
        if (s->type == SessionType::meeting)
            add(Kind::meeting, s->date, 0, pos, s->start, s->end, true);
        else if (s->is_visit())
            add(Kind::visit, s->date, s->school.value_or(0), pos, s->start, s->end, true);
    }
    for (auto& [key, booking] : first) out.push_back(booking);
}

bool overlap(const Booking& a, const Booking& b) {
    return a.start->minutes < b.end->minutes && b.start->minutes < a.end->minutes;
}

// A booking against the earlier ones of its day: an error for the first whose time
// overlaps it, else a warning for the first when either has no time.
void check_day(const std::string& lead, const std::vector<Booking>& diary, std::size_t first,
               std::size_t i, Reporter& out) {
    const Booking& b = diary[i];
    std::optional<std::size_t> untimed;
    for (std::size_t k = first; k < i; ++k) {
        const Booking& a = diary[k];
        if (a.timed() && b.timed()) {
            if (!overlap(a, b)) continue;
            out.report(RuleId::schedule_clash, Severity::error, b.pos,
                       fmt::format("lead {} is booked twice at once on {}: {} and {}", lead,
                                   b.date.str(), describe(a), describe(b)));
            return;
        }
        if (!untimed) untimed = k;
    }
    if (untimed)
        out.report(RuleId::schedule_clash, Severity::warning, b.pos,
                   fmt::format("lead {} has two bookings on {}: {} and {}; add their start "
                               "and end times so they can be checked for a clash",
                               lead, b.date.str(), describe(diary[*untimed]), describe(b)));
}

}  // namespace

void check_schedule_clash(const CheckContext& ctx, Reporter& out) {
    std::unordered_map<std::string, std::vector<const Cohort*>> led;
    std::vector<std::string> leads;  // in order of first appearance: deterministic output
    for (const auto& c : ctx.records.cohorts) {
        if (c.lead.empty()) continue;
        auto& list = led[c.lead];
        if (list.empty()) leads.push_back(c.lead);
        list.push_back(&c);
    }
    for (const auto& lead : leads) {
        std::vector<Booking> diary;
        for (const Cohort* c : led[lead]) bookings_of(*c, ctx.index, diary);
        std::stable_sort(diary.begin(), diary.end(), [](const Booking& a, const Booking& b) {
            if (a.date != b.date) return a.date < b.date;
            return a.pos < b.pos;
        });
        std::size_t first = 0;  // the day's first booking
        for (std::size_t i = 1; i < diary.size(); ++i) {
            if (diary[i].date != diary[first].date) first = i;
            else check_day(lead, diary, first, i, out);
        }
    }
}

}  // namespace tfm
