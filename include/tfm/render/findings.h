// The findings of `tfm check` as people and programs read them: text lines with the source
// line and a caret, the summary line, and JSON. Rendering only: rules/check.h finds them.
#pragma once

#include "tfm/base/diagnostic.h"
#include "tfm/model/model.h"
#include "tfm/rules/check.h"

#include <map>
#include <string>

namespace tfm {

struct FindingsStyle {
    bool color = false;  // ANSI colours (the caller decides: terminal, NO_COLOR, --color)
    bool quiet = false;  // errors and warnings only, no summary line
    // Files not written yet (a writer's check before it writes), by full path: their source
    // lines are shown from these bytes, not from the disk.
    const std::map<std::string, std::string>* unwritten = nullptr;
};

// "FILE:LINE:COL: severity: message [rule]", each followed by its source line and a caret
// when the finding has a line. Reads the files findings point into, each once (see the .cpp).
std::string render_findings_text(const Records& records, const Diagnostics& findings,
                                 const FindingsStyle& style);
// "checked N files, M records: …" with a newline; empty when quiet.
std::string render_summary_text(const CheckSummary& summary, const FindingsStyle& style);
// {"findings": [{file, line, column, severity, rule, message}…], "summary": {…}}.
std::string render_findings_json(const Records& records, const Diagnostics& findings,
                                 const CheckSummary& summary);

}  // namespace tfm
