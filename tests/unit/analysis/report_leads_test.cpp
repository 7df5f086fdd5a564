// The report's leads section: each lead's year.
#include "tfm/analysis/report_leads.h"

#include "../fixtures.h"

#include <doctest/doctest.h>

using namespace tfm;

TEST_CASE("leads: Work Groups, schools, sessions held and planned, overdue logs per lead") {
    const char* tree = R"(hub: {name: H, rules: {cohort_size: {min: 1, max: 8}, off: [cohort/plan]}}
---
leads:
  - {id: ann, name: Ann Lee, role: readiness_lead}
  - {id: bob, name: Bob Roy, role: readiness_lead}
---
schools:
  - {urn: 100001, name: Ash, phase: primary, area: A}
  - {urn: 100002, name: Birch, phase: primary, area: A}
---
cohorts:
  - id: r1
    stage: readiness
    year: 2021/22
    lead: ann
    schools: [{urn: 100001}, {urn: 100002}]
    meetings: [2021-10-05, 2021-11-16, 2022-01-11]
    visits: [{urn: 100001, date: 2021-10-12}, {urn: 100002, date: 2022-03-01}]
  - id: r2
    stage: readiness
    year: 2021/22
    lead: ann
    schools: [{urn: 100001}]
    meetings: [2021-10-06]
  - id: old
    stage: readiness
    year: 2020/21
    lead: bob
    schools: [{urn: 100002}]
---
sessions:
  - {cohort: r1, date: 2021-10-05, type: meeting, attendance: {100001: [], 100002: []}}
  - {cohort: r1, date: 2021-10-12, type: visit, school: 100001}
)";
    Workspace ws(test::load_fixture(tree, test::LoaderFindings::no_errors), test::d(2021, 12, 1));
    LeadsSection s = leads_section(ws.records(), ws.index(), AcademicYear(2021), ws.as_of());
    REQUIRE(s.rows.size() == 2);
    const LeadYear& ann = s.rows[0];
    CHECK(ann.name == "Ann Lee");
    CHECK(ann.cohorts == std::vector<std::string>{"r1", "r2"});
    CHECK(ann.schools == 2);  // 100001 in both groups counts once
    CHECK(ann.meetings_held == 1);
    CHECK(ann.meetings_planned == 4);
    CHECK(ann.visits_held == 1);
    CHECK(ann.visits_planned == 2);
    // Passed with no log by 2021-12-01: r1's 2021-11-16 meeting and r2's 2021-10-06 meeting.
    CHECK(ann.overdue_logs == 2);
    const LeadYear& bob = s.rows[1];  // no Work Group this year: a row of nothing
    CHECK(bob.cohorts.empty());
    CHECK(bob.schools == 0);
    CHECK(bob.overdue_logs == 0);
}
