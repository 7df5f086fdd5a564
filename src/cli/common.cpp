#include "cli.h"

#include "tfm/text.h"

#include <fmt/format.h>

#include <cstdlib>
#include <unistd.h>

namespace tfm::cli {

const std::vector<Command>& commands() {
    static const std::vector<Command> list = {
        {"check", "Validate every record and journey against the rules", define_check, run_check},
    };
    return list;
}

std::vector<std::string> data_directories(const GlobalOptions& g) {
    if (!g.data.empty()) return g.data;
    if (const char* env = std::getenv("TFM_DATA"); env && *env) return {env};
    return {"."};
}

Date as_of_date(const GlobalOptions& g) {
    if (g.as_of.empty()) return Date::today();
    if (auto d = Date::parse(g.as_of)) return *d;
    throw UsageError{fmt::format("--as-of: `{}` is not a valid date: {}", g.as_of,
                                 Date::why_not(g.as_of))};
}

bool color_on(const GlobalOptions& g, int fd) {
    if (g.color == "always") return true;
    if (g.color == "never") return false;
    if (const char* nc = std::getenv("NO_COLOR"); nc && *nc) return false;
    if (const char* term = std::getenv("TERM"); term && std::string_view(term) == "dumb") return false;
    return isatty(fd) == 1;
}

std::string format_or(const GlobalOptions& g, std::string_view fallback,
                      const std::vector<std::string_view>& accepted) {
    if (g.format.empty()) return std::string(fallback);
    for (auto a : accepted)
        if (a == g.format) return g.format;
    throw UsageError{fmt::format("--format: this command prints {}, not {}", join_or(accepted),
                                 g.format)};
}

}  // namespace tfm::cli
