// One file a writer changes: what it read and what it will write. A writer's planning
// phases produce FileEdits; commit() is the only step that touches the disk, so checks
// (read-back, locks, a dry run) can sit between the two.
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

// Writes `updated` atomically (a temporary file renamed over the original, which keeps its
// permissions; a link is written through), creating a new file's folder first. False with
// `problem` set when it cannot; the file is then as it was.
bool commit(const FileEdit& edit, std::string& problem);

}  // namespace tfm
