// `tfm import gias --links`: the GIAS links extract (links.csv of a GIAS download) read into
// predecessor links, and `predecessor` set on the known schools they concern.
//
// The extract is CSV as the establishment extract is (Windows-1252 or UTF-8, field by field),
// one row per link with the columns `URN`, `LinkURN`, `LinkName`, `LinkType` and
// `LinkEstablishedDate`. A row URN=X whose LinkType starts with "Predecessor" says LinkURN is
// X's predecessor (X replaced it); a row URN=Y whose LinkType starts with "Successor" says
// LinkURN replaced Y. Other link types ("Sixth Form Centre Link", "Other", …) are not
// predecessors.
#pragma once

#include "tfm/edit/gias_extract.h"
#include "tfm/edit/transaction.h"
#include "tfm/load/load.h"

#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace tfm::gias {

// One establishment replacing another, as a row of the links extract says.
struct Link {
    int line = 0;  // the row's line
    Urn successor = 0, predecessor = 0;
    std::string successor_name, predecessor_name;  // LinkName names the row's LinkURN only
    std::string type;                              // LinkType as GIAS writes it
    std::string date;                              // LinkEstablishedDate, as written
};

struct LinksExtract {
    std::vector<Link> links;            // in file order; a pair both rows name is kept once (the first)
    std::vector<std::string> warnings;  // "line 9: …; row skipped"
    std::string encoding;               // as decode_text names it
    int rows = 0;                       // rows read (not the header), of every link type
};

// The columns the links extract must have: URN, LinkURN and LinkType (LinkName and
// LinkEstablishedDate are used when present).
const std::vector<std::string_view>& link_columns();

// Whether GIAS's LinkType says the linked establishment is a predecessor (+1), a successor
// (-1) or neither (0); compared ignoring case and outer spaces.
int link_direction(std::string_view link_type);

// Decodes, parses and reads the links extract. Throws Error for bytes that are not CSV text
// (with the line and column) or a missing column; a row with a bad URN or the wrong number
// of fields is a warning.
LinksExtract read_links(std::string_view bytes);

// What setting the links does to the records.
struct LinksResult {
    struct Set {                          // one predecessor added to a known school
        Urn urn = 0;
        std::string name, file;           // the school, its file (one per record of the URN)
        Link link;
        std::string predecessor_name;     // its record's name, else GIAS's LinkName
    };
    struct Loop {                         // a link refused: the predecessors would loop
        Link link;
        std::string name;                 // the successor's record's name
        std::vector<Urn> chain;           // successor, …, successor again
    };
    struct Failing {                      // a link refused: the records would have a check error
        Link link;
        std::string name;                 // the successor's record's name
        std::string error;                // the first error it would bring, "file:line:col: message [rule]"
    };
    struct Missing {                      // a known school replaced by one the records lack
        Urn urn = 0;
        std::string name;
        Link link;
    };
    bool refused = false;
    std::vector<std::string> errors;      // why nothing was written
    std::string diff;                     // with a dry run: what would be written
    std::vector<std::string> files;       // written (or to write), sorted
    std::vector<Set> set;
    std::vector<Loop> loops;
    std::vector<Failing> failing;
    std::vector<Missing> missing;
    int unchanged = 0;                    // links the records already hold
};

// Which links concern known schools: the predecessors to add (a school keeps those it names
// and gets each other one once), the ones refused because the chain of predecessors would
// loop (a school naming itself included; links are taken in file order), the known schools
// replaced by a school the records lack, and the links already recorded.
LinksResult plan_links(const Records& records, const LinksExtract& extract);

// Runs `tfm check` (as of `as_of`) on the records with the planned links added, one link at a
// time in file order: a link whose result has an error the records did not have (a journey
// rule, typically `journey/same-year`) is taken out of `result.set` into `result.failing`,
// and the next links are checked with the ones kept. `records` is restored before it returns.
void refuse_failing_links(LoadResult& tree, Date as_of, LinksResult& result);

// "not setting 107564 Old as the predecessor of 107588 New: tfm check would give an error: …"
std::string failing_text(const LinksResult::Failing& failing);

// Writes the planned predecessors into the records tree `tree` (loaded from `directory`)
// through `tx` (the writers' guarantees; with a dry run only the diff): each school's
// `predecessor` becomes a list when it gains a second, keeping every other byte of the
// file. Refused (nothing written) when the tree has YAML errors or a value cannot be
// changed on its own; each edit must read back as exactly the intended records.
void write_links(const Transaction& tx, const std::string& directory, const LoadResult& tree, LinksResult& result);

// The edit of one file's text (without a byte-order mark): `predecessors` added to the school
// records with each URN. Empty, with `why` set, when tfm cannot make it safely.
std::optional<std::string> add_predecessors(std::string_view text, std::string_view newline,
                                            const std::map<Urn, std::vector<Urn>>& predecessors, std::string& why);

// For people: what was set (or would be), the links already recorded; "nothing to change".
std::string links_summary(const LinksResult& result, bool written);

// "107330 Old Name closed; its successor 149999 New Academy is not in your records: add it
// with tfm import gias"
std::string missing_text(const LinksResult::Missing& missing);

// "not setting 100002 Old as the predecessor of 100001 New: the predecessors would loop
// (100001 → 100002 → 100001)"
std::string loop_text(const LinksResult::Loop& loop);

}  // namespace tfm::gias
