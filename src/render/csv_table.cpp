#include "tfm/render/csv_table.h"

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
                out += (c ? "," : "") + csv_field(c < row.size() ? row[c].text() : "");
            out += "\r\n";
        }
    }
    return out;
}

}  // namespace tfm
