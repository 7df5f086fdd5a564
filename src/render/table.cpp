#include "tfm/render/table.h"

#include "tfm/base/json.h"
#include "tfm/base/text.h"

#include <fmt/format.h>

#include <algorithm>

namespace tfm {

std::string Cell::text() const {
    if (auto* i = std::get_if<long long>(&value)) return std::to_string(*i);
    if (auto* d = std::get_if<double>(&value)) return fmt::format("{:.{}f}", *d, decimals);
    if (auto* s = std::get_if<std::string>(&value)) return *s;
    if (auto* b = std::get_if<bool>(&value)) return *b ? "yes" : "no";
    if (auto* list = std::get_if<std::vector<std::string>>(&value)) {
        std::string out;
        for (const auto& item : *list) out += (out.empty() ? "" : ", ") + item;
        return out;
    }
    return "";
}

std::vector<bool> numeric_columns(const Table& t) {
    std::vector<bool> numeric(t.columns.size(), true);
    for (std::size_t c = 0; c < t.columns.size(); ++c) {
        bool any = false;
        for (const auto& row : t.rows) {
            if (c >= row.size() || row[c].empty()) continue;
            any = true;
            if (!row[c].numeric()) numeric[c] = false;
        }
        if (!any) numeric[c] = false;
    }
    return numeric;
}

namespace {

std::string pad(const std::string& s, std::size_t width, bool right) {
    std::size_t w = display_width(s);
    std::string fill(width > w ? width - w : 0, ' ');
    return right ? fill + s : s + fill;
}

// Cell text on one line: newlines and tabs become spaces.
std::string flat(std::string s) {
    for (char& c : s)
        if (c == '\n' || c == '\r' || c == '\t') c = ' ';
    return s;
}

}  // namespace

std::string render_text(const std::vector<Table>& tables, const RenderStyle& style) {
    std::string out;
    bool first = true;
    for (const auto& t : tables) {
        if (!first) out += "\n";
        first = false;
        if (style.titles && !t.title.empty())
            out += style.color ? fmt::format("\x1b[1m{}\x1b[0m\n", t.title) : t.title + "\n";
        if (t.rows.empty()) {
            out += "  " + t.empty_text + "\n";
            continue;
        }
        auto numeric = numeric_columns(t);
        std::vector<std::size_t> width(t.columns.size());
        for (std::size_t c = 0; c < t.columns.size(); ++c) {
            width[c] = display_width(t.columns[c].header);
            for (const auto& row : t.rows)
                if (c < row.size()) width[c] = std::max(width[c], display_width(flat(row[c].text())));
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
            out += line([&](std::size_t c) { return c < row.size() ? flat(row[c].text()) : ""; });
    }
    return out;
}

std::string render_md(const std::vector<Table>& tables, const RenderStyle& style) {
    std::string out;
    bool first = true;
    auto cell = [](std::string s) {
        std::string r;
        for (char c : flat(std::move(s))) {
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

std::string render_json(const std::vector<Table>& tables) {
    JsonWriter w;
    w.begin_object();
    for (const auto& t : tables) {
        w.key(t.name).begin_array();
        for (const auto& row : t.rows) {
            w.begin_object();
            for (std::size_t c = 0; c < t.columns.size(); ++c) {
                w.key(t.columns[c].key);
                const Cell& cell = c < row.size() ? row[c] : Cell();
                if (auto* i = std::get_if<long long>(&cell.value)) w.value(*i);
                else if (auto* d = std::get_if<double>(&cell.value)) w.value(*d);
                else if (auto* s = std::get_if<std::string>(&cell.value)) w.value(*s);
                else if (auto* b = std::get_if<bool>(&cell.value)) w.value(*b);
                else if (auto* list = std::get_if<std::vector<std::string>>(&cell.value)) {
                    w.begin_array();
                    for (const auto& item : *list) w.value(item);
                    w.end_array();
                } else w.null();
            }
            w.end_object();
        }
        w.end_array();
    }
    w.end_object();
    return w.str();
}

}  // namespace tfm
