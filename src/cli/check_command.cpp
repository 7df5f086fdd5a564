// tfm check: load the tree, apply every rule, print the findings.
#include "cli.h"

#include "tfm/render/findings.h"
#include "tfm/rules/rules.h"

#include <fmt/format.h>

#include <unistd.h>

namespace tfm::cli {
namespace {

bool strict = false;

std::string rules_footer() {
    std::string out = "\nRules (switch one off in hub.rules.off; yaml/, schema/, ref/ and file/ always apply):\n";
    for (const auto& r : rule_table())
        out += fmt::format("  {:<27} {:<8} {}\n", r.name, severity_name(r.severity), r.summary);
    out += "\nGlobal options (see tfm --help): -C/--data DIR, --as-of YYYY-MM-DD, --format text|json,\n"
           "--color auto|always|never, -q/--quiet.\n";
    out += "\nExit status: 0 no errors, 1 errors (or warnings with --strict), 2 usage error,\n"
           "3 data directory unreadable.\n";
    return out;
}

}  // namespace

void define_check(CLI::App& sub) {
    sub.add_flag("--strict", strict, "Exit 1 on warnings too");
    sub.footer(rules_footer());
}

int run_check(const GlobalOptions& g) {
    std::string format = format_or(g, "text", {"text", "table", "json"});
    Date as_of = as_of_date(g);
    Workspace workspace(load_data(g), as_of);
    if (print_fatal(workspace.fatal())) return exit_unreadable;
    const Records& records = workspace.records();
    const CheckSummary& summary = workspace.summary();
    if (format == "json") {
        fmt::print("{}", render_findings_json(records, workspace.findings(), summary));
    } else {
        FindingsStyle style{color_on(g, STDERR_FILENO), g.quiet};
        std::string text = render_findings_text(records, workspace.findings(), style);
        text += render_summary_text(summary, style);
        fmt::print(stderr, "{}", text);
    }
    if (summary.errors > 0) return exit_findings;
    if (strict && summary.warnings > 0) return exit_findings;
    return exit_ok;
}

}  // namespace tfm::cli
