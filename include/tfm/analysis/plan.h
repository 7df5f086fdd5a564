// `tfm plan`: proposes the rest of a cohort's meeting and visit dates from --as-of on
// (edit/plan_writer.h adds them to its record).
#pragma once

#include "tfm/model/index.h"
#include "tfm/model/model.h"

#include <string>
#include <vector>

namespace tfm {

struct ProposedVisit {
    Urn urn = 0;
    Date date;
};

// A date the plan keeps as it is: a meeting (urn 0) or a visit, logged or already planned.
struct KeptDate {
    Date date;
    Urn urn = 0;
    bool logged = false;  // else planned (still ahead, or passed with no log yet)
};

struct PlanProposal {
    const Cohort* cohort = nullptr;
    Date as_of;
    int weekday = 1;               // 0 = Monday
    bool weekday_assumed = false;  // the cohort gives none: Tuesday
    bool default_terms = false;    // the hub has no term dates for the year
    std::vector<KeptDate> kept_meetings;
    std::vector<KeptDate> kept_visits;
    std::vector<Date> meetings;         // added, after as_of
    std::vector<ProposedVisit> visits;  // added, after as_of
    std::vector<std::string> warnings;  // what could not be met (spacing, a full diary)

    bool adds_nothing() const { return meetings.empty() && visits.empty(); }
};

// Keeps every logged date and every planned one, and fills what is still missing after
// as_of: a meeting in each half-term that has none, on the cohort's weekday, within the
// spacing rule against the kept dates; for stages with visits, one visit per school per term.
// Never a date on or before as_of, a weekend, a bank holiday in England, a day in
// hub.closed or outside the half-terms, nor a time at which the lead is booked elsewhere.
PlanProposal propose_plan(const Records& records, const Index& index, const Cohort& cohort, Date as_of);

// The added dates as YAML: `meetings:` and `visits:` keys indented by `indent` spaces (only
// the keys that have additions; empty when there are none).
std::string plan_yaml(const PlanProposal& plan, int indent);

// What the plan kept and added, as comment lines ("# Kept: …") for the printed plan.
std::string plan_summary(const PlanProposal& plan);

}  // namespace tfm
