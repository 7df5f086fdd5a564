// schedule/ rules: a lead cannot be in two places on one day.
#include "tfm/rules/rules.h"

#include "rule_helpers.h"

#include <fmt/format.h>

#include <algorithm>
#include <map>
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
    Pos pos;
};

std::string describe(const Booking& b) {
    if (b.kind == Kind::meeting) return fmt::format("meeting of {}", b.cohort->id);
    return fmt::format("visit to {} for {}", b.school, b.cohort->id);
}

// The cohort's bookings, each (kind, date, school) once.
void bookings_of(const Cohort& c, const Index& index, std::vector<Booking>& out) {
    std::map<std::tuple<Kind, Date, Urn>, Pos> first;
    auto add = [&](Kind kind, Date date, Urn school, Pos pos) {
        auto [it, fresh] = first.emplace(std::make_tuple(kind, date, school), pos);
        if (!fresh && pos < it->second) it->second = pos;
    };
    for (const auto& m : c.meetings) add(Kind::meeting, m.date, 0, m.pos);
    for (const auto& v : c.visits) add(Kind::visit, v.date, v.urn, at(v.date_pos, v.pos));
    for (const Session* s : index.sessions_of(c.id)) {
        Pos pos = at(s->date_pos, s->pos);
        if (s->type == SessionType::meeting) add(Kind::meeting, s->date, 0, pos);
        else if (s->is_visit()) add(Kind::visit, s->date, s->school.value_or(0), pos);
    }
    for (const auto& [key, pos] : first)
        out.push_back(Booking{&c, std::get<0>(key), std::get<1>(key), std::get<2>(key), pos});
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
        // Each later booking of a day clashes with the day's first.
        std::size_t first = 0;
        for (std::size_t i = 1; i < diary.size(); ++i) {
            if (diary[i].date != diary[first].date) {
                first = i;
                continue;
            }
            out.report(RuleId::schedule_clash, Severity::error, diary[i].pos,
                       fmt::format("lead {} is booked twice on {}: {} and {}", lead,
                                   diary[i].date.str(), describe(diary[first]),
                                   describe(diary[i])));
        }
    }
}

}  // namespace tfm
