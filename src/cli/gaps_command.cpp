// tfm gaps: what needs the coordinator's attention.
#include "cli.h"

#include "tfm/analysis/gaps.h"
#include "tfm/model/index.h"
#include "tfm/model/journey.h"

#include <fmt/format.h>

#include <algorithm>

namespace tfm::cli {
namespace {

std::string year_option;
bool fail_on_findings = false;

}  // namespace

void define_gaps(CLI::App& sub) {
    sub.add_option("--year", year_option, "Academic year to look at (default: the current year)")
        ->type_name("YYYY/YY");
    sub.add_flag("--fail-on-findings", fail_on_findings, "Exit 1 when anything is listed (for cron)");
    sub.footer("Kinds: gaps, lapsed, attendance, visits, overdue, sustaining_visits, year_groups,\n"
               "agendas, never_engaged. Text and md print only kinds with findings; json and csv\n"
               "print every kind.\n"
               "Formats (--format): table (default), csv, json, md.\n"
               "Global options (see tfm --help): -C/--data DIR, --as-of YYYY-MM-DD, --format,\n"
               "--color auto|always|never, -q/--quiet.\n\n"
               "Exit status: 0 printed (even with findings), 1 findings with --fail-on-findings or\n"
               "records with errors, 2 usage error, 3 data directory unreadable.");
}

int run_gaps(const GlobalOptions& g) {
    std::string format = format_or(g, "table", {"table", "text", "csv", "json", "md"});
    Date as_of = as_of_date(g);
    GapOptions options{AcademicYear::containing(as_of), as_of};
    options.year = year_or(year_option, options.year);
    Workspace workspace(load_data(g), as_of);
    if (print_fatal(workspace.fatal())) return exit_unreadable;
    const Records& records = workspace.records();
    auto tables = build_gaps(records, workspace.index(), workspace.journeys(), options);
    bool any = std::any_of(tables.begin(), tables.end(), [](const Table& t) { return !t.rows.empty(); });
    if (format == "json" || format == "csv") {
        fmt::print("{}", render_tables(g, tables, format));
    } else {
        std::vector<Table> shown;
        for (auto& t : tables)
            if (!t.rows.empty()) shown.push_back(std::move(t));
        if (shown.empty()) {
            if (!g.quiet) fmt::print("Nothing needs attention in {}.\n", options.year.str());
        } else {
            fmt::print("{}", render_tables(g, shown, format));
        }
    }
    int status = report_exit_status(workspace);
    if (status == exit_ok && fail_on_findings && any) return exit_findings;
    return status;
}

}  // namespace tfm::cli
