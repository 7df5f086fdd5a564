// The national page's digest: Work Groups, leads and areas per hub, then the national total.
#include "tfm/analysis/report_national.h"
#include "tfm/analysis/workspace.h"

#include "../fixtures.h"

#include <doctest/doctest.h>

using namespace tfm;

TEST_CASE("national digest: Work Groups by stage, median attendance, leads and areas per hub") {
    LoadResult loaded = test::load_fixture(R"(hub: {name: North, rules: {cohort_size: {min: 1, max: 8}, off: [cohort/plan, session/spacing]}}
---
leads:
  - {id: jo, name: Jo Smith, role: specialist}
  - {id: al, name: Al Jones, role: specialist}
---
schools:
  - {urn: 100001, name: A, phase: primary, area: X}
  - {urn: 100002, name: B, phase: primary, area: 'x '}
  - {urn: 100003, name: C, phase: primary, area: Y}
---
cohorts:
  - {id: n-dev, stage: development, year: 2021/22, lead: jo, schools: [{urn: 100001, participants: [P]}, {urn: 100002, participants: [Q]}], meetings: [2021-10-05, 2021-11-09]}
  - {id: n-emb, stage: embedding, year: 2021/22, lead: jo, schools: [{urn: 100003, participants: [R]}], meetings: [2021-10-12]}
  - {id: n-sus, stage: sustaining, year: 2021/22, lead: al, schools: [{urn: 100003}]}
---
sessions:
  - {cohort: n-dev, date: 2021-10-05, type: meeting, attendance: {100001: [P], 100002: []}}
  - {cohort: n-emb, date: 2021-10-12, type: meeting, attendance: {100003: [R]}}
)", test::LoaderFindings::no_errors);
    LoadResult south = test::load_fixture(R"(hub: {name: South}
---
schools:
  - {urn: 200001, name: D, phase: primary, area: Z}
)");
    for (auto& h : south.records.hubs) h.directory = 1, loaded.records.hubs.push_back(h);
    for (auto& s : south.records.schools) s.directory = 1, loaded.records.schools.push_back(s);
    Workspace ws(std::move(loaded), test::d(2021, 12, 1));
    CohortsSection cohorts = cohorts_section(ws.records(), ws.index(), AcademicYear(2021));
    NationalDigest d = national_digest(ws.records(), ws.index(), ws.journeys(), cohorts, test::d(2021, 12, 1));
    CHECK(d.hubs == 2);
    REQUIRE(d.rows.size() == 3);
    const HubDigest& north = d.rows[0];
    CHECK(north.hub == "North");
    CHECK(north.work_groups == std::array<int, 4>{0, 1, 1, 1});
    CHECK(north.work_groups_total == 3);
    REQUIRE(north.median_attendance);  // 50% and 100%: the sustaining group logged nothing
    CHECK(*north.median_attendance == doctest::Approx(75));
    CHECK(north.leads == 2);
    CHECK(north.meetings_held == 2);
    CHECK(north.meetings_planned == 3);
    CHECK(north.overdue_logs == 1);  // n-dev's 2021-11-09 passed with no log
    CHECK(north.areas == 2);         // X and `x ` are one area
    CHECK(north.areas_engaged == 2);
    CHECK(north.schools == 3);
    CHECK(north.engaged == 3);
    const HubDigest& southern = d.rows[1];
    CHECK(southern.hub == "South");
    CHECK(southern.work_groups_total == 0);
    CHECK_FALSE(southern.median_attendance);
    CHECK(southern.areas == 1);
    CHECK(southern.areas_engaged == 0);
    const HubDigest& total = d.rows[2];
    CHECK(total.hub.empty());
    CHECK(total.work_groups_total == 3);
    CHECK(total.leads == 2);
    CHECK(total.areas == 3);  // areas are each hub's own
    CHECK(total.schools == 4);
    CHECK(total.engaged == 3);
}
