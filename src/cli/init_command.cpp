// tfm init [DIR] [--dry-run]: a new records repository, never overwriting a file.
#include "cli.h"

#include "tfm/edit/init.h"
#include "tfm/edit/init_writer.h"

#include <fmt/format.h>

#include <algorithm>
#include <filesystem>

namespace fs = std::filesystem;

namespace tfm::cli {

void define(CLI::App& sub, InitArgs& args) {
    sub.add_option("dir", args.directory, "Where to create it (default: the current directory)")
        ->type_name("DIR");
    sub.add_flag("--dry-run", args.dry_run, "Print the files it would write, as a diff; write nothing");
}

int run(const GlobalArgs& g, const InitArgs& args) {
    Date today = as_of_date(g);
    WriteSettings settings{args.dry_run, "tfm init " + args.directory};
    InitOutcome out = init_records(args.directory, starter_files(today), settings);
    if (!out.ok) {
        bool in_the_way = false;
        for (const auto& p : out.problems) {
            fmt::print(stderr, "tfm: error: {}\n", lines_safe(p));
            if (p.find("already exists") != std::string::npos || p.find("in the way") != std::string::npos)
                in_the_way = true;
        }
        fmt::print(stderr, "tfm: {}nothing was written\n", in_the_way ? "init never overwrites a file; " : "");
        return exit_findings;
    }
    if (args.dry_run) {
        fmt::print("{}", diff_for_stdout(g, out.diff));
        if (!g.quiet) fmt::print(stderr, "tfm: a dry run: nothing was written\n");
        return exit_ok;
    }
    if (!g.quiet) {
        std::string root = fs::path(args.directory).generic_string();
        fmt::print("Created a records repository in {}:\n", lines_safe(root));
        for (const auto& path : out.written) fmt::print("  {}\n", path);
        for (const auto& path : out.kept)
            fmt::print("Kept your own {}{}.\n", path,
                       path == "README.md" ? fmt::format("; the guide is {}", guide_beside_readme) : "");
        if (out.git_initialised) fmt::print("Ran `git init`: the folder is a new git repository.\n");
        if (!out.note.empty()) fmt::print(stderr, "tfm: note: {}\n", out.note);
        bool beside = std::find(out.kept.begin(), out.kept.end(), "README.md") != out.kept.end();
        fmt::print("\nNext: edit hub.yaml, then run `tfm check` there. {} says how to add schools,\n"
                   "start a Work Group and log sessions; `git config core.hooksPath hooks` checks each commit.\n",
                   beside ? guide_beside_readme : "README.md");
    }
    return exit_ok;
}

}  // namespace tfm::cli
