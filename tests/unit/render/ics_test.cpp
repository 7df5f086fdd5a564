// The iCalendar writer (RFC 5545): escaping, folding at 75 octets without splitting a UTF-8
// character, and the calendar that schedule items become.
#include "tfm/render/ics.h"

#include "../analysis/schedule_fixture.h"

#include <doctest/doctest.h>

#include <string>
#include <vector>

using namespace tfm;
using namespace tfm::test;

namespace {

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

}  // namespace

// ---- ics_escape ----------------------------------------------------------------------------

TEST_CASE("ics: ics_escape escapes backslash, semicolon, comma and newline") {
    CHECK(ics_escape("plain text") == "plain text");
    CHECK(ics_escape("a,b") == "a\\,b");
    CHECK(ics_escape("a;b") == "a\\;b");
    CHECK(ics_escape("a\\b") == "a\\\\b");
    CHECK(ics_escape("line one\nline two") == "line one\\nline two");
    CHECK(ics_escape("windows\r\nline") == "windows\\nline");
    CHECK(ics_escape("St Mary's, St John's; \\ all") == "St Mary's\\, St John's\\; \\\\ all");
    CHECK(ics_escape("") == "");
}

TEST_CASE("ics: ics_escape keeps UTF-8, colons and quotes as they are") {
    CHECK(ics_escape("Brontë – ≥ 2") == "Brontë – ≥ 2");
    CHECK(ics_escape("Time: 13:00 \"room 4\"") == "Time: 13:00 \"room 4\"");
}

TEST_CASE("ics: ics_escape shows C0, DEL, C1 and bidirectional controls alike, as a terminal does") {
    // Shown as terminal_safe shows them, its backslash escaped for TEXT: none is dropped,
    // none passes raw.
    CHECK(ics_escape(std::string("bell\x07 and nul") + '\0' + "!") == "bell\\\\x07 and nul\\\\x00!");
    CHECK(ics_escape("del\x7f") == "del\\\\x7f");
    CHECK(ics_escape("a\tb") == "a\\\\x09b");
    CHECK(ics_escape("esc\x1b]8;;x\x07") == "esc\\\\x1b]8\\;\\;x\\\\x07");
    CHECK(ics_escape("csi\u009b2J nel\u0085") == "csi<U+009B>2J nel<U+0085>");
    CHECK(ics_escape("Leeds\u202E 12 \u2066x\u2069") == "Leeds<U+202E> 12 <U+2066>x<U+2069>");
    CHECK(ics_escape("bad \xff") == "bad \\\\xff");
    CHECK(ics_escape("cr\ralone") == "cralone");
}

// ---- ics_fold ------------------------------------------------------------------------------

TEST_CASE("ics: ics_fold leaves a short line alone and ends it in CRLF") {
    CHECK(ics_fold("VERSION:2.0") == "VERSION:2.0\r\n");
    CHECK(ics_fold("") == "\r\n");
}

TEST_CASE("ics: ics_fold keeps exactly 75 octets on one line and folds the 76th") {
    std::string s75(75, 'x'), s76(76, 'x');
    CHECK(ics_fold(s75) == s75 + "\r\n");
    CHECK(ics_fold(s76) == s75 + "\r\n x\r\n");
    check_folded(ics_fold(s76), s76);
}

TEST_CASE("ics: ics_fold folds a long ASCII line into 75 then 74 octets plus the space") {
    std::string line(300, 'a');
    std::string folded = ics_fold(line);
    auto lines = crlf_lines(folded);
    REQUIRE(lines.size() == 5);  // 75 + 74 + 74 + 74 + 3
    CHECK(lines[0].size() == 75);
    CHECK(lines[1].size() == 75);
    CHECK(lines[4] == " aaa");
    check_folded(folded, line);
}

TEST_CASE("ics: ics_fold never splits a UTF-8 character (é, – and ≥, 200 characters)") {
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

TEST_CASE("ics: ics_fold keeps a three-octet character whole at the boundary") {
    // 73 ASCII octets, then – (3 octets) would end at octet 76: it moves to the next line.
    std::string line = std::string(73, 'a') + "–" + "b";
    std::string folded = ics_fold(line);
    CHECK(folded == std::string(73, 'a') + "\r\n –b\r\n");
    check_folded(folded, line);
    // 72 ASCII octets, then – ends exactly at octet 75: it stays.
    std::string fits = std::string(72, 'a') + "–" + "b";
    CHECK(ics_fold(fits) == std::string(72, 'a') + "–\r\n b\r\n");
}

TEST_CASE("ics: ics_fold keeps four-octet characters whole") {
    std::string line = "DESCRIPTION:";
    for (int i = 0; i < 60; ++i) line += "😀";
    check_folded(ics_fold(line), line);
}

// ---- render_ics ----------------------------------------------------------------------------

TEST_CASE("ics: the calendar is CRLF, folded, with one VEVENT per row and stable UIDs") {
    Tree t(tree_yaml);
    auto items = t.items(range(year_start, year_end), as_of);
    std::string ics = render_ics(items, *t.index, as_of);
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
    CHECK(render_ics(t.items(range(year_start, year_end), as_of), *t.index, as_of) == ics);
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

TEST_CASE("ics: a UID does not change when the range or the status changes") {
    Tree t(tree_yaml);
    auto uid_of = [&](Date from, Date to, Date when) {
        std::string ics = unfold(render_ics(t.items(range(from, to), when), *t.index, when));
        auto at = ics.find("UID:dev-a-meeting-20211116");
        REQUIRE(at != std::string::npos);
        return ics.substr(at, ics.find("\r\n", at) - at);
    };
    CHECK(uid_of(year_start, year_end, as_of) == uid_of(d(2021, 11, 16), d(2021, 11, 16), d(2022, 1, 1)));
}

TEST_CASE("ics: all-day events have dates, and the calendar always holds its time zone") {
    Tree t(tree_yaml);
    auto items = t.items(range(d(2021, 11, 16), d(2021, 11, 30)), as_of);
    REQUIRE(!items.empty());
    std::string ics = render_ics(items, *t.index, as_of);
    CHECK(ics.find("DTSTART;TZID") == std::string::npos);
    CHECK(ics.find("DTSTART;VALUE=DATE:") != std::string::npos);
    // An empty calendar is still valid RFC 5545: the VTIMEZONE is its one component.
    std::string empty = render_ics({}, *t.index, as_of);
    CHECK(empty.find("BEGIN:VTIMEZONE\r\nTZID:Europe/London\r\n") != std::string::npos);
    CHECK(empty.find("VEVENT") == std::string::npos);
}

TEST_CASE("ics: a late start with no end ends an hour later, on the next day if need be") {
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
    std::string ics = render_ics(t.items(range(year_start, year_end), when), *t.index, when);
    CHECK(ics.find("DTSTART;TZID=Europe/London:20211005T233000\r\n"
                   "DTEND;TZID=Europe/London:20211006T003000\r\n") != std::string::npos);
    CHECK(ics.find("DTSTART;TZID=Europe/London:20211012T235900\r\n"
                   "DTEND;TZID=Europe/London:20211013T005900\r\n") != std::string::npos);
    CHECK(ics.find("DTSTART;TZID=Europe/London:20211019T130000\r\n"
                   "DTEND;TZID=Europe/London:20211019T140000\r\n") != std::string::npos);
}

TEST_CASE("ics: an empty calendar is still a valid VCALENDAR") {
    Tree t(tree_yaml);
    std::string ics = render_ics({}, *t.index, as_of);
    CHECK(ics.rfind("BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:", 0) == 0);
    CHECK(ics.find("VEVENT") == std::string::npos);
    CHECK(ics.substr(ics.size() - 15) == "END:VCALENDAR\r\n");
}
