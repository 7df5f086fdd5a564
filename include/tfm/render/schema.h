// `tfm schema`: a JSON Schema (draft 2020-12) of the record format, generated from
// model/record_format.h, the same table the loader reads records by.
#pragma once

#include <string>

namespace tfm {

// The whole schema as JSON text, deterministic (the table's order).
std::string json_schema();

}  // namespace tfm
