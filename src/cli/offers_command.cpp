// tfm offers: the schools due an offer for a coming year, for a mail merge.
#include "cli.h"

#include "tfm/analysis/named_columns.h"
#include "tfm/analysis/offers.h"

#include <fmt/format.h>

namespace tfm::cli {

void define(CLI::App& sub, OffersArgs& args) {
    sub.add_option("--year", args.year, "Academic year the offers are for (default: the year after the current one)")
        ->type_name("YYYY/YY");
    sub.add_flag("--all", args.all, "Also list the never-engaged schools of the hub's areas (prospects)");
}

int run(const GlobalArgs& g, const OffersArgs& args) {
    Format format = output_format(g, Format::table, {Format::table, Format::text, Format::csv, Format::json, Format::md, Format::xlsx});
    Date as_of = as_of_date(g);
    AcademicYear year = year_or(args.year, AcademicYear::containing(as_of).next());
    Workspace workspace(load_data(g), as_of, view_of(g, as_of));
    if (print_fatal(workspace.fatal())) return exit_unreadable;
    OffersList list = offers_due(workspace.records(), workspace.index(), workspace.journeys(), year, args.all, as_of);
    std::vector<Table> tables = {with_names(offers_table(list), workspace.index())};
    XlsxCover cover = cover_sheet(workspace, fmt::format("Schools due an offer for {}", year.str()));
    if (!emit(g, render_tables(g, tables, format, &cover))) return exit_findings;
    return report_exit_status(workspace);
}

}  // namespace tfm::cli
