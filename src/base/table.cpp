#include "tfm/base/table.h"

#include <fmt/format.h>

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

std::string single_line(std::string text) {
    for (char& c : text)
        if (c == '\n' || c == '\r' || c == '\t') c = ' ';
    return text;
}

}  // namespace tfm
