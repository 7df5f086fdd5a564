// The command line: plain option structs filled by CLI11, one run function per command.
#pragma once

#include "tfm/analysis/workspace.h"
#include "tfm/base/date.h"
#include "tfm/load/load.h"
#include "tfm/render/table.h"

#include <CLI/CLI.hpp>

#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace tfm::cli {

// Exit statuses of every command (SPEC sections 4 and 6).
inline constexpr int exit_ok = 0;
inline constexpr int exit_findings = 1;
inline constexpr int exit_usage = 2;
inline constexpr int exit_unreadable = 3;

struct GlobalOptions {
    std::vector<std::string> data;   // -C/--data, repeatable
    std::string as_of;               // --as-of YYYY-MM-DD
    std::string format;              // --format; each command says which it accepts
    std::string color = "auto";      // --color auto|always|never
    bool quiet = false;              // -q/--quiet
};

// Raised for a usage error found after parsing (a bad date, a format a command lacks).
struct UsageError {
    std::string message;
};

struct Command {
    std::string_view name;
    std::string_view summary;
    void (*define)(CLI::App& sub);       // adds the command's own options
    int (*run)(const GlobalOptions& g);  // returns the exit status
};

const std::vector<Command>& commands();

// The whole command line, built once by main; completion and man page generators read it.
std::unique_ptr<CLI::App> build_app(GlobalOptions& g, const Command*& chosen);
const CLI::App& the_app();
// An option that takes one of `values`: checked by CLI11, listed by completions and man page.
CLI::Option* with_choices(CLI::Option* option, std::vector<std::string> values);
const std::vector<std::string>* choices_of(const CLI::Option* option);

// Shared helpers for commands.
std::vector<std::string> data_directories(const GlobalOptions& g);  // -C, else TFM_DATA, else .
Date as_of_date(const GlobalOptions& g);  // --as-of, else today
// The date given to the option `name` (a usage error if it is not one).
Date date_option(std::string_view name, const std::string& text);
unsigned loader_threads();  // TFM_THREADS, else 0: every core
// --year as given, else `fallback` (the year containing --as-of).
AcademicYear year_or(const std::string& option, AcademicYear fallback);
bool color_on(const GlobalOptions& g, int fd);
std::string format_or(const GlobalOptions& g, std::string_view fallback,
                      const std::vector<std::string_view>& accepted);

// Prints why data directories could not be read; true when one could not (exit 3).
bool print_fatal(const std::vector<std::string>& fatal);
// The records tree of -C/--data (or TFM_DATA, or .), loaded on loader_threads().
LoadResult load_data(const GlobalOptions& g);
// After printing a report: tells stderr about errors and returns the exit status.
int report_exit_status(const Workspace& workspace);
std::string render_tables(const GlobalOptions& g, const std::vector<Table>& tables,
                          std::string_view format);

// check
void define_check(CLI::App& sub);
int run_check(const GlobalOptions& g);

// report
void define_report(CLI::App& sub);
int run_report(const GlobalOptions& g);

// gaps
void define_gaps(CLI::App& sub);
int run_gaps(const GlobalOptions& g);

// schedule
void define_schedule(CLI::App& sub);
int run_schedule(const GlobalOptions& g);

// plan
void define_plan(CLI::App& sub);
int run_plan(const GlobalOptions& g);

// completion
void define_completion(CLI::App& sub);
int run_completion(const GlobalOptions& g);

// schema
void define_schema(CLI::App& sub);
int run_schema(const GlobalOptions& g);

// init
void define_init(CLI::App& sub);
int run_init(const GlobalOptions& g);

// man (hidden: regenerates man/tfm.1)
void define_man(CLI::App& sub);
int run_man(const GlobalOptions& g);

// journey
void define_journey(CLI::App& sub);
int run_journey(const GlobalOptions& g);

// import gias
void define_import(CLI::App& sub);
int run_import(const GlobalOptions& g);

}  // namespace tfm::cli
