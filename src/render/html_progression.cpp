// The page's "Progression" section: per stage, where schools drop out between finishing a
// stage and starting the next.
#include "html_parts.h"

#include "tfm/render/report_tables.h"

#include <fmt/format.h>

namespace tfm::detail {

void write_progression(Page& page, const ProgressionSection& s) {
    page.open_section("progression", fmt::format("From {} to {}", s.year.prev().str(), page.year),
                      "Per stage: the schools that finished it the year before, and of them those offered "
                      "the next stage, those that accepted, and those enrolled in a Work Group of it.");
    Table t = to_table(s);
    page.body += "<div class=\"figure wide\">\n" + data_table(t, columns_of(t), rows_of(t), "progression", t.title) +
                 "</div>\n";
    page.close_section();
}

}  // namespace tfm::detail
