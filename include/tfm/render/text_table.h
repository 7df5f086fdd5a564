// Tables as aligned text for a terminal (`--format table`).
#pragma once

#include "tfm/base/table.h"
#include "tfm/render/table_style.h"

#include <string>
#include <vector>

namespace tfm {

// Each table under its title: columns padded to their display width, numbers right-aligned,
// a rule under the header; a table with no rows prints its empty_text. Sections are
// separated by an empty line.
std::string render_text(const std::vector<Table>& tables, const RenderStyle& style);

}  // namespace tfm
