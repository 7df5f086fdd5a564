// Helpers shared by the report's sections (src/analysis/report_*.cpp).
#pragma once

#include "tfm/model/journey.h"

#include <algorithm>

namespace tfm::detail {

inline bool engaged_in(const Journey& j, AcademicYear year) {
    return std::any_of(j.engagements.begin(), j.engagements.end(),
                       [&](const Engagement& e) { return e.year == year; });
}

inline double percent(long long part, long long whole) {
    return whole == 0 ? 0.0 : 100.0 * double(part) / double(whole);
}

}  // namespace tfm::detail
