// Writing a file so that readers see the old bytes or the new, never a mix.
#pragma once

#include <string>

namespace tfm {

// Writes text to a temporary file beside `path` (keeping its permissions), syncs it and
// renames it over `path`; a symbolic link is written through and stays a link. On failure
// `path` is untouched and `problem` says why.
bool write_atomically(const std::string& path, const std::string& text, std::string& problem);

// The whole file, or false with `problem` set.
bool read_file(const std::string& path, std::string& text, std::string& problem);

}  // namespace tfm
