// Reading CSV (RFC 4180).
#pragma once

#include <functional>
#include <string>
#include <string_view>
#include <vector>

namespace tfm {

struct CsvRow {
    int line = 0;  // 1-based line the row starts on
    std::vector<std::string> fields;
};

// RFC 4180: fields separated by commas, rows by CRLF, LF or a bare CR (Excel for Mac; a
// final line break is optional); a field in double quotes may hold commas, line breaks and "" for a quote.
// Blank lines are skipped. Throws LineError naming the line of a quoted field that never
// closes (where it opens) or of text after a closing quote.
std::vector<CsvRow> parse_csv(std::string_view text);

// The same, one row at a time (the row is reused: copy what is kept), for files too large
// to hold as rows.
void for_each_csv_row(std::string_view text, const std::function<void(const CsvRow&)>& visit);

}  // namespace tfm
