// Bands of a percentage (fsm, eal, ehcp) between a hub's cut points, and their labels.
#pragma once

#include <optional>
#include <string>
#include <vector>

namespace tfm {

// Percentages from `from` (inclusive) to `below` (exclusive). The first band has no `from`,
// the last no `below`; with no cut points the one band has neither.
struct Band {
    std::optional<double> from;
    std::optional<double> below;
    bool operator==(const Band&) const = default;
};

// Bands in order for cut points (ascending): one more than there are cut points, or one.
std::vector<Band> bands_of(const std::vector<double>& cuts);
// The band a value falls in; a value exactly at a cut point goes to the upper band.
Band band_of(double value, const std::vector<double>& cuts);

// The report's label of a band: "<20", "20-30", ">=50", or "all" with no cut points.
std::string band_label(const Band& band);
std::string band_label(double value, const std::vector<double>& cuts);
std::vector<std::string> band_labels(const std::vector<double>& cuts);

// A cut point as written: 20, 2.5, 0.125 (the shortest text that reads back as the same
// number, so two close cut points never print alike and a label never rounds its bound).
std::string bound_text(double cut);

}  // namespace tfm
