// tfm register's data: marks per school and participant, totals, the threshold.
#include "tfm/analysis/register.h"

#include "../fixtures.h"

#include <doctest/doctest.h>

using namespace tfm;
using M = RegisterMark;

namespace {

const char* tree = R"(hub: {name: H, rules: {cohort_size: {min: 1, max: 8}, completion: 0.75}}
---
lead: {id: jo, name: Jo Smith, role: readiness_lead}
---
schools:
  - {urn: 100001, name: Ash, phase: primary, area: A}
  - {urn: 100002, name: Birch, phase: primary, area: A}
  - {urn: 100003, name: Cedar, phase: primary, area: A}
---
cohort:
  id: c1
  name: Group One
  stage: readiness
  year: 2021/22
  lead: jo
  schools:
    - {urn: 100001, participants: [Amy, Bo]}
    - {urn: 100002, participants: [Cy], status: withdrawn, withdrawn_on: 2021-12-01}
    - {urn: 100003, participants: [Di]}
---
sessions:
  - {cohort: c1, date: 2021-10-05, type: meeting, attendance: {100001: [Amy], 100002: [Cy]}}
  - {cohort: c1, date: 2021-11-16, type: meeting, attendance: {100001: [], 100002: [Cy]}}
  - {cohort: c1, date: 2022-01-11, type: meeting, attendance: {100001: [amy, Bo, Zed], 100003: [Di]}}
  - {cohort: c1, date: 2022-01-20, type: visit, school: 100001}
)";

}  // namespace

TEST_CASE("register: marks, totals and the threshold") {
    Workspace ws(test::load_fixture(tree, test::LoaderFindings::no_errors), test::d(2022, 3, 1));
    const Cohort* c = ws.index().cohort("c1");
    REQUIRE(c);
    Register r = build_register(ws.records(), ws.index(), *c, ws.as_of());
    CHECK(r.cohort_name == "Group One");
    CHECK(r.lead_name == "Jo Smith");
    CHECK(r.completion == doctest::Approx(0.75));
    REQUIRE(r.meetings.size() == 3);  // meetings with attendance; the visit is not one
    REQUIRE(r.schools.size() == 3);

    const auto& ash = r.schools[0];
    CHECK(ash.marks == std::vector<M>{M::present, M::absent, M::present});
    CHECK(ash.attended == 2);
    CHECK(ash.logged == 3);
    CHECK_FALSE(ash.meets_completion);  // 2/3 < 0.75
    REQUIRE(ash.participants.size() == 3);  // Amy, Bo and Zed, who is not listed
    CHECK(ash.participants[0].marks == std::vector<M>{M::present, M::absent, M::present});  // "amy" is Amy
    CHECK(ash.participants[1].marks == std::vector<M>{M::absent, M::absent, M::present});
    CHECK(ash.participants[2].name == "Zed");
    CHECK_FALSE(ash.participants[2].listed);
    // Zed is expected only where he came: not absent from meetings nobody expected him at.
    CHECK(ash.participants[2].marks == std::vector<M>{M::not_expected, M::not_expected, M::present});
    CHECK(ash.participants[2].attended == 1);
    CHECK(ash.participants[2].expected == 1);

    const auto& birch = r.schools[1];  // withdrew on 2021-12-01
    CHECK(birch.marks == std::vector<M>{M::present, M::present, M::withdrawn});
    CHECK(birch.logged == 2);
    CHECK(birch.attended == 2);
    // Every meeting before it withdrew, yet a withdrawn school does not complete the stage.
    CHECK(birch.withdrawn);
    CHECK_FALSE(birch.meets_completion);
    CHECK(birch.participants[0].expected == 2);

    const auto& cedar = r.schools[2];  // first listed at the third meeting
    CHECK(cedar.marks == std::vector<M>{M::not_yet_member, M::not_yet_member, M::present});
    CHECK(cedar.logged == 3);  // as the completion rule counts
    CHECK(cedar.participants[0].expected == 1);

    CHECK(r.meetings[0].schools_expected == 2);  // Cedar was not a member yet
    CHECK(r.meetings[0].schools_present == 2);
    CHECK(r.meetings[2].schools_expected == 2);  // Birch had withdrawn
    CHECK(r.meetings[2].participants_present == 4);  // Amy, Bo, Zed, Di
    CHECK(r.meetings[2].participants_expected == 4);  // Zed came, so he counts as expected
    CHECK(r.meetings[0].participants_present == 2);   // Amy, Cy
    CHECK(r.meetings[0].participants_expected == 3);  // Amy, Bo, Cy: not Zed, who did not come
    for (const auto& m : r.meetings) CHECK(m.participants_present <= m.participants_expected);
}

TEST_CASE("register: a snapshot leaves out later logs") {
    Workspace ws(test::load_fixture(tree, test::LoaderFindings::no_errors), test::d(2021, 11, 20));
    Register r = build_register(ws.records(), ws.index(), *ws.index().cohort("c1"), ws.as_of());
    CHECK(r.meetings.size() == 2);
    // Nothing lists Cedar yet: it is absent, not "not yet a member".
    CHECK(r.schools[2].marks == std::vector<M>{M::absent, M::absent});
}

TEST_CASE("register: attendees match participants as names are compared (SPEC section 3)") {
    // A no-break space, a curly apostrophe and an en dash, as Word writes them.
    Workspace ws(test::load_fixture(R"(hub: {name: H, rules: {cohort_size: {min: 1, max: 8}}}
---
lead: {id: jo, name: Jo Smith, role: readiness_lead}
---
schools:
  - {urn: 100001, name: Ash, phase: primary, area: A}
---
cohort:
  id: c1
  stage: readiness
  year: 2021/22
  lead: jo
  schools:
    - {urn: 100001, participants: [Kelly Ackroyd, Siobhan O'Neill, Ann Lee-Hyde]}
---
sessions:
  - {cohort: c1, date: 2021-10-05, type: meeting, attendance: {100001: ["Kelly\u00a0Ackroyd", "Siobhan O’Neill", "ann lee–hyde"]}}
)",
                                   test::LoaderFindings::no_errors),
                 test::d(2022, 3, 1));
    Register r = build_register(ws.records(), ws.index(), *ws.index().cohort("c1"), ws.as_of());
    REQUIRE(r.schools.size() == 1);
    REQUIRE(r.schools[0].participants.size() == 3);  // no one "not listed"
    for (const auto& p : r.schools[0].participants) {
        CAPTURE(p.name);
        CHECK(p.listed);
        CHECK(p.marks == std::vector<M>{M::present});
    }
}
