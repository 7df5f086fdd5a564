// Term dates: the hub's half-terms for a year, or the default windows of SPEC section 2.
#pragma once

#include "tfm/base/date.h"
#include "tfm/model/model.h"

#include <string>
#include <vector>

namespace tfm {

struct Window {
    std::string name;  // "Autumn 1" or "Autumn"
    Date start;
    Date end;  // inclusive
    bool contains(Date d) const { return start <= d && d <= end; }
};

// The hub gives half-terms for the year: hub.terms lists the year with at least one term.
bool hub_has_terms(const Hub* hub, AcademicYear year);

// The hub's half-terms for the year, in date order; where the hub gives none for that year,
// six equal windows from the first weekday of September to 20 July.
std::vector<Window> half_terms(const Hub* hub, AcademicYear year);

// The three terms (Autumn, Spring, Summer), each from its first half-term's start to its
// second's end. Half-terms are paired in order.
std::vector<Window> terms(const std::vector<Window>& half_terms);

}  // namespace tfm
