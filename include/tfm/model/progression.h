// Where a school's journey leads next, seen from a coming year (SPEC sections 5 and 6: offers).
#pragma once

#include "tfm/model/journey.h"

#include <optional>

namespace tfm {

// The school's latest engagement before `year`, or null when it has none.
const Engagement* latest_before(const Journey& journey, AcademicYear year);

// The stage the school is due in `year`: the one after the highest stage it took part in
// before that year and did not withdraw from or leave incomplete (one still in progress
// counts: it is finishing), so a withdrawn or incomplete school is due its stage again.
// Empty for a school with no engagement before `year` (a prospect: readiness or development).
std::optional<Stage> next_stage_for(const Journey& journey, AcademicYear year);

// Whether the school has an engagement (cohort or history) in `year`.
bool engaged_in(const Journey& journey, AcademicYear year);

}  // namespace tfm
