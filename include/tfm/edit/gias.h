// `tfm import gias`: school records from the Get Information About Schools (GIAS)
// establishment extract, and the in-place update of a records tree from it.
//
// The extract is a CSV file (RFC 4180) in Windows-1252 with one row per establishment and
// columns such as `URN`, `EstablishmentName`, `LA (name)`, `PhaseOfEducation (name)`,
// `TypeOfEstablishment (name)`, `EstablishmentStatus (name)` and `Trusts (name)`.
#pragma once

#include "tfm/load/load.h"
#include "tfm/model/model.h"

#include <functional>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

namespace tfm::gias {

// A problem that makes the whole extract unusable (bad CSV, a missing column). line is the
// 1-based line of the file it concerns, 0 for the file as a whole.
class Error : public std::runtime_error {
public:
    Error(int line, const std::string& message) : std::runtime_error(message), line(line) {}
    int line;
};

// ---- text --------------------------------------------------------------------------------

// Every byte as Windows-1252 does: ASCII as is, 0x80–0x9F as cp1252's punctuation (0x92 ’,
// 0x96 –, 0x80 €; the five bytes cp1252 leaves undefined become U+0081 … U+009D, as Windows
// decodes them) and 0xA0–0xFF as Latin-1. The result is UTF-8.
std::string cp1252_to_utf8(std::string_view bytes);

struct Decoded {
    std::string text;           // UTF-8, without a byte-order mark
    std::string_view encoding;  // "UTF-8" or "Windows-1252"
};

// A file starting with a UTF-8 byte-order mark is UTF-8 (throws Error naming the line of a
// byte that is not). Otherwise the file is Windows-1252, as GIAS writes it, unless its
// non-ASCII bytes all form valid UTF-8 (an extract re-saved as UTF-8 by a spreadsheet):
// real Windows-1252 text practically never does.
Decoded decode(std::string_view bytes);

// ---- CSV ---------------------------------------------------------------------------------

struct CsvRow {
    int line = 0;  // 1-based line the row starts on
    std::vector<std::string> fields;
};

// RFC 4180: fields separated by commas, rows by CRLF or LF (a final line break is
// optional); a field in double quotes may hold commas, line breaks and "" for a quote.
// Blank lines are skipped. Throws Error naming the line of a quoted field that never closes
// or of text after a closing quote.
std::vector<CsvRow> parse_csv(std::string_view text);

// The same, one row at a time (the row is reused: copy what is kept).
void for_each_row(std::string_view text, const std::function<void(const CsvRow&)>& visit);

// ---- the extract -------------------------------------------------------------------------

// GIAS's phase and type of establishment as a tfm phase: Primary and Middle deemed primary
// are primary; Secondary and Middle deemed secondary secondary; All-through all_through; a
// type whose name contains "special" is special whatever the phase. Nothing for the rest
// (Nursery, 16 plus, Not applicable).
std::optional<Phase> map_phase(std::string_view phase_name, std::string_view type_name);

// An establishment status tfm keeps: "Open" and "Open, but proposed to close".
bool is_open(std::string_view status);

// A URN as GIAS writes it: six digits, not starting with 0.
std::optional<Urn> parse_urn(std::string_view text);

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
    std::string_view encoding;
};

// The columns the extract must have.
const std::vector<std::string_view>& required_columns();

// Decodes, parses and reads the extract. Throws Error for bytes that are not CSV or a
// missing column; a row with a bad URN or the wrong number of fields is a warning.
Extract read_extract(std::string_view bytes);

// ---- choosing ----------------------------------------------------------------------------

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

bool same_area(std::string_view a, std::string_view b);  // ignoring ASCII case and outer spaces
bool area_chosen(const Selection& selection, std::string_view area);
std::string area_spelling(const Selection& selection, std::string_view area);

// The open establishments of the chosen areas and phases, sorted by area, name and URN.
std::vector<const Establishment*> select(const Extract& extract, const Selection& selection);

// ---- YAML out ----------------------------------------------------------------------------

// A scalar as YAML needs it: plain when it reads back as the same text, else double-quoted.
// In flow context (inside {…} or […]) commas and brackets are quoted too.
std::string yaml_scalar(std::string_view text, bool flow = false);

// The file name part for an area: lower case, runs of other characters as one `-`.
std::string area_slug(std::string_view area);

// A `schools:` list of the establishments, as tfm records.
std::string schools_yaml(const std::vector<const Establishment*>& schools,
                         const Selection& selection);

// ---- writing into a records tree ---------------------------------------------------------

struct ImportResult {
    struct Added {
        Urn urn = 0;
        std::string name, file;
    };
    struct Renamed {
        Urn urn = 0;
        std::string old_name, new_name, file;
    };
    struct Moved {
        Urn urn = 0;
        std::string name, old_area, new_area, file;
    };
    bool refused = false;
    std::vector<std::string> errors;  // why it was refused: nothing was written
    std::vector<std::string> notes;   // closed schools, areas outside the hub's
    std::vector<std::string> files;   // written, relative to the directory, sorted
    std::vector<Added> added;
    std::vector<Renamed> renamed;
    std::vector<Moved> moved;
    int unchanged = 0;

    bool changed() const { return !added.empty() || !renamed.empty() || !moved.empty(); }
};

// Brings the records tree `tree` (loaded from `directory`) up to date with the extract:
// known URNs get their name and area from GIAS when it lists them as open and either area
// is chosen (whatever their phase); new URNs of select() are appended to the `schools:`
// list of schools/<area-slug>.yaml (created when missing; schools/<area-slug>-gias.yaml
// when that file does not end with a block `schools:` list). Every other byte of a file is
// kept; each file is written atomically; nothing at all is written when anything is refused
// (YAML errors in the tree, a name written over several lines).
ImportResult import_into(const std::string& directory, const LoadResult& tree,
                         const Extract& extract, const Selection& selection);

// What changed, for people: files, added, renamed, moved, unchanged; or "nothing to change".
std::string summary_text(const ImportResult& result);

}  // namespace tfm::gias
