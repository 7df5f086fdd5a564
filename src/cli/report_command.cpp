// tfm report: the hub coordinator's summary tables.
#include "cli.h"

#include "tfm/index.h"
#include "tfm/journey.h"
#include "tfm/report.h"

#include <fmt/format.h>

namespace tfm::cli {
namespace {

std::string year_option;
std::vector<std::string> section_option;

}  // namespace

void define_report(CLI::App& sub) {
    sub.add_option("--year", year_option, "Academic year to report on (default: the current year)")
        ->type_name("YYYY/YY");
    std::vector<std::string> names(report_sections().begin(), report_sections().end());
    with_choices(sub.add_option("--section", section_option, "Sections to print (default: all)"), names)
        ->type_name("NAME")
        ->delimiter(',');
    sub.footer("Sections: summary, stages, reach, patterns, characteristics, cohorts.\n"
               "Formats (--format): table (default), csv, json, md.\n"
               "Global options (see tfm --help): -C/--data DIR, --as-of YYYY-MM-DD, --format,\n"
               "--color auto|always|never, -q/--quiet.\n\n"
               "Exit status: 0 report printed, 1 printed but the records have errors (run tfm\n"
               "check), 2 usage error, 3 data directory unreadable.");
}

int run_report(const GlobalOptions& g) {
    std::string format = format_or(g, "table", {"table", "text", "csv", "json", "md"});
    Date as_of = as_of_date(g);
    ReportOptions options;
    options.year = AcademicYear::containing(as_of);
    if (!year_option.empty()) {
        auto y = AcademicYear::parse(year_option);
        if (!y) throw UsageError{fmt::format("--year: `{}` is not an academic year; write it like 2021/22", year_option)};
        options.year = *y;
    }
    options.sections = section_option;
    auto tree = load_for_report(g, as_of);
    if (tree.fatal) return exit_unreadable;
    const Records& records = tree.loaded.records;
    Index index(records);
    auto journeys = all_journeys(records, index, as_of);
    auto tables = build_report(records, index, journeys, options);
    fmt::print("{}", render_tables(g, tables, format));
    return report_exit_status(g, tree);
}

}  // namespace tfm::cli
