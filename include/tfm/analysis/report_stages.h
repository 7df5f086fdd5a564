// The report's `stages` section: schools per stage per year.
#pragma once

#include "tfm/model/journey.h"
#include "tfm/model/model.h"

#include <array>
#include <vector>

namespace tfm {

struct StagesYear {
    AcademicYear year;
    std::array<int, all_stages.size()> schools{};  // indexed by Stage
    int total = 0;  // the sum over stages: a school in two stages counts twice
};

struct StagesSection {
    AcademicYear year;
    // Every year from the first engagement up to `year`; empty when there is none.
    std::vector<StagesYear> years;
};

StagesSection stages_section(const std::vector<Journey>& journeys, AcademicYear year);

}  // namespace tfm
