#include "tfm/rules/rules.h"

#include <stdexcept>

namespace tfm {

void Reporter::report(RuleId rule, Severity severity, Pos pos, std::string message) {
    if (pos.file >= 0 && std::size_t(pos.file) < records_.files.size() && rule_can_be_off(rule)) {
        int dir = records_.files[std::size_t(pos.file)].directory;
        if (records_.rules_of(dir).is_off(rule)) return;
    }
    out_.push_back(Diagnostic{pos, severity, std::string(rule_name(rule)), std::move(message)});
}

namespace {

// find_rule(RuleId) indexes the table: it must list every rule once, in RuleId order.
std::vector<Rule> in_id_order(std::vector<Rule> rules) {
    if (rules.size() != rule_count) throw std::logic_error("the rule table misses a rule");
    for (std::size_t i = 0; i < rules.size(); ++i)
        if (rules[i].id != RuleId(i)) throw std::logic_error("the rule table is out of RuleId order");
    return rules;
}

}  // namespace

const std::vector<Rule>& rule_table() {
    using S = Severity;
    using R = RuleId;
    static const std::vector<Rule> rules = in_id_order({
        {R::file_unreadable, S::error, "a record file that cannot be read", "", nullptr},
        {R::file_skipped, S::warning,
         "a named pipe, device, broken link or link loop in the tree, skipped", "", nullptr},
        {R::yaml_syntax, S::error, "malformed YAML (also binary files and bytes that are not UTF-8)",
         "", nullptr},
        {R::schema_unknown_key, S::error, "a key the format does not have", "", nullptr},
        {R::schema_type, S::error, "wrong type or malformed value (date, year, URN, enum)", "",
         nullptr},
        {R::schema_missing, S::error, "a required field is absent", "", nullptr},
        {R::schema_duplicate_key, S::error, "the same key twice in one mapping", "", nullptr},
        {R::ref_duplicate_id, S::error,
         "two schools with one URN, two cohorts or leads with one id, two hubs", "", nullptr},
        {R::ref_unknown, S::error, "a URN, cohort id or lead id that no record defines", "",
         check_ref_unknown},
        {R::ref_participant, S::warning,
         "a participant or attendee not in the school's staff (only when staff is given) or not on it "
         "at the time (its from and left dates), or an attendee not among the school's participants in the cohort (only when they are given), or a "
         "taught_by name that is no lead, participant or staff member",
         "", check_ref_participant},
        {R::ref_area, S::warning, "a school's area that is not one of hub.areas (compared as names are)", "",
         check_ref_area},
        {R::ref_predecessor, S::error,
         "a school's predecessor that is the school itself, or a chain of predecessors that loops (error); "
         "a predecessor in a cohort of a year after its successor was in the programme under its own URN (warning)",
         "", check_ref_predecessor},
        {R::journey_order, S::error, "a stage after a later stage (e.g. development after embedding)",
         "", check_journey_order},
        {R::journey_prerequisite, S::error,
         "embedding without an earlier development; sustaining without an earlier embedding",
         "requires: {embedding: development, sustaining: embedding}", check_journey_prerequisite},
        {R::journey_repeat, S::error,
         "development twice (error); readiness or embedding twice (warning); sustaining may repeat",
         "", check_journey_repeat},
        {R::journey_same_year, S::error,
         "one school in two cohorts (or history entries) of one academic year", "",
         check_journey_same_year},
        {R::journey_unfinished, S::warning,
         "a school moved on from a stage it withdrew from or attended below the completion threshold of",
         "completion: 0.67", check_journey_unfinished},
        {R::cohort_size, S::warning, "schools in a cohort outside the size range",
         "cohort_size: {min: 4, max: 8}", check_cohort_size},
        {R::cohort_participants, S::warning,
         "a school with fewer participants than its stage expects",
         "stages.<stage>.participants: 2 (sustaining 1)", check_cohort_participants},
        {R::cohort_lead_load, S::warning, "a lead leading too many cohorts in one year",
         "lead_load: 2", check_cohort_lead_load},
        {R::cohort_phase, S::warning, "a school whose phase differs from its cohort's", "",
         check_cohort_phase},
        {R::cohort_withdrawal, S::warning,
         "a school with `status: withdrawn` and no `withdrawn_on` (or a date and no status)", "",
         check_cohort_withdrawal},
        {R::cohort_plan, S::warning,
         "planned meetings or visits per school fewer than the stage expects",
         "stages.<stage>: {meetings: 6, visits: 3} (sustaining visits: 0)", check_cohort_plan},
        {R::session_out_of_year, S::error,
         "a session or planned date outside the cohort's academic year", "",
         check_session_out_of_year},
        {R::session_not_enrolled, S::error,
         "attendance or a visit for a school not in the cohort", "", check_session_not_enrolled},
        {R::session_future, S::error, "a session log dated after --as-of", "",
         check_session_future},
        {R::session_duplicate, S::warning, "two logs for one cohort, date, type and school", "",
         check_session_duplicate},
        {R::session_spacing, S::warning,
         "consecutive meetings of a cohort closer or further apart than the range",
         "meeting_gap_weeks: {min: 3, max: 8}", check_session_spacing},
        {R::session_agenda, S::warning,
         "agenda items that overlap or run outside start-end; a meeting with no timed agenda is a note",
         "", check_session_agenda},
        {R::session_observation_order, S::warning,
         "in one cohort, a later meeting observes an earlier lesson of the same unit", "",
         check_session_observation_order},
        {R::schedule_clash, S::error,
         "a lead booked twice at overlapping times; a warning when a booking has no time", "",
         check_schedule_clash},
        {R::offer_stage, S::warning,
         "an offer of a stage that is not the school's next stage", "", check_offer_stage},
        {R::offer_duplicate, S::error, "two offers for one school and year", "", check_offer_duplicate},
    });
    return rules;
}

const Rule& find_rule(RuleId id) { return rule_table()[std::size_t(id)]; }

const Rule* find_rule(std::string_view name) {
    auto id = parse_rule(name);
    return id ? &find_rule(*id) : nullptr;
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
