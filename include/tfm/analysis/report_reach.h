// The report's `reach` section: leads trained and schools reached, cumulatively, by year.
#pragma once

#include "tfm/model/journey.h"
#include "tfm/model/model.h"

#include <vector>

namespace tfm {

struct ReachYear {
    AcademicYear year;
    int leads = 0;    // leads trained in this year or before
    int schools = 0;  // distinct schools reached by this year: first engagement or lead trained
    // Of those, the schools with an engagement up to this year that was not withdrawn or
    // incomplete, or a lead trained by then (as the DfE counts engagement).
    int completed_or_in_progress = 0;
};

struct ReachSection {
    AcademicYear year;
    // Every year from the first engagement or training up to `year`; empty when there is none.
    std::vector<ReachYear> years;
};

ReachSection reach_section(const Records& records, const std::vector<Journey>& journeys,
                           AcademicYear year);

}  // namespace tfm
