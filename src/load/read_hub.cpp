#include "reader.h"

#include <fmt/format.h>

namespace tfm::detail {
namespace {

// ---- hub.rules ------------------------------------------------------------------------

void read_range(Reader& r, NodeId id, int& lo, int& hi, std::string_view what) {
    static const RecordSpec& spec = record_spec("hub.rules.range");
    auto f = r.fields(id, spec, what);
    if (!f.ok) return;
    RangeSetting range{lo, hi};
    r.read_fields(f, range);
    lo = range.min;
    hi = range.max;
    if (lo > hi)
        r.error(RuleId::schema_type, id, fmt::format("{}: min {} is above max {}", what, lo, hi));
}

void read_cohort_size(Reader& r, void* record, NodeId value) {
    auto& rules = *static_cast<RuleSettings*>(record);
    read_range(r, value, rules.cohort_size_min, rules.cohort_size_max, "cohort_size");
}

void read_meeting_gap(Reader& r, void* record, NodeId value) {
    auto& rules = *static_cast<RuleSettings*>(record);
    read_range(r, value, rules.meeting_gap_min_weeks, rules.meeting_gap_max_weeks,
               "meeting_gap_weeks");
}

// Given at all, it replaces every default prerequisite.
void read_requires(Reader& r, void* record, NodeId value) {
    auto& rules = *static_cast<RuleSettings*>(record);
    rules.requires_stage = {std::nullopt, std::nullopt, std::nullopt, std::nullopt};
    for (auto [k, val] : r.pairs(value, "requires")) {
        auto later = r.enumeration<Stage>(k, "stage");
        auto earlier = r.enumeration<Stage>(val, "stage");
        if (later && earlier) rules.requires_stage[std::size_t(*later)] = *earlier;
    }
}

void read_stages(Reader& r, void* record, NodeId value) {
    static const RecordSpec& spec = record_spec("hub.rules.stage");
    auto& rules = *static_cast<RuleSettings*>(record);
    for (auto [k, val] : r.pairs(value, "stages")) {
        auto stage = r.enumeration<Stage>(k, "stage");
        auto f = r.fields(val, spec);
        if (stage && f.ok) r.read_fields(f, rules.stages[std::size_t(*stage)]);
    }
}

// What hub.rules.off accepts: the rules of SPEC section 4, then the gaps kinds as
// `gaps/<kind>`.
const std::vector<std::string_view>& off_names() {
    static const std::vector<std::string> gap_names = [] {
        std::vector<std::string> out;
        for (auto k : gap_kind_names()) out.push_back(fmt::format("gaps/{}", k));
        return out;
    }();
    static const std::vector<std::string_view> names = [] {
        std::vector<std::string_view> out = rule_names();
        out.insert(out.end(), gap_names.begin(), gap_names.end());
        return out;
    }();
    return names;
}

// A gaps kind written bare (`sustaining_visits`) is one step from its name: say which.
bool is_bare_gap_kind(Reader& r, NodeId item) {
    const yaml::Node& n = r.node(item);
    if (n.kind != yaml::Kind::scalar) return false;
    for (auto k : gap_kind_names())
        if (n.value == k) {
            r.error(RuleId::schema_type, item,
                    fmt::format("unknown rule `{}`; did you mean `gaps/{}`? (a kind of `tfm gaps` "
                                "is switched off as gaps/<kind>)",
                                k, k));
            return true;
        }
    return false;
}

void read_off(Reader& r, void* record, NodeId value) {
    auto& rules = *static_cast<RuleSettings*>(record);
    for (NodeId item : r.items(value, "off")) {
        if (is_bare_gap_kind(r, item)) continue;
        auto i = r.choice(item, off_names(), "rule");
        if (!i) continue;
        if (*i >= rule_count) {
            rules.gaps_off.insert(GapKind(*i - rule_count));
            continue;
        }
        if (!rule_can_be_off(RuleId(*i))) {
            r.error(RuleId::schema_type, item,
                    fmt::format("rule `{}` cannot be switched off: yaml/, schema/ and ref/ rules "
                                "always apply",
                                rule_name(RuleId(*i))));
            continue;
        }
        rules.off.insert(RuleId(*i));
    }
}

void read_rules(Reader& r, void* record, NodeId value) {
    static const RecordSpec& spec = record_spec("hub.rules");
    static const CustomFields custom(spec, {{"cohort_size", read_cohort_size},
                                            {"meeting_gap_weeks", read_meeting_gap},
                                            {"requires", read_requires},
                                            {"stages", read_stages},
                                            {"off", read_off}});
    auto f = r.fields(value, spec);
    if (f.ok) r.read_fields(f, static_cast<Hub*>(record)->rules, &custom);
}

// ---- the hub's maps -------------------------------------------------------------------

void read_population(Reader& r, void* record, NodeId value) {
    auto& hub = *static_cast<Hub*>(record);
    for (auto [k, val] : r.pairs(value, "population")) {
        auto phase = r.enumeration<Phase>(k, "phase");
        auto count = r.bounded(val, 0, 1000000, "a number of schools");
        if (phase && count) hub.population[*phase] = *count;
    }
}

// Academic year -> its half-terms, each inside that year.
void read_terms(Reader& r, void* record, NodeId value) {
    static const RecordSpec& spec = record_spec("hub.terms[]");
    static const std::uint32_t both_dates =
        (1u << spec.index_of("start")) | (1u << spec.index_of("end"));
    auto& hub = *static_cast<Hub*>(record);
    for (auto [k, val] : r.pairs(value, "terms")) {
        auto year = r.year(k);
        std::vector<Term> terms;
        for (NodeId item : r.items(val, "terms")) {
            auto f = r.fields(item, spec);
            if (!f.ok) continue;
            Term& t = terms.emplace_back();
            if ((r.read_fields(f, t) & both_dates) != both_dates) continue;
            if (t.end < t.start)
                r.error(RuleId::schema_type, item,
                        fmt::format("term `{}` ends before it starts", t.name));
            else if (year && (!year->contains(t.start) || !year->contains(t.end)))
                r.error(RuleId::schema_type, item,
                        fmt::format("term `{}` is not inside {}", t.name, year->str()));
        }
        if (year) hub.terms[*year] = terms;
    }
}

// Dimension (fsm, eal, ehcp) -> increasing cut points.
void read_bands(Reader& r, void* record, NodeId value) {
    static const std::vector<std::string_view> dimensions = {"fsm", "eal", "ehcp"};
    auto& hub = *static_cast<Hub*>(record);
    for (auto [k, val] : r.pairs(value, "bands")) {
        auto d = r.choice(k, dimensions, "band dimension");
        std::vector<double> cuts;
        for (NodeId item : r.items(val, "bands")) {
            auto x = r.number(item, 0, 100, "a cut point");
            if (!x) continue;
            if (!cuts.empty() && *x <= cuts.back())
                r.error(RuleId::schema_type, item, "band cut points must increase");
            cuts.push_back(*x);
        }
        if (d) hub.bands[std::string(dimensions[*d])] = cuts;
    }
}

}  // namespace

void read_hub(Reader& r, NodeId id) {
    static const RecordSpec& spec = record_spec(RecordKind::hub);
    static const CustomFields custom(spec, {{"population", read_population},
                                            {"terms", read_terms},
                                            {"rules", read_rules},
                                            {"bands", read_bands}});
    auto f = r.fields(id, spec);
    if (!f.ok) {
        ++r.out().broken_hubs;
        return;
    }
    Hub h;
    h.directory = r.directory();
    h.pos = r.pos(id);
    r.read_fields(f, h, &custom);
    if (r.broken()) ++r.out().broken_hubs;
    else r.out().hubs.push_back(std::move(h));
}

}  // namespace tfm::detail
