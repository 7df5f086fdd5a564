#include "tfm/edit/init_writer.h"

#include "tfm/base/unified_diff.h"

#include <fmt/format.h>

#include <fcntl.h>
#include <spawn.h>
#include <stdio.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <system_error>

extern char** environ;

namespace fs = std::filesystem;

namespace tfm {
namespace {

using Files = std::vector<std::pair<std::string, std::string>>;

// Why `path` (relative to `root`) cannot be created there, or empty: the file exists, or a
// folder on its way is something else.
std::string in_the_way(const fs::path& root, const std::string& path) {
    std::error_code ec;
    fs::path at = root;
    fs::path rel(path);
    for (auto it = rel.begin(); it != rel.end(); ++it) {
        at /= *it;
        bool last = std::next(it) == rel.end();
        auto st = fs::symlink_status(at, ec);
        if (ec || st.type() == fs::file_type::not_found) return {};
        if (last) return fmt::format("{} already exists", at.lexically_normal().generic_string());
        if (st.type() != fs::file_type::directory)
            return fmt::format("{} is in the way: it is not a folder, and {} would go inside it",
                               at.lexically_normal().generic_string(), path);
    }
    return {};
}

// Runs a program without a shell (arguments are passed as they are); its exit status, or -1.
int run_program(const std::vector<std::string>& argv) {
    std::vector<char*> args;
    for (const auto& a : argv) args.push_back(const_cast<char*>(a.c_str()));
    args.push_back(nullptr);
    posix_spawn_file_actions_t actions;
    posix_spawn_file_actions_init(&actions);
    posix_spawn_file_actions_addopen(&actions, STDOUT_FILENO, "/dev/null", O_WRONLY, 0);
    posix_spawn_file_actions_addopen(&actions, STDERR_FILENO, "/dev/null", O_WRONLY, 0);
    pid_t pid = 0;
    int rc = posix_spawnp(&pid, args[0], &actions, nullptr, args.data(), environ);
    posix_spawn_file_actions_destroy(&actions);
    if (rc != 0) return -1;
    int status = 0;
    if (waitpid(pid, &status, 0) < 0) return -1;
    return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
}

bool write_file(const fs::path& path, const std::string& content, std::string& problem) {
    std::error_code ec;
    fs::create_directories(path.parent_path(), ec);
    std::ofstream out(path, std::ios::binary);
    out << content;
    out.close();
    if (!out) {
        problem = fmt::format("cannot write {}", path.generic_string());
        return false;
    }
    if (path.filename() == "pre-commit" && path.parent_path().filename() == "hooks")
        fs::permissions(path, fs::perms::owner_exec | fs::perms::group_exec | fs::perms::others_exec,
                        fs::perm_options::add, ec);
    return true;
}

// A new temporary folder in `parent` (named after `directory`), or empty with `problem` set.
// It gets the mode a plain mkdir would give it (0777 less the umask), not mkdtemp's 0700,
// since for a new repository it becomes the folder itself.
std::string temporary_in(const fs::path& parent, const fs::path& directory, std::string& problem) {
    std::string tmpl = (parent / ("." + directory.filename().string() + ".tfm-init-XXXXXX")).string();
    std::vector<char> name(tmpl.begin(), tmpl.end());
    name.push_back('\0');
    if (!::mkdtemp(name.data())) {
        problem = fmt::format("cannot make a folder in {}: {}", parent.generic_string(), std::strerror(errno));
        return {};
    }
    mode_t mask = ::umask(0);
    ::umask(mask);
    ::chmod(name.data(), 0777 & ~mask);
    return name.data();
}

// rename(2) that never replaces what is at `to`.
bool move_no_replace(const fs::path& from, const fs::path& to) {
    return ::renameat2(AT_FDCWD, from.c_str(), AT_FDCWD, to.c_str(), RENAME_NOREPLACE) == 0;
}

// The files to write into an existing folder: its own README.md and .gitignore are kept.
Files adapt_to_existing(const fs::path& root, Files files, InitOutcome& out) {
    std::error_code ec;
    Files adapted;
    for (auto& [path, content] : files) {
        if (path == "README.md" && fs::exists(root / path, ec)) {
            out.kept.push_back(path);
            adapted.emplace_back(guide_beside_readme, std::move(content));
        } else if (path == ".gitignore" && fs::exists(root / path, ec)) {
            out.kept.push_back(path);
        } else {
            adapted.emplace_back(std::move(path), std::move(content));
        }
    }
    return adapted;
}

void git_init_if_needed(const fs::path& root, InitOutcome& out) {
    if (run_program({"git", "--version"}) != 0) {
        out.note = "git is not installed: run `git init` in the folder to keep the records' history";
        return;
    }
    if (run_program({"git", "-C", root.string(), "rev-parse", "--is-inside-work-tree"}) == 0) return;
    if (run_program({"git", "init", "-q", root.string()}) == 0) out.git_initialised = true;
    else out.note = "`git init` failed: run it in the folder yourself";
}

}  // namespace

InitOutcome init_records(const std::string& directory, Files files, const WriteSettings& settings) {
    InitOutcome out;
    const fs::path root(directory);
    std::error_code ec;
    auto st = fs::symlink_status(root, ec);
    bool exists = !ec && st.type() != fs::file_type::not_found;
    if (exists && !fs::is_directory(root, ec)) {
        out.problems.push_back(fmt::format("{} exists and is not a folder", root.generic_string()));
        return out;
    }
    std::optional<Transaction> tx;
    if (exists) {
        std::string problem;
        tx = Transaction::begin(directory, settings, problem);
        if (!tx) {
            out.problems.push_back(problem);
            return out;
        }
        files = adapt_to_existing(root, std::move(files), out);
        for (const auto& [path, content] : files)
            if (std::string why = in_the_way(root, path); !why.empty()) out.problems.push_back(why);
        if (!out.problems.empty()) return out;
    }
    if (settings.dry_run) {
        for (const auto& [path, content] : files)
            out.diff += unified_diff("", content, "/dev/null", "b/" + path);
        out.ok = true;
        return out;
    }
    std::string problem;
    // A new repository is built beside where it goes and renamed into place; an existing
    // folder gets its files built inside it (it may be the only place tfm can write).
    fs::path parent = root.parent_path().empty() ? fs::path(".") : root.parent_path();
    fs::create_directories(parent, ec);
    std::string temp = temporary_in(exists ? root : parent, exists ? fs::path("tfm-init") : root, problem);
    if (temp.empty()) {
        out.problems.push_back(problem);
        return out;
    }
    auto cleanup = [&] { fs::remove_all(temp, ec); };
    for (const auto& [path, content] : files)
        if (!write_file(fs::path(temp) / path, content, problem)) {
            cleanup();
            out.problems.push_back(problem);
            return out;
        }
    if (!exists) {
        // The whole tree appears in one step.
        if (!move_no_replace(temp, root)) {
            out.problems.push_back(fmt::format("cannot create {}: {}", root.generic_string(),
                                               std::strerror(errno)));
            cleanup();
            return out;
        }
    } else {
        std::vector<fs::path> moved;
        std::vector<fs::path> made_folders;
        for (const auto& [path, content] : files) {
            fs::path to = root / path;
            for (fs::path p = to.parent_path(); p != root && !fs::exists(p, ec); p = p.parent_path())
                made_folders.push_back(p);
            fs::create_directories(to.parent_path(), ec);
            if (!move_no_replace(fs::path(temp) / path, to)) {
                out.problems.push_back(fmt::format("cannot write {}: {}", to.generic_string(),
                                                   std::strerror(errno)));
                for (const auto& m : moved) fs::remove(m, ec);
                for (auto it = made_folders.rbegin(); it != made_folders.rend(); ++it) fs::remove(*it, ec);
                out.problems.push_back("nothing was kept: the folder is as it was");
                cleanup();
                return out;
            }
            moved.push_back(to);
        }
        cleanup();
    }
    for (const auto& [path, content] : files) out.written.push_back(path);
    git_init_if_needed(root, out);
    out.ok = true;
    return out;
}

}  // namespace tfm
