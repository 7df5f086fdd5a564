#include "tfm/analysis/named_columns.h"

#include <array>
#include <string_view>

namespace tfm {

namespace {

constexpr std::array<std::string_view, 6> code_keys = {"stage", "last_stage", "next_stage",
                                                       "phase", "status",     "kind"};

std::string cohort_name(const Index& index, const std::string& id) {
    const Cohort* c = index.cohort(id);
    return c && !c->name.empty() ? c->name : id;
}

std::string lead_name(const Index& index, const std::string& id) {
    const Lead* l = index.lead(id);
    return l && !l->name.empty() ? l->name : id;
}

}  // namespace

Table with_names(Table t, const Index& index) {
    for (std::size_t c = 0; c < t.columns.size(); ++c) {
        Column& col = t.columns[c];
        for (std::string_view key : code_keys)
            if (col.key == key && col.kind == ColumnKind::plain) col.kind = ColumnKind::code;
        bool cohort = col.key == "cohort", lead = col.key == "lead";
        if ((!cohort && !lead) || col.reader != Reader::all) continue;
        col.reader = Reader::machines;
        Column named{cohort ? "cohort_name" : "lead_name", cohort ? "Work Group" : "lead"};
        if (lead) col.header = "lead id";
        t.columns.insert(t.columns.begin() + std::ptrdiff_t(c) + 1, named);
        for (auto& row : t.rows) {
            if (c >= row.size()) continue;
            Cell name = row[c];
            if (auto* id = std::get_if<std::string>(&row[c].value))
                name = cohort ? cohort_name(index, *id) : lead_name(index, *id);
            row.insert(row.begin() + std::ptrdiff_t(c) + 1, std::move(name));
        }
        ++c;
    }
    return t;
}

}  // namespace tfm
