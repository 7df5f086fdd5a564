// A light YAML document tree built from yaml-cpp's event API.
//
// Unlike YAML::Node it keeps what the checks need: the position of every node, whether a
// scalar was quoted, every key of a mapping in order (so duplicates can be reported), and
// aliases as shared references (so an alias bomb costs nothing and a cycle is refused).
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
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
    std::vector<std::uint32_t> children;  // sequence items; mapping keys and values alternate
};

struct SyntaxError {
    std::uint32_t line = 0;  // 0-based
    std::uint32_t byte_col = 0;
    std::string message;
};

struct Document {
    std::vector<Node> nodes;  // nodes[root] is the document's top node
    std::uint32_t root = 0;
    bool broken = false;  // a syntax error was found inside it: leave it out
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
