// The output formats of SPEC section 6, as one enum: `--format` parses into it, its choices
// (help, completions, man page) come from its names, and each command says which it prints.
#pragma once

#include <optional>
#include <string_view>
#include <vector>

namespace tfm {

enum class Format { table, text, csv, json, md, xlsx, ics, yaml, html };

// The names as `--format` takes them, in enum order.
const std::vector<std::string_view>& format_names();
std::string_view name_of(Format f);
std::optional<Format> parse_format(std::string_view name);

// Formats for people (names in words, marks as symbols): table, text, md, html.
bool for_people(Format f);

}  // namespace tfm
