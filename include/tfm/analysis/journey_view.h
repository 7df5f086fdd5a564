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

// The schools a query that find_schools matched nothing with most likely meant, for a "did
// you mean": for digits, the school whose URN is closest (closest_match); for a name, the
// schools whose names contain it once punctuation is ignored (`st marys` finds St Mary's),
// else the school whose name is closest. Empty when nothing is close.
std::vector<const School*> likely_schools(const Records& records, std::string_view query);

// Tables "school" (one row: who, gap years, lapsed, next stage) and "engagements" (one row a
// year: stage, cohort, lead, status, attendance).
std::vector<Table> journey_tables(const Journey& journey);

}  // namespace tfm
