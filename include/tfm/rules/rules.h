// The rule table of SPEC section 4: one definition of each rule, read by `check`,
// `--help`, the man page and the JSON output.
#pragma once

#include "tfm/base/diagnostic.h"
#include "tfm/model/index.h"
#include "tfm/model/journey.h"
#include "tfm/model/model.h"

#include <functional>
#include <string>
#include <string_view>
#include <vector>

namespace tfm {

// Collects findings, dropping those of rules a hub switched off for its own records.
class Reporter {
public:
    Reporter(const Records& records, Diagnostics& out) : records_(records), out_(out) {}
    void report(RuleId rule, Severity severity, Pos pos, std::string message);

private:
    const Records& records_;
    Diagnostics& out_;
};

struct CheckContext {
    const Records& records;
    const Index& index;
    const std::vector<Journey>& journeys;  // one per school, in records.schools order
    Date as_of;
};

using CheckFunction = void (*)(const CheckContext&, Reporter&);

struct Rule {
    Rule(RuleId id, Severity severity, std::string_view summary, std::string_view setting,
         CheckFunction check)
        : id(id), name(rule_name(id)), severity(severity), summary(summary), setting(setting),
          check(check) {}

    RuleId id;
    std::string_view name;      // rule_name(id), for the listings
    Severity severity;          // the severity it reports at (journey/repeat and
                                // session/agenda also report a milder one, as documented)
    std::string_view summary;   // one line: what it catches
    std::string_view setting;   // the hub.rules setting and its default, or empty
    CheckFunction check;        // null for the rules the loader applies
};

// Every rule, in RuleId order.
const std::vector<Rule>& rule_table();
const Rule& find_rule(RuleId id);
// The rule of a name as written in findings; null for a name no rule has.
const Rule* find_rule(std::string_view name);

// Runs every rule function over loaded records, appending findings to `out`.
void run_checks(const Records& records, Date as_of, Diagnostics& out);
// The same with the records' index and journeys already built (all_journeys() as of `as_of`).
void run_checks(const Records& records, const Index& index, const std::vector<Journey>& journeys,
                Date as_of, Diagnostics& out);

// The families, one file each under src/rules/.
void check_ref_unknown(const CheckContext&, Reporter&);
void check_ref_participant(const CheckContext&, Reporter&);
void check_ref_area(const CheckContext&, Reporter&);
void check_ref_predecessor(const CheckContext&, Reporter&);
void check_journey_order(const CheckContext&, Reporter&);
void check_journey_prerequisite(const CheckContext&, Reporter&);
void check_journey_repeat(const CheckContext&, Reporter&);
void check_journey_same_year(const CheckContext&, Reporter&);
void check_journey_unfinished(const CheckContext&, Reporter&);
void check_cohort_size(const CheckContext&, Reporter&);
void check_cohort_participants(const CheckContext&, Reporter&);
void check_cohort_lead_load(const CheckContext&, Reporter&);
void check_cohort_phase(const CheckContext&, Reporter&);
void check_cohort_withdrawal(const CheckContext&, Reporter&);
void check_cohort_plan(const CheckContext&, Reporter&);
void check_session_out_of_year(const CheckContext&, Reporter&);
void check_session_not_enrolled(const CheckContext&, Reporter&);
void check_session_future(const CheckContext&, Reporter&);
void check_session_duplicate(const CheckContext&, Reporter&);
void check_session_spacing(const CheckContext&, Reporter&);
void check_session_agenda(const CheckContext&, Reporter&);
void check_session_observation_order(const CheckContext&, Reporter&);
void check_schedule_clash(const CheckContext&, Reporter&);
void check_offer_stage(const CheckContext&, Reporter&);
void check_offer_duplicate(const CheckContext&, Reporter&);

}  // namespace tfm
