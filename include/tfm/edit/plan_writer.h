// `tfm plan --write`: adds a proposed plan's new dates to the cohort's own file, in place.
// The phases run in order (find the cohort or refuse, plan the edits, apply, read back,
// commit); each is a function of its own so tests and later checks can use it.
#pragma once

#include "tfm/analysis/plan.h"
#include "tfm/edit/file_edit.h"
#include "tfm/edit/transaction.h"
#include "tfm/yaml/read_back.h"
#include "tfm/yaml/editor.h"

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace tfm {

struct PlanWrite {
    bool written = false;  // written, or with a dry run: would be written
    std::string message;   // why not, or what was written
    std::string diff;      // with a dry run: the unified diff
};

// Appends the plan's added dates to the cohort's `meetings` and `visits` lists in its own
// file, keeping every planned date, line and comment byte for byte, under the writers'
// guarantees of `tx` (transaction.h). Refused, with the file untouched, when the edited file
// would not mean exactly the original records with the added dates at the end of this
// cohort's lists. A plan that adds nothing writes nothing (and is not refused).
// `shown` is the path as messages name it (relative to the data directory).
PlanWrite write_plan(const Transaction& tx, const std::string& path, const std::string& shown,
                     const PlanProposal& plan);

namespace plan_write {

// Where a cohort's mapping is in a parsed file.
struct CohortAt {
    yaml::ParseResult parsed;
    std::size_t doc = 0;
    std::uint32_t map = 0;
};

// Refuse, 1: the cohort `id` in `text` (a file without its byte-order mark, named `shown`),
// or empty with `why` set: the file has YAML errors, or the cohort is missing or written in
// flow style.
std::optional<CohortAt> locate_cohort(std::string_view text, std::string_view shown, const std::string& id,
                                      std::string& why);

// Plan the edit: the added dates go at the end of the cohort's `meetings:` and `visits:`
// lists where they stand (inside a flow list's brackets, or as block items in the list's
// style; an empty `meetings:` gets the list); a key the cohort lacks goes after its last line
// and its own comments. Lines are written with `newline`. Empty with `why` set when the
// cohort is not indented under a key, or a list is shared through an anchor.
std::optional<std::vector<yaml::Edit>> plan_edits(std::string_view text, std::string_view newline,
                                                  const CohortAt& at, const PlanProposal& plan, std::string& why);

// Read back: what the file must mean after the edit: cohort `id` with the added dates (as
// plan_yaml writes them) at the end of its `meetings` and `visits`, all else as it was.
yaml::Intent plan_intent(const std::string& id, const PlanProposal& plan);

}  // namespace plan_write
}  // namespace tfm
