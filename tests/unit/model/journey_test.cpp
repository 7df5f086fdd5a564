// Journeys of SPEC section 5: statuses against an as-of date, gap years, lapsed schools and
// the next stage, over records built by hand.
#include "tfm/model/journey.h"

#include <doctest/doctest.h>

#include <string>
#include <vector>

using namespace tfm;

namespace {

struct Hub1 {
    StringPool pool;  // the sessions' cohort ids and attendance, as the loader keeps them
    Records r;
    int line = 1;

    Hub1() {
        r.files = {SourceFile{"records.yaml", "/data/records.yaml", 0}};
        r.schools.reserve(8);
        r.cohorts.reserve(16);
        r.sessions.reserve(64);
        School s;
        s.urn = 100001;
        s.name = "Moorside";
        s.pos = next();
        r.schools.push_back(s);
    }
    Pos next() { return Pos{0, line++, 1}; }
    School& school() { return r.schools.front(); }

    Cohort& cohort(std::string id, Stage stage, int year,
                   MemberStatus status = MemberStatus::enrolled) {
        Cohort c;
        c.id = std::move(id);
        c.stage = stage;
        c.year = AcademicYear(year);
        c.lead = "jsmith";
        c.pos = next();
        Member m;
        m.urn = 100001;
        m.status = status;
        m.pos = next();
        c.schools.push_back(m);
        Member other;
        other.urn = 100002;
        other.pos = next();
        c.schools.push_back(other);
        r.cohorts.push_back(c);
        return r.cohorts.back();
    }
    void history(Stage stage, int year) {
        HistoryEntry h;
        h.stage = stage;
        h.year = AcademicYear(year);
        h.pos = next();
        school().history.push_back(h);
    }
    // A logged meeting of the cohort; `present` says whether 100001 attended.
    void meeting(const std::string& cohort, Date date, bool present, bool attendance = true) {
        InternInto into(pool);
        Session s;
        s.cohort = intern(cohort);
        s.date = date;
        s.type = SessionType::meeting;
        s.pos = next();
        s.has_attendance = attendance;
        if (attendance) {
            s.attendance.push_back(Attendance{
                100001, present ? PooledList<Present>{{"Amina Khan", {}}} : PooledList<Present>{},
                next()});
            s.attendance.push_back(Attendance{100002, {{"Carl Lee", {}}}, next()});
        }
        r.sessions.push_back(s);
    }
    Journey journey(Date as_of) const {
        Index index(r);
        return journey_of(r.schools.front(), r, index, as_of);
    }
};

const Date as_of(2022, 3, 15);  // in 2021/22

}  // namespace

TEST_CASE("engagement status: planned, in progress, withdrawn and completed explicitly") {
    Hub1 h;
    h.cohort("rdy", Stage::readiness, 2020, MemberStatus::completed);
    h.cohort("dev", Stage::development, 2021);
    h.cohort("emb", Stage::embedding, 2022);
    h.cohort("sus", Stage::sustaining, 2023, MemberStatus::withdrawn);
    auto j = h.journey(as_of);
    REQUIRE(j.engagements.size() == 4);
    CHECK(j.engagements[0].status == EngagementStatus::completed);
    CHECK(j.engagements[1].status == EngagementStatus::in_progress);
    CHECK(j.engagements[2].status == EngagementStatus::planned);
    CHECK(j.engagements[3].status == EngagementStatus::withdrawn);
    CHECK(name_of_status(j.engagements[1].status) == "in_progress");
}

TEST_CASE("engagement status: an explicit completion in the current year is completed") {
    Hub1 h;
    h.cohort("dev", Stage::development, 2021, MemberStatus::completed);
    CHECK(h.journey(as_of).engagements[0].status == EngagementStatus::completed);
}

TEST_CASE("engagement status: a past year is completed or incomplete by attendance") {
    Hub1 h;
    h.cohort("dev", Stage::development, 2020);
    h.meeting("dev", Date(2020, 10, 6), true);
    h.meeting("dev", Date(2020, 11, 17), false);
    h.meeting("dev", Date(2021, 1, 12), false);
    h.meeting("dev", Date(2021, 2, 23), true, false);  // no attendance recorded: not counted
    auto j = h.journey(as_of);
    REQUIRE(j.engagements.size() == 1);
    const Engagement& e = j.engagements[0];
    CHECK(e.meetings_logged == 3);
    CHECK(e.meetings_attended == 1);
    REQUIRE(e.attendance());
    CHECK(*e.attendance() == doctest::Approx(1.0 / 3));
    CHECK(e.status == EngagementStatus::incomplete);
}

TEST_CASE("engagement status: four of six meetings meets the default threshold of 0.67") {
    Hub1 h;
    h.cohort("dev", Stage::development, 2020);
    for (int i = 0; i < 6; ++i) h.meeting("dev", Date(2020, 10, 6).plus_days(42 * i), i < 4);
    CHECK(h.journey(as_of).engagements[0].status == EngagementStatus::completed);
}

TEST_CASE("engagement status: a past year with no logged meeting counts as completed") {
    Hub1 h;
    h.cohort("dev", Stage::development, 2019);
    h.history(Stage::readiness, 2018);
    auto j = h.journey(as_of);
    REQUIRE(j.engagements.size() == 2);
    for (const auto& e : j.engagements) {
        CHECK(e.status == EngagementStatus::completed);
        CHECK_FALSE(e.attendance());
    }
    CHECK(j.engagements[0].history != nullptr);
    CHECK(j.engagements[1].cohort != nullptr);
}

TEST_CASE("the current year follows as-of across 1 September") {
    Hub1 h;
    h.cohort("dev", Stage::development, 2021);
    CHECK(h.journey(Date(2021, 8, 31)).engagements[0].status == EngagementStatus::planned);
    CHECK(h.journey(Date(2021, 9, 1)).engagements[0].status == EngagementStatus::in_progress);
    CHECK(h.journey(Date(2022, 9, 1)).engagements[0].status == EngagementStatus::completed);
}

TEST_CASE("engagements are ordered by year, then stage") {
    Hub1 h;
    h.cohort("emb", Stage::embedding, 2020);
    h.history(Stage::development, 2019);
    h.history(Stage::readiness, 2019);
    auto j = h.journey(as_of);
    REQUIRE(j.engagements.size() == 3);
    CHECK(j.engagements[0].stage == Stage::readiness);
    CHECK(j.engagements[1].stage == Stage::development);
    CHECK(j.engagements[2].stage == Stage::embedding);
    CHECK(j.latest() == &j.engagements[2]);
}

TEST_CASE("gap years are the years without engagement between two engagements") {
    Hub1 h;
    h.history(Stage::development, 2016);
    h.cohort("emb", Stage::embedding, 2019);
    h.cohort("sus", Stage::sustaining, 2020);
    auto j = h.journey(as_of);
    REQUIRE(j.gap_years.size() == 2);
    CHECK(j.gap_years[0] == AcademicYear(2017));
    CHECK(j.gap_years[1] == AcademicYear(2018));
    Hub1 g;
    g.history(Stage::development, 2019);
    g.history(Stage::embedding, 2020);
    CHECK(g.journey(as_of).gap_years.empty());
}

TEST_CASE("a school whose latest engagement ended before the current year has lapsed") {
    Hub1 h;
    h.history(Stage::development, 2019);
    auto j = h.journey(as_of);
    CHECK(j.lapsed);
    REQUIRE(j.next_stage);
    CHECK(*j.next_stage == Stage::embedding);
}

TEST_CASE("a school enrolled this year or later has not lapsed") {
    Hub1 h;
    h.history(Stage::development, 2019);
    h.cohort("emb", Stage::embedding, 2021);
    CHECK_FALSE(h.journey(as_of).lapsed);
    Hub1 g;
    g.history(Stage::development, 2019);
    g.cohort("emb", Stage::embedding, 2022);
    CHECK_FALSE(g.journey(as_of).lapsed);
}

TEST_CASE("next stage follows the highest stage reached and sustaining follows itself") {
    Hub1 h;
    h.history(Stage::readiness, 2018);
    CHECK(*h.journey(as_of).next_stage == Stage::development);
    h.history(Stage::sustaining, 2019);
    CHECK(*h.journey(as_of).next_stage == Stage::sustaining);
    CHECK(stage_after(Stage::development) == Stage::embedding);
    CHECK(stage_after(Stage::embedding) == Stage::sustaining);
}

TEST_CASE("next stage repeats a stage the school withdrew from or left incomplete") {
    Hub1 h;
    h.history(Stage::development, 2018);
    h.cohort("emb", Stage::embedding, 2019, MemberStatus::withdrawn);
    CHECK(*h.journey(as_of).next_stage == Stage::embedding);
    Hub1 g;
    g.cohort("dev", Stage::development, 2019, MemberStatus::withdrawn);
    CHECK(*g.journey(as_of).next_stage == Stage::development);
    Hub1 k;
    k.history(Stage::readiness, 2018);
    k.cohort("dev", Stage::development, 2019);
    k.meeting("dev", Date(2019, 10, 1), false);
    k.meeting("dev", Date(2019, 11, 12), false);
    k.meeting("dev", Date(2020, 1, 14), true);
    CHECK(k.journey(as_of).engagements.back().status == EngagementStatus::incomplete);
    CHECK(*k.journey(as_of).next_stage == Stage::development);
}

TEST_CASE("a school with no engagement has no next stage and has not lapsed") {
    Hub1 h;
    auto j = h.journey(as_of);
    CHECK(j.engagements.empty());
    CHECK_FALSE(j.next_stage);
    CHECK_FALSE(j.lapsed);
    CHECK(j.latest() == nullptr);
}

TEST_CASE("completion threshold comes from the school's hub") {
    Hub1 h;
    Hub hub;
    hub.name = "Strict";
    hub.rules.completion = 0.9;
    h.r.hubs.push_back(hub);
    h.cohort("dev", Stage::development, 2020);
    for (int i = 0; i < 6; ++i) h.meeting("dev", Date(2020, 10, 6).plus_days(42 * i), i < 5);
    CHECK(h.journey(as_of).engagements[0].status == EngagementStatus::incomplete);
}

TEST_CASE("all_journeys gives one journey per school in record order") {
    Hub1 h;
    School other;
    other.urn = 100002;
    h.r.schools.push_back(other);
    h.cohort("dev", Stage::development, 2021);
    Index index(h.r);
    auto js = all_journeys(h.r, index, as_of);
    REQUIRE(js.size() == 2);
    CHECK(js[0].school->urn == 100001);
    CHECK(js[1].school->urn == 100002);
    CHECK(js[1].engagements.size() == 1);
    CHECK(js[1].engagements[0].pos.line == h.r.cohorts[0].schools[1].pos.line);
}
