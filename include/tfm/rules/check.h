// `tfm check` as a library call: every finding of the loader and the rules, sorted, and their
// counts. render/findings.h prints them.
#pragma once

#include "tfm/base/diagnostic.h"
#include "tfm/model/index.h"
#include "tfm/model/journey.h"
#include "tfm/load/load.h"

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
Diagnostics check_records(const LoadResult& loaded, Date as_of);
// The same with the index and journeys of loaded.records already built (as of `as_of`).
Diagnostics check_records(const LoadResult& loaded, Date as_of, const Index& index,
                          const std::vector<Journey>& journeys);
// The same over records and the loader's findings handed over (they start the list).
Diagnostics check_records(const Records& records, Diagnostics load_findings, Date as_of,
                          const Index& index, const std::vector<Journey>& journeys);
// Counts findings by severity, and the files and records read.
CheckSummary summarize(const Records& records, const Diagnostics& findings);

}  // namespace tfm
