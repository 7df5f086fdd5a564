// Report data as plain tables, and the renderers that print them: text, csv, json, md.
// Every command that prints rows (report, journey, gaps, schedule) builds Tables.
#pragma once

#include <string>
#include <variant>
#include <vector>

namespace tfm {

// One value: empty, a whole number, a number shown with `decimals` places, text, or a list
// of texts (a JSON array; joined with ", " elsewhere), or yes/no (a JSON boolean).
struct Cell {
    std::variant<std::monostate, long long, double, std::string, std::vector<std::string>, bool>
        value;
    int decimals = 1;

    Cell() = default;
    Cell(int v) : value(static_cast<long long>(v)) {}
    Cell(long long v) : value(v) {}
    Cell(double v, int places = 1) : value(v), decimals(places) {}
    Cell(std::string v) : value(std::move(v)) {}
    Cell(const char* v) : value(std::string(v)) {}
    Cell(std::vector<std::string> v) : value(std::move(v)) {}
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

struct Column {
    std::string key;     // snake_case: the JSON key and the CSV header
    std::string header;  // as shown in text and md
};

struct Table {
    std::string name;   // the section's key, e.g. "reach"
    std::string title;  // a heading for people, e.g. "Cumulative reach"
    std::vector<Column> columns;
    std::vector<std::vector<Cell>> rows;
    std::string empty_text = "none";  // shown in text and md when there are no rows
};

struct RenderStyle {
    bool color = false;   // bold headings in text output
    bool titles = true;   // print section titles (text and md)
};

// Per column: every non-empty cell is a number (and there is one); such columns are right-aligned.
std::vector<bool> numeric_columns(const Table& t);

std::string render_text(const std::vector<Table>& tables, const RenderStyle& style);
std::string render_md(const std::vector<Table>& tables, const RenderStyle& style);
// One RFC 4180 table per section; several sections are separated by an empty line.
std::string render_csv(const std::vector<Table>& tables);
// One object keyed by section name; each section an array of row objects.
std::string render_json(const std::vector<Table>& tables);

std::string csv_field(const std::string& text);

}  // namespace tfm
