// tfm schema: the JSON Schema of the record format.
#include "cli.h"

#include "tfm/render/schema.h"

#include <fmt/format.h>

namespace tfm::cli {

void define_schema(CLI::App& sub) {
    sub.footer("Save it beside the records and point your editor at it, e.g. with the YAML\n"
               "language server: a first line `# yaml-language-server: $schema=tfm.schema.json`.\n"
               "  tfm schema > tfm.schema.json");
}

int run_schema(const GlobalOptions& g) {
    format_or(g, "json", {"json"});
    fmt::print("{}", json_schema());
    return exit_ok;
}

}  // namespace tfm::cli
