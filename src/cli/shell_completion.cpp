// tfm completion bash|zsh|fish: scripts generated from the parsed command-line definition.
#include "cli.h"

#include <fmt/format.h>

namespace tfm::cli {
namespace {

struct OptionInfo {
    std::vector<std::string> names;  // "-C", "--data"
    std::string description;
    bool takes_value = false;
    std::string type_name;
    std::vector<std::string> choices;
    bool positional = false;
};

std::vector<OptionInfo> options_of(const CLI::App& app) {
    std::vector<OptionInfo> out;
    for (const CLI::Option* o : app.get_options()) {
        OptionInfo info;
        for (const auto& s : o->get_snames()) info.names.push_back("-" + s);
        for (const auto& l : o->get_lnames()) info.names.push_back("--" + l);
        info.positional = info.names.empty();
        if (info.positional) info.names.push_back(o->get_name(true));
        info.description = o->get_description();
        info.takes_value = o->get_expected_min() > 0 || info.positional;
        info.type_name = o->get_type_name();
        if (auto colon = info.type_name.find(':'); colon != std::string::npos)
            info.type_name.resize(colon);  // CLI11 appends ":{a,b}" for IsMember
        if (const auto* c = choices_of(o)) info.choices = *c;
        out.push_back(info);
    }
    return out;
}

std::vector<const CLI::App*> visible_commands() {
    std::vector<const CLI::App*> out;
    for (const CLI::App* sub : the_app().get_subcommands([](const CLI::App*) { return true; }))
        if (!sub->get_group().empty()) out.push_back(sub);
    return out;
}

// The commands of a command (import → gias).
std::vector<const CLI::App*> nested_commands(const CLI::App* c) {
    return c->get_subcommands([](const CLI::App*) { return true; });
}

std::string join(const std::vector<std::string>& words, std::string_view sep = " ") {
    return fmt::format("{}", fmt::join(words, sep));
}

std::string single_quoted(std::string_view s) {
    std::string out = "'";
    for (char c : s) {
        if (c == '\'') out += "'\\''";
        else out += c;
    }
    return out + "'";
}

bool is_directory_option(const OptionInfo& o) { return o.type_name == "DIR"; }
bool is_file_option(const OptionInfo& o) { return o.type_name == "FILE" || o.type_name == "FILE.csv"; }

std::string bash_script() {
    auto globals = options_of(the_app());
    auto commands = visible_commands();
    std::vector<std::string> command_names, global_words;
    for (const auto* c : commands) command_names.push_back(c->get_name());
    for (const auto& o : globals)
        for (const auto& n : o.names) global_words.push_back(n);

    std::string value_cases;
    auto add_value_case = [&](const OptionInfo& o) {
        if (!o.takes_value || o.positional) return;
        std::string action;
        if (!o.choices.empty()) action = fmt::format("COMPREPLY=($(compgen -W {} -- \"$cur\"))", single_quoted(join(o.choices)));
        else if (is_directory_option(o)) action = "COMPREPLY=($(compgen -d -- \"$cur\"))";
        else if (is_file_option(o)) action = "COMPREPLY=($(compgen -f -- \"$cur\"))";
        else action = "COMPREPLY=()";
        std::string pattern = join(o.names, "|");
        if (value_cases.find("        " + pattern + ")") != std::string::npos) return;
        value_cases += fmt::format("        {}) {}; return ;;\n", pattern, action);
    };
    for (const auto& o : globals) add_value_case(o);
    std::string command_cases;
    for (const auto* c : commands) {
        if (auto nested = nested_commands(c); !nested.empty()) {
            // `tfm import gias …`: the command's commands, then the chosen one's options.
            std::string cases;
            std::vector<std::string> names;
            for (const auto* n : nested) {
                names.push_back(n->get_name());
                std::vector<std::string> words;
                bool files = false;
                for (const auto& o : options_of(*n)) {
                    add_value_case(o);
                    if (o.positional) files = files || is_file_option(o);
                    else words.insert(words.end(), o.names.begin(), o.names.end());
                }
                cases += fmt::format(
                    "                *\" {} \"*) COMPREPLY=($(compgen -W {} -- \"$cur\")){} ;;\n", n->get_name(),
                    single_quoted(join(words) + " " + join(global_words)),
                    files ? "; [[ $cur == -* ]] || COMPREPLY+=($(compgen -f -- \"$cur\"))" : "");
            }
            command_cases += fmt::format(
                "        {})\n            case \" ${{COMP_WORDS[*]:1:COMP_CWORD-1}} \" in\n{}"
                "                *) COMPREPLY=($(compgen -W {} -- \"$cur\")) ;;\n            esac ;;\n",
                c->get_name(), cases, single_quoted(join(names)));
            continue;
        }
        std::vector<std::string> words;
        std::vector<std::string> positional_choices;
        for (const auto& o : options_of(*c)) {
            add_value_case(o);
            if (o.positional) {
                for (const auto& v : o.choices) positional_choices.push_back(v);
                continue;
            }
            for (const auto& n : o.names) words.push_back(n);
        }
        command_cases += fmt::format(
            "        {}) COMPREPLY=($(compgen -W {} -- \"$cur\")) ;;\n", c->get_name(),
            single_quoted(join(words) + " " + join(global_words) +
                          (positional_choices.empty() ? "" : " " + join(positional_choices))));
    }
    return fmt::format(R"(# bash completion for tfm; generated by `tfm completion bash`.
# Install: tfm completion bash > ~/.local/share/bash-completion/completions/tfm
_tfm() {{
    local cur prev cmd i
    cur="${{COMP_WORDS[COMP_CWORD]}}"
    prev="${{COMP_WORDS[COMP_CWORD-1]}}"
    cmd=""
    for ((i = 1; i < COMP_CWORD; i++)); do
        case "${{COMP_WORDS[i]}}" in
            {}) cmd="${{COMP_WORDS[i]}}"; break ;;
        esac
    done
    case "$prev" in
{}    esac
    case "$cmd" in
        "") COMPREPLY=($(compgen -W {} -- "$cur")) ;;
{}    esac
}}
complete -F _tfm tfm
)",
                       join(command_names, "|"), value_cases,
                       single_quoted(join(command_names) + " " + join(global_words)), command_cases);
}

std::string zsh_escape(std::string_view s) {
    std::string out;
    for (char c : s) {
        if (c == '[' || c == ']' || c == ':' || c == '\\') out += '\\';
        if (c == '\'') {
            out += "'\\''";
            continue;
        }
        out += c;
    }
    return out;
}

std::string zsh_spec(const OptionInfo& o) {
    std::string action;
    if (o.takes_value) {
        if (!o.choices.empty()) action = fmt::format(":{}:({})", zsh_escape(o.type_name), join(o.choices));
        else if (is_directory_option(o)) action = ":directory:_directories";
        else if (is_file_option(o)) action = ":file:_files";
        else action = fmt::format(":{}: ", zsh_escape(o.type_name.empty() ? "value" : o.type_name));
    }
    std::string desc = zsh_escape(o.description);
    bool repeat = o.names.size() && (o.names.back() == "--data" || o.names.back() == "--section");
    if (o.names.size() == 1)
        return fmt::format("'{}{}[{}]{}'", repeat ? "*" : "", o.names[0], desc, action);
    return fmt::format("'{}'{{{}}}'[{}]{}'", repeat ? "*" : "", join(o.names, ","), desc, action);
}

std::string zsh_script() {
    std::string out = "#compdef tfm\n# zsh completion for tfm; generated by `tfm completion zsh`.\n"
                      "# Install: tfm completion zsh > \"${fpath[1]}/_tfm\"\n\n_tfm() {\n"
                      "    local -a commands\n    commands=(\n";
    for (const auto* c : visible_commands())
        out += fmt::format("        '{}:{}'\n", c->get_name(), zsh_escape(c->get_description()));
    out += "    )\n    local -a globals\n    globals=(\n";
    for (const auto& o : options_of(the_app())) out += "        " + zsh_spec(o) + "\n";
    out += "    )\n    _arguments -C $globals '1: :->command' '*:: :->args'\n"
           "    case $state in\n        command) _describe 'tfm command' commands ;;\n"
           "        args)\n            case $words[1] in\n";
    for (const auto* c : visible_commands()) {
        out += fmt::format("                {}) _arguments $globals", c->get_name());
        int position = 1;
        // A command with commands of its own: their names first, then their options.
        auto nested = nested_commands(c);
        std::vector<OptionInfo> options = options_of(*c);
        if (!nested.empty()) {
            std::vector<std::string> names;
            options.clear();
            for (const auto* n : nested) {
                names.push_back(n->get_name());
                for (const auto& o : options_of(*n))
                    if (!o.positional || nested.size() == 1) options.push_back(o);
            }
            out += fmt::format(" '{}:command:({})'", position++, join(names));
        }
        for (const auto& o : options) {
            if (o.names.front() == "-h" || o.names.front() == "--help") continue;
            if (o.positional) {
                std::string action = o.choices.empty() ? " " : fmt::format("({})", join(o.choices));
                if (is_file_option(o)) action = "_files";
                out += fmt::format(" '{}:{}:{}'", position++, zsh_escape(o.type_name.empty() ? o.names[0] : o.type_name), action);
            } else {
                out += " " + zsh_spec(o);
            }
        }
        out += " ;;\n";
    }
    out += "            esac ;;\n    esac\n}\n\n_tfm \"$@\"\n";
    return out;
}

std::string fish_script() {
    std::string out = "# fish completion for tfm; generated by `tfm completion fish`.\n"
                      "# Install: tfm completion fish > ~/.config/fish/completions/tfm.fish\n"
                      "complete -c tfm -f\n";
    std::vector<std::string> names;
    for (const auto* c : visible_commands()) names.push_back(c->get_name());
    auto option_line = [&](const OptionInfo& o, const std::string& condition) {
        std::string line = "complete -c tfm";
        if (!condition.empty()) line += " -n " + single_quoted(condition);
        for (const auto& n : o.names) {
            if (n.rfind("--", 0) == 0) line += " -l " + n.substr(2);
            else line += " -s " + n.substr(1);
        }
        if (o.takes_value) {
            if (!o.choices.empty()) line += " -x -a " + single_quoted(join(o.choices));
            else if (is_directory_option(o)) line += " -x -a '(__fish_complete_directories)'";
            else if (is_file_option(o)) line += " -r -F";
            else line += " -x";
        }
        line += " -d " + single_quoted(o.description);
        return line + "\n";
    };
    for (const auto& o : options_of(the_app())) out += option_line(o, "");
    for (const auto* c : visible_commands()) {
        out += fmt::format("complete -c tfm -n '__fish_use_subcommand' -a {} -d {}\n", c->get_name(),
                           single_quoted(c->get_description()));
        std::string cond = "__fish_seen_subcommand_from " + c->get_name();
        std::vector<OptionInfo> options = options_of(*c);
        if (auto nested = nested_commands(c); !nested.empty()) {
            std::vector<std::string> names;
            for (const auto* n : nested) names.push_back(n->get_name());
            options.clear();
            for (const auto* n : nested) {
                out += fmt::format("complete -c tfm -n {} -a {} -d {}\n",
                                   single_quoted(cond + "; and not __fish_seen_subcommand_from " + join(names)),
                                   n->get_name(), single_quoted(n->get_description()));
                for (const auto& o : options_of(*n)) {
                    if (o.names.front() == "-h") continue;
                    std::string ncond = cond + "; and __fish_seen_subcommand_from " + n->get_name();
                    if (o.positional) {
                        if (is_file_option(o)) out += fmt::format("complete -c tfm -n {} -F\n", single_quoted(ncond));
                        continue;
                    }
                    out += option_line(o, ncond);
                }
            }
        }
        for (const auto& o : options) {
            if (o.names.front() == "-h") continue;
            if (o.positional) {
                if (!o.choices.empty())
                    out += fmt::format("complete -c tfm -n {} -a {}\n", single_quoted(cond), single_quoted(join(o.choices)));
                else if (is_file_option(o))
                    out += fmt::format("complete -c tfm -n {} -F\n", single_quoted(cond));
                continue;
            }
            out += option_line(o, cond);
        }
    }
    return out;
}

}  // namespace

void define(CLI::App& sub, CompletionArgs& args) {
    with_choices(sub.add_option("shell", args.shell, "The shell: bash, zsh or fish"), {"bash", "zsh", "fish"})
        ->required()
        ->type_name("SHELL");
}

int run(const GlobalArgs&, const CompletionArgs& args) {
    if (args.shell == "bash") fmt::print("{}", bash_script());
    else if (args.shell == "zsh") fmt::print("{}", zsh_script());
    else fmt::print("{}", fish_script());
    return exit_ok;
}

}  // namespace tfm::cli
