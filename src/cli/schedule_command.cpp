// tfm schedule: who is where, when; as a table or an iCalendar file.
#include "cli.h"

#include "tfm/model/index.h"
#include "tfm/analysis/schedule.h"

#include <fmt/format.h>

namespace tfm::cli {
namespace {

std::string from_option, to_option, cohort_option, lead_option, school_option;

}  // namespace

void define_schedule(CLI::App& sub) {
    sub.add_option("--from", from_option, "First day (default: --as-of)")->type_name("YYYY-MM-DD");
    sub.add_option("--to", to_option, "Last day (default: six weeks after --from)")->type_name("YYYY-MM-DD");
    sub.add_option("--cohort", cohort_option, "Only this cohort")->type_name("ID");
    sub.add_option("--lead", lead_option, "Only cohorts this lead leads")->type_name("ID");
    sub.add_option("--school", school_option, "Only this school's meetings and visits")->type_name("URN");
    sub.footer("Each row is marked done (logged), due, or overdue (passed with no log).\n"
               "Formats (--format): table (default), csv, json, md, ics (RFC 5545 calendar).\n"
               "Global options (see tfm --help): -C/--data DIR, --as-of YYYY-MM-DD, --format,\n"
               "--color auto|always|never, -q/--quiet.\n\n"
               "Exit status: 0 printed, 1 printed but the records have errors, 2 usage error,\n"
               "3 data directory unreadable.");
}

int run_schedule(const GlobalOptions& g) {
    std::string format = format_or(g, "table", {"table", "text", "csv", "json", "md", "ics"});
    Date as_of = as_of_date(g);
    ScheduleFilter filter;
    filter.from = from_option.empty() ? as_of : date_option("--from", from_option);
    filter.to = to_option.empty() ? filter.from.plus_days(41) : date_option("--to", to_option);
    if (filter.to < filter.from)
        throw UsageError{fmt::format("--to {} is before --from {}", filter.to.str(), filter.from.str())};
    filter.cohort = cohort_option;
    filter.lead = lead_option;
    if (!school_option.empty()) {
        if (school_option.size() != 6 || school_option.find_first_not_of("0123456789") != std::string::npos)
            throw UsageError{fmt::format("--school: `{}` is not a URN (six digits)", school_option)};
        filter.school = std::stoi(school_option);
    }
    Workspace workspace(load_data(g), as_of);
    if (print_fatal(workspace.fatal())) return exit_unreadable;
    const Records& records = workspace.records();
    const Index& index = workspace.index();
    if (!filter.cohort.empty() && !index.cohort(filter.cohort))
        throw UsageError{fmt::format("--cohort: no cohort has the id `{}`", filter.cohort)};
    if (!filter.lead.empty() && !index.lead(filter.lead))
        throw UsageError{fmt::format("--lead: no lead has the id `{}`", filter.lead)};
    if (filter.school && !index.school(*filter.school))
        throw UsageError{fmt::format("--school: no school has the URN {}", *filter.school)};
    auto items = build_schedule(records, index, filter, as_of);
    if (format == "ics") {
        fmt::print("{}", render_ics(items, index, as_of));
    } else {
        Table t = schedule_table(items);
        t.title = fmt::format("Schedule {} to {}", filter.from.str(), filter.to.str());
        fmt::print("{}", render_tables(g, {t}, format));
    }
    return report_exit_status(workspace);
}

}  // namespace tfm::cli
