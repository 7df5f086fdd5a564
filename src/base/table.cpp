#include "tfm/base/table.h"

#include <fmt/format.h>

namespace tfm {

std::string Cell::text() const {
    if (auto* i = std::get_if<long long>(&value)) return std::to_string(*i);
    if (auto* d = std::get_if<double>(&value)) return fmt::format("{:.{}f}", *d, decimals);
    if (auto* s = std::get_if<std::string>(&value)) return *s;
    if (auto* b = std::get_if<bool>(&value)) return *b ? "yes" : "no";
    if (auto* d = std::get_if<Date>(&value)) return d->str();
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

std::string in_words(std::string code) {
    for (char& c : code)
        if (c == '_') c = ' ';
    return code;
}

Table for_reader(const Table& t, bool for_people) {
    Reader other = for_people ? Reader::machines : Reader::people;
    Table out{t.name, t.title, {}, {}, t.empty_text};
    std::vector<std::size_t> kept;
    for (std::size_t c = 0; c < t.columns.size(); ++c) {
        if (t.columns[c].reader == other) continue;
        kept.push_back(c);
        out.columns.push_back(t.columns[c]);
    }
    out.rows.reserve(t.rows.size());
    for (const auto& row : t.rows) {
        std::vector<Cell> cells;
        cells.reserve(kept.size());
        for (std::size_t c : kept) {
            Cell cell = c < row.size() ? row[c] : Cell();
            if (for_people && t.columns[c].kind == ColumnKind::code) {
                if (auto* s = std::get_if<std::string>(&cell.value)) *s = in_words(std::move(*s));
                if (auto* list = std::get_if<std::vector<std::string>>(&cell.value))
                    for (auto& item : *list) item = in_words(std::move(item));
            }
            cells.push_back(std::move(cell));
        }
        out.rows.push_back(std::move(cells));
    }
    return out;
}

std::string single_line(std::string text) {
    for (char& c : text)
        if (c == '\n' || c == '\r' || c == '\t') c = ' ';
    return text;
}

}  // namespace tfm
