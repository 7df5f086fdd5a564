// One file a writer changes: what it read and what it will write. A writer's planning
// phases produce FileEdits; Transaction::commit (transaction.h) is the only step that touches
// the disk, under the writers' guarantees.
#pragma once

#include <string>

namespace tfm {

struct FileEdit {
    std::string path;      // to read and write
    std::string shown;     // as messages name it (relative to the data directory)
    bool exists = true;    // false: a new file, its folder created on commit
    std::string original;  // the bytes read (empty for a new file)
    std::string updated;   // the bytes to write

    bool changes() const { return !exists || updated != original; }
};

// Reads `edit.path` into `original` and `updated`. False with `problem` set when it cannot.
bool read_for_edit(FileEdit& edit, std::string& problem);


}  // namespace tfm
