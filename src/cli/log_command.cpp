// tfm log COHORT [--date D] [--type T] [--school URN] [--present URN[=NAME,…]]… [--absent URN]…
// [--start HH:MM] [--end HH:MM] [--mode M] [--dry-run]: records a session that took place.
// From flags for scripts; on a terminal without attendance, by asking (edit/log_entry.h holds
// the questions, line_prompt.h the terminal).
#include "cli.h"

#include "line_prompt.h"

#include "tfm/base/untrusted_text.h"
#include "tfm/edit/log_entry.h"
#include "tfm/edit/session_log.h"

#include <fmt/format.h>

#include <algorithm>

namespace tfm::cli {
namespace {

Urn urn_of(const std::string& text, std::string_view option) {
    bool digits = text.size() == 6 && text.find_first_not_of("0123456789") == std::string::npos;
    if (!digits) throw UsageError{fmt::format("{} `{}`: a URN is six digits", option, text)};
    return std::stoi(text);
}

bool is_visit(SessionType t) { return t == SessionType::visit || t == SessionType::audit_visit; }

// "107526 (Riverside Primary)", or the URN alone for a school the records lack.
std::string school_named(const Index& index, Urn urn) {
    const School* s = index.school(urn);
    return s ? fmt::format("{} ({})", urn, s->name) : std::to_string(urn);
}

// --present and --absent applied to the planned attendance: a named school's entry replaced
// (added at the end when the plan does not expect it, for the rules to judge). A school the
// cohort lists no participants for cannot attend "as planned": `[]` would say it was absent.
void apply_attendance(const LogArgs& args, const Index& index, const Cohort& cohort, SessionDraft& d) {
    auto set = [&](Urn urn, std::vector<std::string> present) {
        auto it = std::find_if(d.attendance.begin(), d.attendance.end(), [&](const auto& a) { return a.urn == urn; });
        if (it == d.attendance.end()) d.attendance.push_back({urn, std::move(present)});
        else it->present = std::move(present);
    };
    auto nobody_listed = [&](Urn urn, std::string_view how) {
        return UsageError{fmt::format("{}: cohort {} lists no participants for school {}, so it would be logged "
                                      "as absent; say who came with --present {}=NAME[,NAME…] (or --absent {})",
                                      how, cohort.id, school_named(index, urn), urn, urn)};
    };
    for (const auto& p : args.present) {
        if (p == "all") continue;  // every school as planned
        if (std::string c = control_character(p); !c.empty())
            throw UsageError{fmt::format("--present {}: it has {}, which a name in the records must not have",
                                         quote_value(p), c)};
        std::size_t eq = p.find('=');
        Urn urn = urn_of(p.substr(0, eq), "--present");
        if (eq == std::string::npos) {
            const Member* m = cohort.member(urn);
            if (m && m->participants.empty()) throw nobody_listed(urn, "--present " + p);
            set(urn, m ? std::vector<std::string>(m->participants.begin(), m->participants.end()) : std::vector<std::string>{});
            continue;
        }
        auto names = attendee_names(index, cohort, urn, std::string_view(p).substr(eq + 1));
        if (names.empty()) throw UsageError{fmt::format("--present {}: no names after `=`", p)};
        // Off a terminal nobody is there to confirm a likely slip: it would split one teacher
        // into two in the register. A name close to none is a new teacher (a warning).
        if (std::string slip = attendee_slip(index, cohort, urn, names); !slip.empty())
            throw UsageError{terminal_safe(fmt::format(
                "--present {}: {} (to log someone new of a name so close, add them to the school's "
                "participants first)",
                p, slip))};
        set(urn, std::move(names));
    }
    std::vector<Urn> absent;
    for (const auto& a : args.absent) {
        absent.push_back(urn_of(a, "--absent"));
        set(absent.back(), {});
    }
    // The schools left to attend as planned (named by `--present all` or by no option).
    for (const auto& a : d.attendance) {
        bool planned_absent = a.present.empty() && cohort.member(a.urn) &&
                              std::find(absent.begin(), absent.end(), a.urn) == absent.end();
        bool all = std::find(args.present.begin(), args.present.end(), "all") != args.present.end();
        if (planned_absent) throw nobody_listed(a.urn, all ? "--present all" : "attending as planned (not named by --present or --absent)");
    }
}

// Options that contradict each other or would be ignored: usage errors.
void refuse_contradictions(const LogArgs& args, SessionType type) {
    if (args.date_given && args.date.empty()) throw UsageError{"--date is empty: give a date, YYYY-MM-DD"};
    if (is_visit(type) && (!args.present.empty() || !args.absent.empty()))
        throw UsageError{fmt::format("--present and --absent are for meetings and cpd: a {} records no attendance",
                                     args.type)};
    if (!is_visit(type) && !args.school.empty())
        throw UsageError{fmt::format("--school is the school visited: a {} has none (use --type visit or "
                                     "audit_visit, or leave --school out)",
                                     args.type)};
    std::vector<std::string> present, absent;
    for (const auto& p : args.present) {
        if (p == "all") continue;
        std::string urn = p.substr(0, p.find('='));
        if (std::find(present.begin(), present.end(), urn) != present.end())
            throw UsageError{fmt::format("--present names school {} twice: give its names once, "
                                         "--present {}=A,B",
                                         urn, urn)};
        present.push_back(urn);
    }
    for (const auto& a : args.absent) {
        if (std::find(present.begin(), present.end(), a) != present.end())
            throw UsageError{fmt::format("school {} is both --present and --absent", a)};
        if (std::find(absent.begin(), absent.end(), a) != absent.end())
            throw UsageError{fmt::format("--absent names school {} twice", a)};
        absent.push_back(a);
    }
}

// A cohort of a year that has ended is most likely last year's id typed for this year's
// (one digit off): without an explicit --date nothing of it is logged, and the message names
// this year's Work Groups of its lead, else of its schools.
void refuse_ended_year(const Workspace& ws, const Cohort& cohort, const LogArgs& args) {
    AcademicYear current = AcademicYear::containing(ws.as_of());
    if (args.date_given || !(cohort.year < current)) return;
    std::vector<const Cohort*> meant;
    for (const Cohort* c : ws.records().cohorts_of_year(current))
        if (c->lead == cohort.lead) meant.push_back(c);
    if (meant.empty())
        for (const auto& m : cohort.schools)
            for (const Cohort* c : ws.index().cohorts_of(m.urn))
                if (c->year == current && std::find(meant.begin(), meant.end(), c) == meant.end()) meant.push_back(c);
    std::string hint;
    for (std::size_t i = 0; i < meant.size(); ++i)
        hint += fmt::format("{}{} ({})", i == 0 ? "; did you mean " : ", or ", meant[i]->id,
                            meant[i]->name.empty() ? meant[i]->id : meant[i]->name);
    throw UsageError{terminal_safe(fmt::format(
        "cohort {} is of {}, which ended on {}: give --date to log one of its sessions{}{}", cohort.id,
        cohort.year.str(), cohort.year.last_day().str(), hint, hint.empty() ? "" : "?"))};
}

// The draft the flags give, and which questions they answered.
SessionDraft draft_from_flags(const LogArgs& args, const Workspace& ws, const Cohort& cohort, bool asking,
                              std::vector<LogEntry::Step>& given) {
    using Step = LogEntry::Step;
    SessionType type = *parse_enum<SessionType>(args.type);
    refuse_contradictions(args, type);
    std::optional<Urn> school;
    if (!args.school.empty()) {
        school = urn_of(args.school, "--school");
        // An unknown URN, or a school of another Work Group, is said before anything else.
        school_or_usage(ws.records(), *school, "--school");
        if (!cohort.member(*school))
            throw UsageError{fmt::format("--school: school {} ({}) is not in cohort {}{}", *school,
                                         terminal_safe(ws.index().school(*school)->name), cohort.id,
                                         member_elsewhere(ws.index(), *school, cohort))};
        given.push_back(Step::school);
    } else if (is_visit(type) && !asking) {
        throw UsageError{fmt::format("a {} needs --school URN: the school visited", args.type)};
    }
    std::optional<Date> date;
    if (args.date_given) {
        date = date_option("--date", args.date);
        given.push_back(Step::date);
    } else if (!is_visit(type)) {
        date = unlogged_meeting(ws.index(), cohort, ws.as_of());
    } else if (school) {
        date = unlogged_visit(ws.index(), cohort, *school, ws.as_of());
    }
    if (!date && !asking && !is_visit(type))
        throw UsageError{fmt::format("no planned meeting of cohort {} up to {} is waiting for its log: give --date",
                                     cohort.id, ws.as_of().str())};
    if (!date && !asking)
        throw UsageError{fmt::format("no planned visit to school {} in cohort {} up to {} is waiting for its log: "
                                     "give --date",
                                     *school, cohort.id, ws.as_of().str())};
    SessionDraft d = planned_session(cohort, date.value_or(ws.as_of()), type, school);
    auto time = [&](const std::string& text, std::string_view option, std::optional<TimeOfDay>& into, Step step) {
        if (text.empty()) return;
        auto t = TimeOfDay::parse(text);
        if (!t) {
            // 9:00: the hour wants its leading zero.
            if (auto padded = TimeOfDay::parse("0" + text))
                throw UsageError{fmt::format("{} `{}`: a time is written HH:MM; write {}", option, text, padded->str())};
            throw UsageError{fmt::format("{} `{}`: a time is written HH:MM", option, text)};
        }
        into = t;
        given.push_back(step);
    };
    time(args.start, "--start", d.start, Step::start);
    time(args.end, "--end", d.end, Step::end);
    if (!args.mode.empty()) {
        d.mode = parse_enum<Mode>(args.mode);
        given.push_back(Step::mode);
    }
    if (!args.present.empty() || !args.absent.empty()) {
        apply_attendance(args, ws.index(), cohort, d);
        given.push_back(Step::attendance);
        given.push_back(Step::agenda);
    }
    if (is_visit(type)) d.attendance.clear();
    return d;
}

// "the meeting of brad-dev-2021a on 2021-10-05 (5 of 6 schools, 9 participants present)"
std::string described(const SessionDraft& d) {
    std::string what = fmt::format("the {} of cohort {} on {}", name_of(d.type), d.cohort, d.date.str());
    if (d.school) what += fmt::format(" at school {}", *d.school);
    if (d.attendance.empty()) return what;
    std::size_t schools = 0, people = 0;
    for (const auto& a : d.attendance) {
        schools += a.present.empty() ? 0 : 1;
        people += a.present.size();
    }
    return what + fmt::format(" ({} of {} schools, {} participant{} present)", schools, d.attendance.size(), people,
                              people == 1 ? "" : "s");
}

std::string question(const LogEntry::Prompt& p) {
    std::string offered = p.offered.empty() ? "" : fmt::format(" [{}]", p.offered);
    return terminal_safe(fmt::format("({}/{}) {}{}: ", p.number, p.count, p.question, offered));
}

// Asks until every question is answered; false when stopped (Ctrl-C, Ctrl-D).
bool ask_all(LogEntry& entry, LinePrompt& prompt) {
    while (!entry.done()) {
        LogEntry::Prompt p = entry.prompt();
        auto line = prompt.ask(question(p), p.completions);
        if (!line) return false;
        if (std::string why = entry.answer(*line); !why.empty()) fmt::print("  {}\n", terminal_safe(why));
    }
    return true;
}

// The question that holds the value the first error of the whole record points at: the date
// (session/future, out-of-year, a clash…), the times (session/agenda), or the school of the
// attendance line (session/not-enrolled, ref/participant, …).
void go_to_fault(LogEntry& entry, const PendingCheck& check) {
    using Step = LogEntry::Step;
    for (const Diagnostic& d : check.added) {
        if (d.severity != Severity::error) continue;
        if (d.rule == "session/agenda") return entry.go_to(Step::start);
        std::optional<Urn> urn;
        const auto& files = check.after->records().files;
        if (d.pos.file >= 0 && std::size_t(d.pos.file) < files.size()) {
            auto it = check.unwritten.find(files[std::size_t(d.pos.file)].full_path);
            if (it != check.unwritten.end()) {
                std::string_view text = it->second;
                std::size_t at = 0;
                for (int line = 1; line < d.pos.line && at != std::string_view::npos; ++line) {
                    at = text.find('\n', at);
                    if (at != std::string_view::npos) ++at;
                }
                if (at != std::string_view::npos) {
                    std::string_view l = text.substr(at, text.find('\n', at) - at);
                    l.remove_prefix(std::min(l.size(), l.find_first_not_of(' ')));
                    if (l.size() > 7 && l[6] == ':' && l.substr(0, 6).find_first_not_of("0123456789") == l.npos)
                        urn = std::stoi(std::string(l.substr(0, 6)));
                    else if (l.rfind("school:", 0) == 0)
                        return entry.go_to(Step::school);
                }
            }
        }
        if (urn) return entry.go_to(Step::attendance, urn);
        return entry.go_to(Step::date);
    }
    entry.go_to(Step::attendance);
}

// "sessions/2021-22/x.yaml:3" of a log of the same session (cohort, date, type and school)
// already in the records, else "".
std::string already_logged(const Workspace& ws, const SessionDraft& d) {
    for (const Session* s : ws.index().sessions_of(d.cohort))
        if (s->date == d.date && s->type == d.type && s->school == d.school && s->pos.file >= 0)
            return fmt::format("{}:{}", ws.records().files[std::size_t(s->pos.file)].path, s->pos.line);
    return "";
}

enum class Confirm { write, back, stop };

Confirm confirm(LinePrompt& prompt, const std::string& where, const PendingCheck& check) {
    bool warned = check.warnings > 0;
    std::string q = warned ? fmt::format("Write it into {} despite the warning{} above? [y/N/<] ", where,
                                         check.warnings == 1 ? "" : "s")
                           : fmt::format("Write it into {}? [Y/n/<] ", where);
    for (;;) {
        auto line = prompt.ask(terminal_safe(q), {"yes", "no", "<"});
        if (!line) return Confirm::stop;
        std::string a = *line;
        if (a == "<") return Confirm::back;
        if (a == "y" || a == "yes" || (a.empty() && !warned)) return Confirm::write;
        if (a == "n" || a == "no" || a.empty()) return Confirm::stop;
    }
}

int stopped() {
    fmt::print(stderr, "tfm: stopped; nothing was written\n");
    return exit_findings;
}

}  // namespace

void define(CLI::App& sub, LogArgs& args) {
    sub.add_option("cohort", args.cohort, "The cohort's id")->required()->type_name("COHORT");
    sub.add_option("--date", args.date, "When it took place (default: the planned meeting waiting for its log)")
        ->type_name("YYYY-MM-DD")
        ->each([&args](const std::string&) { args.date_given = true; });
    with_choices(sub.add_option("--type", args.type, "What took place (default meeting)"),
                 {"meeting", "visit", "audit_visit", "cpd"})
        ->type_name("TYPE");
    sub.add_option("--school", args.school, "The school visited (visits)")->type_name("URN");
    sub.add_option("--present", args.present,
                   "Who came from a school: URN=A,B; URN alone: all its participants; all: every school")
        ->type_name("URN[=NAME,…]")
        ->expected(1)
        ->multi_option_policy(CLI::MultiOptionPolicy::TakeAll);
    sub.add_option("--absent", args.absent, "A school that did not come (repeatable)")
        ->type_name("URN")
        ->expected(1)
        ->multi_option_policy(CLI::MultiOptionPolicy::TakeAll);
    sub.add_option("--start", args.start, "Start time (default: the plan's)")->type_name("HH:MM");
    sub.add_option("--end", args.end, "End time (default: the plan's)")->type_name("HH:MM");
    with_choices(sub.add_option("--mode", args.mode, "in_person or online (default: the plan's)"),
                 {"in_person", "online"})
        ->type_name("MODE");
    sub.add_flag("--dry-run", args.dry_run, "Print the change as a diff; write nothing");
}

int run(const GlobalArgs& g, const LogArgs& args) {
    format_or(g, Format::yaml, {Format::yaml});
    bool asking = LinePrompt::available() && args.present.empty() && args.absent.empty();
    std::optional<Transaction> tx = begin_writing(g, args.dry_run, "tfm log " + args.cohort, asking);
    Workspace ws(load_data(g), as_of_date(g));
    if (print_fatal(ws.fatal())) return exit_unreadable;
    const Cohort& cohort = cohort_or_usage(ws, args.cohort);
    refuse_ended_year(ws, cohort, args);
    if (!asking && !is_visit(*parse_enum<SessionType>(args.type)) && args.present.empty() && args.absent.empty())
        throw UsageError{"say who came with --present and --absent (--present all: everyone as planned), "
                         "or run tfm log on a terminal to be asked"};
    std::vector<LogEntry::Step> given;
    SessionDraft initial = draft_from_flags(args, ws, cohort, asking, given);
    LogEntry entry(cohort, ws.index(), initial, given, ws.as_of());
    std::unique_ptr<LinePrompt> prompt;
    if (asking) {
        prompt = std::make_unique<LinePrompt>();
        fmt::print("Logging {} {}. Enter takes what is offered in [ ], `<` goes back, Tab completes, "
                   "Ctrl-C stops without writing.\n",
                   terminal_safe(cohort.id), terminal_safe(cohort.name.empty() ? "" : "(" + cohort.name + ")"));
    }
    LogTarget target = log_target(ws.records(), ws.index(), cohort);
    if (!target.problem.empty()) {
        fmt::print(stderr, "tfm: error: cannot write the log: {}; nothing was written\n", lines_safe(target.problem));
        return exit_findings;
    }
    for (;;) {
        if (prompt && !ask_all(entry, *prompt)) return stopped();
        const SessionDraft& draft = entry.draft();
        if (std::string at = already_logged(ws, draft); !at.empty()) {
            std::string what = fmt::format("the {} of cohort {} on {}{} is already logged at {}", name_of(draft.type),
                                           draft.cohort, draft.date.str(),
                                           draft.school ? fmt::format(" at school {}", *draft.school) : "", at);
            if (!prompt) {
                fmt::print(stderr, "tfm: error: {}; nothing was written (run again with another --date, or add a "
                           "second log by hand if it really took place twice)\n", lines_safe(what));
                return exit_findings;
            }
            auto again = prompt->ask(terminal_safe(fmt::format("{}. Log it again? [y/N/<] ", what)), {"yes", "no", "<"});
            if (!again) return stopped();
            if (*again == "<") {
                entry.go_to(LogEntry::Step::date);
                continue;
            }
            if (*again != "y" && *again != "yes") return stopped();
        }
        std::string why;
        auto edit = plan_session_log(*tx, target, draft, cohort.name, why);
        if (!edit) {
            fmt::print(stderr, "tfm: error: {}\n", lines_safe(why));
            return exit_findings;
        }
        if (prompt) fmt::print("\n{}", lines_safe(session_item(draft, {})));
        PendingCheck check = check_edit(g, ws, PendingFile{target.directory, target.relative, edit->updated});
        std::string what = fmt::format("{} into {}", described(draft), target.shown);
        if (check.errors > 0) {
            refuse_errors(check, "the log");
            if (!prompt) return exit_findings;
            auto again = prompt->ask("Go back and change it? [Y/n] ", {"yes", "no"});
            if (!again || *again == "n" || *again == "no") return stopped();
            go_to_fault(entry, check);
            continue;
        }
        if (prompt) {
            Confirm c = confirm(*prompt, target.shown, check);
            if (c == Confirm::stop) return stopped();
            if (c == Confirm::back) {
                entry.back();
                continue;
            }
        }
        return commit_edit(g, *tx, *edit, what);
    }
}

}  // namespace tfm::cli
