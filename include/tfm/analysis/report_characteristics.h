// The report's `characteristics` section: the schools engaged in a year by area, Ofsted grade
// and fsm/eal/ehcp band, beside every school on record.
#pragma once

#include "tfm/analysis/bands.h"
#include "tfm/model/journey.h"
#include "tfm/model/model.h"

#include <array>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

namespace tfm {

enum class Dimension { area, ofsted, fsm, eal, ehcp };
inline constexpr std::array<Dimension, 5> all_dimensions = {
    Dimension::area, Dimension::ofsted, Dimension::fsm, Dimension::eal, Dimension::ehcp};
template <> const std::vector<std::string_view>& enum_names<Dimension>();

// A value of a dimension: an area's name, an Ofsted grade, a band of a percentage, or not
// recorded (a school with no grade or no percentage).
struct NotRecorded {
    bool operator==(const NotRecorded&) const = default;
};
using CharacteristicValue = std::variant<std::string, Ofsted, Band, NotRecorded>;

// The value as the report writes it: "North", "good", "20-30", "unknown".
std::string label_of(const CharacteristicValue& value);

struct CharacteristicCount {
    Dimension dimension = Dimension::area;
    CharacteristicValue value;
    int schools = 0;
};

// Some schools by characteristic. Rows go by dimension; within one, areas by name, grades
// best first, bands low to high, then not recorded; values no school has are left out.
struct Characteristics {
    int schools = 0;  // every school is counted once in each dimension
    std::vector<CharacteristicCount> rows;
};

// These schools by characteristic, banded by the first hub's cut points (else the defaults).
Characteristics characteristics_of(const Records& records,
                                   const std::vector<const School*>& schools);

// One value of a dimension: the engaged schools that have it beside all schools on record.
struct CharacteristicShare {
    CharacteristicValue value;
    int engaged = 0;
    double engaged_percent = 0;  // of the engaged schools; 0 when none is engaged
    int all = 0;
    double all_percent = 0;      // of the schools on record; 0 when there are none
};

struct DimensionShares {
    Dimension dimension = Dimension::area;
    // The values of all schools on record in their order, then any only engaged schools have.
    std::vector<CharacteristicShare> values;
};

struct CharacteristicsSection {
    AcademicYear year;
    Characteristics engaged;  // the schools engaged in the year: the section's rows
    Characteristics all;      // every school on record, banded alike
    std::vector<DimensionShares> shares;  // each dimension either of them has
};

CharacteristicsSection characteristics_section(const Records& records,
                                               const std::vector<Journey>& journeys,
                                               AcademicYear year);

}  // namespace tfm
