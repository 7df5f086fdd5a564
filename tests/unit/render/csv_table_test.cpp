// CSV: several tables labelled by a `table` column, empty ones left out, yes/no as true/false,
// dates as YYYY-MM-DD.
#include "tfm/render/csv_table.h"

#include <doctest/doctest.h>

using namespace tfm;

TEST_CASE("render_csv: one table plain, several labelled by a table column, empty ones left out") {
    Table lapsed{"lapsed", "Lapsed", {{"urn", "URN"}, {"name", "school"}, {"met", "met"}}, {}};
    lapsed.rows.push_back({100001, "Ash", Cell::yes_no(false)});
    lapsed.rows.push_back({100002, "=Birch", Cell()});
    Table overdue{"overdue", "Overdue", {{"date", "date"}}, {}};
    Table agendas{"agendas", "Agendas", {{"date", "date"}}, {}};
    agendas.rows.push_back({Date(2026, 12, 2)});

    CHECK(render_csv({lapsed}) == "urn,name,met\r\n100001,Ash,false\r\n100002,'=Birch,\r\n");
    CHECK(render_csv({lapsed, overdue, agendas}) ==
          "table,urn,name,met\r\n"
          "lapsed,100001,Ash,false\r\n"
          "lapsed,100002,'=Birch,\r\n"
          "\r\n"
          "table,date\r\n"
          "agendas,2026-12-02\r\n");
}
