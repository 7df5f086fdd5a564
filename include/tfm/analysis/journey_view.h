// `tfm journey`: one school's timeline as tables, and finding a school by URN or name.
#pragma once

#include "tfm/model/journey.h"
#include "tfm/model/model.h"
#include "tfm/base/table.h"

#include <string_view>
#include <vector>

namespace tfm {

// Schools whose URN is `query`, else whose name equals it, else whose name contains it,
// names compared as people read them (name_key: case, NFC, spaces, quotes, dashes); in
// records order.
std::vector<const School*> find_schools(const Records& records, std::string_view query);

// Tables "school" (one row: who, gap years, lapsed, next stage) and "engagements" (one row a
// year: stage, cohort, lead, status, attendance).
std::vector<Table> journey_tables(const Journey& journey);

}  // namespace tfm
