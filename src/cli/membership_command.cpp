// tfm enrol COHORT URN [--participants "A, B"] and tfm withdraw COHORT URN --on DATE
// [--reason TEXT]: a cohort's membership changed in place, checked with every rule first.
#include "cli.h"

#include "tfm/base/untrusted_text.h"
#include "tfm/edit/membership.h"

#include <fmt/format.h>

#include <algorithm>

namespace tfm::cli {
namespace {

Urn urn_or_usage(const std::string& text) {
    bool digits = text.size() == 6 && text.find_first_not_of("0123456789") == std::string::npos;
    if (!digits) throw UsageError{fmt::format("`{}` is not a URN (six digits)", text)};
    return std::stoi(text);
}

std::vector<std::string> split_names(const std::string& list) {
    std::vector<std::string> out;
    std::size_t from = 0;
    while (from <= list.size()) {
        std::size_t comma = list.find(',', from);
        std::string name = list.substr(from, comma == std::string::npos ? std::string::npos : comma - from);
        from = comma == std::string::npos ? list.size() + 1 : comma + 1;
        auto b = name.find_first_not_of(" \t");
        if (b == std::string::npos) continue;
        out.push_back(name.substr(b, name.find_last_not_of(" \t") - b + 1));
    }
    return out;
}

// Enrolling on `c.on` (--on, else --as-of): `joined_on` is written when the cohort met (as
// planned or logged) before that date, so that those meetings do not count the school absent.
void joined_on(const Cohort& cohort, const Workspace& workspace, MembershipChange& c) {
    if (c.on_given && !cohort.year.contains(c.on))
        throw UsageError{fmt::format("--on {} is outside {}, the year of cohort {}", c.on.str(), cohort.year.str(),
                                     cohort.id)};
    if (cohort.year.last_day() < c.on)
        throw UsageError{fmt::format("the year of cohort {} ({}) is over by the as-of date {}: give --on DATE, the day "
                                     "the school joined",
                                     cohort.id, cohort.year.str(), c.on.str())};
    bool met = std::any_of(cohort.meetings.begin(), cohort.meetings.end(),
                           [&](const PlannedMeeting& m) { return m.date < c.on; });
    for (const Session* s : workspace.index().sessions_of(cohort.id))
        met = met || (s->type == SessionType::meeting && s->date < c.on);
    if (met) c.joined_on = c.on;
}

// Typed text bound for the records: refused with a control character in it.
void refuse_controls(std::string_view option, const std::string& text) {
    if (std::string c = control_character(text); !c.empty())
        throw UsageError{fmt::format("{} {}: it has {}, which the records must not have; type it without it", option,
                                     quote_value(text), c)};
}

int change(const GlobalArgs& g, MembershipChange c, bool dry_run, const std::string& command) {
    std::optional<Transaction> tx = begin_writing(g, dry_run, command);
    Workspace workspace(load_data(g), as_of_date(g));
    if (print_fatal(workspace.fatal())) return exit_unreadable;
    const Cohort& cohort = cohort_or_usage(workspace, c.cohort);
    const School& known = school_or_usage(workspace.records(), c.urn, "");
    if (c.kind == MembershipChange::Kind::withdraw && !cohort.member(c.urn)) {
        fmt::print(stderr, "tfm: error: school {} ({}) is not in cohort {}{}; nothing was written\n", c.urn,
                   terminal_safe(known.name), cohort.id, member_elsewhere(workspace.index(), c.urn, cohort));
        return exit_findings;
    }
    if (c.kind == MembershipChange::Kind::enrol) {
        if (const Member* m = cohort.member(c.urn); m && m->status == MemberStatus::withdrawn) {
            fmt::print(stderr,
                       "tfm: error: school {} withdrew from cohort {}{}; it is still listed there, so it cannot be "
                       "enrolled again: to undo the withdrawal, remove its `status: withdrawn` and `withdrawn_on` by "
                       "hand; nothing was written\n",
                       c.urn, cohort.id, m->withdrawn_on ? " on " + m->withdrawn_on->str() : std::string());
            return exit_findings;
        }
        joined_on(cohort, workspace, c);
    }
    if (c.kind == MembershipChange::Kind::withdraw) {
        if (!cohort.year.contains(c.on))
            throw UsageError{fmt::format("--on {} is outside {}, the year of cohort {}", c.on.str(), cohort.year.str(),
                                         cohort.id)};
        if (workspace.as_of() < c.on)
            throw UsageError{fmt::format("--on {} is after the as-of date {}: a withdrawal is recorded once it "
                                         "has happened",
                                         c.on.str(), workspace.as_of().str())};
    }
    const auto& file = workspace.records().files[std::size_t(cohort.pos.file)];
    std::string why;
    auto edit = plan_membership(*tx, file.full_path, file.path, c, why);
    if (!edit) {
        fmt::print(stderr, "tfm: error: {}; nothing was written\n", lines_safe(why));
        return exit_findings;
    }
    const School* school = workspace.index().school(c.urn);
    std::string named = school ? fmt::format("{} ({})", c.urn, school->name) : std::to_string(c.urn);
    std::string what = c.kind == MembershipChange::Kind::enrol
                           ? fmt::format("school {} enrolled in cohort {}", named, c.cohort)
                           : fmt::format("school {} withdrawn from cohort {} on {}", named, c.cohort, c.on.str());
    PendingCheck check = check_edit(g, workspace, pending_file(workspace.records(), *edit, std::size_t(file.directory)));
    if (check.errors > 0) return refuse_errors(check, what);
    return commit_edit(g, *tx, *edit, fmt::format("{} into {}", what, file.path));
}

}  // namespace

void define(CLI::App& sub, EnrolArgs& args) {
    sub.add_option("cohort", args.cohort, "The cohort's id")->required()->type_name("COHORT");
    sub.add_option("urn", args.school, "The school's URN")->required()->type_name("URN");
    sub.add_option("--participants", args.participants, "Who takes part, separated by commas")
        ->type_name("\"A, B\"");
    sub.add_option("--on", args.on,
                   "The date the school joined (default: --as-of); written as joined_on when the cohort met before")
        ->type_name("DATE");
    sub.add_flag("--dry-run", args.dry_run, "Print the change as a diff; write nothing");
}

int run(const GlobalArgs& g, const EnrolArgs& args) {
    format_or(g, Format::yaml, {Format::yaml});
    MembershipChange c;
    c.kind = MembershipChange::Kind::enrol;
    c.cohort = args.cohort;
    c.urn = urn_or_usage(args.school);
    refuse_controls("--participants", args.participants);
    c.participants = split_names(args.participants);
    if (!args.on.empty()) {
        c.on = date_option("--on", args.on);
        c.on_given = true;
    } else {
        c.on = as_of_date(g);
    }
    return change(g, c, args.dry_run, fmt::format("tfm enrol {} {}", args.cohort, args.school));
}

void define(CLI::App& sub, WithdrawArgs& args) {
    sub.add_option("cohort", args.cohort, "The cohort's id")->required()->type_name("COHORT");
    sub.add_option("urn", args.school, "The school's URN")->required()->type_name("URN");
    sub.add_option("--on", args.on, "The date the school withdrew")->required()->type_name("DATE");
    sub.add_option("--reason", args.reason, "Why it withdrew (written as the member's `reason`)")
        ->type_name("TEXT");
    sub.add_flag("--dry-run", args.dry_run, "Print the change as a diff; write nothing");
}

int run(const GlobalArgs& g, const WithdrawArgs& args) {
    format_or(g, Format::yaml, {Format::yaml});
    MembershipChange c;
    c.kind = MembershipChange::Kind::withdraw;
    c.cohort = args.cohort;
    c.urn = urn_or_usage(args.school);
    c.on = date_option("--on", args.on);
    refuse_controls("--reason", args.reason);
    c.reason = args.reason;
    return change(g, c, args.dry_run, fmt::format("tfm withdraw {} {}", args.cohort, args.school));
}

}  // namespace tfm::cli
