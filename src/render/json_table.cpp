#include "tfm/render/json_table.h"

#include "tfm/base/json.h"

namespace tfm {

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
                else if (auto* day = std::get_if<Date>(&cell.value)) w.value(day->str());
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
