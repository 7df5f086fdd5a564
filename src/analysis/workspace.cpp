#include "tfm/analysis/workspace.h"

#include <utility>

namespace tfm {

// Members are built in declaration order: the index after the records it points into.
Workspace::Workspace(LoadResult loaded, Date as_of)
    : records_(std::move(loaded.records)),
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
