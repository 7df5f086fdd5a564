// What the command line says, as plain structs: the global options and one struct per
// command. CLI11 fills them (each command's define()); run() reads them; nothing else
// knows they came from a command line.
#pragma once

#include <string>
#include <variant>
#include <vector>

namespace tfm::cli {

struct GlobalArgs {
    std::vector<std::string> data;   // -C/--data, repeatable
    std::string as_of;               // --as-of YYYY-MM-DD
    std::string format;              // --format; each command says which it accepts
    std::string color = "auto";      // --color auto|always|never
    bool quiet = false;              // -q/--quiet
    std::string output;              // -o/--output FILE; empty or -: standard output
};

struct CheckArgs {
    bool strict = false;  // --strict: warnings fail too
};

struct ReportArgs {
    std::string year;                   // --year YYYY/YY; empty: the year of --as-of
    std::vector<std::string> sections;  // --section; empty: all
};

struct GapsArgs {
    std::string year;               // --year YYYY/YY; empty: the year of --as-of
    bool fail_on_findings = false;  // --fail-on-findings
    bool all = false;               // --all: the never-engaged prospects in the table too
};

struct OffersArgs {
    std::string year;  // --year YYYY/YY; empty: the year after the one of --as-of
    bool all = false;  // --all: the never-engaged schools of the hub's areas too
};

struct AllocateArgs {
    std::string year;      // YYYY/YY
    bool write = false;    // --write
    bool dry_run = false;  // --dry-run: print the diff of --write, write nothing
};

struct ScheduleArgs {
    std::string from, to;  // --from, --to YYYY-MM-DD; empty: --as-of and six weeks on
    std::string cohort;    // --cohort ID
    std::string lead;      // --lead ID
    std::string school;    // --school URN|NAME
    std::string audience;  // --audience teachers|maths_leads
    std::string year_group;  // --year-group Y3
};

struct PlanArgs {
    std::string cohort;    // COHORT
    bool write = false;    // --write
    bool dry_run = false;  // --dry-run: print the diff of --write, write nothing
};

struct LogArgs {
    std::string cohort;                // COHORT
    std::string date;                  // --date; not given: the planned meeting waiting for its log
    bool date_given = false;           // --date was given (an empty one is a usage error)
    std::string type = "meeting";      // --type meeting|visit|audit_visit|cpd
    std::string school;                // --school URN: the school visited
    std::vector<std::string> present;  // --present URN[=NAME,…] or all, repeatable
    std::vector<std::string> absent;   // --absent URN, repeatable
    std::string start, end;            // --start/--end HH:MM; empty: the plan's
    std::string mode;                  // --mode in_person|online; empty: the plan's
    bool dry_run = false;              // --dry-run: print the diff, write nothing
};

struct EnrolArgs {
    std::string cohort;        // COHORT
    std::string school;        // URN
    std::string participants;  // --participants "A, B"
    std::string on;            // --on DATE; empty: --as-of
    bool dry_run = false;
};

struct WithdrawArgs {
    std::string cohort;  // COHORT
    std::string school;  // URN
    std::string on;      // --on DATE (required)
    std::string reason;  // --reason TEXT
    bool dry_run = false;
};

struct JourneyArgs {
    std::string school;  // URN|NAME
};

struct HandoverArgs {
    std::string school;  // URN|NAME
};

struct RegisterArgs {
    std::string cohort;  // COHORT
};

struct CompletionArgs {
    std::string shell;  // bash|zsh|fish
};

struct InitArgs {
    std::string directory = ".";  // DIR
    bool dry_run = false;         // --dry-run: print the files as a diff, write nothing
};

struct GiasArgs {
    std::string file;                 // FILE.csv (the establishment extract)
    std::string links;                // --links FILE.csv: the links extract instead
    std::vector<std::string> areas;   // --area NAME…; empty: the hub's areas
    std::vector<std::string> phases;  // --phase PHASE…; empty: primary
    std::string write;                // --write DIR; empty: print the records
    bool dry_run = false;             // --dry-run: with --write, print the diff, write nothing
};

struct ImportArgs {
    bool gias_chosen = false;  // `tfm import gias …` was given
    GiasArgs gias;
};

struct SchemaArgs {};
struct ManArgs {};

// The options of the command given; std::monostate until one is parsed.
using CommandArgs = std::variant<std::monostate, CheckArgs, ReportArgs, GapsArgs, ScheduleArgs, PlanArgs,
                                 JourneyArgs, HandoverArgs, RegisterArgs, CompletionArgs, InitArgs, ImportArgs, SchemaArgs, ManArgs,
                                 LogArgs, EnrolArgs, WithdrawArgs, OffersArgs, AllocateArgs>;

// A whole command line: the global options and the chosen command's.
struct Invocation {
    GlobalArgs global;
    CommandArgs command;
};

}  // namespace tfm::cli
