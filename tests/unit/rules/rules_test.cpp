// The rules of SPEC section 4 over records built by hand: each rule fires on a tiny
// defect of an otherwise clean tree, stays quiet without it, and can be switched off.
#include "tfm/rules/rules.h"

#include <doctest/doctest.h>

#include <algorithm>
#include <new>
#include <string>
#include <vector>

using namespace tfm;

namespace {

Date d(int y, unsigned m, unsigned day) { return Date(y, m, day); }
AcademicYear ay(int start) { return AcademicYear(start); }

// A clean hub: one development cohort of 2021/22 with four schools, six meetings six weeks
// apart, three visits per school, and two logs. Every test breaks one thing.
struct Tree {
    // The sessions' cohort ids, lists and observations, as the loader keeps them; a Tree
    // lives in one test's scope, so its InternInto is the innermost there.
    StringPool pool;
    InternInto interning{pool};
    Records r;
    int next_line = 1;

    Pos pos() { return Pos{0, next_line++, 3}; }

    Tree() {
        // Room enough that references handed out by add_* stay valid while a test adds more.
        r.schools.reserve(64);
        r.leads.reserve(16);
        r.cohorts.reserve(32);
        r.sessions.reserve(256);
        r.directories = {"."};
        r.files = {SourceFile{"records.yaml", "/data/records.yaml", 0}};
        for (Urn u : {100001, 100002, 100003, 100004, 100005}) add_school(u);
        add_lead("jsmith", 100001);
        add_cohort("dev-a", Stage::development, 2021, "jsmith",
                   {100001, 100002, 100003, 100004});
        Session& m = add_meeting("dev-a", d(2021, 9, 14));
        for (Urn u : {100001, 100002, 100003, 100004})
            m.attendance.push_back(Attendance{u, {{"Maths Lead", pos()}, {"Class Teacher", pos()}}, pos()});
        m.has_attendance = true;
        add_visit("dev-a", d(2021, 10, 4), 100001);
    }

    School& add_school(Urn urn, Phase phase = Phase::primary) {
        School s;
        s.urn = urn;
        s.name = "School " + std::to_string(urn);
        s.phase = phase;
        s.area = "Bradford";
        s.pos = pos();
        s.urn_pos = s.pos;
        r.schools.push_back(s);
        return r.schools.back();
    }

    Lead& add_lead(const std::string& id, std::optional<Urn> school = std::nullopt) {
        Lead l;
        l.id = id;
        l.name = id;
        l.school = school;
        l.pos = pos();
        l.id_pos = l.pos;
        l.school_pos = pos();
        r.leads.push_back(l);
        return r.leads.back();
    }

    // A cohort that meets every rule: six meetings six weeks apart from the second Tuesday
    // of September, and visits to each school in each term on days no meeting uses.
    Cohort& add_cohort(const std::string& id, Stage stage, int year, const std::string& lead,
                       std::vector<Urn> urns, int visit_offset = 0) {
        Cohort c;
        c.id = id;
        c.stage = stage;
        c.year = ay(year);
        c.lead = lead;
        c.pos = pos();
        c.id_pos = c.pos;
        c.lead_pos = pos();
        c.schools_pos = pos();
        for (Urn u : urns) {
            Member m;
            m.urn = u;
            m.pos = pos();
            m.participants = {"Maths Lead", "Class Teacher"};
            m.participants_pos = m.pos;
            m.participant_pos = {pos(), pos()};
            c.schools.push_back(m);
        }
        c.meetings_pos = pos();
        Date first = d(year, 9, 14);
        for (int i = 0; i < 6; ++i) c.meetings.push_back(PlannedMeeting{.date = first.plus_days(42 * i), .pos = pos()});
        int k = visit_offset;
        for (Urn u : urns) {
            for (Date term : {d(year, 10, 4), d(year + 1, 2, 7), d(year + 1, 5, 9)}) {
                PlannedVisit v;
                v.urn = u;
                v.date = term.plus_days(k);
                v.pos = pos();
                v.urn_pos = v.pos;
                v.date_pos = pos();
                c.visits.push_back(v);
            }
            ++k;
        }
        r.cohorts.push_back(c);
        return r.cohorts.back();
    }

    // An observation kept in the pool, as the loader keeps one.
    const Observation* observation(const Observation& o) {
        return ::new (pool.allocate(sizeof(Observation), alignof(Observation))) Observation(o);
    }

    Session& add_session(const std::string& cohort, Date date, SessionType type) {
        Session s;
        s.cohort = intern(cohort);
        s.date = date;
        s.type = type;
        s.pos = pos();
        s.cohort_pos = pos();
        s.date_pos = pos();
        r.sessions.push_back(s);
        return r.sessions.back();
    }

    // A meeting 13:00-16:00 with a timed agenda.
    Session& add_meeting(const std::string& cohort, Date date) {
        Session& s = add_session(cohort, date, SessionType::meeting);
        s.start = TimeOfDay{13 * 60};
        s.end = TimeOfDay{16 * 60};
        s.has_agenda = true;
        s.agenda.push_back(item(13 * 60, 60, "Pre-lesson discussion"));
        s.agenda.push_back(item(14 * 60, 60, "Observed lesson"));
        s.agenda.push_back(item(15 * 60, 60, "Post-lesson discussion"));
        return s;
    }

    Session& add_visit(const std::string& cohort, Date date, Urn urn) {
        Session& s = add_session(cohort, date, SessionType::visit);
        s.school = urn;
        s.school_pos = pos();
        return s;
    }

    AgendaItem item(int at, int minutes, std::string_view name, Audience audience = Audience::all) {
        AgendaItem a;
        a.at = TimeOfDay{std::int16_t(at)};
        a.minutes = minutes;
        a.item = name;
        a.audience = audience;
        a.pos = pos();
        return a;
    }

    School& school(Urn urn) {
        return *std::find_if(r.schools.begin(), r.schools.end(),
                             [&](const School& s) { return s.urn == urn; });
    }
    Cohort& cohort(const std::string& id) {
        return *std::find_if(r.cohorts.begin(), r.cohorts.end(),
                             [&](const Cohort& c) { return c.id == id; });
    }
    HistoryEntry& add_history(Urn urn, Stage stage, int year) {
        HistoryEntry h;
        h.stage = stage;
        h.year = ay(year);
        h.pos = pos();
        h.lead_pos = pos();
        school(urn).history.push_back(h);
        return school(urn).history.back();
    }
    void off(std::string rule) {
        if (r.hubs.empty()) {
            Hub h;
            h.name = "Test Hub";
            h.pos = pos();
            r.hubs.push_back(h);
        }
        if (auto id = parse_rule(rule)) r.hubs.front().rules.off.insert(*id);
    }
    RuleSettings& rules() {
        if (r.hubs.empty()) off("none/none");
        return r.hubs.front().rules;
    }

    Diagnostics run(Date as_of = Date(2022, 6, 30)) const {
        Diagnostics out;
        run_checks(r, as_of, out);
        return out;
    }
    Diagnostics run(std::string_view rule, Date as_of = Date(2022, 6, 30)) const {
        Diagnostics all = run(as_of), out;
        for (auto& x : all)
            if (x.rule == rule) out.push_back(x);
        return out;
    }
};

std::string dump(const Diagnostics& ds) {
    std::string s;
    for (const auto& x : ds)
        s += std::to_string(x.pos.line) + ": " + std::string(severity_name(x.severity)) + ": " +
             x.message + " [" + x.rule + "]\n";
    return s;
}

}  // namespace

TEST_CASE("a clean tree has no findings") {
    Tree t;
    auto ds = t.run();
    INFO(dump(ds));
    CHECK(ds.empty());
}

TEST_CASE("every check function's rule name is in the rule table") {
    Tree t;
    // Break enough to make every rule family speak, then check the names.
    t.cohort("dev-a").lead = "nobody";
    t.add_session("gone", d(2030, 1, 1), SessionType::meeting);
    for (const auto& x : t.run()) CHECK(find_rule(x.rule) != nullptr);
}

// ---- ref/unknown ------------------------------------------------------------------------

TEST_CASE("ref/unknown reports each kind of reference that no record defines") {
    Tree t;
    t.cohort("dev-a").lead = "nobody";
    Pos lead_pos = t.cohort("dev-a").lead_pos;
    t.cohort("dev-a").schools[3].urn = 999991;
    t.cohort("dev-a").visits[0].urn = 999992;
    t.r.leads[0].school = 999993;
    t.add_history(100005, Stage::development, 2018).lead = "ghost";
    Session& s = t.add_session("no-such-cohort", d(2021, 9, 20), SessionType::meeting);
    Pos cohort_pos = s.cohort_pos.in(s.pos.file);
    Session& v = t.add_visit("dev-a", d(2021, 10, 5), 999994);
    v.attendance.push_back(Attendance{999995, {}, t.pos()});
    Session& o = t.add_meeting("dev-a", d(2021, 10, 26));
    o.observation = t.observation({3, "Fractions", 1, "taught-by-nobody", t.pos(), t.pos()});

    auto ds = t.run("ref/unknown");
    INFO(dump(ds));
    REQUIRE(ds.size() == 9);
    for (const auto& x : ds) CHECK(x.severity == Severity::error);
    auto has = [&](std::string_view text) {
        return std::any_of(ds.begin(), ds.end(),
                           [&](const Diagnostic& x) { return x.message.find(text) != std::string::npos; });
    };
    CHECK(has("unknown lead nobody for cohort dev-a"));
    CHECK(has("unknown school 999991 in cohort dev-a"));
    CHECK(has("999992"));
    CHECK(has("unknown school 999993 for lead jsmith"));
    CHECK(has("unknown lead ghost"));
    CHECK(has("unknown cohort no-such-cohort"));
    CHECK(has("999994"));
    CHECK(has("999995"));
    CHECK(has("taught-by-nobody"));
    CHECK(std::any_of(ds.begin(), ds.end(), [&](const Diagnostic& x) {
        return x.pos.line == lead_pos.line && x.message.find("nobody") != std::string::npos;
    }));
    CHECK(std::any_of(ds.begin(), ds.end(),
                      [&](const Diagnostic& x) { return x.pos.line == cohort_pos.line; }));
}

TEST_CASE("ref/unknown is quiet for records that were defined but left out for an error") {
    Tree t;
    t.cohort("dev-a").lead = "broken-lead";
    t.cohort("dev-a").schools[3].urn = 999991;
    t.add_session("broken-cohort", d(2021, 9, 20), SessionType::meeting);
    t.r.broken_leads.push_back("broken-lead");
    t.r.broken_schools.push_back(999991);
    t.r.broken_cohorts.push_back("broken-cohort");
    auto ds = t.run("ref/unknown");
    INFO(dump(ds));
    CHECK(ds.empty());
}

TEST_CASE("session rules skip sessions whose cohort is broken") {
    Tree t;
    t.r.broken_cohorts.push_back("broken-cohort");
    Session& s = t.add_session("broken-cohort", d(2030, 1, 1), SessionType::meeting);
    s.agenda.clear();
    auto ds = t.run();
    INFO(dump(ds));
    CHECK(ds.empty());
}

TEST_CASE("ref rules cannot be switched off") {
    Tree t;
    t.off("ref/unknown");
    t.cohort("dev-a").lead = "nobody";
    CHECK(t.run("ref/unknown").size() == 1);
}

// ---- ref/participant --------------------------------------------------------------------

TEST_CASE("ref/participant warns about participants and attendees missing from staff") {
    Tree t;
    School& s = t.school(100001);
    s.has_staff = true;
    s.staff.push_back(StaffMember{"Maths Lead", StaffRole::maths_lead, {}, t.pos()});
    auto ds = t.run("ref/participant");
    INFO(dump(ds));
    // "Class Teacher" is a participant of dev-a and an attendee of the logged meeting.
    REQUIRE(ds.size() == 2);
    CHECK(ds[0].severity == Severity::warning);
    CHECK(ds[0].message == "participant Class Teacher of cohort dev-a is not in the staff of school 100001");
    CHECK(ds[0].pos.line == t.cohort("dev-a").schools[0].participant_pos[1].line);
    CHECK(ds[1].message ==
          "attendee Class Teacher of dev-a on 2021-09-14 is not in the staff of school 100001");
}

TEST_CASE("ref/participant is quiet when the school gives no staff or lists everyone") {
    Tree t;
    CHECK(t.run("ref/participant").empty());
    School& s = t.school(100002);
    s.has_staff = true;
    s.staff.push_back(StaffMember{"Maths Lead", StaffRole::maths_lead, {}, t.pos()});
    s.staff.push_back(StaffMember{"Class Teacher", StaffRole::teacher, {3}, t.pos()});
    CHECK(t.run("ref/participant").empty());
}

TEST_CASE("ref/participant with an empty staff list flags every name") {
    Tree t;
    t.school(100003).has_staff = true;
    CHECK(t.run("ref/participant").size() == 4);
}

// ---- journey/order ----------------------------------------------------------------------

TEST_CASE("journey/order flags a stage after a later stage") {
    Tree t;
    t.add_history(100002, Stage::embedding, 2019);
    t.add_history(100002, Stage::development, 2018);
    auto ds = t.run("journey/order");
    INFO(dump(ds));
    REQUIRE(ds.size() == 1);
    CHECK(ds[0].severity == Severity::error);
    CHECK(ds[0].message == "development in 2021/22 after embedding in 2019/20");
    CHECK(ds[0].pos.line == t.cohort("dev-a").schools[1].pos.line);
}

TEST_CASE("journey/order accepts stages in order and sustaining after sustaining") {
    Tree t;
    t.add_history(100005, Stage::readiness, 2015);
    t.add_history(100005, Stage::development, 2016);
    t.add_history(100005, Stage::embedding, 2017);
    t.add_history(100005, Stage::sustaining, 2018);
    t.add_history(100005, Stage::sustaining, 2019);
    CHECK(t.run("journey/order").empty());
}

// ---- journey/prerequisite ---------------------------------------------------------------

TEST_CASE("journey/prerequisite flags embedding without an earlier development") {
    Tree t;
    t.add_history(100005, Stage::embedding, 2022);
    t.add_history(100005, Stage::development, 2022);
    auto ds = t.run("journey/prerequisite");
    INFO(dump(ds));
    REQUIRE(ds.size() == 1);
    CHECK(ds[0].severity == Severity::error);
    CHECK(ds[0].message == "embedding in 2022/23 without an earlier development");
}

TEST_CASE("journey/prerequisite reports a missing stage once, at its first engagement") {
    Tree t;
    t.add_history(100005, Stage::sustaining, 2019);
    t.add_history(100005, Stage::sustaining, 2020);
    auto ds = t.run("journey/prerequisite");
    INFO(dump(ds));
    REQUIRE(ds.size() == 1);
    CHECK(ds[0].message == "sustaining in 2019/20 without an earlier embedding");
}

TEST_CASE("journey/prerequisite is met by an earlier development and follows hub.rules.requires") {
    Tree t;
    t.add_history(100005, Stage::development, 2019);
    t.add_history(100005, Stage::embedding, 2020);
    CHECK(t.run("journey/prerequisite").empty());
    // A hub may ask for readiness before development.
    t.rules().requires_stage[std::size_t(Stage::development)] = Stage::readiness;
    auto ds = t.run("journey/prerequisite");
    INFO(dump(ds));
    CHECK(ds.size() == 5);  // dev-a's four schools and 100005's history
}

// ---- journey/repeat ---------------------------------------------------------------------

TEST_CASE("journey/repeat: development twice is an error") {
    Tree t;
    t.add_history(100001, Stage::development, 2018);
    auto ds = t.run("journey/repeat");
    INFO(dump(ds));
    REQUIRE(ds.size() == 1);
    CHECK(ds[0].severity == Severity::error);
    CHECK(ds[0].message == "development again in 2021/22; already done in 2018/19");
    CHECK(ds[0].pos.line == t.cohort("dev-a").schools[0].pos.line);
}

TEST_CASE("journey/repeat: readiness or embedding twice is a warning, sustaining may repeat") {
    Tree t;
    t.add_history(100005, Stage::readiness, 2014);
    t.add_history(100005, Stage::readiness, 2015);
    t.add_history(100005, Stage::development, 2016);
    t.add_history(100005, Stage::embedding, 2017);
    t.add_history(100005, Stage::embedding, 2018);
    t.add_history(100005, Stage::sustaining, 2019);
    t.add_history(100005, Stage::sustaining, 2020);
    auto ds = t.run("journey/repeat");
    INFO(dump(ds));
    REQUIRE(ds.size() == 2);
    for (const auto& x : ds) CHECK(x.severity == Severity::warning);
}

TEST_CASE("journey/repeat allows taking a stage again after withdrawing from it") {
    Tree t;
    Cohort& old = t.add_cohort("dev-old", Stage::development, 2019, "jsmith",
                               {100001, 100002, 100003, 100004});
    old.schools[0].status = MemberStatus::withdrawn;
    auto ds = t.run("journey/repeat");
    INFO(dump(ds));
    REQUIRE(ds.size() == 3);  // the other three schools completed it
    for (const auto& x : ds) CHECK(x.message.find("100001") == std::string::npos);
    CHECK(ds[0].pos.line != t.cohort("dev-a").schools[0].pos.line);
}

// ---- journey/same-year ------------------------------------------------------------------

TEST_CASE("journey/same-year flags one school in two cohorts of one year") {
    Tree t;
    t.add_lead("akhan");
    t.add_cohort("emb-a", Stage::embedding, 2021, "akhan", {100001, 100002, 100003, 100005});
    auto ds = t.run("journey/same-year");
    INFO(dump(ds));
    REQUIRE(ds.size() == 3);
    CHECK(ds[0].severity == Severity::error);
    CHECK(ds[0].message == "school 100001 is in cohorts dev-a and emb-a in 2021/22");
    CHECK(ds[0].pos.line == t.cohort("emb-a").schools[0].pos.line);
}

TEST_CASE("journey/same-year flags a history entry and a cohort of one year") {
    Tree t;
    t.add_history(100004, Stage::readiness, 2021);
    t.add_history(100005, Stage::readiness, 2020);
    auto ds = t.run("journey/same-year");
    INFO(dump(ds));
    REQUIRE(ds.size() == 1);
    CHECK(ds[0].message ==
          "school 100004 has two engagements in 2021/22: cohort dev-a and a history entry "
          "(readiness)");
}

// ---- journey/unfinished -----------------------------------------------------------------

TEST_CASE("journey/unfinished flags moving on after withdrawing") {
    Tree t;
    Cohort& old = t.add_cohort("rdy-old", Stage::readiness, 2020, "jsmith",
                               {100001, 100002, 100003, 100004});
    old.schools[2].status = MemberStatus::withdrawn;
    auto ds = t.run("journey/unfinished");
    INFO(dump(ds));
    REQUIRE(ds.size() == 1);
    CHECK(ds[0].severity == Severity::warning);
    CHECK(ds[0].message == "development in 2021/22 after withdrawing from readiness in 2020/21");
    CHECK(ds[0].pos.line == t.cohort("dev-a").schools[2].pos.line);
}

TEST_CASE("journey/unfinished flags moving on after attending too few meetings") {
    Tree t;
    t.add_cohort("rdy-old", Stage::readiness, 2020, "jsmith", {100001, 100002, 100003, 100004});
    // Three meetings logged; 100004 attended one, the others all three.
    for (Date date : {d(2020, 9, 14), d(2020, 10, 26), d(2020, 12, 7)}) {
        Session& m = t.add_meeting("rdy-old", date);
        m.has_attendance = true;
        for (Urn u : {100001, 100002, 100003})
            m.attendance.push_back(Attendance{u, {{"Maths Lead", t.pos()}}, t.pos()});
        m.attendance.push_back(Attendance{
            100004, date == d(2020, 9, 14) ? PooledList<Present>{{"Maths Lead", t.pos()}}
                                           : PooledList<Present>{},
            t.pos()});
    }
    auto ds = t.run("journey/unfinished");
    INFO(dump(ds));
    REQUIRE(ds.size() == 1);
    CHECK(ds[0].message ==
          "development in 2021/22 after attending 1 of 3 readiness meetings in 2020/21 (below "
          "the completion threshold of 67%)");
}

TEST_CASE("journey/unfinished is quiet after a completed stage or a retake") {
    Tree t;
    t.add_history(100005, Stage::development, 2018);
    CHECK(t.run("journey/unfinished").empty());
    Tree u;
    Cohort& old = u.add_cohort("dev-old", Stage::development, 2019, "jsmith", {100005});
    old.schools[0].status = MemberStatus::withdrawn;
    u.add_history(100005, Stage::development, 2020);  // taken again and finished
    u.add_history(100005, Stage::embedding, 2021);
    CHECK(u.run("journey/unfinished").empty());
    // Without the retake, moving on is flagged once, at the first later stage.
    Tree v;
    Cohort& w = v.add_cohort("dev-old", Stage::development, 2019, "jsmith", {100005});
    w.schools[0].status = MemberStatus::withdrawn;
    v.add_history(100005, Stage::embedding, 2020);
    v.add_history(100005, Stage::sustaining, 2021);
    auto ds = v.run("journey/unfinished");
    INFO(dump(ds));
    REQUIRE(ds.size() == 1);
    CHECK(ds[0].message == "embedding in 2020/21 after withdrawing from development in 2019/20");
}

// ---- cohort/size ------------------------------------------------------------------------

TEST_CASE("cohort/size flags too few and too many schools") {
    Tree t;
    t.cohort("dev-a").schools.pop_back();
    auto ds = t.run("cohort/size");
    INFO(dump(ds));
    REQUIRE(ds.size() == 1);
    CHECK(ds[0].severity == Severity::warning);
    CHECK(ds[0].message == "cohort dev-a has 3 schools; expected 4 to 8");
    CHECK(ds[0].pos.line == t.cohort("dev-a").schools_pos.line);

    t.rules().cohort_size_max = 2;
    t.rules().cohort_size_min = 1;
    ds = t.run("cohort/size");
    REQUIRE(ds.size() == 1);
    CHECK(ds[0].message == "cohort dev-a has 3 schools; expected 1 to 2");
}

TEST_CASE("cohort/size counts withdrawn schools too") {
    Tree t;
    t.cohort("dev-a").schools[0].status = MemberStatus::withdrawn;
    CHECK(t.run("cohort/size").empty());
}

// ---- cohort/participants ----------------------------------------------------------------

TEST_CASE("cohort/participants flags a school with too few participants") {
    Tree t;
    t.cohort("dev-a").schools[1].participants = {"Maths Lead"};
    t.cohort("dev-a").schools[2].participants = {};
    t.cohort("dev-a").schools[3].participants = {};
    t.cohort("dev-a").schools[3].status = MemberStatus::withdrawn;
    auto ds = t.run("cohort/participants");
    INFO(dump(ds));
    REQUIRE(ds.size() == 2);
    CHECK(ds[0].severity == Severity::warning);
    CHECK(ds[0].message ==
          "school 100002 has 1 participant in cohort dev-a; expected at least 2 for development");
    CHECK(ds[1].message ==
          "school 100003 has 0 participants in cohort dev-a; expected at least 2 for development");
}

TEST_CASE("cohort/participants expects one participant in sustaining") {
    Tree t;
    Cohort& c = t.add_cohort("sus-a", Stage::sustaining, 2021, "jsmith", {100005});
    c.schools[0].participants = {"Maths Lead"};
    CHECK(t.run("cohort/participants").empty());
}

// ---- cohort/lead-load -------------------------------------------------------------------

TEST_CASE("cohort/lead-load flags each cohort beyond the load") {
    Tree t;
    t.add_cohort("dev-b", Stage::development, 2021, "jsmith", {100005}, 10);
    CHECK(t.run("cohort/lead-load").empty());
    t.add_cohort("dev-c", Stage::development, 2021, "jsmith", {100005}, 20);
    t.add_cohort("dev-next", Stage::development, 2022, "jsmith", {100005}, 20);
    auto ds = t.run("cohort/lead-load");
    INFO(dump(ds));
    REQUIRE(ds.size() == 1);
    CHECK(ds[0].severity == Severity::warning);
    CHECK(ds[0].message == "lead jsmith leads 3 cohorts in 2021/22; expected at most 2");
    CHECK(ds[0].pos.line == t.cohort("dev-c").lead_pos.line);
    t.rules().lead_load = 1;
    CHECK(t.run("cohort/lead-load").size() == 2);
}

// ---- cohort/phase -----------------------------------------------------------------------

TEST_CASE("cohort/phase flags a school whose phase differs") {
    Tree t;
    t.school(100002).phase = Phase::secondary;
    t.school(100003).phase = Phase::all_through;
    t.school(100004).phase = Phase::special;
    auto ds = t.run("cohort/phase");
    INFO(dump(ds));
    REQUIRE(ds.size() == 2);
    CHECK(ds[0].severity == Severity::warning);
    CHECK(ds[0].message == "school 100002 is secondary but cohort dev-a is primary");
    CHECK(ds[1].message == "school 100004 is special but cohort dev-a is primary");
}

TEST_CASE("cohort/phase treats all_through as both primary and secondary") {
    Tree t;
    t.cohort("dev-a").phase = Phase::all_through;
    t.school(100002).phase = Phase::secondary;
    CHECK(t.run("cohort/phase").empty());
}

// ---- cohort/plan ------------------------------------------------------------------------

TEST_CASE("cohort/plan flags too few meetings, counting planned and logged dates once") {
    Tree t;
    Cohort& c = t.cohort("dev-a");
    c.meetings.resize(3);  // 2021-09-14 (also logged), 10-26, 12-07
    auto ds = t.run("cohort/plan");
    INFO(dump(ds));
    REQUIRE(ds.size() == 1);
    CHECK(ds[0].severity == Severity::warning);
    CHECK(ds[0].message == "cohort dev-a has 3 meetings planned or held; expected 6 for development");
    CHECK(ds[0].pos.line == c.meetings_pos.line);
    t.add_meeting("dev-a", d(2022, 1, 18));
    t.add_meeting("dev-a", d(2022, 3, 1));
    CHECK(t.run("cohort/plan").size() == 1);
    t.add_meeting("dev-a", d(2022, 4, 12));
    CHECK(t.run("cohort/plan").empty());
}

TEST_CASE("cohort/plan flags a school with too few visits") {
    Tree t;
    Cohort& c = t.cohort("dev-a");
    // 100001 loses two planned visits, but its autumn visit is also logged: one date.
    c.visits.erase(c.visits.begin() + 1, c.visits.begin() + 3);
    // 100004 has withdrawn: no visits expected.
    c.schools[3].status = MemberStatus::withdrawn;
    c.visits.erase(c.visits.end() - 3, c.visits.end());
    auto ds = t.run("cohort/plan");
    INFO(dump(ds));
    REQUIRE(ds.size() == 1);
    CHECK(ds[0].message == "school 100001 has 1 visit planned or held in cohort dev-a; expected 3 for development");
    CHECK(ds[0].pos.line == c.schools[0].pos.line);
    // A logged audit visit on a new date counts.
    t.add_visit("dev-a", d(2022, 3, 3), 100001).type = SessionType::audit_visit;
    t.add_visit("dev-a", d(2022, 6, 3), 100001);
    CHECK(t.run("cohort/plan").empty());
}

TEST_CASE("cohort/plan expects no visits in sustaining") {
    Tree t;
    Cohort& c = t.add_cohort("sus-a", Stage::sustaining, 2022, "jsmith", {100005});
    c.visits.clear();
    c.schools[0].participants = {"Maths Lead"};
    CHECK(t.run("cohort/plan").empty());
}

// ---- session/out-of-year ----------------------------------------------------------------

TEST_CASE("session/out-of-year flags sessions and planned dates outside the cohort's year") {
    Tree t;
    Cohort& c = t.cohort("dev-a");
    c.meetings[5].date = d(2022, 9, 6);
    c.visits[0].date = d(2021, 8, 31);
    Session& s = t.add_visit("dev-a", d(2022, 9, 1), 100002);
    auto ds = t.run("session/out-of-year", d(2022, 12, 1));
    INFO(dump(ds));
    REQUIRE(ds.size() == 3);
    for (const auto& x : ds) CHECK(x.severity == Severity::error);
    CHECK(ds[0].message == "planned meeting on 2022-09-06 is outside 2021/22, the year of cohort dev-a");
    CHECK(ds[1].message == "planned visit to 100001 on 2021-08-31 is outside 2021/22, the year of cohort dev-a");
    CHECK(ds[2].message == "visit to 100002 on 2022-09-01 is outside 2021/22, the year of cohort dev-a");
    CHECK(ds[2].pos.line == s.date_pos.line);
}

TEST_CASE("session/out-of-year accepts the first and last day of the year") {
    Tree t;
    t.add_visit("dev-a", d(2021, 9, 1), 100002);
    t.add_visit("dev-a", d(2022, 8, 31), 100002);
    CHECK(t.run("session/out-of-year", d(2022, 12, 1)).empty());
}

// ---- session/not-enrolled ---------------------------------------------------------------

TEST_CASE("session/not-enrolled flags attendance and visits for schools not in the cohort") {
    Tree t;
    Session& m = t.add_meeting("dev-a", d(2021, 10, 26));
    m.attendance.push_back(Attendance{100005, {{"Maths Lead", t.pos()}}, t.pos()});
    t.add_visit("dev-a", d(2021, 10, 8), 100005);
    t.cohort("dev-a").visits[0].urn = 100005;
    auto ds = t.run("session/not-enrolled");
    INFO(dump(ds));
    REQUIRE(ds.size() == 3);
    for (const auto& x : ds) CHECK(x.severity == Severity::error);
    CHECK(ds[0].message == "planned visit to school 100005, which is not in cohort dev-a");
    CHECK(ds[1].message == "visit to 100005 on 2021-10-08: school 100005 is not in cohort dev-a");
    CHECK(ds[2].message ==
          "attendance for school 100005 at the meeting on 2021-10-26, which is not in cohort dev-a");
}

TEST_CASE("session/not-enrolled flags a school present or visited on or after the date it withdrew") {
    Tree t;
    Member& w = t.cohort("dev-a").schools[1];
    Urn urn = w.urn;
    w.status = MemberStatus::withdrawn;
    w.withdrawn_on = d(2021, 11, 1);
    Session& before = t.add_meeting("dev-a", d(2021, 10, 26));
    before.attendance.push_back(Attendance{urn, {{"Maths Lead", t.pos()}}, t.pos()});
    Session& on = t.add_meeting("dev-a", d(2021, 11, 1));
    on.attendance.push_back(Attendance{urn, {{"Maths Lead", t.pos()}}, t.pos()});
    Session& absent = t.add_meeting("dev-a", d(2021, 12, 7));
    absent.attendance.push_back(Attendance{urn, {}, t.pos()});  // a withdrawn school listed as absent: fine
    t.add_visit("dev-a", d(2021, 11, 20), urn);
    auto ds = t.run("session/not-enrolled");
    INFO(dump(ds));
    REQUIRE(ds.size() == 2);
    std::string u = std::to_string(urn);
    CHECK(ds[0].message == "attendance for school " + u + " at the meeting on 2021-11-01: school " + u +
                               " withdrew from cohort dev-a on 2021-11-01");
    CHECK(ds[1].message == "visit to " + u + " on 2021-11-20: school " + u + " withdrew from cohort dev-a on 2021-11-01");
}

TEST_CASE("session/not-enrolled leaves a URN no record defines to ref/unknown") {
    Tree t;
    t.add_visit("dev-a", d(2021, 10, 8), 999999);
    CHECK(t.run("session/not-enrolled").empty());
    CHECK(t.run("ref/unknown").size() == 1);
}

// ---- session/future ---------------------------------------------------------------------

TEST_CASE("session/future flags a log dated after as-of") {
    Tree t;
    Session& s = t.add_meeting("dev-a", d(2021, 10, 26));
    auto ds = t.run("session/future", d(2021, 10, 25));
    INFO(dump(ds));
    REQUIRE(ds.size() == 1);
    CHECK(ds[0].severity == Severity::error);
    CHECK(ds[0].message == "meeting of dev-a is logged on 2021-10-26, after the as-of date 2021-10-25");
    CHECK(ds[0].pos.line == s.date_pos.line);
    CHECK(t.run("session/future", d(2021, 10, 26)).empty());
}

// ---- session/duplicate ------------------------------------------------------------------

TEST_CASE("session/duplicate warns at the second log and names the first") {
    Tree t;
    Session& first_log = *t.r.sessions.begin();
    int first_line = first_log.pos.line;
    Session& again = t.add_meeting("dev-a", d(2021, 9, 14));
    int again_line = again.pos.line;
    t.add_meeting("dev-a", d(2021, 9, 14));
    auto ds = t.run("session/duplicate");
    INFO(dump(ds));
    REQUIRE(ds.size() == 2);
    CHECK(ds[0].severity == Severity::warning);
    CHECK(ds[0].pos.line == again_line);
    CHECK(ds[0].message == "meeting of dev-a on 2021-09-14 is already logged at line " +
                               std::to_string(first_line));
    CHECK(ds[1].message == ds[0].message);
}

TEST_CASE("session/duplicate names the first log's file when it is another") {
    Tree t;
    t.r.files.push_back(SourceFile{"sessions/2021.yaml", "/data/sessions/2021.yaml", 0});
    Session& s = t.add_visit("dev-a", d(2021, 10, 4), 100001);
    s.pos.file = 1;
    auto ds = t.run("session/duplicate");
    INFO(dump(ds));
    REQUIRE(ds.size() == 1);
    CHECK(ds[0].pos.file == 1);
    CHECK(ds[0].message == "visit to 100001 of dev-a on 2021-10-04 is already logged at records.yaml:" +
                               std::to_string(std::next(t.r.sessions.begin())->pos.line));
}

TEST_CASE("session/duplicate needs the same type and school") {
    Tree t;
    t.add_visit("dev-a", d(2021, 10, 4), 100002);
    t.add_visit("dev-a", d(2021, 10, 4), 100001).type = SessionType::audit_visit;
    t.add_session("dev-a", d(2021, 9, 14), SessionType::cpd);
    CHECK(t.run("session/duplicate").empty());
}

// ---- session/spacing --------------------------------------------------------------------

TEST_CASE("session/spacing flags meetings too far apart") {
    Tree t;
    Cohort& c = t.cohort("dev-a");
    c.meetings.erase(c.meetings.begin() + 2);  // 10-26 to 2022-01-18: 12 weeks
    auto ds = t.run("session/spacing");
    INFO(dump(ds));
    REQUIRE(ds.size() == 1);
    CHECK(ds[0].severity == Severity::warning);
    CHECK(ds[0].message == "meetings 2021-10-26 and 2022-01-18 are 12 weeks apart; expected 3 to 8 weeks");
    CHECK(ds[0].pos.line == c.meetings[2].pos.line);
}

TEST_CASE("session/spacing flags meetings too close, logged or planned") {
    Tree t;
    Session& s = t.add_meeting("dev-a", d(2021, 9, 24));  // logged only, 10 days after the first
    auto ds = t.run("session/spacing");
    INFO(dump(ds));
    REQUIRE(ds.size() == 1);  // 2021-09-24 to 2021-10-26 is 4.6 weeks: fine
    CHECK(ds[0].message == "meetings 2021-09-14 and 2021-09-24 are 1.4 weeks apart; expected 3 to 8 weeks");
    CHECK(ds[0].pos.line == s.date_pos.line);
    t.cohort("dev-a").meetings[1].date = d(2021, 10, 1);  // planned only, 1 week after
    ds = t.run("session/spacing");
    INFO(dump(ds));
    REQUIRE(ds.size() == 3);
    CHECK(ds[1].message == "meetings 2021-09-24 and 2021-10-01 are 1 week apart; expected 3 to 8 weeks");
    CHECK(ds[2].message == "meetings 2021-10-01 and 2021-12-07 are 9.6 weeks apart; expected 3 to 8 weeks");
}

TEST_CASE("session/spacing accepts the bounds and follows hub settings") {
    Tree t;
    Cohort& c = t.cohort("dev-a");
    c.meetings = {PlannedMeeting{.date = d(2021, 9, 14), .pos = t.pos()}, PlannedMeeting{.date = d(2021, 10, 5), .pos = t.pos()},
                  PlannedMeeting{.date = d(2021, 11, 30), .pos = t.pos()}};
    CHECK(t.run("session/spacing").empty());  // 3 and 8 weeks
    t.rules().meeting_gap_min_weeks = 4;
    auto ds = t.run("session/spacing");
    REQUIRE(ds.size() == 1);
    CHECK(ds[0].message == "meetings 2021-09-14 and 2021-10-05 are 3 weeks apart; expected 4 to 8 weeks");
}

// ---- session/agenda ---------------------------------------------------------------------

TEST_CASE("session/agenda flags overlapping items whose audiences meet") {
    Tree t;
    Session& s = t.add_meeting("dev-a", d(2021, 10, 26));
    s.agenda[1].at = TimeOfDay{13 * 60 + 45};  // Observed lesson 13:45-14:45
    auto ds = t.run("session/agenda");
    INFO(dump(ds));
    REQUIRE(ds.size() == 1);
    CHECK(ds[0].severity == Severity::warning);
    CHECK(ds[0].message == "agenda item \"Observed lesson\" (13:45-14:45) overlaps agenda item "
                           "\"Pre-lesson discussion\" (13:00-14:00)");
    CHECK(ds[0].pos.line == s.agenda[1].pos.line);
}

TEST_CASE("session/agenda lets maths leads and teachers meet apart at one time") {
    Tree t;
    Session& s = t.add_meeting("dev-a", d(2021, 10, 26));
    s.agenda.push_back(t.item(15 * 60, 30, "Leads' breakout", Audience::maths_leads));
    s.agenda.push_back(t.item(15 * 60, 30, "Teachers' breakout", Audience::teachers));
    s.agenda = {s.agenda[0], s.agenda[1], s.agenda[3], s.agenda[4]};  // without the post-lesson discussion
    CHECK(t.run("session/agenda").empty());
    s.agenda.push_back(t.item(15 * 60 + 15, 15, "Whole group", Audience::all));
    CHECK(t.run("session/agenda").size() == 2);
}

TEST_CASE("session/agenda flags items outside the session's start and end") {
    Tree t;
    Session& s = t.add_meeting("dev-a", d(2021, 10, 26));
    s.agenda = {t.item(12 * 60 + 30, 30, "Lunch"), s.agenda[0], s.agenda[1], s.agenda[2]};
    s.agenda.back().minutes = 90;
    auto ds = t.run("session/agenda");
    INFO(dump(ds));
    REQUIRE(ds.size() == 2);
    CHECK(ds[0].message == "agenda item \"Lunch\" starts at 12:30, before the session starts at 13:00");
    CHECK(ds[1].message ==
          "agenda item \"Post-lesson discussion\" ends at 16:30, after the session ends at 16:00");
}

TEST_CASE("session/agenda notes a meeting without a timed agenda") {
    Tree t;
    Session& s = t.add_meeting("dev-a", d(2021, 10, 26));
    for (auto& a : s.agenda) a.at.reset();
    t.add_visit("dev-a", d(2021, 10, 5), 100002);  // a visit needs no agenda
    auto ds = t.run("session/agenda");
    INFO(dump(ds));
    REQUIRE(ds.size() == 1);
    CHECK(ds[0].severity == Severity::note);
    CHECK(ds[0].message == "meeting of dev-a on 2021-10-26 has no timed agenda, so teachers cannot "
                           "join only the part for their year group");
    CHECK(ds[0].pos.line == s.pos.line);
}

// ---- session/observation-order ----------------------------------------------------------

TEST_CASE("session/observation-order flags a later meeting observing an earlier lesson") {
    Tree t;
    auto observe = [&](Date date, std::optional<YearGroup> yg, std::string unit, int lesson) -> Session& {
        Session& s = t.add_meeting("dev-a", date);
        s.observation = t.observation({yg, intern(unit), lesson, "jsmith", t.pos(), t.pos()});
        return s;
    };
    observe(d(2021, 10, 26), 3, "Fractions", 4);
    observe(d(2021, 12, 7), 4, "Fractions", 1);   // another year group: its own order
    observe(d(2022, 1, 18), 3, "Place value", 1);  // another unit
    Session& late = observe(d(2022, 3, 1), 3, "Fractions", 2);
    observe(d(2022, 4, 12), 3, "Fractions", 5);
    auto ds = t.run("session/observation-order");
    INFO(dump(ds));
    REQUIRE(ds.size() == 1);
    CHECK(ds[0].severity == Severity::warning);
    CHECK(ds[0].message == "meeting on 2022-03-01 observes lesson 2 of Y3 Fractions after lesson 4 "
                           "was observed on 2021-10-26");
    CHECK(ds[0].pos.line == late.observation->pos.line);
}

TEST_CASE("session/observation-order follows dates, not file order") {
    Tree t;
    Session& b = t.add_meeting("dev-a", d(2021, 12, 7));
    b.observation = t.observation({3, "Fractions", 2, "", t.pos(), t.pos()});
    Session& a = t.add_meeting("dev-a", d(2021, 10, 26));
    a.observation = t.observation({3, "Fractions", 1, "", t.pos(), t.pos()});
    CHECK(t.run("session/observation-order").empty());
}

// ---- schedule/clash ---------------------------------------------------------------------

TEST_CASE("schedule/clash: untimed bookings of a lead on one date are a warning to add times") {
    Tree t;
    // emb-a's first autumn visit (to 100005, on 2021-10-04) falls on dev-a's visit to 100001.
    t.add_cohort("emb-a", Stage::embedding, 2021, "jsmith", {100005});
    t.cohort("emb-a").meetings.clear();
    auto ds = t.run("schedule/clash");
    INFO(dump(ds));
    REQUIRE(ds.size() == 3);  // one per term
    CHECK(ds[0].severity == Severity::warning);
    CHECK(ds[0].message ==
          "lead jsmith has two bookings on 2021-10-04: visit to 100001 for dev-a and visit to "
          "100005 for emb-a; add their start and end times so they can be checked for a clash");
    CHECK(ds[0].pos.line == t.cohort("emb-a").visits[0].date_pos.line);
}

TEST_CASE("schedule/clash: a meeting and an untimed visit on one date") {
    Tree t;
    t.add_visit("dev-a", d(2021, 9, 14), 100002);
    auto ds = t.run("schedule/clash");
    INFO(dump(ds));
    REQUIRE(ds.size() == 1);
    CHECK(ds[0].severity == Severity::warning);
    CHECK(ds[0].message.starts_with(
        "lead jsmith has two bookings on 2021-09-14: meeting of dev-a (13:00-16:00) and visit to "
        "100002 for dev-a; add their start and end times"));
}

TEST_CASE("schedule/clash: timed bookings clash only when their times overlap") {
    Tree t;
    Cohort& c = t.cohort("dev-a");
    c.meeting_time = TimeSpan{TimeOfDay{13 * 60 + 30}, TimeOfDay{15 * 60 + 30}, t.pos()};
    Session& morning = t.add_visit("dev-a", d(2021, 10, 26), 100002);  // a planned meeting
    morning.start = TimeOfDay{9 * 60};
    morning.end = TimeOfDay{11 * 60 + 30};
    CHECK(t.run("schedule/clash").empty());  // 09:00-11:30 visit, 13:30-15:30 meeting

    morning.end = TimeOfDay{14 * 60};
    auto ds = t.run("schedule/clash");
    INFO(dump(ds));
    REQUIRE(ds.size() == 1);
    CHECK(ds[0].severity == Severity::error);
    CHECK(ds[0].message ==
          "lead jsmith is booked twice at once on 2021-10-26: meeting of dev-a (13:30-15:30) and "
          "visit to 100002 for dev-a (09:00-14:00)");

    // Back to back is not a clash; a meeting's own time overrides the cohort's.
    morning.end = TimeOfDay{13 * 60 + 30};
    CHECK(t.run("schedule/clash").empty());
    c.meetings[1].start = TimeOfDay{9 * 60};
    c.meetings[1].end = TimeOfDay{10 * 60};
    REQUIRE(t.run("schedule/clash").size() == 1);
}

TEST_CASE("schedule/clash: a plan and its log are one booking, other leads do not clash") {
    Tree t;
    t.add_meeting("dev-a", d(2021, 10, 26));  // planned too
    t.add_visit("dev-a", d(2022, 2, 8), 100002);  // planned too
    t.add_lead("akhan");
    Cohort& other = t.add_cohort("emb-a", Stage::embedding, 2021, "akhan", {100005});
    (void)other;
    auto ds = t.run("schedule/clash");
    INFO(dump(ds));
    CHECK(ds.empty());
}

// ---- ref/area ---------------------------------------------------------------------------

TEST_CASE("ref/area compares a school's area with hub.areas as names are, with a did-you-mean") {
    Tree t;
    CHECK(t.run("ref/area").empty());  // no hub.areas: nothing to compare with
    Hub hub;
    hub.name = "Hub";
    hub.areas = {"Bradford", "Calderdale"};
    t.r.hubs.push_back(hub);
    t.school(100002).area = "bradford\u00a0";   // case and a no-break space: the same area
    t.school(100003).area = "Caldredale";
    t.school(100003).area_pos = Pos{0, 7, 11};
    t.school(100004).area = "Leeds";
    auto ds = t.run("ref/area");
    INFO(dump(ds));
    REQUIRE(ds.size() == 2);
    CHECK(ds[0].severity == Severity::warning);
    CHECK(ds[0].pos.line == 7);
    CHECK(ds[0].message == "school 100003 is in the area `Caldredale`, which is not one of the hub's areas "
                           "(Bradford, Calderdale); did you mean `Calderdale`?");
    CHECK(ds[1].message == "school 100004 is in the area `Leeds`, which is not one of the hub's areas "
                           "(Bradford, Calderdale)");
}

TEST_CASE("ref/participant matches names as people read them and checks attendees against participants") {
    Tree t;
    School& s = t.school(100001);
    s.has_staff = true;
    s.staff.push_back(StaffMember{"MATHS\u00a0LEAD", StaffRole::maths_lead, {}, t.pos()});
    s.staff.push_back(StaffMember{"Class Teacher", StaffRole::teacher, {}, t.pos()});
    CHECK(t.run("ref/participant").empty());
    t.cohort("dev-a").schools[0].participants = {"Maths Lead", "Clas Teacher"};
    auto ds = t.run("ref/participant");
    INFO(dump(ds));
    REQUIRE(ds.size() == 2);
    CHECK(ds[0].message == "participant Clas Teacher of cohort dev-a is not in the staff of school 100001; "
                           "did you mean `Class Teacher`?");
    CHECK(ds[1].message == "attendee Class Teacher of dev-a on 2021-09-14 is not among the participants of "
                           "school 100001 in the cohort; did you mean `Clas Teacher`?");
    // An attendee written differently from the participant they are (case, a no-break
    // space), behind one written exactly: both are among the participants.
    t.cohort("dev-a").schools[0].participants = {"Class Teacher", "MATHS\u00a0lead"};
    ds = t.run("ref/participant");
    INFO(dump(ds));
    CHECK(ds.empty());
}

// ---- hub.rules.off ----------------------------------------------------------------------

TEST_CASE("a rule listed in hub.rules.off is silenced") {
    struct Case {
        const char* rule;
        void (*breakit)(Tree&);
    };
    const Case cases[] = {
        {"journey/order", [](Tree& t) { t.add_history(100001, Stage::embedding, 2019); }},
        {"journey/repeat", [](Tree& t) { t.add_history(100001, Stage::development, 2018); }},
        {"cohort/size", [](Tree& t) { t.cohort("dev-a").schools.pop_back(); }},
        {"cohort/phase", [](Tree& t) { t.school(100001).phase = Phase::secondary; }},
        {"session/future", [](Tree& t) { t.add_meeting("dev-a", d(2030, 1, 1)); }},
        {"session/agenda", [](Tree& t) { t.add_meeting("dev-a", d(2021, 10, 26)).agenda.clear(); }},
        {"schedule/clash", [](Tree& t) { t.add_visit("dev-a", d(2021, 9, 14), 100002); }},
    };
    for (const auto& c : cases) {
        CAPTURE(c.rule);
        Tree t;
        c.breakit(t);
        CHECK_FALSE(t.run(c.rule).empty());
        t.off(c.rule);
        CHECK(t.run(c.rule).empty());
    }
}

TEST_CASE("each hub's rules apply to its own directory") {
    Tree t;
    t.r.directories.push_back("other");
    t.r.files.push_back(SourceFile{"hub.yaml", "/other/hub.yaml", 1});
    t.off("cohort/size");
    Hub other;
    other.name = "Other";
    other.directory = 1;
    other.pos = Pos{1, 1, 1};
    t.r.hubs.push_back(other);
    t.cohort("dev-a").schools.pop_back();
    CHECK(t.run("cohort/size").empty());
    for (auto& c : t.r.cohorts) c.pos.file = c.schools_pos.file = 1, c.directory = 1;
    CHECK(t.run("cohort/size").size() == 1);
}

TEST_CASE("findings are the same on every run") {
    Tree t;
    t.add_cohort("emb-a", Stage::embedding, 2021, "jsmith", {100001, 100005});
    t.add_meeting("dev-a", d(2021, 9, 14));
    auto a = t.run(), b = t.run();
    REQUIRE(a.size() == b.size());
    for (std::size_t i = 0; i < a.size(); ++i) {
        CHECK(a[i].message == b[i].message);
        CHECK(a[i].pos.line == b[i].pos.line);
    }
    // And each finding only once.
    for (std::size_t i = 0; i < a.size(); ++i)
        for (std::size_t k = i + 1; k < a.size(); ++k)
            CHECK_FALSE((a[i].rule == a[k].rule && a[i].message == a[k].message &&
                         a[i].pos.line == a[k].pos.line));
}
