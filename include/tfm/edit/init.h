// `tfm init`: the files of a new records repository, ready to edit.
#pragma once

#include "tfm/base/date.h"

#include <string>
#include <utility>
#include <vector>

namespace tfm {

// Relative path and content of each file, in the order they are written. The sample cohort
// is last year's (so its logged meeting is in the past whatever the date); the hub's term
// dates are the default windows of the current year.
std::vector<std::pair<std::string, std::string>> starter_files(Date today);

}  // namespace tfm
