// Where a command's -o/--output sends what it prints.
#pragma once

#include <string>
#include <string_view>

namespace tfm {

// Writes `text` to `target` as -o promises (SPEC section 6; main handles "-" itself): a
// regular file (new or existing) is written atomically, keeping owner and permissions
// (write_atomically); a device, pipe or terminal — also when named through a link such as
// /dev/stdout — is opened and written into as a shell redirection would; a directory, socket
// or anything else that is not a regular file is never replaced. False with `problem` set.
bool write_output(const std::string& target, std::string_view text, std::string& problem);


}  // namespace tfm
