// `tfm gaps`: what needs the coordinator's attention (SPEC section 6), one table per kind.
#pragma once

#include "tfm/model/index.h"
#include "tfm/model/journey.h"
#include "tfm/model/model.h"
#include "tfm/base/table.h"

#include <optional>
#include <string_view>
#include <vector>

namespace tfm {

// The kinds, in the order they are printed; each is a Table named after it.
const std::vector<std::string_view>& gap_kinds();

struct GapOptions {
    AcademicYear year;  // the year the year-bound kinds look at (default: the current year)
    Date as_of;         // what counts as passed
};

// A planned meeting or visit of a cohort whose date has passed (before `as_of`) with no log
// answering it: the `overdue` kind, and the report's overdue logs per lead.
struct OverdueLog {
    Date date;
    SessionType kind = SessionType::meeting;  // meeting or visit
    std::optional<Urn> school;                // the school visited
};
std::vector<OverdueLog> overdue_logs(const Index& index, const Cohort& cohort, Date as_of);

// Whether a kind's rows need attention: every kind but `never_engaged`, a prospect list.
// `--fail-on-findings` and the HTML report's "needs attention" count only these.
bool needs_attention(const Table& kind);
// The items of every kind that needs attention.
std::size_t attention_count(const std::vector<Table>& kinds);

// Every kind, each a table (possibly without rows).
std::vector<Table> build_gaps(const Records& records, const Index& index,
                              const std::vector<Journey>& journeys, const GapOptions& options);

}  // namespace tfm
