// A light YAML document tree built from yaml-cpp's event API.
//
// Unlike YAML::Node it keeps what the checks need: the position of every node, whether a
// scalar was quoted, every key of a mapping in order (so duplicates can be reported), and
// aliases as shared references (so an alias bomb costs nothing and a cycle is refused).
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace tfm::yaml {

enum class Kind : std::uint8_t { null, scalar, sequence, mapping };

struct Node {
    Kind kind = Kind::null;
    bool quoted = false;          // quoted, block or explicitly tagged: never a number or date
    std::uint32_t line = 0;       // 0-based, as yaml-cpp marks
    std::uint32_t byte_col = 0;   // 0-based byte column
    std::uint32_t offset = 0;     // byte offset in the parsed text
    std::string value;            // scalars only
    // Where the node's children are in its Document's `child_ids` (Document::children).
    std::uint32_t first_child = 0;
    std::uint32_t child_count = 0;
};

struct SyntaxError {
    std::uint32_t line = 0;  // 0-based
    std::uint32_t byte_col = 0;
    std::string message;
};

struct Document {
    std::vector<Node> nodes;  // nodes[root] is the document's top node
    // Every collection's children, each collection's in one run: one array per document
    // rather than a vector per node (a malloc and its regrowths for every collection).
    std::vector<std::uint32_t> child_ids;
    std::uint32_t root = 0;
    bool broken = false;  // a syntax error was found inside it: leave it out

    // A sequence's items; a mapping's keys and values, alternating; empty for a scalar.
    std::span<const std::uint32_t> children(const Node& n) const {
        return {child_ids.data() + n.first_child, n.child_count};
    }
    std::span<const std::uint32_t> children(std::uint32_t id) const { return children(nodes[id]); }
};

struct ParseResult {
    std::vector<Document> documents;
    std::vector<SyntaxError> errors;  // documents before a parse error are kept
};

// Parses text (already checked to be UTF-8 without a byte-order mark).
ParseResult parse(std::string_view text);

// Where a quoted scalar that starts at `open` (its opening quote) ends: the offset of its
// closing quote, or npos when it never closes.
std::size_t closing_quote(std::string_view text, std::size_t open);

// The node `id` when it is a scalar, else null.
const Node* scalar_node(const Document& d, std::uint32_t id);

// The key and value nodes of the first scalar key that reads `key` in mapping `map`; empty
// when `map` is not a mapping or has no such key.
std::optional<std::pair<std::uint32_t, std::uint32_t>> entry(const Document& d, std::uint32_t map,
                                                             std::string_view key);

}  // namespace tfm::yaml
