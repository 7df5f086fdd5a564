#include "tfm/render/svg_chart.h"

#include "tfm/base/text.h"
#include "tfm/base/untrusted_text.h"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>

namespace tfm::svg {

std::string bdi(std::string_view text) { return "<bdi>" + escape(text) + "</bdi>"; }

std::string escape(std::string_view text) {
    std::string out;
    out.reserve(text.size());
    for_each_character(text, [&](std::int32_t cp, std::string_view bytes) {
        switch (cp) {
            case '&': out += "&amp;"; return;
            case '<': out += "&lt;"; return;
            case '>': out += "&gt;"; return;
            case '"': out += "&quot;"; return;
            case '\'': out += "&#39;"; return;
            case '\n':
            case '\t': out += bytes; return;
            default: break;
        }
        switch (hidden_kind(cp)) {
            case Hidden::none: out += bytes; break;
            // Raw C0, C1 and DEL are parse errors in HTML and reach a terminal that shows the
            // page's source: they are shown as on a terminal (`\x1b`, `<U+0085>`).
            case Hidden::byte:
            case Hidden::c1: out += escape(terminal_safe(bytes)); break;
            // Format characters (bidirectional controls, isolates) stay the text they are for a
            // browser, as character references, so none reaches a terminal raw.
            case Hidden::format: out += fmt::format("&#x{:X};", cp); break;
        }
    });
    return out;
}

std::string number(double value, int places) {
    if (!std::isfinite(value)) return "0";
    std::string s = fmt::format("{:.{}f}", value, std::max(places, 0));
    if (s.find('.') != std::string::npos) {
        while (s.back() == '0') s.pop_back();
        if (s.back() == '.') s.pop_back();
    }
    if (s == "-0") s = "0";
    return s;
}

std::string_view text_colour_on(std::string_view fill) {
    if (fill.size() != 7 || fill[0] != '#') return "#000000";
    auto channel = [&](std::size_t at) {
        double v = std::stoi(std::string(fill.substr(at, 2)), nullptr, 16) / 255.0;
        return v <= 0.03928 ? v / 12.92 : std::pow((v + 0.055) / 1.055, 2.4);
    };
    double l = 0.2126 * channel(1) + 0.7152 * channel(3) + 0.0722 * channel(5);
    // Contrast with black (l + 0.05) / 0.05 against white 1.05 / (l + 0.05).
    return (l + 0.05) / 0.05 >= 1.05 / (l + 0.05) ? "#000000" : "#FFFFFF";
}

double text_width(std::string_view text, double size) {
    // Advance widths of DejaVu Sans in thousandths of an em (printable ASCII, from space). It
    // is wider than the other common system sans fonts, so layout errs on the roomy side.
    static constexpr short ascii[95] = {
        318, 400, 460, 838, 636, 950, 780, 275, 390, 390, 500, 838, 318, 361, 318, 337,  //  !"#$%&'()*+,-./
        636, 636, 636, 636, 636, 636, 636, 636, 636, 636, 337, 337, 838, 838, 838, 531,  // 0-9:;<=>?
        1000, 684, 686, 698, 770, 632, 575, 775, 752, 295, 295, 656, 557, 863, 748, 787,  // @A-O
        603, 787, 695, 635, 611, 732, 684, 989, 685, 611, 685, 390, 337, 390, 838, 500,  // P-Z[\]^_
        500, 613, 635, 550, 635, 615, 352, 635, 634, 278, 278, 579, 278, 974, 634, 612,  // `a-o
        635, 635, 411, 521, 392, 634, 592, 818, 592, 592, 525, 636, 337, 636, 838};      // p-z{|}~
    double w = 0;
    for (std::size_t i = 0; i < text.size();) {
        unsigned char c = static_cast<unsigned char>(text[i]);
        if (c >= 32 && c < 127) {
            w += ascii[c - 32];
            ++i;
            continue;
        }
        // A multi-byte character (arrows, dashes, accented letters): as wide as a wide glyph.
        std::size_t len = c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : c >= 0xC0 ? 2 : 1;
        w += 840;
        i += len;
    }
    return w / 1000.0 * size;
}

std::vector<double> nice_ticks(double max, int target, bool integers) {
    if (!(max > 0)) max = 1;
    double raw = max / std::max(target, 1);
    double magnitude = std::pow(10.0, std::floor(std::log10(raw)));
    double step = magnitude;
    for (double m : {1.0, 2.0, 2.5, 5.0, 10.0}) {
        step = m * magnitude;
        if (step >= raw) break;
    }
    if (integers) step = std::max(1.0, std::ceil(step));
    std::vector<double> ticks;
    for (int i = 0;; ++i) {
        double v = i * step;
        ticks.push_back(v);
        if (v >= max - 1e-9) break;
    }
    return ticks;
}

namespace {

constexpr std::string_view ink = "#1F2328";       // text
constexpr std::string_view muted = "#57606A";     // tick labels, titles
constexpr std::string_view gridline = "#D8DEE4";  // grid
constexpr std::string_view axisline = "#8C959F";  // axes
constexpr double tick_size = 12;
constexpr double value_size = 11.5;

std::string n(double v) { return number(v, 1); }

std::string open(const Labels& labels, double width, double height) {
    return fmt::format(
        "<svg class=\"chart\" role=\"img\" aria-labelledby=\"{0}-title {0}-desc\" "
        "viewBox=\"0 0 {1} {2}\" width=\"{1}\" height=\"{2}\" data-chart=\"{0}\">\n"
        "<title id=\"{0}-title\">{3}</title>\n<desc id=\"{0}-desc\">{4}</desc>\n",
        escape(labels.id), n(width), n(height), escape(labels.title), escape(labels.desc));
}

std::string text(double x, double y, std::string_view content, std::string_view anchor = "start",
                 double size = tick_size, std::string_view fill = ink, std::string_view extra = "") {
    return fmt::format("<text x=\"{}\" y=\"{}\" font-size=\"{}\"{} fill=\"{}\"{}>{}</text>\n", n(x),
                       n(y), n(size),
                       anchor == "start" ? std::string() : fmt::format(" text-anchor=\"{}\"", anchor),
                       fill, extra.empty() ? std::string() : " " + std::string(extra), escape(content));
}

// A label with a white halo, legible over lines and grid.
std::string halo_text(double x, double y, std::string_view content, std::string_view anchor,
                      double size, std::string_view fill) {
    return text(x, y, content, anchor, size, fill,
                "font-weight=\"600\" stroke=\"#FFFFFF\" stroke-width=\"3\" stroke-linejoin=\"round\" "
                "paint-order=\"stroke\"");
}

enum class Swatch { box, line };

// Draws a marker shape centred at (x, y): 0 circle, 1 square, 2 triangle, 3 diamond.
std::string marker(int shape, double x, double y, std::string_view colour, double r = 4.5) {
    switch (shape % 4) {
        case 0:
            return fmt::format("<circle cx=\"{}\" cy=\"{}\" r=\"{}\" fill=\"{}\" stroke=\"#FFFFFF\" stroke-width=\"1.5\"/>\n",
                               n(x), n(y), n(r), colour);
        case 1:
            return fmt::format("<rect x=\"{}\" y=\"{}\" width=\"{}\" height=\"{}\" fill=\"{}\" stroke=\"#FFFFFF\" stroke-width=\"1.5\"/>\n",
                               n(x - r), n(y - r), n(2 * r), n(2 * r), colour);
        case 2:
            return fmt::format("<path d=\"M{} {}L{} {}L{} {}Z\" fill=\"{}\" stroke=\"#FFFFFF\" stroke-width=\"1.5\"/>\n",
                               n(x), n(y - r * 1.2), n(x + r * 1.1), n(y + r * 0.9), n(x - r * 1.1),
                               n(y + r * 0.9), colour);
        default:
            return fmt::format("<path d=\"M{} {}L{} {}L{} {}L{} {}Z\" fill=\"{}\" stroke=\"#FFFFFF\" stroke-width=\"1.5\"/>\n",
                               n(x), n(y - r * 1.3), n(x + r * 1.3), n(y), n(x), n(y + r * 1.3),
                               n(x - r * 1.3), n(y), colour);
    }
}

struct LegendItem {
    std::string label;
    std::string colour;
    Swatch swatch = Swatch::box;
    int shape = 0;
    std::string dash;

    LegendItem(std::string l, std::string c, Swatch s = Swatch::box, int sh = 0, std::string d = {})
        : label(std::move(l)), colour(std::move(c)), swatch(s), shape(sh), dash(std::move(d)) {}
};

// A legend laid out left to right from (x, y), wrapping at `right`; returns its height.
double legend(std::string& out, const std::vector<LegendItem>& items, double x, double y, double right) {
    if (items.empty()) return 0;
    const double row = 20;
    double cx = x, cy = y;
    out += "<g class=\"legend\">\n";
    for (const auto& item : items) {
        double w = (item.swatch == Swatch::line ? 30 : 16) + text_width(item.label, tick_size) + 18;
        if (cx > x && cx + w > right) {
            cx = x;
            cy += row;
        }
        if (item.swatch == Swatch::line) {
            out += fmt::format("<line x1=\"{}\" y1=\"{}\" x2=\"{}\" y2=\"{}\" stroke=\"{}\" stroke-width=\"2.5\"{}/>\n",
                               n(cx), n(cy + 7), n(cx + 24), n(cy + 7), item.colour,
                               item.dash.empty() ? "" : " stroke-dasharray=\"" + item.dash + "\"");
            out += marker(item.shape, cx + 12, cy + 7, item.colour);
            out += text(cx + 30, cy + 11.5, item.label, "start", tick_size, ink);
        } else {
            out += fmt::format("<rect x=\"{}\" y=\"{}\" width=\"12\" height=\"12\" rx=\"2\" fill=\"{}\"/>\n",
                               n(cx), n(cy + 1), item.colour);
            out += text(cx + 17, cy + 11.5, item.label, "start", tick_size, ink);
        }
        cx += w;
    }
    out += "</g>\n";
    return cy - y + row;
}

// Vertical value axis: grid lines and tick labels; the title rotated along the left edge.
void value_axis(std::string& out, const std::vector<double>& ticks, double left, double right,
                double top, double bottom, const std::string& title) {
    double max = ticks.back();
    out += "<g class=\"axis y\">\n";
    for (double t : ticks) {
        double y = bottom - (bottom - top) * (t / max);
        out += fmt::format("<line x1=\"{}\" y1=\"{}\" x2=\"{}\" y2=\"{}\" stroke=\"{}\" stroke-width=\"1\"/>\n",
                           n(left), n(y), n(right), n(y), t == 0 ? axisline : gridline);
        out += text(left - 6, y + 4, number(t, 2), "end", tick_size, muted);
    }
    if (!title.empty())
        out += fmt::format("<text transform=\"translate(13 {}) rotate(-90)\" font-size=\"{}\" "
                           "text-anchor=\"middle\" fill=\"{}\">{}</text>\n",
                           n((top + bottom) / 2), n(tick_size), muted, escape(title));
    out += "</g>\n";
}

double tick_label_width(const std::vector<double>& ticks) {
    double w = 0;
    for (double t : ticks) w = std::max(w, text_width(number(t, 2), tick_size));
    return w;
}

// Category labels under the plot, thinned so they never overlap.
void category_axis(std::string& out, const std::vector<std::string>& categories, double left,
                   double band, double bottom, const std::string& title, double width) {
    double widest = 0;
    for (const auto& c : categories) widest = std::max(widest, text_width(c, tick_size));
    std::size_t every = std::max<std::size_t>(1, std::size_t(std::ceil((widest + 8) / band)));
    out += "<g class=\"axis x\">\n";
    for (std::size_t i = 0; i < categories.size(); ++i) {
        if (i % every != 0 && i + 1 != categories.size()) continue;
        if (i + 1 == categories.size() && i % every != 0 && (i % every) * band < widest + 8) continue;
        out += text(left + band * (double(i) + 0.5), bottom + 18, categories[i], "middle", tick_size, muted);
    }
    if (!title.empty()) out += text(left + (width - left) / 2, bottom + 38, title, "middle", tick_size, muted);
    out += "</g>\n";
}

}  // namespace

std::string render(const StackedBars& c) {
    const double width = c.width, height = c.height;
    std::size_t count = c.categories.size();
    std::vector<double> totals(count, 0);
    for (const auto& s : c.series)
        for (std::size_t i = 0; i < count && i < s.values.size(); ++i) totals[i] += s.values[i];
    double max_total = count ? *std::max_element(totals.begin(), totals.end()) : 0;
    auto ticks = nice_ticks(max_total);

    std::vector<LegendItem> items;
    for (const auto& s : c.series) items.push_back({s.label, s.colour});
    double left = 24 + tick_label_width(ticks) + 8, right = width - 12;
    std::string legend_svg;
    double legend_h = legend(legend_svg, items, left, 4, right);
    double top = legend_h + 26;
    double bottom = height - (c.x_title.empty() ? 30 : 48);

    std::string out = open(c.labels, width, height) + legend_svg;
    value_axis(out, ticks, left, right, top, bottom, c.y_title);
    double band = count ? (right - left) / double(count) : 0;
    double bar = std::min(band * 0.64, 64.0);
    double scale = (bottom - top) / ticks.back();
    out += "<g class=\"bars\">\n";
    for (std::size_t i = 0; i < count; ++i) {
        double x = left + band * (double(i) + 0.5) - bar / 2;
        double y = bottom;
        for (const auto& s : c.series) {
            double v = i < s.values.size() ? s.values[i] : 0;
            if (v <= 0) continue;
            double h = v * scale;
            y -= h;
            out += fmt::format("<rect x=\"{}\" y=\"{}\" width=\"{}\" height=\"{}\" fill=\"{}\" "
                               "stroke=\"#FFFFFF\" stroke-width=\"1\"><title>{}: {} {}</title></rect>\n",
                               n(x), n(y), n(bar), n(h), s.colour, escape(isolated(c.categories[i])),
                               escape(isolated(s.label)), number(v, 2));
            if (h >= 15 && text_width(number(v, 2), value_size) <= bar - 4)
                out += text(x + bar / 2, y + h / 2 + 4, number(v, 2), "middle", value_size,
                            text_colour_on(s.colour));
        }
        out += text(x + bar / 2, y - 6, number(totals[i], 2), "middle", tick_size, ink,
                    "font-weight=\"600\"");
    }
    out += "</g>\n";
    category_axis(out, c.categories, left, band, bottom, c.x_title, right);
    return out + "</svg>\n";
}

std::string render(const Lines& c) {
    const double width = c.width, height = c.height;
    std::size_t count = c.categories.size();
    double max = 0;
    for (const auto& s : c.series)
        for (double v : s.values) max = std::max(max, v);
    auto ticks = nice_ticks(max);
    std::vector<LegendItem> items;
    static const std::vector<std::string> dashes = {"", "6 3", "2 3", "8 3 2 3"};
    for (std::size_t k = 0; k < c.series.size(); ++k)
        items.push_back({c.series[k].label, c.series[k].colour, Swatch::line, int(k), dashes[k % dashes.size()]});
    double left = 24 + tick_label_width(ticks) + 8, right = width - 16;
    std::string legend_svg;
    double legend_h = legend(legend_svg, items, left, 4, right);
    double top = legend_h + 30;
    double bottom = height - (c.x_title.empty() ? 30 : 48);
    double band = count ? (right - left) / double(count) : 0;
    double scale = (bottom - top) / ticks.back();
    auto px = [&](std::size_t i) { return left + band * (double(i) + 0.5); };
    auto py = [&](double v) { return bottom - v * scale; };

    std::string out = open(c.labels, width, height) + legend_svg;
    value_axis(out, ticks, left, right, top, bottom, c.y_title);
    out += "<g class=\"lines\">\n";
    for (std::size_t k = 0; k < c.series.size(); ++k) {
        const auto& s = c.series[k];
        std::string points;
        for (std::size_t i = 0; i < count && i < s.values.size(); ++i) {
            if (!points.empty()) points += " ";
            points += n(px(i)) + "," + n(py(s.values[i]));
        }
        out += fmt::format("<polyline points=\"{}\" fill=\"none\" stroke=\"{}\" stroke-width=\"2.5\" "
                           "stroke-linejoin=\"round\"{}/>\n",
                           points, s.colour,
                           dashes[k % dashes.size()].empty()
                               ? std::string()
                               : " stroke-dasharray=\"" + dashes[k % dashes.size()] + "\"");
        for (std::size_t i = 0; i < count && i < s.values.size(); ++i) {
            out += "<g>" + marker(int(k), px(i), py(s.values[i]), s.colour);
            out += fmt::format("<title>{} {}: {}</title></g>\n", escape(isolated(c.categories[i])), escape(isolated(s.label)),
                               number(s.values[i], 2));
        }
    }
    // Values above their points; where two would collide, the higher one moves up.
    for (std::size_t i = 0; i < count; ++i) {
        std::vector<std::size_t> order;
        for (std::size_t k = 0; k < c.series.size(); ++k)
            if (i < c.series[k].values.size()) order.push_back(k);
        std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) {
            return c.series[a].values[i] < c.series[b].values[i];
        });
        double previous = 1e9;
        for (std::size_t k : order) {
            double y = std::min(py(c.series[k].values[i]) - 9, previous - 14);
            previous = y;
            out += halo_text(px(i), y, number(c.series[k].values[i], 2), "middle", value_size, c.series[k].colour);
        }
    }
    out += "</g>\n";
    category_axis(out, c.categories, left, band, bottom, c.x_title, right);
    return out + "</svg>\n";
}

std::string render(const HorizontalBars& c) {
    const double width = c.width;
    const double gap = 2, row_gap = c.row_gap;
    std::size_t per_row = std::max<std::size_t>(1, c.series.size());
    double row_h = double(per_row) * c.bar_height + double(per_row - 1) * gap;

    double max = c.max;
    if (max <= 0) {
        for (const auto& r : c.rows)
            for (const auto& v : r.values)
                if (v) max = std::max(max, *v);
        if (c.rule) max = std::max(max, *c.rule);
    }
    auto ticks = nice_ticks(max, c.max > 0 ? 4 : 5, c.unit.empty());
    double scale_max = ticks.back();

    double label_w = 0;
    for (const auto& r : c.rows) label_w = std::max(label_w, text_width(r.label, tick_size) + 10);
    label_w = std::min(label_w, width * 0.45);
    double text_w = 0;
    for (const auto& r : c.rows) {
        for (std::size_t k = 0; k < per_row; ++k) {
            std::string t = k < r.texts.size() ? r.texts[k]
                            : (k < r.values.size() && r.values[k]) ? number(*r.values[k], 1)
                                                                   : r.missing_text;
            text_w = std::max(text_w, text_width(t, value_size));
        }
    }
    double left = label_w, right = width - text_w - 14;

    std::vector<LegendItem> items;
    if (!c.legend.empty())
        for (const auto& s : c.legend) items.push_back({s.label, s.colour});
    else if (c.series.size() > 1)
        for (const auto& s : c.series) items.push_back({s.label, s.colour});
    std::string legend_svg;
    double legend_h = legend(legend_svg, items, 0, 4, width);
    double top = legend_h + (items.empty() ? 4 : 12) + (c.rule && !c.rule_text.empty() ? 18 : 0);
    double plot_h = double(c.rows.size()) * (row_h + row_gap);
    double bottom = top + plot_h;
    double height = bottom + 24 + (c.x_title.empty() ? 0 : 18);

    auto px = [&](double v) { return left + (right - left) * std::clamp(v / scale_max, 0.0, 1.0); };
    std::string out = open(c.labels, width, height) + legend_svg;
    out += "<g class=\"axis x\">\n";
    for (double t : ticks) {
        out += fmt::format("<line x1=\"{}\" y1=\"{}\" x2=\"{}\" y2=\"{}\" stroke=\"{}\" stroke-width=\"1\"/>\n",
                           n(px(t)), n(top - 4), n(px(t)), n(bottom), t == 0 ? axisline : gridline);
        out += text(px(t), bottom + 16, number(t, 2) + c.unit, "middle", tick_size, muted);
    }
    if (!c.x_title.empty()) out += text((left + right) / 2, bottom + 36, c.x_title, "middle", tick_size, muted);
    out += "</g>\n";
    out += "<g class=\"bars\">\n";
    for (std::size_t r = 0; r < c.rows.size(); ++r) {
        const BarRow& row = c.rows[r];
        double y0 = top + double(r) * (row_h + row_gap) + row_gap / 2;
        out += text(left - 10, y0 + row_h / 2 + 4, row.label, "end", tick_size, ink);
        if (c.track)
            out += fmt::format("<rect x=\"{}\" y=\"{}\" width=\"{}\" height=\"{}\" rx=\"3\" fill=\"#EEF1F4\"/>\n",
                               n(left), n(y0), n(right - left), n(row_h));
        for (std::size_t k = 0; k < per_row; ++k) {
            double y = y0 + double(k) * (c.bar_height + gap);
            bool has = k < row.values.size() && row.values[k].has_value();
            double value = has ? *row.values[k] : 0.0;
            std::string colour = !row.colour.empty() ? row.colour
                                 : k < c.series.size() ? c.series[k].colour : std::string(blue);
            std::string series_label = k < c.series.size() ? c.series[k].label : std::string();
            std::string shown = k < row.texts.size() ? row.texts[k] : has ? number(value, 1) : row.missing_text;
            if (has) {
                double w = std::max(px(value) - left, value > 0 ? 1.5 : 0.0);
                out += fmt::format("<rect x=\"{}\" y=\"{}\" width=\"{}\" height=\"{}\" rx=\"2\" fill=\"{}\">"
                                   "<title>{}{}: {}</title></rect>\n",
                                   n(left), n(y), n(w), n(c.bar_height), colour, escape(isolated(row.label)),
                                   series_label.empty() ? "" : ", " + escape(isolated(series_label)), escape(shown));
                // With a track the value sits after it, clear of the bar and any marker.
                double at = c.track ? right + 8 : left + w + 6;
                out += text(at, y + c.bar_height / 2 + 4, shown, "start", value_size, ink);
            } else {
                out += text(c.track ? right + 8 : left + 6, y + c.bar_height / 2 + 4, shown, "start",
                            value_size, muted, "font-style=\"italic\"");
            }
        }
        if (row.marker) {
            double x = px(*row.marker);
            out += fmt::format("<line x1=\"{0}\" y1=\"{1}\" x2=\"{0}\" y2=\"{2}\" stroke=\"{3}\" "
                               "stroke-width=\"2.5\"><title>{4}</title></line>\n",
                               n(x), n(y0 - 4), n(y0 + row_h + 4), ink, escape(row.marker_text));
        }
    }
    if (c.rule) {
        double x = px(*c.rule);
        out += fmt::format("<line x1=\"{0}\" y1=\"{1}\" x2=\"{0}\" y2=\"{2}\" stroke=\"{3}\" "
                           "stroke-width=\"1.5\" stroke-dasharray=\"5 3\"/>\n",
                           n(x), n(top - 6), n(bottom), ink);
        if (!c.rule_text.empty()) out += text(x, top - 10, c.rule_text, "middle", value_size, ink);
    }
    out += "</g>\n";
    return out + "</svg>\n";
}

}  // namespace tfm::svg
