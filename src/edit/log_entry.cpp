// The questions of `tfm log` in order, each offering what the plan says, so that the common
// case is Enter for every question.
#include "tfm/edit/log_entry.h"

#include "tfm/base/untrusted_text.h"
#include "tfm/model/journey.h"

#include <fmt/format.h>

#include <algorithm>

namespace tfm {
namespace {

std::string trimmed(std::string_view s) {
    auto b = s.find_first_not_of(" \t");
    if (b == std::string_view::npos) return {};
    auto e = s.find_last_not_of(" \t");
    return std::string(s.substr(b, e - b + 1));
}

std::string joined(const std::vector<std::string>& names) {
    std::string out;
    for (const auto& n : names) out += (out.empty() ? "" : ", ") + n;
    return out;
}

const PlannedMeeting* planned_meeting(const Cohort& c, Date date) {
    for (const auto& m : c.meetings)
        if (m.date == date) return &m;
    return nullptr;
}

// Names the school may send: its participants, then its staff.
std::vector<std::string> known_names(const Index& index, const Member& m) {
    std::vector<std::string> names(m.participants.begin(), m.participants.end());
    if (const School* s = index.school(m.urn))
        for (const auto& st : s->staff)
            if (std::none_of(names.begin(), names.end(), [&](const std::string& n) { return same_name(n, st.name); }))
                names.emplace_back(st.name);
    return names;
}

}  // namespace

std::optional<Date> unlogged_meeting(const Index& index, const Cohort& cohort, Date as_of) {
    const auto& logs = index.sessions_of(cohort.id);
    std::optional<Date> best;
    for (const auto& m : cohort.meetings) {
        if (as_of < m.date) continue;
        bool logged = std::any_of(logs.begin(), logs.end(), [&](const Session* s) {
            return s->type == SessionType::meeting && s->date == m.date;
        });
        if (!logged && (!best || *best < m.date)) best = m.date;
    }
    return best;
}

std::optional<Date> unlogged_visit(const Index& index, const Cohort& cohort, Urn urn, Date as_of) {
    const auto& logs = index.sessions_of(cohort.id);
    std::optional<Date> best;
    for (const auto& v : cohort.visits) {
        if (v.urn != urn || as_of < v.date) continue;
        bool logged = std::any_of(logs.begin(), logs.end(), [&](const Session* s) {
            return s->is_visit() && s->school == urn && s->date == v.date;
        });
        if (!logged && (!best || *best < v.date)) best = v.date;
    }
    return best;
}

std::vector<const Member*> expected_members(const Cohort& cohort, Date date) {
    std::vector<const Member*> out;
    for (const auto& m : cohort.schools)
        if (expected_on(m, date)) out.push_back(&m);
    return out;
}

SessionDraft planned_session(const Cohort& c, Date date, SessionType type, std::optional<Urn> school) {
    SessionDraft d;
    d.cohort = c.id;
    d.date = date;
    d.type = type;
    d.school = school;
    if (type == SessionType::visit || type == SessionType::audit_visit) {
        d.mode = Mode::in_person;
        for (const auto& v : c.visits)
            if (school && v.urn == *school && v.date == date) {
                d.start = v.start;
                d.end = v.end;
            }
        return d;
    }
    if (const PlannedMeeting* m = planned_meeting(c, date)) {
        d.start = c.start_of(*m);
        d.end = c.end_of(*m);
        d.mode = c.mode_of(*m);
        d.agenda.assign(m->agenda.begin(), m->agenda.end());
    } else {
        if (c.meeting_time) {
            d.start = c.meeting_time->start;
            d.end = c.meeting_time->end;
        }
        d.mode = Mode::in_person;
    }
    for (const Member* m : expected_members(c, date)) d.attendance.push_back({m->urn, std::vector<std::string>(m->participants.begin(), m->participants.end())});
    return d;
}

LogEntry::LogEntry(const Cohort& cohort, const Index& index, SessionDraft initial, std::vector<Step> given,
                   std::optional<Date> as_of)
    : cohort_(cohort), index_(index), draft_(std::move(initial)), given_(std::move(given)), as_of_(as_of) {
    if (const PlannedMeeting* m = planned_meeting(cohort_, draft_.date)) planned_agenda_.assign(m->agenda.begin(), m->agenda.end());
    rebuild();
}

bool LogEntry::date_planned() const {
    if (date_answered_ || std::find(given_.begin(), given_.end(), Step::date) != given_.end()) return true;
    if (draft_.type == SessionType::visit || draft_.type == SessionType::audit_visit)
        return std::any_of(cohort_.visits.begin(), cohort_.visits.end(), [&](const PlannedVisit& v) {
            return v.date == draft_.date && (!draft_.school || v.urn == *draft_.school);
        });
    return planned_meeting(cohort_, draft_.date) != nullptr;
}

void LogEntry::replan(Date date, std::optional<Urn> school) {
    SessionDraft fresh = planned_session(cohort_, date, draft_.type, school);
    auto kept = [&](Step s) { return std::find(given_.begin(), given_.end(), s) != given_.end(); };
    if (kept(Step::start)) fresh.start = draft_.start;
    if (kept(Step::end)) fresh.end = draft_.end;
    if (kept(Step::mode)) fresh.mode = draft_.mode;
    if (kept(Step::attendance)) fresh.attendance = draft_.attendance;
    const PlannedMeeting* m = planned_meeting(cohort_, date);
    planned_agenda_ = m ? std::vector<AgendaItem>(m->agenda.begin(), m->agenda.end()) : std::vector<AgendaItem>{};
    draft_ = std::move(fresh);
    answered_.clear();
    rebuild();
}

void LogEntry::rebuild() {
    auto asked = [&](Step s) { return std::find(given_.begin(), given_.end(), s) == given_.end(); };
    bool visit = draft_.type == SessionType::visit || draft_.type == SessionType::audit_visit;
    std::vector<std::pair<Step, std::size_t>> steps;
    // A visit asks for the school first: its planned visit gives the date offered.
    auto order = visit ? std::vector<Step>{Step::school, Step::date, Step::start, Step::end, Step::mode}
                       : std::vector<Step>{Step::date, Step::start, Step::end, Step::mode, Step::agenda};
    for (Step s : order) {
        if (!asked(s)) continue;
        if (s == Step::school && !visit) continue;
        if (s == Step::agenda && (visit || planned_agenda_.empty())) continue;
        steps.push_back({s, 0});
    }
    if (!visit && asked(Step::attendance))
        for (std::size_t i = 0; i < draft_.attendance.size(); ++i) steps.push_back({Step::attendance, i});
    steps_ = std::move(steps);
}

LogEntry::Prompt LogEntry::prompt() const {
    auto [step, school] = steps_[at_];
    Prompt p;
    p.step = step;
    p.number = at_ + 1;
    p.count = steps_.size();
    switch (step) {
        case Step::date:
            p.question = "Date";
            // Only a planned date is offered: with none waiting for its log, the date is
            // typed (as the script form requires --date), never today's taken by Enter.
            p.offered = date_planned() ? draft_.date.str() : "";
            if (draft_.type == SessionType::visit || draft_.type == SessionType::audit_visit) {
                for (const auto& v : cohort_.visits)
                    if (!draft_.school || v.urn == *draft_.school) p.completions.push_back(v.date.str());
            } else {
                for (const auto& m : cohort_.meetings) p.completions.push_back(m.date.str());
            }
            break;
        case Step::school:
            p.question = "School visited (URN)";
            p.offered = draft_.school ? std::to_string(*draft_.school) : "";
            for (const auto& m : cohort_.schools) {
                p.completions.push_back(std::to_string(m.urn));
                if (const School* s = index_.school(m.urn)) p.completions.push_back(s->name);
            }
            break;
        case Step::start:
        case Step::end: {
            p.question = step == Step::start ? "Start" : "End";
            const auto& t = step == Step::start ? draft_.start : draft_.end;
            p.offered = t ? t->str() : "";
            break;
        }
        case Step::mode:
            p.question = "Mode";
            p.offered = draft_.mode ? std::string(name_of(*draft_.mode)) : "";
            for (auto n : enum_names<Mode>()) p.completions.emplace_back(n);
            break;
        case Step::agenda:
            p.question = fmt::format("Agenda as planned ({} item{}; `none` for none)", planned_agenda_.size(),
                                     planned_agenda_.size() == 1 ? "" : "s");
            p.offered = draft_.agenda.empty() ? "none" : "as planned";
            p.completions = {"as planned", "none"};
            break;
        case Step::attendance: {
            const auto& a = draft_.attendance[school];
            const School* s = index_.school(a.urn);
            p.question = fmt::format("{} {}", a.urn, s ? s->name : std::string("(unknown school)"));
            p.offered = a.present.empty() ? (must_name(a.urn) ? "" : "absent") : joined(a.present);
            if (const Member* m = cohort_.member(a.urn)) p.completions = known_names(index_, *m);
            p.completions.push_back("absent");
            break;
        }
    }
    return p;
}

bool LogEntry::must_name(Urn urn) const {
    const Member* m = cohort_.member(urn);
    return m && m->participants.empty() && std::find(answered_.begin(), answered_.end(), urn) == answered_.end();
}

void LogEntry::go_to(Step step, std::optional<Urn> urn) {
    for (std::size_t i = 0; i < steps_.size(); ++i) {
        auto [s, school] = steps_[i];
        if (s != step) continue;
        if (s == Step::attendance && urn && draft_.attendance[school].urn != *urn) continue;
        at_ = i;
        return;
    }
    at_ = steps_.empty() ? 0 : steps_.size() - 1;
}

bool LogEntry::back() {
    if (at_ == 0) return false;
    --at_;
    return true;
}

std::string LogEntry::answer(std::string_view raw) {
    std::string text = trimmed(raw);
    if (text == "<") return back() ? "" : "this is the first question";
    auto [step, school] = steps_[at_];
    if (text.empty() && step == Step::attendance && draft_.attendance[school].present.empty() &&
        must_name(draft_.attendance[school].urn))
        return "the cohort lists no participants for this school: type who came (names separated by commas), "
               "or `absent`";
    if (text.empty() && step == Step::date && !date_planned())
        return "no planned date is waiting for its log: type the date it took place";
    if (!text.empty()) {
        switch (step) {
            case Step::date: {
                auto d = Date::parse(text);
                if (!d) return fmt::format("`{}` is not a valid date: {}", text, Date::why_not(text));
                if (as_of_ && *as_of_ < *d)
                    return fmt::format("{} is after the as-of date {}: a log records what took place", d->str(),
                                       as_of_->str());
                if (!cohort_.year.contains(*d))
                    return fmt::format("{} is outside {}, the year of cohort {}", d->str(), cohort_.year.str(),
                                       cohort_.id);
                if (*d != draft_.date) replan(*d, draft_.school);
                date_answered_ = true;
                break;
            }
            case Step::school: {
                std::optional<Urn> urn;
                for (const auto& m : cohort_.schools) {
                    const School* s = index_.school(m.urn);
                    if (text == std::to_string(m.urn) || (s && same_name(text, s->name))) urn = m.urn;
                }
                if (!urn) return "not a school of this Work Group (Tab lists them)";
                bool date_open = !date_answered_ &&
                                 std::find(given_.begin(), given_.end(), Step::date) == given_.end();
                std::optional<Date> visit = as_of_ && date_open ? unlogged_visit(index_, cohort_, *urn, *as_of_)
                                                                : std::nullopt;
                replan(visit.value_or(draft_.date), urn);
                break;
            }
            case Step::start:
            case Step::end: {
                auto& t = step == Step::start ? draft_.start : draft_.end;
                if (text == "-" || text == "none") {
                    t.reset();
                    break;
                }
                auto parsed = TimeOfDay::parse(text);
                if (!parsed) return "a time is written HH:MM, e.g. 13:00";
                if (step == Step::end && draft_.start && *parsed <= *draft_.start)
                    return fmt::format("it would end at {}, not after it starts ({}): give the end time",
                                       parsed->str(), draft_.start->str());
                t = parsed;
                break;
            }
            case Step::mode: {
                auto m = parse_enum<Mode>(text);
                if (!m) return "in_person or online";
                draft_.mode = m;
                break;
            }
            case Step::agenda:
                if (text == "none" || text == "-") draft_.agenda.clear();
                else if (text == "as planned" || text == "y" || text == "yes") draft_.agenda = planned_agenda_;
                else return "Enter for the planned agenda, `none` for none";
                break;
            case Step::attendance:
                if (auto why = answer_attendance(school, text); !why.empty()) return why;
                answered_.push_back(draft_.attendance[school].urn);
                break;
        }
    }
    // Enter on an end the plan offers, before a start typed later than the plan's.
    if (step == Step::end && text.empty() && draft_.start && draft_.end && *draft_.end <= *draft_.start)
        return fmt::format("it would end at {}, not after it starts ({}): give the end time", draft_.end->str(),
                           draft_.start->str());
    ++at_;
    return "";
}

std::vector<std::string> attendee_names(const Index& index, const Cohort& cohort, Urn urn, std::string_view list) {
    const Member* m = cohort.member(urn);
    std::vector<std::string> known = m ? known_names(index, *m) : std::vector<std::string>{};
    std::vector<std::string> present;
    std::size_t from = 0;
    while (from <= list.size()) {
        std::size_t comma = list.find(',', from);
        std::string name = trimmed(list.substr(from, comma == std::string_view::npos ? std::string_view::npos : comma - from));
        from = comma == std::string_view::npos ? list.size() + 1 : comma + 1;
        if (name.empty()) continue;
        auto it = std::find_if(known.begin(), known.end(), [&](const std::string& k) { return same_name(k, name); });
        std::string spelled = it != known.end() ? *it : name;
        if (std::none_of(present.begin(), present.end(), [&](const std::string& p) { return same_name(p, spelled); }))
            present.push_back(spelled);
    }
    return present;
}

std::string attendee_slip(const Index& index, const Cohort& cohort, Urn urn, const std::vector<std::string>& names) {
    const Member* m = cohort.member(urn);
    if (!m) return "";
    std::vector<std::string> known = known_names(index, *m);
    std::vector<std::string_view> candidates(known.begin(), known.end());
    for (const auto& name : names) {
        if (std::any_of(known.begin(), known.end(), [&](const std::string& k) { return same_name(k, name); })) continue;
        // Accents dropped too: `Zoe O'Brien` for Zoë Ó'Brien is one slip, not two.
        std::optional<std::string> best = closest_match(name, candidates);
        for (const auto& k : known)
            if (!best && squashed_key(k) == squashed_key(name)) best = k;
        if (best)
            return fmt::format("{} is not a participant or member of staff of school {}{}", quote_value(name), urn,
                               did_you_mean(name, *best));
    }
    return "";
}

std::string LogEntry::answer_attendance(std::size_t school, std::string_view text) {
    auto& a = draft_.attendance[school];
    if (text == "absent" || text == "-" || text == "none") {
        a.present.clear();
        return "";
    }
    if (std::string c = control_character(text); !c.empty())
        return fmt::format("that has {}, which a name in the records must not have; type the names without it", c);
    std::vector<std::string> present = attendee_names(index_, cohort_, a.urn, text);
    if (present.empty()) return "names separated by commas, or `absent`";
    // A likely slip is said at this school's question; the same answer again keeps it.
    if (std::string slip = attendee_slip(index_, cohort_, a.urn, present); !slip.empty() && slip_answer_ != text) {
        slip_answer_ = std::string(text);
        return slip + " (type the same again to record it as written)";
    }
    slip_answer_.clear();
    a.present = std::move(present);
    return "";
}

}  // namespace tfm
