#include "tfm/render/xlsx_workbook.h"

#include <doctest/doctest.h>

using namespace tfm;

TEST_CASE("sheet_name: Excel's limits on sheet names") {
    CHECK(sheet_name("summary") == "summary");
    CHECK(sheet_name("a/b:c[d]*?\\") == "a_b_c_d____");
    CHECK(sheet_name(std::string(40, 'x')) == std::string(31, 'x'));
    // Cut at a character, not inside one: 31 characters of two bytes each.
    std::string accents;
    for (int i = 0; i < 40; ++i) accents += "é";
    CHECK(sheet_name(accents).size() == 62);
    CHECK(sheet_name("   ") == "sheet");
}

TEST_CASE("render_xlsx: a zip archive, the same bytes for the same input") {
    Table t{"cohorts", "Work Groups", {{"cohort", "cohort"}, {"attendance", "attendance %", ColumnKind::percent}}, {}};
    t.rows.push_back({"brad-dev-2021a", Cell(71.0, 0)});
    t.rows.push_back({"1-2", Cell()});
    Table same_name = t;  // a second sheet of the same name gets a number
    XlsxCover cover{"A title", {"West Yorkshire Maths Hub"}, Date(2022, 3, 1), "tfm report", "tfm test"};
    std::string a = render_xlsx({t, same_name}, cover);
    std::string b = render_xlsx({t, same_name}, cover);
    REQUIRE(a.size() > 1000);
    CHECK(a.substr(0, 2) == "PK");
    CHECK(a == b);
    XlsxCover later = cover;
    later.as_of = Date(2022, 3, 2);
    CHECK(render_xlsx({t}, later) != render_xlsx({t}, cover));  // the as-of date is on the cover
}
