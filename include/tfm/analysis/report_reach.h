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
};

struct ReachSection {
    AcademicYear year;
    // Every year from the first engagement or training up to `year`; empty when there is none.
    std::vector<ReachYear> years;
};

ReachSection reach_section(const Records& records, const std::vector<Journey>& journeys,
                           AcademicYear year);

}  // namespace tfm
