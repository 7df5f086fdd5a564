// tfm report: the hub coordinator's summary tables.
#include "cli.h"

#include "tfm/base/atomic_file.h"
#include "tfm/analysis/gaps.h"
#include "tfm/render/html_report.h"
#include "tfm/model/index.h"
#include "tfm/model/journey.h"
#include "tfm/analysis/report.h"

#include <fmt/format.h>

#include <algorithm>

namespace tfm::cli {
namespace {

std::string year_option;
std::vector<std::string> section_option;
std::string output_option;

// The page's provenance: the command line that makes the same page again.
std::string reproducing_command(const GlobalOptions& g, const ReportOptions& options, Date as_of) {
    std::vector<std::string> words = {"tfm"};
    for (const auto& d : data_directories(g)) words.insert(words.end(), {"-C", d});
    words.insert(words.end(), {"--as-of", as_of.str(), "report", "--year", options.year.str()});
    if (!options.sections.empty())
        words.insert(words.end(), {"--section", fmt::format("{}", fmt::join(options.sections, ","))});
    words.insert(words.end(), {"--format", "html"});
    return shell_command(words);
}

}  // namespace

void define_report(CLI::App& sub) {
    sub.add_option("--year", year_option, "Academic year to report on (default: the current year)")
        ->type_name("YYYY/YY");
    std::vector<std::string> names(report_sections().begin(), report_sections().end());
    with_choices(sub.add_option("--section", section_option, "Sections to print (default: all)"), names)
        ->type_name("NAME")
        ->delimiter(',');
    sub.add_option("-o,--output", output_option,
                   "Write the report to FILE (atomically) instead of standard output (-: stdout)")
        ->type_name("FILE");
    sub.footer("Sections: summary, stages, reach, patterns, characteristics, cohorts.\n"
               "Formats (--format): table (default), csv, json, md, html. html is one\n"
               "self-contained page (inline CSS and SVG charts, no scripts, printable on A4)\n"
               "with a summary of tfm gaps when every section is shown.\n"
               "Global options (see tfm --help): -C/--data DIR, --as-of YYYY-MM-DD, --format,\n"
               "--color auto|always|never, -q/--quiet.\n\n"
               "Exit status: 0 report printed, 1 printed but the records have errors (run tfm\n"
               "check), 2 usage error, 3 data directory unreadable.");
}

int run_report(const GlobalOptions& g) {
    std::string format = format_or(g, "table", {"table", "text", "csv", "json", "md", "html"});
    Date as_of = as_of_date(g);
    ReportOptions options;
    options.year = year_or(year_option, AcademicYear::containing(as_of));
    options.sections = section_option;
    Workspace workspace(load_data(g), as_of);
    if (print_fatal(workspace.fatal())) return exit_unreadable;
    const Records& records = workspace.records();
    const Index& index = workspace.index();
    const auto& journeys = workspace.journeys();
    auto tables = build_report(records, index, journeys, options);
    std::string text;
    if (format == "html") {
        HtmlInput input;
        input.report = std::move(tables);
        if (options.sections.empty())
            input.gaps = build_gaps(records, index, journeys, GapOptions{options.year, as_of});
        if (options.sections.empty() ||
            std::find(options.sections.begin(), options.sections.end(), "characteristics") !=
                options.sections.end())
            input.all_schools = records_characteristics(records);
        HtmlContext& ctx = input.context;
        for (const auto& h : records.hubs) ctx.hub_names.push_back(h.name);
        ctx.directories = data_directories(g);
        ctx.as_of = as_of;
        ctx.year = options.year;
        ctx.generator = std::string("tfm ") + TFM_VERSION;
        ctx.files = workspace.summary().files;
        ctx.records = workspace.summary().records;
        ctx.errors = workspace.summary().errors;
        ctx.command = reproducing_command(g, options, as_of);
        if (records.hubs.size() == 1) ctx.completion = records.hubs.front().rules.completion;
        text = render_html(input);
    } else {
        text = render_tables(g, tables, format);
    }
    if (output_option.empty() || output_option == "-") {
        fmt::print("{}", text);
    } else {
        std::string problem;
        if (!write_atomically(output_option, text, problem)) {
            fmt::print(stderr, "tfm: error: cannot write {}: {}\n", output_option, problem);
            return exit_findings;
        }
    }
    return report_exit_status(workspace);
}

}  // namespace tfm::cli
