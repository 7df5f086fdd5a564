#include "cli.h"

#include "tfm/base/text.h"
#include "tfm/base/untrusted_text.h"
#include "tfm/render/csv_table.h"
#include "tfm/render/json_table.h"
#include "tfm/render/md_table.h"
#include "tfm/render/text_table.h"

#include <fmt/format.h>

#include <cstdlib>
#include <unistd.h>

namespace tfm::cli {

int run(const GlobalArgs&, std::monostate) { return exit_usage; }

std::vector<std::string> data_directories(const GlobalArgs& g) {
    if (!g.data.empty()) return g.data;
    if (const char* env = std::getenv("TFM_DATA"); env && *env) return {env};
    return {"."};
}

unsigned loader_threads() {
    const char* env = std::getenv("TFM_THREADS");
    if (!env || !*env) return 0;
    char* end = nullptr;
    long n = std::strtol(env, &end, 10);
    if (*end != '\0' || n < 1 || n > 256)
        throw UsageError{fmt::format("TFM_THREADS: `{}` is not a number of threads (1 to 256)", env)};
    return unsigned(n);
}

AcademicYear year_or(const std::string& option, AcademicYear fallback) {
    if (option.empty()) return fallback;
    if (auto y = AcademicYear::parse(option)) return *y;
    throw UsageError{fmt::format("--year: `{}` is not an academic year; write it like 2021/22", option)};
}

Date date_option(std::string_view name, const std::string& text) {
    if (auto d = Date::parse(text)) return *d;
    throw UsageError{fmt::format("{}: `{}` is not a valid date: {}", name, text, Date::why_not(text))};
}

Date as_of_date(const GlobalArgs& g) {
    if (g.as_of.empty()) return Date::today();
    return date_option("--as-of", g.as_of);
}

bool color_on(const GlobalArgs& g, int fd) {
    if (g.color == "always") return true;
    if (g.color == "never") return false;
    if (const char* nc = std::getenv("NO_COLOR"); nc && *nc) return false;
    if (const char* term = std::getenv("TERM"); term && std::string_view(term) == "dumb") return false;
    return isatty(fd) == 1;
}

std::string format_or(const GlobalArgs& g, std::string_view fallback,
                      const std::vector<std::string_view>& accepted) {
    if (g.format.empty()) return std::string(fallback);
    for (auto a : accepted)
        if (a == g.format) return g.format;
    throw UsageError{fmt::format("--format: this command prints {}, not {}", join_or(accepted),
                                 g.format)};
}

}  // namespace tfm::cli

namespace tfm::cli {

bool print_fatal(const std::vector<std::string>& fatal) {
    for (const auto& m : fatal) fmt::print(stderr, "tfm: error: {}\n", terminal_safe(m));
    return !fatal.empty();
}

LoadResult load_data(const GlobalArgs& g) { return load_tree(data_directories(g), loader_threads()); }

int report_exit_status(const Workspace& workspace) {
    const CheckSummary& summary = workspace.summary();
    if (summary.errors == 0) return exit_ok;
    fmt::print(stderr,
               "tfm: the records have {} error{}: this output leaves out the records that did "
               "not load and may be wrong where the others break a rule. Run `tfm check`.\n",
               summary.errors, summary.errors == 1 ? "" : "s");
    return exit_findings;
}

std::string render_tables(const GlobalArgs& g, const std::vector<Table>& tables,
                          std::string_view format) {
    if (format == "json") return render_json(tables);
    if (format == "csv") return render_csv(tables);
    RenderStyle style{color_on(g, STDOUT_FILENO), true};
    if (format == "md") return render_md(tables, style);
    return render_text(tables, style);
}

}  // namespace tfm::cli
