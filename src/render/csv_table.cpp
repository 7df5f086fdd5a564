#include "tfm/render/csv_table.h"

#include "tfm/base/untrusted_text.h"

namespace tfm {

std::string csv_field(const std::string& text) {
    if (text.find_first_of(",\"\r\n") == std::string::npos) return text;
    std::string out = "\"";
    for (char c : text) {
        if (c == '"') out += "\"\"";
        else out += c;
    }
    return out + "\"";
}

namespace {

// A typed number is written as it is; yes/no as true/false, as JSON writes them (an empty cell
// is a value that does not apply, never false); text never starts a spreadsheet formula.
std::string cell_text(const Cell& cell) {
    if (auto* b = std::get_if<bool>(&cell.value)) return *b ? "true" : "false";
    return cell.numeric() ? cell.text() : csv_safe(cell.text());
}

}  // namespace

std::string render_csv(const std::vector<Table>& tables) {
    // Several tables (report, gaps, journey, register): each is labelled by a first column
    // `table` holding its JSON key on its header and every row, tables are apart by a blank
    // line, and a table with no rows is left out (JSON and xlsx show it empty).
    bool several = tables.size() > 1;
    std::string out;
    bool first = true;
    for (const auto& t : tables) {
        if (several && t.rows.empty()) continue;
        if (!first) out += "\r\n";
        first = false;
        std::string label = several ? csv_field(t.name) + "," : "";
        out += several ? "table," : "";
        for (std::size_t c = 0; c < t.columns.size(); ++c)
            out += (c ? "," : "") + csv_field(t.columns[c].key);
        out += "\r\n";
        for (const auto& row : t.rows) {
            out += label;
            for (std::size_t c = 0; c < t.columns.size(); ++c)
                out += (c ? "," : "") + csv_field(c < row.size() ? cell_text(row[c]) : "");
            out += "\r\n";
        }
    }
    return out;
}

}  // namespace tfm
