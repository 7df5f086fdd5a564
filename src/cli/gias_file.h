// Reading a GIAS extract file for `tfm import gias` (establishments or links).
#pragma once

#include "tfm/base/atomic_file.h"
#include "tfm/base/untrusted_text.h"
#include "tfm/edit/gias_extract.h"

#include <fmt/format.h>

#include <cstdio>
#include <filesystem>
#include <optional>
#include <string>
#include <system_error>

namespace tfm::cli {

// The extract `parse(bytes)` makes of `file` (gias::Extract or gias::LinksExtract), its
// warnings printed to stderr; empty, the error printed, when the file cannot be read or
// parse throws gias::Error.
template <class Extract, class Parse>
std::optional<Extract> read_gias_file(const std::string& file, Parse parse) {
    std::string bytes, problem;
    std::error_code ec;
    if (std::filesystem::is_directory(file, ec)) problem = "it is a directory";
    if (!problem.empty() || !read_file(file, bytes, problem)) {
        fmt::print(stderr, "tfm: error: cannot read {}: {}\n", terminal_safe(file), problem);
        return std::nullopt;
    }
    Extract extract;
    try {
        extract = parse(bytes);
    } catch (const gias::Error& e) {
        fmt::print(stderr, "tfm: error: {}: {}\n", terminal_safe(file), terminal_safe(e.what()));
        return std::nullopt;
    }
    for (const auto& w : extract.warnings)
        fmt::print(stderr, "tfm: warning: {}: {}\n", terminal_safe(file), terminal_safe(w));
    return extract;
}

}  // namespace tfm::cli
