// `tfm allocate Y` (SPEC section 6): next year's Work Groups proposed from the accepted offers.
// One stage and one phase per group, schools of one area together where the numbers allow,
// sizes within hub.rules.cohort_size and as even as possible, a lead within lead_load (the
// schools' previous lead where possible) meeting on their usual weekday, ids in the hub's
// style; and every accepted school that could not be placed, with the reason.
#pragma once

#include "tfm/base/table.h"
#include "tfm/model/index.h"
#include "tfm/model/journey.h"
#include "tfm/model/model.h"

#include <optional>
#include <string>
#include <vector>

namespace tfm {

struct ProposedGroup {
    std::string id;
    std::string name;
    Stage stage = Stage::development;
    Phase phase = Phase::primary;
    AcademicYear year;
    std::vector<std::string> areas;  // by number of schools (most first), then name
    const Lead* lead = nullptr;
    std::optional<int> weekday;      // the lead's usual weekday (0 = Monday), if they have one
    std::vector<const School*> schools;  // by area, then URN
    int directory = 0;               // the data directory whose hub's rules it follows
};

struct UnplacedSchool {
    const School* school = nullptr;
    Stage stage = Stage::development;
    std::string reason;
};

struct Allocation {
    AcademicYear year;
    std::vector<ProposedGroup> groups;     // by stage, phase, then id
    std::vector<UnplacedSchool> unplaced;  // by stage, area, URN
    int already_placed = 0;  // accepted schools already in a cohort of the year (left where they are)
};

// The accepted offers for `year` dated on or before `as_of` (a snapshot, like other commands)
// of known schools not already in a cohort of `year`, grouped as the README's "Planning next
// year" says (objective: most schools placed, then groups of one area, then even sizes, then
// previous leads kept, then lead load spread; ties by area and URN).
Allocation allocate(const Records& records, const Index& index, const std::vector<Journey>& journeys,
                    AcademicYear year, Date as_of);

// The proposal: id, name, stage, phase, areas, lead (id for machines, name for people),
// weekday, schools (count) and urns.
Table allocation_table(const Allocation& allocation);
// The schools that could not be placed: urn, school, area, stage, reason.
Table unplaced_table(const Allocation& allocation);
// One group as an item of a block list: its `-` at `dash_column`, its keys at `key_column`.
std::string group_item(const ProposedGroup& group, std::size_t dash_column, std::size_t key_column);
// The groups as a `cohorts:` list to paste (empty text when there are none).
std::string allocation_yaml(const Allocation& allocation);

}  // namespace tfm
