#include "tfm/render/md_table.h"

#include "tfm/base/untrusted_text.h"

namespace tfm {

std::string render_md(const std::vector<Table>& tables, const RenderStyle& style) {
    std::string out;
    bool first = true;
    auto cell = [](const std::string& s) { return markdown_safe(s); };
    for (const auto& t : tables) {
        if (!first) out += "\n";
        first = false;
        if (style.titles && !t.title.empty()) out += "## " + markdown_safe(t.title) + "\n\n";
        if (t.rows.empty()) {
            out += "_" + markdown_safe(t.empty_text) + "_\n";
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
