#include "tfm/model/progression.h"

#include <algorithm>

namespace tfm {

const Engagement* latest_before(const Journey& j, AcademicYear year) {
    const Engagement* last = nullptr;
    for (const auto& e : j.engagements)
        if (e.year < year) last = &e;
    return last;
}

std::optional<Stage> next_stage_for(const Journey& j, AcademicYear year) {
    if (!latest_before(j, year)) return std::nullopt;
    std::optional<Stage> done;
    for (const auto& e : j.engagements)
        if (e.year < year && e.status != EngagementStatus::withdrawn && e.status != EngagementStatus::incomplete)
            done = std::max(done.value_or(e.stage), e.stage);
    if (!done) {
        // Every engagement was withdrawn or incomplete: the earliest of them again.
        Stage first = j.engagements.front().stage;
        for (const auto& e : j.engagements)
            if (e.year < year) first = std::min(first, e.stage);
        return first == Stage::readiness ? Stage::readiness : Stage::development;
    }
    return stage_after(*done);
}

bool engaged_in(const Journey& j, AcademicYear year) {
    return std::any_of(j.engagements.begin(), j.engagements.end(),
                       [&](const Engagement& e) { return e.year == year; });
}

}  // namespace tfm
