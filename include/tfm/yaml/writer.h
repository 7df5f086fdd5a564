// Writing new YAML text: scalars quoted only when they must be, and mapping items in block
// or flow style. The in-place editor (editor.h) uses these for what it inserts.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace tfm::yaml {

// No control characters, C1 controls, line or paragraph separators or byte-order marks:
// text a single-quoted or plain scalar can hold as it is.
bool printable(std::string_view text);

// text in double quotes, with YAML escapes for what is not printable.
std::string double_quoted(std::string_view text);

// text in single quotes ('' for a quote); only for printable() text.
std::string single_quoted(std::string_view text);

// A scalar as YAML needs it: plain when it reads back as the same text (a string, never a
// number, date or boolean), else double-quoted. In flow context (inside {…} or […]) commas
// and brackets are quoted too.
std::string scalar_text(std::string_view text, bool flow = false);

// One key of a mapping to write. `value` is written as it is when `verbatim` (a number, an
// enum's name), else through scalar_text().
struct Field {
    std::string_view key;
    std::string value;
    bool verbatim = false;
};

// A mapping as block lines ending in "\n": `dash` before the first key (e.g. "  - "),
// `indent` before the others.
std::string block_mapping(const std::vector<Field>& fields, std::string_view dash, std::string_view indent);

// A mapping in flow style: {key: value, …}, without a line break.
std::string flow_mapping(const std::vector<Field>& fields);

}  // namespace tfm::yaml
