#include "tfm/edit/transaction.h"

#include "tfm/base/atomic_file.h"
#include "tfm/base/unified_diff.h"

#include <fmt/format.h>

#include <filesystem>
#include <system_error>

namespace fs = std::filesystem;

namespace tfm {

namespace {

// Whether the file is still as it was read (a new file: still absent).
bool unchanged(const FileEdit& e, std::string& problem) {
    std::error_code ec;
    bool exists = fs::exists(e.path, ec);
    if (!e.exists) {
        if (!exists) return true;
        problem = fmt::format("{} appeared while tfm was working; nothing was written; run the "
                              "command again", e.shown);
        return false;
    }
    std::string now, why;
    if (!exists || !read_file(e.path, now, why) || now != e.original) {
        problem = fmt::format("{} changed since tfm read it (an editor or another program?); "
                              "nothing was written; run the command again", e.shown);
        return false;
    }
    return true;
}

bool write_one(const FileEdit& e, std::string& problem) {
    if (!e.exists) {
        std::error_code ec;
        fs::create_directories(fs::path(e.path).parent_path(), ec);
        if (ec) {
            problem = ec.message();
            return false;
        }
    }
    if (!write_atomically(e.path, e.updated, problem)) return false;
    std::string back;
    if (!read_file(e.path, back, problem)) return false;
    if (back != e.updated) {
        problem = "it did not read back as written";
        return false;
    }
    return true;
}

// Puts back the files written so far, newest first.
void undo(const std::vector<const FileEdit*>& done) {
    for (auto it = done.rbegin(); it != done.rend(); ++it) {
        std::string why;
        if ((*it)->exists) write_atomically((*it)->path, (*it)->original, why);
        else fs::remove((*it)->path);
    }
}

}  // namespace

std::optional<Transaction> Transaction::begin(const std::string& directory, WriteSettings settings,
                                              std::string& problem) {
    auto lock = DirectoryLock::acquire(directory, settings.command, settings.lock_wait, problem);
    if (!lock) return std::nullopt;
    return Transaction(std::move(*lock), std::move(settings));
}

bool Transaction::read(FileEdit& edit, std::string& problem) const {
    std::string why;
    if (!read_for_edit(edit, why)) {
        problem = fmt::format("cannot read {}: {}", edit.shown, why);
        return false;
    }
    if (!settings_.dry_run && !can_replace(edit.path, why)) {
        problem = fmt::format("tfm will not change {}: {}", edit.shown, why);
        return false;
    }
    return true;
}

WriteOutcome Transaction::commit(const std::vector<FileEdit>& edits) const {
    WriteOutcome out;
    for (const FileEdit& e : edits) {
        if (!e.changes()) continue;
        if (!unchanged(e, out.problem)) return out;
    }
    if (settings_.dry_run) {
        for (const FileEdit& e : edits) {
            if (!e.changes()) continue;
            out.diff += unified_diff(e.original, e.updated,
                                     e.exists ? "a/" + e.shown : "/dev/null", "b/" + e.shown);
        }
        out.ok = true;
        return out;
    }
    std::vector<const FileEdit*> done;
    for (const FileEdit& e : edits) {
        if (!e.changes()) continue;
        std::string why;
        if (!write_one(e, why)) {
            undo(done);
            if (e.exists) {
                std::string ignored;
                std::string now;
                if (read_file(e.path, now, ignored) && now != e.original)
                    write_atomically(e.path, e.original, ignored);
            }
            out.problem = fmt::format("cannot write {}: {}; every file is as it was", e.shown, why);
            return out;
        }
        done.push_back(&e);
        out.written.push_back(e.shown);
    }
    out.ok = true;
    return out;
}

}  // namespace tfm
