// tfm register COHORT: a Work Group's attendance register.
#include "cli.h"

#include "tfm/analysis/register.h"
#include "tfm/model/index.h"
#include "tfm/render/html_register.h"
#include "tfm/render/register_tables.h"
#include "tfm/render/shell_command.h"

#include <fmt/format.h>

namespace tfm::cli {

void define(CLI::App& sub, RegisterArgs& args) {
    sub.add_option("cohort", args.cohort, "The Work Group's id")->required()->type_name("COHORT");
}

int run(const GlobalArgs& g, const RegisterArgs& args) {
    Format format =
        output_format(g, Format::table, {Format::table, Format::text, Format::csv, Format::json, Format::md, Format::xlsx, Format::html});
    Date as_of = as_of_date(g);
    Workspace workspace(load_data(g), as_of, view_of(g, as_of));
    if (print_fatal(workspace.fatal())) return exit_unreadable;
    const Cohort* cohort = workspace.index().cohort(args.cohort);
    if (!cohort) {
        std::string hint = cohort_meant(workspace.records(), args.cohort);
        if (hint.empty() && workspace.summary().errors) hint = " (some records have errors: run tfm check)";
        throw UsageError{fmt::format("no cohort has the id `{}`{}", args.cohort, hint)};
    }
    Register reg = build_register(workspace.records(), workspace.index(), *cohort, as_of);
    std::string text;
    if (format == Format::html) {
        RegisterPageContext ctx;
        for (const auto& h : workspace.records().hubs) ctx.hub_names.push_back(h.name);
        ctx.as_of = as_of;
        ctx.generator = std::string("tfm ") + TFM_VERSION;
        std::vector<std::string> words = {"tfm"};
        for (const auto& d : data_directories(g)) words.insert(words.end(), {"-C", d});
        words.insert(words.end(), {"--as-of", as_of.str(), "register", reg.cohort_id, "--format", "html"});
        ctx.command = shell_command(words);
        text = render_register_html(reg, ctx);
    } else {
        bool people = for_people(format);
        XlsxCover cover = cover_sheet(workspace, "Register: " + register_title(reg));
        text = render_tables(g, register_tables(reg, people), format, &cover);
    }
    if (!emit(g, text)) return exit_findings;
    return report_exit_status(workspace);
}

}  // namespace tfm::cli
