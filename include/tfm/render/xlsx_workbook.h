// Tables as an Excel workbook (`--format xlsx`), written with libxlsxwriter.
#pragma once

#include "tfm/base/date.h"
#include "tfm/base/table.h"

#include <string>
#include <vector>

namespace tfm {

// What the cover sheet says about the workbook.
struct XlsxCover {
    std::string title;                // e.g. "West Yorkshire Maths Hub: report 2021/22"
    std::vector<std::string> hubs;    // the hubs whose records it reads
    Date as_of;                       // the date statuses are judged against
    std::string command;              // the command line that made it
    std::string generator;            // "tfm 0.1.0"
};

// The bytes of an .xlsx workbook: a cover sheet named "about" (title, hubs, as-of date,
// command, generator, and each sheet's title), then one sheet per table named after the
// table's key. Each table sheet has a bold header row of the column headers, frozen, with
// filters, and column widths that fit the widest cell (within limits). Cells keep their type:
// numbers as numbers (a percent column as a fraction formatted 0% / 0.0%), yes/no as
// booleans, a date column's dates as dates (yyyy-mm-dd), text as text (never read as a number,
// date or formula), lists joined with ", ", empty cells blank. The workbook's creation time is
// the as-of date, so the same input gives the same bytes. Throws std::runtime_error when the
// workbook cannot be written.
std::string render_xlsx(const std::vector<Table>& tables, const XlsxCover& cover);

// A sheet name Excel accepts: at most 31 characters, none of []:*?/\, not blank.
std::string sheet_name(std::string name);

}  // namespace tfm
