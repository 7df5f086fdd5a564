// offer/ rules: an offer of a stage the school is not due, and two offers for one school
// and year.
#include "tfm/rules/rules.h"

#include "rule_helpers.h"

#include "tfm/base/untrusted_text.h"
#include "tfm/model/progression.h"

#include <fmt/format.h>

#include <map>
#include <utility>

namespace tfm {

void check_offer_stage(const CheckContext& ctx, Reporter& out) {
    for (const auto& o : ctx.records.offers) {
        const School* school = ctx.index.school(o.urn);
        if (!school) continue;  // ref/unknown says so
        if (Urn root = ctx.index.successor_root(o.urn); root != o.urn) {
            const School* successor = ctx.index.school(root);
            out.report(RuleId::offer_stage, Severity::warning, at(o.urn_pos, o.pos),
                       fmt::format("school {} is continued by {}{}, whose journey includes its own: make "
                                   "the offer to {}",
                                   o.urn, root, successor ? " " + quote_value(successor->name) : std::string(),
                                   root));
            continue;
        }
        const Journey& j = ctx.journeys[std::size_t(school - ctx.records.schools.data())];
        auto next = next_stage_for(j, o.year);
        const Engagement* last = latest_before(j, o.year);
        if (!next) {
            // A school that has not taken part yet may start with readiness or development.
            if (o.stage == Stage::readiness || o.stage == Stage::development) continue;
            out.report(RuleId::offer_stage, Severity::warning, at(o.stage_pos, o.pos),
                       fmt::format("school {} is offered {} for {}, but it has taken part in no stage before: "
                                   "it starts with readiness or development",
                                   o.urn, name_of(o.stage), o.year.str()));
            continue;
        }
        if (o.stage == *next) continue;
        out.report(RuleId::offer_stage, Severity::warning, at(o.stage_pos, o.pos),
                   fmt::format("school {} is offered {} for {}, but its next stage is {} (after {} {}, {})",
                               o.urn, name_of(o.stage), o.year.str(), name_of(*next), name_of(last->stage),
                               last->year.str(), name_of_status(last->status)));
    }
}

void check_offer_duplicate(const CheckContext& ctx, Reporter& out) {
    std::map<std::pair<Urn, AcademicYear>, const Offer*> first;
    for (const auto& o : ctx.records.offers) {
        auto [it, added] = first.try_emplace({o.urn, o.year}, &o);
        if (added) continue;
        const Offer& earlier = *it->second;
        const auto& file = ctx.records.files[std::size_t(earlier.pos.file)];
        out.report(RuleId::offer_duplicate, Severity::error, at(o.urn_pos, o.pos),
                   fmt::format("a second offer for school {} for {} (the first is at {}:{}); keep one "
                               "record and write a later answer into its status and on",
                               o.urn, o.year.str(), file.path, earlier.pos.line));
    }
}

}  // namespace tfm
