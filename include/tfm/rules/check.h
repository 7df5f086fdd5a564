// `tfm check` as a library call: load, run every rule, and render the findings.
#pragma once

#include "tfm/base/diagnostic.h"
#include "tfm/model/index.h"
#include "tfm/model/journey.h"
#include "tfm/load/load.h"

#include <string>
#include <vector>

namespace tfm {

struct CheckSummary {
    int errors = 0;
    int warnings = 0;
    int notes = 0;
    int files = 0;    // record files read
    int records = 0;  // records seen, loaded or not
};

// Runs the rules over what loaded and returns every finding, sorted.
Diagnostics check_records(LoadResult& loaded, Date as_of);
// The same with the index and journeys of loaded.records already built (as of `as_of`).
Diagnostics check_records(const LoadResult& loaded, Date as_of, const Index& index,
                          const std::vector<Journey>& journeys);
CheckSummary summarize(const Records& records, const Diagnostics& findings);

struct TextStyle {
    bool color = false;
    bool quiet = false;  // errors and warnings only, no summary line
};

// "FILE:LINE:COL: severity: message [rule]" with the source line and a caret.
std::string render_findings_text(const Records& records, const Diagnostics& findings,
                                 const TextStyle& style);
std::string render_summary_text(const CheckSummary& summary, const TextStyle& style);
std::string render_findings_json(const Records& records, const Diagnostics& findings,
                                 const CheckSummary& summary);

}  // namespace tfm
