// The command table: every command's name, summary, options struct and help footer, in the
// order `tfm --help` lists them. build_app, completions and the man page all read it.
#include "cli.h"

#include "tfm/rules/rules.h"

#include <fmt/format.h>

namespace tfm::cli {
namespace {

// check lists the rules, with the same words as the man page's RULES section. Its footer
// opens and (with its exit status) closes with a blank line, as tests/cli/check-help expects.
std::string check_about() {
    std::string out = "\nRules (switch one off in hub.rules.off; yaml/, schema/, ref/ and file/ always apply):\n";
    for (const auto& r : rule_table())
        out += fmt::format("  {:<27} {:<8} {}\n", r.name, severity_name(r.severity), r.summary);
    return out;
}

// The global options of every command that reads records and prints a table.
const std::vector<std::string_view> reading_globals = {global::data, global::as_of, global::format,
                                                       global::color, global::quiet};

std::vector<Command> command_list() {
    return {
        {"check", "Validate every record and journey against the rules", CheckArgs{},
         {check_about(),
          {global::data, global::as_of, "--format text|json", global::color, global::quiet},
          "0 no errors, 1 errors (or warnings with --strict), 2 usage error,\n"
          "3 data directory unreadable.\n"}},
        {"report", "The hub's summary: stages, reach, patterns, characteristics, cohorts, leads", ReportArgs{},
         {"Sections: summary, stages, reach, patterns, characteristics, cohorts, leads, progression.\n"
          "Formats (--format): table (default), csv, json, md, xlsx (-o FILE), html. html is one\n"
          "self-contained page (inline CSS and SVG charts, no scripts, printable on A4)\n"
          "with a summary of tfm gaps when every section is shown.",
          reading_globals,
          "0 report printed, 1 printed but the records have errors (run tfm\n"
          "check), 2 usage error, 3 data directory unreadable."}},
        {"gaps", "What needs attention: gaps, lapsed schools, missing visits, overdue logs", GapsArgs{},
         {"Kinds: gaps, lapsed, attendance, visits, overdue, sustaining_visits, year_groups,\n"
          "agendas, agenda_due (meetings in the next 14 days without a published timed\n"
          "agenda), offers (schools due an offer for next year with none recorded, from\n"
          "1 January; offers still `offered` a month after their date), never_engaged (prospects: in text and md only with --all, never a\n"
          "finding). Text, md and csv print only kinds with rows (csv labels each row with\n"
          "its kind in a first column, table); json and xlsx print every kind.\n"
          "hub.rules.off takes gaps/<kind> to switch a kind off.\n"
          "Formats (--format): table (default), csv, json, md, xlsx (-o FILE).",
          reading_globals,
          "0 printed (even with findings), 1 findings with --fail-on-findings or\n"
          "records with errors, 2 usage error, 3 data directory unreadable."}},
        {"offers", "Schools due an offer for next year, with their next stage, answer and contacts",
         OffersArgs{},
         {"Lists every school whose latest engagement ends the year before (finishing) or\n"
          "earlier (lapsed) and that is not already in a Work Group of the year, with its last\n"
          "stage, year and status, its next stage (a withdrawn or incomplete school is due its\n"
          "stage again), its offer's status (none when there is none yet) and its contacts: the\n"
          "school's email and its maths lead's name and email (staff with role maths_lead).\n"
          "A school already in a Work Group of the year is listed only when it has an offer.\n"
          "--all adds the never-engaged schools of the hub's areas (prospects).\n"
          "Formats (--format): table (default), csv, json, md, xlsx (-o FILE); csv and xlsx\n"
          "have one row per school, fit for a mail merge.",
          reading_globals,
          "0 printed, 1 printed but the records have errors, 2 usage error,\n"
          "3 data directory unreadable."}},
        {"allocate", "Propose next year's Work Groups from the accepted offers; --write adds them",
         AllocateArgs{},
         {"Groups the schools that accepted an offer for year Y (offers dated up to --as-of) and\n"
          "are not yet in a Work Group of Y: one stage and phase per group, schools of one area\n"
          "together (an area with fewer than hub.rules.cohort_size min schools joins the smallest\n"
          "other area of the stage), sizes within cohort_size and as even as possible, a specialist\n"
          "lead within lead_load (the schools' previous lead first, then one who led the stage in\n"
          "the area, then the least loaded) on their usual weekday, ids in the hub's style.\n"
          "Prints the groups, the schools it could not place with the reason, and (table and\n"
          "text) the YAML to paste. --write adds the groups to cohorts/YYYY-YY.yaml (or the file\n"
          "listing the year's cohorts), checked with every rule first (an error refuses it).\n"
          "Formats (--format): table (default), csv, json, md, xlsx (-o FILE).",
          {global::data, global::as_of, global::format, global::quiet},
          "0 proposed (or written), 1 refused or the records have errors, 2 usage error,\n"
          "3 data directory unreadable."}, "allocate --write"},
        {"schedule", "Planned and logged meetings and visits in a date range (also as iCalendar)",
         ScheduleArgs{},
         {"Each row is marked done (logged), due, or overdue (passed with no log).\n"
          "Formats (--format): table (default), csv, json, md, xlsx (-o FILE), ics (RFC 5545\n"
          "calendar).",
          reading_globals,
          "0 printed, 1 printed but the records have errors, 2 usage error,\n"
          "3 data directory unreadable."}},
        {"plan", "Propose a cohort's meeting and visit dates; --write puts them in its file", PlanArgs{},
         {"Keeps every logged and planned date, and fills the rest of the year after --as-of:\n"
          "a meeting in each half-term without one, on the cohort's weekday (Tuesday if it has\n"
          "none), within hub.rules.meeting_gap_weeks of the kept dates, inside hub.terms (or the\n"
          "default windows); for stages with visits, one visit per school per term. Never a date\n"
          "that has passed, a weekend, a bank holiday in England, the Christmas break (20 December\n"
          "to 3 January), a day in hub.closed, or a time at which the lead is booked elsewhere.\n"
          "Prints what it kept and what it adds.\n"
          "--write adds the new dates to the cohort's lists, keeping every other line and\n"
          "comment of the file, and writes atomically.",
          {global::data, global::as_of, global::quiet},
          "0 proposed (or written), 1 refused (the file cannot be edited) or the records\n"
          "have errors, 2 usage error or unknown cohort, 3 data directory unreadable."}, "plan --write"},
        {"log", "Record a meeting or visit that took place (asks on a terminal)", LogArgs{},
         {"Defaults come from the plan: the date is the latest planned meeting up to --as-of\n"
          "without a log; times, mode and agenda are the planned meeting's (else the cohort's);\n"
          "every school of the Work Group attends with all its participants. --present URN=A,B\n"
          "says who came from a school, --present URN all its participants, --present all every\n"
          "school; --absent URN a school that did not come. On a terminal with no --present or\n"
          "--absent it asks, one question at a time: Enter takes what is offered, `<` goes back,\n"
          "Tab completes, Ctrl-C writes nothing. The log goes into the file holding the cohort's\n"
          "latest log, else sessions/YYYY-YY/COHORT.yaml, keeping every other line of it. It is\n"
          "checked with every rule first: an error refuses it; a warning is shown (and asked\n"
          "about on a terminal).",
          {global::data, global::as_of, global::quiet},
          "0 written, 1 refused (an error, a file that cannot be edited, or cancelled),\n"
          "2 usage error or unknown cohort, 3 data directory unreadable."}, "log"},
        {"enrol", "Add a school to a Work Group", EnrolArgs{},
         {"Appends {urn, participants} to the cohort's schools list in its own file, in the list's\n"
          "style, after checking the result with every rule (an error refuses it).",
          {global::data, global::as_of, global::quiet},
          "0 written, 1 refused, 2 usage error or unknown cohort, 3 data directory unreadable."}, "enrol"},
        {"withdraw", "Record that a school left a Work Group", WithdrawArgs{},
         {"Sets the school's status: withdrawn, withdrawn_on: DATE and (with --reason) reason in the\n"
          "cohort's own file, after checking the result with every rule (an error refuses it).",
          {global::data, global::as_of, global::quiet},
          "0 written, 1 refused, 2 usage error or unknown cohort, 3 data directory unreadable."}, "withdraw"},
        {"journey", "One school's timeline through the programme", JourneyArgs{},
         {"Formats (--format): table (default), csv, json, md, xlsx (-o FILE).", reading_globals,
          "0 printed, 1 no such school (or the records have errors),\n"
          "2 usage error or a name that matches several schools, 3 data directory unreadable."}},
        {"handover", "One school's page for a new maths lead or a visit", HandoverArgs{},
         {"Its journey (predecessors included), who took part and whether they are still at the\n"
          "school, the year groups its Work Groups observed, attendance, its next stage and next\n"
          "year's Work Groups of that stage in its area, and its contacts.\n"
          "Formats (--format): table (default), csv, json, md, xlsx (-o FILE), html (one A4 page).",
          reading_globals,
          "0 printed, 1 no such school (or the records have errors),\n"
          "2 usage error or a name that matches several schools, 3 data directory unreadable."}},
        {"register", "A Work Group's attendance register: each school and participant at each meeting",
         RegisterArgs{},
         {"Marks: present, absent, not yet a member (before its joined_on, or without one before\n"
          "the first log that lists the school), withdrawn (from its withdrawn_on), not expected\n"
          "(someone not listed, at a meeting they did not come to). Totals per school and per meeting; schools below the\n"
          "completion threshold (hub.rules.completion) are marked.\n"
          "Formats (--format): table (default), csv, json, md, xlsx (-o FILE), html (one A4 page).",
          reading_globals,
          "0 printed, 1 printed but the records have errors, 2 usage error or\n"
          "unknown cohort, 3 data directory unreadable."}},
        {"completion", "Print a shell completion script (bash, zsh or fish)", CompletionArgs{},
         {"Examples:\n  tfm completion bash > ~/.local/share/bash-completion/completions/tfm\n"
          "  tfm completion zsh > \"${fpath[1]}/_tfm\"\n"
          "  tfm completion fish > ~/.config/fish/completions/tfm.fish",
          {},
          {}}},
        {"init", "Create a new records repository with commented samples", InitArgs{},
         {"Writes hub.yaml, leads.yaml, schools/leeds.yaml, a sample cohort and its session log,\n"
          "a README for the coordinator, hooks/pre-commit (runs tfm check) and .gitignore.\n"
          "Refuses to overwrite any existing file.",
          {},
          "0 created, 1 a file already exists or cannot be written, 2 usage error."}, "init"},
        {"import", "School records from GIAS: print them, or --write them into the tree", ImportArgs{},
         {"Sources: gias (the Get Information About Schools establishment extract).\n"
          "Run `tfm import gias --help` for its options.",
          {},
          {}}, "import gias --write"},
        {"schema", "Print a JSON Schema of the record format, for editors", SchemaArgs{},
         {"Save it beside the records and point your editor at it, e.g. with the YAML\n"
          "language server: a first line `# yaml-language-server: $schema=tfm.schema.json`.\n"
          "  tfm schema > tfm.schema.json",
          {},
          {}}},
        {"man", "", ManArgs{}, {}},
    };
}

}  // namespace

std::string help_footer(const Help& help) {
    std::string out = help.about;
    if (!help.globals.empty()) {
        constexpr std::size_t width = 90;
        std::string line = "Global options (see tfm --help):";
        for (std::size_t i = 0; i < help.globals.size(); ++i) {
            std::string item = fmt::format("{}{}", help.globals[i], i + 1 == help.globals.size() ? "." : ",");
            if (line.size() + 1 + item.size() > width) {
                out += "\n" + line;
                line = item;
            } else {
                line += " " + item;
            }
        }
        out += "\n" + line;
    }
    if (!help.exit_status.empty()) out += fmt::format("\n\nExit status: {}", help.exit_status);
    return out;
}

const std::vector<Command>& commands() {
    static const std::vector<Command> list = command_list();
    return list;
}

std::string writing_commands() {
    std::string out;
    for (const auto& c : commands())
        if (!c.writes.empty()) out += (out.empty() ? "" : ", ") + std::string(c.writes);
    return out;
}

}  // namespace tfm::cli
