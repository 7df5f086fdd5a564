#include "tfm/render/output_format.h"

namespace tfm {

const std::vector<std::string_view>& format_names() {
    static const std::vector<std::string_view> names = {"table", "text", "csv", "json", "md",
                                                        "xlsx",  "ics",  "yaml", "html"};
    return names;
}

std::string_view name_of(Format f) { return format_names()[std::size_t(f)]; }

std::optional<Format> parse_format(std::string_view name) {
    const auto& names = format_names();
    for (std::size_t i = 0; i < names.size(); ++i)
        if (names[i] == name) return Format(i);
    return std::nullopt;
}

bool for_people(Format f) {
    return f == Format::table || f == Format::text || f == Format::md || f == Format::html;
}

}  // namespace tfm
