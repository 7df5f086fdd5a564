// tfm allocate Y [--write]: next year's Work Groups from the accepted offers, printed as a
// table and as the YAML to paste, or added to the year's cohort file.
#include "cli.h"

#include "tfm/analysis/allocation.h"
#include "tfm/base/untrusted_text.h"
#include "tfm/edit/allocation_writer.h"
#include "tfm/render/findings.h"

#include <fmt/format.h>

#include <unistd.h>

namespace tfm::cli {
namespace {

AcademicYear year_argument(const std::string& text) {
    if (auto y = AcademicYear::parse(text)) return *y;
    throw UsageError{fmt::format("`{}` is not an academic year; write it like 2027/28", text)};
}

// Why each school was not placed, on standard error (the --write output is the diff).
void note_unplaced(const GlobalArgs& g, const Allocation& a) {
    if (g.quiet) return;
    for (const auto& u : a.unplaced)
        fmt::print(stderr, "tfm: note: {} {} ({}) not placed: {}\n", u.school->urn, terminal_safe(u.school->name),
                   name_of(u.stage), lines_safe(u.reason));
}

int write_groups(const GlobalArgs& g, const Transaction& tx, const Workspace& ws, const Allocation& a) {
    if (int errors = ws.summary().errors; errors > 0) {
        fmt::print(stderr,
                   "tfm: error: the records have {} error{} (run `tfm check`): Work Groups are written only into "
                   "records that load without errors; nothing was written\n",
                   errors, errors == 1 ? "" : "s");
        return exit_findings;
    }
    note_unplaced(g, a);
    if (a.groups.empty()) {
        if (!g.quiet) fmt::print(stderr, "tfm: no Work Groups to add for {}; nothing was written\n", a.year.str());
        return exit_ok;
    }
    const Records& records = ws.records();
    std::vector<FileEdit> edits;
    std::vector<PendingFile> pending;
    std::string shown;
    for (std::size_t d = 0; d < records.directories.size(); ++d) {
        std::vector<const ProposedGroup*> groups;
        for (const auto& group : a.groups)
            if (std::size_t(group.directory) == d) groups.push_back(&group);
        if (groups.empty()) continue;
        AllocationTarget target = allocation_target(records, d, a.year);
        std::string why = target.problem;
        std::optional<FileEdit> edit;
        if (why.empty()) edit = plan_allocation(tx, target, groups, why);
        if (!edit) {
            fmt::print(stderr, "tfm: error: {}; nothing was written\n", lines_safe(why));
            return exit_findings;
        }
        pending.push_back({target.directory, target.relative, edit->updated});
        edits.push_back(std::move(*edit));
        if (!shown.empty()) shown += ", ";
        shown += target.shown;
    }
    PendingCheck check = check_pending(records.directories, ws, pending, loader_threads());
    // New groups have no participants or dates yet: their warnings are counted, errors shown.
    if (check.errors > 0) {
        Diagnostics errors;
        for (const auto& d : check.added)
            if (d.severity == Severity::error) errors.push_back(d);
        FindingsStyle style{color_on(g, STDERR_FILENO), g.quiet, &check.unwritten};
        fmt::print(stderr, "{}", render_findings_text(check.after->records(), errors, style));
        return refuse_errors(check, "the Work Groups");
    }
    if (check.warnings > 0 && !g.quiet)
        fmt::print(stderr,
                   "tfm: note: the new Work Groups have {} warning{} until their participants and dates are "
                   "added (tfm check lists them; tfm plan COHORT proposes dates)\n",
                   check.warnings, check.warnings == 1 ? "" : "s");
    return commit_edits(g, tx, edits,
                        fmt::format("{} Work Group{} for {} into {}", a.groups.size(),
                                    a.groups.size() == 1 ? "" : "s", a.year.str(), shown));
}

}  // namespace

void define(CLI::App& sub, AllocateArgs& args) {
    sub.add_option("year", args.year, "The academic year the Work Groups are for")->required()->type_name("YYYY/YY");
    sub.add_flag("--write", args.write, "Add the proposed Work Groups to the year's cohort file");
    sub.add_flag("--dry-run", args.dry_run, "Print what --write would change, as a diff; write nothing");
}

int run(const GlobalArgs& g, const AllocateArgs& args) {
    const bool write = args.write || args.dry_run;
    Format format = write ? format_or(g, Format::yaml, {Format::yaml})
                          : output_format(g, Format::table,
                                          {Format::table, Format::text, Format::csv, Format::json, Format::md, Format::xlsx});
    AcademicYear year = year_argument(args.year);
    Date as_of = as_of_date(g);
    std::optional<Transaction> tx;
    if (write) tx = begin_writing(g, args.dry_run, "tfm allocate --write " + year.str());
    Workspace ws(load_data(g), as_of, write ? Workspace::View::as_written : view_of(g, as_of));
    if (print_fatal(ws.fatal())) return exit_unreadable;
    Allocation a = allocate(ws.records(), ws.index(), ws.journeys(), year, as_of);
    if (write) return write_groups(g, *tx, ws, a);
    std::vector<Table> tables = {allocation_table(a), unplaced_table(a)};
    XlsxCover cover = cover_sheet(ws, fmt::format("Work Groups proposed for {}", year.str()));
    std::string text = render_tables(g, tables, format, &cover);
    if (format == Format::table || format == Format::text) {
        std::string yaml = allocation_yaml(a);
        if (!yaml.empty())
            text += fmt::format("\n# Paste into the year's cohort file, or run `tfm allocate {} --write`.\n{}",
                                year.str(), yaml);
    }
    if (!emit(g, text)) return exit_findings;
    return report_exit_status(ws);
}

}  // namespace tfm::cli
