// tfm log's questions as a state machine, driven by scripted answers: defaults from the
// plan, corrections, `<` to go back, and the draft it ends with.
#include "tfm/edit/log_entry.h"
#include "tfm/load/load.h"

#include <doctest/doctest.h>

#include <string>
#include <vector>

using namespace tfm;

namespace {

const char* tree = R"(hub: {name: Test Hub}
---
schools:
  - {urn: 100001, name: Alder Primary, phase: primary, area: A, staff: [{name: Zoë Brontë, role: teacher}]}
  - {urn: 100002, name: Birch Primary, phase: primary, area: A}
  - {urn: 100003, name: Cedar Primary, phase: primary, area: A}
---
leads: [{id: jo, name: Jo, role: specialist}]
---
cohort:
  id: c1
  stage: development
  year: 2021/22
  lead: jo
  meeting_time: {start: "13:00", end: "16:00"}
  schools:
    - {urn: 100001, participants: [Amy Ash, Ben Bay]}
    - {urn: 100002, participants: [Cal Cole]}
    - {urn: 100003, participants: [Dee Dale], status: withdrawn, withdrawn_on: 2021-10-01}
  meetings:
    - 2021-09-28
    - date: 2021-11-09
      mode: online
      agenda: [{at: "13:00", minutes: 60, item: Lesson}]
    - 2022-01-11
---
sessions:
  - {cohort: c1, date: 2021-09-28, type: meeting, attendance: {100001: [Amy Ash]}}
)";

struct Fixture {
    LoadResult loaded = load_text(tree);
    Index index{loaded.records};
    const Cohort& cohort = *index.cohort("c1");
};

// Answers every question in turn; returns the problems the answers met.
std::vector<std::string> answer_all(LogEntry& e, const std::vector<std::string>& answers) {
    std::vector<std::string> problems;
    for (const auto& a : answers) {
        REQUIRE(!e.done());
        if (auto why = e.answer(a); !why.empty()) problems.push_back(why);
    }
    return problems;
}

}  // namespace

TEST_CASE("tfm log: the default date is the latest planned meeting up to --as-of without a log") {
    Fixture f;
    CHECK(unlogged_meeting(f.index, f.cohort, *Date::parse("2021-11-20")) == Date::parse("2021-11-09"));
    CHECK(unlogged_meeting(f.index, f.cohort, *Date::parse("2021-11-08")) == std::nullopt);
    CHECK(unlogged_meeting(f.index, f.cohort, *Date::parse("2022-02-01")) == Date::parse("2022-01-11"));
}

TEST_CASE("tfm log: the plan's time, mode and agenda; withdrawn schools not expected") {
    Fixture f;
    SessionDraft d = planned_session(f.cohort, *Date::parse("2021-11-09"), SessionType::meeting, std::nullopt);
    CHECK(d.start->str() == "13:00");
    CHECK(d.end->str() == "16:00");
    CHECK(d.mode == Mode::online);
    REQUIRE(d.agenda.size() == 1);
    CHECK(d.agenda[0].item == "Lesson");
    CHECK(d.attendance == std::vector<SchoolAttendance>{{100001, {"Amy Ash", "Ben Bay"}}, {100002, {"Cal Cole"}}});
    SessionDraft early = planned_session(f.cohort, *Date::parse("2021-09-28"), SessionType::meeting, std::nullopt);
    CHECK(early.attendance.size() == 3);  // before 107403 withdrew
    CHECK(early.mode == Mode::in_person);
}

TEST_CASE("tfm log: Enter for every question takes the plan") {
    Fixture f;
    LogEntry e(f.cohort, f.index, planned_session(f.cohort, *Date::parse("2021-11-09"), SessionType::meeting, {}));
    std::vector<LogEntry::Step> steps;
    while (!e.done()) {
        steps.push_back(e.prompt().step);
        CHECK(e.answer("") == "");
    }
    using S = LogEntry::Step;
    CHECK(steps == std::vector<S>{S::date, S::start, S::end, S::mode, S::agenda, S::attendance, S::attendance});
    CHECK(e.draft().attendance[0].present == std::vector<std::string>{"Amy Ash", "Ben Bay"});
    CHECK(e.draft().agenda.size() == 1);
}

TEST_CASE("tfm log: the prompt offers the default and completes names") {
    Fixture f;
    LogEntry e(f.cohort, f.index, planned_session(f.cohort, *Date::parse("2021-11-09"), SessionType::meeting, {}),
               {LogEntry::Step::date, LogEntry::Step::start, LogEntry::Step::end, LogEntry::Step::mode,
                LogEntry::Step::agenda});
    auto p = e.prompt();
    CHECK(p.step == LogEntry::Step::attendance);
    CHECK(p.question == "100001 Alder Primary");
    CHECK(p.offered == "Amy Ash, Ben Bay");
    CHECK(p.completions == std::vector<std::string>{"Amy Ash", "Ben Bay", "Zoë Brontë", "absent"});
    CHECK(p.number == 1);
    CHECK(p.count == 2);
}

TEST_CASE("tfm log: correcting one school, names spelled as the records spell them") {
    Fixture f;
    LogEntry e(f.cohort, f.index, planned_session(f.cohort, *Date::parse("2021-11-09"), SessionType::meeting, {}));
    // "zoe bronte" is one slip from the staff member Zoë Brontë: said at the school's own
    // question, and taken as typed when typed again.
    CHECK(answer_all(e, {"", "", "", "", "", "amy ash, zoe bronte"}) ==
          std::vector<std::string>{"`zoe bronte` is not a participant or member of staff of school 100001; did you "
                                   "mean `Zoë Brontë`? (type the same again to record it as written)"});
    CHECK(e.prompt().question == "100001 Alder Primary");
    CHECK(answer_all(e, {"amy ash, zoe bronte", "absent"}) == std::vector<std::string>{});
    CHECK(e.done());
    // "amy ash" as the records spell it; same_name folds case, not accents, so "zoe bronte" is
    // kept as typed, for ref/participant to question
    CHECK(e.draft().attendance[0].present == std::vector<std::string>{"Amy Ash", "zoe bronte"});
    CHECK(e.draft().attendance[1].present.empty());
}

TEST_CASE("tfm log: `<` goes back a question and the answer can change") {
    Fixture f;
    LogEntry e(f.cohort, f.index, planned_session(f.cohort, *Date::parse("2021-11-09"), SessionType::meeting, {}));
    CHECK(e.answer("<") == "this is the first question");
    answer_all(e, {"", "", "", "", "", "absent"});
    CHECK(e.prompt().question == "100002 Birch Primary");
    CHECK(e.answer("<") == "");
    CHECK(e.prompt().question == "100001 Alder Primary");
    CHECK(e.prompt().offered == "absent");  // the answer given stays offered
    answer_all(e, {"Ben Bay", ""});
    CHECK(e.done());
    CHECK(e.draft().attendance[0].present == std::vector<std::string>{"Ben Bay"});
    CHECK(e.back());  // from the confirmation: back to the last school
    CHECK(e.prompt().question == "100002 Birch Primary");
}

TEST_CASE("tfm log: another date brings that date's plan; bad answers are asked again") {
    Fixture f;
    LogEntry e(f.cohort, f.index, planned_session(f.cohort, *Date::parse("2021-11-09"), SessionType::meeting, {}));
    CHECK(e.answer("9 Nov") == "`9 Nov` is not a valid date: expected a date written YYYY-MM-DD");
    CHECK(e.answer("2022-01-11") == "");
    CHECK(e.draft().mode == Mode::in_person);
    CHECK(e.draft().agenda.empty());
    CHECK(e.answer("1pm") == "a time is written HH:MM, e.g. 13:00");
    CHECK(e.answer("13:30") == "");
    CHECK(e.answer("") == "");
    CHECK(e.answer("zoom") == "in_person or online");
    CHECK(e.answer("online") == "");
    // no agenda question: 2022-01-11 has none planned
    CHECK(e.prompt().step == LogEntry::Step::attendance);
    CHECK(e.draft().start->str() == "13:30");
    CHECK(e.draft().mode == Mode::online);
}

TEST_CASE("tfm log: a visit asks for the school first, not attendance") {
    Fixture f;
    LogEntry e(f.cohort, f.index, planned_session(f.cohort, *Date::parse("2021-10-12"), SessionType::visit, {}));
    CHECK(e.prompt().step == LogEntry::Step::school);
    CHECK(e.answer("100009") == "not a school of this Work Group (Tab lists them)");
    CHECK(e.answer("birch primary") == "");
    // No visit to it is planned: no date is offered, and Enter does not take one.
    CHECK(e.prompt().step == LogEntry::Step::date);
    CHECK(e.prompt().offered == "");
    CHECK(e.answer("") == "no planned date is waiting for its log: type the date it took place");
    answer_all(e, {"2021-10-12", "", "", ""});
    CHECK(e.done());
    CHECK(e.draft().school == 100002);
    CHECK(e.draft().attendance.empty());
}

TEST_CASE("tfm log: a school with no participants listed must be named, never `[]` by Enter") {
    std::string text = tree;
    const std::string planned = "{urn: 100002, participants: [Cal Cole]}";
    text.replace(text.find(planned), planned.size(), "{urn: 100002}");
    LoadResult loaded = load_text(text);
    Index index{loaded.records};
    REQUIRE(index.cohort("c1"));
    const Cohort& cohort = *index.cohort("c1");
    LogEntry e(cohort, index, planned_session(cohort, *Date::parse("2021-11-09"), SessionType::meeting, {}),
               {LogEntry::Step::date, LogEntry::Step::start, LogEntry::Step::end, LogEntry::Step::mode,
                LogEntry::Step::agenda});
    CHECK(e.answer("") == "");  // 100001 as planned
    auto p = e.prompt();
    CHECK(p.question == "100002 Birch Primary");
    CHECK(p.offered == "");  // not "absent"
    CHECK(e.answer("") ==
          "the cohort lists no participants for this school: type who came (names separated by commas), or `absent`");
    CHECK(!e.done());
    CHECK(e.answer("Cal Cole") == "");
    CHECK(e.done());
    CHECK(e.draft().attendance[1].present == std::vector<std::string>{"Cal Cole"});
    // once answered, going back offers what was typed; `absent` is an answer too
    REQUIRE(e.back());
    CHECK(e.prompt().offered == "Cal Cole");
    CHECK(e.answer("absent") == "");
    REQUIRE(e.back());
    CHECK(e.prompt().offered == "absent");
    CHECK(e.answer("") == "");
    CHECK(e.draft().attendance[1].present.empty());
}

TEST_CASE("tfm log: a school that joined later is not expected at the meetings before joined_on") {
    std::string text = tree;
    const std::string planned = "{urn: 100002, participants: [Cal Cole]}";
    text.replace(text.find(planned), planned.size(), "{urn: 100002, participants: [Cal Cole], joined_on: 2021-11-01}");
    LoadResult loaded = load_text(text);
    Index index{loaded.records};
    REQUIRE(index.cohort("c1"));
    const Cohort& cohort = *index.cohort("c1");
    CHECK(planned_session(cohort, *Date::parse("2021-09-28"), SessionType::meeting, {}).attendance ==
          std::vector<SchoolAttendance>{{100001, {"Amy Ash", "Ben Bay"}}, {100003, {"Dee Dale"}}});
    CHECK(planned_session(cohort, *Date::parse("2021-11-09"), SessionType::meeting, {}).attendance ==
          std::vector<SchoolAttendance>{{100001, {"Amy Ash", "Ben Bay"}}, {100002, {"Cal Cole"}}});
}

TEST_CASE("tfm log: a visit's date defaults to the school's planned visit waiting for its log") {
    std::string text = tree;
    const std::string at = "---\nsessions:";
    text.replace(text.find(at), at.size(),
                 "  visits: [{urn: 100001, date: 2021-09-20}, {urn: 100001, date: 2021-10-12}, "
                 "{urn: 100001, date: 2021-12-01}, {urn: 100002, date: 2021-10-20}]\n" + at +
                     "\n  - {cohort: c1, date: 2021-10-20, type: visit, school: 100002}");
    LoadResult loaded = load_text(text);
    Index index{loaded.records};
    REQUIRE(index.cohort("c1"));
    const Cohort& cohort = *index.cohort("c1");
    Date as_of = *Date::parse("2021-11-20");
    CHECK(unlogged_visit(index, cohort, 100001, as_of) == Date::parse("2021-10-12"));
    CHECK(unlogged_visit(index, cohort, 100002, as_of) == std::nullopt);  // logged
    CHECK(unlogged_visit(index, cohort, 100001, *Date::parse("2021-09-30")) == Date::parse("2021-09-20"));
    // on a terminal: the school first, then its visit's date offered, Tab completing its visits
    LogEntry e(cohort, index, planned_session(cohort, as_of, SessionType::visit, {}), {}, as_of);
    CHECK(e.prompt().step == LogEntry::Step::school);
    CHECK(e.answer("100001") == "");
    auto p = e.prompt();
    CHECK(p.step == LogEntry::Step::date);
    CHECK(p.offered == "2021-10-12");
    CHECK(p.completions == std::vector<std::string>{"2021-09-20", "2021-10-12", "2021-12-01"});
    CHECK(e.answer("") == "");
    CHECK(e.draft().date == *Date::parse("2021-10-12"));
}

TEST_CASE("tfm log: each answer is checked at its question: impossible or late dates, an end before the start") {
    Fixture f;
    LogEntry e(f.cohort, f.index, planned_session(f.cohort, *Date::parse("2021-11-09"), SessionType::meeting, {}), {},
               *Date::parse("2021-11-20"));
    // the same precise message as --date gives
    CHECK(e.answer("2022-02-29") == "`2022-02-29` is not a valid date: February 2022 has 28 days");
    CHECK(e.answer("2021-11-21") == "2021-11-21 is after the as-of date 2021-11-20: a log records what took place");
    CHECK(e.answer("2021-08-31") == "2021-08-31 is outside 2021/22, the year of cohort c1");
    CHECK(e.prompt().step == LogEntry::Step::date);
    CHECK(e.answer("") == "");
    CHECK(e.answer("16:30") == "");  // a start after the planned end (16:00)
    CHECK(e.answer("") == "it would end at 16:00, not after it starts (16:30): give the end time");
    CHECK(e.answer("16:00") == "it would end at 16:00, not after it starts (16:30): give the end time");
    CHECK(e.prompt().step == LogEntry::Step::end);
    CHECK(e.answer("17:00") == "");
    CHECK(e.prompt().step == LogEntry::Step::mode);
}

TEST_CASE("tfm log: going back to the question a finding points at") {
    Fixture f;
    LogEntry e(f.cohort, f.index, planned_session(f.cohort, *Date::parse("2021-11-09"), SessionType::meeting, {}));
    answer_all(e, {"", "", "", "", "", "", ""});
    REQUIRE(e.done());
    e.go_to(LogEntry::Step::attendance, 100001);
    CHECK(e.prompt().question == "100001 Alder Primary");
    e.go_to(LogEntry::Step::date);
    CHECK(e.prompt().step == LogEntry::Step::date);
    e.go_to(LogEntry::Step::school);  // not asked for a meeting: the last question
    CHECK(e.prompt().question == "100002 Birch Primary");
}

TEST_CASE("tfm log: a typed name with a control character is asked again") {
    Fixture f;
    LogEntry e(f.cohort, f.index, planned_session(f.cohort, *Date::parse("2021-11-09"), SessionType::meeting, {}),
               {LogEntry::Step::date, LogEntry::Step::start, LogEntry::Step::end, LogEntry::Step::mode,
                LogEntry::Step::agenda});
    CHECK(e.answer("Amy Ash\x1b[2J") ==
          "that has a control character (U+001B), which a name in the records must not have; type the names without it");
    CHECK(e.answer("Amy \u202eAsh") ==
          "that has a control character (U+202E), which a name in the records must not have; type the names without it");
    CHECK(e.prompt().question == "100001 Alder Primary");
}

TEST_CASE("tfm log: a date no meeting was planned on is not offered") {
    Fixture f;
    LogEntry e(f.cohort, f.index, planned_session(f.cohort, *Date::parse("2021-12-01"), SessionType::meeting, {}));
    CHECK(e.prompt().step == LogEntry::Step::date);
    CHECK(e.prompt().offered == "");
    CHECK(e.answer("") == "no planned date is waiting for its log: type the date it took place");
    CHECK(e.answer("2021-12-01") == "");
    CHECK(e.prompt().step == LogEntry::Step::start);
    // A planned one is offered.
    LogEntry planned(f.cohort, f.index, planned_session(f.cohort, *Date::parse("2021-11-09"), SessionType::meeting, {}));
    CHECK(planned.prompt().offered == "2021-11-09");
}
