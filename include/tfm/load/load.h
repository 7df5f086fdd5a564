// Loading a records tree: find the files, parse them (in parallel), and build typed records,
// reporting every problem of SPEC section 3 with its file, line and column.
#pragma once

#include "tfm/base/diagnostic.h"
#include "tfm/model/model.h"

#include <string>
#include <string_view>
#include <vector>

namespace tfm {

struct LoadResult {
    Records records;
    Diagnostics diagnostics;
    // Data directories that could not be read at all (exit status 3), one message each.
    std::vector<std::string> fatal;
};

// A record file as a writer is about to write it: `relative` to data directory `directory`
// (an index into the directories given), with its new bytes.
struct PendingFile {
    std::size_t directory = 0;
    std::string relative;
    std::string bytes;
};

// Loads every *.yaml and *.yml file under each directory (hidden folders skipped), in
// sorted path order. threads = 0 uses every core. The result does not depend on threads.
// A file of `pending` is read from there instead of the disk (added when it is new), so a
// writer can check the records as they will be before it writes them.
LoadResult load_tree(const std::vector<std::string>& directories, unsigned threads = 0,
                     const std::vector<PendingFile>& pending = {});

// Loads YAML text as if it were the file `path` of a one-directory tree (for tests and tools).
LoadResult load_text(std::string_view text, std::string path = "records.yaml");

}  // namespace tfm
