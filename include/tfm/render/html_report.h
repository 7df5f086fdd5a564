// `tfm report --format html`: one self-contained HTML5 page (inline CSS and SVG, no scripts,
// no external requests, printable on A4) rendered from the typed report sections.
#pragma once

#include "tfm/analysis/report.h"
#include "tfm/analysis/report_national.h"
#include "tfm/base/date.h"
#include "tfm/base/table.h"

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
    Report report;            // build_report(): the sections to show
    std::vector<Table> gaps;  // build_gaps() for the same year and date; empty: no summary
    std::vector<HubGaps> gaps_by_hub;  // gaps_by_hub() of them: with several hubs, per hub
    // The national page (several hubs, every section): Work Groups, leads and areas per hub
    // instead of their full lists, which stay in csv, json, xlsx and `--section`.
    std::optional<NationalDigest> digest;
    HtmlContext context;
};

// The page: a masthead with the provenance, a section per report section (charts and the
// tables behind them), the gaps summary, a footer. The same input gives the same bytes.
std::string render_html(const HtmlInput& input);

}  // namespace tfm
