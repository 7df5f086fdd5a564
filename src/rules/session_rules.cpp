// session/ rules: the log of meetings and visits, and the dates a cohort planned.
//
// A session whose cohort was left out for an error is skipped silently by every rule here;
// one whose cohort no record defines is ref/unknown's finding, and the rules that need the
// cohort skip it too.
#include "tfm/rules/rules.h"

#include "rule_helpers.h"
#include "tfm/model/journey.h"

#include <fmt/format.h>

#include <algorithm>
#include <map>
#include <optional>
#include <string>
#include <tuple>
#include <unordered_set>
#include <utility>
#include <vector>

namespace tfm {
namespace {

// "meeting", "visit to 107330", "audit visit to 107330", "cpd session".
std::string kind_of(const Session& s) {
    switch (s.type) {
        case SessionType::meeting: return "meeting";
        case SessionType::cpd: return "cpd session";
        case SessionType::visit:
        case SessionType::audit_visit: {
            std::string kind = s.type == SessionType::visit ? "visit" : "audit visit";
            return s.school ? fmt::format("{} to {}", kind, *s.school) : kind;
        }
    }
    return "session";
}

// Where another record is, as a reader finds it from here: "line 12" in the same file,
// else "sessions/2021.yaml:12".
std::string where(const Records& records, Pos other, Pos here) {
    if (other.file == here.file || other.file < 0 ||
        std::size_t(other.file) >= records.files.size())
        return fmt::format("line {}", other.line);
    return fmt::format("{}:{}", records.files[std::size_t(other.file)].path, other.line);
}

std::string weeks(int days) {
    if (days % 7 == 0) return fmt::format("{} {}", days / 7, days == 7 ? "week" : "weeks");
    return fmt::format("{:.1f} weeks", days / 7.0);
}

std::string agenda_label(const AgendaItem& item, std::size_t i) {
    return item.item.empty() ? fmt::format("agenda item {}", i + 1)
                             : fmt::format("agenda item \"{}\"", item.item);
}

bool audiences_meet(Audience a, Audience b) {
    return a == Audience::all || b == Audience::all || a == b;
}

}  // namespace

void check_session_out_of_year(const CheckContext& ctx, Reporter& out) {
    constexpr RuleId rule = RuleId::session_out_of_year;
    for (const auto& c : ctx.records.cohorts) {
        for (const auto& m : c.meetings)
            if (!c.year.contains(m.date))
                out.report(rule, Severity::error, m.pos,
                           fmt::format("planned meeting on {} is outside {}, the year of cohort {}",
                                       m.date.str(), c.year.str(), c.id));
        for (const auto& v : c.visits)
            if (!c.year.contains(v.date))
                out.report(rule, Severity::error, at(v.date_pos, v.pos),
                           fmt::format("planned visit to {} on {} is outside {}, the year of "
                                       "cohort {}",
                                       v.urn, v.date.str(), c.year.str(), c.id));
        for (const Session* s : ctx.index.sessions_of(c.id))
            if (!c.year.contains(s->date))
                out.report(rule, Severity::error, at(s->date_pos, s->pos),
                           fmt::format("{} on {} is outside {}, the year of cohort {}",
                                       kind_of(*s), s->date.str(), c.year.str(), c.id));
    }
}

void check_session_not_enrolled(const CheckContext& ctx, Reporter& out) {
    constexpr RuleId rule = RuleId::session_not_enrolled;
    // A URN that no record defines is ref/unknown's finding (most likely a typo): saying
    // also that it is not enrolled would report one mistake twice.
    const Defined defined(ctx);

    for (const auto& c : ctx.records.cohorts) {
        std::unordered_set<Urn> members;
        for (const auto& m : c.schools) members.insert(m.urn);
        auto stranger = [&](Urn urn) { return !members.count(urn) && defined.school(urn); };
        // A stranger that an unknown member URN was a slip for: the slip is ref/unknown's one
        // error; each consequence is a note pointing at it.
        std::map<Urn, Urn> slip_for;
        for (const auto& [typed, meant] : member_slips(ctx, c, defined)) slip_for[meant] = typed;
        auto severity = [&](Urn urn) { return slip_for.count(urn) ? Severity::note : Severity::error; };
        auto because = [&](Urn urn) {
            auto it = slip_for.find(urn);
            return it == slip_for.end()
                       ? std::string()
                       : fmt::format(" (the cohort lists unknown school {}: a slip for {}?)", it->second, urn);
        };

        for (const auto& v : c.visits)
            if (stranger(v.urn))
                out.report(rule, severity(v.urn), at(v.urn_pos, v.pos),
                           fmt::format("planned visit to school {}, which is not in cohort {}{}",
                                       v.urn, c.id, because(v.urn)));
        // A member visited, or present at a session, when it was not in the cohort (on or
        // after the date it withdrew): why, else "". Listed as absent (`[]`) is no finding:
        // many logs keep a withdrawn school's line.
        auto left = [&](Urn urn, Date date) -> std::string {
            const Member* m = c.member(urn);
            if (!m || member_on(*m, date)) return {};
            if (m->joined_on && date < *m->joined_on)
                return fmt::format("school {} joined cohort {} on {}", urn, c.id, m->joined_on->str());
            return fmt::format("school {} withdrew from cohort {} on {}", urn, c.id, m->withdrawn_on->str());
        };
        for (const Session* s : ctx.index.sessions_of(c.id)) {
            if (s->is_visit() && s->school && stranger(*s->school))
                out.report(rule, severity(*s->school), at(s->school_pos, s->pos),
                           fmt::format("{} on {}: school {} is not in cohort {}{}", kind_of(*s),
                                       s->date.str(), *s->school, c.id, because(*s->school)));
            else if (s->is_visit() && s->school && !left(*s->school, s->date).empty())
                out.report(rule, Severity::error, at(s->school_pos, s->pos),
                           fmt::format("{} on {}: {}", kind_of(*s), s->date.str(), left(*s->school, s->date)));
            for (const auto& a : s->attendance)
                if (stranger(a.urn))
                    out.report(rule, severity(a.urn), at(a.pos, s->pos),
                               fmt::format("attendance for school {} at the {} on {}, which is "
                                           "not in cohort {}{}",
                                           a.urn, kind_of(*s), s->date.str(), c.id, because(a.urn)));
                else if (std::string why = a.present.empty() ? "" : left(a.urn, s->date); !why.empty())
                    out.report(rule, Severity::error, at(a.pos, s->pos),
                               fmt::format("attendance for school {} at the {} on {}: {}", a.urn, kind_of(*s),
                                           s->date.str(), why));
        }
    }
}

void check_session_future(const CheckContext& ctx, Reporter& out) {
    const Defined defined(ctx);
    for (const auto& s : ctx.records.sessions) {
        // The sessions whose cohort is broken: every session rule leaves them alone.
        if (defined.broken_cohort(s.cohort)) continue;
        if (s.date <= ctx.as_of) continue;
        out.report(RuleId::session_future, Severity::error, at(s.date_pos, s.pos),
                   fmt::format("{} of {} is logged on {}, after the as-of date {}", kind_of(s),
                               s.cohort, s.date.str(), ctx.as_of.str()));
    }
}

void check_session_duplicate(const CheckContext& ctx, Reporter& out) {
    for (const auto& c : ctx.records.cohorts) {
        auto of_cohort = ctx.index.sessions_of(c.id);
        std::vector<const Session*> logs(of_cohort.begin(), of_cohort.end());
        auto key = [](const Session* s) {
            return std::make_tuple(s->date, s->type, s->school.value_or(0));
        };
        std::stable_sort(logs.begin(), logs.end(), [&](const Session* a, const Session* b) {
            if (key(a) != key(b)) return key(a) < key(b);
            return a->pos < b->pos;
        });
        std::size_t first = 0;  // the first log of the run of equal keys
        for (std::size_t i = 1; i < logs.size(); ++i) {
            if (key(logs[first]) != key(logs[i])) {
                first = i;
                continue;
            }
            const Session& s = *logs[i];
            out.report(RuleId::session_duplicate, Severity::warning, s.pos,
                       fmt::format("{} of {} on {} is already logged at {}", kind_of(s), c.id,
                                   s.date.str(), where(ctx.records, logs[first]->pos, s.pos)));
        }
    }
}

void check_session_spacing(const CheckContext& ctx, Reporter& out) {
    for (const auto& c : ctx.records.cohorts) {
        const RuleSettings& rules = ctx.records.rules_of(c.directory);
        // Each meeting date once, at its plan if it has one, else at its first log.
        std::map<Date, Pos> dates;
        for (const auto& m : c.meetings) dates.emplace(m.date, m.pos);
        for (const Session* s : ctx.index.sessions_of(c.id))
            if (s->type == SessionType::meeting) dates.emplace(s->date, at(s->date_pos, s->pos));
        const int min_days = rules.meeting_gap_min_weeks * 7;
        const int max_days = rules.meeting_gap_max_weeks * 7;
        for (auto it = dates.begin(); it != dates.end(); ++it) {
            auto next = std::next(it);
            if (next == dates.end()) break;
            int days = it->first.days_until(next->first);
            if (days >= min_days && days <= max_days) continue;
            out.report(RuleId::session_spacing, Severity::warning, next->second,
                       fmt::format("meetings {} and {} are {} apart; expected {} to {} weeks",
                                   it->first.str(), next->first.str(), weeks(days),
                                   rules.meeting_gap_min_weeks, rules.meeting_gap_max_weeks));
        }
    }
}

namespace {

// An agenda's items against the time of what they belong to (a log, or a planned meeting's
// published agenda) and against each other, for the same audience.
void check_agenda_items(std::span<const AgendaItem> items, int file, std::optional<TimeOfDay> start,
                        std::optional<TimeOfDay> end, Reporter& out) {
    constexpr RuleId rule = RuleId::session_agenda;
    for (std::size_t i = 0; i < items.size(); ++i) {
        const AgendaItem& a = items[i];
        if (!a.at) continue;
        int a_start = a.at->minutes;
        if (start && a_start < start->minutes)
            out.report(rule, Severity::warning, a.pos.in(file),
                       fmt::format("{} starts at {}, before the session starts at {}",
                                   agenda_label(a, i), a.at->str(), start->str()));
        if (end && a.minutes && a_start + *a.minutes > end->minutes)
            out.report(rule, Severity::warning, a.pos.in(file),
                       fmt::format("{} ends at {}, after the session ends at {}",
                                   agenda_label(a, i), TimeOfDay{std::int16_t(a_start + *a.minutes)}.str(),
                                   end->str()));
        else if (end && !a.minutes && a_start > end->minutes)
            out.report(rule, Severity::warning, a.pos.in(file),
                       fmt::format("{} starts at {}, after the session ends at {}",
                                   agenda_label(a, i), a.at->str(), end->str()));
        if (!a.minutes) continue;
        int a_end = a_start + *a.minutes;
        for (std::size_t k = i + 1; k < items.size(); ++k) {
            const AgendaItem& b = items[k];
            if (!b.at || !b.minutes || !audiences_meet(a.audience, b.audience)) continue;
            int b_start = b.at->minutes, b_end = b_start + *b.minutes;
            if (!(a_start < b_end && b_start < a_end)) continue;
            out.report(rule, Severity::warning, b.pos.in(file),
                       fmt::format("{} ({}-{}) overlaps {} ({}-{})", agenda_label(b, k),
                                   b.at->str(), TimeOfDay{std::int16_t(b_end)}.str(), agenda_label(a, i),
                                   a.at->str(), TimeOfDay{std::int16_t(a_end)}.str()));
        }
    }
}

}  // namespace

void check_session_agenda(const CheckContext& ctx, Reporter& out) {
    const Defined defined(ctx);
    for (const auto& s : ctx.records.sessions) {
        if (defined.broken_cohort(s.cohort)) continue;
        if (s.type == SessionType::meeting && !has_timed_item(s.agenda))
            out.report(RuleId::session_agenda, Severity::note, s.pos,
                       fmt::format("meeting of {} on {} has no timed agenda, so teachers cannot "
                                   "join only the part for their year group",
                                   s.cohort, s.date.str()));
        check_agenda_items(s.agenda, s.pos.file, s.start, s.end, out);
    }
    // Published agendas, against the meeting's time (its own, else the cohort's).
    for (const auto& c : ctx.records.cohorts)
        for (const auto& m : c.meetings) check_agenda_items(m.agenda, c.pos.file, c.start_of(m), c.end_of(m), out);
}

void check_session_observation_order(const CheckContext& ctx, Reporter& out) {
    struct Seen {
        int lesson;
        Date date;
    };
    for (const auto& c : ctx.records.cohorts) {
        // Highest lesson observed so far, per (year group, unit); -1 = no year group given.
        std::map<std::pair<int, std::string>, Seen> highest;
        std::vector<std::pair<std::pair<int, std::string>, Seen>> today;
        std::optional<Date> day;
        auto settle = [&] {
            for (auto& [key, seen] : today) {
                auto [it, fresh] = highest.emplace(key, seen);
                if (!fresh && seen.lesson > it->second.lesson) it->second = seen;
            }
            today.clear();
        };
        for (const Session* s : ctx.index.sessions_of(c.id)) {
            if (s->type != SessionType::meeting || !s->observation) continue;
            const Observation& o = *s->observation;
            if (!o.lesson || o.unit.empty()) continue;
            // Only meetings on an earlier date count as "already observed".
            if (day != s->date) settle();
            day = s->date;
            std::pair<int, std::string> key{o.year_group.value_or(-1), o.unit};
            today.push_back({key, Seen{*o.lesson, s->date}});
            auto it = highest.find(key);
            if (it == highest.end() || *o.lesson >= it->second.lesson) continue;
            std::string unit = o.year_group
                                   ? fmt::format("{} {}", year_group_name(*o.year_group), o.unit)
                                   : std::string(o.unit);
            out.report(RuleId::session_observation_order, Severity::warning, at(o.pos, s->pos),
                       fmt::format("meeting on {} observes lesson {} of {} after lesson {} was "
                                   "observed on {}",
                                   s->date.str(), *o.lesson, unit, it->second.lesson,
                                   it->second.date.str()));
        }
    }
}

}  // namespace tfm
