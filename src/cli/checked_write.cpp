// The last steps every record writer of the command line shares (log, enrol, withdraw): the
// records checked as they will be, the findings the change brings shown with their lines, and
// the commit or, with --dry-run, the diff.
#include "cli.h"

#include "tfm/base/text.h"
#include "tfm/render/findings.h"

#include <fmt/format.h>

#include <filesystem>
#include <unistd.h>

namespace fs = std::filesystem;

namespace tfm::cli {

PendingFile pending_file(const Records& records, const FileEdit& edit, std::size_t directory) {
    std::string relative = fs::path(edit.path).lexically_relative(records.directories[directory]).generic_string();
    return {directory, relative, edit.updated};
}

PendingCheck check_edit(const GlobalArgs& g, const Workspace& before, const PendingFile& file) {
    PendingCheck check = check_pending(before.records().directories, before, {file}, loader_threads());
    if (!check.added.empty()) {
        FindingsStyle style{color_on(g, STDERR_FILENO), g.quiet, &check.unwritten};
        fmt::print(stderr, "{}", render_findings_text(check.after->records(), check.added, style));
    }
    return check;
}

int refuse_errors(const PendingCheck& check, std::string_view what) {
    fmt::print(stderr, "tfm: error: {} was not written: it would bring {} error{} (above)\n", what, check.errors,
               check.errors == 1 ? "" : "s");
    return exit_findings;
}

int commit_edit(const GlobalArgs& g, const Transaction& tx, const FileEdit& edit, std::string_view what) {
    return commit_edits(g, tx, {edit}, what);
}

int commit_edits(const GlobalArgs& g, const Transaction& tx, const std::vector<FileEdit>& edits,
                 std::string_view what) {
    WriteOutcome outcome = tx.commit(edits);
    if (!outcome.ok) {
        fmt::print(stderr, "tfm: error: {}\n", lines_safe(outcome.problem));
        return exit_findings;
    }
    if (tx.settings().dry_run) {
        fmt::print("{}", diff_for_stdout(g, outcome.diff));
        if (!g.quiet) fmt::print(stderr, "tfm: would write {} (a dry run: nothing written)\n", lines_safe(what));
        return exit_ok;
    }
    if (!g.quiet) fmt::print(stderr, "tfm: wrote {}\n", lines_safe(what));
    return exit_ok;
}

std::optional<Transaction> begin_writing(const GlobalArgs& g, bool dry_run, std::string command, bool asks) {
    const std::vector<std::string> directories = data_directories(g);
    for (const auto& d : directories)
        if (!fs::is_directory(d)) return std::nullopt;  // reported by loading (exit 3)
    std::string problem;
    auto tx = Transaction::begin(directories, WriteSettings{dry_run, std::move(command), std::chrono::milliseconds{10'000}, asks}, problem);
    if (!tx) {
        fmt::print(stderr, "tfm: error: {}\n", lines_safe(problem));
        throw WriterRefused{};
    }
    return tx;
}

const Cohort& cohort_or_usage(const Workspace& workspace, const std::string& id) {
    if (const Cohort* c = workspace.index().cohort(id)) return *c;
    std::string hint;
    for (const auto& b : workspace.records().broken_cohorts)
        if (b == id) hint = " (its record has errors: run tfm check)";
    if (hint.empty()) hint = cohort_meant(workspace.records(), id);
    throw UsageError{fmt::format("no cohort has the id `{}`{}", id, hint)};
}

}  // namespace tfm::cli
