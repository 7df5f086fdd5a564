#include "cli.h"

#include "tfm/load/data_directory.h"

#include "tfm/base/text.h"
#include "tfm/base/untrusted_text.h"
#include "tfm/render/csv_table.h"
#include "tfm/render/json_table.h"
#include "tfm/render/md_table.h"
#include "tfm/render/shell_command.h"
#include "tfm/render/text_table.h"

#include <fmt/format.h>

#include <algorithm>

#include <cerrno>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <unistd.h>

namespace tfm::cli {

int run(const GlobalArgs&, std::monostate) { return exit_usage; }

std::vector<std::string> data_directories(const GlobalArgs& g) {
    if (!g.data.empty()) return g.data;
    if (const char* env = std::getenv("TFM_DATA"); env && *env) return {env};
    return {discover_data_directory()};
}

void note_discovered_directory(const GlobalArgs& g) {
    if (!g.data.empty()) return;
    if (const char* env = std::getenv("TFM_DATA"); env && *env) return;
    std::string dir = discover_data_directory();
    if (dir == ".") return;
    std::error_code ec;
    bool hub = std::filesystem::is_regular_file(std::filesystem::path(dir) / "hub.yaml", ec) ||
               std::filesystem::is_regular_file(std::filesystem::path(dir) / "hub.yml", ec);
    fmt::print(stderr, "tfm: records in {} ({})\n", terminal_safe(dir),
               hub ? "the nearest folder with hub.yaml" : "the top of the git work tree; no hub.yaml found");
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
    // 2026 alone: the academic year it starts, as a coordinator means it.
    if (option.size() == 4 && std::all_of(option.begin(), option.end(), [](char c) { return c >= '0' && c <= '9'; }))
        throw UsageError{fmt::format("--year: `{}` is not an academic year; write {}/{:02} (or {}/{:02} for the "
                                     "year ending in {})",
                                     option, option, (std::stoi(option) + 1) % 100, std::stoi(option) - 1,
                                     std::stoi(option) % 100, option)};
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

Workspace::View view_of(const GlobalArgs& g, Date as_of) {
    return !g.as_of.empty() && as_of < Date::today() ? Workspace::View::snapshot
                                                     : Workspace::View::as_written;
}

bool color_on(const GlobalArgs& g, int fd) {
    // Output for a file is never coloured, whatever --color says.
    if (fd == STDOUT_FILENO && !g.output.empty() && g.output != "-") return false;
    if (g.color == "always") return true;
    if (g.color == "never") return false;
    if (const char* nc = std::getenv("NO_COLOR"); nc && *nc) return false;
    if (const char* term = std::getenv("TERM"); term && std::string_view(term) == "dumb") return false;
    return isatty(fd) == 1;
}

Format format_or(const GlobalArgs& g, Format fallback, const std::vector<Format>& accepted) {
    if (g.format.empty()) return fallback;
    auto given = parse_format(g.format);
    for (Format a : accepted)
        if (given && a == *given) return a;
    std::vector<std::string_view> names;
    for (Format a : accepted) names.push_back(name_of(a));
    throw UsageError{fmt::format("--format: this command prints {}, not {}", join_or(names), g.format)};
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

namespace {

std::vector<std::string>& command_words() {
    static std::vector<std::string> words;
    return words;
}

}  // namespace


void remember_command_line(int argc, char** argv) {
    command_words() = {"tfm"};
    for (int i = 1; i < argc; ++i) command_words().emplace_back(argv[i]);
}

Format output_format(const GlobalArgs& g, Format fallback, const std::vector<Format>& accepted) {
    Format format = format_or(g, fallback, accepted);
    // With -o FILE standard output is caught for the file (main.cpp), so no terminal here.
    if (format == Format::xlsx && isatty(STDOUT_FILENO) == 1)
        throw UsageError{"--format xlsx writes a binary workbook, not text for a terminal: give "
                         "-o FILE.xlsx (or redirect standard output to a file)"};
    return format;
}

XlsxCover cover_sheet(const Workspace& workspace, std::string title) {
    XlsxCover cover;
    cover.title = std::move(title);
    for (const auto& h : workspace.records().hubs) cover.hubs.push_back(h.name);
    cover.as_of = workspace.as_of();
    cover.command = shell_command(command_words());
    cover.generator = std::string("tfm ") + TFM_VERSION;
    return cover;
}

bool emit(const GlobalArgs& g, std::string_view text) {
    // The last guard before a terminal (SPEC section 3): whatever the format, no control or
    // format character reaches it raw; only the colours tfm itself chose pass.
    std::string guarded;
    if (isatty(STDOUT_FILENO) == 1) {
        guarded = terminal_output(text, color_on(g, STDOUT_FILENO));
        text = guarded;
    }
    // Through stdio like every other print, so output never comes out of order.
    if (std::fwrite(text.data(), 1, text.size(), stdout) == text.size() && std::fflush(stdout) == 0) return true;
    fmt::print(stderr, "tfm: error: cannot write standard output: {}\n", std::strerror(errno));
    return false;
}

std::string render_tables(const GlobalArgs& g, const std::vector<Table>& tables,
                          Format format, const XlsxCover* cover) {
    std::vector<Table> shown;
    shown.reserve(tables.size());
    for (const auto& t : tables) shown.push_back(for_reader(t, for_people(format)));
    if (format == Format::json) return render_json(shown);
    if (format == Format::csv) return render_csv(shown);
    if (format == Format::xlsx) return render_xlsx(shown, cover ? *cover : XlsxCover{});
    RenderStyle style{color_on(g, STDOUT_FILENO), true};
    if (format == Format::md) return render_md(shown, style);
    return render_text(shown, style);
}

std::string diff_for_stdout(const GlobalArgs& g, std::string_view diff) {
    bool terminal = (g.output.empty() || g.output == "-") && isatty(STDOUT_FILENO) == 1;
    return terminal ? lines_safe(diff) : std::string(diff);
}

std::string lines_safe(std::string_view text) {
    std::string out;
    std::size_t start = 0;
    while (start < text.size()) {
        std::size_t end = text.find('\n', start);
        std::string_view line = text.substr(start, end == std::string_view::npos ? std::string_view::npos : end - start);
        out += terminal_safe(line);
        if (end == std::string_view::npos) break;
        out += '\n';
        start = end + 1;
    }
    return out;
}

}  // namespace tfm::cli
