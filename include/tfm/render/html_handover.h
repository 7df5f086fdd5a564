// `tfm handover --format html`: one school's handover as one self-contained page (inline CSS,
// no scripts, no external requests) that prints on one A4 page.
#pragma once

#include "tfm/base/date.h"
#include "tfm/base/table.h"

#include <string>
#include <vector>

namespace tfm {

struct HandoverPageContext {
    std::string title;  // "Moorside Primary School (107329)"
    std::vector<std::string> hub_names;
    Date as_of;
    std::string generator;  // "tfm 0.1.0"
    std::string command;    // the command line that makes the page again
};

// The page: a heading, then each table (handover_tables, read by people) under its title,
// an empty one as its empty_text. Cells carry data-key and data-value like the register.
std::string render_handover_html(const std::vector<Table>& tables, const HandoverPageContext& context);

}  // namespace tfm
