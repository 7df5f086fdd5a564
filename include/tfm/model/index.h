// Hashed look-ups over loaded records: by URN, lead id, cohort id.
#pragma once

#include "tfm/model/model.h"

#include <cstdint>
#include <span>
#include <string>
#include <utility>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace tfm {

class Index {
public:
    explicit Index(const Records& records);

    const School* school(Urn urn) const;
    const Lead* lead(std::string_view id) const;
    const Cohort* cohort(std::string_view id) const;
    // The cohort's session logs, by date (file order among equal dates).
    std::span<const Session* const> sessions_of(std::string_view cohort_id) const;
    // Cohorts that list the school, in file order.
    std::span<const Cohort* const> cohorts_of(Urn urn) const;

    // Predecessors (SPEC section 2). The school that continues `urn` today: following the
    // links from a predecessor to the school that names it (the first in file order, if two
    // do) until no school names the last one. `urn` itself when no school names it, or when
    // the links loop (ref/predecessor's error), so a loop never hides a school.
    Urn successor_root(Urn urn) const;
    // `urn` and every establishment it continues, recursively, each once: the URNs whose
    // engagements make its journey (SPEC section 5), the school's own first. A predecessor
    // whose chain of successors loops is left out: each school on a loop is on its own.
    std::vector<Urn> with_predecessors(Urn urn) const;

private:
    std::unordered_map<Urn, const School*> schools_;
    // Keys are views of the records' own ids: an Index lives no longer than its Records.
    std::unordered_map<std::string_view, const Lead*> leads_;
    std::unordered_map<std::string_view, const Cohort*> cohorts_;
    // Each cohort's logs and each school's cohorts are one run of a single list (a vector
    // per key was an allocation per school and per cohort): key -> {first, count}.
    using Run = std::pair<std::uint32_t, std::uint32_t>;
    std::vector<const Session*> sessions_;
    std::unordered_map<std::string_view, Run> cohort_sessions_;
    std::vector<const Cohort*> member_cohorts_;
    std::unordered_map<Urn, Run> school_cohorts_;
    std::unordered_map<Urn, Urn> successor_;  // predecessor URN -> the school naming it
};

}  // namespace tfm
