#include "tfm/analysis/report_hubs.h"

#include "report_detail.h"

#include <algorithm>
#include <map>
#include <set>
#include <tuple>

namespace tfm {

namespace {

const Target* target_for(const Hub& hub, Phase phase, AcademicYear year) {
    const Target* last = nullptr;
    const Target* first_ahead = nullptr;
    for (const auto& t : hub.targets) {
        if (t.phase != phase) continue;
        if (!last || last->by < t.by) last = &t;
        if (!(t.by < year) && (!first_ahead || t.by < first_ahead->by)) first_ahead = &t;
    }
    return first_ahead ? first_ahead : last;
}

struct Counts {
    int engaged = 0, ever = 0;
};

}  // namespace

HubsSection hubs_section(const Records& records, const std::vector<Journey>& journeys,
                         AcademicYear year) {
    HubsSection s;
    s.year = year;
    s.hubs = int(records.hubs.size());
    // Schools by (directory, phase).
    std::map<std::pair<int, Phase>, Counts> counts;
    for (const auto& j : journeys) {
        bool now = false, upto = false;
        for (const auto& e : j.engagements) {
            if (e.year == year) now = true;
            if (e.year <= year) upto = true;
        }
        Counts& c = counts[{j.school->directory, j.school->phase}];
        c.engaged += now;
        c.ever += upto;
    }
    std::set<Phase> phases;
    for (const auto& h : records.hubs) {
        for (const auto& [phase, n] : h.population) phases.insert(phase);
        for (const auto& t : h.targets) phases.insert(t.phase);
    }
    for (Phase phase : phases) {
        std::vector<HubCoverage> rows;
        HubCoverage total{"", phase, 0, 0, {}, {}, {}, {}, false};
        int ever_with_population = 0;
        for (const auto& h : records.hubs) {
            Counts c = counts[{h.directory, phase}];
            HubCoverage row{h.name, phase, c.engaged, c.ever, {}, {}, {}, {}, false};
            auto pop = h.population.find(phase);
            if (pop != h.population.end() && pop->second > 0) {
                row.population = pop->second;
                row.percent = detail::percent(c.ever, pop->second);
                total.population = total.population.value_or(0) + pop->second;
                ever_with_population += c.ever;
            }
            if (const Target* t = target_for(h, phase, year)) {
                row.target = t->percent;
                row.by = t->by;
            }
            row.met = row.percent && row.target && *row.percent + 1e-9 >= *row.target;
            total.engaged += c.engaged;
            total.ever_engaged += c.ever;
            rows.push_back(std::move(row));
        }
        std::stable_sort(rows.begin(), rows.end(), [](const HubCoverage& a, const HubCoverage& b) {
            double pa = a.percent.value_or(-1), pb = b.percent.value_or(-1);
            return std::tie(pb, a.hub) < std::tie(pa, b.hub);
        });
        if (total.population) total.percent = detail::percent(ever_with_population, *total.population);
        s.rows.insert(s.rows.end(), rows.begin(), rows.end());
        s.rows.push_back(total);
    }
    return s;
}

std::vector<HubGaps> gaps_by_hub(const Records& records, const Index& index,
                                 const std::vector<Table>& gaps) {
    std::vector<HubGaps> out;
    std::map<int, std::size_t> of_directory;
    for (const auto& h : records.hubs) {
        of_directory[h.directory] = out.size();
        out.push_back({h.name, std::vector<int>(gaps.size(), 0), 0});
    }
    for (std::size_t g = 0; g < gaps.size(); ++g) {
        const Table& t = gaps[g];
        int urn = -1, cohort = -1;
        for (std::size_t c = 0; c < t.columns.size(); ++c) {
            if (t.columns[c].key == "urn") urn = int(c);
            if (t.columns[c].key == "cohort") cohort = int(c);
        }
        for (const auto& row : t.rows) {
            std::optional<int> directory;
            if (urn >= 0 && std::size_t(urn) < row.size())
                if (auto* u = std::get_if<long long>(&row[std::size_t(urn)].value))
                    if (const School* s = index.school(Urn(*u))) directory = s->directory;
            if (!directory && cohort >= 0 && std::size_t(cohort) < row.size())
                if (auto* id = std::get_if<std::string>(&row[std::size_t(cohort)].value))
                    if (const Cohort* c = index.cohort(*id)) directory = c->directory;
            if (!directory) continue;
            auto it = of_directory.find(*directory);
            if (it == of_directory.end()) continue;
            ++out[it->second].counts[g];
            ++out[it->second].total;
        }
    }
    return out;
}

}  // namespace tfm
