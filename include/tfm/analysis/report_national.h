// The national page's digest (several data directories): the year's Work Groups, leads and
// areas summarised per hub, so forty hubs read in a few pages. The full lists stay in the
// `cohorts`, `leads` and `characteristics` sections (csv, json, xlsx, `--section`).
#pragma once

#include "tfm/analysis/report_cohorts.h"
#include "tfm/base/date.h"
#include "tfm/model/index.h"
#include "tfm/model/journey.h"
#include "tfm/model/model.h"

#include <array>
#include <optional>
#include <string>
#include <vector>

namespace tfm {

struct HubDigest {
    std::string hub;                  // the hub's name; empty for the national total
    std::array<int, 4> work_groups{}; // the year's Work Groups by stage (all_stages order)
    int work_groups_total = 0;
    // The median of the Work Groups' attendance (cohorts section); absent when none is logged.
    std::optional<double> median_attendance;
    int leads = 0;  // distinct leads of those Work Groups
    int meetings_held = 0, meetings_planned = 0;
    int visits_held = 0, visits_planned = 0;
    int overdue_logs = 0;  // as the leads section (and tfm gaps' overdue) counts them
    int areas = 0;          // distinct areas of the hub's schools on record
    int areas_engaged = 0;  // ... with a school engaged in the year
    int schools = 0;        // schools on record
    int engaged = 0;        // ... engaged in the year
};

struct NationalDigest {
    AcademicYear year;
    int hubs = 0;
    std::vector<HubDigest> rows;  // each hub in records order, then the national total
};

NationalDigest national_digest(const Records& records, const Index& index,
                               const std::vector<Journey>& journeys, const CohortsSection& cohorts,
                               Date as_of);

}  // namespace tfm
