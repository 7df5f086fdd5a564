// tfm journey URN|NAME: one school's timeline.
#include "cli.h"

#include "tfm/analysis/named_columns.h"
#include "tfm/model/index.h"
#include "tfm/model/journey.h"
#include "tfm/analysis/journey_view.h"
#include "tfm/base/untrusted_text.h"

#include <fmt/format.h>

namespace tfm::cli {

void define(CLI::App& sub, JourneyArgs& args) {
    sub.add_option("school", args.school, "The school's URN, or (part of) its name")
        ->required()
        ->type_name("URN|NAME");
}

int run(const GlobalArgs& g, const JourneyArgs& args) {
    Format format = output_format(g, Format::table, {Format::table, Format::text, Format::csv, Format::json, Format::md, Format::xlsx});
    Date as_of = as_of_date(g);
    Workspace workspace(load_data(g), as_of, view_of(g, as_of));
    if (print_fatal(workspace.fatal())) return exit_unreadable;
    int status = exit_ok;
    const Journey* found = school_journey(g, workspace, args.school, "journey", status);
    if (!found) return status;
    const Journey& j = *found;
    XlsxCover cover = cover_sheet(workspace, fmt::format("Journey of {} {}", j.school->urn, j.school->name));
    std::vector<Table> tables;
    for (auto& t : journey_tables(j)) tables.push_back(with_names(std::move(t), workspace.index()));
    if (!emit(g, render_tables(g, tables, format, &cover))) return exit_findings;
    return report_exit_status(workspace);
}

}  // namespace tfm::cli
