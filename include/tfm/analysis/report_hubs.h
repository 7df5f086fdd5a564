// The report's `hubs` section (SPEC section 6): with several data directories, each hub's
// coverage of its own population against its own target, then the national total; and what
// `tfm gaps` lists, counted per hub, for the national page.
#pragma once

#include "tfm/base/table.h"
#include "tfm/model/index.h"
#include "tfm/model/journey.h"
#include "tfm/model/model.h"

#include <optional>
#include <string>
#include <vector>

namespace tfm {

// One hub's schools of one phase (or, for the national total, every hub's).
struct HubCoverage {
    std::string hub;               // the hub's name; empty for the national total
    Phase phase = Phase::primary;
    int engaged = 0;               // schools of the phase engaged in the year
    int ever_engaged = 0;          // ... engaged in any year up to it
    std::optional<int> population; // the hub's schools of the phase; absent when not recorded
    std::optional<double> percent; // ever_engaged of population (when recorded)
    // The hub's target for the phase that applies to the year: the first whose `by` is not
    // before it, else the last; absent for the national total and a hub without one.
    std::optional<double> target;
    std::optional<AcademicYear> by;
    bool met = false;  // percent reaches the target
};

struct HubsSection {
    AcademicYear year;
    int hubs = 0;
    // Per phase that some hub has a population or target for (in phase order): each hub's row,
    // highest coverage first (a hub without a population last, then by name), then the
    // national total (hub empty; its percent over the hubs that recorded a population).
    std::vector<HubCoverage> rows;
};

HubsSection hubs_section(const Records& records, const std::vector<Journey>& journeys,
                         AcademicYear year);

// The items of `tfm gaps` (build_gaps' tables) per hub: a row's hub is its school's (`urn`)
// or else its Work Group's (`cohort`); a row with neither counts for no hub.
struct HubGaps {
    std::string hub;
    std::vector<int> counts;  // per gaps table, in its order
    int total = 0;
};
std::vector<HubGaps> gaps_by_hub(const Records& records, const Index& index,
                                 const std::vector<Table>& gaps);

}  // namespace tfm
