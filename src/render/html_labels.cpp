// How the HTML page names values for people.
#include "html_parts.h"

#include <fmt/format.h>

#include <algorithm>
#include <array>

namespace tfm::detail {

std::string humane(std::string s) {
    std::replace(s.begin(), s.end(), '_', ' ');
    return s;
}

std::string capitalised(std::string s) {
    if (!s.empty() && s[0] >= 'a' && s[0] <= 'z') s[0] = char(s[0] - 'a' + 'A');
    return s;
}

std::string percent_text(double v) { return svg::number(v, 0) + "%"; }

std::string plural(long long count, std::string_view one, std::string_view many) {
    return fmt::format("{} {}", count, count == 1 ? one : many);
}

std::string_view noun(long long count, std::string_view one, std::string_view many) {
    return count == 1 ? one : many;
}

std::string long_date(Date d) {
    static const std::array<std::string_view, 12> months = {
        "January", "February", "March",     "April",   "May",      "June",
        "July",    "August",   "September", "October", "November", "December"};
    return fmt::format("{} {} {} {}", capitalised(std::string(weekday_name(d.weekday()))), d.day(),
                       months[d.month() - 1], d.year());
}

std::string stage_colour(Stage stage) {
    switch (stage) {
        case Stage::readiness: return std::string(svg::orange);
        case Stage::development: return std::string(svg::blue);
        case Stage::embedding: return std::string(svg::bluish_green);
        case Stage::sustaining: return std::string(svg::reddish_purple);
    }
    return std::string(svg::grey);
}

std::string pattern_label(JourneyPattern pattern) { return capitalised(std::string(words_of(pattern))); }

std::string dimension_label(Dimension dimension) {
    switch (dimension) {
        case Dimension::area: return "Local authority area";
        case Dimension::ofsted: return "Ofsted grade";
        case Dimension::fsm: return "Pupils eligible for free school meals";
        case Dimension::eal: return "Pupils with English as an additional language";
        case Dimension::ehcp: return "Pupils with an education, health and care plan";
    }
    return capitalised(std::string(name_of(dimension)));
}

std::string value_label(const CharacteristicValue& value) {
    if (auto* area = std::get_if<std::string>(&value)) return *area;
    if (auto* grade = std::get_if<Ofsted>(&value))
        return *grade == Ofsted::none ? "no grade" : humane(std::string(name_of(*grade)));
    if (auto* band = std::get_if<Band>(&value)) {
        if (band->from && band->below)
            return bound_text(*band->from) + "\u2013" + bound_text(*band->below) + "%";
        if (band->below) return "under " + bound_text(*band->below) + "%";
        if (band->from) return bound_text(*band->from) + "% or more";
        return band_label(*band);  // no cut points: one band, "all"
    }
    return "not recorded";
}

}  // namespace tfm::detail
