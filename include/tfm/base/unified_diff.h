// A unified diff of two texts, as `diff -u` prints it, for the writers' --dry-run.
#pragma once

#include <string>
#include <string_view>

namespace tfm {

// The unified diff (3 lines of context) that turns `before` into `after`, with `---`/`+++`
// headers naming `before_label` and `after_label`; empty when the texts are equal. Lines are
// split at '\n' (a '\r' stays part of its line); a last line without a line break is marked
// "\ No newline at end of file" as diff(1) does. Cost O((N+M)·D) for D changed lines.
std::string unified_diff(std::string_view before, std::string_view after,
                         std::string_view before_label, std::string_view after_label);

}  // namespace tfm
