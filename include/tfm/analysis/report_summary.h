// The report's `summary` section: schools engaged by stage, ever engaged, and coverage of each
// phase against the hub's targets (SPEC section 6; with several hubs, against none: each hub's
// target is for its own schools, in the hubs section).
#pragma once

#include "tfm/model/journey.h"
#include "tfm/model/model.h"

#include <array>
#include <optional>
#include <vector>

namespace tfm {

// One phase's coverage: schools of the phase ever engaged against the hubs' population of it.
struct PhaseCoverage {
    Phase phase = Phase::primary;
    int schools = 0;                  // schools of the phase engaged in any year up to the year
    int completed_or_in_progress = 0; // of those, schools with an engagement not withdrawn or incomplete
    std::optional<int> population;    // the hubs' schools of the phase; absent when none recorded
    std::optional<double> percent;    // schools as a percentage of population (when recorded)
    std::optional<double> target;     // the target percentage, as written in hub.yaml
    std::optional<AcademicYear> by;   // the year the target is for
    bool met = false;                 // percent and target known, and percent reaches the target
};

struct SummarySection {
    AcademicYear year;
    std::array<int, all_stages.size()> engaged_by_stage{};  // indexed by Stage: engaged in year
    int engaged = 0;       // schools engaged in the year at any stage (each counted once)
    int ever_engaged = 0;  // schools with any engagement up to and including the year
    // The same figures counting only schools whose engagements (in the year, or up to it)
    // were not all withdrawn or incomplete: how the DfE counts engagement.
    std::array<int, all_stages.size()> completed_or_in_progress_by_stage{};
    int engaged_completed_or_in_progress = 0;
    int ever_completed_or_in_progress = 0;
    // One row per target (a single hub's), and one for each phase with a population but no
    // target; by phase.
    std::vector<PhaseCoverage> coverage;
};

SummarySection summary_section(const Records& records, const std::vector<Journey>& journeys,
                               AcademicYear year);

}  // namespace tfm
