#include "tfm/yaml/value.h"

#include <algorithm>

namespace tfm::yaml {

namespace {

bool expand(const Document& d, std::uint32_t id, std::size_t& budget, Value& out) {
    if (budget == 0 || id >= d.nodes.size()) return false;
    --budget;
    const Node& n = d.nodes[id];
    out.kind = n.kind;
    out.quoted = n.quoted;
    if (n.kind == Kind::scalar) out.scalar = n.value;
    auto children = d.children(n);
    if (n.kind == Kind::sequence) {
        out.items.resize(children.size());
        for (std::size_t i = 0; i < children.size(); ++i)
            if (!expand(d, children[i], budget, out.items[i])) return false;
    }
    if (n.kind == Kind::mapping) {
        out.entries.resize(children.size() / 2);
        for (std::size_t i = 0; i + 1 < children.size(); i += 2) {
            if (!expand(d, children[i], budget, out.entries[i / 2].key)) return false;
            if (!expand(d, children[i + 1], budget, out.entries[i / 2].value)) return false;
        }
    }
    return true;
}

// A total order on values, so that mappings can be compared as sets of entries.
int compare(const Value& a, const Value& b);

int compare_entries(const Entry& a, const Entry& b) {
    if (int c = compare(a.key, b.key)) return c;
    return compare(a.value, b.value);
}

std::vector<const Entry*> sorted_entries(const Value& v) {
    std::vector<const Entry*> out;
    for (const auto& e : v.entries) out.push_back(&e);
    std::sort(out.begin(), out.end(), [](auto* x, auto* y) { return compare_entries(*x, *y) < 0; });
    return out;
}

int compare(const Value& a, const Value& b) {
    if (a.kind != b.kind) return a.kind < b.kind ? -1 : 1;
    switch (a.kind) {
    case Kind::null:
        return 0;
    case Kind::scalar:
        if (a.quoted != b.quoted) return a.quoted ? 1 : -1;
        return a.scalar.compare(b.scalar);
    case Kind::sequence:
        for (std::size_t i = 0; i < std::min(a.items.size(), b.items.size()); ++i)
            if (int c = compare(a.items[i], b.items[i])) return c;
        return a.items.size() == b.items.size() ? 0 : (a.items.size() < b.items.size() ? -1 : 1);
    case Kind::mapping: {
        auto ea = sorted_entries(a), eb = sorted_entries(b);
        for (std::size_t i = 0; i < std::min(ea.size(), eb.size()); ++i)
            if (int c = compare_entries(*ea[i], *eb[i])) return c;
        return ea.size() == eb.size() ? 0 : (ea.size() < eb.size() ? -1 : 1);
    }
    }
    return 0;
}

bool is_key(const Value& k, std::string_view key) {
    return k.kind == Kind::scalar && k.scalar == key;
}

}  // namespace

Value* Value::find(std::string_view key) {
    for (auto& e : entries)
        if (is_key(e.key, key)) return &e.value;
    return nullptr;
}

const Value* Value::find(std::string_view key) const {
    for (const auto& e : entries)
        if (is_key(e.key, key)) return &e.value;
    return nullptr;
}

void Value::set(std::string_view key, Value value) {
    if (Value* v = find(key)) {
        *v = std::move(value);
        return;
    }
    Value k;
    k.kind = Kind::scalar;
    k.scalar = std::string(key);
    entries.push_back(Entry{std::move(k), std::move(value)});
}

void Value::erase(std::string_view key) {
    std::erase_if(entries, [&](const auto& e) { return is_key(e.key, key); });
}

bool operator==(const Value& a, const Value& b) { return compare(a, b) == 0; }

std::optional<Value> value_of(const Document& d, std::uint32_t id, std::size_t budget) {
    Value v;
    if (!expand(d, id, budget, v)) return std::nullopt;
    return v;
}

std::optional<std::vector<Value>> values_of(const ParseResult& parsed) {
    if (!parsed.errors.empty()) return std::nullopt;
    std::vector<Value> out;
    std::size_t budget = 1'000'000;
    for (const Document& d : parsed.documents) {
        if (d.broken) return std::nullopt;
        Value v;
        if (!d.nodes.empty() && !expand(d, d.root, budget, v)) return std::nullopt;
        out.push_back(std::move(v));
    }
    return out;
}

}  // namespace tfm::yaml
