#include "tfm/analysis/report_patterns.h"

#include "report_detail.h"

#include <map>
#include <optional>
#include <set>

namespace tfm {

template <>
const std::vector<std::string_view>& enum_names<JourneyPattern>() {
    static const std::vector<std::string_view> names = {
        "readiness_to_sustaining", "development_to_sustaining", "gap", "in_progress", "other"};
    return names;
}

std::string_view words_of(JourneyPattern pattern) {
    switch (pattern) {
        case JourneyPattern::readiness_to_sustaining: return "readiness \u2192 sustaining, no gap";
        case JourneyPattern::development_to_sustaining: return "development \u2192 sustaining, no gap";
        case JourneyPattern::gap: return "with a gap year";
        case JourneyPattern::in_progress: return "still under way";
        case JourneyPattern::other: return "other";
    }
    return "other";
}

JourneyPattern journey_pattern(const Journey& j, AcademicYear year) {
    std::set<AcademicYear> years;
    std::optional<Stage> first_stage;
    bool sustaining = false;
    for (const auto& e : j.engagements) {
        if (e.year > year) continue;
        if (!first_stage) first_stage = e.stage;  // ordered by year, then stage
        years.insert(e.year);
        if (e.stage == Stage::sustaining) sustaining = true;
    }
    if (!first_stage) return JourneyPattern::other;
    for (AcademicYear y = *years.begin(); y < *years.rbegin(); y = y.next())
        if (!years.count(y)) return JourneyPattern::gap;
    if (*first_stage == Stage::readiness && sustaining) return JourneyPattern::readiness_to_sustaining;
    if (*first_stage == Stage::development && sustaining) return JourneyPattern::development_to_sustaining;
    if (*first_stage == Stage::readiness || *first_stage == Stage::development)
        return JourneyPattern::in_progress;
    return JourneyPattern::other;
}

PatternsSection patterns_section(const std::vector<Journey>& journeys, AcademicYear year) {
    PatternsSection s;
    s.year = year;
    std::map<JourneyPattern, int> counts;
    for (const auto& j : journeys)
        if (detail::engaged_in(j, year)) {
            ++counts[journey_pattern(j, year)];
            ++s.schools;
        }
    for (JourneyPattern p : all_journey_patterns)
        s.rows.push_back({p, counts[p], detail::percent(counts[p], s.schools)});
    return s;
}

}  // namespace tfm
