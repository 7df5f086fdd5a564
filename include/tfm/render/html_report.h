// `tfm report --format html`: one self-contained HTML5 page (inline CSS and SVG, no scripts,
// no external requests, printable on A4) rendered from the same Tables as the other formats.
#pragma once

#include "tfm/base/date.h"
#include "tfm/model/model.h"
#include "tfm/render/table.h"

#include <optional>
#include <string>
#include <vector>

namespace tfm {

// Where the report came from, shown in its header and footer. No clock time, so the same
// tree and --as-of date give the same bytes.
struct HtmlContext {
    std::vector<std::string> hub_names;
    std::vector<std::string> directories;  // as given on the command line
    Date as_of;
    AcademicYear year;
    std::string generator;  // e.g. "tfm 0.1.0"
    int files = 0;          // record files read
    int records = 0;        // records seen
    int errors = 0;         // errors in the records (those records are left out)
    std::string command;    // the command line that reproduces the page, if known
    std::optional<double> completion;  // the completion threshold (0.67), drawn on attendance
};

struct HtmlInput {
    std::vector<Table> report;  // build_report(): the sections to show, in order
    std::vector<Table> gaps;    // build_gaps() for the same year and date; empty: no summary
    // The characteristics of every school on record (records_characteristics()), shown beside
    // the engaged schools'; absent: engaged schools only.
    std::optional<Table> all_schools;
    HtmlContext context;
};

// Every school on record by area, Ofsted grade and fsm/eal/ehcp band: a table shaped like the
// report's `characteristics` section ({dimension, value, schools}), with the same band labels.
Table records_characteristics(const Records& records);

std::string render_html(const HtmlInput& input);

// Words joined into a command line a POSIX shell reads back as the same words.
std::string shell_command(const std::vector<std::string>& words);

}  // namespace tfm
