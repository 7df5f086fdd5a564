// tfm import gias FILE.csv [--area NAME…] [--phase PHASE…] [--write DIR]: school records
// from the Get Information About Schools establishment extract.
#include "cli.h"
#include "gias_file.h"

#include "tfm/base/atomic_file.h"
#include "tfm/edit/gias_import.h"
#include "tfm/edit/gias_yaml.h"
#include "tfm/base/text.h"
#include "tfm/base/untrusted_text.h"

#include <fmt/format.h>

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <optional>
#include <system_error>

namespace fs = std::filesystem;

namespace tfm::cli {
namespace {

std::string phase_words(const std::vector<Phase>& phases) {
    std::string out;
    for (std::size_t i = 0; i < phases.size(); ++i) {
        if (i > 0) out += i + 1 == phases.size() ? " and " : ", ";
        out += name_of(phases[i]);
    }
    return out;
}

bool same_directory(const std::string& a, const std::string& b) {
    std::error_code ec1, ec2;
    auto ca = fs::weakly_canonical(a, ec1), cb = fs::weakly_canonical(b, ec2);
    if (ec1 || ec2) return fs::path(a).lexically_normal() == fs::path(b).lexically_normal();
    return ca == cb;
}

Help gias_help() {
    return {"Reads the GIAS establishment extract (edubasealldata.csv or a download from\n"
            "get-information-schools.service.gov.uk): RFC 4180 CSV, each field read as UTF-8 when\n"
            "it is valid UTF-8 and as Windows-1252 otherwise; rows may end in CRLF, LF or CR. A\n"
            "control character, a field mixing the two or a UTF-16 file refuses the file, naming\n"
            "its line. Columns\n"
            "used: URN, EstablishmentName, LA (name), PhaseOfEducation (name), EstablishmentStatus\n"
            "(name) (all required), TypeOfEstablishment (name) and Trusts (name).\n\n"
            "Keeps open establishments (status Open, or Open, but proposed to close) of the chosen\n"
            "areas and phases. Phases: Primary and Middle deemed primary are primary; Secondary and\n"
            "Middle deemed secondary are secondary; All-through is all_through; a special school\n"
            "type is special; nurseries, 16 plus and the rest are left out. A row whose URN is not\n"
            "six digits is skipped with a warning naming its line.\n\n"
            "Without --write it prints a `schools:` list (YAML) on standard output and a count on\n"
            "standard error. With --write DIR it adds new schools to schools/AREA.yaml (created\n"
            "when missing; schools/AREA-gias.yaml when that file does not end with a `schools:`\n"
            "list), replaces just the name or area of known schools where they stand, keeps every\n"
            "other field, line and comment, writes each file atomically and prints what changed.\n"
            "Known schools GIAS lists as closed are noted, never removed. Nothing is written when\n"
            "a record file has YAML errors or a value to change spans several lines.\n\n"
            "--links FILE.csv reads the links extract instead (links.csv: URN, LinkURN, LinkType\n"
            "required, LinkName and LinkEstablishedDate used; read as the establishment extract is).\n"
            "A row whose LinkType starts with Predecessor says LinkURN is URN's predecessor; one\n"
            "starting with Successor says LinkURN replaced URN. For each known school that replaced\n"
            "another it prints the `predecessor` to add (a school keeps those it names; a second\n"
            "makes a list); --write DIR adds them in place. A link that would make the chain of\n"
            "predecessors loop is refused with a warning; a known school replaced by one the\n"
            "records lack is noted. The records are -C/--data (or TFM_DATA, or the current folder)\n"
            "without --write.\n",
            {"-C/--data DIR (the hub's areas)", global::quiet},
            "0 printed or written (also when nothing changed), 1 refused or the CSV\n"
            "unreadable (missing file or column, a quote never closed), 2 usage error, 3 data\n"
            "directory unreadable."};
}

// The records tree: the one to write, else -C/--data or TFM_DATA for the hub's areas; none
// when neither is given.
std::vector<std::string> records_directories(const GlobalArgs& g, const GiasArgs& args) {
    if (!args.write.empty()) {
        if (!g.data.empty() && !(g.data.size() == 1 && same_directory(g.data[0], args.write)))
            throw UsageError{fmt::format("--write {} names the records directory; do not also give -C/--data {}",
                                         args.write, fmt::join(g.data, " -C "))};
        return {args.write};
    }
    if (!g.data.empty() || std::getenv("TFM_DATA")) return data_directories(g);
    return {};
}

// --phase in the order given, each once; primary when none is.
std::vector<Phase> chosen_phases(const GiasArgs& args) {
    std::vector<Phase> phases;
    for (const auto& p : args.phases)
        if (auto ph = parse_enum<Phase>(p); ph && std::find(phases.begin(), phases.end(), *ph) == phases.end())
            phases.push_back(*ph);
    if (phases.empty()) phases.push_back(Phase::primary);
    return phases;
}

// The areas of the extract's establishments, as GIAS spells them, in first-seen order.
std::vector<std::string> areas_of(const gias::Extract& extract) {
    std::vector<std::string> known_areas;
    for (const auto& e : extract.establishments)
        if (std::none_of(known_areas.begin(), known_areas.end(), [&](const std::string& a) { return a == e.area; }))
            known_areas.push_back(e.area);
    return known_areas;
}

// An area no establishment is in is a typo, most likely.
void warn_unknown_areas(const gias::Selection& selection, const std::vector<std::string>& known_areas,
                        const std::string& file) {
    std::vector<std::string_view> candidates(known_areas.begin(), known_areas.end());
    for (const auto& a : selection.areas) {
        if (std::any_of(known_areas.begin(), known_areas.end(), [&](const std::string& k) { return gias::same_area(k, a); }))
            continue;
        std::string hint = did_you_mean(a, candidates);
        fmt::print(stderr, "tfm: warning: {}: no establishment is in the area {}{}\n", terminal_safe(file), quote_value(a),
                   hint);
    }
}

// "tfm: N open primary establishments in AREAS (FILE, ENCODING)", areas as the hub spells
// them, else as GIAS does.
void print_count(std::size_t count, const std::vector<Phase>& phases, const gias::Selection& selection,
                 const std::vector<std::string>& known_areas, const std::string& file,
                 const gias::Extract& extract) {
    std::vector<std::string> shown;
    for (const auto& a : selection.areas) {
        std::string name = gias::area_spelling(selection, a);
        if (name == a)
            for (const auto& k : known_areas)
                if (gias::same_area(k, a)) name = k;
        shown.push_back(name);
    }
    std::string where = shown.empty() ? "every area" : fmt::format("{}", fmt::join(shown, ", "));
    fmt::print(stderr, "tfm: {} open {} establishment{} in {} ({}, {})\n", count, phase_words(phases),
               count == 1 ? "" : "s", terminal_safe(where), terminal_safe(file), extract.encoding);
}

// --write: the edit of the tree, its notes, and what changed.
int write_into(const GlobalArgs& g, const GiasArgs& args, const Transaction& tx, const LoadResult& tree,
               const gias::Extract& extract, const gias::Selection& selection) {
    auto result = gias::import_into(tx, args.write, tree, extract, selection);
    if (!g.quiet)
        for (const auto& n : result.notes) fmt::print(stderr, "tfm: note: {}\n", terminal_safe(n));
    if (result.refused) {
        for (const auto& e : result.errors) fmt::print(stderr, "tfm: error: {}\n", terminal_safe(e));
        if (result.files.empty()) fmt::print(stderr, "tfm: nothing was written\n");
        return exit_findings;
    }
    if (args.dry_run) {
        fmt::print("{}", diff_for_stdout(g, result.diff));
        if (!g.quiet) fmt::print(stderr, "tfm: a dry run: nothing was written\n");
        return exit_ok;
    }
    fmt::print("{}", gias::summary_text(result));
    return exit_ok;
}

int run_gias(const GlobalArgs& g, const GiasArgs& args) {
    if (!args.links.empty()) {
        if (!args.file.empty())
            throw UsageError{fmt::format("give either the establishment extract ({}) or --links {}, not both",
                                         args.file, args.links)};
        return run_gias_links(g, args);
    }
    if (args.file.empty()) throw UsageError{"import gias needs a file: tfm import gias FILE.csv (or --links FILE.csv)"};
    format_or(g, Format::yaml, {Format::yaml});
    bool write = !args.write.empty();
    if (args.dry_run && !write) throw UsageError{"--dry-run goes with --write DIR"};
    std::vector<std::string> directories = records_directories(g, args);
    std::vector<Phase> phases = chosen_phases(args);
    auto extract = read_gias_file<gias::Extract>(args.file, gias::read_extract);
    if (!extract) return exit_findings;

    LoadResult tree;
    gias::Selection selection;
    selection.phases = phases;
    // A writer holds the records directory's lock from before it reads the records.
    // (An unreadable directory is reported by loading, as for every command.)
    std::optional<Transaction> tx;
    if (write && std::filesystem::is_directory(args.write)) {
        std::string problem;
        tx = Transaction::begin(args.write, WriteSettings{args.dry_run, "tfm import gias --write " + args.write},
                                problem);
        if (!tx) {
            fmt::print(stderr, "tfm: error: {}\n", lines_safe(problem));
            return exit_findings;
        }
    }
    if (!directories.empty()) {
        tree = load_tree(directories);
        if (print_fatal(tree.fatal)) return exit_unreadable;
        for (const auto& hub : tree.records.hubs)
            for (const auto& a : hub.areas) selection.spellings.push_back(a);
    }
    if (!args.areas.empty()) {
        selection.areas = gias::split_areas(args.areas, *extract);
    } else {
        selection.areas = selection.spellings;
        if (write && selection.areas.empty())
            throw UsageError{fmt::format("the hub in {} lists no `areas`; choose them with --area NAME", args.write)};
    }
    std::vector<std::string> known_areas = areas_of(*extract);
    warn_unknown_areas(selection, known_areas, args.file);

    auto chosen = gias::select(*extract, selection);
    if (!g.quiet) print_count(chosen.size(), phases, selection, known_areas, args.file, *extract);
    if (!write) {
        return emit(g, gias::schools_yaml(chosen, selection)) ? exit_ok : exit_findings;
    }
    return write_into(g, args, *tx, tree, *extract, selection);
}

}  // namespace

void define(CLI::App& sub, ImportArgs& args) {
    sub.require_subcommand(1);
    CLI::App* gias = sub.add_subcommand("gias", "School records from a GIAS establishment extract (CSV)");
    GiasArgs& o = args.gias;
    gias->add_option("file", o.file, "The extract: GIAS's establishment CSV download")->type_name("FILE.csv");
    gias->add_option("--links", o.links,
                     "Read GIAS's links extract instead: set `predecessor` on known schools that replaced "
                     "another establishment")
        ->type_name("FILE.csv");
    gias->add_option("--area", o.areas,
                     "Local authorities (LA) to keep, ignoring case (repeatable or comma-separated; "
                     "default: the hub's areas)")
        ->type_name("NAME")
        ->expected(1)
        ->multi_option_policy(CLI::MultiOptionPolicy::TakeAll);
    with_choices(gias->add_option("--phase", o.phases,
                                  "Phases to keep (repeatable or comma-separated; default: primary)"),
                 {"primary", "secondary", "all_through", "special"})
        ->type_name("PHASE")
        ->delimiter(',')
        ->expected(1)
        ->multi_option_policy(CLI::MultiOptionPolicy::TakeAll);
    gias->add_option("--write", o.write,
                     "Update the records in DIR: add new schools, refresh names and areas of known ones")
        ->type_name("DIR");
    gias->add_flag("--dry-run", o.dry_run, "With --write: print the changes as a diff; write nothing");
    gias->footer(help_footer(gias_help()));
    // Runs before the import command's own callback, which copies `args` out.
    gias->callback([&args] { args.gias_chosen = true; });
}

int run(const GlobalArgs& g, const ImportArgs& args) {
    if (args.gias_chosen) return run_gias(g, args.gias);
    throw UsageError{"import needs a source: tfm import gias FILE.csv"};
}

}  // namespace tfm::cli
