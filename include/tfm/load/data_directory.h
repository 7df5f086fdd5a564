// Which folder holds the records when neither -C nor TFM_DATA says (SPEC section 2).
#pragma once

#include <string>

namespace tfm {

// The nearest folder, from `start` upward, that holds hub.yaml or hub.yml; failing that, the
// top of the enclosing git work tree (the nearest folder with a `.git` entry); failing that,
// `start` itself. Returned relative to `start` ("." , "..", "../..") so that it reads as the
// user would type it; `start` defaults to the current directory.
std::string discover_data_directory(const std::string& start = ".");

}  // namespace tfm
