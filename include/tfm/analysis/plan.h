// `tfm plan`: proposes a cohort's meeting and visit dates (edit/plan_writer.h writes them).
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

struct PlanProposal {
    const Cohort* cohort = nullptr;
    int weekday = 1;               // 0 = Monday
    bool weekday_assumed = false;  // the cohort gives none: Tuesday
    bool default_terms = false;    // the hub has no term dates for the year
    std::vector<Date> meetings;
    std::vector<ProposedVisit> visits;
    std::vector<std::string> warnings;  // what could not be met (spacing, a full diary)
};

// One meeting per half-term on the cohort's weekday, consecutive meetings within the
// spacing rule, and for stages with visits one visit per school per term; no date on which
// the lead is booked elsewhere (other cohorts' plans and logs, and this cohort's logs). A
// half-term whose meeting was already logged keeps that date, and so does a school's visit
// already logged in a term.
PlanProposal propose_plan(const Records& records, const Index& index, const Cohort& cohort);

// The YAML to paste: `meetings:` and `visits:` keys indented by `indent` spaces.
std::string plan_yaml(const PlanProposal& plan, int indent);

}  // namespace tfm
