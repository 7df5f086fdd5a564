// The report's `cohorts` section: each Work Group of a year, its sessions and attendance.
#pragma once

#include "tfm/model/index.h"
#include "tfm/model/model.h"

#include <optional>
#include <string>
#include <vector>

namespace tfm {

struct CohortSummary {
    std::string cohort;  // the cohort's id
    std::string name;    // the cohort's name, or its id when it has none
    Stage stage = Stage::development;
    std::string lead;       // the lead's id
    std::string lead_name;  // the lead's name, or their id when they have no record
    int schools = 0;     // members, including any that withdrew
    // Distinct sessions: two logs of one meeting (date) or one visit (date, type, school)
    // are one session held, as `session/duplicate` says.
    int meetings_held = 0, meetings_planned = 0;
    int visits_held = 0, visits_planned = 0;
    // Percentage of expected member-meetings attended at the meetings logged with attendance;
    // absent when none was logged.
    std::optional<double> attendance;
};

struct CohortsSection {
    AcademicYear year;
    std::vector<CohortSummary> rows;  // the year's cohorts, in records order
    std::vector<Stage> stages;        // the stages these cohorts are at, in stage order
};

CohortsSection cohorts_section(const Records& records, const Index& index, AcademicYear year);

}  // namespace tfm
