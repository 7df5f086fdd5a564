// Names beside ids (SPEC section 6): people read Jo Smith and Bradford Development A where
// csv, json and xlsx give `jsmith` and `brad-dev-2021a` with the names in their own columns.
#pragma once

#include "tfm/base/table.h"
#include "tfm/model/index.h"

namespace tfm {

// The table with names for its ids and codes in words for people: a `cohort` column becomes
// an id for machines followed by `cohort_name` ("Work Group": the cohort's name, else its id,
// else the cell as it was, such as "(history)"); a `lead` column likewise with `lead_name`
// ("lead": the lead's name, else the id). Columns of stages, phases, statuses and kinds
// (`stage`, `last_stage`, `next_stage`, `phase`, `status`, `kind`) are codes, which people
// read in words (for_reader).
Table with_names(Table table, const Index& index);

}  // namespace tfm
