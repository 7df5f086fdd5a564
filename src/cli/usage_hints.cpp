// What a command line that does not parse meant: an unknown command, an unknown option or an
// option value that is not one of its choices, each with the one suggestion function
// (closest_match), instead of CLI11's "A subcommand is required".
#include "cli.h"

#include "tfm/base/untrusted_text.h"

#include <fmt/format.h>

namespace tfm::cli {
namespace {

// The command of `app` named `name`, or null.
const CLI::App* command_named(const CLI::App& app, std::string_view name) {
    for (const CLI::App* c : app.get_subcommands([](const CLI::App*) { return true; }))
        if (c->get_name() == name) return c;
    return nullptr;
}

bool takes_value(const CLI::Option* o) { return o->get_type_size_max() > 0 || o->get_expected_max() > 0; }

// The option of `app` that `word` (`--name`, `--name=value` or `-x`) names, or null.
const CLI::Option* option_named(const CLI::App& app, std::string_view word) {
    std::string name(word.substr(0, word.find('=')));
    for (const CLI::Option* o : app.get_options()) {
        if (o->get_positional()) continue;
        for (const auto& l : o->get_lnames())
            if (name == "--" + l) return o;
        for (const auto& s : o->get_snames())
            if (name == "-" + s) return o;
    }
    return nullptr;
}

// The long options `app` accepts, as written: --name.
std::vector<std::string> option_words(const CLI::App& app) {
    std::vector<std::string> words;
    for (const CLI::Option* o : app.get_options())
        if (!o->get_positional())
            for (const auto& l : o->get_lnames()) words.push_back("--" + l);
    return words;
}

std::string unknown_option(std::string_view word, const std::vector<std::string>& known) {
    std::string name(word.substr(0, word.find('=')));
    std::vector<std::string_view> candidates(known.begin(), known.end());
    std::string hint = did_you_mean(name, candidates);
    return fmt::format("unknown option {}{}", quote_value(name), hint);
}

}  // namespace

std::optional<std::string> usage_hint(const CLI::App& app, const std::vector<std::string>& args) {
    std::vector<std::string> names;
    for (const CLI::App* c : app.get_subcommands([](const CLI::App*) { return true; }))
        if (!c->get_group().empty()) names.push_back(c->get_name());
    std::string commands;
    for (const auto& n : names) commands += (commands.empty() ? "" : ", ") + n;
    // The global options come first, then the command (and a nested one, as in import gias),
    // then its own options and arguments.
    std::vector<const CLI::App*> scope{&app};
    auto known_option = [&](std::string_view w) -> const CLI::Option* {
        for (auto it = scope.rbegin(); it != scope.rend(); ++it)
            if (const CLI::Option* o = option_named(**it, w)) return o;
        return nullptr;
    };
    for (std::size_t i = 0; i < args.size(); ++i) {
        const std::string& w = args[i];
        if (w == "--") return std::nullopt;
        if (w.size() > 1 && w[0] == '-') {
            const CLI::Option* o = known_option(w);
            if (!o) {
                // Short options packed together (-qC dir) are CLI11's to explain.
                if (w.rfind("--", 0) != 0 && w.size() > 2) return std::nullopt;
                std::vector<std::string> known;
                for (const CLI::App* a : scope) {
                    auto more = option_words(*a);
                    known.insert(known.end(), more.begin(), more.end());
                }
                return unknown_option(w, known);
            }
            if (takes_value(o) && w.find('=') == std::string::npos) ++i;
            continue;
        }
        if (const CLI::App* c = command_named(*scope.back(), w)) {
            scope.push_back(c);
            continue;
        }
        auto subs = scope.back()->get_subcommands([](const CLI::App*) { return true; });
        if (scope.size() > 1 && subs.empty()) continue;  // an argument of the command: CLI11's
        if (scope.size() > 1) {  // a command that has commands of its own (import gias)
            names.clear();
            commands.clear();
            for (const CLI::App* c : subs) {
                names.push_back(c->get_name());
                commands += (commands.empty() ? "" : ", ") + c->get_name();
            }
        }
        std::vector<std::string_view> candidates(names.begin(), names.end());
        std::string hint = did_you_mean(w, candidates);
        if (hint.empty()) hint = "; the commands are " + commands;
        return fmt::format("unknown command {}{}", quote_value(w), hint);
    }
    if (scope.size() == 1) return "no command given; the commands are " + commands;
    std::string nested;
    for (const CLI::App* c : scope.back()->get_subcommands([](const CLI::App*) { return true; }))
        nested += (nested.empty() ? "" : ", ") + c->get_name();
    if (!nested.empty()) return fmt::format("`{}` needs a command: {}", scope.back()->get_name(), nested);
    return std::nullopt;
}

}  // namespace tfm::cli
