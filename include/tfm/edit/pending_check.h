// A writer's check before it writes (SPEC section 6: `log` is "checked with every rule first
// and not written if it has an error"): the tree is loaded again with the files as they will
// be, every rule runs, and the findings the change brings are those the tree did not have.
#pragma once

#include "tfm/analysis/workspace.h"
#include "tfm/load/load.h"

#include <map>
#include <memory>
#include <string>
#include <vector>

namespace tfm {

struct PendingCheck {
    std::unique_ptr<Workspace> after;  // the records as they will be
    Diagnostics added;                 // findings of `after` that the tree before did not have, sorted
    int errors = 0, warnings = 0;      // among `added`
    // The pending files' bytes by the full path `after` knows them by, so findings can quote
    // their lines (FindingsStyle::unwritten).
    std::map<std::string, std::string> unwritten;
};

// Findings are matched by severity, rule, file and message (not by line: lines after an
// insertion move), each finding of the tree before answering one of the tree after.
PendingCheck check_pending(const std::vector<std::string>& directories, const Workspace& before,
                           const std::vector<PendingFile>& pending, unsigned threads = 0);

}  // namespace tfm
