// `tfm schedule` (SPEC section 6): the iCalendar text helpers (escaping, folding at 75 octets
// without splitting a UTF-8 character), how plans and logs merge into rows, the filters, and
// the calendar the rows become.
#include "tfm/analysis/schedule.h"

#include "../fixtures.h"
#include "tfm/model/index.h"
#include "tfm/load/load.h"

#include <doctest/doctest.h>

#include <string>
#include <string_view>
#include <vector>

using namespace tfm;

namespace {

using test::d;

struct Tree {
    Workspace ws;

    explicit Tree(std::string_view yaml) : ws(test::load_fixture(yaml), test::unused_as_of()) {}

    const Index& index() const { return ws.index(); }
    std::vector<ScheduleItem> items(ScheduleFilter f, Date as_of) const {
        return build_schedule(ws.records(), ws.index(), f, as_of);
    }
};

ScheduleFilter range(Date from, Date to) {
    ScheduleFilter f;
    f.from = from;
    f.to = to;
    return f;
}

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

// Physical lines of a CRLF text, without their CRLF; fails on a bare LF or CR.
std::vector<std::string> crlf_lines(const std::string& text) {
    std::vector<std::string> lines;
    std::size_t start = 0;
    while (start < text.size()) {
        std::size_t end = text.find("\r\n", start);
        REQUIRE(end != std::string::npos);
        std::string line = text.substr(start, end - start);
        CHECK(line.find('\n') == std::string::npos);
        CHECK(line.find('\r') == std::string::npos);
        lines.push_back(line);
        start = end + 2;
    }
    return lines;
}

bool continuation_byte(char c) { return (static_cast<unsigned char>(c) & 0xC0) == 0x80; }

// Whether a line holds whole UTF-8 characters only (it neither starts inside one nor ends
// before one is complete).
bool whole_utf8(const std::string& line) {
    std::size_t i = 0;
    while (i < line.size()) {
        auto c = static_cast<unsigned char>(line[i]);
        std::size_t len = c < 0x80 ? 1 : c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : c >= 0xC0 ? 2 : 0;
        if (len == 0 || i + len > line.size()) return false;
        for (std::size_t k = 1; k < len; ++k)
            if (!continuation_byte(line[i + k])) return false;
        i += len;
    }
    return true;
}

// RFC 5545 unfolding: a CRLF followed by one space is removed.
std::string unfold(std::string text) {
    std::string out;
    for (std::size_t i = 0; i < text.size(); ++i) {
        if (text.compare(i, 3, "\r\n ") == 0) {
            i += 2;
            continue;
        }
        out += text[i];
    }
    return out;
}

// Checks a folded line: CRLF-terminated, at most 75 octets per physical line, whole UTF-8
// characters on each, continuation lines starting with one space, and unfolding to `original`.
void check_folded(const std::string& folded, const std::string& original) {
    REQUIRE(folded.size() >= 2);
    CHECK(folded.substr(folded.size() - 2) == "\r\n");
    auto lines = crlf_lines(folded);
    REQUIRE(!lines.empty());
    for (std::size_t i = 0; i < lines.size(); ++i) {
        CAPTURE(i);
        CAPTURE(lines[i]);
        CHECK(lines[i].size() <= 75);
        if (i > 0) {
            REQUIRE(!lines[i].empty());
            CHECK(lines[i][0] == ' ');
            CHECK(lines[i].size() > 1);  // never an empty continuation
            CHECK(whole_utf8(lines[i].substr(1)));
        } else {
            CHECK(whole_utf8(lines[i]));
        }
        // Folding fills each physical line: the next character did not fit.
        if (i + 1 < lines.size()) {
            std::size_t next = static_cast<unsigned char>(lines[i + 1][1]);
            std::size_t len = next < 0x80 ? 1 : next >= 0xF0 ? 4 : next >= 0xE0 ? 3 : 2;
            CHECK(lines[i].size() + len > 75);
        }
    }
    CHECK(unfold(folded) == original + "\r\n");
}

// A hub, two leads, four schools; one development cohort with a plan and logs, and one
// sustaining cohort of another lead.
constexpr std::string_view tree_yaml = R"(hub:
  name: Test Hub
  areas: [Leeds]
---
leads:
  - {id: jsmith, name: Jo Smith, role: specialist}
  - {id: apatel, name: Asha Patel, role: specialist}
---
schools:
  - {urn: 107401, name: Moorside Primary School, phase: primary, area: Leeds}
  - {urn: 107402, name: "Brontë Primary, Leeds", phase: primary, area: Leeds}
  - {urn: 107403, name: Holly Bank Primary School, phase: primary, area: Leeds,
     history: [{stage: development, year: 2019/20}, {stage: embedding, year: 2020/21}]}
  - {urn: 107404, name: Beckfield Primary School, phase: primary, area: Leeds,
     history: [{stage: development, year: 2019/20}, {stage: embedding, year: 2020/21}]}
---
cohorts:
  - id: dev-a
    name: Development A
    stage: development
    year: 2021/22
    lead: jsmith
    schools:
      - {urn: 107401, participants: [A One, A Two]}
      - {urn: 107402, participants: [B One, B Two]}
    meetings: [2021-10-05, 2021-11-16, 2022-01-11]
    visits:
      - {urn: 107401, date: 2021-10-12}
      - {urn: 107402, date: 2021-10-19}
      - {urn: 107401, date: 2021-11-23}
  - id: sus-b
    name: Sustaining B
    stage: sustaining
    year: 2021/22
    lead: apatel
    schools:
      - {urn: 107403, participants: [C One]}
      - {urn: 107404, participants: [D One]}
    meetings: [2021-10-07, 2021-11-18]
---
sessions:
  # on the plan: one done row each
  - {cohort: dev-a, date: 2021-10-05, type: meeting, start: "13:00", end: "16:00", mode: online}
  - {cohort: dev-a, date: 2021-10-12, type: visit, school: 107401, start: "09:00"}
  # not on the plan: rows of their own
  - {cohort: dev-a, date: 2021-10-21, type: audit_visit, school: 107402}
  - {cohort: dev-a, date: 2021-10-12, type: visit, school: 107402}
  - {cohort: sus-b, date: 2021-11-04, type: meeting}
)";

const Date as_of = d(2021, 11, 10);
const Date year_start = d(2021, 9, 1), year_end = d(2022, 8, 31);

}  // namespace

// ---- ics_escape ----------------------------------------------------------------------------

TEST_CASE("schedule: ics_escape escapes backslash, semicolon, comma and newline") {
    CHECK(ics_escape("plain text") == "plain text");
    CHECK(ics_escape("a,b") == "a\\,b");
    CHECK(ics_escape("a;b") == "a\\;b");
    CHECK(ics_escape("a\\b") == "a\\\\b");
    CHECK(ics_escape("line one\nline two") == "line one\\nline two");
    CHECK(ics_escape("windows\r\nline") == "windows\\nline");
    CHECK(ics_escape("St Mary's, St John's; \\ all") == "St Mary's\\, St John's\\; \\\\ all");
    CHECK(ics_escape("") == "");
}

TEST_CASE("schedule: ics_escape keeps UTF-8, colons, quotes and tabs as they are") {
    CHECK(ics_escape("Brontë – ≥ 2") == "Brontë – ≥ 2");
    CHECK(ics_escape("Time: 13:00 \"room 4\"") == "Time: 13:00 \"room 4\"");
    CHECK(ics_escape("a\tb") == "a\tb");
}

TEST_CASE("schedule: ics_escape drops control characters that TEXT does not allow") {
    CHECK(ics_escape(std::string("bell\x07 and nul") + '\0' + "!") == "bell and nul!");
    CHECK(ics_escape("del\x7f") == "del");
}

// ---- ics_fold ------------------------------------------------------------------------------

TEST_CASE("schedule: ics_fold leaves a short line alone and ends it in CRLF") {
    CHECK(ics_fold("VERSION:2.0") == "VERSION:2.0\r\n");
    CHECK(ics_fold("") == "\r\n");
}

TEST_CASE("schedule: ics_fold keeps exactly 75 octets on one line and folds the 76th") {
    std::string s75(75, 'x'), s76(76, 'x');
    CHECK(ics_fold(s75) == s75 + "\r\n");
    CHECK(ics_fold(s76) == s75 + "\r\n x\r\n");
    check_folded(ics_fold(s76), s76);
}

TEST_CASE("schedule: ics_fold folds a long ASCII line into 75 then 74 octets plus the space") {
    std::string line(300, 'a');
    std::string folded = ics_fold(line);
    auto lines = crlf_lines(folded);
    REQUIRE(lines.size() == 5);  // 75 + 74 + 74 + 74 + 3
    CHECK(lines[0].size() == 75);
    CHECK(lines[1].size() == 75);
    CHECK(lines[4] == " aaa");
    check_folded(folded, line);
}

TEST_CASE("schedule: ics_fold never splits a UTF-8 character (é, – and ≥, 200 characters)") {
    // 200 characters of 2- and 3-octet sequences, in a rotation that puts every kind of
    // character at every fold position.
    const char* chars[] = {"é", "–", "≥", "é", "é", "–"};
    std::string line = "SUMMARY:";
    for (int i = 0; i < 200; ++i) line += chars[i % 6];
    check_folded(ics_fold(line), line);
    // And with every shift of the start, so each character lands on the boundary.
    for (int shift = 0; shift < 6; ++shift) {
        CAPTURE(shift);
        std::string shifted = std::string(std::size_t(shift), 'x');
        for (int i = 0; i < 200; ++i) shifted += chars[(i + shift) % 6];
        check_folded(ics_fold(shifted), shifted);
    }
}

TEST_CASE("schedule: ics_fold keeps a three-octet character whole at the boundary") {
    // 73 ASCII octets, then – (3 octets) would end at octet 76: it moves to the next line.
    std::string line = std::string(73, 'a') + "–" + "b";
    std::string folded = ics_fold(line);
    CHECK(folded == std::string(73, 'a') + "\r\n –b\r\n");
    check_folded(folded, line);
    // 72 ASCII octets, then – ends exactly at octet 75: it stays.
    std::string fits = std::string(72, 'a') + "–" + "b";
    CHECK(ics_fold(fits) == std::string(72, 'a') + "–\r\n b\r\n");
}

TEST_CASE("schedule: ics_fold keeps four-octet characters whole") {
    std::string line = "DESCRIPTION:";
    for (int i = 0; i < 60; ++i) line += "😀";
    check_folded(ics_fold(line), line);
}

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
    CHECK(table.rows[1][7].text() == "overdue");
}

// ---- render_ics ----------------------------------------------------------------------------

TEST_CASE("schedule: the calendar is CRLF, folded, with one VEVENT per row and stable UIDs") {
    Tree t(tree_yaml);
    auto items = t.items(range(year_start, year_end), as_of);
    std::string ics = render_ics(items, t.index(), as_of);
    auto lines = crlf_lines(ics);
    for (const auto& l : lines) CHECK(l.size() <= 75);
    CHECK(lines.front() == "BEGIN:VCALENDAR");
    CHECK(lines.back() == "END:VCALENDAR");
    CHECK(ics.find("\r\nVERSION:2.0\r\n") != std::string::npos);
    CHECK(ics.find("\r\nPRODID:") != std::string::npos);
    std::size_t events = 0, uids = 0;
    for (const auto& l : lines) {
        if (l == "BEGIN:VEVENT") ++events;
        if (l.rfind("UID:", 0) == 0) ++uids;
    }
    CHECK(events == items.size());
    CHECK(uids == items.size());
    // Timed rows need the time zone; DTSTAMP is the as-of date, so runs are identical.
    CHECK(ics.find("BEGIN:VTIMEZONE\r\nTZID:Europe/London\r\n") != std::string::npos);
    CHECK(ics.find("DTSTAMP:20211110T000000Z\r\n") != std::string::npos);
    CHECK(render_ics(t.items(range(year_start, year_end), as_of), t.index(), as_of) == ics);
    std::string unfolded = unfold(ics);
    CHECK(unfolded.find("UID:dev-a-meeting-20211005-group@tfm\r\n") != std::string::npos);
    CHECK(unfolded.find("UID:dev-a-visit-20211012-107401@tfm\r\n") != std::string::npos);
    CHECK(unfolded.find("UID:dev-a-visit-20211021-107402@tfm\r\n") != std::string::npos);
    CHECK(unfolded.find("DTSTART;TZID=Europe/London:20211005T130000\r\n"
                        "DTEND;TZID=Europe/London:20211005T160000\r\n") != std::string::npos);
    CHECK(unfolded.find("DTSTART;VALUE=DATE:20211007\r\nDTEND;VALUE=DATE:20211008\r\n") !=
          std::string::npos);
    CHECK(unfolded.find("LOCATION:Brontë Primary\\, Leeds\r\n") != std::string::npos);
    CHECK(unfolded.find("SUMMARY:Audit visit: Brontë Primary\\, Leeds (Development A)\r\n") !=
          std::string::npos);
}

TEST_CASE("schedule: a UID does not change when the range or the status changes") {
    Tree t(tree_yaml);
    auto uid_of = [&](Date from, Date to, Date when) {
        std::string ics = unfold(render_ics(t.items(range(from, to), when), t.index(), when));
        auto at = ics.find("UID:dev-a-meeting-20211116");
        REQUIRE(at != std::string::npos);
        return ics.substr(at, ics.find("\r\n", at) - at);
    };
    CHECK(uid_of(year_start, year_end, as_of) == uid_of(d(2021, 11, 16), d(2021, 11, 16), d(2022, 1, 1)));
}

TEST_CASE("schedule: an all-day calendar needs no time zone") {
    Tree t(tree_yaml);
    auto items = t.items(range(d(2021, 11, 16), d(2021, 11, 30)), as_of);
    REQUIRE(!items.empty());
    std::string ics = render_ics(items, t.index(), as_of);
    CHECK(ics.find("VTIMEZONE") == std::string::npos);
    CHECK(ics.find("TZID") == std::string::npos);
}

TEST_CASE("schedule: a late start with no end ends an hour later, on the next day if need be") {
    Tree t(R"(hub: {name: Test Hub}
---
leads: [{id: jsmith, name: Jo Smith, role: specialist}]
---
schools: [{urn: 107401, name: Moorside, phase: primary, area: Leeds}]
---
cohort:
  id: dev-a
  stage: development
  year: 2021/22
  lead: jsmith
  schools: [{urn: 107401, participants: [A One, A Two]}]
---
sessions:
  - {cohort: dev-a, date: 2021-10-05, type: meeting, start: "23:30"}
  - {cohort: dev-a, date: 2021-10-12, type: meeting, start: "23:59"}
  - {cohort: dev-a, date: 2021-10-19, type: meeting, start: "13:00"}
)");
    Date when = d(2021, 12, 1);
    std::string ics = render_ics(t.items(range(year_start, year_end), when), t.index(), when);
    CHECK(ics.find("DTSTART;TZID=Europe/London:20211005T233000\r\n"
                   "DTEND;TZID=Europe/London:20211006T003000\r\n") != std::string::npos);
    CHECK(ics.find("DTSTART;TZID=Europe/London:20211012T235900\r\n"
                   "DTEND;TZID=Europe/London:20211013T005900\r\n") != std::string::npos);
    CHECK(ics.find("DTSTART;TZID=Europe/London:20211019T130000\r\n"
                   "DTEND;TZID=Europe/London:20211019T140000\r\n") != std::string::npos);
}

TEST_CASE("schedule: an empty calendar is still a valid VCALENDAR") {
    Tree t(tree_yaml);
    std::string ics = render_ics({}, t.index(), as_of);
    CHECK(ics.rfind("BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:", 0) == 0);
    CHECK(ics.find("VEVENT") == std::string::npos);
    CHECK(ics.substr(ics.size() - 15) == "END:VCALENDAR\r\n");
}
