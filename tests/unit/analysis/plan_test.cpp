// `tfm plan` (SPEC sections 2 and 6): term windows (the hub's, or six equal windows from the
// first weekday of September to 20 July), the proposal (one meeting per half-term on the
// cohort's weekday within the spacing rule; one visit per school per term on a school day;
// never on a date the lead is booked). The writer's tests are in tests/unit/edit/plan_writer_test.cpp.
#include "tfm/analysis/plan.h"

#include "../fixtures.h"
#include "tfm/model/bank_holidays.h"
#include "tfm/model/term_dates.h"
#include "tfm/model/index.h"
#include "tfm/load/load.h"

#include <doctest/doctest.h>
#include <fmt/format.h>

#include <algorithm>
#include <map>
#include <set>
#include <string>
#include <string_view>
#include <vector>

using namespace tfm;

namespace {

using test::d;

struct Tree {
    Workspace ws;

    explicit Tree(std::string_view yaml) : ws(test::load_fixture(yaml), test::unused_as_of()) {}

    const Cohort& cohort(std::string_view id) const {
        const Cohort* c = ws.index().cohort(id);
        REQUIRE(c);
        return *c;
    }
    // From the day before the year starts, unless a later --as-of is given.
    PlanProposal plan(std::string_view id, Date as_of = d(2021, 8, 31)) const {
        return propose_plan(ws.records(), ws.index(), cohort(id), as_of);
    }
    std::vector<Window> halves(int year) const {
        const Records& r = ws.records();
        return half_terms(r.hubs.empty() ? nullptr : &r.hubs.front(), AcademicYear(year));
    }
};

std::string dates(const std::vector<Date>& v) {
    std::string out;
    for (Date x : v) out += (out.empty() ? "" : " ") + x.str();
    return out;
}

// The hub of SPEC section 2, with term dates for 2021/22 only.
constexpr std::string_view hub_yaml = R"(hub:
  name: Test Hub
  areas: [Leeds]
  terms:
    2021/22:
      - {name: Autumn 1, start: 2021-09-02, end: 2021-10-22}
      - {name: Autumn 2, start: 2021-11-01, end: 2021-12-17}
      - {name: Spring 1, start: 2022-01-04, end: 2022-02-18}
      - {name: Spring 2, start: 2022-02-28, end: 2022-04-08}
      - {name: Summer 1, start: 2022-04-25, end: 2022-05-27}
      - {name: Summer 2, start: 2022-06-06, end: 2022-07-22}
---
leads:
  - {id: jsmith, name: Jo Smith, role: specialist}
  - {id: apatel, name: Asha Patel, role: specialist}
---
schools:
  - {urn: 107401, name: School 1, phase: primary, area: Leeds}
  - {urn: 107402, name: School 2, phase: primary, area: Leeds}
  - {urn: 107403, name: School 3, phase: primary, area: Leeds}
  - {urn: 107404, name: School 4, phase: primary, area: Leeds}
  - {urn: 107405, name: School 5, phase: primary, area: Leeds}
  - {urn: 107406, name: School 6, phase: primary, area: Leeds}
  - {urn: 107407, name: School 7, phase: primary, area: Leeds}
  - {urn: 107408, name: School 8, phase: primary, area: Leeds}
  - {urn: 107409, name: School 9, phase: primary, area: Leeds}
  - {urn: 107410, name: School 10, phase: primary, area: Leeds}
)";

// Jo Smith's other group meets on Wednesdays, and its visits and logs take the Tuesdays
// nearest the middle of three half-terms; the cohort to plan meets on Tuesdays.
constexpr std::string_view cohorts_yaml = R"(---
cohorts:
  - id: other
    stage: development
    year: 2021/22
    lead: jsmith
    weekday: wednesday
    schools:
      - {urn: 107401, participants: [A One, A Two]}
      - {urn: 107402, participants: [B One, B Two]}
    meetings: [2021-09-29, 2021-11-24, 2022-01-19, 2022-03-16, 2022-05-11, 2022-06-29]
    visits:
      - {urn: 107401, date: 2021-09-28}
      - {urn: 107402, date: 2021-11-23}
      - {urn: 107401, date: 2022-01-25}
  - id: target
    stage: development
    year: 2021/22
    lead: jsmith
    weekday: tuesday
    schools:
      - {urn: 107403, participants: [C One, C Two]}
      - {urn: 107404, participants: [D One, D Two]}
      - {urn: 107405, participants: [E One, E Two]}
      - {urn: 107406, participants: [F One, F Two]}
      - {urn: 107407, participants: [G One, G Two], status: withdrawn}
  - id: noday
    stage: sustaining
    year: 2021/22
    lead: apatel
    schools:
      - {urn: 107408, participants: [H One]}
  - id: nextyear
    stage: development
    year: 2022/23
    lead: jsmith
    weekday: thursday
    schools:
      - {urn: 107409, participants: [I One, I Two]}
      - {urn: 107410, participants: [J One, J Two]}
---
sessions:
  # logs of the other group are bookings too, planned or not
  - {cohort: other, date: 2022-03-15, type: visit, school: 107402}
  - {cohort: other, date: 2022-05-10, type: meeting}
)";

// Every date on which Jo Smith is booked by the group `other`.
const std::set<Date> jsmith_busy = {
    d(2021, 9, 29), d(2021, 11, 24), d(2022, 1, 19), d(2022, 3, 16), d(2022, 5, 11), d(2022, 6, 29),
    d(2021, 9, 28), d(2021, 11, 23), d(2022, 1, 25), d(2022, 3, 15), d(2022, 5, 10)};

std::string base_tree() { return std::string(hub_yaml) + std::string(cohorts_yaml); }

bool in_some(const std::vector<Window>& windows, Date x) {
    return std::any_of(windows.begin(), windows.end(), [&](const Window& w) { return w.contains(x); });
}

// What every proposal must satisfy: meetings one per half-term (those with a free day) on the
// weekday, in order, within the gap rule; visits one per enrolled school per term, on a school
// day inside a half-term, never on a booked date or a meeting, at most one a day.
void check_plan(const PlanProposal& plan, const std::vector<Window>& halves, const std::set<Date>& busy,
                const std::vector<Urn>& schools, int min_weeks = 3, int max_weeks = 8) {
    REQUIRE(plan.cohort);
    for (std::size_t i = 0; i < plan.meetings.size(); ++i) {
        Date m = plan.meetings[i];
        CAPTURE(m.str());
        CHECK(m.weekday() == plan.weekday);
        CHECK(in_some(halves, m));
        CHECK(busy.count(m) == 0);
        if (i > 0) {
            int gap = plan.meetings[i - 1].days_until(m);
            CHECK(gap >= min_weeks * 7);
            CHECK(gap <= max_weeks * 7);
        }
    }
    // At most one meeting per half-term.
    for (const auto& h : halves)
        CHECK(std::count_if(plan.meetings.begin(), plan.meetings.end(), [&](Date m) { return h.contains(m); }) <= 1);

    auto terms3 = terms(halves);
    std::set<Date> visit_days;
    std::map<std::pair<Urn, std::size_t>, int> per_term;
    for (const auto& v : plan.visits) {
        CAPTURE(v.date.str());
        CAPTURE(v.urn);
        CHECK(v.date.weekday() < 5);
        CHECK(in_some(halves, v.date));  // never in the holiday between half-terms
        CHECK(busy.count(v.date) == 0);
        CHECK(std::find(plan.meetings.begin(), plan.meetings.end(), v.date) == plan.meetings.end());
        CHECK(visit_days.insert(v.date).second);  // one visit a day
        CHECK(std::find(schools.begin(), schools.end(), v.urn) != schools.end());
        for (std::size_t t = 0; t < terms3.size(); ++t)
            if (terms3[t].contains(v.date)) ++per_term[{v.urn, t}];
    }
    if (!plan.visits.empty()) {
        for (Urn u : schools)
            for (std::size_t t = 0; t < terms3.size(); ++t) {
                CAPTURE(u);
                CAPTURE(t);
                CHECK(per_term[{u, t}] == 1);
            }
        CHECK(plan.visits.size() == schools.size() * terms3.size());
        CHECK(std::is_sorted(plan.visits.begin(), plan.visits.end(),
                             [](const ProposedVisit& a, const ProposedVisit& b) { return a.date < b.date; }));
    }
}

}  // namespace

// ---- term windows ----------------------------------------------------------------------------

TEST_CASE("plan: half_terms gives the hub's half-terms for a year it lists") {
    Tree t(base_tree());
    auto halves = t.halves(2021);
    REQUIRE(halves.size() == 6);
    CHECK(halves[0].name == "Autumn 1");
    CHECK(halves[0].start == d(2021, 9, 2));
    CHECK(halves[5].end == d(2022, 7, 22));
    auto terms3 = terms(halves);
    REQUIRE(terms3.size() == 3);
    CHECK(terms3[0].name == "Autumn");
    CHECK(terms3[0].start == d(2021, 9, 2));
    CHECK(terms3[0].end == d(2021, 12, 17));
    CHECK(terms3[1].name == "Spring");
    CHECK(terms3[1].start == d(2022, 1, 4));
    CHECK(terms3[1].end == d(2022, 4, 8));
    CHECK(terms3[2].name == "Summer");
    CHECK(terms3[2].start == d(2022, 4, 25));
    CHECK(terms3[2].end == d(2022, 7, 22));
}

TEST_CASE("plan: default windows are six equal parts from the first weekday of September to 20 July") {
    // 2022: 1 September is a Thursday; 2018: a Saturday (so Monday 3rd); 2019: a Sunday.
    for (auto [year, first] : {std::pair{2022, d(2022, 9, 1)}, std::pair{2018, d(2018, 9, 3)},
                               std::pair{2019, d(2019, 9, 2)}}) {
        CAPTURE(year);
        auto halves = half_terms(nullptr, AcademicYear(year));
        REQUIRE(halves.size() == 6);
        CHECK(halves.front().start == first);
        CHECK(halves.back().end == d(year + 1, 7, 20));
        int shortest = 1000, longest = 0;
        for (std::size_t i = 0; i < 6; ++i) {
            if (i > 0) CHECK(halves[i - 1].end.plus_days(1) == halves[i].start);  // no gaps, no overlaps
            int days = halves[i].start.days_until(halves[i].end) + 1;
            shortest = std::min(shortest, days);
            longest = std::max(longest, days);
        }
        CHECK(longest - shortest <= 1);
        CHECK(halves[0].name == "Autumn 1");
        CHECK(halves[5].name == "Summer 2");
    }
    // 2022/23: 323 days in six windows.
    auto halves = half_terms(nullptr, AcademicYear(2022));
    CHECK(halves[0].end == d(2022, 10, 23));
    CHECK(halves[1].start == d(2022, 10, 24));
}

TEST_CASE("plan: a year the hub does not list uses the default windows") {
    Tree t(base_tree());
    auto halves = t.halves(2022);
    REQUIRE(halves.size() == 6);
    CHECK(halves.front().start == d(2022, 9, 1));
    CHECK(halves.back().end == d(2023, 7, 20));
}

// ---- propose_plan: meetings and visits -------------------------------------------------------

TEST_CASE("plan: six meetings, one per half-term, on the weekday, within the gap rule") {
    Tree t(base_tree());
    auto plan = t.plan("target");
    CHECK(plan.weekday == 1);
    CHECK_FALSE(plan.weekday_assumed);
    CHECK_FALSE(plan.default_terms);
    CHECK(plan.warnings.empty());
    auto halves = t.halves(2021);
    REQUIRE(plan.meetings.size() == 6);
    for (std::size_t i = 0; i < 6; ++i) CHECK(halves[i].contains(plan.meetings[i]));
    check_plan(plan, halves, jsmith_busy, {107403, 107404, 107405, 107406});
    // The free Tuesdays with the least total distance from the half-terms' middles that keep
    // every gap within 3 to 8 weeks (the middles' own Tuesdays 28 Sep, 23 Nov, 25 Jan, 15 Mar and
    // 10 May are booked).
    CHECK(dates(plan.meetings) == "2021-10-05 2021-11-30 2022-01-18 2022-03-08 2022-05-03 2022-06-28");
}

TEST_CASE("plan: one visit per enrolled school per term, none for a withdrawn school") {
    Tree t(base_tree());
    auto plan = t.plan("target");
    CHECK(plan.visits.size() == 12);
    for (const auto& v : plan.visits) CHECK(v.urn != 107407);
    check_plan(plan, t.halves(2021), jsmith_busy, {107403, 107404, 107405, 107406});
}

TEST_CASE("plan: visits never fall in the holiday between two half-terms") {
    // Six schools: the spread targets of the autumn term include 25-29 October (half-term).
    Tree t(std::string(hub_yaml) + R"(---
cohort:
  id: big
  stage: development
  year: 2021/22
  lead: apatel
  weekday: monday
  schools:
    - {urn: 107401, participants: [A One, A Two]}
    - {urn: 107402, participants: [B One, B Two]}
    - {urn: 107403, participants: [C One, C Two]}
    - {urn: 107404, participants: [D One, D Two]}
    - {urn: 107405, participants: [E One, E Two]}
    - {urn: 107406, participants: [F One, F Two]}
    - {urn: 107407, participants: [G One, G Two]}
    - {urn: 107408, participants: [H One, H Two]}
)");
    auto plan = t.plan("big");
    auto halves = t.halves(2021);
    check_plan(plan, halves, {}, {107401, 107402, 107403, 107404, 107405, 107406, 107407, 107408});
    for (const auto& v : plan.visits) {
        CHECK_FALSE((d(2021, 10, 23) <= v.date && v.date <= d(2021, 10, 31)));
        CHECK_FALSE((d(2021, 12, 18) <= v.date && v.date <= d(2022, 1, 3)));
        CHECK_FALSE((d(2022, 2, 19) <= v.date && v.date <= d(2022, 2, 27)));
        CHECK_FALSE((d(2022, 4, 9) <= v.date && v.date <= d(2022, 4, 24)));
        CHECK_FALSE((d(2022, 5, 28) <= v.date && v.date <= d(2022, 6, 5)));
    }
}

TEST_CASE("plan: nothing on a date the lead is booked, planned or logged, by another cohort") {
    Tree t(base_tree());
    auto plan = t.plan("target");
    for (Date m : plan.meetings) CHECK(jsmith_busy.count(m) == 0);
    for (const auto& v : plan.visits) CHECK(jsmith_busy.count(v.date) == 0);
    // Another lead's bookings do not matter: Asha Patel's cohort may meet on Jo's dates.
    auto other = t.plan("noday");
    CHECK(std::find(other.meetings.begin(), other.meetings.end(), d(2021, 9, 28)) != other.meetings.end());
}

TEST_CASE("plan: Tuesday when the cohort has no weekday, and no visits for a stage without them") {
    Tree t(base_tree());
    auto plan = t.plan("noday");
    CHECK(plan.weekday == 1);
    CHECK(plan.weekday_assumed);
    REQUIRE(plan.meetings.size() == 6);
    for (Date m : plan.meetings) CHECK(m.weekday() == 1);
    CHECK(plan.visits.empty());  // sustaining: visits: 0
    check_plan(plan, t.halves(2021), {}, {107408});
}

TEST_CASE("plan: without term dates for the year, inside the default windows") {
    Tree t(base_tree());
    auto plan = t.plan("nextyear");
    CHECK(plan.default_terms);
    CHECK(plan.weekday == 3);
    auto halves = half_terms(nullptr, AcademicYear(2022));
    REQUIRE(plan.meetings.size() == 6);
    for (std::size_t i = 0; i < 6; ++i) CHECK(halves[i].contains(plan.meetings[i]));
    check_plan(plan, halves, {}, {107409, 107410});
    CHECK(plan.visits.size() == 6);
    CHECK(plan.warnings.empty());
}

TEST_CASE("plan: a year listed in hub.terms without any term also uses the default windows") {
    // The hub lists 2022/23 with no terms.
    std::string fixed = base_tree();
    fixed.replace(fixed.find("    2021/22:\n"), 0, "    2022/23: []\n");
    Tree t(fixed);
    auto plan = t.plan("nextyear");
    CHECK(plan.default_terms);
    auto halves = half_terms(nullptr, AcademicYear(2022));
    for (std::size_t i = 0; i < plan.meetings.size(); ++i) CHECK(halves[i].contains(plan.meetings[i]));
}

TEST_CASE("plan: the gap rule comes from hub.rules") {
    std::string yaml = base_tree();
    yaml.replace(yaml.find("---\nleads:"), 0, "  rules:\n    meeting_gap_weeks: {min: 6, max: 9}\n");
    Tree t(yaml);
    auto plan = t.plan("target");
    REQUIRE(plan.meetings.size() == 6);
    CHECK(plan.warnings.empty());
    check_plan(plan, t.halves(2021), jsmith_busy, {107403, 107404, 107405, 107406}, 6, 9);
}

TEST_CASE("plan: a lead with a full diary in one half-term gets a warning, not a crash") {
    // Every Tuesday of Autumn 2 (2 November to 14 December) is a visit of the other group.
    Tree t(std::string(hub_yaml) + R"(---
cohorts:
  - id: busy
    stage: development
    year: 2021/22
    lead: jsmith
    weekday: wednesday
    schools:
      - {urn: 107401, participants: [A One, A Two]}
      - {urn: 107402, participants: [B One, B Two]}
    visits:
      - {urn: 107401, date: 2021-11-02}
      - {urn: 107402, date: 2021-11-09}
      - {urn: 107401, date: 2021-11-16}
      - {urn: 107402, date: 2021-11-23}
      - {urn: 107401, date: 2021-11-30}
      - {urn: 107402, date: 2021-12-07}
      - {urn: 107401, date: 2021-12-14}
  - id: target
    stage: development
    year: 2021/22
    lead: jsmith
    weekday: tuesday
    schools:
      - {urn: 107403, participants: [C One, C Two]}
      - {urn: 107404, participants: [D One, D Two]}
)");
    auto plan = t.plan("target");
    auto halves = t.halves(2021);
    CHECK(plan.meetings.size() == 5);
    for (Date m : plan.meetings) CHECK_FALSE(halves[1].contains(m));
    bool full = false;
    for (const auto& w : plan.warnings)
        if (w.find("no free tuesday in Autumn 2") != std::string::npos) full = true;
    CHECK(full);
    std::set<Date> busy;
    for (Date x = d(2021, 11, 2); x <= d(2021, 12, 14); x = x.plus_days(7)) busy.insert(x);
    // Visits still come, on other days; the spacing across the empty half-term cannot hold.
    for (const auto& v : plan.visits) CHECK(busy.count(v.date) == 0);
    CHECK(plan.visits.size() == 6);
    auto yaml = plan_yaml(plan, 0);
    CHECK(yaml.rfind("meetings: [", 0) == 0);
}

TEST_CASE("plan: a lead booked on every Tuesday of the year gets no meetings and six warnings") {
    std::string yaml = std::string(hub_yaml) + R"(---
cohorts:
  - id: busy
    stage: development
    year: 2021/22
    lead: jsmith
    schools:
      - {urn: 107401, participants: [A One, A Two]}
    visits:
)";
    for (Date x = d(2021, 9, 7); x <= d(2022, 7, 26); x = x.plus_days(7))
        yaml += "      - {urn: 107401, date: " + x.str() + "}\n";
    yaml += R"(  - id: target
    stage: development
    year: 2021/22
    lead: jsmith
    schools:
      - {urn: 107403, participants: [C One, C Two]}
)";
    Tree t(yaml);
    auto plan = t.plan("target");
    CHECK(plan.meetings.empty());
    CHECK(plan.warnings.size() == 6);
    CHECK(plan.visits.size() == 3);
    for (const auto& v : plan.visits) CHECK(v.date.weekday() != 1);
    CHECK(plan_yaml(plan, 2).rfind("  visits:\n", 0) == 0);  // no meetings: no key
}

TEST_CASE("plan: dates the cohort already logged are kept, not planned around") {
    // A meeting held on a Wednesday in Autumn 1 and a visit to 107403 held in the autumn term.
    Tree t(std::string(hub_yaml) + R"(---
cohort:
  id: target
  stage: development
  year: 2021/22
  lead: jsmith
  weekday: tuesday
  schools:
    - {urn: 107403, participants: [C One, C Two]}
    - {urn: 107404, participants: [D One, D Two]}
---
sessions:
  - {cohort: target, date: 2021-10-06, type: meeting}
  - {cohort: target, date: 2021-10-08, type: visit, school: 107403}
)");
    auto plan = t.plan("target");
    REQUIRE(plan.kept_meetings.size() == 1);
    CHECK(plan.kept_meetings[0].date == d(2021, 10, 6));
    CHECK(plan.kept_meetings[0].logged);
    REQUIRE(plan.meetings.size() == 5);  // the other half-terms
    for (Date m : plan.meetings) CHECK(m.weekday() == 1);
    CHECK(d(2021, 10, 6).days_until(plan.meetings[0]) >= 21);  // the spacing rule from the kept date
    REQUIRE(plan.kept_visits.size() == 1);
    CHECK(plan.kept_visits[0].urn == 107403);
    for (const auto& v : plan.visits) {
        CHECK(v.date != d(2021, 10, 6));
        CHECK_FALSE((v.urn == 107403 && v.date <= d(2021, 12, 17)));  // kept its autumn visit
        if (v.urn == 107404) CHECK(v.date != d(2021, 10, 8));
    }
    CHECK(plan.visits.size() == 5);
}

TEST_CASE("plan: a withdrawn school keeps the visit it had and gets no new one") {
    Tree t(std::string(hub_yaml) + R"(---
cohort:
  id: target
  stage: development
  year: 2021/22
  lead: jsmith
  weekday: tuesday
  schools:
    - {urn: 107403, participants: [C One, C Two]}
    - {urn: 107404, participants: [D One, D Two], status: withdrawn, withdrawn_on: 2022-01-10}
---
sessions:
  - {cohort: target, date: 2021-10-13, type: visit, school: 107404}
)");
    auto plan = t.plan("target");
    for (const auto& v : plan.visits) CHECK(v.urn == 107403);
    CHECK(plan.visits.size() == 3);  // three for 107403
    REQUIRE(plan.kept_visits.size() == 1);  // the one held at 107404
    CHECK(plan.kept_visits[0].date == d(2021, 10, 13));
}

TEST_CASE("plan: plan_yaml indents the keys and the visit items") {
    PlanProposal plan;
    plan.meetings = {d(2021, 10, 5), d(2021, 11, 16)};
    plan.visits = {{107401, d(2021, 10, 12)}, {107402, d(2021, 10, 19)}};
    CHECK(plan_yaml(plan, 0) ==
          "meetings: [2021-10-05, 2021-11-16]\n"
          "visits:\n"
          "  - {urn: 107401, date: 2021-10-12}\n"
          "  - {urn: 107402, date: 2021-10-19}\n");
    CHECK(plan_yaml(plan, 4) ==
          "    meetings: [2021-10-05, 2021-11-16]\n"
          "    visits:\n"
          "      - {urn: 107401, date: 2021-10-12}\n"
          "      - {urn: 107402, date: 2021-10-19}\n");
    plan.visits.clear();
    CHECK(plan_yaml(plan, 2) == "  meetings: [2021-10-05, 2021-11-16]\n");
}

TEST_CASE("plan keeps the hand-planned visits of a stage that expects none") {
    auto loaded = load_text(R"(hub: {name: H, areas: [Leeds]}
leads: [{id: jo, name: Jo, role: specialist}]
cohort:
  id: sus
  stage: sustaining
  year: 2021/22
  lead: jo
  weekday: thursday
  schools: [{urn: 100001, participants: [A]}]
  visits: [{urn: 100001, date: 2022-03-10}]
)");
    Index index(loaded.records);
    auto plan = propose_plan(loaded.records, index, loaded.records.cohorts.front(), d(2021, 8, 31));
    CHECK(plan.visits.empty());
    REQUIRE(plan.kept_visits.size() == 1);
    CHECK(plan.kept_visits[0].urn == 100001);
    CHECK(plan.kept_visits[0].date == Date(2022, 3, 10));
}

// ---- mid-year: from --as-of, around logged and agreed dates ----------------------------------

namespace {

// Logged meetings in Autumn 1 and Autumn 2, an agreed meeting on 2022-03-08 (Spring 2) with
// its own time, a logged and an agreed visit.
constexpr std::string_view midyear_yaml = R"(---
cohort:
  id: target
  stage: development
  year: 2021/22
  lead: jsmith
  weekday: tuesday
  meeting_time: {start: "13:00", end: "16:00"}
  schools:
    - {urn: 107403, participants: [C One, C Two]}
    - {urn: 107404, participants: [D One, D Two]}
  meetings:
    - 2021-10-05
    - 2021-11-30
    - {date: 2022-03-08, start: "09:30", end: "12:00"}
  visits:
    - {urn: 107404, date: 2022-01-13}
---
sessions:
  - {cohort: target, date: 2021-10-05, type: meeting}
  - {cohort: target, date: 2021-11-30, type: meeting}
  - {cohort: target, date: 2021-10-12, type: visit, school: 107403}
)";

}  // namespace

TEST_CASE("plan mid-year: kept dates stay, new dates only after --as-of, in the half-terms still open") {
    Tree t(std::string(hub_yaml) + std::string(midyear_yaml));
    for (Date as_of : {d(2021, 12, 1), d(2022, 1, 20), d(2022, 3, 9), d(2022, 7, 1), d(2022, 7, 30)}) {
        CAPTURE(as_of.str());
        auto plan = t.plan("target", as_of);
        CHECK(plan.kept_meetings.size() == 3);
        for (Date m : plan.meetings) {
            CHECK(as_of < m);
            CHECK(m.weekday() == 1);
        }
        for (const auto& v : plan.visits) CHECK(as_of < v.date);
        // Every half-term has exactly one meeting, kept or added, unless it was over by as_of.
        for (const auto& h : t.halves(2021)) {
            CAPTURE(h.name);
            int n = 0;
            for (const auto& k : plan.kept_meetings) n += h.contains(k.date);
            for (Date m : plan.meetings) n += h.contains(m);
            if (h.end > as_of) CHECK(n == 1);
            else CHECK(n <= 1);
        }
    }
    auto december = t.plan("target", d(2021, 12, 1));
    // Spring 1, Summer 1 and Summer 2, each the Tuesday nearest its middle that keeps the gaps
    // from the kept 30 Nov and to and from the kept 8 March within 8 weeks: 25 Jan (the middle's
    // own), 3 May (10 May would be 9 weeks after 8 March), 28 June.
    CHECK(dates(december.meetings) == "2022-01-25 2022-05-03 2022-06-28");
    CHECK(december.warnings.empty());
    // Visits: 107403 had its autumn visit (logged), 107404 has its spring one agreed; the
    // autumn term still has days after 1 December for 107404.
    std::string visits;
    for (const auto& v : december.visits) visits += fmt::format("{} {}; ", v.urn, v.date.str());
    CHECK(visits == "107404 2021-12-02; 107403 2022-02-04; 107403 2022-05-24; 107404 2022-06-22; ");
    // After the year's last half-term: nothing left to add.
    CHECK(t.plan("target", d(2022, 7, 30)).adds_nothing());
}

TEST_CASE("plan: never on a bank holiday or a day in hub.closed, and a morning booking leaves the afternoon") {
    // Summer 1 of 2022 on Mondays: 2 May is the early May bank holiday; the hub is closed on
    // 16 May; 9 May has a morning visit of another group, and the cohort meets 13:00-16:00.
    std::string yaml = std::string(hub_yaml);
    yaml.replace(yaml.find("  terms:"), 0, "  closed: [2022-05-16]\n");
    yaml += R"(---
cohorts:
  - id: morning
    stage: development
    year: 2021/22
    lead: jsmith
    schools:
      - {urn: 107401, participants: [A One, A Two]}
    visits:
      - {urn: 107401, date: 2022-05-09, start: "09:00", end: "11:30"}
  - id: target
    stage: sustaining
    year: 2021/22
    lead: jsmith
    weekday: monday
    meeting_time: {start: "13:00", end: "16:00"}
    schools:
      - {urn: 107403, participants: [C One]}
)";
    Tree t(yaml);
    auto plan = t.plan("target", d(2022, 4, 25));
    REQUIRE(plan.meetings.size() == 2);  // Summer 1 and Summer 2
    // Summer 1 runs 25 April to 27 May; its middle is 11 May: 9 May is free in the afternoon.
    CHECK(plan.meetings[0] == d(2022, 5, 9));
    // Untimed, the morning visit takes the whole day.
    std::string untimed = yaml;
    untimed.replace(untimed.find("    meeting_time: {start: \"13:00\", end: \"16:00\"}\n"),
                    std::string_view("    meeting_time: {start: \"13:00\", end: \"16:00\"}\n").size(), "");
    Tree u(untimed);
    auto plan2 = u.plan("target", d(2022, 4, 25));
    REQUIRE_FALSE(plan2.meetings.empty());
    CHECK(plan2.meetings[0] != d(2022, 5, 9));
    CHECK(plan2.meetings[0] != d(2022, 5, 2));   // bank holiday
    CHECK(plan2.meetings[0] != d(2022, 5, 16));  // hub.closed
}

TEST_CASE("plan: never in the Christmas break (20 Dec to 3 Jan) nor Good Friday to Easter Monday") {
    // Without term dates the default Spring 1 window starts in mid-December; the spacing rule
    // pulls its meeting early. Every --as-of through the autumn, every weekday.
    for (int weekday = 0; weekday < 5; ++weekday)
        for (Date as_of = d(2022, 8, 31); as_of < d(2022, 12, 20); as_of = as_of.plus_days(9)) {
            std::string yaml = base_tree();
            yaml.replace(yaml.find("weekday: thursday"), 17,
                         fmt::format("weekday: {}", weekday_name(weekday)));
            Tree t(yaml);
            auto plan = t.plan("nextyear", as_of);
            CHECK(plan.default_terms);
            std::vector<Date> all = plan.meetings;
            for (const auto& v : plan.visits) all.push_back(v.date);
            Date easter = easter_sunday(2023);
            for (Date x : all) {
                INFO("as of ", as_of.str(), ": ", x.str());
                CHECK_FALSE(in_christmas_break(x));
                CHECK_FALSE((easter.plus_days(-2) <= x && x <= easter.plus_days(1)));
            }
        }
}

TEST_CASE("plan: the Christmas break is 20 December to 3 January") {
    CHECK_FALSE(in_christmas_break(d(2026, 12, 19)));
    CHECK(in_christmas_break(d(2026, 12, 20)));
    CHECK(in_christmas_break(d(2026, 12, 29)));
    CHECK(in_christmas_break(d(2027, 1, 3)));
    CHECK_FALSE(in_christmas_break(d(2027, 1, 4)));
}

TEST_CASE("plan: typical English term dates for init's template") {
    auto text = [](AcademicYear y) {
        std::string out;
        for (const auto& w : typical_english_half_terms(y))
            out += fmt::format("{}: {} {}\n", w.name, w.start.str(), w.end.str());
        return out;
    };
    // Easter 2027 is 28 March: two weeks off around it; the late-May bank holiday is 31 May.
    CHECK(text(AcademicYear(2026)) ==
          "Autumn 1: 2026-09-03 2026-10-23\nAutumn 2: 2026-11-02 2026-12-18\n"
          "Spring 1: 2027-01-05 2027-02-12\nSpring 2: 2027-02-22 2027-03-19\n"
          "Summer 1: 2027-04-05 2027-05-28\nSummer 2: 2027-06-07 2027-07-20\n");
    // Easter 2025 is 20 April; 20 July 2025 is a Sunday, so summer ends on Friday 18 July.
    CHECK(text(AcademicYear(2024)) ==
          "Autumn 1: 2024-09-03 2024-10-25\nAutumn 2: 2024-11-04 2024-12-19\n"
          "Spring 1: 2025-01-06 2025-02-14\nSpring 2: 2025-02-24 2025-04-11\n"
          "Summer 1: 2025-04-28 2025-05-23\nSummer 2: 2025-06-02 2025-07-18\n");
    for (int y = 2020; y < 2040; ++y) {
        auto halves = typical_english_half_terms(AcademicYear(y));
        REQUIRE(halves.size() == 6);
        for (std::size_t i = 0; i < 6; ++i) {
            CHECK(halves[i].start.weekday() < 5);
            CHECK(halves[i].start < halves[i].end);
            if (i) CHECK(halves[i - 1].end.plus_days(3) <= halves[i].start);  // a break between
            for (Date x = halves[i].start; x <= halves[i].end; x = x.plus_days(1))
                CHECK_FALSE(in_christmas_break(x));
        }
    }
}
