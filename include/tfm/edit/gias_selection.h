// Which establishments of a GIAS extract `tfm import gias` takes: by area and phase.
#pragma once

#include "tfm/edit/gias_extract.h"

#include <string>
#include <string_view>
#include <vector>

namespace tfm::gias {

struct Selection {
    std::vector<std::string> areas;  // LA names, matched ignoring case; empty: every area
    std::vector<Phase> phases;       // empty: primary
    // Area names as the records spell them (hub.areas): an LA matching one ignoring case
    // is written with this spelling.
    std::vector<std::string> spellings;
};

// Splits --area values on commas, except a value that is itself an LA of the extract
// ("Bristol, City of"). Empty parts are dropped.
std::vector<std::string> split_areas(const std::vector<std::string>& values, const Extract& extract);

// The area is one of the selection's (every area is, when it names none).
bool area_chosen(const Selection& selection, std::string_view area);

// The area as the records spell it, else as given (trimmed).
std::string area_spelling(const Selection& selection, std::string_view area);

// The open establishments of the chosen areas and phases, sorted by area, name and URN.
std::vector<const Establishment*> select(const Extract& extract, const Selection& selection);

}  // namespace tfm::gias
