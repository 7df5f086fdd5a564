// The record format table is what the loader reads by: every field is either bound to a
// member of its record or named here as read by the loader's own code (read_<kind>.cpp).
#include "tfm/load/load.h"
#include "tfm/model/record_format.h"
#include "tfm/model/rule_id.h"

#include <doctest/doctest.h>

#include <set>
#include <string>

using namespace tfm;

TEST_CASE("every field of the record format is bound or read by the loader's own code") {
    const std::set<std::string> read_by_loader = {
        "hub.population",         "hub.terms",        "hub.rules",  "hub.bands",
        "hub.rules.cohort_size",  "hub.rules.meeting_gap_weeks", "hub.rules.requires",
        "hub.rules.stages",       "hub.rules.off",    "school.staff", "cohort.schools",
        "session.attendance",
    };
    for (const auto& spec : record_specs()) {
        CAPTURE(spec.name);
        CHECK(spec.type != nullptr);
        CHECK(spec.fields.size() <= max_fields);
        for (const auto& f : spec.fields) {
            std::string name = std::string(spec.name) + "." + std::string(f.name);
            CAPTURE(name);
            CHECK(f.bind.read_by_loader() == (read_by_loader.count(name) == 1));
            if (f.type == FieldType::record || f.type == FieldType::record_list ||
                f.type == FieldType::dated_list)
                CHECK((f.sub != nullptr && f.sub->name == f.record));
            if (f.type == FieldType::integer) CHECK(f.min < f.max);
        }
    }
}

TEST_CASE("the top-level keys name the top-level record kinds") {
    CHECK(record_spec(RecordKind::hub).name == "hub");
    CHECK(record_spec(RecordKind::session).name == "session");
    for (const auto& k : top_level_keys()) CHECK(k.key.starts_with(k.record()));
}

TEST_CASE("rule names and ids round-trip") {
    CHECK(rule_names().size() == rule_count);
    for (std::size_t i = 0; i < rule_count; ++i) CHECK(parse_rule(rule_name(RuleId(i))) == RuleId(i));
    CHECK_FALSE(parse_rule("cohort/nonsense"));
    CHECK(rule_can_be_off(RuleId::cohort_size));
    CHECK_FALSE(rule_can_be_off(RuleId::ref_unknown));
}

TEST_CASE("hub.rules.off is read into a set of rule ids") {
    auto r = load_text("hub:\n  name: H\n  rules:\n    off: [cohort/size, session/agenda]\n");
    REQUIRE(r.diagnostics.empty());
    REQUIRE(r.records.hubs.size() == 1);
    const auto& rules = r.records.hubs[0].rules;
    CHECK(rules.is_off(RuleId::cohort_size));
    CHECK(rules.is_off(RuleId::session_agenda));
    CHECK_FALSE(rules.is_off(RuleId::cohort_plan));
}
