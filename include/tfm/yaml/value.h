// What a YAML document means, without where or how it is written: the writers' read-back
// compares these, so an edit is accepted only when the file holds exactly the intended data.
#pragma once

#include "tfm/yaml/yaml_tree.h"

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace tfm::yaml {

// A node's meaning: aliases expanded, positions and styles dropped. A scalar keeps whether it
// was quoted (a quoted "2021" is text, a plain 2021 a number). Mappings compare as the set of
// their entries (YAML gives their order no meaning), lists in order.
struct Entry;

struct Value {
    Kind kind = Kind::null;
    bool quoted = false;
    std::string scalar;
    std::vector<Value> items;                       // sequence items
    std::vector<Entry> entries;                     // mapping entries, in written order

    // The value of the first entry whose key is the plain or quoted scalar `key`, or null.
    Value* find(std::string_view key);
    const Value* find(std::string_view key) const;
    // Sets `key` to `value`: in place when the key is there, else as a new last entry.
    void set(std::string_view key, Value value);
    // Removes every entry whose key is `key`.
    void erase(std::string_view key);
};

// A mapping entry.
struct Entry {
    Value key;
    Value value;
};

bool operator==(const Value& a, const Value& b);

// The meaning of node `id` of document `d`. Empty when expanding aliases would make more than
// `budget` nodes (an alias bomb has no readable meaning to compare).
std::optional<Value> value_of(const Document& d, std::uint32_t id, std::size_t budget = 1'000'000);

// Every document's meaning, or empty when the text has a syntax error or too many aliases.
std::optional<std::vector<Value>> values_of(const ParseResult& parsed);

}  // namespace tfm::yaml
