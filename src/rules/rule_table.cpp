#include "tfm/rules/rules.h"

namespace tfm {

void Reporter::report(std::string_view rule, Severity severity, Pos pos, std::string message) {
    if (pos.file >= 0 && std::size_t(pos.file) < records_.files.size() && rule_can_be_off(rule)) {
        int dir = records_.files[std::size_t(pos.file)].directory;
        if (records_.rules_of(dir).is_off(rule)) return;
    }
    out_.push_back(Diagnostic{pos, severity, std::string(rule), std::move(message)});
}

const std::vector<Rule>& rule_table() {
    using S = Severity;
    static const std::vector<Rule> rules = {
        {"file/unreadable", S::error, "a record file that cannot be read", "", nullptr},
        {"file/skipped", S::warning,
         "a named pipe, device, broken link or link loop in the tree, skipped", "", nullptr},
        {"yaml/syntax", S::error, "malformed YAML (also binary files and bytes that are not UTF-8)",
         "", nullptr},
        {"schema/unknown-key", S::error, "a key the format does not have", "", nullptr},
        {"schema/type", S::error, "wrong type or malformed value (date, year, URN, enum)", "",
         nullptr},
        {"schema/missing", S::error, "a required field is absent", "", nullptr},
        {"schema/duplicate-key", S::error, "the same key twice in one mapping", "", nullptr},
        {"ref/duplicate-id", S::error,
         "two schools with one URN, two cohorts or leads with one id, two hubs", "", nullptr},
        {"ref/unknown", S::error, "a URN, cohort id or lead id that no record defines", "",
         check_ref_unknown},
        {"ref/participant", S::warning,
         "a participant or attendee not in the school's staff (only when staff is given)", "",
         check_ref_participant},
        {"journey/order", S::error, "a stage after a later stage (e.g. development after embedding)",
         "", check_journey_order},
        {"journey/prerequisite", S::error,
         "embedding without an earlier development; sustaining without an earlier embedding",
         "requires: {embedding: development, sustaining: embedding}", check_journey_prerequisite},
        {"journey/repeat", S::error,
         "development twice (error); readiness or embedding twice (warning); sustaining may repeat",
         "", check_journey_repeat},
        {"journey/same-year", S::error,
         "one school in two cohorts (or history entries) of one academic year", "",
         check_journey_same_year},
        {"journey/unfinished", S::warning,
         "a school moved on from a stage it withdrew from or attended below the completion threshold of",
         "completion: 0.67", check_journey_unfinished},
        {"cohort/size", S::warning, "schools in a cohort outside the size range",
         "cohort_size: {min: 4, max: 8}", check_cohort_size},
        {"cohort/participants", S::warning,
         "a school with fewer participants than its stage expects",
         "stages.<stage>.participants: 2 (sustaining 1)", check_cohort_participants},
        {"cohort/lead-load", S::warning, "a lead leading too many cohorts in one year",
         "lead_load: 2", check_cohort_lead_load},
        {"cohort/phase", S::warning, "a school whose phase differs from its cohort's", "",
         check_cohort_phase},
        {"cohort/plan", S::warning,
         "planned meetings or visits per school fewer than the stage expects",
         "stages.<stage>: {meetings: 6, visits: 3} (sustaining visits: 0)", check_cohort_plan},
        {"session/out-of-year", S::error,
         "a session or planned date outside the cohort's academic year", "",
         check_session_out_of_year},
        {"session/not-enrolled", S::error,
         "attendance or a visit for a school not in the cohort", "", check_session_not_enrolled},
        {"session/future", S::error, "a session log dated after --as-of", "",
         check_session_future},
        {"session/duplicate", S::warning, "two logs for one cohort, date, type and school", "",
         check_session_duplicate},
        {"session/spacing", S::warning,
         "consecutive meetings of a cohort closer or further apart than the range",
         "meeting_gap_weeks: {min: 3, max: 8}", check_session_spacing},
        {"session/agenda", S::warning,
         "agenda items that overlap or run outside start-end; a meeting with no timed agenda is a note",
         "", check_session_agenda},
        {"session/observation-order", S::warning,
         "in one cohort, a later meeting observes an earlier lesson of the same unit", "",
         check_session_observation_order},
        {"schedule/clash", S::error, "a lead booked twice on one date", "", check_schedule_clash},
    };
    return rules;
}

const Rule* find_rule(std::string_view name) {
    for (const auto& r : rule_table())
        if (r.name == name) return &r;
    return nullptr;
}

bool rule_can_be_off(std::string_view name) {
    return !(name.starts_with("file/") || name.starts_with("yaml/") || name.starts_with("schema/") || name.starts_with("ref/"));
}

void run_checks(const Records& records, Date as_of, Diagnostics& out) {
    Index index(records);
    run_checks(records, index, all_journeys(records, index, as_of), as_of, out);
}

void run_checks(const Records& records, const Index& index, const std::vector<Journey>& journeys,
                Date as_of, Diagnostics& out) {
    CheckContext ctx{records, index, journeys, as_of};
    Reporter reporter(records, out);
    for (const auto& rule : rule_table())
        if (rule.check) rule.check(ctx, reporter);
}

}  // namespace tfm
