#include "tfm/analysis/plan.h"

#include "tfm/model/bank_holidays.h"
#include "tfm/model/term_dates.h"

#include <fmt/format.h>

#include <algorithm>
#include <cstdlib>
#include <optional>
#include <set>
#include <utility>

namespace tfm {
namespace {

// One booking in the lead's diary: a day, and its time when both ends are known.
struct Booking {
    Date date;
    std::optional<TimeOfDay> start, end;
};

// The lead's diary, and the days nothing may be planned on.
class Diary {
public:
    void book(Date d, std::optional<TimeOfDay> start = {}, std::optional<TimeOfDay> end = {}) {
        if (!(start && end)) start = end = std::nullopt;
        bookings_.insert(bookings_.end(), Booking{d, start, end});
    }
    void close(Date d) { closed_.insert(d); }

    // Whether a booking at this time (untimed: the whole day) fits: a weekday, not closed,
    // not a bank holiday nor in the Christmas break (whatever the term dates say), and not at
    // the time of another booking (an untimed one takes the whole day).
    bool free(Date d, std::optional<TimeOfDay> start, std::optional<TimeOfDay> end) const {
        if (d.weekday() >= 5 || closed_.count(d) || is_bank_holiday(d) || in_christmas_break(d)) return false;
        for (const auto& b : bookings_) {
            if (b.date != d) continue;
            if (!b.start || !start || !end) return false;
            if (start->minutes < b.end->minutes && b.start->minutes < end->minutes) return false;
        }
        return true;
    }

private:
    std::vector<Booking> bookings_;
    std::set<Date> closed_;
};

// Everything the lead is booked for (this cohort's own plan and logs included), and the
// hub's closure days.
Diary lead_diary(const Records& records, const Index& index, const Cohort& cohort) {
    Diary diary;
    if (const Hub* hub = records.hub_of(cohort.directory))
        for (Date d : hub->closed) diary.close(d);
    for (const auto& c : records.cohorts) {
        if (c.lead != cohort.lead) continue;
        for (const auto& m : c.meetings) diary.book(m.date, c.start_of(m), c.end_of(m));
        for (const auto& v : c.visits) diary.book(v.date, v.start, v.end);
        for (const Session* s : index.sessions_of(c.id))
            if (s->type == SessionType::meeting || s->is_visit()) diary.book(s->date, s->start, s->end);
    }
    return diary;
}

Date middle(const Window& w) { return w.start.plus_days(w.start.days_until(w.end) / 2); }

bool in_school_time(const std::vector<Window>& halves, Date d) {
    return std::any_of(halves.begin(), halves.end(), [&](const Window& w) { return w.contains(d); });
}

// The cohort's kept dates: its logged meetings and visits, and every planned one.
void keep_dates(PlanProposal& plan, const Index& index, const Cohort& cohort) {
    std::set<std::pair<Date, Urn>> logged;
    for (const Session* s : index.sessions_of(cohort.id)) {
        if (s->type == SessionType::meeting) logged.insert({s->date, 0});
        else if (s->is_visit()) logged.insert({s->date, s->school.value_or(0)});
    }
    std::set<std::pair<Date, Urn>> planned;
    for (const auto& m : cohort.meetings) planned.insert({m.date, 0});
    for (const auto& v : cohort.visits) planned.insert({v.date, v.urn});
    std::set<std::pair<Date, Urn>> all = logged;
    all.insert(planned.begin(), planned.end());
    for (const auto& [date, urn] : all) {
        KeptDate k{date, urn, logged.count({date, urn}) > 0};
        (urn == 0 ? plan.kept_meetings : plan.kept_visits).push_back(k);
    }
}

// A step of the year's meetings: a kept date (fixed), or a half-term still to fill, with its
// free days after as_of, nearest the middle first.
struct Step {
    Date key;  // for ordering: the kept date, or the half-term's first day
    bool fixed = false;
    std::vector<Date> days;
    std::optional<Window> half;
};

std::vector<Step> meeting_steps(const PlanProposal& plan, const std::vector<Window>& halves,
                                const Diary& diary) {
    std::vector<Step> steps;
    for (const auto& k : plan.kept_meetings) steps.push_back({k.date, true, {k.date}, {}});
    const Cohort& c = *plan.cohort;
    std::optional<TimeOfDay> start, end;
    if (c.meeting_time) start = c.meeting_time->start, end = c.meeting_time->end;
    for (const auto& h : halves) {
        bool kept = std::any_of(plan.kept_meetings.begin(), plan.kept_meetings.end(),
                                [&](const KeptDate& k) { return h.contains(k.date); });
        if (kept || h.end <= plan.as_of) continue;  // met already, or over
        Step s{h.start, false, {}, h};
        for (Date d = std::max(h.start, plan.as_of.plus_days(1)); d <= h.end; d = d.plus_days(1))
            if (d.weekday() == plan.weekday && diary.free(d, start, end)) s.days.push_back(d);
        Date mid = middle(h);
        std::stable_sort(s.days.begin(), s.days.end(), [&](Date a, Date b) {
            return std::abs(a.days_until(mid)) < std::abs(b.days_until(mid));
        });
        steps.push_back(std::move(s));
    }
    std::stable_sort(steps.begin(), steps.end(), [](const Step& a, const Step& b) { return a.key < b.key; });
    return steps;
}

// The choice with the fewest gaps next to a new date outside [min_days, max_days] (two kept
// dates are as they are), then the least total distance from the half-terms' middles: a
// shortest path through the steps. Steps without days are skipped. Returns the new dates and
// how many gaps are outside the range.
constexpr long long gap_penalty = 1'000'000;

std::pair<std::vector<Date>, int> best_path(const std::vector<Step>& steps, int min_days, int max_days) {
    constexpr long long unreachable = -1;
    std::vector<std::vector<long long>> cost(steps.size());
    std::vector<std::vector<std::size_t>> from(steps.size());
    std::optional<std::size_t> prev;
    for (std::size_t i = 0; i < steps.size(); ++i) {
        const Step& s = steps[i];
        if (s.days.empty()) continue;
        cost[i].assign(s.days.size(), unreachable);
        from[i].assign(s.days.size(), 0);
        for (std::size_t j = 0; j < s.days.size(); ++j) {
            long long own = s.half ? std::abs(s.days[j].days_until(middle(*s.half))) : 0;
            if (!prev) {
                cost[i][j] = own;
                continue;
            }
            const Step& p = steps[*prev];
            for (std::size_t k = 0; k < p.days.size(); ++k) {
                if (cost[*prev][k] == unreachable) continue;
                int gap = p.days[k].days_until(s.days[j]);
                if (gap <= 0) continue;
                bool outside = !(p.fixed && s.fixed) && (gap < min_days || gap > max_days);
                long long total = cost[*prev][k] + own + (outside ? gap_penalty : 0);
                if (cost[i][j] == unreachable || total < cost[i][j]) {
                    cost[i][j] = total;
                    from[i][j] = k;
                }
            }
        }
        prev = i;
    }
    if (!prev) return {{}, 0};
    std::optional<std::size_t> best;
    for (std::size_t j = 0; j < cost[*prev].size(); ++j)
        if (cost[*prev][j] != unreachable && (!best || cost[*prev][j] < cost[*prev][*best])) best = j;
    if (!best) return {{}, 0};  // cannot happen: the steps are in date order
    std::vector<Date> chosen;  // the new dates only
    std::size_t j = *best;
    for (std::size_t i = *prev + 1; i-- > 0;) {
        if (steps[i].days.empty()) continue;
        if (!steps[i].fixed) chosen.push_back(steps[i].days[j]);
        j = from[i][j];
    }
    std::reverse(chosen.begin(), chosen.end());
    return {chosen, int(cost[*prev][*best] / gap_penalty)};
}

void plan_meetings(PlanProposal& plan, const std::vector<Window>& halves, const Diary& diary,
                   const RuleSettings& rules) {
    auto steps = meeting_steps(plan, halves, diary);
    auto [chosen, outside] = best_path(steps, rules.meeting_gap_min_weeks * 7, rules.meeting_gap_max_weeks * 7);
    if (outside > 0)
        plan.warnings.push_back(fmt::format(
            "{} {} between meetings cannot be kept within {} to {} weeks (kept dates, a full diary "
            "or --as-of leave no {} that fits); the plan keeps the others",
            outside, outside == 1 ? "gap" : "gaps", rules.meeting_gap_min_weeks,
            rules.meeting_gap_max_weeks, weekday_name(plan.weekday)));
    for (const auto& s : steps)
        if (!s.fixed && s.days.empty())
            plan.warnings.push_back(fmt::format(
                "no free {} in {} ({} to {}) after {}: the lead is booked, or the school is closed, "
                "on every one",
                weekday_name(plan.weekday), s.half->name, s.half->start.str(), s.half->end.str(),
                plan.as_of.str()));
    plan.meetings = chosen;
}

// The free school day of window `w` after as_of nearest `target`.
std::optional<Date> free_day_near(const Window& w, Date target, Date as_of,
                                  const std::vector<Window>& halves, const Diary& diary) {
    std::optional<Date> best;
    for (Date d = std::max(w.start, as_of.plus_days(1)); d <= w.end; d = d.plus_days(1)) {
        if (!diary.free(d, {}, {}) || !in_school_time(halves, d)) continue;
        if (!best || std::abs(d.days_until(target)) < std::abs(best->days_until(target))) best = d;
    }
    return best;
}

// Window w's visits: each enrolled school without a kept visit there gets a free day after
// as_of, spread through the window, one a day for the lead.
void plan_window_visits(PlanProposal& plan, const Window& w, const std::vector<Window>& halves,
                        Diary& diary) {
    if (w.end <= plan.as_of) return;
    std::vector<const Member*> members;
    for (const auto& m : plan.cohort->schools)
        if (m.status != MemberStatus::withdrawn) members.push_back(&m);
    int length = w.start.days_until(w.end);
    for (std::size_t k = 0; k < members.size(); ++k) {
        Urn urn = members[k]->urn;
        bool kept = std::any_of(plan.kept_visits.begin(), plan.kept_visits.end(),
                                [&](const KeptDate& v) { return v.urn == urn && w.contains(v.date); });
        if (kept) continue;
        Date target = w.start.plus_days(int((k + 1) * std::size_t(length) / (members.size() + 1)));
        auto best = free_day_near(w, target, plan.as_of, halves, diary);
        if (!best) {
            plan.warnings.push_back(fmt::format("no free weekday in {} after {} for a visit to {}",
                                                w.name, plan.as_of.str(), urn));
            continue;
        }
        diary.book(*best);
        plan.visits.push_back({urn, *best});
    }
}

void plan_visits(PlanProposal& plan, int per_school, const std::vector<Window>& halves, Diary& diary) {
    if (per_school <= 0) return;
    auto windows = terms(halves);
    if (per_school > int(windows.size())) windows = halves;
    for (int t = 0; t < per_school && t < int(windows.size()); ++t)
        plan_window_visits(plan, windows[std::size_t(t)], halves, diary);
    std::stable_sort(plan.visits.begin(), plan.visits.end(),
                     [](const ProposedVisit& a, const ProposedVisit& b) { return a.date < b.date; });
}

}  // namespace

PlanProposal propose_plan(const Records& records, const Index& index, const Cohort& cohort, Date as_of) {
    PlanProposal plan;
    plan.cohort = &cohort;
    plan.as_of = as_of;
    if (cohort.weekday) plan.weekday = *cohort.weekday;
    else plan.weekday_assumed = true;  // plan.weekday keeps its default, Tuesday
    const Hub* hub = records.hub_of(cohort.directory);
    plan.default_terms = !hub_has_terms(hub, cohort.year);
    const RuleSettings& rules = records.rules_of(cohort.directory);
    auto halves = half_terms(hub, cohort.year);
    Diary diary = lead_diary(records, index, cohort);
    keep_dates(plan, index, cohort);
    plan_meetings(plan, halves, diary, rules);
    std::optional<TimeOfDay> start, end;
    if (cohort.meeting_time) start = cohort.meeting_time->start, end = cohort.meeting_time->end;
    for (Date d : plan.meetings) diary.book(d, start, end);
    plan_visits(plan, rules.stage(cohort.stage).visits, halves, diary);
    return plan;
}

std::string plan_yaml(const PlanProposal& plan, int indent) {
    std::string pad(std::size_t(indent), ' ');
    std::string out;
    if (!plan.meetings.empty()) {
        out += pad + "meetings: [";
        for (std::size_t i = 0; i < plan.meetings.size(); ++i)
            out += (i ? ", " : "") + plan.meetings[i].str();
        out += "]\n";
    }
    if (!plan.visits.empty()) {
        out += pad + "visits:\n";
        for (const auto& v : plan.visits)
            out += fmt::format("{}  - {{urn: {}, date: {}}}\n", pad, v.urn, v.date.str());
    }
    return out;
}

std::string plan_summary(const PlanProposal& plan) {
    // "# Kept meetings: 2021-10-05 (logged), …", wrapped at about 95 columns.
    auto list = [](std::string_view title, const std::vector<KeptDate>& kept) {
        std::string out = fmt::format("# {}:", title), line = out;
        if (kept.empty()) return out + " none\n";
        for (std::size_t i = 0; i < kept.size(); ++i) {
            const KeptDate& k = kept[i];
            std::string item = (k.urn ? fmt::format("{} {}", k.urn, k.date.str()) : k.date.str()) +
                               (k.logged ? " (logged)" : " (planned)") + (i + 1 < kept.size() ? "," : "");
            if (line.size() + 1 + item.size() > 95) {
                out += "\n#  ";
                line = "#  ";
            }
            out += " " + item;
            line += " " + item;
        }
        return out + "\n";
    };
    std::string out = list("Kept meetings", plan.kept_meetings);
    if (!plan.kept_visits.empty()) out += list("Kept visits", plan.kept_visits);
    if (plan.adds_nothing())
        return out + fmt::format("# Nothing to add after {}: every half-term and term is planned.\n",
                                 plan.as_of.str());
    auto count = [](std::size_t n, const char* one) { return fmt::format("{} {}{}", n, one, n == 1 ? "" : "s"); };
    return out + fmt::format("# Added after {}: {}, {}; add them to the cohort's lists:\n", plan.as_of.str(),
                             count(plan.meetings.size(), "meeting"), count(plan.visits.size(), "visit"));
}

}  // namespace tfm
