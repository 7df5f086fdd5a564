// The command line: the command table, CLI11 filling the structs of options.h, one
// define() and run() per command, and the helpers commands share. The only code with CLI11.
#pragma once

#include "options.h"

#include "tfm/analysis/workspace.h"
#include "tfm/base/date.h"
#include "tfm/load/load.h"
#include "tfm/base/table.h"
#include "tfm/render/xlsx_workbook.h"

#include "tfm/render/output_format.h"
#include "tfm/edit/pending_check.h"
#include "tfm/edit/transaction.h"

#include <CLI/CLI.hpp>

#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace tfm::cli {

// Exit statuses of every command (SPEC sections 4 and 6).
inline constexpr int exit_ok = 0;
inline constexpr int exit_findings = 1;
inline constexpr int exit_usage = 2;
inline constexpr int exit_unreadable = 3;

// Raised for a usage error found after parsing (a bad date, a format a command lacks).
struct UsageError {
    std::string message;
};

// The global options as a command's help names them in its "Global options" line.
namespace global {
inline constexpr std::string_view data = "-C/--data DIR";
inline constexpr std::string_view as_of = "--as-of YYYY-MM-DD";
inline constexpr std::string_view format = "--format";
inline constexpr std::string_view color = "--color auto|always|never";
inline constexpr std::string_view quiet = "-q/--quiet";
}  // namespace global

// What `--help` says after a command's options, in three parts (see help_footer).
struct Help {
    std::string about;                      // what it does and prints; may end in a blank line
    std::vector<std::string_view> globals;  // the global options it reads (global::…)
    std::string_view exit_status;           // its exit statuses, after "Exit status: "
};
// The footer: `about`, then "Global options (see tfm --help): …" wrapped at 90 columns, then
// a blank line and "Exit status: …"; a part left empty is left out.
std::string help_footer(const Help& help);

struct Command {
    std::string_view name;
    std::string_view summary;  // its line in `tfm --help`; empty hides it (tfm man)
    CommandArgs args;          // the options struct it fills: its alternative, defaulted
    Help help;
    std::string_view writes = {};  // how it changes records (`plan --write`), empty when it never does
};
// Every command in the order `tfm --help` lists them.
const std::vector<Command>& commands();
// "plan --write, log, enrol, withdraw, init, import gias --write": the commands that change
// records, from the table.
std::string writing_commands();

// The whole command line, built once by main; completion and man page generators read it.
// Parsing fills `invocation` (the chosen command's options replace its std::monostate).
std::unique_ptr<CLI::App> build_app(Invocation& invocation);
const CLI::App& the_app();
// An option that takes one of `values`: checked by CLI11, listed by completions and man page.
CLI::Option* with_choices(CLI::Option* option, std::vector<std::string> values);
const std::vector<std::string>* choices_of(const CLI::Option* option);

// Shared helpers for commands.
// -o/--output FILE, bound to `target`.
std::vector<std::string> data_directories(const GlobalArgs& g);  // -C, else TFM_DATA, else .
Date as_of_date(const GlobalArgs& g);  // --as-of, else today
// A snapshot when --as-of is before today (report, gaps, schedule, journey, register): logs
// dated after it are left out as not yet written. `check` always sees every record.
Workspace::View view_of(const GlobalArgs& g, Date as_of);
// The date given to the option `name` (a usage error if it is not one).
Date date_option(std::string_view name, const std::string& text);
unsigned loader_threads();  // TFM_THREADS, else 0: every core
// --year as given, else `fallback` (the year containing --as-of).
AcademicYear year_or(const std::string& option, AcademicYear fallback);
bool color_on(const GlobalArgs& g, int fd);
Format format_or(const GlobalArgs& g, Format fallback, const std::vector<Format>& accepted);

// Prints why data directories could not be read; true when one could not (exit 3).
bool print_fatal(const std::vector<std::string>& fatal);
// The records tree of -C/--data (or TFM_DATA, or .), loaded on loader_threads().
LoadResult load_data(const GlobalArgs& g);
// After printing a report: tells stderr about errors and returns the exit status.
int report_exit_status(const Workspace& workspace);
// --format checked against what the command prints (format_or); xlsx is refused when it would
// go to a terminal: a workbook is binary (a usage error, exit 2).
Format output_format(const GlobalArgs& g, Format fallback, const std::vector<Format>& accepted);
// The tables in `format`, as its audience reads them (for_reader; colour only for a terminal, never for -o FILE); xlsx needs `cover`
// (cover_sheet).
std::string render_tables(const GlobalArgs& g, const std::vector<Table>& tables,
                          Format format, const XlsxCover* cover = nullptr);
// The xlsx cover sheet: `title`, the hubs, --as-of and the command line as given.
XlsxCover cover_sheet(const Workspace& workspace, std::string title);
// Writes what a command prints to standard output (which -o FILE catches, main.cpp); false
// with a message on stderr when it cannot. On a terminal, whatever the format, it goes
// through terminal_output first, keeping only the colours `g` asks for.
bool emit(const GlobalArgs& g, std::string_view text);
// Text from the records (a diff, a message naming files) made safe for a terminal line by
// line: control and bidirectional characters escaped (terminal_safe), line breaks kept.
std::string lines_safe(std::string_view text);
// A writer's diff for standard output: as it is (CR and all, so `patch` can apply it) into a
// file, a pipe or -o; each line terminal_safe only when standard output is a terminal.
std::string diff_for_stdout(const GlobalArgs& g, std::string_view diff);
// The command line, remembered by main for the cover sheet.
void remember_command_line(int argc, char** argv);

// Record writers (log, enrol, withdraw), in checked_write.cpp.
// Raised when a writer cannot begin (another writer keeps the lock): already reported, exit 1.
struct WriterRefused {};
// The transaction of a writer, begun before the records are read; empty when a data directory
// cannot be read (loading reports it, exit 3). Throws WriterRefused when the lock is not had.
std::optional<Transaction> begin_writing(const GlobalArgs& g, bool dry_run, std::string command, bool asks = false);
// The cohort `id`, else a usage error (with a hint when its record has errors).
// With neither -C nor TFM_DATA, when the records are not in the current directory, one line
// to stderr saying where they are: "tfm: records in ../.. (the nearest folder with hub.yaml)",
// so paths in messages (relative to that folder) read right.
void note_discovered_directory(const GlobalArgs& g);

// What a command line that did not parse meant, when it is an unknown command or option:
// "unknown command `reprot`; did you mean `report`?". Empty when CLI11's message says it.
std::optional<std::string> usage_hint(const CLI::App& app, const std::vector<std::string>& args);

// What a look-up that found nothing most likely meant, for its message, or "":
// "; did you mean 107329 Moorside Primary School?" (a URN one slip away, or names that match
// once punctuation is ignored: several joined with ", or "), "; did you mean `jsmith` (Jo
// Smith)?" for a lead or cohort whose id or name is closest.
std::string schools_meant(const Records& records, std::string_view query);
// A query that is a URN with no record of its own but that a school names as its predecessor:
// the school that continues it today (its journey and page are that school's), and `note`
// says so: "999999 has no record; it is the predecessor of 150433 Siddal Bank Academy".
const School* continued_without_record(const Records& records, const Index& index, std::string_view query,
                                       std::string& note);
// The journey of the one school `query` names for `journey` and `handover` (a URN or part
// of a name; a predecessor's URN, with or without a record of its own, leads to the school
// that continues it, which stderr notes unless -q: "… its {what} follows"). When no school
// or several match, says so on stderr and returns null with the exit status in `status`.
const Journey* school_journey(const GlobalArgs& g, const Workspace& workspace, std::string_view query,
                              std::string_view what, int& status);
std::string lead_meant(const Records& records, std::string_view id);
std::string cohort_meant(const Records& records, std::string_view id);

// The cohort with this id; else a usage error naming the closest id (or the broken record).
const Cohort& cohort_or_usage(const Workspace& workspace, const std::string& id);
// The school with this URN; else a usage error ("{what}: no school has the URN 180001; did
// you mean 108001 St Peter's Primary?", without "{what}: " when it is empty), so an unknown
// URN is said before anything else.
const School& school_or_usage(const Records& records, Urn urn, std::string_view what);
// For a school that is not in `cohort`: " (it is in Bradford Development A, brad-dev-2026a)"
// naming its cohorts of the same year, else "".
std::string member_elsewhere(const Index& index, Urn urn, const Cohort& cohort);
// The lead id a --lead value names: a lead's id, or a lead's name as names compare (`Jo
// Smith`); else a usage error with the closest id, name, or a lead whose name has that word.
std::string lead_or_usage(const Records& records, const std::string& given, std::string_view option);
// An edit as a file the loader reads instead of the disk (`directory`: its data directory).
PendingFile pending_file(const Records& records, const FileEdit& edit, std::size_t directory);
// The records checked with `file` as it will be; the findings it brings printed to stderr.
PendingCheck check_edit(const GlobalArgs& g, const Workspace& before, const PendingFile& file);
// Says that `what` was not written because of check.errors; returns exit 1.
int refuse_errors(const PendingCheck& check, std::string_view what);
// Commits the edit (or prints its diff with a dry run) and says "wrote `what`"; the exit status.
int commit_edit(const GlobalArgs& g, const Transaction& tx, const FileEdit& edit, std::string_view what);
// The same for edits of several files, written as one change.
int commit_edits(const GlobalArgs& g, const Transaction& tx, const std::vector<FileEdit>& edits,
                 std::string_view what);

// Each command: define() adds its options to its CLI11 subcommand, bound to the struct;
// run() does the work and returns the exit status. main dispatches with one std::visit.
int run(const GlobalArgs& g, std::monostate);  // no command: a usage error
void define(CLI::App& sub, CheckArgs& args);
int run(const GlobalArgs& g, const CheckArgs& args);
void define(CLI::App& sub, ReportArgs& args);
int run(const GlobalArgs& g, const ReportArgs& args);
void define(CLI::App& sub, GapsArgs& args);
int run(const GlobalArgs& g, const GapsArgs& args);
void define(CLI::App& sub, AllocateArgs& args);
int run(const GlobalArgs& g, const AllocateArgs& args);
void define(CLI::App& sub, OffersArgs& args);
int run(const GlobalArgs& g, const OffersArgs& args);
void define(CLI::App& sub, ScheduleArgs& args);
int run(const GlobalArgs& g, const ScheduleArgs& args);
void define(CLI::App& sub, PlanArgs& args);
int run(const GlobalArgs& g, const PlanArgs& args);
void define(CLI::App& sub, LogArgs& args);
int run(const GlobalArgs& g, const LogArgs& args);
void define(CLI::App& sub, EnrolArgs& args);
int run(const GlobalArgs& g, const EnrolArgs& args);
void define(CLI::App& sub, WithdrawArgs& args);
int run(const GlobalArgs& g, const WithdrawArgs& args);
void define(CLI::App& sub, JourneyArgs& args);
int run(const GlobalArgs& g, const JourneyArgs& args);
void define(CLI::App& sub, HandoverArgs& args);
int run(const GlobalArgs& g, const HandoverArgs& args);
void define(CLI::App& sub, RegisterArgs& args);
int run(const GlobalArgs& g, const RegisterArgs& args);
void define(CLI::App& sub, CompletionArgs& args);
int run(const GlobalArgs& g, const CompletionArgs& args);
void define(CLI::App& sub, InitArgs& args);
int run(const GlobalArgs& g, const InitArgs& args);
void define(CLI::App& sub, ImportArgs& args);  // and its commands: import gias
int run(const GlobalArgs& g, const ImportArgs& args);
int run_gias_links(const GlobalArgs& g, const GiasArgs& args);  // import gias --links
void define(CLI::App& sub, SchemaArgs& args);
int run(const GlobalArgs& g, const SchemaArgs& args);
void define(CLI::App& sub, ManArgs& args);  // hidden: regenerates man/tfm.1
int run(const GlobalArgs& g, const ManArgs& args);

}  // namespace tfm::cli
