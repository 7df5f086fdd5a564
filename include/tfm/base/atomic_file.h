// Writing a file so that readers see the old bytes or the new, never a mix.
#pragma once

#include <string>
#include <string_view>

namespace tfm {

// Writes text to a temporary file beside `path`, syncs it and renames it over `path`, so the
// file is the old bytes or the new, never a mix. An existing file keeps its permissions,
// owner and group (as far as this process may set them); a symbolic link is written through
// and stays a link. Refused, with `path` untouched and `problem` saying why: a read-only file
// (no write bit, or not writable by this user), a file with more than one hard link (renaming
// would split it from its other names), and anything that is not a regular file.
bool write_atomically(const std::string& path, std::string_view text, std::string& problem);

// Whether write_atomically would accept `path` (which must exist): false with `problem` set
// for the refusals above. Lets a writer refuse before it plans an edit.
bool can_replace(const std::string& path, std::string& problem);

// Writes all of `text` to descriptor `fd` (retrying short writes and EINTR); false with
// `problem` set on an error.
bool write_all(int fd, std::string_view text, std::string& problem);

// The whole file, or false with `problem` set.
bool read_file(const std::string& path, std::string& text, std::string& problem);

}  // namespace tfm
