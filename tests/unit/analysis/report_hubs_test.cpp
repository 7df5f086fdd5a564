// Names beside ids (with_names, for_reader) and the national `hubs` section.
#include "tfm/analysis/named_columns.h"
#include "tfm/analysis/report_hubs.h"
#include "tfm/analysis/workspace.h"

#include "../fixtures.h"

#include <doctest/doctest.h>

using namespace tfm;

namespace {

std::vector<std::string> keys(const Table& t) {
    std::vector<std::string> out;
    for (const auto& c : t.columns) out.push_back(c.key);
    return out;
}

std::vector<std::string> texts(const std::vector<Cell>& row) {
    std::vector<std::string> out;
    for (const auto& c : row) out.push_back(c.text());
    return out;
}

const char* named_tree = R"(hub: {name: H, rules: {cohort_size: {min: 1, max: 8}, off: [cohort/plan]}}
---
leads:
  - {id: jsmith, name: Jo Smith, role: readiness_lead}
---
schools:
  - {urn: 100001, name: Ash, phase: primary, area: A}
---
cohorts:
  - {id: brad-a, name: Bradford Development A, stage: development, year: 2021/22, lead: jsmith, schools: [{urn: 100001}]}
  - {id: brad-b, stage: development, year: 2021/22, lead: nobody, schools: [{urn: 100001}]}
)";

}  // namespace

TEST_CASE("names: ids for machines with the names beside them, names and words for people") {
    Workspace ws(test::load_fixture(named_tree), test::d(2021, 12, 1));
    Table t{"t", "T", {{"cohort", "cohort"}, {"lead", "lead"}, {"stage", "stage"}, {"status", "status"}}, {}};
    t.rows = {{"brad-a", "jsmith", "development", "in_progress"},
              {"brad-b", "nobody", "development", "not_yet_member"},
              {"(history)", Cell(), "sustaining", "completed"}};
    Table named = with_names(t, ws.index());

    Table machines = for_reader(named, false);
    CHECK(keys(machines) == std::vector<std::string>{"cohort", "cohort_name", "lead", "lead_name", "stage", "status"});
    CHECK(texts(machines.rows[0]) ==
          std::vector<std::string>{"brad-a", "Bradford Development A", "jsmith", "Jo Smith", "development", "in_progress"});
    // A Work Group without a name, a lead without a record: the id stands for the name.
    CHECK(texts(machines.rows[1]) ==
          std::vector<std::string>{"brad-b", "brad-b", "nobody", "nobody", "development", "not_yet_member"});
    CHECK(texts(machines.rows[2]) == std::vector<std::string>{"(history)", "(history)", "", "", "sustaining", "completed"});

    Table people = for_reader(named, true);
    CHECK(keys(people) == std::vector<std::string>{"cohort_name", "lead_name", "stage", "status"});
    CHECK(people.columns[0].header == "Work Group");
    CHECK(people.columns[1].header == "lead");
    CHECK(texts(people.rows[0]) == std::vector<std::string>{"Bradford Development A", "Jo Smith", "development", "in progress"});
    CHECK(texts(people.rows[1]) == std::vector<std::string>{"brad-b", "nobody", "development", "not yet member"});
}

TEST_CASE("for_reader: one reader's columns of a key, codes in words only for people") {
    Table t{"t", "T",
            {{"value", "value", ColumnKind::plain, Reader::machines},
             {"value", "value", ColumnKind::plain, Reader::people},
             {"pattern", "pattern", ColumnKind::code},
             {"area", "area"}},
            {}};
    t.rows = {{"requires_improvement", "requires improvement", "readiness_to_sustaining", "North_East"}};
    CHECK(texts(for_reader(t, false).rows[0]) ==
          std::vector<std::string>{"requires_improvement", "readiness_to_sustaining", "North_East"});
    // Only code columns are put in words: an area's name stays as written.
    CHECK(texts(for_reader(t, true).rows[0]) ==
          std::vector<std::string>{"requires improvement", "readiness to sustaining", "North_East"});
}

TEST_CASE("hubs: each hub's coverage against its own target, highest first, then the national total") {
    LoadResult loaded = test::load_fixture(R"(hub:
  name: North
  population: {primary: 4}
  targets: [{phase: primary, percent: 50, by: 2020/21}, {phase: primary, percent: 60, by: 2022/23},
            {phase: primary, percent: 90, by: 2024/25}]
---
schools:
  - {urn: 100001, name: A, phase: primary, area: X, history: [{year: 2020/21, stage: development}]}
  - {urn: 100002, name: B, phase: primary, area: X}
)");
    LoadResult south = test::load_fixture(R"(hub:
  name: South
  population: {primary: 2, secondary: 5}
  targets: [{phase: primary, percent: 25, by: 2021/22}]
---
schools:
  - {urn: 200001, name: C, phase: primary, area: Y, history: [{year: 2021/22, stage: development}]}
  - {urn: 200002, name: D, phase: secondary, area: Y}
)");
    // Two data directories: the second tree's records as directory 1.
    for (auto& h : south.records.hubs) h.directory = 1, loaded.records.hubs.push_back(h);
    for (auto& s : south.records.schools) s.directory = 1, loaded.records.schools.push_back(s);
    Workspace ws(std::move(loaded), test::d(2021, 12, 1));
    HubsSection s = hubs_section(ws.records(), ws.journeys(), AcademicYear(2021));
    CHECK(s.hubs == 2);
    REQUIRE(s.rows.size() == 6);
    // Primary: South 1 of 2 (50%) before North 1 of 4 (25%); North's target is the first not
    // before 2021/22 (60% by 2022/23), South's 25% by 2021/22, met.
    CHECK(s.rows[0].hub == "South");
    CHECK(*s.rows[0].percent == doctest::Approx(50));
    CHECK(s.rows[0].engaged == 1);
    CHECK(*s.rows[0].target == 25);
    CHECK(s.rows[0].met);
    CHECK(s.rows[1].hub == "North");
    CHECK(s.rows[1].engaged == 0);
    CHECK(s.rows[1].ever_engaged == 1);
    CHECK(*s.rows[1].target == 60);
    CHECK(s.rows[1].by->str() == "2022/23");
    CHECK_FALSE(s.rows[1].met);
    // The national total: no target of its own.
    CHECK(s.rows[2].hub.empty());
    CHECK(s.rows[2].ever_engaged == 2);
    CHECK(*s.rows[2].population == 6);
    CHECK(*s.rows[2].percent == doctest::Approx(100.0 * 2 / 6));
    CHECK_FALSE(s.rows[2].target);
    // Secondary: South has a population, North none (last, no coverage), and the total.
    CHECK(s.rows[3].hub == "South");
    CHECK(*s.rows[3].percent == 0);
    CHECK(s.rows[4].hub == "North");
    CHECK_FALSE(s.rows[4].percent);
    CHECK(s.rows[5].hub.empty());
    CHECK(*s.rows[5].population == 5);
}
