#include "tfm/analysis/report_cohorts.h"

#include "report_detail.h"

#include <set>
#include <tuple>

namespace tfm {

namespace {

// Share of member-meetings attended, over the cohort's logged meetings that recorded
// attendance; a school that withdrew is expected only before it withdrew.
std::optional<double> cohort_attendance(const Cohort& c, const Index& index) {
    int expected = 0, present = 0;
    for (const Session* s : index.sessions_of(c.id)) {
        if (s->type != SessionType::meeting || !s->has_attendance) continue;
        for (const auto& m : c.schools) {
            if (!expected_on(m, s->date)) continue;
            ++expected;
            const Attendance* a = s->attendance_of(m.urn);
            if (a && !a->present.empty()) ++present;
        }
    }
    if (expected == 0) return std::nullopt;
    return detail::percent(present, expected);
}

CohortSummary summary_of(const Cohort& c, const Index& index) {
    const Lead* lead = index.lead(c.lead);
    std::set<Date> meetings_held;
    std::set<std::tuple<Date, SessionType, Urn>> visits_held;
    for (const Session* s : index.sessions_of(c.id)) {
        if (s->type == SessionType::meeting) meetings_held.insert(s->date);
        else if (s->is_visit()) visits_held.insert({s->date, s->type, s->school.value_or(0)});
    }
    std::set<Date> meetings_planned;
    for (const auto& m : c.meetings) meetings_planned.insert(m.date);
    std::set<std::pair<Date, Urn>> visits_planned;
    for (const auto& v : c.visits)
        if (visit_stands(c, v)) visits_planned.insert({v.date, v.urn});
    return {c.id,
            c.name.empty() ? c.id : c.name,
            c.stage,
            c.lead,
            lead && !lead->name.empty() ? lead->name : c.lead,
            int(c.schools.size()),
            int(meetings_held.size()),
            int(meetings_planned.size()),
            int(visits_held.size()),
            int(visits_planned.size()),
            cohort_attendance(c, index)};
}

}  // namespace

CohortsSection cohorts_section(const Records& records, const Index& index, AcademicYear year) {
    CohortsSection s;
    s.year = year;
    std::set<Stage> stages;
    for (const Cohort* c : records.cohorts_of_year(year)) {
        s.rows.push_back(summary_of(*c, index));
        stages.insert(c->stage);
    }
    s.stages.assign(stages.begin(), stages.end());
    return s;
}

}  // namespace tfm
