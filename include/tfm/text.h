// Small text helpers: suggestions, UTF-8 checks and display width.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace tfm {

std::size_t edit_distance(std::string_view a, std::string_view b);

// The closest candidate when it is close enough to be a likely typo, else empty.
std::optional<std::string> closest_match(std::string_view word,
                                         const std::vector<std::string_view>& candidates);

// Offset of the first byte that is not part of valid UTF-8, or npos.
std::size_t first_invalid_utf8(std::string_view text);

// Columns a UTF-8 string takes in a terminal (combining marks 0, wide East Asian 2).
std::size_t display_width(std::string_view text);

// Number of UTF-8 code points in text.
std::size_t code_points(std::string_view text);

// "a, b or c"
std::string join_or(const std::vector<std::string_view>& words);

}  // namespace tfm
