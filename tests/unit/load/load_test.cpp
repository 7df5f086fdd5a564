#include "tfm/load/load.h"
#include "tfm/base/text.h"
#include "tfm/load/data_directory.h"

#include <unistd.h>

#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>
#include <iterator>
#include <memory>
#include <string>
#include <vector>

using namespace tfm;

namespace {

// The findings of one rule, as "line:column message".
std::vector<std::string> findings(const LoadResult& r, std::string_view rule) {
    std::vector<std::string> out;
    for (const auto& d : r.diagnostics)
        if (d.rule == rule)
            out.push_back(std::to_string(d.pos.line) + ":" + std::to_string(d.pos.column) + " " +
                          d.message);
    return out;
}

const char* school_yaml = R"(schools:
  - urn: 107329
    name: Moorside Primary School
    phase: primary
    area: Bradford
    ofsted: good
    fsm: 42.5
    eal: 71
    ehcp: 1.2
    staff:
      - {name: Amina Khan, role: maths_lead}
      - {name: Ben Jones, role: teacher, year_groups: [Y3, Y4]}
    history:
      - {stage: development, year: 2017/18}
      - {stage: embedding, year: 2018-19, lead: jsmith}
)";

}  // namespace

TEST_CASE("a school record loads with every field typed") {
    auto r = load_text(school_yaml);
    REQUIRE(r.diagnostics.empty());
    REQUIRE(r.records.schools.size() == 1);
    const School& s = r.records.schools[0];
    CHECK(s.urn == 107329);
    CHECK(s.name == "Moorside Primary School");
    CHECK(s.ofsted == Ofsted::good);
    CHECK(*s.fsm == doctest::Approx(42.5));
    CHECK(s.staff.size() == 2);
    CHECK(s.staff[1].year_groups == SmallSet<YearGroup>{3, 4});
    CHECK(s.staff[0].year_groups.empty());
    REQUIRE(s.history.size() == 2);
    CHECK(s.history[1].year == AcademicYear(2018));
    CHECK(s.history[1].lead == "jsmith");
    CHECK(s.pos.line == 2);
    CHECK(s.pos.column == 5);
    CHECK(s.urn_pos.line == 2);
    CHECK(s.urn_pos.column == 10);
}

const char* meeting_yaml = R"(session:
  cohort: dev-a
  date: 2021-10-05
  type: meeting
  start: "13:15"
  end: "16:00"
  focus: [fluency, variation, fluency]
  observation: {year_group: Y3, unit: Fractions, lesson: 2, taught_by: jsmith}
  agenda:
    - {at: "13:15", minutes: 30, item: Pre-lesson discussion}
    - {item: Observed lesson, year_groups: [Y3, R]}
  attendance:
    100001: [Amina Khan, Ben Jones]
    100002: []
  gap_task: Try one representation
  notes: Went well
)";

TEST_CASE("a session record loads with every field typed") {
    auto r = load_text(meeting_yaml);
    REQUIRE(r.diagnostics.empty());
    REQUIRE(r.records.sessions.size() == 1);
    const Session& s = *r.records.sessions.begin();
    CHECK(s.cohort == "dev-a");
    CHECK(s.date == Date(2021, 10, 5));
    CHECK(s.type == SessionType::meeting);
    CHECK(s.start->minutes == 13 * 60 + 15);
    CHECK(s.end->minutes == 16 * 60);
    CHECK(s.focus == SmallSet<BigIdea>{BigIdea::variation, BigIdea::fluency});
    CHECK_FALSE(s.focus.contains(BigIdea::coherence));
    REQUIRE(s.observation);
    CHECK(s.observation->year_group == 3);
    CHECK(s.observation->unit == "Fractions");
    CHECK(s.observation->lesson == 2);
    CHECK(s.observation->taught_by == "jsmith");
    CHECK(s.observation->taught_by_pos.line == 8);
    REQUIRE(s.agenda.size() == 2);
    CHECK(s.agenda[0].at->minutes == 13 * 60 + 15);
    CHECK(s.agenda[0].minutes == 30);
    CHECK(s.agenda[0].year_groups.empty());
    CHECK(s.agenda[1].item == "Observed lesson");
    CHECK(s.agenda[1].year_groups == SmallSet<YearGroup>{0, 3});
    CHECK(s.has_attendance);
    REQUIRE(s.attendance.size() == 2);
    CHECK(s.attendance[0].urn == 100001);
    REQUIRE(s.attendance[0].present.size() == 2);
    CHECK(s.attendance[0].present[1].name == "Ben Jones");
    CHECK(s.attendance[0].present[1].pos.line == 13);
    CHECK(s.attendance[0].present[1].pos.column == 26);
    CHECK(s.attendance[1].present.empty());
}

TEST_CASE("a session's free text is checked though it is not kept") {
    auto r = load_text("session: {cohort: c, date: 2021-10-05, type: meeting, gap_task: [a], notes: {b: 1}}\n");
    CHECK(findings(r, "schema/type").size() == 2);
    CHECK(r.records.sessions.empty());
}

TEST_CASE("strict typing: quoted numbers, octal-looking numbers and bad dates") {
    auto r = load_text("school: {urn: \"107329\", name: A, phase: primary, area: B, fsm: 010}\n"
                       "---\n"
                       "cohort: {id: c, stage: development, year: 2021/22, lead: x, schools: [],"
                       " meetings: [2022-02-29]}\n");
    auto errs = findings(r, "schema/type");
    REQUIRE(errs.size() == 3);
    CHECK(errs[0] == "1:15 a URN is a number: write `107329` without quotes");
    CHECK(errs[1].starts_with("1:64 `010` starts with 0"));
    CHECK(errs[2] == "3:85 `2022-02-29` is not a valid date: February 2022 has 28 days");
    CHECK(r.records.schools.empty());
    CHECK(r.records.cohorts.empty());
    CHECK(r.records.broken_schools.empty());  // its URN did not parse either
    auto fsm = load_text("school: {urn: 107329, name: A, phase: primary, area: B, fsm: 101}\n");
    CHECK(findings(fsm, "schema/type") ==
          std::vector<std::string>{"1:62 a percentage must be from 0 to 100, not `101`"});
    CHECK(fsm.records.broken_schools == std::vector<Urn>{107329});
}

TEST_CASE("unknown keys and enum values suggest the closest name") {
    auto r = load_text("school: {urn: 107329, nmae: A, name: A, phase: primay, area: B}\n");
    auto unknown = findings(r, "schema/unknown-key");
    REQUIRE(unknown.size() == 1);
    CHECK(unknown[0] == "1:23 unknown key `nmae` in school; did you mean `name`?");
    auto types = findings(r, "schema/type");
    REQUIRE(types.size() == 1);
    CHECK(types[0] == "1:48 unknown phase `primay`; did you mean `primary`?");
}

TEST_CASE("duplicate keys are reported though yaml-cpp keeps quiet") {
    auto r = load_text("hub:\n  name: A\n  name: B\n");
    auto dups = findings(r, "schema/duplicate-key");
    REQUIRE(dups.size() == 1);
    CHECK(dups[0] == "3:3 duplicate key `name` (first given on line 2)");
    CHECK(r.records.hubs.empty());
}

TEST_CASE("missing required fields") {
    auto r = load_text("lead: {id: jo, role: specialist}\n");
    auto missing = findings(r, "schema/missing");
    REQUIRE(missing.size() == 1);
    CHECK(missing[0] == "1:7 lead is missing required field `name`");
    auto visit = load_text("session: {cohort: c, date: 2021-10-05, type: visit}\n");
    CHECK(findings(visit, "schema/missing").size() == 1);
}

TEST_CASE("one bad record leaves the others loaded") {
    auto r = load_text("schools:\n"
                       "  - {urn: 100001, name: A, phase: primary, area: X}\n"
                       "  - {urn: 100002, name: B, phase: nursery, area: X}\n"
                       "  - {urn: 100003, name: C, phase: primary, area: X}\n");
    CHECK(r.records.schools.size() == 2);
    CHECK(r.records.records_seen == 3);
}

TEST_CASE("awkward input never throws") {
    CHECK_NOTHROW(load_text(""));
    CHECK_NOTHROW(load_text("\xEF\xBB\xBFhub: {name: A}\r\n"));
    CHECK(load_text("\xEF\xBB\xBFhub:\r\n  name: A\r\n").records.hubs.size() == 1);
    CHECK(findings(load_text("a\0b"), "yaml/syntax").size() == 0);  // std::string stops at NUL
    CHECK(findings(load_text(std::string("hub: {name: A}\n\0\x01", 17)), "yaml/syntax").size() == 1);
    CHECK(findings(load_text("hub: {name: \xff}\n"), "yaml/syntax") ==
          std::vector<std::string>{"1:13 byte 0xFF is not valid UTF-8; save the file as UTF-8"});
    CHECK(findings(load_text("hub:\n\tname: A\n"), "yaml/syntax").size() == 1);
    CHECK(findings(load_text("hub: {name: \"A}\n"), "yaml/syntax").size() == 1);
    CHECK(findings(load_text("a: &x [1, *x]\n"), "yaml/syntax").size() == 1);
    std::string deep(20000, '[');
    CHECK(findings(load_text(deep), "yaml/syntax").size() == 1);
    std::string bomb = "a: &a [x, x, x, x, x, x, x, x, x]\n";
    for (int i = 0; i < 20; ++i)
        bomb += "b" + std::to_string(i) + ": &b" + std::to_string(i) + " [*" +
                (i ? "b" + std::to_string(i - 1) : std::string("a")) + ", *" +
                (i ? "b" + std::to_string(i - 1) : std::string("a")) + "]\n";
    auto r = load_text("hub:\n  name: A\n  areas: *b19\n" + bomb);
    CHECK_FALSE(r.diagnostics.empty());
}

TEST_CASE("text helpers") {
    CHECK(display_width("Schöol – ≥") == 10);
    CHECK(first_invalid_utf8("ok \xc3\xa9") == std::string::npos);
    CHECK(first_invalid_utf8("ok \xc3") == 3);
    CHECK(first_invalid_utf8("\xed\xa0\x80") == 0);  // a surrogate
}

TEST_CASE("inputs the fuzzer found load in bounded time with a syntax error") {
    // tests/fuzz/regressions holds every input that once crashed, hung or exhausted memory.
    namespace fs = std::filesystem;
    int files = 0;
    for (const auto& entry : fs::directory_iterator(fs::path(TFM_TEST_DATA) / "fuzz" / "regressions")) {
        std::ifstream in(entry.path(), std::ios::binary);
        std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
        CAPTURE(entry.path().filename().string());
        LoadResult r;
        CHECK_NOTHROW(r = load_text(text));
        ++files;
    }
    CHECK(files > 0);
}

TEST_CASE("a parser that stops consuming input is stopped") {
    auto r = load_text("!!0,0[");
    CHECK(findings(r, "yaml/syntax") ==
          std::vector<std::string>{"1:4 malformed YAML: the parser stopped making progress here"});
}

TEST_CASE("a cohort's planned meetings load as dates or mappings, with the cohort's defaults") {
    auto r = load_text(R"(hub: {name: H, closed: [2022-06-03]}
cohort:
  id: brad-dev-2021a
  stage: development
  year: 2021/22
  lead: jsmith
  meeting_time: {start: "13:00", end: "16:00"}
  venue: Moorside Primary School, Bradford
  online: https://meet.example.org/brad-dev-a
  schools: [{urn: 107329}]
  meetings:
    - 2021-10-05
    - date: 2021-11-16
      start: "13:30"
      end: "15:30"
      venue: Calder High School
      mode: online
      agenda:
        - {at: "13:30", minutes: 60, item: Observed lesson, year_groups: [Y3]}
        - {at: "14:30", minutes: 60, item: Post-lesson discussion, audience: teachers}
  visits:
    - {urn: 107329, date: 2021-10-12, start: "09:00", end: "11:30"}
)");
    REQUIRE(r.diagnostics.empty());
    REQUIRE(r.records.hubs.size() == 1);
    CHECK(r.records.hubs[0].closed == std::vector<Date>{Date(2022, 6, 3)});
    REQUIRE(r.records.cohorts.size() == 1);
    const Cohort& c = r.records.cohorts[0];
    REQUIRE(c.meeting_time);
    CHECK(c.meeting_time->start.str() == "13:00");
    CHECK(c.meeting_time->pos.line == 7);
    CHECK(c.venue == "Moorside Primary School, Bradford");
    CHECK(c.online == "https://meet.example.org/brad-dev-a");
    REQUIRE(c.meetings.size() == 2);
    const PlannedMeeting& bare = c.meetings[0];
    CHECK(bare.date == Date(2021, 10, 5));
    CHECK(bare.pos.line == 12);
    CHECK(bare.date_pos.line == 12);
    CHECK(c.start_of(bare)->str() == "13:00");
    CHECK(c.end_of(bare)->str() == "16:00");
    CHECK(c.venue_of(bare) == "Moorside Primary School, Bradford");
    CHECK(c.mode_of(bare) == Mode::in_person);
    CHECK_FALSE(bare.has_agenda);
    const PlannedMeeting& full = c.meetings[1];
    CHECK(full.date == Date(2021, 11, 16));
    CHECK(full.pos.line == 13);
    CHECK(full.date_pos.column == 13);
    CHECK(full.start_pos.line == 14);
    CHECK(c.start_of(full)->str() == "13:30");
    CHECK(c.end_of(full)->str() == "15:30");
    CHECK(c.venue_of(full) == "Calder High School");
    CHECK(c.mode_of(full) == Mode::online);
    REQUIRE(full.agenda.size() == 2);
    CHECK(full.agenda[0].year_groups.contains(3));
    CHECK(full.agenda[1].audience == Audience::teachers);
    CHECK(full.agenda[1].pos.line == 20);
    REQUIRE(c.visits.size() == 1);
    CHECK(c.visits[0].start->str() == "09:00");
    CHECK(c.visits[0].end->str() == "11:30");
}

TEST_CASE("planned meetings: bad dates, unknown keys and times that end before they start") {
    auto r = load_text(R"(cohort:
  id: c
  stage: development
  year: 2021/22
  lead: jsmith
  meeting_time: {start: "16:00", end: "13:00"}
  schools: [{urn: 107329}]
  meetings:
    - 2022-02-29
    - {date: 2021-11-16, vneue: X}
    - {start: "13:00"}
    - {date: 2021-11-30, start: "15:00", end: "14:00"}
  visits:
    - {urn: 107329, date: 2021-10-12, start: "11:00", end: "09:00"}
)");
    CHECK(findings(r, "schema/type") ==
          std::vector<std::string>{"9:7 `2022-02-29` is not a valid date: February 2022 has 28 days",
                                   "6:17 the cohort's meeting_time ends (13:00) before it starts (16:00)",
                                   "12:7 the planned meeting on 2021-11-30 ends (14:00) before it starts (15:00)",
                                   "14:7 the planned visit to 107329 on 2021-10-12 ends (09:00) before it starts (11:00)"});
    CHECK(findings(r, "schema/unknown-key") ==
          std::vector<std::string>{"10:26 unknown key `vneue` in a planned meeting; did you mean `venue`?"});
    CHECK(findings(r, "schema/missing") ==
          std::vector<std::string>{"11:7 a planned meeting is missing required field `date`"});
    CHECK(r.records.cohorts.empty());
    CHECK(r.records.broken_cohorts.size() == 1);
}

TEST_CASE("discover_data_directory: the nearest hub.yaml upward, else the git top, else here") {
    namespace fs = std::filesystem;
    std::string tmpl = (fs::temp_directory_path() / "tfm-discover-XXXXXX").string();
    fs::path root = ::mkdtemp(tmpl.data());
    fs::create_directories(root / "repo" / "records" / "cohorts" / "2026-27");
    fs::create_directories(root / "repo" / ".git");
    fs::create_directories(root / "plain" / "sub");
    auto at = [&](const fs::path& p) { return discover_data_directory(p.string()); };
    // No hub.yaml yet: the top of the git work tree.
    CHECK(at(root / "repo" / "records" / "cohorts" / "2026-27") == "../../..");
    std::ofstream(root / "repo" / "records" / "hub.yaml") << "hub: {name: H}\n";
    CHECK(at(root / "repo" / "records" / "cohorts" / "2026-27") == "../..");
    CHECK(at(root / "repo" / "records") == (root / "repo" / "records").string());
    std::ofstream(root / "repo" / "records" / "cohorts" / "hub.yml") << "hub: {name: Nearer}\n";
    CHECK(at(root / "repo" / "records" / "cohorts" / "2026-27") == "..");
    // Neither a hub nor a git work tree: where it was asked.
    CHECK(at(root / "plain" / "sub") == (root / "plain" / "sub").string());
    fs::remove_all(root);
}

TEST_CASE("attendees and agenda items are kept once per file, and outlive the file's text") {
    auto text = std::make_unique<std::string>(
        "sessions:\n"
        "  - {cohort: dev-a, date: 2021-10-05, type: meeting, agenda: [{item: Gap task review}],\n"
        "     attendance: {100001: [Amy Ashworth-Sutcliffe, Ben Jones]}}\n"
        "  - {cohort: dev-a, date: 2021-11-09, type: meeting, agenda: [{item: Gap task review}],\n"
        "     attendance: {100001: [Amy Ashworth-Sutcliffe]}}\n");
    LoadResult loaded = load_text(*text, "sessions.yaml");
    text.reset();  // the records must not point into the file's text
    LoadResult r = std::move(loaded);
    REQUIRE(r.diagnostics.empty());
    REQUIRE(r.records.sessions.size() == 2);
    CHECK_FALSE(r.records.pools.empty());
    const Session& first = *r.records.sessions.begin();
    const Session& second = r.records.sessions.back();
    CHECK(first.attendance[0].present[0].name == "Amy Ashworth-Sutcliffe");
    CHECK(second.attendance[0].present[0].name == "Amy Ashworth-Sutcliffe");
    CHECK(first.attendance[0].present[0].name.data() == second.attendance[0].present[0].name.data());
    CHECK(first.agenda[0].item == "Gap task review");
    CHECK(first.agenda[0].item.data() == second.agenda[0].item.data());
    // A copy of the records shares the text.
    Records copy = r.records;
    r = LoadResult{};
    CHECK(copy.sessions.back().attendance[0].present[0].name == "Amy Ashworth-Sutcliffe");
}

TEST_CASE("records in files under sessions/ keep their place in file order, on any number of threads") {
    namespace fs = std::filesystem;
    std::string tmpl = (fs::temp_directory_path() / "tfm-order-XXXXXX").string();
    fs::path root = ::mkdtemp(tmpl.data());
    fs::create_directories(root / "schools");
    fs::create_directories(root / "sessions");
    auto school = [](int urn) {
        return "  - {urn: " + std::to_string(urn) + ", name: S" + std::to_string(urn) +
               ", phase: primary, area: Leeds}\n";
    };
    std::ofstream(root / "hub.yaml") << "hub: {name: H, areas: [Leeds]}\n";
    std::ofstream(root / "schools" / "a.yaml") << "schools:\n" << school(100001) << school(100002);
    // Session logs are read after the other files; a log file may hold other records too.
    std::ofstream(root / "sessions" / "2021-22.yaml")
        << "schools:\n" << school(100003)
        << "cohort: {id: c1, name: C, stage: development, year: 2021/22, lead: jo, schools: []}\n"
        << "sessions:\n  - {cohort: c1, date: 2021-10-05, type: meeting}\n";
    std::ofstream(root / "sessions" / "2022-23.yaml")
        << "sessions:\n  - {cohort: c1, date: 2022-10-05, type: meeting}\n";
    std::ofstream(root / "zz.yaml") << "schools:\n" << school(100004)
                                    << "cohort: {id: c2, name: D, stage: development, year: 2021/22, lead: jo, schools: []}\n";
    for (unsigned threads : {1u, 2u, 7u}) {
        CAPTURE(threads);
        LoadResult r = load_tree({root.string()}, threads);
        std::vector<Urn> urns;
        for (const auto& s : r.records.schools) urns.push_back(s.urn);
        CHECK(urns == std::vector<Urn>{100001, 100002, 100003, 100004});
        REQUIRE(r.records.cohorts.size() == 2);
        CHECK(r.records.cohorts[0].id == "c1");
        CHECK(r.records.cohorts[1].id == "c2");
        std::vector<std::string> dates;
        for (const auto& s : r.records.sessions) dates.push_back(s.date.str());
        CHECK(dates == std::vector<std::string>{"2021-10-05", "2022-10-05"});
        CHECK(r.records.hubs.size() == 1);
    }
    fs::remove_all(root);
}
