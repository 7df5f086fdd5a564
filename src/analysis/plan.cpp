#include "tfm/analysis/plan.h"

#include "tfm/model/term_dates.h"

#include <fmt/format.h>

#include <algorithm>
#include <cstdlib>
#include <optional>
#include <set>

namespace tfm {
namespace {

// Dates on which the cohort's lead is already booked.
std::set<Date> lead_busy(const Records& records, const Index& index, const Cohort& cohort) {
    std::set<Date> busy;
    for (const auto& c : records.cohorts) {
        if (c.lead != cohort.lead) continue;
        bool same = c.id == cohort.id;
        if (!same) {
            for (const auto& m : c.meetings) busy.insert(m.date);
            for (const auto& v : c.visits) busy.insert(v.date);
        }
        for (const Session* s : index.sessions_of(c.id))
            if (s->type == SessionType::meeting || s->is_visit()) busy.insert(s->date);
    }
    return busy;
}

Date middle(const Window& w) { return w.start.plus_days(w.start.days_until(w.end) / 2); }

bool weekday_ok(Date d) { return d.weekday() < 5; }

// Inside a half-term, not in the holiday between two.
bool in_school_time(const std::vector<Window>& halves, Date d) {
    return std::any_of(halves.begin(), halves.end(), [&](const Window& w) { return w.contains(d); });
}

// The cohort's meetings and visits that already happened (its logs).
std::vector<const Session*> held_sessions(const Index& index, const Cohort& cohort) {
    std::vector<const Session*> held;
    for (const Session* s : index.sessions_of(cohort.id))
        if (s->type == SessionType::meeting || s->is_visit()) held.push_back(s);
    return held;
}

// For each half-term, the meeting dates to choose from: the one already held there, else its
// free days of the weekday, nearest the middle first.
std::vector<std::vector<Date>> meeting_candidates(const std::vector<Window>& halves,
                                                  const std::vector<const Session*>& held, int weekday,
                                                  const std::set<Date>& busy) {
    std::vector<std::vector<Date>> candidates;
    for (const auto& h : halves) {
        auto log = std::find_if(held.begin(), held.end(), [&](const Session* s) {
            return s->type == SessionType::meeting && h.contains(s->date);
        });
        if (log != held.end()) {
            candidates.push_back({(*log)->date});
            continue;
        }
        std::vector<Date> days;
        for (Date d = h.start; d <= h.end; d = d.plus_days(1))
            if (d.weekday() == weekday && !busy.count(d)) days.push_back(d);
        Date mid = middle(h);
        std::stable_sort(days.begin(), days.end(), [&](Date a, Date b) {
            return std::abs(a.days_until(mid)) < std::abs(b.days_until(mid));
        });
        candidates.push_back(days);
    }
    return candidates;
}

// Of the choices that keep every gap within [min_days, max_days], the one with the least
// total distance from the half-terms' middles (a shortest path through the half-terms, so one
// early pick cannot push every later meeting to the edge of its term). Ties: nearer the
// middle first. Half-terms without candidates are skipped; empty when no choice keeps the
// gaps (but a list of nothing when there are no candidates at all).
std::optional<std::vector<Date>> best_meetings(const std::vector<std::vector<Date>>& candidates,
                                               const std::vector<Window>& halves, int min_days, int max_days) {
    constexpr long long unreachable = -1;
    std::vector<std::vector<long long>> cost(candidates.size());
    std::vector<std::vector<std::size_t>> from(candidates.size());
    std::optional<std::size_t> prev;  // the last half-term with candidates
    for (std::size_t i = 0; i < candidates.size(); ++i) {
        if (candidates[i].empty()) continue;
        Date mid = middle(halves[i]);
        cost[i].assign(candidates[i].size(), unreachable);
        from[i].assign(candidates[i].size(), 0);
        for (std::size_t j = 0; j < candidates[i].size(); ++j) {
            Date d = candidates[i][j];
            long long own = std::abs(d.days_until(mid));
            if (!prev) {
                cost[i][j] = own;
                continue;
            }
            for (std::size_t k = 0; k < candidates[*prev].size(); ++k) {
                if (cost[*prev][k] == unreachable) continue;
                int gap = candidates[*prev][k].days_until(d);
                if (gap < min_days || gap > max_days) continue;
                if (cost[i][j] == unreachable || cost[*prev][k] + own < cost[i][j]) {
                    cost[i][j] = cost[*prev][k] + own;
                    from[i][j] = k;
                }
            }
        }
        prev = i;
    }
    if (!prev) return std::vector<Date>{};  // no free day at all: the warnings say so
    std::optional<std::size_t> best;
    for (std::size_t j = 0; j < cost[*prev].size(); ++j)
        if (cost[*prev][j] != unreachable && (!best || cost[*prev][j] < cost[*prev][*best])) best = j;
    if (!best) return std::nullopt;
    std::vector<Date> chosen;
    std::size_t j = *best;
    for (std::size_t i = *prev + 1; i-- > 0;) {
        if (candidates[i].empty()) continue;
        chosen.push_back(candidates[i][j]);
        j = from[i][j];
    }
    std::reverse(chosen.begin(), chosen.end());
    return chosen;
}

// The meetings, with warnings for gaps that cannot be kept and half-terms with no free day.
void plan_meetings(PlanProposal& plan, const std::vector<Window>& halves, const std::vector<const Session*>& held,
                   const std::set<Date>& busy, const RuleSettings& rules) {
    auto candidates = meeting_candidates(halves, held, plan.weekday, busy);
    auto chosen = best_meetings(candidates, halves, rules.meeting_gap_min_weeks * 7, rules.meeting_gap_max_weeks * 7);
    if (!chosen) {
        chosen.emplace();
        for (const auto& days : candidates)
            if (!days.empty()) chosen->push_back(days.front());
        plan.warnings.push_back(fmt::format(
            "no choice of {} dates keeps every gap within {} to {} weeks; the dates nearest the "
            "middle of each half-term are proposed",
            weekday_name(plan.weekday), rules.meeting_gap_min_weeks, rules.meeting_gap_max_weeks));
    }
    for (std::size_t i = 0; i < candidates.size(); ++i)
        if (candidates[i].empty())
            plan.warnings.push_back(fmt::format("no free {} in {} ({} to {}): the lead is booked on every one",
                                                weekday_name(plan.weekday), halves[i].name,
                                                halves[i].start.str(), halves[i].end.str()));
    plan.meetings = *chosen;
}

// The free school day of window `w` nearest `target`.
std::optional<Date> free_day_near(const Window& w, Date target, const std::vector<Window>& halves,
                                  const std::set<Date>& busy) {
    std::optional<Date> best;
    for (Date d = w.start; d <= w.end; d = d.plus_days(1)) {
        if (!weekday_ok(d) || busy.count(d) || !in_school_time(halves, d)) continue;
        if (!best || std::abs(d.days_until(target)) < std::abs(best->days_until(target))) best = d;
    }
    return best;
}

// Window w's visits: the ones held there stay (a withdrawn school's too); each enrolled
// school without one gets a free day, spread through the window, one a day for the lead.
void plan_window_visits(PlanProposal& plan, const Cohort& cohort, const Window& w, const std::vector<Window>& halves,
                        const std::vector<const Session*>& held, std::set<Date>& busy) {
    std::vector<const Member*> members;  // enrolled: spread through the term
    for (const auto& m : cohort.schools)
        if (m.status != MemberStatus::withdrawn) members.push_back(&m);
    auto held_visit = [&](Urn urn) {
        auto log = std::find_if(held.begin(), held.end(), [&](const Session* s) {
            return s->is_visit() && s->school == urn && w.contains(s->date);
        });
        return log == held.end() ? std::optional<Date>() : (*log)->date;
    };
    // A withdrawn school gets no new visit, but one it already had stays.
    for (const auto& m : cohort.schools)
        if (m.status == MemberStatus::withdrawn)
            if (auto done = held_visit(m.urn)) plan.visits.push_back({m.urn, *done});
    int length = w.start.days_until(w.end);
    for (std::size_t k = 0; k < members.size(); ++k) {
        if (auto done = held_visit(members[k]->urn)) {
            plan.visits.push_back({members[k]->urn, *done});
            continue;
        }
        Date target = w.start.plus_days(int((k + 1) * std::size_t(length) / (members.size() + 1)));
        auto best = free_day_near(w, target, halves, busy);
        if (!best) {
            plan.warnings.push_back(fmt::format("no free weekday in {} for a visit to {}", w.name, members[k]->urn));
            continue;
        }
        busy.insert(*best);
        plan.visits.push_back({members[k]->urn, *best});
    }
}

// Visits: one per school per term for stages that have them.
void plan_visits(PlanProposal& plan, const Cohort& cohort, int per_school, const std::vector<Window>& halves,
                 const std::vector<const Session*>& held, std::set<Date>& busy) {
    if (per_school <= 0) {
        // A stage that expects no visits (sustaining, by default) keeps any the hub planned
        // by hand: --replace replaces meetings, and must not drop them.
        for (const auto& v : cohort.visits) plan.visits.push_back({v.urn, v.date});
        return;
    }
    auto windows = terms(halves);
    if (per_school > int(windows.size())) windows = halves;
    for (int t = 0; t < per_school && t < int(windows.size()); ++t)
        plan_window_visits(plan, cohort, windows[std::size_t(t)], halves, held, busy);
    std::stable_sort(plan.visits.begin(), plan.visits.end(),
                     [](const ProposedVisit& a, const ProposedVisit& b) { return a.date < b.date; });
}

}  // namespace

PlanProposal propose_plan(const Records& records, const Index& index, const Cohort& cohort) {
    PlanProposal plan;
    plan.cohort = &cohort;
    if (cohort.weekday) plan.weekday = *cohort.weekday;
    else plan.weekday_assumed = true;  // plan.weekday keeps its default, Tuesday
    const Hub* hub = records.hub_of(cohort.directory);
    plan.default_terms = !hub_has_terms(hub, cohort.year);
    const RuleSettings& rules = records.rules_of(cohort.directory);
    auto halves = half_terms(hub, cohort.year);
    std::set<Date> busy = lead_busy(records, index, cohort);
    // The cohort's own logs are dates that happened: a half-term whose meeting was already
    // held keeps that date, and so does a school's visit already held in a term.
    auto held = held_sessions(index, cohort);
    plan_meetings(plan, halves, held, busy, rules);
    for (Date d : plan.meetings) busy.insert(d);
    plan_visits(plan, cohort, rules.stage(cohort.stage).visits, halves, held, busy);
    return plan;
}

std::string plan_yaml(const PlanProposal& plan, int indent) {
    std::string pad(std::size_t(indent), ' ');
    std::string out = pad + "meetings: [";
    for (std::size_t i = 0; i < plan.meetings.size(); ++i)
        out += (i ? ", " : "") + plan.meetings[i].str();
    out += "]\n";
    if (!plan.visits.empty()) {
        out += pad + "visits:\n";
        for (const auto& v : plan.visits)
            out += fmt::format("{}  - {{urn: {}, date: {}}}\n", pad, v.urn, v.date.str());
    }
    return out;
}

}  // namespace tfm
