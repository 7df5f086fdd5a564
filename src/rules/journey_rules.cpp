// journey/ rules: the order of a school's engagements across years (SPEC sections 4 and 5).
#include "tfm/rules/rules.h"

#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <vector>

namespace tfm {
namespace {

// A withdrawn or incomplete engagement does not count as having done its stage.
bool unfinished(const Engagement& e) {
    return e.status == EngagementStatus::withdrawn || e.status == EngagementStatus::incomplete;
}

std::string what(const Engagement& e) {
    if (e.cohort) return fmt::format("cohort {}", e.cohort->id);
    return fmt::format("a history entry ({})", name_of(e.stage));
}

}  // namespace

void check_journey_order(const CheckContext& ctx, Reporter& out) {
    for (const auto& j : ctx.journeys) {
        const auto& es = j.engagements;
        // The engagement of the highest stage in the years before the current one.
        const Engagement* highest_before = nullptr;
        const Engagement* highest_so_far = nullptr;
        for (std::size_t i = 0; i < es.size(); ++i) {
            if (i > 0 && es[i].year != es[i - 1].year) highest_before = highest_so_far;
            const Engagement& e = es[i];
            if (highest_before && highest_before->stage > e.stage)
                out.report(RuleId::journey_order, Severity::error, e.pos,
                           fmt::format("{} in {} after {} in {}", name_of(e.stage), e.year.str(),
                                       name_of(highest_before->stage),
                                       highest_before->year.str()));
            if (!highest_so_far || e.stage > highest_so_far->stage) highest_so_far = &e;
        }
    }
}

void check_journey_prerequisite(const CheckContext& ctx, Reporter& out) {
    for (const auto& j : ctx.journeys) {
        const RuleSettings& rules = ctx.records.rules_of(j.school->directory);
        const auto& es = j.engagements;
        std::array<bool, 4> reported{};  // once per stage: the first engagement that lacks it
        for (const auto& e : es) {
            auto required = rules.requires_stage[std::size_t(e.stage)];
            if (!required || reported[std::size_t(e.stage)]) continue;
            // Any earlier engagement of the required stage will do; whether it was
            // finished is journey/unfinished's business.
            bool found = std::any_of(es.begin(), es.end(), [&](const Engagement& o) {
                return o.stage == *required && o.year < e.year;
            });
            if (found) continue;
            reported[std::size_t(e.stage)] = true;
            out.report(RuleId::journey_prerequisite, Severity::error, e.pos,
                       fmt::format("{} in {} without an earlier {}", name_of(e.stage),
                                   e.year.str(), name_of(*required)));
        }
    }
}

void check_journey_repeat(const CheckContext& ctx, Reporter& out) {
    for (const auto& j : ctx.journeys) {
        const auto& es = j.engagements;
        for (Stage stage : {Stage::readiness, Stage::development, Stage::embedding}) {
            // The last earlier engagement of this stage that the school finished (or is
            // still in); a withdrawn or incomplete one may be taken again.
            const Engagement* done = nullptr;
            for (const Engagement& e : es) {
                if (e.stage != stage) continue;
                // Two of one year are journey/same-year's finding, not a repeat.
                if (done && done->year < e.year) {
                    Severity sev = stage == Stage::development ? Severity::error : Severity::warning;
                    out.report(RuleId::journey_repeat, sev, e.pos,
                               fmt::format("{} again in {}; already done in {}", name_of(stage),
                                           e.year.str(), done->year.str()));
                }
                if (!unfinished(e) && (!done || done->year < e.year)) done = &e;
            }
        }
    }
}

void check_journey_same_year(const CheckContext& ctx, Reporter& out) {
    for (const auto& j : ctx.journeys) {
        const auto& es = j.engagements;
        for (std::size_t i = 0; i < es.size();) {
            std::size_t k = i;
            while (k < es.size() && es[k].year == es[i].year) ++k;
            if (k - i >= 2) {
                std::vector<const Engagement*> group;
                for (std::size_t x = i; x < k; ++x) group.push_back(&es[x]);
                std::stable_sort(group.begin(), group.end(),
                                 [](const Engagement* a, const Engagement* b) {
                                     return a->pos < b->pos;
                                 });
                const Engagement& first = *group.front();
                for (std::size_t x = 1; x < group.size(); ++x) {
                    const Engagement& e = *group[x];
                    std::string message;
                    Urn own = j.school->urn;
                    if (first.cohort && e.cohort && first.urn == own && e.urn == own)
                        message = fmt::format("school {} is in cohorts {} and {} in {}",
                                              own, first.cohort->id, e.cohort->id,
                                              e.year.str());
                    else if (first.cohort && e.cohort) {
                        // One of them under a predecessor's URN: name it.
                        auto as = [own](const Engagement& g) {
                            return g.urn == own ? std::string{}
                                                : fmt::format(" (as its predecessor {})", g.urn);
                        };
                        message = fmt::format("school {} is in cohort {}{} and in cohort {}{} in {}",
                                              own, first.cohort->id, as(first), e.cohort->id,
                                              as(e), e.year.str());
                    }
                    else
                        message = fmt::format("school {} has two engagements in {}: {} and {}",
                                              j.school->urn, e.year.str(), what(first), what(e));
                    out.report(RuleId::journey_same_year, Severity::error, e.pos, std::move(message));
                }
            }
            i = k;
        }
    }
}

void check_journey_unfinished(const CheckContext& ctx, Reporter& out) {
    for (const auto& j : ctx.journeys) {
        const RuleSettings& rules = ctx.records.rules_of(j.school->directory);
        const auto& es = j.engagements;
        for (std::size_t i = 0; i < es.size(); ++i) {
            const Engagement& e = es[i];
            if (!unfinished(e)) continue;
            // A second one of the year (journey/same-year's error, e.g. a stray predecessor
            // row) does not make a stage the school finished unfinished.
            if (std::any_of(es.begin(), es.end(), [&](const Engagement& o) {
                    return &o != &e && o.year == e.year && o.stage == e.stage && !unfinished(o);
                }))
                continue;
            for (std::size_t k = i + 1; k < es.size(); ++k) {
                const Engagement& later = es[k];
                if (later.year <= e.year) continue;
                if (later.stage == e.stage) break;  // taken again: that attempt is judged instead
                if (later.stage < e.stage) continue;
                std::string why =
                    e.status == EngagementStatus::withdrawn
                        ? fmt::format("withdrawing from {} in {}", name_of(e.stage), e.year.str())
                        : fmt::format("attending {} of {} {} meetings in {} (below the completion "
                                      "threshold of {:g}%)",
                                      e.meetings_attended, e.meetings_logged, name_of(e.stage),
                                      e.year.str(), rules.completion * 100);
                out.report(RuleId::journey_unfinished, Severity::warning, later.pos,
                           fmt::format("{} in {} after {}", name_of(later.stage),
                                       later.year.str(), why));
                break;
            }
        }
    }
}

}  // namespace tfm
