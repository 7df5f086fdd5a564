// Establishments of a GIAS extract as tfm school records in YAML.
#pragma once

#include "tfm/edit/gias_selection.h"
#include "tfm/yaml/writer.h"

#include <string>
#include <string_view>
#include <vector>

namespace tfm::gias {

// The file name part for an area: lower case, runs of other characters as one `-`.
std::string area_slug(std::string_view area);

// A school's record as fields in order: urn, name, phase, area (as the records spell it),
// and trust when GIAS names one. The establishment must have a phase.
std::vector<yaml::Field> school_fields(const Establishment& e, const Selection& selection);

// A `schools:` list of the establishments, as tfm records ("schools: []" for none).
std::string schools_yaml(const std::vector<const Establishment*>& schools, const Selection& selection);

}  // namespace tfm::gias
