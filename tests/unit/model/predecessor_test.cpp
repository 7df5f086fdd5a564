// Predecessors (SPEC sections 2 and 5) and staff dates: the index's successor map, journeys
// through a chain of conversions, and who was on the staff when.
#include "tfm/model/index.h"
#include "tfm/model/journey.h"

#include <doctest/doctest.h>

using namespace tfm;

namespace {

School school(Urn urn, std::vector<Urn> predecessors, std::vector<HistoryEntry> history = {}) {
    School s;
    s.urn = urn;
    s.name = "School " + std::to_string(urn);
    s.predecessors = std::move(predecessors);
    s.history = std::move(history);
    return s;
}

HistoryEntry done(Stage stage, int year) { return HistoryEntry{stage, AcademicYear(year), "", {}, {}}; }

}  // namespace

TEST_CASE("one conversion: the successor's journey holds the predecessor's engagements") {
    Records r;
    r.schools = {school(140001, {100231}, {done(Stage::embedding, 2020)}),
                 school(100231, {}, {done(Stage::development, 2019)})};
    Index index(r);
    CHECK(index.successor_root(100231) == 140001);
    CHECK(index.successor_root(140001) == 140001);
    auto js = all_journeys(r, index, Date(2021, 3, 1));
    REQUIRE(js[0].engagements.size() == 2);
    CHECK(js[0].engagements[0].urn == 100231);
    CHECK(js[0].engagements[0].school == &r.schools[1]);
    CHECK(js[0].engagements[1].urn == 140001);
    CHECK(js[0].next_stage == Stage::sustaining);
    // The predecessor is counted as its successor: no engagements of its own.
    CHECK(js[1].engagements.empty());
    CHECK(js[1].successor == &r.schools[0]);
}

TEST_CASE("two conversions: the chain is followed to its end, and a predecessor without a record is fine") {
    Records r;
    r.schools = {school(100100, {}, {done(Stage::readiness, 2017)}),
                 school(100231, {100100, 100999}, {done(Stage::development, 2018)}),
                 school(140001, {100231})};
    Index index(r);
    CHECK(index.successor_root(100100) == 140001);
    CHECK(index.successor_root(100999) == 140001);
    CHECK(index.with_predecessors(140001) == std::vector<Urn>{140001, 100231, 100100, 100999});
    auto js = all_journeys(r, index, Date(2020, 3, 1));
    CHECK(js[0].successor == &r.schools[2]);
    CHECK(js[1].successor == &r.schools[2]);
    REQUIRE(js[2].engagements.size() == 2);
    CHECK(js[2].gap_years == std::vector<AcademicYear>{});
    CHECK(js[2].lapsed);
}

TEST_CASE("a loop of predecessors hides no school and never hangs") {
    Records r;
    r.schools = {school(100001, {100002}, {done(Stage::development, 2018)}),
                 school(100002, {100001}, {done(Stage::embedding, 2019)}),
                 school(100003, {100003})};
    Index index(r);
    CHECK(index.successor_root(100001) == 100001);
    CHECK(index.successor_root(100002) == 100002);
    CHECK(index.successor_root(100003) == 100003);
    auto js = all_journeys(r, index, Date(2020, 3, 1));
    // Each school on a loop has only its own engagements: none counts twice.
    REQUIRE(js[0].engagements.size() == 1);
    CHECK(js[0].engagements[0].urn == 100001);
    REQUIRE(js[1].engagements.size() == 1);
    CHECK(js[1].engagements[0].urn == 100002);
    CHECK(js[2].successor == nullptr);
    CHECK(index.with_predecessors(100001) == std::vector<Urn>{100001});
}

TEST_CASE("a school whose chain runs into a loop is on its own too") {
    Records r;
    r.schools = {school(100001, {100002}, {done(Stage::development, 2018)}),
                 school(100002, {100001}, {done(Stage::embedding, 2019)}),
                 school(100004, {}, {done(Stage::readiness, 2017)})};
    r.schools[0].predecessors.push_back(100004);  // 100004 -> 100001, which is on the loop
    Index index(r);
    CHECK(index.successor_root(100004) == 100004);
    auto js = all_journeys(r, index, Date(2020, 3, 1));
    CHECK(js[0].engagements.size() == 1);
    CHECK(js[2].successor == nullptr);
    CHECK(js[2].engagements.size() == 1);
}

TEST_CASE("staff over time: former from `left`, on the staff from `from` to `left`") {
    StaffMember m;
    m.from = Date(2019, 9, 1);
    m.left = Date(2023, 7, 21);
    CHECK_FALSE(m.is_former(Date(2023, 7, 20)));
    CHECK(m.is_former(Date(2023, 7, 21)));
    CHECK_FALSE(m.on_staff(Date(2019, 8, 31)));
    CHECK(m.on_staff(Date(2019, 9, 1)));
    CHECK(m.on_staff(Date(2023, 7, 21)));
    CHECK_FALSE(m.on_staff(Date(2023, 7, 22)));
    StaffMember always;
    CHECK(always.on_staff(Date(2000, 1, 1)));
    CHECK_FALSE(always.is_former(Date(2030, 1, 1)));
}
