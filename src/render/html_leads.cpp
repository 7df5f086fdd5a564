// The page's "Leads" section: each lead's Work Groups, schools and sessions in the year.
#include "html_parts.h"

#include "tfm/render/report_tables.h"

#include <fmt/format.h>

namespace tfm::detail {

void write_leads(Page& page, const LeadsSection& s) {
    if (page.in.digest) {
        page.open_section("leads", fmt::format("Leads in {}", page.year),
                          fmt::format("Each hub's leads of Work Groups, their meetings and visits held and "
                                      "planned, and the planned sessions whose date has passed with no log. "
                                      "Each of the {} is in <code>tfm report --section leads</code>.",
                                      escape(plural((long long)s.rows.size(), "lead", "leads"))));
        Table t = leads_by_hub(*page.in.digest);
        page.body += "<div class=\"figure wide\">\n" +
                     data_table(t, columns_of(t), rows_of(t), "leads-by-hub", t.title, "", "by-hub total-last") + "</div>\n";
        page.close_section();
        return;
    }
    page.open_section("leads", fmt::format("Leads in {}", page.year),
                      "Each lead's Work Groups of the year, their schools, the meetings and visits "
                      "held and planned, and the planned sessions whose date has passed with no log.");
    page.body += "<div class=\"figure wide\">\n";
    if (s.rows.empty()) {
        page.body += empty_note("No lead is recorded.");
    } else {
        Table t = to_table(s);
        page.body += data_table(t, columns_of(t), rows_of(t), "leads", t.title);
    }
    page.body += "</div>\n";
    page.close_section();
}

}  // namespace tfm::detail
