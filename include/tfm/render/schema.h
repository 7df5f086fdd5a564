// `tfm schema`: a JSON Schema (draft 2020-12) of the record format, generated from format.h,
// the same definitions the loader checks keys against.
#pragma once

#include <string>

namespace tfm {

std::string json_schema();

}  // namespace tfm
