// `tfm init DIR` on disk: the starter files (init.h) built in full in a temporary folder beside
// DIR, then moved in whole, so a new repository appears complete or not at all.
#pragma once

#include "tfm/edit/transaction.h"

#include <string>
#include <utility>
#include <vector>

namespace tfm {

struct InitOutcome {
    bool ok = false;
    std::vector<std::string> problems;       // why nothing was written (when !ok)
    std::vector<std::string> written;        // relative paths, in the order given
    std::vector<std::string> kept;           // files of the folder's own that were left alone
    std::string diff;                        // with a dry run: every file, as new
    bool git_initialised = false;            // `git init` ran (DIR was not in a work tree)
    std::string note;                        // e.g. git missing: say what to do by hand
};

// Where the guide goes when the folder already has a README.md of its own.
inline constexpr const char* guide_beside_readme = "TFM-GUIDE.md";

// Writes `files` (relative path, content) into `directory`:
// - a folder that does not exist is built in a temporary folder beside it and renamed into
//   place in one step;
// - an existing folder (an existing repository) gets each file moved in from that temporary
//   folder, never replacing anything: its own README.md stays and the guide is written as
//   TFM-GUIDE.md beside it, its own .gitignore stays; any other file in the way, or a path
//   component that is a file (e.g. `hooks`), refuses the whole init before anything moves;
//   a failed move puts back what moved;
// - `git init` runs when the folder is not inside a git work tree (when git is installed);
// - with settings.dry_run, the diff of every file and nothing written.
// The data directory's lock is held while an existing folder is filled.
InitOutcome init_records(const std::string& directory,
                         std::vector<std::pair<std::string, std::string>> files,
                         const WriteSettings& settings);

}  // namespace tfm
