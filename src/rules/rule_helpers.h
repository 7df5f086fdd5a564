// Helpers shared by the rule families under src/rules/.
#pragma once

#include "tfm/rules/rules.h"

#include <map>
#include <string>
#include <unordered_set>

namespace tfm {

// The node's own position when the loader recorded one, else the record's.
inline Pos at(Pos preferred, Pos fallback) { return preferred.line > 0 ? preferred : fallback; }
// The same for a position kept without its file: it is in the fallback's (its record's) file.
inline Pos at(LinePos preferred, Pos fallback) {
    return preferred.line > 0 ? preferred.in(fallback.file) : fallback;
}

// What records define, counting those left out for an error: a reference to a broken
// record is not "unknown" (its own error already says what is wrong with it).
class Defined {
public:
    explicit Defined(const CheckContext& ctx) : index_(ctx.index) {
        broken_schools_.insert(ctx.records.broken_schools.begin(),
                               ctx.records.broken_schools.end());
        broken_leads_.insert(ctx.records.broken_leads.begin(), ctx.records.broken_leads.end());
        broken_cohorts_.insert(ctx.records.broken_cohorts.begin(),
                               ctx.records.broken_cohorts.end());
    }
    bool school(Urn urn) const { return index_.school(urn) || broken_schools_.count(urn); }
    bool lead(std::string_view id) const { return index_.lead(id) || broken_leads_.count(std::string(id)); }
    bool cohort(std::string_view id) const {
        return index_.cohort(id) || broken_cohorts_.count(std::string(id));
    }
    // A cohort defined only by a record left out for an error.
    bool broken_cohort(std::string_view id) const {
        return !index_.cohort(id) && broken_cohorts_.count(std::string(id));
    }

private:
    const Index& index_;
    std::unordered_set<Urn> broken_schools_;
    std::unordered_set<std::string> broken_leads_;
    std::unordered_set<std::string> broken_cohorts_;
};

// A cohort's member URNs that no record defines, each with the URN it was most likely a slip
// for: the school one slip away that the cohort's planned visits or logs name although it
// is not a member (`180002` listed, visits to 108002), else any school one slip away.
// One mistyped URN is one error (ref/unknown, with the suggestion); its consequences
// (session/not-enrolled for the URN meant) are notes that point at it.
std::map<Urn, Urn> member_slips(const CheckContext& ctx, const Cohort& c, const Defined& defined);

}  // namespace tfm
