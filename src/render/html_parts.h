// The pieces of the HTML report page (src/render/html_*.cpp): the page being written, its
// data tables, figure cards, and how values are labelled for people.
#pragma once

#include "tfm/render/html_report.h"
#include "tfm/render/svg_chart.h"
#include "tfm/base/table.h"
#include "tfm/base/untrusted_text.h"

#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace tfm::detail {

using svg::bdi;
using svg::escape;

// ---- labels -------------------------------------------------------------------------------

std::string humane(std::string s);        // "ever_engaged" -> "ever engaged"
std::string capitalised(std::string s);   // "primary" -> "Primary"
std::string percent_text(double v);       // a whole percentage: "37%"
std::string plural(long long count, std::string_view one, std::string_view many);  // "1 item"
std::string_view noun(long long count, std::string_view one, std::string_view many);  // "item"
std::string long_date(Date d);            // "Thursday 26 November 2026"
std::string stage_colour(Stage stage);  // the stage's colour in every chart
std::string pattern_label(JourneyPattern pattern);        // words_of, capitalised: "With a gap year"
std::string dimension_label(Dimension dimension);         // "Ofsted grade"
// A characteristic's value as people read it: "under 20%", "20–30%", "no grade".
std::string value_label(const CharacteristicValue& value);

// ---- data tables --------------------------------------------------------------------------

struct DataColumn {
    std::string key;     // data-key; the Table's column key
    std::string header;  // shown
    bool numeric = false;
    // The text shown for a row, given its index and cells (default: the cell's text).
    std::function<std::string(std::size_t, const std::vector<Cell>&)> show;
    // The raw value (default: the cell's, as JSON writes it); nullopt: no data-value.
    std::function<std::optional<std::string>(const std::vector<Cell>&)> value;
};

struct DataRow {
    std::vector<Cell> cells;  // indexed like the source table's columns
    std::string attributes;   // extra attributes of the <tr>
};

int column(const Table& t, std::string_view key);  // -1 when the table has no such column
std::vector<DataColumn> columns_of(const Table& t);  // every column, numbers right-aligned
std::vector<DataRow> rows_of(const Table& t);

// A <table class="data"> whose cells carry data-key and data-value (the JSON value) for the
// tests that compare the page with `--format json`.
std::string data_table(const Table& source, const std::vector<DataColumn>& columns,
                       const std::vector<DataRow>& rows, std::string_view section,
                       std::string_view caption, std::string_view attributes = "",
                       std::string_view extra_class = "");

// ---- the page -----------------------------------------------------------------------------

std::string empty_note(std::string_view text);

// A chart and the table of its figures in one <div class="figure[ wide]">, or the empty note
// when there is nothing to show. `chart` is drawn only when there is something.
struct Figure {
    bool wide = false;
    bool empty = false;
    std::string empty_text;
    std::string_view section;  // the data table's data-section
};
template <class Chart>
std::string figure_with_table(const Figure& f, Chart&& chart, const Table& t) {
    std::string out = f.wide ? "<div class=\"figure wide\">\n" : "<div class=\"figure\">\n";
    if (f.empty) {
        out += empty_note(f.empty_text);
    } else {
        out += chart();
        out += data_table(t, columns_of(t), rows_of(t), f.section, t.title);
    }
    return out + "</div>\n";
}
std::string figure_card(std::string_view key, std::string_view value, std::string_view label,
                        std::string_view extra = "", bool wide = false);

struct Page {
    const HtmlInput& in;
    std::string year;  // 2026/27
    std::vector<std::pair<std::string, std::string>> contents;  // id, heading
    std::string body;

    void open_section(std::string_view id, std::string_view heading, std::string_view lead);
    void close_section() { body += "</section>\n"; }
};

// Each writes one <section> of the page: its heading, charts and data tables.
void write_summary(Page& page, const SummarySection& section);
void write_hubs(Page& page, const HubsSection& section);
void write_stages(Page& page, const StagesSection& section);
void write_reach(Page& page, const ReachSection& section);
void write_patterns(Page& page, const PatternsSection& section);
void write_characteristics(Page& page, const CharacteristicsSection& section);
void write_cohorts(Page& page, const CohortsSection& section);
void write_leads(Page& page, const LeadsSection& section);
void write_progression(Page& page, const ProgressionSection& section);
void write_gaps(Page& page, const std::vector<Table>& gaps);  // with several hubs, per hub

}  // namespace tfm::detail
