// cohort/ rules: a Work Group's size, participants, lead, phase and plan.
#include "tfm/rules/rules.h"

#include "rule_helpers.h"

#include <fmt/format.h>

#include <set>
#include <string>
#include <unordered_map>

namespace tfm {
namespace {

std::string plural(int n, std::string_view one, std::string_view many) {
    return fmt::format("{} {}", n, n == 1 ? one : many);
}

bool phases_compatible(Phase school, Phase cohort) {
    if (school == cohort) return true;
    auto all_through_with = [](Phase a, Phase b) {
        return a == Phase::all_through && (b == Phase::primary || b == Phase::secondary);
    };
    return all_through_with(school, cohort) || all_through_with(cohort, school);
}

}  // namespace

void check_cohort_size(const CheckContext& ctx, Reporter& out) {
    for (const auto& c : ctx.records.cohorts) {
        const RuleSettings& rules = ctx.records.rules_of(c.directory);
        int n = int(c.schools.size());
        if (n >= rules.cohort_size_min && n <= rules.cohort_size_max) continue;
        out.report(RuleId::cohort_size, Severity::warning, at(c.schools_pos, c.pos),
                   fmt::format("cohort {} has {}; expected {} to {}", c.id,
                               plural(n, "school", "schools"), rules.cohort_size_min,
                               rules.cohort_size_max));
    }
}

void check_cohort_participants(const CheckContext& ctx, Reporter& out) {
    for (const auto& c : ctx.records.cohorts) {
        int expected = ctx.records.rules_of(c.directory).stage(c.stage).participants;
        for (const auto& m : c.schools) {
            if (m.status == MemberStatus::withdrawn) continue;
            int n = int(m.participants.size());
            if (n >= expected) continue;
            out.report(RuleId::cohort_participants, Severity::warning, at(m.participants_pos, m.pos),
                       fmt::format("school {} has {} in cohort {}; expected at least {} for {}",
                                   m.urn, plural(n, "participant", "participants"), c.id,
                                   expected, name_of(c.stage)));
        }
    }
}

void check_cohort_lead_load(const CheckContext& ctx, Reporter& out) {
    auto key = [](const Cohort& c) { return fmt::format("{}\n{}", c.lead, c.year.start_year()); };
    std::unordered_map<std::string, int> total;
    for (const auto& c : ctx.records.cohorts)
        if (!c.lead.empty()) ++total[key(c)];
    // Report the cohorts beyond the load, in file order, not the first ones within it.
    std::unordered_map<std::string, int> seen;
    for (const auto& c : ctx.records.cohorts) {
        if (c.lead.empty()) continue;
        std::string k = key(c);
        int nth = ++seen[k];
        int load = ctx.records.rules_of(c.directory).lead_load;
        if (nth <= load) continue;
        out.report(RuleId::cohort_lead_load, Severity::warning, at(c.lead_pos, c.pos),
                   fmt::format("lead {} leads {} cohorts in {}; expected at most {}", c.lead,
                               total[k], c.year.str(), load));
    }
}

void check_cohort_phase(const CheckContext& ctx, Reporter& out) {
    for (const auto& c : ctx.records.cohorts)
        for (const auto& m : c.schools) {
            const School* s = ctx.index.school(m.urn);
            if (!s || phases_compatible(s->phase, c.phase)) continue;
            out.report(RuleId::cohort_phase, Severity::warning, m.pos,
                       fmt::format("school {} is {} but cohort {} is {}", m.urn, name_of(s->phase),
                                   c.id, name_of(c.phase)));
        }
}

// A withdrawal needs its date: without it the journey, the register and the report cannot
// agree on which meetings the school was expected at (SPEC section 4).
void check_cohort_withdrawal(const CheckContext& ctx, Reporter& out) {
    for (const auto& c : ctx.records.cohorts)
        for (const auto& m : c.schools) {
            if (m.status == MemberStatus::withdrawn && !m.withdrawn_on)
                out.report(RuleId::cohort_withdrawal, Severity::warning, m.pos,
                           fmt::format("school {} is withdrawn from cohort {} with no withdrawn_on: "
                                       "add the date it left (`withdrawn_on: YYYY-MM-DD`)",
                                       m.urn, c.id));
            else if (m.status != MemberStatus::withdrawn && m.withdrawn_on)
                out.report(RuleId::cohort_withdrawal, Severity::warning, m.pos,
                           fmt::format("school {} has withdrawn_on {} in cohort {} but status {}: "
                                       "write `status: withdrawn` if it left",
                                       m.urn, m.withdrawn_on->str(), c.id, name_of(m.status)));
        }
}

void check_cohort_plan(const CheckContext& ctx, Reporter& out) {
    for (const auto& c : ctx.records.cohorts) {
        const StageRules& expected = ctx.records.rules_of(c.directory).stage(c.stage);
        const auto& logs = ctx.index.sessions_of(c.id);

        std::set<Date> meetings;
        for (const auto& m : c.meetings) meetings.insert(m.date);
        for (const Session* s : logs)
            if (s->type == SessionType::meeting) meetings.insert(s->date);
        if (int(meetings.size()) < expected.meetings)
            out.report(RuleId::cohort_plan, Severity::warning, at(c.meetings_pos, c.pos),
                       fmt::format("cohort {} has {} planned or held; expected {} for {}", c.id,
                                   plural(int(meetings.size()), "meeting", "meetings"),
                                   expected.meetings, name_of(c.stage)));

        if (expected.visits <= 0) continue;
        std::unordered_map<Urn, std::set<Date>> visits;
        for (const auto& v : c.visits) visits[v.urn].insert(v.date);
        for (const Session* s : logs)
            if (s->is_visit() && s->school) visits[*s->school].insert(s->date);
        for (const auto& m : c.schools) {
            if (m.status == MemberStatus::withdrawn) continue;
            auto it = visits.find(m.urn);
            int n = it == visits.end() ? 0 : int(it->second.size());
            if (n >= expected.visits) continue;
            out.report(RuleId::cohort_plan, Severity::warning, m.pos,
                       fmt::format("school {} has {} planned or held in cohort {}; expected {} "
                                   "for {}",
                                   m.urn, plural(n, "visit", "visits"), c.id, expected.visits,
                                   name_of(c.stage)));
        }
    }
}

}  // namespace tfm
