// A loaded records tree and what every command derives from it once: the index, each
// school's journey as of a date, and every finding of the loader and the rules with their
// counts. Commands and tests start from one instead of wiring these up themselves.
#pragma once

#include "tfm/base/date.h"
#include "tfm/base/diagnostic.h"
#include "tfm/load/load.h"
#include "tfm/model/index.h"
#include "tfm/model/journey.h"
#include "tfm/model/model.h"
#include "tfm/rules/check.h"

#include <string>
#include <vector>

namespace tfm {

class Workspace {
public:
    // How the records are seen as of the date: every record as written (`check`), or a
    // snapshot (SPEC section 6: `--as-of` earlier than today), where logs dated after it are
    // left out as not yet written, so last term's figures come out as they were.
    enum class View { as_written, snapshot };

    // Takes over a loaded tree and builds the rest as of `as_of`. When loaded.fatal names a
    // data directory that could not be read, only fatal() and records() are filled.
    Workspace(LoadResult loaded, Date as_of, View view = View::as_written);
    // Neither copied nor moved: the index, journeys and findings point into records().
    Workspace(const Workspace&) = delete;
    Workspace& operator=(const Workspace&) = delete;

    // Why data directories could not be read, one message each (exit status 3); else empty.
    const std::vector<std::string>& fatal() const { return fatal_; }
    Date as_of() const { return as_of_; }
    // The records that loaded without an error.
    const Records& records() const { return records_; }
    const Index& index() const { return index_; }
    // One per school, in records().schools order, as of as_of().
    const std::vector<Journey>& journeys() const { return journeys_; }
    // The journey of a school of records().schools (found by its place in that list).
    const Journey& journey_of(const School& school) const;
    // Every finding of the loader and the rules, sorted as `tfm check` prints them.
    const Diagnostics& findings() const { return findings_; }
    // The findings counted by severity, and the files and records read.
    const CheckSummary& summary() const { return summary_; }

private:
    Records records_;
    std::vector<std::string> fatal_;
    Date as_of_;
    Index index_;
    std::vector<Journey> journeys_;
    Diagnostics findings_;
    CheckSummary summary_;
};

}  // namespace tfm
