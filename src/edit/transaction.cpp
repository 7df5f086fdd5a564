#include "tfm/edit/transaction.h"

#include "tfm/base/atomic_file.h"
#include "tfm/base/unified_diff.h"

#include <fmt/format.h>

#include <sys/stat.h>

#include <algorithm>
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

std::optional<FileStamp> stamp_of(const std::string& path) {
    struct stat st {};
    if (::stat(path.c_str(), &st) != 0) return std::nullopt;
    return FileStamp{static_cast<unsigned long long>(st.st_dev), static_cast<unsigned long long>(st.st_ino),
                     static_cast<unsigned long long>(st.st_size),
                     static_cast<long long>(st.st_mtim.tv_sec) * 1'000'000'000LL + st.st_mtim.tv_nsec};
}

std::string canonical_or_same(const std::string& path) {
    std::error_code ec;
    auto c = fs::weakly_canonical(path, ec);
    return ec ? path : c.string();
}

// The stamp of every *.yaml and *.yml file below `directory` (hidden folders skipped), as
// the loader would find them.
void note_stamps(const std::string& directory, std::map<std::string, FileStamp>& out) {
    std::error_code ec;
    fs::recursive_directory_iterator it(directory, fs::directory_options::skip_permission_denied, ec), end;
    for (; !ec && it != end; it.increment(ec)) {
        const auto& p = it->path();
        std::string name = p.filename().string();
        if (it->is_directory(ec) && !name.empty() && name[0] == '.') {
            it.disable_recursion_pending();
            continue;
        }
        std::string ext = p.extension().string();
        if (ext != ".yaml" && ext != ".yml") continue;
        if (auto st = stamp_of(p.string())) out[canonical_or_same(p.string())] = *st;
    }
}

}  // namespace

std::optional<Transaction> Transaction::begin(const std::vector<std::string>& directories,
                                              WriteSettings settings, std::string& problem) {
    std::vector<std::string> order;
    for (const auto& d : directories) order.push_back(canonical_or_same(d.empty() ? "." : d));
    std::sort(order.begin(), order.end());
    order.erase(std::unique(order.begin(), order.end()), order.end());
    std::vector<DirectoryLock> locks;
    if (!settings.dry_run)
        for (const auto& d : order) {
            auto lock = DirectoryLock::acquire(d, settings.command, settings.lock_wait, problem);
            if (!lock) return std::nullopt;
            locks.push_back(std::move(*lock));
        }
    Transaction tx(std::move(locks), std::move(settings));
    for (const auto& d : order) note_stamps(d, tx.stamps_);
    return tx;
}

bool Transaction::read(FileEdit& edit, std::string& problem) const {
    std::string why;
    // Changed (or new) since the transaction began, so perhaps after the records were read.
    auto now = stamp_of(edit.path);
    auto then = stamps_.find(canonical_or_same(edit.path));
    if (now && (then == stamps_.end() || !(then->second == *now))) {
        problem = fmt::format("{} changed {} (an editor or another program?); nothing was written; run the "
                              "command again",
                              edit.shown,
                              settings_.asks ? "while tfm was asking its questions" : "while tfm was reading the records");
        return false;
    }
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
