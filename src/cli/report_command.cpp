// tfm report: the hub coordinator's summary tables.
#include "cli.h"

#include "tfm/analysis/gaps.h"
#include "tfm/render/html_report.h"
#include "tfm/render/report_tables.h"
#include "tfm/render/shell_command.h"
#include "tfm/model/index.h"
#include "tfm/model/journey.h"
#include "tfm/analysis/report.h"

#include <fmt/format.h>

namespace tfm::cli {
namespace {

// The page's provenance: the command line that makes the same page again.
std::string reproducing_command(const GlobalArgs& g, const ReportOptions& options, Date as_of) {
    std::vector<std::string> words = {"tfm"};
    for (const auto& d : data_directories(g)) words.insert(words.end(), {"-C", d});
    words.insert(words.end(), {"--as-of", as_of.str(), "report", "--year", options.year.str()});
    if (!options.sections.empty())
        words.insert(words.end(), {"--section", fmt::format("{}", fmt::join(options.sections, ","))});
    words.insert(words.end(), {"--format", "html"});
    return shell_command(words);
}

// The workbook's title: the hub (or the number of hubs) and the year.
std::string report_title(const Records& records, AcademicYear year) {
    std::string who = records.hubs.size() == 1 ? records.hubs.front().name
                                               : fmt::format("{} Maths Hubs", records.hubs.size());
    return fmt::format("{}: report {}", who, year.str());
}

}  // namespace

void define(CLI::App& sub, ReportArgs& args) {
    sub.add_option("--year", args.year, "Academic year to report on (default: the current year)")
        ->type_name("YYYY/YY");
    std::vector<std::string> names(report_sections().begin(), report_sections().end());
    with_choices(sub.add_option("--section", args.sections, "Sections to print (default: all)"), names)
        ->type_name("NAME")
        ->delimiter(',');
}

int run(const GlobalArgs& g, const ReportArgs& args) {
    Format format =
        output_format(g, Format::table, {Format::table, Format::text, Format::csv, Format::json, Format::md, Format::xlsx, Format::html});
    Date as_of = as_of_date(g);
    ReportOptions options;
    options.year = year_or(args.year, AcademicYear::containing(as_of));
    options.sections = args.sections;
    options.as_of = as_of;
    Workspace workspace(load_data(g), as_of, view_of(g, as_of));
    if (print_fatal(workspace.fatal())) return exit_unreadable;
    const Records& records = workspace.records();
    const Index& index = workspace.index();
    const auto& journeys = workspace.journeys();
    Report report = build_report(records, index, journeys, options);
    std::string text;
    if (format == Format::html) {
        HtmlInput input;
        input.report = std::move(report);
        // The page's "needs attention" counts what --fail-on-findings counts: no prospects.
        if (options.sections.empty())
            for (auto& t : build_gaps(records, index, journeys, GapOptions{options.year, as_of}))
                if (needs_attention(t)) input.gaps.push_back(std::move(t));
        if (records.hubs.size() > 1) input.gaps_by_hub = gaps_by_hub(records, index, input.gaps);
        // The national page reads per hub; a section asked for by name is listed in full.
        if (records.hubs.size() > 1 && options.sections.empty() && input.report.cohorts)
            input.digest = national_digest(records, index, journeys, *input.report.cohorts, as_of);
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
        XlsxCover cover = cover_sheet(workspace, report_title(records, options.year));
        text = render_tables(g, report_tables(report), format, &cover);
    }
    if (!emit(g, text)) return exit_findings;
    return report_exit_status(workspace);
}

}  // namespace tfm::cli
