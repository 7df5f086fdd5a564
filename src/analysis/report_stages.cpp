#include "tfm/analysis/report_stages.h"

#include <map>
#include <optional>
#include <set>

namespace tfm {

StagesSection stages_section(const std::vector<Journey>& journeys, AcademicYear year) {
    StagesSection s;
    s.year = year;
    std::map<AcademicYear, std::array<int, all_stages.size()>> counts;
    std::optional<AcademicYear> first;
    for (const auto& j : journeys) {
        // A school counts once per stage and year, however many cohorts it was in.
        std::set<std::pair<AcademicYear, Stage>> seen;
        for (const auto& e : j.engagements) {
            if (e.year > year) continue;
            if (seen.insert({e.year, e.stage}).second) ++counts[e.year][std::size_t(e.stage)];
            if (!first || e.year < *first) first = e.year;
        }
    }
    if (!first) return s;
    for (AcademicYear y = *first; y <= year; y = y.next()) {
        StagesYear row{y, counts[y], 0};
        for (int n : row.schools) row.total += n;
        s.years.push_back(row);
    }
    return s;
}

}  // namespace tfm
