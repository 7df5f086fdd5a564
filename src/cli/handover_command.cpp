// tfm handover URN|NAME: one school's page for a new maths lead or a visit.
#include "cli.h"

#include "tfm/analysis/handover.h"
#include "tfm/analysis/journey_view.h"
#include "tfm/analysis/named_columns.h"
#include "tfm/base/untrusted_text.h"
#include "tfm/render/html_handover.h"
#include "tfm/render/shell_command.h"

#include <fmt/format.h>

namespace tfm::cli {

void define(CLI::App& sub, HandoverArgs& args) {
    sub.add_option("school", args.school, "The school's URN, or (part of) its name")
        ->required()
        ->type_name("URN|NAME");
}

int run(const GlobalArgs& g, const HandoverArgs& args) {
    Format format = output_format(g, Format::table,
                                  {Format::table, Format::text, Format::csv, Format::json, Format::md, Format::xlsx, Format::html});
    Date as_of = as_of_date(g);
    Workspace workspace(load_data(g), as_of, view_of(g, as_of));
    if (print_fatal(workspace.fatal())) return exit_unreadable;
    const Records& records = workspace.records();
    int status = exit_ok;
    const Journey* j = school_journey(g, workspace, args.school, "page", status);
    if (!j) return status;
    Handover h = build_handover(records, workspace.index(), *j, as_of);
    std::vector<Table> tables;
    for (auto& t : handover_tables(h)) tables.push_back(with_names(std::move(t), workspace.index()));
    std::string title = fmt::format("{} ({})", j->school->name, j->school->urn);
    std::string text;
    if (format == Format::html) {
        HandoverPageContext ctx;
        ctx.title = title;
        for (const auto& hub : records.hubs) ctx.hub_names.push_back(hub.name);
        ctx.as_of = as_of;
        ctx.generator = std::string("tfm ") + TFM_VERSION;
        std::vector<std::string> words = {"tfm"};
        for (const auto& d : data_directories(g)) words.insert(words.end(), {"-C", d});
        words.insert(words.end(), {"--as-of", as_of.str(), "handover", std::to_string(j->school->urn), "--format", "html"});
        ctx.command = shell_command(words);
        std::vector<Table> people;
        for (const auto& t : tables) people.push_back(for_reader(t, true));
        text = render_handover_html(people, ctx);
    } else {
        XlsxCover cover = cover_sheet(workspace, "Handover: " + title);
        text = render_tables(g, tables, format, &cover);
    }
    if (!emit(g, text)) return exit_findings;
    return report_exit_status(workspace);
}

}  // namespace tfm::cli
