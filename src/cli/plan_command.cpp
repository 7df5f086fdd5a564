// tfm plan COHORT [--write]: propose the rest of the year's dates, print them, or add them in place.
#include "cli.h"

#include "tfm/base/untrusted_text.h"

#include "tfm/model/index.h"
#include "tfm/analysis/plan.h"
#include "tfm/edit/plan_writer.h"

#include <fmt/format.h>

#include <algorithm>
#include <filesystem>

namespace tfm::cli {

void define(CLI::App& sub, PlanArgs& args) {
    sub.add_option("cohort", args.cohort, "The cohort's id")->required()->type_name("COHORT");
    sub.add_flag("--write", args.write, "Add the new dates to the cohort's own file (every other date kept)");
    sub.add_flag("--dry-run", args.dry_run, "Print what --write would change, as a diff; write nothing");
}

int run(const GlobalArgs& g, const PlanArgs& args) {
    format_or(g, Format::yaml, {Format::yaml});
    const bool write = args.write || args.dry_run;
    Date as_of = as_of_date(g);
    // A writer holds every data directory's lock from before it reads the records.
    std::optional<Transaction> tx;
    const std::vector<std::string> directories = data_directories(g);
    // (An unreadable directory is reported by loading, as for every command.)
    bool readable = std::all_of(directories.begin(), directories.end(),
                                [](const std::string& d) { return std::filesystem::is_directory(d); });
    if (write && readable) {
        std::string problem;
        tx = Transaction::begin(directories, WriteSettings{args.dry_run, "tfm plan --write " + args.cohort},
                                problem);
        if (!tx) {
            fmt::print(stderr, "tfm: error: {}\n", lines_safe(problem));
            return exit_findings;
        }
    }
    Workspace workspace(load_data(g), as_of);
    if (print_fatal(workspace.fatal())) return exit_unreadable;
    const Records& records = workspace.records();
    const Index& index = workspace.index();
    const Cohort* cohort = &cohort_or_usage(workspace, args.cohort);
    PlanProposal plan = propose_plan(records, index, *cohort, as_of);
    if (!g.quiet) {
        if (plan.weekday_assumed)
            fmt::print(stderr, "tfm: note: cohort {} has no weekday; meetings are on Tuesdays\n", terminal_safe(cohort->id));
        if (plan.default_terms)
            fmt::print(stderr, "tfm: note: the hub has no term dates for {}; using the default windows\n",
                       cohort->year.str());
    }
    for (const auto& w : plan.warnings) fmt::print(stderr, "tfm: warning: {}\n", lines_safe(w));
    if (!write) {
        std::string day(weekday_name(plan.weekday));
        day[0] = char(day[0] - 'a' + 'A');
        std::string text = fmt::format("# Plan for cohort {} ({} {}, meetings on {}s) from {}.\n", cohort->id,
                                       name_of(cohort->stage), cohort->year.str(), day, as_of.str());
        if (!emit(g, text + plan_summary(plan) + plan_yaml(plan, 0))) return exit_findings;
        return report_exit_status(workspace);
    }
    if (int errors = workspace.summary().errors; errors > 0) {
        fmt::print(stderr,
                   "tfm: error: the records have {} error{} (run `tfm check`): a plan is written only into "
                   "records that load without errors, since a record left out could hold a clash; "
                   "nothing was written\n",
                   errors, errors == 1 ? "" : "s");
        return exit_findings;
    }
    const auto& file = records.files[std::size_t(cohort->pos.file)];
    PlanWrite result = write_plan(*tx, file.full_path, file.path, plan);
    if (!result.written) {
        fmt::print(stderr, "tfm: error: {}\n", lines_safe(result.message));
        return exit_findings;
    }
    fmt::print("{}", diff_for_stdout(g, result.diff));
    if (!g.quiet) fmt::print(stderr, "tfm: {}\n", lines_safe(result.message));
    return report_exit_status(workspace);
}

}  // namespace tfm::cli
