// `tfm allocate --write`: the proposed Work Groups added to the year's cohort file (SPEC
// section 6), under the writers' guarantees: where they go, and the in-place edit.
#pragma once

#include "tfm/analysis/allocation.h"
#include "tfm/edit/file_edit.h"
#include "tfm/edit/transaction.h"
#include "tfm/model/model.h"

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace tfm {

// Where a data directory's new cohorts of a year go.
struct AllocationTarget {
    std::size_t directory = 0;  // index into the data directories
    std::string relative;       // path relative to that directory
    std::string path;           // to read and write
    std::string shown;          // as messages name it
    bool exists = false;
    std::string problem;  // why nothing can go there (a folder, a dangling link), else ""
};

// cohorts/YYYY-YY.yaml when it is there; else the last file (in file order) of the directory
// that holds two or more cohorts of the year (a list of the year's cohorts); else
// cohorts/YYYY-YY.yaml, created.
AllocationTarget allocation_target(const Records& records, std::size_t directory, AcademicYear year);

// The text of the file with the groups appended: to the file's last `cohorts:` list when the
// file ends with one (in its style), else as a new document; a new file gets a comment saying
// what it holds. Empty with `why` set when the file has YAML errors.
struct CohortsAppend {
    std::string text;
    bool new_document = false;
};
std::optional<CohortsAppend> append_cohorts(std::string_view text, bool exists, std::string_view newline,
                                            const std::vector<const ProposedGroup*>& groups, std::string& why);

// Reads the target under `tx` and plans the edit, checked by reading it back: the FileEdit
// to commit, or empty with `why` set (nothing is written).
std::optional<FileEdit> plan_allocation(const Transaction& tx, const AllocationTarget& target,
                                        const std::vector<const ProposedGroup*>& groups, std::string& why);

}  // namespace tfm
