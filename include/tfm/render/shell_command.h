// Command lines shown to people (the HTML report's "Made with").
#pragma once

#include <string>
#include <vector>

namespace tfm {

// Words joined into a command line a POSIX shell reads back as the same words: a word with
// characters outside [A-Za-z0-9-_./=:,+@%] (or an empty one) is single-quoted.
std::string shell_command(const std::vector<std::string>& words);

}  // namespace tfm
