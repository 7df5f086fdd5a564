#include "tfm/yaml/read_back.h"

#include <algorithm>

namespace tfm::yaml {

bool same_data(const ParseResult& a, const ParseResult& b, const ChangedValues& changed) {
    if (!b.errors.empty() || a.documents.size() != b.documents.size()) return false;
    for (std::size_t di = 0; di < a.documents.size(); ++di) {
        const auto& da = a.documents[di];
        const auto& db = b.documents[di];
        if (da.nodes.size() != db.nodes.size() || da.root != db.root || da.broken != db.broken) return false;
        for (std::uint32_t i = 0; i < da.nodes.size(); ++i) {
            const auto& na = da.nodes[i];
            const auto& nb = db.nodes[i];
            if (na.kind != nb.kind || !std::ranges::equal(da.children(na), db.children(nb))) return false;
            if (auto it = changed.find({di, i}); it != changed.end()) {
                if (nb.value != it->second) return false;
            } else if (na.value != nb.value || na.quoted != nb.quoted) {
                return false;
            }
        }
    }
    return true;
}

// The last document may gain nodes (the new items); all before them keep their ids.
bool extends_list(const ParseResult& a, const ParseResult& b, std::uint32_t list) {
    if (!b.errors.empty()) return false;
    if (a.documents.empty()) return b.documents.size() == 1;
    if (a.documents.size() != b.documents.size()) return false;
    for (std::size_t di = 0; di < a.documents.size(); ++di) {
        const auto& da = a.documents[di];
        const auto& db = b.documents[di];
        bool last = di + 1 == a.documents.size();
        if (last ? db.nodes.size() < da.nodes.size() : db.nodes.size() != da.nodes.size()) return false;
        if (da.root != db.root) return false;
        for (std::uint32_t i = 0; i < da.nodes.size(); ++i) {
            const auto& na = da.nodes[i];
            const auto& nb = db.nodes[i];
            if (last && i == list) {
                bool was_empty = na.kind == Kind::null && nb.kind == Kind::sequence;
                if (!was_empty && na.kind != nb.kind) return false;
                auto ca = da.children(na), cb = db.children(nb);
                if (cb.size() < ca.size() || !std::equal(ca.begin(), ca.end(), cb.begin()))
                    return false;
                continue;
            }
            if (na.kind != nb.kind || !std::ranges::equal(da.children(na), db.children(nb)) || na.value != nb.value || na.quoted != nb.quoted)
                return false;
        }
    }
    return true;
}

bool means_intended(std::string_view before, std::string_view after, const Intent& intend,
                    std::string& why) {
    auto expected = values_of(parse(before));
    if (!expected) {
        why = "the file as read cannot be compared (a syntax error or too many aliases)";
        return false;
    }
    if (!intend(*expected)) {
        why = "the file does not hold the record to change where tfm expected it";
        return false;
    }
    ParseResult parsed = parse(after);
    if (!parsed.errors.empty()) {
        why = "the edited file would not parse";
        return false;
    }
    auto got = values_of(parsed);
    if (!got || *got != *expected) {
        why = "the edited file would not hold exactly the intended records";
        return false;
    }
    return true;
}

Intent appends_to_list(std::string key, std::string_view added, bool new_document) {
    auto parsed = values_of(parse(added));
    return [parsed, key = std::move(key), new_document](std::vector<Value>& docs) {
        if (!parsed || parsed->size() != 1) return false;
        const Value& doc = parsed->front();
        const Value* items = doc.find(key);
        if (!items) return false;
        if (new_document) {
            docs.push_back(doc);
            return true;
        }
        Value* list = docs.empty() ? nullptr : docs.back().find(key);
        if (!list) return false;
        if (list->kind == Kind::null) *list = *items;
        else if (list->kind == Kind::sequence) list->items.insert(list->items.end(), items->items.begin(), items->items.end());
        else return false;
        return true;
    };
}

}  // namespace tfm::yaml
