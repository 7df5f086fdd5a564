// tfm: the single place where the command line is parsed and exceptions become exit codes.
#include "cli.h"

#include "tfm/base/atomic_file.h"
#include "tfm/base/output_file.h"
#include "tfm/base/stdout_capture.h"
#include "tfm/model/record_format.h"
#include "tfm/yaml/yaml_tree.h"
#include "tfm/base/untrusted_text.h"

#include <fmt/format.h>

#include <exception>
#include <filesystem>
#include <variant>

#if defined(__GLIBC__)
#include <malloc.h>
#endif

using namespace tfm::cli;

namespace {

// Runs the chosen command, turning its exceptions into exit statuses.
int run_command(const Invocation& invocation) {
    try {
        return std::visit([&](const auto& args) { return run(invocation.global, args); },
                          invocation.command);
    } catch (const WriterRefused&) {
        return exit_findings;
    } catch (const UsageError& e) {
        fmt::print(stderr, "tfm: error: {}\n", tfm::terminal_safe(e.message));
        return exit_usage;
    } catch (const std::bad_alloc&) {
        fmt::print(stderr, "tfm: error: out of memory\n");
        return exit_unreadable;
    } catch (const std::exception& e) {
        fmt::print(stderr, "tfm: internal error: {}\n", lines_safe(e.what()));
        return 70;
    }
}

// Whether `path` is an existing YAML file holding records (a top-level key of the format):
// -o must never replace one, whatever the command (records change only through writers).
bool is_record_file(const std::string& path) {
    std::string ext = std::filesystem::path(path).extension().string();
    if (ext != ".yaml" && ext != ".yml") return false;
    std::string text, problem;
    if (!tfm::read_file(path, text, problem)) return false;
    if (text.rfind("\xEF\xBB\xBF", 0) == 0) text.erase(0, 3);
    for (const auto& doc : tfm::yaml::parse(text).documents) {
        if (doc.nodes.empty() || doc.nodes[doc.root].kind != tfm::yaml::Kind::mapping) continue;
        const auto& root = doc.nodes[doc.root];
        auto entries = doc.children(root);
        for (std::size_t i = 0; i < entries.size(); i += 2)
            for (const auto& k : tfm::top_level_keys())
                if (doc.nodes[entries[i]].value == k.key) return true;
    }
    return false;
}

// Whether `path` is a .yaml or .yml file inside a data directory (new or not): the loader
// would read it as records, so -o never writes one there.
bool in_records_tree(const std::string& path, const GlobalArgs& g) {
    namespace fs = std::filesystem;
    std::string ext = fs::path(path).extension().string();
    if (ext != ".yaml" && ext != ".yml") return false;
    std::error_code ec;
    fs::path file = fs::weakly_canonical(fs::absolute(path, ec), ec);
    if (ec) return false;
    for (const auto& dir : data_directories(g)) {
        fs::path top = fs::weakly_canonical(fs::absolute(dir, ec), ec);
        if (ec) continue;
        fs::path rel = file.lexically_relative(top);
        if (!rel.empty() && *rel.begin() != "..") return true;
    }
    return false;
}

// -o FILE: the command's standard output, caught whole, is written once the command has run
// (write_output: atomically for a regular file, into a pipe or device as a redirection
// would). A usage error or an unreadable data directory leaves FILE as it was.
int run_into(const Invocation& invocation, const std::string& output) {
    if (is_record_file(output) || in_records_tree(output, invocation.global)) {
        fmt::print(stderr,
                   "tfm: error: -o {} would {} (tfm reads every .yaml and .yml file in the data directory); tfm "
                   "changes records only through its writing commands ({}): choose another file\n",
                   tfm::terminal_safe(output),
                   is_record_file(output) ? "replace a file of records" : "add a YAML file to the records",
                   writing_commands());
        return exit_usage;
    }
    tfm::StdoutCapture capture;
    if (!capture.active()) {
        fmt::print(stderr, "tfm: error: cannot make a temporary file for -o {}\n", tfm::terminal_safe(output));
        return exit_unreadable;
    }
    int status = run_command(invocation);
    std::string text = capture.finish();
    if (status == exit_usage || status == exit_unreadable) return status;
    std::string problem;
    if (!tfm::write_output(output, text, problem)) {
        fmt::print(stderr, "tfm: error: cannot write {}: {}\n", tfm::terminal_safe(output), problem);
        return status == exit_ok ? exit_findings : status;
    }
    return status;
}

}  // namespace

int main(int argc, char** argv) {
#if defined(__GLIBC__)
    // One malloc arena for every thread. The loading threads' records live until the end,
    // so an arena per thread only leaves each thread's freed parse trees as holes beside
    // them: about 3 MB more peak memory per 20 MB of YAML, for no speed (SPEC section 7).
    mallopt(M_ARENA_MAX, 1);
#endif
    remember_command_line(argc, argv);
    Invocation invocation;
    auto app = build_app(invocation);
    try {
        app->parse(argc, argv);
    } catch (const CLI::Success& e) {  // --help, --help-all, --version
        return app->exit(e);
    } catch (const CLI::ParseError& e) {
        // An unknown command or option is named, with the closest one, before CLI11's words.
        auto hint = usage_hint(*app, std::vector<std::string>(argv + 1, argv + argc));
        // The help of the command that was chosen (`tfm withdraw --help`), else tfm's own.
        std::string help = "tfm";
        for (const CLI::App* at = app.get(); !at->get_subcommands().empty();) {
            at = at->get_subcommands().front();
            help += " " + at->get_name();
        }
        help += " --help";
        fmt::print(stderr, "tfm: error: {}\nRun `{}` for usage.\n", lines_safe(hint ? *hint : e.what()), help);
        return exit_usage;
    }
    const std::string& output = invocation.global.output;
    if (output.empty() || output == "-") return run_command(invocation);
    return run_into(invocation, output);
}
