// tfm: the single place where the command line is parsed and exceptions become exit codes.
#include "cli.h"

#include "tfm/base/untrusted_text.h"

#include <fmt/format.h>

#include <exception>
#include <variant>

using namespace tfm::cli;

int main(int argc, char** argv) {
    Invocation invocation;
    auto app = build_app(invocation);
    try {
        app->parse(argc, argv);
    } catch (const CLI::Success& e) {  // --help, --help-all, --version
        return app->exit(e);
    } catch (const CLI::ParseError& e) {
        fmt::print(stderr, "tfm: error: {}\nRun `tfm --help` for usage.\n", e.what());
        return exit_usage;
    }

    try {
        return std::visit([&](const auto& args) { return run(invocation.global, args); },
                          invocation.command);
    } catch (const UsageError& e) {
        fmt::print(stderr, "tfm: error: {}\n", tfm::terminal_safe(e.message));
        return exit_usage;
    } catch (const std::bad_alloc&) {
        fmt::print(stderr, "tfm: error: out of memory\n");
        return exit_unreadable;
    } catch (const std::exception& e) {
        fmt::print(stderr, "tfm: internal error: {}\n", e.what());
        return 70;
    }
}
