#include "tfm/analysis/report_national.h"

#include "report_detail.h"
#include "tfm/analysis/gaps.h"
#include "tfm/base/untrusted_text.h"

#include <fmt/format.h>

#include <algorithm>
#include <map>
#include <set>

namespace tfm {

namespace {

std::optional<double> median(std::vector<double> v) {
    if (v.empty()) return std::nullopt;
    std::sort(v.begin(), v.end());
    std::size_t n = v.size();
    return n % 2 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2.0;
}

// What is gathered per hub before the digest's figures are taken from it.
struct Gathered {
    HubDigest row;
    std::vector<double> attendance;
    std::set<std::string> leads, areas, areas_engaged;
};

void add_cohort(Gathered& g, const CohortSummary& c, int overdue) {
    ++g.row.work_groups[std::size_t(c.stage)];
    ++g.row.work_groups_total;
    if (c.attendance) g.attendance.push_back(*c.attendance);
    g.leads.insert(c.lead);
    g.row.meetings_held += c.meetings_held;
    g.row.meetings_planned += c.meetings_planned;
    g.row.visits_held += c.visits_held;
    g.row.visits_planned += c.visits_planned;
    g.row.overdue_logs += overdue;
}

HubDigest finish(Gathered& g) {
    g.row.median_attendance = median(g.attendance);
    g.row.leads = int(g.leads.size());
    g.row.areas = int(g.areas.size());
    g.row.areas_engaged = int(g.areas_engaged.size());
    return g.row;
}

}  // namespace

NationalDigest national_digest(const Records& records, const Index& index,
                               const std::vector<Journey>& journeys, const CohortsSection& cohorts,
                               Date as_of) {
    NationalDigest d;
    d.year = cohorts.year;
    d.hubs = int(records.hubs.size());
    std::vector<Gathered> hubs(records.hubs.size());
    std::map<int, std::size_t> of_directory;
    for (std::size_t h = 0; h < records.hubs.size(); ++h) {
        hubs[h].row.hub = records.hubs[h].name;
        of_directory[records.hubs[h].directory] = h;
    }
    Gathered total;
    for (const auto& c : cohorts.rows) {
        const Cohort* cohort = index.cohort(c.cohort);
        int overdue = cohort ? int(overdue_logs(index, *cohort, as_of).size()) : 0;
        add_cohort(total, c, overdue);
        auto it = cohort ? of_directory.find(cohort->directory) : of_directory.end();
        if (it != of_directory.end()) add_cohort(hubs[it->second], c, overdue);
    }
    // Areas are compared as names are (`kirklees ` is Kirklees), within a hub and nationally.
    for (const auto& j : journeys) {
        const School& s = *j.school;
        bool engaged = detail::engaged_in(j, cohorts.year);
        auto it = of_directory.find(s.directory);
        std::vector<Gathered*> into = {&total};
        if (it != of_directory.end()) into.push_back(&hubs[it->second]);
        for (Gathered* g : into) {
            ++g->row.schools;
            g->row.engaged += engaged;
            if (s.area.empty()) continue;
            std::string key = fmt::format("{}\x1f{}", g == &total ? s.directory : 0, name_key(s.area));
            g->areas.insert(key);
            if (engaged) g->areas_engaged.insert(key);
        }
    }
    for (auto& g : hubs) d.rows.push_back(finish(g));
    d.rows.push_back(finish(total));
    return d;
}

}  // namespace tfm
