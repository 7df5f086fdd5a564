// A small SVG chart renderer for the HTML report: stacked bars, lines and horizontal bars
// (also progress bars). Charts are inline SVG without scripts, fonts or external references;
// each has a <title> and <desc>, role="img" and aria-labelledby, axes with tick labels and a
// legend, and uses the Okabe–Ito colour-blind-safe palette. Output is deterministic: numbers
// are written with fixed rounding, never from locale or floating-point noise.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace tfm::svg {

// The Okabe–Ito palette, by name.
inline constexpr std::string_view orange = "#E69F00";
inline constexpr std::string_view bluish_green = "#009E73";
inline constexpr std::string_view yellow = "#F0E442";
inline constexpr std::string_view blue = "#0072B2";
inline constexpr std::string_view vermillion = "#D55E00";
inline constexpr std::string_view reddish_purple = "#CC79A7";
// A neutral for reference data (e.g. all schools beside engaged ones).
inline constexpr std::string_view grey = "#9A9A9A";

// Text for XML content and attribute values: & < > " ' escaped; C0 controls but line break and
// tab, DEL, C1 controls and bytes that are not UTF-8 shown as a terminal shows them (`\x1b`,
// `<U+0085>`: raw, they are parse errors); format characters (bidirectional controls, …:
// hidden_kind) written as character references (`&#x202E;`), the same text for a browser but
// never a raw control for a terminal that shows the source.
std::string escape(std::string_view text);

// Untrusted text (a name) as HTML element content: escaped, in a <bdi> so that a
// right-to-left name, or one holding bidirectional controls, cannot reorder the text
// around it.
std::string bdi(std::string_view text);

// A number with at most `places` decimals, trailing zeros dropped: 12.5, 3, -0.25.
std::string number(double value, int places = 1);

// Black or white, whichever reads better on a fill colour "#RRGGBB".
std::string_view text_colour_on(std::string_view fill);

// Approximate width in pixels of text in a sans-serif font of `size` pixels (for layout).
double text_width(std::string_view text, double size);

// Tick values 0, step, 2·step … covering `max` (at least `max`), about `target` of them;
// whole numbers only when `integers`.
std::vector<double> nice_ticks(double max, int target = 5, bool integers = true);

struct Labels {
    std::string id;     // unique in the document; used for aria-labelledby
    std::string title;  // the <title>: what the chart shows
    std::string desc;   // the <desc>: a sentence or two describing it
};

struct Series {
    std::string label;   // shown in the legend
    std::string colour;  // "#RRGGBB"
    std::vector<double> values;  // one per category
};

// Vertical bars, one per category, stacked from the first series upwards. Segments tall
// enough carry their value; each bar has its total above it.
struct StackedBars {
    Labels labels;
    std::vector<std::string> categories;  // x axis, left to right
    std::vector<Series> series;
    std::string y_title;  // e.g. "schools"
    std::string x_title;  // e.g. "academic year"
    int width = 640;
    int height = 320;
};
std::string render(const StackedBars& chart);

// One line per series over categories, with a distinct marker shape per series and the
// value at every point.
struct Lines {
    Labels labels;
    std::vector<std::string> categories;
    std::vector<Series> series;
    std::string y_title;
    std::string x_title;
    int width = 640;
    int height = 300;
};
std::string render(const Lines& chart);

// Horizontal bars: one row per label, one bar per series in each row (grouped).
struct BarRow {
    std::string label;
    std::vector<std::optional<double>> values;  // one per series; empty = no value
    std::vector<std::string> texts;             // shown after each bar (default: the value)
    std::optional<double> marker;               // a target line on this row (same scale)
    std::string marker_text;                    // e.g. "target 25%"
    std::string missing_text = "no data";       // shown for an empty value
    std::string colour;                         // overrides the series colour for this row
};
struct HorizontalBars {
    Labels labels;
    std::vector<Series> series;  // label and colour only; values come from the rows
    std::vector<BarRow> rows;
    std::vector<Series> legend;  // legend entries when rows carry their own colours
    double max = 0;          // scale end; 0 = from the data
    bool track = false;      // a light track behind each bar up to `max` (progress bars)
    std::string unit;        // appended to tick labels, e.g. "%"
    std::string x_title;     // under the axis
    std::optional<double> rule;  // a dashed line across all rows (e.g. a threshold)
    std::string rule_text;
    int width = 640;
    int bar_height = 18;
    int row_gap = 12;  // between rows; less for long lists (forty hubs)
};
std::string render(const HorizontalBars& chart);

}  // namespace tfm::svg
