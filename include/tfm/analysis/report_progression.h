// The report's `progression` section: per stage, the schools that finished it in the year
// before the selected one, and how many of them were offered the next stage, accepted, and
// are enrolled in it, so the hub sees where schools drop out between stages.
#pragma once

#include "tfm/model/journey.h"
#include "tfm/model/model.h"

#include <vector>

namespace tfm {

struct ProgressionRow {
    Stage stage = Stage::readiness;  // the stage finished
    Stage next = Stage::development;  // the stage after it
    int finished = 0;  // completed it (or are completing it, when that year is still on)
    int offered = 0;   // of those, with an offer of `next` for the selected year
    int accepted = 0;  // of those offered, accepted
    int enrolled = 0;  // of those that finished, in a cohort of `next` in the selected year
};

struct ProgressionSection {
    AcademicYear year;                 // the selected year: the one offered and enrolled in
    std::vector<ProgressionRow> rows;  // one per stage, in stage order
};

ProgressionSection progression_section(const Records& records, const std::vector<Journey>& journeys,
                                       AcademicYear year);

}  // namespace tfm
