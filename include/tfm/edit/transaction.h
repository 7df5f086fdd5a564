// The writers' guarantees of SPEC section 6, in one place every writer goes through: a lock on
// the data directory from before the records are read until the last file is written; files
// that changed since they were read, read-only files and hard-linked files refused; each file
// replaced atomically keeping owner and permissions, read back, and every file put back as it
// was if any write fails; with a dry run, a unified diff and nothing written.
#pragma once

#include "tfm/base/directory_lock.h"
#include "tfm/edit/file_edit.h"

#include <chrono>
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace tfm {

struct WriteSettings {
    bool dry_run = false;
    std::string command;  // the command line, named to anyone who waits for the lock
    std::chrono::milliseconds lock_wait{10'000};
    bool asks = false;  // questions are asked between reading and writing (an interactive log)
};

// What commit() did.
struct WriteOutcome {
    bool ok = false;
    std::string problem;     // why nothing was written (when !ok)
    std::string diff;        // with a dry run: the unified diff of every edit
    std::vector<std::string> written;  // the files written, as messages name them
};

// When a file was last changed, as stat(2) tells: a file whose stamp differs from the one
// taken when the transaction began was changed meanwhile (by an editor, say).
struct FileStamp {
    unsigned long long device = 0, inode = 0, size = 0;
    long long modified_ns = 0;
    friend bool operator==(const FileStamp&, const FileStamp&) = default;
};

class Transaction {
public:
    // Begins before the records are read: takes the lock on every data directory (in one
    // order, so two writers never wait for each other; waiting up to settings.lock_wait) and
    // notes the stamp of every record file below them. Empty, with `problem` set, when
    // another writer keeps a lock or a lock file cannot be made. A dry run takes no lock and
    // writes nothing at all.
    static std::optional<Transaction> begin(const std::vector<std::string>& directories,
                                            WriteSettings settings, std::string& problem);
    static std::optional<Transaction> begin(const std::string& directory, WriteSettings settings,
                                            std::string& problem) {
        return begin(std::vector<std::string>{directory}, std::move(settings), problem);
    }

    // Reads `edit.path` for editing. False with `problem` set when it cannot be read, changed
    // (or appeared) since the transaction began, or could not be replaced (read-only,
    // hard-linked or not a regular file): refused before any work.
    bool read(FileEdit& edit, std::string& problem) const;

    // Writes every edit that changes its file, or with a dry run returns their diff. Refused
    // (nothing written) when a file no longer holds the bytes it was read with, or a new file
    // has appeared meanwhile. A file whose bytes do not read back as written, or a failed
    // write, puts every file already written back as it was.
    WriteOutcome commit(const std::vector<FileEdit>& edits) const;

    const WriteSettings& settings() const { return settings_; }

private:
    Transaction(std::vector<DirectoryLock> locks, WriteSettings settings)
        : locks_(std::move(locks)), settings_(std::move(settings)) {}
    std::vector<DirectoryLock> locks_;
    WriteSettings settings_;
    std::map<std::string, FileStamp> stamps_;  // by canonical path, taken at begin()
};

}  // namespace tfm
