// `tfm schedule` (SPEC section 6): how plans and logs merge into rows, the filters, and the
// table. The calendar the rows become is tested in tests/unit/render/ics_test.cpp.
#include "tfm/analysis/schedule.h"

#include "schedule_fixture.h"

#include <doctest/doctest.h>

#include <string>
#include <vector>

using namespace tfm;
using namespace tfm::test;

namespace {

// Rows as "date kind cohort school status", joined by " | ".
std::string rows(const std::vector<ScheduleItem>& items) {
    std::string out;
    for (const auto& it : items) {
        if (!out.empty()) out += " | ";
        out += it.date.str() + " " + std::string(name_of(it.kind)) + " " + it.cohort->id + " " +
               (it.school ? std::to_string(*it.school) : "-") + " " +
               std::string(name_of_item_status(it.status));
    }
    return out;
}

}  // namespace

// ---- build_schedule: merging plans and logs -------------------------------------------------

TEST_CASE("schedule: a log on a planned date is one done row, planned and logged") {
    Tree t(tree_yaml);
    auto items = t.items(range(d(2021, 10, 5), d(2021, 10, 5)), as_of);
    REQUIRE(items.size() == 1);
    CHECK(items[0].status == ItemStatus::done);
    CHECK(items[0].planned);
    CHECK(items[0].logged);
    CHECK(items[0].kind == SessionType::meeting);
    REQUIRE(items[0].start);
    CHECK(items[0].start->str() == "13:00");
    REQUIRE(items[0].end);
    CHECK(items[0].end->str() == "16:00");
    CHECK(items[0].mode == Mode::online);
}

TEST_CASE("schedule: a logged visit merges with the planned visit to the same school only") {
    Tree t(tree_yaml);
    // 2021-10-12: a planned and logged visit to 107401, and an unplanned logged visit to 107402.
    auto items = t.items(range(d(2021, 10, 12), d(2021, 10, 12)), as_of);
    CHECK(rows(items) == "2021-10-12 visit dev-a 107402 done | 2021-10-12 visit dev-a 107401 done");
    REQUIRE(items.size() == 2);
    // Untimed rows come before timed ones on the same day.
    CHECK(items[0].school == 107402);
    CHECK_FALSE(items[0].planned);
    CHECK(items[0].logged);
    CHECK(items[1].school == 107401);
    CHECK(items[1].planned);
    CHECK(items[1].logged);
    CHECK(items[1].school_name == "Moorside Primary School");
}

TEST_CASE("schedule: a log without a plan is a row of its own") {
    Tree t(tree_yaml);
    auto items = t.items(range(d(2021, 10, 21), d(2021, 10, 21)), as_of);
    REQUIRE(items.size() == 1);
    CHECK(items[0].kind == SessionType::audit_visit);
    CHECK_FALSE(items[0].planned);
    CHECK(items[0].logged);
    CHECK(items[0].status == ItemStatus::done);
    CHECK(items[0].school_name == "Brontë Primary, Leeds");
}

TEST_CASE("schedule: a plan without a log is due, or overdue once its date has passed") {
    Tree t(tree_yaml);
    auto items = t.items(range(year_start, year_end), as_of);
    CHECK(rows(items) ==
          "2021-10-05 meeting dev-a - done | "
          "2021-10-07 meeting sus-b - overdue | "
          "2021-10-12 visit dev-a 107402 done | "
          "2021-10-12 visit dev-a 107401 done | "
          "2021-10-19 visit dev-a 107402 overdue | "
          "2021-10-21 audit_visit dev-a 107402 done | "
          "2021-11-04 meeting sus-b - done | "
          "2021-11-16 meeting dev-a - due | "
          "2021-11-18 meeting sus-b - due | "
          "2021-11-23 visit dev-a 107401 due | "
          "2022-01-11 meeting dev-a - due");
    for (const auto& it : items) {
        if (it.logged) continue;
        CHECK(it.planned);
    }
}

TEST_CASE("schedule: a plan on the as-of date itself is due, not overdue") {
    Tree t(tree_yaml);
    auto items = t.items(range(year_start, year_end), d(2021, 11, 16));
    bool seen = false;
    for (const auto& it : items)
        if (it.date == d(2021, 11, 16)) {
            CHECK(it.status == ItemStatus::due);
            seen = true;
        }
    CHECK(seen);
    // A day later it is overdue.
    for (const auto& it : t.items(range(year_start, year_end), d(2021, 11, 17)))
        if (it.date == d(2021, 11, 16)) CHECK(it.status == ItemStatus::overdue);
}

TEST_CASE("schedule: the range includes both of its ends and nothing outside") {
    Tree t(tree_yaml);
    CHECK(rows(t.items(range(d(2021, 10, 7), d(2021, 10, 19)), as_of)) ==
          "2021-10-07 meeting sus-b - overdue | 2021-10-12 visit dev-a 107402 done | "
          "2021-10-12 visit dev-a 107401 done | 2021-10-19 visit dev-a 107402 overdue");
    CHECK(t.items(range(d(2021, 10, 8), d(2021, 10, 11)), as_of).empty());
    CHECK(t.items(range(d(2022, 2, 1), d(2022, 8, 31)), as_of).empty());
}

TEST_CASE("schedule: --cohort keeps one cohort's rows") {
    Tree t(tree_yaml);
    auto f = range(year_start, year_end);
    f.cohort = "sus-b";
    CHECK(rows(t.items(f, as_of)) ==
          "2021-10-07 meeting sus-b - overdue | 2021-11-04 meeting sus-b - done | "
          "2021-11-18 meeting sus-b - due");
}

TEST_CASE("schedule: --lead keeps the rows of the cohorts the lead leads") {
    Tree t(tree_yaml);
    auto f = range(year_start, year_end);
    f.lead = "apatel";
    for (const auto& it : t.items(f, as_of)) CHECK(it.cohort->lead == "apatel");
    CHECK(t.items(f, as_of).size() == 3);
    f.lead = "jsmith";
    CHECK(t.items(f, as_of).size() == 8);
    f.lead = "nobody";
    CHECK(t.items(f, as_of).empty());
}

TEST_CASE("schedule: --school keeps the meetings of its cohorts and the visits to it") {
    Tree t(tree_yaml);
    auto f = range(year_start, year_end);
    f.school = 107401;
    CHECK(rows(t.items(f, as_of)) ==
          "2021-10-05 meeting dev-a - done | 2021-10-12 visit dev-a 107401 done | "
          "2021-11-16 meeting dev-a - due | 2021-11-23 visit dev-a 107401 due | "
          "2022-01-11 meeting dev-a - due");
    f.school = 107403;
    CHECK(rows(t.items(f, as_of)) ==
          "2021-10-07 meeting sus-b - overdue | 2021-11-04 meeting sus-b - done | "
          "2021-11-18 meeting sus-b - due");
}

TEST_CASE("schedule: filters combine") {
    Tree t(tree_yaml);
    auto f = range(d(2021, 10, 1), d(2021, 10, 31));
    f.cohort = "dev-a";
    f.lead = "jsmith";
    f.school = 107402;
    CHECK(rows(t.items(f, as_of)) ==
          "2021-10-05 meeting dev-a - done | 2021-10-12 visit dev-a 107402 done | "
          "2021-10-19 visit dev-a 107402 overdue | 2021-10-21 audit_visit dev-a 107402 done");
    f.lead = "apatel";  // dev-a is not hers
    CHECK(t.items(f, as_of).empty());
}

// ---- the table -----------------------------------------------------------------------------

TEST_CASE("schedule: table rows give the time when known and leave it empty otherwise") {
    Tree t(tree_yaml);
    Table table = schedule_table(t.items(range(d(2021, 10, 5), d(2021, 10, 7)), as_of));
    REQUIRE(table.rows.size() == 2);
    CHECK(table.rows[0][1].text() == "13:00–16:00");
    CHECK(table.rows[1][1].empty());  // JSON null, like the URN and school of a meeting
    CHECK(table.rows[1][5].empty());
    CHECK(table.rows[1][9].text() == "overdue");
}
