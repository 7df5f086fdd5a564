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
    const Records& records = workspace.records();
    auto matches = find_schools(records, args.school);
    std::string continued;
    if (matches.empty())
        if (const School* today = continued_without_record(records, workspace.index(), args.school, continued)) {
            if (!g.quiet) fmt::print(stderr, "tfm: {}: the journey of {} follows\n", continued, today->urn);
            matches.push_back(today);
        }
    if (matches.empty()) {
        fmt::print(stderr, "tfm: no school matches {}{}{}\n", quote_value(args.school),
                   terminal_safe(schools_meant(records, args.school)),
                   workspace.summary().errors ? " (some records have errors: run tfm check)" : "");
        return exit_findings;
    }
    if (matches.size() > 1) {
        fmt::print(stderr, "tfm: {} schools match {}; give a URN or more of the name:\n",
                   matches.size(), quote_value(args.school));
        for (const School* s : matches) fmt::print(stderr, "  {}  {} ({})\n", s->urn, terminal_safe(s->name), terminal_safe(s->area));
        return exit_usage;
    }
    const Journey* found = &workspace.journey_of(*matches.front());
    // An establishment another continues (a predecessor): its journey is its successor's.
    if (found->successor) {
        if (!g.quiet)
            fmt::print(stderr, "tfm: school {} {} is continued by {} {}: its journey follows\n",
                       found->school->urn, terminal_safe(found->school->name), found->successor->urn,
                       terminal_safe(found->successor->name));
        found = &workspace.journey_of(*found->successor);
    }
    const Journey& j = *found;
    XlsxCover cover = cover_sheet(workspace, fmt::format("Journey of {} {}", j.school->urn, j.school->name));
    std::vector<Table> tables;
    for (auto& t : journey_tables(j)) tables.push_back(with_names(std::move(t), workspace.index()));
    if (!emit(g, render_tables(g, tables, format, &cover))) return exit_findings;
    return report_exit_status(workspace);
}

}  // namespace tfm::cli
