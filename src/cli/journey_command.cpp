// tfm journey URN|NAME: one school's timeline.
#include "cli.h"

#include "tfm/model/index.h"
#include "tfm/model/journey.h"
#include "tfm/analysis/journey_view.h"

#include <fmt/format.h>

namespace tfm::cli {
namespace {

std::string school_query;

}  // namespace

void define_journey(CLI::App& sub) {
    sub.add_option("school", school_query, "The school's URN, or (part of) its name")
        ->required()
        ->type_name("URN|NAME");
    sub.footer("Formats (--format): table (default), csv, json, md.\n"
               "Global options (see tfm --help): -C/--data DIR, --as-of YYYY-MM-DD, --format,\n"
               "--color auto|always|never, -q/--quiet.\n\n"
               "Exit status: 0 printed, 1 no such school (or the records have errors),\n"
               "2 usage error or a name that matches several schools, 3 data directory unreadable.");
}

int run_journey(const GlobalOptions& g) {
    std::string format = format_or(g, "table", {"table", "text", "csv", "json", "md"});
    Date as_of = as_of_date(g);
    Workspace workspace(load_data(g), as_of);
    if (print_fatal(workspace.fatal())) return exit_unreadable;
    const Records& records = workspace.records();
    auto matches = find_schools(records, school_query);
    if (matches.empty()) {
        fmt::print(stderr, "tfm: no school matches `{}`{}\n", school_query,
                   workspace.summary().errors ? " (some records have errors: run tfm check)" : "");
        return exit_findings;
    }
    if (matches.size() > 1) {
        fmt::print(stderr, "tfm: {} schools match `{}`; give a URN or more of the name:\n",
                   matches.size(), school_query);
        for (const School* s : matches) fmt::print(stderr, "  {}  {} ({})\n", s->urn, s->name, s->area);
        return exit_usage;
    }
    const Journey& j = workspace.journey_of(*matches.front());
    fmt::print("{}", render_tables(g, journey_tables(j), format));
    return report_exit_status(workspace);
}

}  // namespace tfm::cli
