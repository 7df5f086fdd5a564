// tfm import gias --links FILE.csv [--write DIR [--dry-run]]: predecessors of known schools
// from the Get Information About Schools links extract.
#include "cli.h"
#include "gias_file.h"

#include "tfm/base/atomic_file.h"
#include "tfm/base/untrusted_text.h"
#include "tfm/edit/gias_links.h"

#include <fmt/format.h>

#include <filesystem>
#include <optional>
#include <system_error>

namespace fs = std::filesystem;

namespace tfm::cli {

int run_gias_links(const GlobalArgs& g, const GiasArgs& args) {
    format_or(g, Format::table, {Format::table});
    bool write = !args.write.empty();
    if (args.dry_run && !write) throw UsageError{"--dry-run goes with --write DIR"};
    if (!args.areas.empty() || !args.phases.empty())
        throw UsageError{"--area and --phase choose establishments; they do not go with --links"};
    if (write && !g.data.empty())
        throw UsageError{fmt::format("--write {} names the records directory; do not also give -C/--data", args.write)};
    auto extract = read_gias_file<gias::LinksExtract>(args.links, gias::read_links);
    if (!extract) return exit_findings;

    std::optional<Transaction> tx;
    if (write && fs::is_directory(args.write)) {
        std::string problem;
        tx = Transaction::begin(args.write,
                                WriteSettings{args.dry_run, "tfm import gias --links " + args.links + " --write " + args.write},
                                problem);
        if (!tx) {
            fmt::print(stderr, "tfm: error: {}\n", lines_safe(problem));
            return exit_findings;
        }
    }
    LoadResult tree = write ? load_tree({args.write}) : load_data(g);
    if (print_fatal(tree.fatal)) return exit_unreadable;

    gias::LinksResult result = gias::plan_links(tree.records, *extract);
    gias::refuse_failing_links(tree, as_of_date(g), result);
    if (!g.quiet) {
        fmt::print(stderr, "tfm: {} predecessor link{} in {} ({})\n", extract->links.size(),
                   extract->links.size() == 1 ? "" : "s", terminal_safe(args.links), extract->encoding);
        for (const auto& m : result.missing) fmt::print(stderr, "tfm: note: {}\n", terminal_safe(gias::missing_text(m)));
    }
    for (const auto& l : result.loops)
        fmt::print(stderr, "tfm: warning: {}: {}\n", terminal_safe(args.links), terminal_safe(gias::loop_text(l)));
    for (const auto& f : result.failing)
        fmt::print(stderr, "tfm: warning: {}: {}\n", terminal_safe(args.links), terminal_safe(gias::failing_text(f)));

    if (!write) return emit(g, gias::links_summary(result, false)) ? exit_ok : exit_findings;
    if (!result.set.empty()) gias::write_links(*tx, args.write, tree, result);
    if (result.refused) {
        for (const auto& e : result.errors) fmt::print(stderr, "tfm: error: {}\n", terminal_safe(e));
        fmt::print(stderr, "tfm: nothing was written\n");
        return exit_findings;
    }
    if (args.dry_run) {
        fmt::print("{}", diff_for_stdout(g, result.diff));
        if (!g.quiet) fmt::print(stderr, "tfm: a dry run: nothing was written\n");
        return exit_ok;
    }
    fmt::print("{}", gias::links_summary(result, true));
    return exit_ok;
}

}  // namespace tfm::cli
