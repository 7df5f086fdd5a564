// The names of the rules of SPEC section 4 as a typed id. It lives in model/ (below load/)
// so that the loader can read hub.rules.off; the rule table in rules/ gives each id its
// severity, summary and check.
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string_view>
#include <vector>

namespace tfm {

// In the order of the rule table (check --help, the man page and the README list them so).
enum class RuleId {
    file_unreadable,
    file_skipped,
    yaml_syntax,
    schema_unknown_key,
    schema_type,
    schema_missing,
    schema_duplicate_key,
    ref_duplicate_id,
    ref_unknown,
    ref_participant,
    ref_area,
    ref_predecessor,
    journey_order,
    journey_prerequisite,
    journey_repeat,
    journey_same_year,
    journey_unfinished,
    cohort_size,
    cohort_participants,
    cohort_lead_load,
    cohort_phase,
    cohort_withdrawal,
    cohort_plan,
    session_out_of_year,
    session_not_enrolled,
    session_future,
    session_duplicate,
    session_spacing,
    session_agenda,
    session_observation_order,
    schedule_clash,
    offer_stage,
    offer_duplicate,
};
inline constexpr std::size_t rule_count = std::size_t(RuleId::offer_duplicate) + 1;

// The name as written in findings and in hub.rules.off: "cohort/size".
std::string_view rule_name(RuleId id);
// Every rule's name, in RuleId order.
const std::vector<std::string_view>& rule_names();
// The id of a rule name; nullopt for a name no rule has.
std::optional<RuleId> parse_rule(std::string_view name);
// file/, yaml/, schema/ and ref/ rules always apply: hub.rules.off cannot name them.
bool rule_can_be_off(RuleId id);

// The kinds of `tfm gaps` (SPEC section 6), in the order they are printed. hub.rules.off
// names them `gaps/<kind>` (`gaps/sustaining_visits`) to leave a kind out of `gaps`.
enum class GapKind {
    gaps,
    lapsed,
    attendance,
    visits,
    overdue,
    sustaining_visits,
    year_groups,
    agendas,
    agenda_due,
    capacity_lost,
    new_maths_lead,
    offers,
    never_engaged,
};
// Each kind's name in output and tables ("sustaining_visits"), in GapKind order.
const std::vector<std::string_view>& gap_kind_names();
inline std::string_view gap_kind_name(GapKind kind) { return gap_kind_names()[std::size_t(kind)]; }

// A set of rules (hub.rules.off), one bit each.
class RuleSet {
public:
    void insert(RuleId id) { bits_ |= bit(id); }
    bool contains(RuleId id) const { return (bits_ & bit(id)) != 0; }
    bool empty() const { return bits_ == 0; }
    friend bool operator==(RuleSet, RuleSet) = default;

private:
    static std::uint64_t bit(RuleId id) { return std::uint64_t(1) << unsigned(id); }
    std::uint64_t bits_ = 0;
};
static_assert(rule_count <= 64, "RuleSet holds one bit per rule");

}  // namespace tfm
