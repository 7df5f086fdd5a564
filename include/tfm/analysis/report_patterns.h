// The report's `patterns` section: how the schools engaged in a year came to it (SPEC section 6).
#pragma once

#include "tfm/model/journey.h"
#include "tfm/model/model.h"

#include <array>
#include <string_view>
#include <vector>

namespace tfm {

enum class JourneyPattern {
    readiness_to_sustaining,    // began with readiness, reached sustaining, no gap year
    development_to_sustaining,  // began with development, reached sustaining, no gap year
    gap,                        // a year without engagement between two engagements
    in_progress,                // began with readiness or development, not yet sustaining
    other,                      // began with embedding or sustaining, or no engagement
};
inline constexpr std::array<JourneyPattern, 5> all_journey_patterns = {
    JourneyPattern::readiness_to_sustaining, JourneyPattern::development_to_sustaining,
    JourneyPattern::gap, JourneyPattern::in_progress, JourneyPattern::other};
template <> const std::vector<std::string_view>& enum_names<JourneyPattern>();
// The pattern as people read it, in every human format (table, md, html): "still under way".
std::string_view words_of(JourneyPattern pattern);

// The pattern of a school's journey up to and including `year`.
JourneyPattern journey_pattern(const Journey& journey, AcademicYear year);

struct PatternCount {
    JourneyPattern pattern = JourneyPattern::other;
    int schools = 0;
    double percent = 0;  // of the section's schools; 0 when there are none
};

struct PatternsSection {
    AcademicYear year;
    int schools = 0;                  // schools engaged in the year
    std::vector<PatternCount> rows;   // every pattern, in all_journey_patterns order
};

PatternsSection patterns_section(const std::vector<Journey>& journeys, AcademicYear year);

}  // namespace tfm
