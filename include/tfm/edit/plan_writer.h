// `tfm plan --write`: puts a proposed plan into the cohort's own file, in place. The phases
// run in order (find the cohort or refuse, refuse kept dates, plan the edits, apply, read
// back, commit); each is a function of its own so tests and later checks can use it.
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

// Inserts the plan into the cohort's own file, keeping every other line and comment byte for
// byte, under the writers' guarantees of `tx` (transaction.h). With replace = false it
// refuses when the cohort already has planned dates; with replace = true it replaces them.
// Refused, with the file untouched, when the edited file would not mean exactly the original
// records with this cohort's `meetings` and `visits` replaced by the plan.
// `shown` is the path as messages name it (relative to the data directory).
PlanWrite write_plan(const Transaction& tx, const std::string& path, const std::string& shown,
                     const PlanProposal& plan, bool replace);

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

// Refuse, 2: why the plan may not replace the cohort's planned dates (it has some and
// `replace` is false), or nothing.
std::optional<std::string> kept_dates(const PlanProposal& plan, bool replace);

// Plan the edit: the cohort's `meetings:` and `visits:` entries are each replaced where they
// stand (so lines between them stay between them); with neither, the plan goes after the
// cohort's last line and its own comments. Lines are written with `newline`. Empty with
// `why` set when the cohort is not indented under a key.
std::optional<std::vector<yaml::Edit>> plan_edits(std::string_view text, std::string_view newline,
                                                  const CohortAt& at, const PlanProposal& plan, std::string& why);

// Read back: what the file must mean after the edit: cohort `id` with `meetings` and
// `visits` as plan_yaml writes them (no `visits` when the plan has none), all else as it was.
yaml::Intent plan_intent(const std::string& id, const PlanProposal& plan);

}  // namespace plan_write
}  // namespace tfm
