// The command-line definition: global options and every command, built once. main parses
// with it; `tfm completion` and `tfm man` read it, so they never drift from what parses.
#include "cli.h"

#include "tfm/base/text.h"
#include "tfm/base/untrusted_text.h"

#include <fmt/format.h>

#include <map>
#include <memory>
#include <type_traits>
#include <variant>

namespace tfm::cli {
namespace {

std::map<const CLI::Option*, std::vector<std::string>>& choice_registry() {
    static std::map<const CLI::Option*, std::vector<std::string>> registry;
    return registry;
}

CLI::App*& app_pointer() {
    static CLI::App* app = nullptr;
    return app;
}

}  // namespace

CLI::Option* with_choices(CLI::Option* option, std::vector<std::string> values) {
    // CLI11's IsMember as help shows it, with our message: the choices and the closest one.
    CLI::IsMember member(values);
    CLI::Validator choice(
        [values](std::string& given) -> std::string {
            for (const auto& v : values)
                if (v == given) return "";
            std::vector<std::string_view> candidates(values.begin(), values.end());
            std::string hint = did_you_mean(given, candidates);
            std::string list;
            for (const auto& v : values) list += (list.empty() ? "" : ", ") + v;
            return fmt::format("{} is not one of {}{}", quote_value(given), list, hint);
        },
        member.get_description(), member.get_name());
    option->check(choice);
    choice_registry()[option] = std::move(values);
    return option;
}

const std::vector<std::string>* choices_of(const CLI::Option* option) {
    auto it = choice_registry().find(option);
    return it == choice_registry().end() ? nullptr : &it->second;
}

namespace {

// CLI11's help with the option column padded by display width, not bytes, so that an option
// spelled with `…` or a non-ASCII letter lines up with the rest.
class WidthFormatter : public CLI::Formatter {
public:
    std::string make_option(const CLI::Option* opt, bool is_positional) const override {
        std::string name = "  " + make_option_name(opt, is_positional) + make_option_opts(opt);
        std::string description = make_option_desc(opt);
        std::size_t column = get_column_width(), width = display_width(name);
        std::string out = name;
        if (!description.empty()) {
            out += width >= column ? "\n" + std::string(column, ' ') : std::string(column - width, ' ');
            for (char c : description) {
                out += c;
                if (c == '\n') out += std::string(column, ' ');
            }
        }
        return out + "\n";
    }
};

}  // namespace

std::unique_ptr<CLI::App> build_app(Invocation& invocation) {
    auto app = std::make_unique<CLI::App>("tfm: Teaching for Mastery records for a Maths Hub", "tfm");
    app->formatter(std::make_shared<WidthFormatter>());
    app->set_version_flag("--version", std::string("tfm ") + TFM_VERSION, "Print the version and exit");
    app->require_subcommand(1, 1);
    app->fallthrough();
    app->footer("Run `tfm COMMAND --help` for a command's options; `man tfm` for everything.\n"
                "Environment: TFM_DATA (the records directory when -C is not given), NO_COLOR,\n"
                "TFM_THREADS (threads that load files; default one per core).");
    GlobalArgs& g = invocation.global;
    app->add_option("-C,--data", g.data, "Records directory (repeatable; default $TFM_DATA or .)")
        ->type_name("DIR");
    app->add_option("--as-of", g.as_of, "Date to judge statuses against (default today); earlier than today, reports leave out logs, withdrawals and joinings dated after it")
        ->type_name("YYYY-MM-DD");
    with_choices(app->add_option("--format", g.format, "Output format (each command lists its own)"),
                 std::vector<std::string>(format_names().begin(), format_names().end()))
        ->type_name("FORMAT");
    with_choices(app->add_option("--color", g.color, "Colour: auto (terminal, no NO_COLOR), always, never"),
                 {"auto", "always", "never"})
        ->type_name("WHEN");
    app->add_flag("-q,--quiet", g.quiet, "Less output: no notes or summary lines");
    app->add_option("-o,--output", g.output,
                    "Write standard output to FILE instead (atomically for a file; -: standard output)")
        ->type_name("FILE");
    for (const auto& c : commands()) {
        CLI::App* sub = app->add_subcommand(std::string(c.name), std::string(c.summary));
        if (c.summary.empty()) sub->group("");  // hidden from help and completions
        // Each command's options struct lives as long as its subcommand, which binds to it;
        // the chosen one is copied out once parsed.
        auto args = std::make_shared<CommandArgs>(c.args);
        std::visit(
            [sub](auto& a) {
                if constexpr (!std::is_same_v<std::decay_t<decltype(a)>, std::monostate>) define(*sub, a);
            },
            *args);
        // A command without a footer shows tfm's own (CLI11 inherits it).
        if (std::string footer = help_footer(c.help); !footer.empty()) sub->footer(footer);
        sub->callback([&invocation, args] { invocation.command = *args; });
    }
    app_pointer() = app.get();
    return app;
}

const CLI::App& the_app() { return *app_pointer(); }

}  // namespace tfm::cli
