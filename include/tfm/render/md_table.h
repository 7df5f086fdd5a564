// Tables as Markdown (`--format md`).
#pragma once

#include "tfm/base/table.h"
#include "tfm/render/table_style.h"

#include <string>
#include <vector>

namespace tfm {

// Each table as a pipe table under a `##` title (numbers right-aligned, `|` escaped); a table
// with no rows prints its empty_text in italics.
std::string render_md(const std::vector<Table>& tables, const RenderStyle& style);

}  // namespace tfm
