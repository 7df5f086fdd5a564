// A finding about the records: where it is, how bad, which rule.
#pragma once

#include <compare>
#include <string>
#include <string_view>
#include <vector>

namespace tfm {

enum class Severity { error, warning, note };
std::string_view severity_name(Severity s);

// A position in a record file. file is an index into the loaded file list;
// line and column are 1-based (0 when there is no position, e.g. a whole directory).
// Positions order by file, then line, then column.
struct Pos {
    int file = -1;
    int line = 0;
    int column = 0;

    auto operator<=>(const Pos&) const = default;
};

// A position in the file of the record that holds it (a name in a session's attendance, a
// session's date): a Pos without its file, 8 bytes instead of 12, for the positions a tree
// holds by the hundred thousand. in(file) gives the Pos back.
struct LinePos {
    int line = 0;
    int column = 0;

    LinePos() = default;
    LinePos(Pos p) : line(p.line), column(p.column) {}  // NOLINT: the file is the record's
    Pos in(int file) const { return Pos{file, line, column}; }
};

struct Diagnostic {
    Pos pos;
    Severity severity = Severity::error;
    std::string rule;
    std::string message;
};

using Diagnostics = std::vector<Diagnostic>;

// Orders findings: loading problems (file/, yaml/, schema/) before rule findings, then by
// file, line, column, rule and message, so a cause comes before its effects and the same
// tree gives the same output whatever order the checks ran in.
void sort_diagnostics(Diagnostics& ds);

}  // namespace tfm
