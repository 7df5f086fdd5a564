// Internal to gaps: the kinds about a school's people over time (staff `from` and `left`,
// SPEC section 6): capacity_lost and new_maths_lead.
#pragma once

#include "tfm/base/table.h"
#include "tfm/model/journey.h"
#include "tfm/model/model.h"

#include <vector>

namespace tfm {

// Schools whose every Work Group participant (up to `year`) is, as of `as_of`, a former
// member of staff. Participants the staff list does not name are not known to have left.
Table capacity_lost_table(const Records& records, const std::vector<Journey>& journeys,
                          AcademicYear year, Date as_of);

// Schools whose maths lead changed since their last engagement (up to `year`): a current
// maths lead who joined after it ended, or a maths lead of its time who has since left.
Table new_maths_lead_table(const Records& records, const std::vector<Journey>& journeys,
                           AcademicYear year, Date as_of);

}  // namespace tfm
