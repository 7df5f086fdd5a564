// A table of typed cells: what every report, gaps, journey and schedule section becomes before
// a renderer prints it (text_table.h, csv_table.h, json_table.h, md_table.h, html_report.h).
#pragma once

#include "tfm/base/date.h"

#include <string>
#include <string_view>
#include <variant>
#include <vector>

namespace tfm {

// One value: empty, a whole number, a number shown with `decimals` places, text, or a list
// of texts (a JSON array; joined with ", " elsewhere), yes/no (a JSON boolean), or a date
// (YYYY-MM-DD in text, csv and json; a date cell in xlsx). A date is a Date, never a text, so
// every table's dates are dates in every format without a word about them elsewhere.
struct Cell {
    std::variant<std::monostate, long long, double, std::string, std::vector<std::string>, bool, Date>
        value;
    int decimals = 1;

    Cell() = default;
    Cell(int v) : value(static_cast<long long>(v)) {}
    Cell(long long v) : value(v) {}
    Cell(double v, int places = 1) : value(v), decimals(places) {}
    Cell(std::string v) : value(std::move(v)) {}
    Cell(const char* v) : value(std::string(v)) {}
    Cell(std::string_view v) : value(std::string(v)) {}
    Cell(std::vector<std::string> v) : value(std::move(v)) {}
    Cell(Date d) : value(d) {}
    static Cell yes_no(bool v) {
        Cell c;
        c.value = v;
        return c;
    }

    bool empty() const { return std::holds_alternative<std::monostate>(value); }
    bool numeric() const {
        return std::holds_alternative<long long>(value) || std::holds_alternative<double>(value);
    }
    std::string text() const;  // as shown in text, csv and md
};

// What a column's cells mean beyond their type, for formats that say so (xlsx): a percent
// column holds numbers out of 100, a code column snake_case codes (`requires_improvement`)
// that people read in words (`requires improvement`). Dates are a type of cell (Cell(Date)).
enum class ColumnKind { plain, percent, code };

// Who a column is for (SPEC section 6): people (table, md, html) read names in words where
// machines (csv, json, xlsx) read ids and codes with the names in their own columns.
enum class Reader { all, machines, people };

struct Column {
    std::string key;     // snake_case: the JSON key and the CSV header
    std::string header;  // as shown in text and md
    ColumnKind kind = ColumnKind::plain;
    Reader reader = Reader::all;
};

struct Table {
    std::string name;   // the section's key, e.g. "reach"
    std::string title;  // a heading for people, e.g. "Cumulative reach"
    std::vector<Column> columns;
    std::vector<std::vector<Cell>> rows;
    std::string empty_text = "none";  // shown in text and md when there are no rows
};

// The table as one reader reads it: the other reader's columns left out, and for people
// the cells of code columns in words (underscores as spaces).
Table for_reader(const Table& t, bool for_people);

// A code in words: "readiness_to_sustaining" -> "readiness to sustaining".
std::string in_words(std::string code);

// Per column: every non-empty cell is a number (and there is one); such columns are right-aligned.
std::vector<bool> numeric_columns(const Table& t);

// Text on one line, for the line-based renderers: newlines and tabs become spaces.
std::string single_line(std::string text);

}  // namespace tfm
