#include "tfm/model/index.h"

#include <algorithm>
#include <unordered_set>

namespace tfm {

Index::Index(const Records& records) {
    for (const auto& s : records.schools) {
        schools_.emplace(s.urn, &s);
        for (Urn p : s.predecessors)
            if (p != s.urn) successor_.emplace(p, s.urn);
    }
    for (const auto& l : records.leads) leads_.emplace(l.id, &l);
    for (const auto& c : records.cohorts) {
        cohorts_.emplace(c.id, &c);
        for (const auto& m : c.schools) {
            auto& list = school_cohorts_[m.urn];
            if (list.empty() || list.back() != &c) list.push_back(&c);
        }
    }
    for (const auto& s : records.sessions) sessions_[s.cohort].push_back(&s);
    for (auto& [id, list] : sessions_)
        std::stable_sort(list.begin(), list.end(),
                         [](const Session* a, const Session* b) { return a->date < b->date; });
}

const School* Index::school(Urn urn) const {
    auto it = schools_.find(urn);
    return it == schools_.end() ? nullptr : it->second;
}

const Lead* Index::lead(std::string_view id) const {
    auto it = leads_.find(id);
    return it == leads_.end() ? nullptr : it->second;
}

const Cohort* Index::cohort(std::string_view id) const {
    auto it = cohorts_.find(id);
    return it == cohorts_.end() ? nullptr : it->second;
}

const std::vector<const Session*>& Index::sessions_of(std::string_view cohort_id) const {
    static const std::vector<const Session*> none;
    auto it = sessions_.find(cohort_id);
    return it == sessions_.end() ? none : it->second;
}

const std::vector<const Cohort*>& Index::cohorts_of(Urn urn) const {
    static const std::vector<const Cohort*> none;
    auto it = school_cohorts_.find(urn);
    return it == school_cohorts_.end() ? none : it->second;
}

Urn Index::successor_root(Urn urn) const {
    std::unordered_set<Urn> seen{urn};
    Urn at = urn;
    for (auto it = successor_.find(at); it != successor_.end(); it = successor_.find(at)) {
        at = it->second;
        if (!seen.insert(at).second) return urn;  // a loop
    }
    return at;
}

std::vector<Urn> Index::with_predecessors(Urn urn) const {
    std::vector<Urn> out{urn};
    for (std::size_t i = 0; i < out.size(); ++i) {
        const School* s = school(out[i]);
        if (!s) continue;  // a predecessor with no record of its own
        for (Urn p : s->predecessors)
            // A predecessor whose chain loops is counted on its own (successor_root gives
            // it back), so it never joins another school's journey.
            if (std::find(out.begin(), out.end(), p) == out.end() && successor_root(p) != p)
                out.push_back(p);
    }
    return out;
}

}  // namespace tfm
