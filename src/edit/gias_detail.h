// Internal: what gias.cpp shares with gias_writer.cpp.
#pragma once

#include "tfm/edit/gias.h"

#include <string>
#include <string_view>

namespace tfm::gias::detail {

// No control characters, C1 controls, line or paragraph separators or byte-order marks:
// text a single-quoted or plain YAML scalar can hold as it is.
bool printable(std::string_view text);

// text in double quotes with YAML escapes.
std::string double_quoted(std::string_view text);

// One school as block lines: `dash` before the first key (urn), `indent` before the others.
std::string school_lines(const Establishment& e, const Selection& selection, std::string_view dash,
                         std::string_view indent, std::string_view newline);

// One school as a flow mapping: {urn: …, name: …, phase: …, area: …}.
std::string school_flow(const Establishment& e, const Selection& selection);

}  // namespace tfm::gias::detail
