// The SVG chart renderer: escaping, number formatting, ticks, contrast, accessible labelling
// and determinism.
#include "tfm/render/svg_chart.h"

#include <doctest/doctest.h>

#include <string>

using namespace tfm;

namespace {

std::size_t count(const std::string& text, std::string_view what) {
    std::size_t n = 0;
    for (auto at = text.find(what); at != std::string::npos; at = text.find(what, at + 1)) ++n;
    return n;
}

}  // namespace

TEST_CASE("svg: escape covers the five XML specials") {
    CHECK(svg::escape("a<b>&\"c\"'d'") == "a&lt;b&gt;&amp;&quot;c&quot;&#39;d&#39;");
    CHECK(svg::escape("Bäck → 20–30%") == "Bäck → 20–30%");
}

TEST_CASE("svg: escape never writes a raw control character") {
    // C0, DEL, C1 and bytes that are not UTF-8 are parse errors raw: shown as a terminal
    // shows them. Line break and tab are text.
    CHECK(svg::escape("a\x1b]8;;http://x\x07" "b\x7f") == "a\\x1b]8;;http://x\\x07b\\x7f");
    CHECK(svg::escape("csi\u009b2J nel\u0085 bad\xff") == "csi&lt;U+009B&gt;2J nel&lt;U+0085&gt; bad\\xff");
    CHECK(svg::escape("two\nlines\tand tab") == "two\nlines\tand tab");
    // Format characters stay what they are for a browser, as character references.
    CHECK(svg::escape("Wakefield\u202E 12 \u2068x\u2069 \u200F") == "Wakefield&#x202E; 12 &#x2068;x&#x2069; &#x200F;");
}

TEST_CASE("svg: numbers drop trailing zeros and never print -0") {
    CHECK(svg::number(12.5) == "12.5");
    CHECK(svg::number(3.0) == "3");
    CHECK(svg::number(2.25, 1) == "2.2");  // round half to even, as printf does
    CHECK(svg::number(-0.01, 1) == "0");
    CHECK(svg::number(1234567.0, 2) == "1234567");
}

TEST_CASE("svg: ticks are 1, 2, 2.5 or 5 times a power of ten and cover the maximum") {
    CHECK(svg::nice_ticks(41) == std::vector<double>{0, 10, 20, 30, 40, 50});
    CHECK(svg::nice_ticks(46) == std::vector<double>{0, 10, 20, 30, 40, 50});
    CHECK(svg::nice_ticks(5) == std::vector<double>{0, 1, 2, 3, 4, 5});
    CHECK(svg::nice_ticks(0) == std::vector<double>{0, 1});
    CHECK(svg::nice_ticks(100, 4, false) == std::vector<double>{0, 25, 50, 75, 100});
    CHECK(svg::nice_ticks(2, 5, true) == std::vector<double>{0, 1, 2});  // whole numbers only
}

TEST_CASE("svg: labels on dark fills are white, on light fills black") {
    CHECK(svg::text_colour_on(svg::blue) == "#FFFFFF");
    CHECK(svg::text_colour_on(svg::yellow) == "#000000");
    CHECK(svg::text_colour_on(svg::orange) == "#000000");
}

TEST_CASE("svg: text width grows with the text and the size") {
    CHECK(svg::text_width("", 12) == 0);
    CHECK(svg::text_width("iii", 12) < svg::text_width("MMM", 12));
    CHECK(svg::text_width("abc", 24) == doctest::Approx(2 * svg::text_width("abc", 12)));
    CHECK(svg::text_width("→", 12) > 0);
}

TEST_CASE("svg: a stacked bar chart is labelled, escaped and deterministic") {
    svg::StackedBars chart;
    chart.labels = {"c1", "Schools <per> stage", "Totals: 3 & 5"};
    chart.categories = {"2024/25", "2025/26"};
    chart.series = {{"readiness", std::string(svg::orange), {1, 2}}, {"development", std::string(svg::blue), {2, 3}}};
    chart.y_title = "schools";
    std::string out = svg::render(chart);
    CHECK(out.rfind("<svg class=\"chart\" role=\"img\" aria-labelledby=\"c1-title c1-desc\"", 0) == 0);
    CHECK(out.find("<title id=\"c1-title\">Schools &lt;per&gt; stage</title>") != std::string::npos);
    CHECK(out.find("<desc id=\"c1-desc\">Totals: 3 &amp; 5</desc>") != std::string::npos);
    CHECK(out.find("http") == std::string::npos);  // not even an xmlns: HTML5 needs none
    CHECK(count(out, "<rect") >= 4 + 2);           // four segments and two legend swatches
    CHECK(out.find(">3</text>") != std::string::npos);  // the first total
    CHECK(out.find(">5</text>") != std::string::npos);  // the second total
    CHECK(out == svg::render(chart));
}

TEST_CASE("svg: a name in a chart's <title>s is set in isolates, so it cannot reverse the figures") {
    svg::HorizontalBars bars;
    bars.labels = {"c4", "By area", "Bars"};
    bars.series = {{"engaged", std::string(svg::blue), {}}};
    bars.max = 100;
    svg::BarRow row;
    row.label = "Wakefield\u202E";
    row.values = {12.0};
    bars.rows = {row};
    std::string out = svg::render(bars);
    CHECK(out.find("<title>&#x2068;Wakefield&#x202E;&#x2069;, engaged: 12</title>") != std::string::npos);
    svg::StackedBars stacked;
    stacked.labels = {"c5", "Stages", "Bars"};
    stacked.categories = {"\u05DE\u05E8\u05DB\u05D6"};
    stacked.series = {{"development", std::string(svg::blue), {3}}};
    CHECK(svg::render(stacked).find("<title>&#x2068;\u05DE\u05E8\u05DB\u05D6&#x2069;: development 3</title>") !=
          std::string::npos);
}

TEST_CASE("svg: a line chart draws one polyline per series with every value") {
    svg::Lines chart;
    chart.labels = {"c2", "Reach", "Two lines"};
    chart.categories = {"2020/21", "2021/22", "2022/23"};
    chart.series = {{"schools", std::string(svg::blue), {2, 3, 7}}, {"leads", std::string(svg::vermillion), {1, 3, 4}}};
    std::string out = svg::render(chart);
    CHECK(count(out, "<polyline") == 2);
    for (const char* v : {">2</text>", ">7</text>", ">1</text>", ">4</text>"}) CHECK(out.find(v) != std::string::npos);
    CHECK(count(out, ">3</text>") >= 2);  // both series reach 3 in 2021/22: two labels
}

TEST_CASE("svg: horizontal bars show missing values as text and clamp to the scale") {
    svg::HorizontalBars chart;
    chart.labels = {"c3", "Attendance", "Bars"};
    chart.series = {{"attendance", std::string(svg::blue), {}}};
    chart.max = 100;
    chart.unit = "%";
    svg::BarRow full{"a", {100.0}, {"100%"}, {}, "", "none yet", ""};
    svg::BarRow over{"b", {150.0}, {"150%"}, 25.0, "target 25%", "none yet", ""};
    svg::BarRow none{"c", {std::nullopt}, {}, {}, "", "none yet", ""};
    chart.rows = {full, over, none};
    std::string out = svg::render(chart);
    CHECK(out.find("none yet") != std::string::npos);
    CHECK(out.find(">150%</text>") != std::string::npos);
    CHECK(out.find("<title>target 25%</title>") != std::string::npos);
    CHECK(out.find(">100%</text>") != std::string::npos);  // the axis's last tick (and a value)
}
