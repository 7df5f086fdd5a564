// RFC 4180 CSV: quoting, line breaks in fields, errors with their line.
#include "tfm/base/csv.h"

#include "tfm/base/line_error.h"

#include <doctest/doctest.h>

#include <string>
#include <string_view>
#include <vector>

using namespace tfm;

namespace {

std::vector<std::vector<std::string>> fields(std::string_view csv) {
    std::vector<std::vector<std::string>> out;
    for (auto& row : parse_csv(csv)) out.push_back(row.fields);
    return out;
}

int error_line(std::string_view csv) {
    try {
        parse_csv(csv);
    } catch (const LineError& e) {
        return e.line;
    }
    return -1;
}

}  // namespace

TEST_CASE("RFC 4180 quoted fields, escapes, commas and line breaks") {
    CHECK(fields("a,b,c\r\n1,2,3\r\n") == std::vector<std::vector<std::string>>{{"a", "b", "c"}, {"1", "2", "3"}});
    CHECK(fields("a,b\n1,2\n") == std::vector<std::vector<std::string>>{{"a", "b"}, {"1", "2"}});
    // No final line break.
    CHECK(fields("a,b\r\n1,2") == std::vector<std::vector<std::string>>{{"a", "b"}, {"1", "2"}});
    CHECK(fields("\"St Mary's, Halifax\",x") == std::vector<std::vector<std::string>>{{"St Mary's, Halifax", "x"}});
    CHECK(fields("\"The \"\"Beacon\"\"\",\"\"") == std::vector<std::vector<std::string>>{{"The \"Beacon\"", ""}});
    CHECK(fields("\"two\r\nlines\",b\r\nc,d") ==
          std::vector<std::vector<std::string>>{{"two\r\nlines", "b"}, {"c", "d"}});
    // Empty fields, a trailing comma, blank lines.
    CHECK(fields(",,\r\n\r\nx,\r\n") == std::vector<std::vector<std::string>>{{"", "", ""}, {"x", ""}});
    CHECK(fields("").empty());
    // Rows know their first line, also after a field with a line break.
    auto rows = parse_csv("h\r\n\"a\nb\nc\"\r\nz\r\n");
    REQUIRE(rows.size() == 3);
    CHECK(rows[1].line == 2);
    CHECK(rows[2].line == 5);
}

TEST_CASE("CSV errors name the line") {
    CHECK(error_line("a,b\r\n1,\"never closed\r\nmore\r\n") == 2);
    CHECK(error_line("a,b\n\"x\"y,2\n") == 2);
    CHECK(error_line("a,b\n1,2\n") == -1);
    try {
        parse_csv("a\n\"open");
    } catch (const LineError& e) {
        CHECK(std::string(e.what()).find("line 2") != std::string::npos);
    }
}

TEST_CASE("a bare CR ends a row, as Excel for Mac writes them") {
    auto rows = parse_csv("URN,Name\r100001,\"Two\rlines\"\r100002,B\r");
    REQUIRE(rows.size() == 3);
    CHECK(rows[1].fields == std::vector<std::string>{"100001", "Two\rlines"});
    CHECK(rows[2].line == 4);
    CHECK(rows[2].fields == std::vector<std::string>{"100002", "B"});
}

TEST_CASE("a quote that never closes is reported on the line where it opens") {
    // The field opened on line 2 swallows line 3 up to its first quote, then meets text.
    try {
        parse_csv("URN,Name\n100001,\"St Mary,Leeds\n100002,\"Oak\",Leeds\n100003,Elm\n");
        FAIL("no error");
    } catch (const LineError& e) {
        CHECK(e.line == 2);
        CHECK(std::string(e.what()).find("line 2: a quoted field starts on this line") == 0);
    }
}
