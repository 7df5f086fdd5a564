#include "tfm/analysis/bands.h"

#include <fmt/format.h>

#include <cmath>

namespace tfm {

std::vector<Band> bands_of(const std::vector<double>& cuts) {
    if (cuts.empty()) return {Band{}};
    std::vector<Band> out{Band{std::nullopt, cuts.front()}};
    for (std::size_t i = 0; i + 1 < cuts.size(); ++i) out.push_back(Band{cuts[i], cuts[i + 1]});
    out.push_back(Band{cuts.back(), std::nullopt});
    return out;
}

Band band_of(double value, const std::vector<double>& cuts) {
    if (cuts.empty()) return Band{};
    if (value < cuts.front()) return Band{std::nullopt, cuts.front()};
    for (std::size_t i = 0; i + 1 < cuts.size(); ++i)
        if (value < cuts[i + 1]) return Band{cuts[i], cuts[i + 1]};
    return Band{cuts.back(), std::nullopt};
}

std::string band_label(const Band& band) {
    if (band.from && band.below) return bound_text(*band.from) + "-" + bound_text(*band.below);
    if (band.below) return "<" + bound_text(*band.below);
    if (band.from) return ">=" + bound_text(*band.from);
    return "all";
}

std::string band_label(double value, const std::vector<double>& cuts) {
    return band_label(band_of(value, cuts));
}

std::vector<std::string> band_labels(const std::vector<double>& cuts) {
    std::vector<std::string> out;
    for (const Band& b : bands_of(cuts)) out.push_back(band_label(b));
    return out;
}

std::string bound_text(double cut) {
    if (cut == std::floor(cut)) return fmt::format("{}", static_cast<long long>(cut));
    return fmt::format("{}", cut);
}

}  // namespace tfm
