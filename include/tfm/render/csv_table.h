// Tables as CSV (`--format csv`, RFC 4180).
#pragma once

#include "tfm/base/table.h"

#include <string>
#include <vector>

namespace tfm {

// One RFC 4180 table per section (header of column keys, CRLF rows); several sections are
// separated by an empty line.
std::string render_csv(const std::vector<Table>& tables);

// A field quoted when it holds a comma, quote, CR or LF (quotes doubled); else as it is.
std::string csv_field(const std::string& text);

}  // namespace tfm
