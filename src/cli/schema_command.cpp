// tfm schema: the JSON Schema of the record format.
#include "cli.h"

#include "tfm/render/schema.h"

#include <fmt/format.h>

namespace tfm::cli {

void define(CLI::App&, SchemaArgs&) {}

int run(const GlobalArgs& g, const SchemaArgs&) {
    format_or(g, Format::json, {Format::json});
    fmt::print("{}", json_schema());
    return exit_ok;
}

}  // namespace tfm::cli
