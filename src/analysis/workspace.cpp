#include "tfm/analysis/workspace.h"

#include <utility>
#include <vector>

namespace tfm {

namespace {

// A cohort as it stood on as_of: a withdrawal dated later had not happened (the school was
// still enrolled), and a school whose joined_on is later was not yet a member (it and its
// planned visits are left out). The one place that says so, so that journey, register,
// report, gaps and schedule agree.
void membership_as_of(Cohort& c, Date as_of) {
    for (auto& m : c.schools)
        if (m.status == MemberStatus::withdrawn && m.withdrawn_on && as_of < *m.withdrawn_on) {
            m.status = MemberStatus::enrolled;
            m.withdrawn_on.reset();
            m.reason = {};
        }
    auto later = [&](const Member& m) { return m.joined_on && as_of < *m.joined_on; };
    for (const auto& m : c.schools)
        if (later(m))
            std::erase_if(c.visits, [&](const PlannedVisit& v) { return v.urn == m.urn; });
    std::erase_if(c.schools, later);
}

// The records as the view sees them: in a snapshot, without the logs, offers and answers
// dated after as_of, and with each cohort's membership as it stood then.
Records viewed(Records records, Date as_of, Workspace::View view) {
    if (view == Workspace::View::snapshot) {
        records.sessions.erase_if([&](const Session& s) { return as_of < s.date; });
        std::erase_if(records.offers, [&](const Offer& o) { return as_of < o.on; });
        for (auto& c : records.cohorts) membership_as_of(c, as_of);
    }
    return records;
}

}  // namespace

// Members are built in declaration order: the index after the records it points into.
Workspace::Workspace(LoadResult loaded, Date as_of, View view)
    : records_(viewed(std::move(loaded.records), as_of, view)),
      fatal_(std::move(loaded.fatal)),
      as_of_(as_of),
      index_(records_) {
    if (!fatal_.empty()) return;
    journeys_ = all_journeys(records_, index_, as_of_);
    findings_ = check_records(records_, std::move(loaded.diagnostics), as_of_, index_, journeys_);
    summary_ = summarize(records_, findings_);
}

const Journey& Workspace::journey_of(const School& school) const {
    return journeys_[std::size_t(&school - records_.schools.data())];
}

}  // namespace tfm
