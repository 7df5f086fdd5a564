// tfm: the single place where the command line is parsed and exceptions become exit codes.
#include "cli.h"

#include <fmt/format.h>

#include <exception>

using namespace tfm::cli;

int main(int argc, char** argv) {
    CLI::App app{"tfm: Teaching for Mastery records for a Maths Hub", "tfm"};
    app.set_version_flag("--version", std::string("tfm ") + TFM_VERSION);
    app.require_subcommand(1, 1);
    app.fallthrough();
    app.footer("Run `tfm COMMAND --help` for a command's options.");

    GlobalOptions g;
    app.add_option("-C,--data", g.data, "Records directory (repeatable; default $TFM_DATA or .)")
        ->type_name("DIR");
    app.add_option("--as-of", g.as_of, "Date to judge statuses against (default today)")
        ->type_name("YYYY-MM-DD");
    app.add_option("--format", g.format, "Output format (each command lists its own)")
        ->type_name("FORMAT");
    app.add_option("--color", g.color, "Colour: auto (terminal, no NO_COLOR), always, never")
        ->check(CLI::IsMember({"auto", "always", "never"}))
        ->type_name("WHEN");
    app.add_flag("-q,--quiet", g.quiet, "Less output: no notes or summary lines");

    const Command* chosen = nullptr;
    for (const auto& c : commands()) {
        CLI::App* sub = app.add_subcommand(std::string(c.name), std::string(c.summary));
        c.define(*sub);
        sub->callback([&chosen, &c] { chosen = &c; });
    }

    try {
        app.parse(argc, argv);
    } catch (const CLI::CallForHelp& e) {
        return app.exit(e);
    } catch (const CLI::CallForAllHelp& e) {
        return app.exit(e);
    } catch (const CLI::CallForVersion& e) {
        return app.exit(e);
    } catch (const CLI::ParseError& e) {
        fmt::print(stderr, "tfm: error: {}\nRun `tfm --help` for usage.\n", e.what());
        return exit_usage;
    }

    try {
        return chosen ? chosen->run(g) : exit_usage;
    } catch (const UsageError& e) {
        fmt::print(stderr, "tfm: error: {}\n", e.message);
        return exit_usage;
    } catch (const std::bad_alloc&) {
        fmt::print(stderr, "tfm: error: out of memory\n");
        return exit_unreadable;
    } catch (const std::exception& e) {
        fmt::print(stderr, "tfm: internal error: {}\n", e.what());
        return 70;
    }
}
