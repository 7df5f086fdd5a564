// `tfm import gias --write`: brings a records tree up to date with a GIAS extract by editing
// its files in place. The phases run in order (refuse a broken tree, compare the known
// schools, place the new ones, apply, read back, commit); each is a function of its own.
#pragma once

#include "tfm/edit/file_edit.h"
#include "tfm/edit/transaction.h"
#include "tfm/edit/gias_selection.h"
#include "tfm/load/load.h"
#include "tfm/yaml/yaml_tree.h"

#include <cstdint>

#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace tfm::gias {

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
    std::string diff;                 // with a dry run: what would be written
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
// Reads and writes through `tx` (transaction.h): under its lock, with its guarantees, and
// with a dry run only the diff in `result.diff`.
ImportResult import_into(const Transaction& tx, const std::string& directory, const LoadResult& tree,
                         const Extract& extract, const Selection& selection);

// What changed, for people: files, added, renamed, moved, unchanged; or "nothing to change".
std::string summary_text(const ImportResult& result);

// The phases of import_into. Each records what it refuses in the result (refused, errors).
namespace import_phase {

// A known school's `name` or `area` to replace.
struct Change {
    const Establishment* school = nullptr;
    std::string field;  // name | area
    std::string value;
};

// One file of the tree the import edits or creates.
struct FileWork {
    FileEdit edit;  // exists: read (a file not read yet, or missing, is new)
    std::vector<Change> changes;
    std::vector<const Establishment*> additions;  // appended in this order
    std::string area;                             // of the additions, for a new file's header
};

using Work = std::map<std::string, FileWork>;  // by the path as shown

// New establishments to add, by area as the records spell it.
using NewSchools = std::map<std::string, std::vector<const Establishment*>>;

// Where a school record is in a parsed file: its mapping, and whether it is written in flow
// style (inside {…} or […], where a plain scalar ends at a comma or bracket).
struct SchoolAt {
    std::size_t doc = 0;
    std::uint32_t map = 0;
    bool flow = false;
};

// Every school mapping of the file (`school:` and the items of `schools:`), by its URN as
// written (plain, not quoted).
std::map<std::string, std::vector<SchoolAt>> index_schools(const yaml::ParseResult& parsed, std::string_view text);

// Refuse: files of the tree that did not parse or could not be read may hold schools, so
// the known URNs would be incomplete and a school could be added twice.
void refuse_broken_tree(const std::string& directory, const LoadResult& tree, ImportResult& result);

// Plan, 1: known schools GIAS lists as open under another name or area become Changes of
// their files (and renamed/moved in the result); closed ones and moves outside the hub's
// areas become notes. Returns the chosen establishments the tree does not know, in name order.
NewSchools compare_known(const Records& records, const Extract& extract, const Selection& selection,
                         Work& work, ImportResult& result);

// Plan, 2: the file each area's new schools go to (schools/<slug>.yaml, else
// schools/<slug>-gias.yaml), joined to the work with its additions.
void place_new(const Transaction& tx, const std::string& directory, const NewSchools& schools, Work& work, ImportResult& result);

// Apply: the file's text (without a byte-order mark) with its changes and additions, checked
// to hold the same data otherwise. Empty when refused.
std::optional<std::string> apply_work(const FileWork& file, const Selection& selection, ImportResult& result);

// Read back: `text` loads, and every school the file's work touched reads as GIAS has it.
void read_back(const FileWork& file, std::string_view text, const Selection& selection, ImportResult& result);

// Commit: writes each file that changes, in order of name. On a failure the result says
// which files were already written.
void commit_all(const Transaction& tx, const Work& work, ImportResult& result);

}  // namespace import_phase
}  // namespace tfm::gias
