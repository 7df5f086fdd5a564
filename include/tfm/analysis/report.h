// `tfm report`: the hub coordinator's summary (SPEC sections 5 and 6) as plain tables.
#pragma once

#include "tfm/model/index.h"
#include "tfm/model/journey.h"
#include "tfm/model/model.h"
#include "tfm/render/table.h"

#include <string>
#include <string_view>
#include <vector>

namespace tfm {

// The sections, in the order they are printed.
const std::vector<std::string_view>& report_sections();

struct ReportOptions {
    AcademicYear year;                  // the selected year (default: the current year)
    std::vector<std::string> sections;  // empty: all
};

std::vector<Table> build_report(const Records& records, const Index& index,
                                const std::vector<Journey>& journeys, const ReportOptions& options);

// The pattern of a school's journey up to and including `year` (SPEC section 6).
std::string_view journey_pattern(const Journey& journey, AcademicYear year);

// A characteristics table (area, Ofsted grade, fsm/eal/ehcp bands, each with a count)
// of these schools, banded by the first hub's cut points (else the defaults).
Table characteristics_of(const Records& records, const std::vector<const School*>& schools,
                         std::string name, std::string title);

// The band label of a value for cut points, e.g. "<20", "20-30", ">=50".
std::string band_label(double value, const std::vector<double>& cuts);
// Band labels in order, for cut points.
std::vector<std::string> band_labels(const std::vector<double>& cuts);

}  // namespace tfm
