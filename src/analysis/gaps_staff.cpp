#include "gaps_staff.h"

#include <fmt/format.h>

#include <algorithm>
#include <string>

namespace tfm {
namespace {

// The staff member a participant of an engagement is: on the journey's school's staff (where
// staff move on conversion), else on the staff of the establishment the engagement belongs to.
const StaffMember* staff_of(const Journey& j, const Engagement& e, std::string_view person) {
    if (const StaffMember* m = j.school->staff_member(person)) return m;
    return e.school && e.school != j.school ? e.school->staff_member(person) : nullptr;
}

// The latest engagement that has begun by `year` (planned ones are not yet history).
const Engagement* last_begun(const Journey& j, AcademicYear year) {
    const Engagement* last = nullptr;
    for (const auto& e : j.engagements)
        if (e.year <= year) last = &e;
    return last;
}

std::string stage_year(const Engagement& e) { return fmt::format("{} {}", name_of(e.stage), e.year.str()); }

}  // namespace

Table capacity_lost_table(const Records& records, const std::vector<Journey>& journeys,
                          AcademicYear year, Date as_of) {
    Table t{"capacity_lost", "Every participant has left",
            {{"urn", "URN"},
             {"name", "school"},
             {"participants", "participants (left)"},
             {"last_engagement", "last engagement"}},
            {}};
    for (const auto& j : journeys) {
        if (records.rules_of(j.school->directory).is_off(GapKind::capacity_lost)) continue;
        std::vector<std::string> names, left;
        bool any = false, all_left = true;
        for (const auto& e : j.engagements) {
            if (!e.member || e.year > year) continue;
            for (const auto& person : e.member->participants) {
                any = true;
                const StaffMember* m = staff_of(j, e, person);
                if (!m || !m->is_former(as_of)) all_left = false;
                else if (std::find(names.begin(), names.end(), m->name) == names.end()) {
                    names.emplace_back(m->name);
                    left.push_back(fmt::format("{} ({})", m->name, m->left->str()));
                }
            }
        }
        if (!any || !all_left) continue;
        t.rows.push_back({j.school->urn, j.school->name, left, stage_year(*last_begun(j, year))});
    }
    return t;
}

Table new_maths_lead_table(const Records& records, const std::vector<Journey>& journeys,
                           AcademicYear year, Date as_of) {
    Table t{"new_maths_lead", "New maths lead since last engagement",
            {{"urn", "URN"},
             {"name", "school"},
             {"last_engagement", "last engagement"},
             {"maths_lead", "maths lead"},
             {"since", "since"},
             {"former_maths_lead", "maths lead then (left)"}},
            {}};
    for (const auto& j : journeys) {
        if (records.rules_of(j.school->directory).is_off(GapKind::new_maths_lead)) continue;
        const Engagement* last = last_begun(j, year);
        if (!last) continue;
        Date begun = last->year.first_day(), ended = last->year.last_day();
        const StaffMember* current = nullptr;
        std::vector<std::string> former;
        for (const auto& m : j.school->staff) {
            if (m.role != StaffRole::maths_lead) continue;
            if (!m.is_former(as_of)) {
                if (!current) current = &m;
                continue;
            }
            // A maths lead of the engagement's time who has since left.
            bool then = !(m.from && ended < *m.from) && !(m.left && *m.left < begun);
            if (then) former.push_back(fmt::format("{} ({})", m.name, m.left->str()));
        }
        bool joined_since = current && current->from && ended < *current->from;
        if (!joined_since && former.empty()) continue;
        t.rows.push_back({j.school->urn, j.school->name, stage_year(*last),
                          current ? Cell(current->name) : Cell(),
                          current && current->from ? Cell(*current->from) : Cell(), former});
    }
    return t;
}

}  // namespace tfm
