#include "tfm/model/rule_id.h"

namespace tfm {

const std::vector<std::string_view>& rule_names() {
    static const std::vector<std::string_view> names = {
        "file/unreadable",     "file/skipped",         "yaml/syntax",
        "schema/unknown-key",  "schema/type",          "schema/missing",
        "schema/duplicate-key", "ref/duplicate-id",    "ref/unknown",
        "ref/participant",     "ref/area",            "ref/predecessor",             "journey/order",        "journey/prerequisite",
        "journey/repeat",      "journey/same-year",    "journey/unfinished",
        "cohort/size",         "cohort/participants",  "cohort/lead-load",
        "cohort/phase",        "cohort/withdrawal",    "cohort/plan",          "session/out-of-year",
        "session/not-enrolled", "session/future",      "session/duplicate",
        "session/spacing",     "session/agenda",       "session/observation-order",
        "schedule/clash",      "offer/stage",          "offer/duplicate",
    };
    return names;
}

std::string_view rule_name(RuleId id) { return rule_names()[std::size_t(id)]; }

std::optional<RuleId> parse_rule(std::string_view name) {
    const auto& names = rule_names();
    for (std::size_t i = 0; i < names.size(); ++i)
        if (names[i] == name) return RuleId(i);
    return std::nullopt;
}

const std::vector<std::string_view>& gap_kind_names() {
    static const std::vector<std::string_view> names = {
        "gaps",    "lapsed",  "attendance", "visits",     "overdue", "sustaining_visits",
        "year_groups", "agendas", "agenda_due", "capacity_lost", "new_maths_lead", "offers", "never_engaged"};
    return names;
}

bool rule_can_be_off(RuleId id) {
    std::string_view name = rule_name(id);
    return !(name.starts_with("file/") || name.starts_with("yaml/") ||
             name.starts_with("schema/") || name.starts_with("ref/"));
}

}  // namespace tfm
