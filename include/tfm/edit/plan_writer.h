// `tfm plan --write`: puts a proposed plan into the cohort's own file, in place. The phases
// run in order (find the cohort or refuse, refuse kept dates, plan the edits, apply, read
// back, commit); each is a function of its own so tests and later checks can use it.
#pragma once

#include "tfm/analysis/plan.h"
#include "tfm/edit/file_edit.h"
#include "tfm/yaml/editor.h"

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace tfm {

struct PlanWrite {
    bool written = false;
    std::string message;  // why not, or what was written
};

// Inserts the plan into the cohort's own file, keeping every other line and comment byte for
// byte, atomically (a temporary file renamed over it). With replace = false it refuses when
// the cohort already has planned dates; with replace = true it replaces them.
// `shown` is the path as messages name it (relative to the data directory).
PlanWrite write_plan(const std::string& path, const std::string& shown, const PlanProposal& plan,
                     bool replace);

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

// Read back: the edited text still parses and holds the cohort.
bool reads_back(std::string_view edited, const std::string& id);

}  // namespace plan_write
}  // namespace tfm
