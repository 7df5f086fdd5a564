// tfm plan COHORT [--write [--replace]]: propose dates, print them, or write them in place.
#include "cli.h"

#include "tfm/model/index.h"
#include "tfm/analysis/plan.h"

#include <fmt/format.h>

namespace tfm::cli {
namespace {

std::string cohort_id;
bool write = false;
bool replace = false;

}  // namespace

void define_plan(CLI::App& sub) {
    sub.add_option("cohort", cohort_id, "The cohort's id")->required()->type_name("COHORT");
    sub.add_flag("--write", write, "Insert the plan into the cohort's own file");
    sub.add_flag("--replace", replace, "With --write: replace the cohort's planned dates");
    sub.footer("Meetings: one per half-term on the cohort's weekday (Tuesday if it has none), within\n"
               "hub.rules.meeting_gap_weeks, inside hub.terms (or the default windows). Visits: one per\n"
               "school per term for stages with visits. No date on which the lead is booked elsewhere.\n"
               "--write keeps every other line and comment of the file and writes atomically.\n"
               "Global options (see tfm --help): -C/--data DIR, --as-of YYYY-MM-DD, -q/--quiet.\n\n"
               "Exit status: 0 proposed (or written), 1 refused (dates exist without --replace,\n"
               "the file cannot be edited) or the records have errors, 2 usage error or unknown\n"
               "cohort, 3 data directory unreadable.");
}

int run_plan(const GlobalOptions& g) {
    format_or(g, "yaml", {"yaml"});
    if (replace && !write) throw UsageError{"--replace only makes sense with --write"};
    Date as_of = as_of_date(g);
    Workspace workspace(load_data(g), as_of);
    if (print_fatal(workspace.fatal())) return exit_unreadable;
    const Records& records = workspace.records();
    const Index& index = workspace.index();
    const Cohort* cohort = index.cohort(cohort_id);
    if (!cohort) {
        std::string hint;
        for (const auto& b : records.broken_cohorts)
            if (b == cohort_id) hint = " (its record has errors: run tfm check)";
        throw UsageError{fmt::format("no cohort has the id `{}`{}", cohort_id, hint)};
    }
    PlanProposal plan = propose_plan(records, index, *cohort);
    if (!g.quiet) {
        if (plan.weekday_assumed)
            fmt::print(stderr, "tfm: note: cohort {} has no weekday; meetings are on Tuesdays\n", cohort->id);
        if (plan.default_terms)
            fmt::print(stderr, "tfm: note: the hub has no term dates for {}; using the default windows\n",
                       cohort->year.str());
    }
    for (const auto& w : plan.warnings) fmt::print(stderr, "tfm: warning: {}\n", w);
    if (!write) {
        std::string day(weekday_name(plan.weekday));
        day[0] = char(day[0] - 'a' + 'A');
        fmt::print("# Plan for cohort {} ({} {}, meetings on {}s): paste into its record.\n",
                   cohort->id, name_of(cohort->stage), cohort->year.str(), day);
        fmt::print("{}", plan_yaml(plan, 0));
        if ((!cohort->meetings.empty() || !cohort->visits.empty()) && !g.quiet)
            fmt::print(stderr, "tfm: note: cohort {} already has planned dates; --write --replace replaces them\n",
                       cohort->id);
        return report_exit_status(workspace);
    }
    const auto& file = records.files[std::size_t(cohort->pos.file)];
    PlanWrite result = write_plan(file.full_path, file.path, plan, replace);
    if (!result.written) {
        fmt::print(stderr, "tfm: error: {}\n", result.message);
        return exit_findings;
    }
    if (!g.quiet) fmt::print(stderr, "tfm: {}\n", result.message);
    return report_exit_status(workspace);
}

}  // namespace tfm::cli
