#include "tfm/model/index.h"

#include <algorithm>
#include <unordered_set>

namespace tfm {

namespace {

// Lays out the (key, value) pairs that for_each(visit) visits as one run per key in `list`,
// in the order visited within a key: key -> {first, count}. Two passes over the records,
// so nothing the size of the list is built on the side.
template <class Key, class Value, class ForEach>
void runs(ForEach for_each, std::vector<Value>& list,
          std::unordered_map<Key, std::pair<std::uint32_t, std::uint32_t>>& by_key) {
    std::size_t total = 0;
    for_each([&](const Key& key, Value) {
        ++by_key[key].second;
        ++total;
    });
    std::uint32_t first = 0;
    for (auto& [key, run] : by_key) {
        run.first = first;
        first += run.second;
        run.second = 0;  // counts again as the list is filled
    }
    list.resize(total);
    for_each([&](const Key& key, Value value) {
        auto& run = by_key.find(key)->second;
        list[run.first + run.second++] = value;
    });
}

}  // namespace

Index::Index(const Records& records) {
    for (const auto& s : records.schools) {
        schools_.emplace(s.urn, &s);
        for (Urn p : s.predecessors)
            if (p != s.urn) successor_.emplace(p, s.urn);
    }
    for (const auto& l : records.leads) leads_.emplace(l.id, &l);
    for (const auto& c : records.cohorts) cohorts_.emplace(c.id, &c);
    runs<Urn, const Cohort*>(
        [&](auto visit) {
            for (const auto& c : records.cohorts)
                // A school listed twice in one cohort (ref/duplicate-id) is in it once.
                for (auto m = c.schools.begin(); m != c.schools.end(); ++m)
                    if (std::none_of(c.schools.begin(), m, [&](const Member& earlier) { return earlier.urn == m->urn; }))
                        visit(m->urn, &c);
        },
        member_cohorts_, school_cohorts_);
    runs<std::string_view, const Session*>(
        [&](auto visit) {
            for (const auto& s : records.sessions) visit(s.cohort, &s);
        },
        sessions_, cohort_sessions_);
    for (const auto& [id, run] : cohort_sessions_)
        std::stable_sort(sessions_.begin() + run.first, sessions_.begin() + run.first + run.second,
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

std::span<const Session* const> Index::sessions_of(std::string_view cohort_id) const {
    auto it = cohort_sessions_.find(cohort_id);
    if (it == cohort_sessions_.end()) return {};
    return {sessions_.data() + it->second.first, it->second.second};
}

std::span<const Cohort* const> Index::cohorts_of(Urn urn) const {
    auto it = school_cohorts_.find(urn);
    if (it == school_cohorts_.end()) return {};
    return {member_cohorts_.data() + it->second.first, it->second.second};
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
