// The Get Information About Schools (GIAS) establishment extract, read into establishments.
//
// The extract is a CSV file (RFC 4180) in Windows-1252 with one row per establishment and
// columns such as `URN`, `EstablishmentName`, `LA (name)`, `PhaseOfEducation (name)`,
// `TypeOfEstablishment (name)`, `EstablishmentStatus (name)` and `Trusts (name)`.
#pragma once

#include "tfm/base/csv.h"
#include "tfm/base/line_error.h"
#include "tfm/model/model.h"

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace tfm::gias {

// A problem that makes the whole extract unusable (bad CSV, a missing column). line is the
// 1-based line of the file it concerns, 0 for the file as a whole.
using Error = LineError;

// GIAS's phase and type of establishment as a tfm phase: Primary and Middle deemed primary
// are primary; Secondary and Middle deemed secondary secondary; All-through all_through; a
// type whose name contains "special" is special whatever the phase. Nothing for the rest
// (Nursery, 16 plus, Not applicable).
std::optional<Phase> map_phase(std::string_view phase_name, std::string_view type_name);

// An establishment status tfm keeps: "Open" and "Open, but proposed to close".
bool is_open(std::string_view status);

// A URN as GIAS writes it: six digits, not starting with 0.
std::optional<Urn> parse_urn(std::string_view text);

// Local authority names (and column names) compare ignoring ASCII case and outer spaces.
bool same_area(std::string_view a, std::string_view b);

struct Establishment {
    int line = 0;  // where its row starts in the file
    Urn urn = 0;
    std::string name;
    std::string area;    // LA (name)
    std::string status;
    std::string trust;   // Trusts (name), when the extract has it
    std::optional<Phase> phase;
    bool open = false;
};

struct Extract {
    std::vector<Establishment> establishments;  // rows with a good URN; the first of a repeated URN
    std::vector<std::string> warnings;          // "line 9: …; row skipped"
    std::string encoding;                       // as decode_text names it
};

// Where column `name` is in a header row: its exact name first, else ignoring case.
std::optional<std::size_t> find_column(const std::vector<std::string>& header, std::string_view name);

// Throws Error for a header row without the `missing` columns, naming them and the first
// columns it has ("is this a GIAS `what`?").
[[noreturn]] void missing_columns(const CsvRow& header, const std::vector<std::string_view>& missing,
                                  std::string_view what);

// A field as a record value: spaces at its ends removed, a line break or tab inside one space.
std::string clean_field(std::string_view field);

// The columns the extract must have.
const std::vector<std::string_view>& required_columns();

// Decodes, parses and reads the extract. Throws Error for bytes that are not CSV or a
// missing column; a row with a bad URN or the wrong number of fields is a warning.
Extract read_extract(std::string_view bytes);

}  // namespace tfm::gias
