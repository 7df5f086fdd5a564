#include "tfm/analysis/report_reach.h"

#include <map>
#include <optional>

namespace tfm {

ReachSection reach_section(const Records& records, const std::vector<Journey>& journeys,
                           AcademicYear year) {
    ReachSection s;
    s.year = year;
    // The year each school was first reached: its first engagement, or its lead's training.
    std::map<Urn, AcademicYear> reached;
    auto reach = [&](Urn urn, AcademicYear y) {
        auto [it, inserted] = reached.emplace(urn, y);
        if (!inserted && y < it->second) it->second = y;
    };
    std::optional<AcademicYear> first;
    auto note_first = [&](AcademicYear y) {
        if (!first || y < *first) first = y;
    };
    for (const auto& j : journeys)
        if (!j.engagements.empty()) {
            AcademicYear y = j.engagements.front().year;  // engagements are ordered by year
            reach(j.school->urn, y);
            note_first(y);
        }
    // A lead's school that another continues (a predecessor) is reached as its successor.
    std::map<Urn, Urn> continued_by;
    for (const auto& j : journeys)
        if (j.successor) continued_by.emplace(j.school->urn, j.successor->urn);
    auto now = [&](Urn urn) {
        auto it = continued_by.find(urn);
        return it == continued_by.end() ? urn : it->second;
    };
    std::vector<AcademicYear> trained;
    for (const auto& l : records.leads) {
        if (!l.trained) continue;
        trained.push_back(*l.trained);
        note_first(*l.trained);
        if (l.school) reach(now(*l.school), *l.trained);
    }
    if (!first) return s;
    // The year each school first counts as the DfE counts: its first engagement that was not
    // withdrawn or incomplete, or its lead's training.
    std::map<Urn, AcademicYear> counted;
    auto count = [&](Urn urn, AcademicYear y) {
        auto [it, inserted] = counted.emplace(urn, y);
        if (!inserted && y < it->second) it->second = y;
    };
    for (const auto& j : journeys)
        for (const auto& e : j.engagements)
            if (completed_or_in_progress(e.status)) {
                count(j.school->urn, e.year);
                break;
            }
    for (const auto& l : records.leads)
        if (l.trained && l.school) count(now(*l.school), *l.trained);
    std::map<AcademicYear, int> new_schools, new_leads, new_counted;
    for (const auto& [urn, y] : reached) ++new_schools[y];
    for (const auto& [urn, y] : counted) ++new_counted[y];
    for (auto y : trained) ++new_leads[y];
    int leads = 0, schools = 0, cip = 0;
    for (AcademicYear y = *first; y <= year; y = y.next()) {
        leads += new_leads.count(y) ? new_leads[y] : 0;
        schools += new_schools.count(y) ? new_schools[y] : 0;
        cip += new_counted.count(y) ? new_counted[y] : 0;
        s.years.push_back({y, leads, schools, cip});
    }
    return s;
}

}  // namespace tfm
