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

// Typical English half-terms of a year, for `tfm init`'s template (each LA sets its own):
// autumn from the first weekday from 3 September, with the last week of October off, to
// the last weekday on or before 19 December; spring from the first weekday from 5 January,
// with the week of the third Monday of February off and the two weeks around Easter off
// (the week before Easter Sunday and the week after); summer with the week of the late-May
// bank holiday off, to 20 July (or the Friday before, at a weekend).
std::vector<Window> typical_english_half_terms(AcademicYear year);

// The Christmas break tfm never plans a date in, whatever the term dates say: 20 December to
// 3 January. (Good Friday and Easter Monday are bank holidays, which it never plans on either.)
bool in_christmas_break(Date d);

// The three terms (Autumn, Spring, Summer), each from its first half-term's start to its
// second's end. Half-terms are paired in order.
std::vector<Window> terms(const std::vector<Window>& half_terms);

}  // namespace tfm
