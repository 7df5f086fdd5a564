// A school's journey through the programme (SPEC section 5): its engagements, their
// statuses against an as-of date, gap years, whether it has lapsed, and its next stage.
#pragma once

#include "tfm/model/index.h"
#include "tfm/model/model.h"

#include <optional>
#include <string>
#include <vector>

namespace tfm {

enum class EngagementStatus { planned, in_progress, withdrawn, completed, incomplete };
std::string_view name_of_status(EngagementStatus s);
// Whether an engagement counts as the DfE counts engagement (SPEC section 6,
// schools_completed_or_in_progress): not withdrawn and not incomplete.
inline bool completed_or_in_progress(EngagementStatus s) {
    return s != EngagementStatus::withdrawn && s != EngagementStatus::incomplete;
}

struct Engagement {
    Stage stage = Stage::development;
    AcademicYear year;
    const Cohort* cohort = nullptr;         // null for a history entry
    const Member* member = nullptr;         // the school's entry in the cohort
    const HistoryEntry* history = nullptr;  // null for a cohort membership
    std::string_view lead;                  // the cohort's or history entry's (in Records)
    EngagementStatus status = EngagementStatus::completed;
    int meetings_logged = 0;    // the cohort's logged meetings that recorded attendance
    int meetings_attended = 0;  // of those, the ones the school attended
    Pos pos;                    // the cohort's entry for the school, or the history entry
    // The establishment it belongs to: the journey's school, or one of its predecessors
    // (section 2), whose record (null when it has none) gives its old name.
    Urn urn = 0;
    const School* school = nullptr;

    // Share of logged meetings attended; empty when none was logged (history, new cohorts).
    std::optional<double> attendance() const;
};

struct Journey {
    const School* school = nullptr;
    // The school that continues this one (a known school names it as a predecessor): its
    // engagements are in that school's journey, so this journey has none and the school is
    // not counted, lapsed or never-engaged on its own.
    const School* successor = nullptr;
    std::vector<Engagement> engagements;  // by year, then stage
    std::vector<AcademicYear> gap_years;  // years with no engagement between two engagements
    bool lapsed = false;
    std::optional<Stage> next_stage;      // empty only for a school with no engagement
    const Engagement* latest() const {
        return engagements.empty() ? nullptr : &engagements.back();
    }
};

// Whether a member is in the cohort on `d`: not before it joined (`joined_on`) and not on or
// after the date it withdrew (`withdrawn_on`). The one place that says so: the log's
// defaults, the register, the gaps and session/not-enrolled all ask it.
bool member_on(const Member& member, Date d);

// Whether a member is expected at a cohort meeting on `d`: member_on, and a school that
// withdrew is expected only before the date it withdrew (at none when that date is not given).
bool expected_on(const Member& member, Date d);

// Whether a planned visit still stands: not to a school that withdrew on or before its date
// (or withdrew without a date). Such a visit is called off: not due in the schedule or the
// calendar, not overdue in gaps, not counted among the visits planned.
bool visit_stands(const Cohort& cohort, const PlannedVisit& visit);

// Whether an attendance share meets the completion threshold. A small tolerance, so that
// 4 of 6 (0.6667) meets the default 0.67 as a coordinator means it.
bool meets_completion(double share, double completion);

// Share of the cohort's logged meetings (those that recorded attendance) the school attended.
void count_attendance(const Cohort& cohort, Urn urn, const Index& index, int& logged,
                      int& attended);

// The stage that may follow `stage` in a journey (sustaining follows itself).
Stage stage_after(Stage stage);

Journey journey_of(const School& school, const Records& records, const Index& index,
                   Date as_of);

// Every school's journey, in the order of records.schools.
std::vector<Journey> all_journeys(const Records& records, const Index& index, Date as_of);

}  // namespace tfm
