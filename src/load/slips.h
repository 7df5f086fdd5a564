// Internal: the slips that make a line that looks like `key: value` or `- key: value`
// something else to YAML. yaml-cpp then fails on a later line ("illegal map value"), or reads
// the slip as a key or a value of its own (`area:Kirklees` as an unknown key): these say what
// the slip is, where it is.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

namespace tfm::detail {

struct Slip {
    std::size_t offset = 0;  // byte offset of the slip in the text given
    std::string key;         // the key that was meant (`area`), when one is
    std::string message;
};

// A slip at the start of `text` (a line after its indentation, a key, or a plain value):
// a dash or bullet that looks like the list marker (`– urn: 1`, `• urn: 1`), no space after
// the list marker (`-urn: 1`), a colon look-alike after a key (full-width `：`), a special
// space after the colon (no-break, figure, narrow no-break, ideographic) or none at all
// (`area:Kirklees`).
std::optional<Slip> key_value_slip(std::string_view text);

// A slip on a line: a special space in its indentation, else key_value_slip after the
// indentation and after the list markers, or a plain value holding `: ` (`name: Hollybank:
// Ash Grove`, to be quoted).
std::optional<Slip> line_slip(std::string_view line);

}  // namespace tfm::detail
