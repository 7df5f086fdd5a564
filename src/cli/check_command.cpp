// tfm check: load the tree, apply every rule, print the findings.
#include "cli.h"

#include "tfm/render/findings.h"

#include <fmt/format.h>

#include <unistd.h>

namespace tfm::cli {

void define(CLI::App& sub, CheckArgs& args) {
    sub.add_flag("--strict", args.strict, "Exit 1 on warnings too");
}

int run(const GlobalArgs& g, const CheckArgs& args) {
    Format format = format_or(g, Format::text, {Format::text, Format::table, Format::json});
    Date as_of = as_of_date(g);
    Workspace workspace(load_data(g), as_of);
    if (!g.quiet) note_discovered_directory(g);
    if (print_fatal(workspace.fatal())) return exit_unreadable;
    const Records& records = workspace.records();
    const CheckSummary& summary = workspace.summary();
    if (format == Format::json) {
        if (!emit(g, render_findings_json(records, workspace.findings(), summary))) return exit_findings;
    } else {
        FindingsStyle style{color_on(g, STDERR_FILENO), g.quiet};
        std::string text = render_findings_text(records, workspace.findings(), style);
        text += render_summary_text(summary, style);
        fmt::print(stderr, "{}", text);
    }
    if (summary.errors > 0) return exit_findings;
    if (args.strict && summary.warnings > 0) return exit_findings;
    return exit_ok;
}

}  // namespace tfm::cli
