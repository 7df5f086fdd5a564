#include "tfm/render/md_table.h"

namespace tfm {

std::string render_md(const std::vector<Table>& tables, const RenderStyle& style) {
    std::string out;
    bool first = true;
    auto cell = [](std::string s) {
        std::string r;
        for (char c : single_line(std::move(s))) {
            if (c == '|') r += "\\|";
            else r += c;
        }
        return r;
    };
    for (const auto& t : tables) {
        if (!first) out += "\n";
        first = false;
        if (style.titles && !t.title.empty()) out += "## " + t.title + "\n\n";
        if (t.rows.empty()) {
            out += "_" + t.empty_text + "_\n";
            continue;
        }
        auto numeric = numeric_columns(t);
        out += "|";
        for (const auto& c : t.columns) out += " " + cell(c.header) + " |";
        out += "\n|";
        for (std::size_t c = 0; c < t.columns.size(); ++c) out += numeric[c] ? " ---: |" : " --- |";
        out += "\n";
        for (const auto& row : t.rows) {
            out += "|";
            for (std::size_t c = 0; c < t.columns.size(); ++c)
                out += " " + (c < row.size() ? cell(row[c].text()) : std::string()) + " |";
            out += "\n";
        }
    }
    return out;
}

}  // namespace tfm
