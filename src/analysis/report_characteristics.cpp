#include "tfm/analysis/report_characteristics.h"

#include "report_detail.h"

#include "tfm/base/untrusted_text.h"

#include <algorithm>
#include <map>

namespace tfm {

template <>
const std::vector<std::string_view>& enum_names<Dimension>() {
    static const std::vector<std::string_view> names = {"area", "ofsted", "fsm", "eal", "ehcp"};
    return names;
}

std::string label_of(const CharacteristicValue& value) {
    if (auto* area = std::get_if<std::string>(&value)) return *area;
    if (auto* grade = std::get_if<Ofsted>(&value)) return std::string(name_of(*grade));
    if (auto* band = std::get_if<Band>(&value)) return band_label(*band);
    return "unknown";
}

namespace {

using Schools = std::vector<const School*>;

// Areas counted as names compare (`Kirklees` and `kirklees ` are one), under the hub's
// spelling, else the first one met.
void count_areas(const Records& records, const Schools& schools, std::vector<CharacteristicCount>& rows) {
    std::map<std::string, std::pair<std::string, int>> areas;  // name key → spelling, schools
    for (const School* s : schools) {
        const Hub* hub = records.hub_of(s->directory);
        const std::string* spelling = hub ? hub->area_named(s->area) : nullptr;
        auto [it, added] = areas.try_emplace(name_key(s->area), spelling ? *spelling : s->area, 0);
        if (!added && spelling) it->second.first = *spelling;
        ++it->second.second;
    }
    std::map<std::string, int> by_spelling;
    for (const auto& [key, area] : areas) by_spelling[area.first] += area.second;
    for (const auto& [area, n] : by_spelling) rows.push_back({Dimension::area, area, n});
}

void count_grades(const Schools& schools, std::vector<CharacteristicCount>& rows) {
    std::array<int, 5> grades{};
    int unknown = 0;
    for (const School* s : schools) {
        if (s->ofsted) ++grades[std::size_t(*s->ofsted)];
        else ++unknown;
    }
    for (std::size_t g = 0; g < grades.size(); ++g)
        if (grades[g]) rows.push_back({Dimension::ofsted, Ofsted(g), grades[g]});
    if (unknown) rows.push_back({Dimension::ofsted, NotRecorded{}, unknown});
}

std::vector<double> cuts_for(const Records& records, Dimension dimension) {
    // With several hubs, the first hub's cut points apply (all hubs share the defaults).
    std::string name(name_of(dimension));
    if (!records.hubs.empty()) {
        auto it = records.hubs.front().bands.find(name);
        if (it != records.hubs.front().bands.end() && !it->second.empty()) return it->second;
    }
    return default_bands(name);
}

const std::optional<double>& percentage_of(const School& s, Dimension dimension) {
    return dimension == Dimension::fsm ? s.fsm : dimension == Dimension::eal ? s.eal : s.ehcp;
}

void count_bands(const Records& records, Dimension dimension, const Schools& schools,
                 std::vector<CharacteristicCount>& rows) {
    auto cuts = cuts_for(records, dimension);
    // Counted by label, as the report shows them (cut points that do not increase are an
    // error in the records, but the report still shows what they give).
    std::map<std::string, int> counts;
    int unknown = 0;
    for (const School* s : schools) {
        if (const auto& v = percentage_of(*s, dimension)) ++counts[band_label(*v, cuts)];
        else ++unknown;
    }
    for (const Band& b : bands_of(cuts))
        if (int n = counts[band_label(b)]) rows.push_back({dimension, b, n});
    if (unknown) rows.push_back({dimension, NotRecorded{}, unknown});
}

// The values of one dimension: all schools' in their order, then those only engaged ones have.
std::vector<CharacteristicShare> shares_of(Dimension dimension, const Characteristics& engaged,
                                           const Characteristics& all) {
    std::vector<CharacteristicShare> values;
    for (const auto& row : all.rows)
        if (row.dimension == dimension) values.push_back({row.value, 0, 0, row.schools, 0});
    std::vector<CharacteristicShare> engaged_only;
    for (const auto& row : engaged.rows) {
        if (row.dimension != dimension) continue;
        auto it = std::find_if(values.begin(), values.end(),
                               [&](const CharacteristicShare& v) { return v.value == row.value; });
        if (it != values.end()) it->engaged = row.schools;
        else engaged_only.push_back({row.value, row.schools, 0, 0, 0});
    }
    values.insert(values.end(), engaged_only.begin(), engaged_only.end());
    for (auto& v : values) {
        v.engaged_percent = detail::percent(v.engaged, engaged.schools);
        v.all_percent = detail::percent(v.all, all.schools);
    }
    return values;
}

std::vector<DimensionShares> shares_by_dimension(const Characteristics& engaged,
                                                 const Characteristics& all) {
    std::vector<Dimension> dimensions;
    for (const auto* c : {&engaged, &all})
        for (const auto& row : c->rows)
            if (std::find(dimensions.begin(), dimensions.end(), row.dimension) == dimensions.end())
                dimensions.push_back(row.dimension);
    std::vector<DimensionShares> out;
    for (Dimension d : dimensions) out.push_back({d, shares_of(d, engaged, all)});
    return out;
}

}  // namespace

Characteristics characteristics_of(const Records& records, const Schools& schools) {
    Characteristics c;
    c.schools = int(schools.size());
    count_areas(records, schools, c.rows);
    count_grades(schools, c.rows);
    for (Dimension d : {Dimension::fsm, Dimension::eal, Dimension::ehcp})
        count_bands(records, d, schools, c.rows);
    return c;
}

CharacteristicsSection characteristics_section(const Records& records,
                                               const std::vector<Journey>& journeys,
                                               AcademicYear year) {
    CharacteristicsSection s;
    s.year = year;
    Schools engaged, all;
    for (const auto& j : journeys)
        if (detail::engaged_in(j, year)) engaged.push_back(j.school);
    for (const auto& school : records.schools) all.push_back(&school);
    s.engaged = characteristics_of(records, engaged);
    s.all = characteristics_of(records, all);
    s.shares = shares_by_dimension(s.engaged, s.all);
    return s;
}

}  // namespace tfm
