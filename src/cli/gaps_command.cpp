// tfm gaps: what needs the coordinator's attention.
#include "cli.h"

#include "tfm/analysis/gaps.h"
#include "tfm/model/index.h"
#include "tfm/model/journey.h"

#include <fmt/format.h>


namespace tfm::cli {

void define(CLI::App& sub, GapsArgs& args) {
    sub.add_option("--year", args.year, "Academic year to look at (default: the current year)")
        ->type_name("YYYY/YY");
    sub.add_flag("--fail-on-findings", args.fail_on_findings,
                 "Exit 1 when anything needs attention (for cron; never_engaged does not count)");
    sub.add_flag("--all", args.all, "Also list the never-engaged schools of the hub's areas (prospects)");
}

int run(const GlobalArgs& g, const GapsArgs& args) {
    Format format = output_format(g, Format::table, {Format::table, Format::text, Format::csv, Format::json, Format::md, Format::xlsx});
    Date as_of = as_of_date(g);
    GapOptions options{AcademicYear::containing(as_of), as_of};
    options.year = year_or(args.year, options.year);
    Workspace workspace(load_data(g), as_of, view_of(g, as_of));
    if (print_fatal(workspace.fatal())) return exit_unreadable;
    const Records& records = workspace.records();
    auto tables = build_gaps(records, workspace.index(), workspace.journeys(), options);
    bool any = attention_count(tables) > 0;
    std::string text;
    if (format == Format::json || format == Format::csv || format == Format::xlsx) {
        XlsxCover cover = cover_sheet(workspace, fmt::format("What needs attention in {}", options.year.str()));
        text = render_tables(g, tables, format, &cover);
    } else {
        std::vector<Table> shown;
        for (auto& t : tables)
            if (!t.rows.empty() && (args.all || needs_attention(t))) shown.push_back(std::move(t));
        if (shown.empty()) {
            if (!g.quiet) text = fmt::format("Nothing needs attention in {}.\n", options.year.str());
        } else {
            text = render_tables(g, shown, format);
        }
    }
    if (!emit(g, text)) return exit_findings;
    int status = report_exit_status(workspace);
    if (status == exit_ok && args.fail_on_findings && any) return exit_findings;
    return status;
}

}  // namespace tfm::cli
