// tfm init [DIR]: a new records repository, never overwriting a file.
#include "cli.h"

#include "tfm/edit/init.h"

#include <fmt/format.h>

#include <filesystem>
#include <fstream>
#include <system_error>

namespace fs = std::filesystem;

namespace tfm::cli {

void define(CLI::App& sub, InitArgs& args) {
    sub.add_option("dir", args.directory, "Where to create it (default: the current directory)")
        ->type_name("DIR");
}

int run(const GlobalArgs& g, const InitArgs& args) {
    Date today = as_of_date(g);
    auto files = starter_files(today);
    fs::path root(args.directory);
    std::vector<std::string> existing;
    for (const auto& [path, content] : files) {
        std::error_code ec;
        if (fs::exists(root / path, ec) || fs::is_symlink(root / path, ec))
            existing.push_back((root / path).lexically_normal().generic_string());
    }
    if (!existing.empty()) {
        for (const auto& e : existing) fmt::print(stderr, "tfm: error: {} already exists\n", e);
        fmt::print(stderr, "tfm: init never overwrites a file; nothing was written\n");
        return exit_findings;
    }
    for (const auto& [path, content] : files) {
        fs::path target = root / path;
        std::error_code ec;
        fs::create_directories(target.parent_path().empty() ? root : target.parent_path(), ec);
        std::ofstream out(target, std::ios::binary);
        out << content;
        out.close();
        if (!out) {
            fmt::print(stderr, "tfm: error: cannot write {}\n", target.generic_string());
            return exit_findings;
        }
        if (path == "hooks/pre-commit")
            fs::permissions(target, fs::perms::owner_exec | fs::perms::group_exec | fs::perms::others_exec,
                            fs::perm_options::add, ec);
    }
    if (!g.quiet) {
        fmt::print("Created a records repository in {}:\n", root.generic_string());
        for (const auto& [path, content] : files) fmt::print("  {}\n", path);
        fmt::print("\nNext: edit hub.yaml, then run `tfm check` there. README.md says how to add schools,\n"
                   "start a Work Group and log sessions; `git config core.hooksPath hooks` checks each commit.\n");
    }
    return exit_ok;
}

}  // namespace tfm::cli
