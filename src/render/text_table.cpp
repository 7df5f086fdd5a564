#include "tfm/render/text_table.h"

#include "tfm/base/text.h"
#include "tfm/base/untrusted_text.h"

#include <fmt/format.h>

#include <algorithm>

namespace tfm {

namespace {

std::string pad(const std::string& s, std::size_t width, bool right) {
    std::size_t w = display_width(s);
    std::string fill(width > w ? width - w : 0, ' ');
    return right ? fill + s : s + fill;
}

// A cell as the terminal shows it: on one line, control characters escaped.
std::string shown(const Cell& cell) { return terminal_safe(single_line(cell.text())); }

}  // namespace

std::string render_text(const std::vector<Table>& tables, const RenderStyle& style) {
    std::string out;
    bool first = true;
    for (const auto& t : tables) {
        if (!first) out += "\n";
        first = false;
        if (style.titles && !t.title.empty())
            out += style.color ? fmt::format("\x1b[1m{}\x1b[0m\n", terminal_safe(t.title))
                               : terminal_safe(t.title) + "\n";
        if (t.rows.empty()) {
            out += "  " + terminal_safe(t.empty_text) + "\n";
            continue;
        }
        auto numeric = numeric_columns(t);
        std::vector<std::size_t> width(t.columns.size());
        for (std::size_t c = 0; c < t.columns.size(); ++c) {
            width[c] = display_width(t.columns[c].header);
            for (const auto& row : t.rows)
                if (c < row.size()) width[c] = std::max(width[c], display_width(shown(row[c])));
        }
        auto line = [&](auto cell_text) {
            std::string l = " ";
            for (std::size_t c = 0; c < t.columns.size(); ++c) {
                std::string s = cell_text(c);
                bool last = c + 1 == t.columns.size();
                std::string padded = (last && !numeric[c]) ? s : pad(s, width[c], numeric[c]);
                l += " " + padded;
                if (!last) l += " ";
            }
            while (!l.empty() && l.back() == ' ') l.pop_back();
            return l + "\n";
        };
        std::string head = line([&](std::size_t c) { return t.columns[c].header; });
        out += style.color ? "\x1b[1m" + head.substr(0, head.size() - 1) + "\x1b[0m\n" : head;
        std::string rule = " ";
        for (std::size_t c = 0; c < t.columns.size(); ++c) {
            rule += " ";
            for (std::size_t i = 0; i < width[c]; ++i) rule += "─";
            if (c + 1 < t.columns.size()) rule += " ";
        }
        out += rule + "\n";
        for (const auto& row : t.rows)
            out += line([&](std::size_t c) { return c < row.size() ? shown(row[c]) : ""; });
    }
    return out;
}

}  // namespace tfm
