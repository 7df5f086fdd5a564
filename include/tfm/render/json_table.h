// Tables as JSON (`--format json`).
#pragma once

#include "tfm/base/table.h"

#include <string>
#include <vector>

namespace tfm {

// One object keyed by section name; each section an array of row objects keyed by column
// key: numbers, strings, booleans, arrays of strings, or null for an empty cell.
std::string render_json(const std::vector<Table>& tables);

}  // namespace tfm
