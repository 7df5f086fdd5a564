#include "tfm/analysis/workspace.h"

#include <utility>

namespace tfm {

namespace {

// The records as the view sees them: in a snapshot, without the logs, offers and answers
// dated after as_of.
Records viewed(Records records, Date as_of, Workspace::View view) {
    if (view == Workspace::View::snapshot) {
        records.sessions.erase_if([&](const Session& s) { return as_of < s.date; });
        std::erase_if(records.offers, [&](const Offer& o) { return as_of < o.on; });
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
