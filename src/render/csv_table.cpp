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

// A typed number is written as it is; text never starts a spreadsheet formula.
std::string cell_text(const Cell& cell) { return cell.numeric() ? cell.text() : csv_safe(cell.text()); }

}  // namespace

std::string render_csv(const std::vector<Table>& tables) {
    std::string out;
    bool first = true;
    for (const auto& t : tables) {
        if (!first) out += "\r\n";
        first = false;
        for (std::size_t c = 0; c < t.columns.size(); ++c)
            out += (c ? "," : "") + csv_field(t.columns[c].key);
        out += "\r\n";
        for (const auto& row : t.rows) {
            for (std::size_t c = 0; c < t.columns.size(); ++c)
                out += (c ? "," : "") + csv_field(c < row.size() ? cell_text(row[c]) : "");
            out += "\r\n";
        }
    }
    return out;
}

}  // namespace tfm
