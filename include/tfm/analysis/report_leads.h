// The report's `leads` section: each lead's year (SPEC section 6): the Work Groups they lead,
// their schools, meetings and visits held and planned, and logs overdue.
#pragma once

#include "tfm/analysis/report_cohorts.h"
#include "tfm/base/date.h"
#include "tfm/model/index.h"
#include "tfm/model/model.h"

#include <string>
#include <vector>

namespace tfm {

struct LeadYear {
    std::string lead;  // the lead's id
    std::string name;  // the lead's name
    LeadRole role = LeadRole::specialist;
    std::vector<std::string> cohorts;  // ids of the Work Groups they lead in the year
    std::vector<std::string> cohort_names;  // their names (an id where a group has none)
    int schools = 0;                   // distinct member schools of those groups
    // Summed over the groups, counted as the cohorts section counts them.
    int meetings_held = 0, meetings_planned = 0;
    int visits_held = 0, visits_planned = 0;
    int overdue_logs = 0;  // planned meetings and visits passed with no log (gaps' overdue)
};

struct LeadsSection {
    AcademicYear year;
    // Every lead in records order, those without a Work Group in the year included (their
    // load is nothing); then, for a cohort whose lead has no record, a row under its id.
    std::vector<LeadYear> rows;
};

LeadsSection leads_section(const Records& records, const Index& index, AcademicYear year, Date as_of);

}  // namespace tfm
