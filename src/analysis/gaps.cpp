#include "tfm/analysis/gaps.h"

#include "gaps_staff.h"
#include "tfm/analysis/named_columns.h"
#include "tfm/analysis/offers.h"
#include "tfm/model/term_dates.h"

#include <fmt/format.h>

#include <algorithm>
#include <set>

namespace tfm {

const std::vector<std::string_view>& gap_kinds() { return gap_kind_names(); }

bool needs_attention(const Table& kind) { return kind.name != gap_kind_name(GapKind::never_engaged); }

std::size_t attention_count(const std::vector<Table>& kinds) {
    std::size_t n = 0;
    for (const auto& t : kinds)
        if (needs_attention(t)) n += t.rows.size();
    return n;
}

namespace {

// Whether the hub of a record's data directory lists this kind (`gaps/<kind>` in
// hub.rules.off); each hub's settings apply to its own records.
bool kind_off(const Records& records, int directory, GapKind kind) {
    return records.rules_of(directory).is_off(kind);
}

// Whether a log answers a planned date: SPEC's 14 days either side, so a visit held a week
// late clears its plan.
bool answers(const Session& log, Date planned) {
    return log.date.plus_days(-14) <= planned && planned <= log.date.plus_days(14);
}

// "development 2021/22 (kirk-dev-2021a), embedding 2023/24 (history)"
std::string journey_text(const Journey& j) {
    std::string out;
    for (const auto& e : j.engagements) {
        if (!out.empty()) out += ", ";
        out += fmt::format("{} {}", name_of(e.stage), e.year.str());
    }
    return out;
}

std::string school_name(const Index& index, Urn urn) {
    const School* s = index.school(urn);
    return s ? s->name : "";
}

Table gaps_table(const Records& records, const std::vector<Journey>& journeys, AcademicYear year) {
    Table t{"gaps", "Gaps in engagement",
            {{"urn", "URN"}, {"name", "school"}, {"journey", "journey"}, {"missing_years", "missing years"}},
            {}};
    for (const auto& j : journeys) {
        if (kind_off(records, j.school->directory, GapKind::gaps)) continue;
        std::vector<std::string> missing;
        for (const auto& y : j.gap_years)
            if (y <= year) missing.push_back(y.str());
        if (!missing.empty()) t.rows.push_back({j.school->urn, j.school->name, journey_text(j), missing});
    }
    return t;
}

Table lapsed_table(const Records& records, const std::vector<Journey>& journeys, AcademicYear year) {
    Table t{"lapsed", "Lapsed schools",
            {{"urn", "URN"},
             {"name", "school"},
             {"last_stage", "last stage"},
             {"last_year", "last year"},
             {"next_stage", "next stage"}},
            {}};
    for (const auto& j : journeys) {
        if (kind_off(records, j.school->directory, GapKind::lapsed)) continue;
        const Engagement* last = j.latest();
        // Lapsed in the selected year: the latest engagement ended before it, none since.
        if (!last || last->year >= year) continue;
        t.rows.push_back({j.school->urn, j.school->name, std::string(name_of(last->stage)),
                          last->year.str(),
                          j.next_stage ? Cell(std::string(name_of(*j.next_stage))) : Cell()});
    }
    return t;
}

// Meetings a member may still attend: the cohort's planned meetings not yet logged while it
// is a member, or, while fewer are planned, the rest of the stage's meetings.
int meetings_to_come(const Cohort& c, const Member& m, const Index& index, int stage_meetings) {
    std::set<Date> held;
    for (const Session* s : index.sessions_of(c.id))
        if (s->type == SessionType::meeting) held.insert(s->date);
    int planned = 0;
    for (const auto& pm : c.meetings)
        if (!held.count(pm.date) && member_on(m, pm.date)) ++planned;
    return std::max({0, planned, stage_meetings - int(held.size())});
}

// Whether a school's attendance this year is worth acting on now: below the threshold, and
// it has missed at least two held meetings or can no longer reach the threshold even by
// attending every meeting still to come. One missed meeting is not yet a finding.
bool attendance_at_risk(const Engagement& e, const Index& index, const RuleSettings& rules) {
    if (e.meetings_logged - e.meetings_attended >= 2) return true;
    int to_come = meetings_to_come(*e.cohort, *e.member, index, rules.stage(e.stage).meetings);
    double best = double(e.meetings_attended + to_come) / double(e.meetings_logged + to_come);
    return !meets_completion(best, rules.completion);
}

Table attendance_table(const Records& records, const Index& index,
                       const std::vector<Journey>& journeys, AcademicYear year) {
    Table t{"attendance", "Attendance below the completion threshold",
            {{"urn", "URN"},
             {"name", "school"},
             {"cohort", "cohort"},
             {"meetings_attended", "meetings attended"},
             {"meetings_held", "of meetings held"},
             {"attendance", "attendance %", ColumnKind::percent},
             {"threshold", "threshold %", ColumnKind::percent}},
            {}};
    for (const auto& j : journeys) {
        if (kind_off(records, j.school->directory, GapKind::attendance)) continue;
        double threshold = records.rules_of(j.school->directory).completion;
        for (const auto& e : j.engagements) {
            if (e.year != year || !e.cohort || e.status == EngagementStatus::withdrawn) continue;
            auto share = e.attendance();
            if (!share || meets_completion(*share, threshold)) continue;
            // In the year under way, only once it is worth acting on; an ended year as it ended.
            if (e.status == EngagementStatus::in_progress && e.member &&
                !attendance_at_risk(e, index, records.rules_of(j.school->directory)))
                continue;
            t.rows.push_back({j.school->urn, j.school->name, e.cohort->id, e.meetings_attended,
                              e.meetings_logged, Cell(*share * 100.0, 0), Cell(threshold * 100.0, 0)});
        }
    }
    return t;
}

Table visits_table(const Records& records, const Index& index,
                   const std::vector<const Cohort*>& cohorts, AcademicYear year, Date as_of) {
    Table t{"visits", "Termly visits missing",
            {{"urn", "URN"}, {"name", "school"}, {"cohort", "cohort"}, {"term", "term"}},
            {}};
    for (const Cohort* c : cohorts) {
        const RuleSettings& rules = records.rules_of(c->directory);
        if (rules.is_off(GapKind::visits)) continue;
        auto windows = terms(half_terms(records.hub_of(c->directory), year));
        // Termly visits are expected only where the stage expects one a term or more.
        if (rules.stage(c->stage).visits < int(windows.size())) continue;
        const auto& logs = index.sessions_of(c->id);
        for (std::size_t i = 0; i < windows.size(); ++i) {
            const Window& term = windows[i];
            if (!(term.end < as_of)) continue;  // only terms that have ended
            // Visits in the holiday after a term count for it.
            Date until = i + 1 < windows.size() ? windows[i + 1].start.plus_days(-1) : year.last_day();
            for (const auto& m : c->schools) {
                // Only a school that was a member the whole term: not one that joined during
                // it, nor one that withdrew before it ended.
                if (!expected_on(m, term.start) || !expected_on(m, term.end)) continue;
                bool visited = false;
                for (const Session* s : logs)
                    if (s->is_visit() && s->school == m.urn && term.start <= s->date && s->date <= until)
                        visited = true;
                if (!visited) t.rows.push_back({m.urn, school_name(index, m.urn), c->id, term.name});
            }
        }
    }
    return t;
}

Table overdue_table(const Records& records, const Index& index,
                    const std::vector<const Cohort*>& cohorts, Date as_of) {
    Table t{"overdue", "Overdue session logs",
            {{"date", "date"},
             {"kind", "kind"},
             {"cohort", "cohort"},
             {"lead", "lead"},
             {"urn", "URN"},
             {"name", "school"}},
            {}};
    struct Row {
        Date date;
        std::string kind, cohort, lead;
        Cell urn, name;
    };
    std::vector<Row> rows;
    for (const Cohort* c : cohorts) {
        if (kind_off(records, c->directory, GapKind::overdue)) continue;
        for (const OverdueLog& o : overdue_logs(index, *c, as_of)) {
            if (o.kind == SessionType::meeting) rows.push_back({o.date, "meeting", c->id, c->lead, Cell(), Cell()});
            else rows.push_back({o.date, "visit", c->id, c->lead, Cell(*o.school), school_name(index, *o.school)});
        }
    }
    std::stable_sort(rows.begin(), rows.end(), [](const Row& a, const Row& b) {
        return std::tie(a.date, a.cohort, a.kind) < std::tie(b.date, b.cohort, b.kind);
    });
    for (auto& r : rows) t.rows.push_back({r.date, r.kind, r.cohort, r.lead, r.urn, r.name});
    return t;
}

// Only where the hub's stage settings expect visits in sustaining (`visits: 0`, the
// default, says they do not).
Table sustaining_visits_table(const Records& records, const Index& index,
                              const std::vector<const Cohort*>& cohorts, AcademicYear year) {
    Table t{"sustaining_visits", fmt::format("Sustaining schools with no visit in {}", year.str()),
            {{"urn", "URN"}, {"name", "school"}, {"cohort", "cohort"}},
            {}};
    for (const Cohort* c : cohorts) {
        if (c->stage != Stage::sustaining) continue;
        const RuleSettings& rules = records.rules_of(c->directory);
        if (rules.stage(Stage::sustaining).visits <= 0 || rules.is_off(GapKind::sustaining_visits)) continue;
        const auto& logs = index.sessions_of(c->id);
        for (const auto& m : c->schools) {
            if (m.status == MemberStatus::withdrawn) continue;
            bool visited = std::any_of(logs.begin(), logs.end(), [&](const Session* s) {
                return s->is_visit() && s->school == m.urn;
            });
            if (!visited) t.rows.push_back({m.urn, school_name(index, m.urn), c->id});
        }
    }
    return t;
}

// The year groups a logged meeting touched: its observed lesson's and its agenda items'.
SmallSet<YearGroup> touched_year_groups(const Session& s) {
    SmallSet<YearGroup> out;
    if (s.observation && s.observation->year_group) out.insert(*s.observation->year_group);
    for (const auto& item : s.agenda)
        for (YearGroup g = 0; g <= 13; ++g)
            if (item.year_groups.contains(g)) out.insert(g);
    return out;
}

std::vector<std::string> year_group_names(SmallSet<YearGroup> groups) {
    std::vector<std::string> out;
    for (YearGroup g = 0; g <= 13; ++g)
        if (groups.contains(g)) out.push_back(year_group_name(g));
    return out;
}

// Participants (with `year_groups` in their school's staff list) whose year groups the
// Work Group's logged meetings touched at most once, by observation or agenda item. Only
// once the cohort's meetings are over: until then a year group may still come.
Table year_groups_table(const Records& records, const Index& index,
                        const std::vector<const Cohort*>& cohorts, AcademicYear year, Date as_of) {
    Table t{"year_groups", "Year groups touched at most once",
            {{"urn", "URN"},
             {"name", "school"},
             {"participant", "participant"},
             {"year_groups", "year groups"},
             {"cohort", "cohort"},
             {"meetings", "meetings touching them"},
             {"logged", "of"}},
            {}};
    for (const Cohort* c : cohorts) {
        if (kind_off(records, c->directory, GapKind::year_groups)) continue;
        bool over = year.last_day() < as_of ||
                    (!c->meetings.empty() &&
                     std::all_of(c->meetings.begin(), c->meetings.end(),
                                 [&](const PlannedMeeting& m) { return m.date < as_of; }));
        if (!over) continue;
        std::vector<SmallSet<YearGroup>> meetings;
        for (const Session* s : index.sessions_of(c->id))
            if (s->type == SessionType::meeting) meetings.push_back(touched_year_groups(*s));
        if (meetings.empty()) continue;
        for (const auto& m : c->schools) {
            const School* school = index.school(m.urn);
            if (!school || m.status == MemberStatus::withdrawn) continue;
            for (const auto& person : m.participants) {
                const StaffMember* staff = school->staff_member(person);
                if (!staff || staff->year_groups.empty()) continue;
                int touching = 0;
                for (const auto& touched : meetings)
                    for (YearGroup g = 0; g <= 13; ++g)
                        if (staff->year_groups.contains(g) && touched.contains(g)) {
                            ++touching;
                            break;
                        }
                if (touching > 1) continue;
                t.rows.push_back({m.urn, school->name, person, year_group_names(staff->year_groups),
                                  c->id, touching, int(meetings.size())});
            }
        }
    }
    return t;
}

Table agendas_table(const Records& records, const Index& index, const std::vector<const Cohort*>& cohorts) {
    Table t{"agendas", "Meetings without a timed agenda",
            {{"date", "date"}, {"cohort", "cohort"}, {"lead", "lead"}},
            {}};
    for (const Cohort* c : cohorts)
        for (const Session* s : index.sessions_of(c->id)) {
            if (s->type != SessionType::meeting || kind_off(records, c->directory, GapKind::agendas)) continue;
            bool timed = std::any_of(s->agenda.begin(), s->agenda.end(),
                                     [](const AgendaItem& a) { return a.at.has_value(); });
            if (!timed) t.rows.push_back({s->date, c->id, c->lead});
        }
    std::stable_sort(t.rows.begin(), t.rows.end(), [](const auto& a, const auto& b) {
        return std::tie(std::get<Date>(a[0].value), std::get<std::string>(a[1].value)) <
               std::tie(std::get<Date>(b[0].value), std::get<std::string>(b[1].value));
    });
    return t;
}

// Planned meetings from as_of to 14 days on, not yet logged, whose published agenda has no
// times: teachers cannot yet see when to join their part.
Table agenda_due_table(const Records& records, const Index& index, Date as_of) {
    Table t{"agenda_due", "Agendas due within 14 days",
            {{"date", "date"}, {"cohort", "cohort"}, {"lead", "lead"}, {"agenda", "agenda", ColumnKind::code}},
            {}};
    const Date last = as_of.plus_days(14);
    for (const auto& c : records.cohorts)
        for (const auto& m : c.meetings) {
            if (kind_off(records, c.directory, GapKind::agenda_due)) break;
            if (m.date < as_of || m.date > last || has_timed_item(m.agenda)) continue;
            bool logged = false;
            for (const Session* s : index.sessions_of(c.id))
                if (s->type == SessionType::meeting && s->date == m.date) logged = true;
            if (logged) continue;
            t.rows.push_back({m.date, c.id, c.lead,
                              std::string(m.agenda.empty() ? "none_published" : "without_times")});
        }
    std::stable_sort(t.rows.begin(), t.rows.end(), [](const auto& a, const auto& b) {
        return std::tie(std::get<Date>(a[0].value), std::get<std::string>(a[1].value)) <
               std::tie(std::get<Date>(b[0].value), std::get<std::string>(b[1].value));
    });
    return t;
}

Table never_engaged_table(const Records& records, const std::vector<Journey>& journeys) {
    Table t{"never_engaged", "Schools never engaged",
            {{"urn", "URN"}, {"name", "school"}, {"area", "area"}, {"phase", "phase"}},
            {}};
    for (const auto& j : journeys) {
        if (!j.engagements.empty() || j.successor) continue;  // a predecessor is its successor
        const School& s = *j.school;
        if (kind_off(records, s.directory, GapKind::never_engaged)) continue;
        const Hub* hub = records.hub_of(s.directory);
        bool in_area = !hub || hub->areas.empty() || hub->area_named(s.area);
        if (in_area) t.rows.push_back({s.urn, s.name, s.area, std::string(name_of(s.phase))});
    }
    return t;
}

}  // namespace

std::vector<Table> build_gaps(const Records& records, const Index& index,
                              const std::vector<Journey>& journeys, const GapOptions& o) {
    const auto cohorts = records.cohorts_of_year(o.year);
    std::vector<Table> tables = {gaps_table(records, journeys, o.year),
            lapsed_table(records, journeys, o.year),
            attendance_table(records, index, journeys, o.year),
            visits_table(records, index, cohorts, o.year, o.as_of),
            overdue_table(records, index, cohorts, o.as_of),
            sustaining_visits_table(records, index, cohorts, o.year),
            year_groups_table(records, index, cohorts, o.year, o.as_of),
            agendas_table(records, index, cohorts),
            agenda_due_table(records, index, o.as_of),
            capacity_lost_table(records, journeys, o.year, o.as_of),
            new_maths_lead_table(records, journeys, o.year, o.as_of),
            offer_gaps_table(records, index, journeys, o.year.next(), o.as_of),
            never_engaged_table(records, journeys)};
    for (auto& t : tables) t = with_names(std::move(t), index);
    return tables;
}

std::vector<OverdueLog> overdue_logs(const Index& index, const Cohort& c, Date as_of) {
    std::vector<OverdueLog> out;
    const auto& logs = index.sessions_of(c.id);
    for (const auto& m : c.meetings) {
        if (!(m.date < as_of)) continue;
        bool logged = std::any_of(logs.begin(), logs.end(), [&](const Session* s) {
            return s->type == SessionType::meeting && answers(*s, m.date);
        });
        if (!logged) out.push_back({m.date, SessionType::meeting, std::nullopt});
    }
    for (const auto& v : c.visits) {
        if (!(v.date < as_of)) continue;
        const Member* member = c.member(v.urn);
        if (member && !expected_on(*member, v.date)) continue;  // withdrew before it
        bool logged = std::any_of(logs.begin(), logs.end(), [&](const Session* s) {
            return s->is_visit() && s->school == v.urn && answers(*s, v.date);
        });
        if (!logged) out.push_back({v.date, SessionType::visit, v.urn});
    }
    return out;
}

}  // namespace tfm
