#include "tfm/analysis/report_leads.h"

#include "tfm/analysis/gaps.h"

#include <map>
#include <set>

namespace tfm {

LeadsSection leads_section(const Records& records, const Index& index, AcademicYear year, Date as_of) {
    LeadsSection s;
    s.year = year;
    std::map<std::string, std::size_t> row_of;
    for (const auto& lead : records.leads) {
        if (row_of.count(lead.id)) continue;
        row_of[lead.id] = s.rows.size();
        s.rows.push_back({lead.id, lead.name, lead.role, {}, {}, 0, 0, 0, 0, 0, 0});
    }
    std::map<std::string, std::set<Urn>> schools;
    CohortsSection cohorts = cohorts_section(records, index, year);
    for (const Cohort* c : records.cohorts_of_year(year)) {
        auto it = row_of.find(c->lead);
        if (it == row_of.end()) {
            it = row_of.emplace(c->lead, s.rows.size()).first;
            s.rows.push_back({c->lead, "", LeadRole::specialist, {}, {}, 0, 0, 0, 0, 0, 0});
        }
        LeadYear& row = s.rows[it->second];
        row.cohorts.push_back(c->id);
        row.cohort_names.push_back(c->name.empty() ? c->id : c->name);
        for (const auto& m : c->schools) schools[c->lead].insert(m.urn);
        for (const auto& summary : cohorts.rows) {
            if (summary.cohort != c->id) continue;
            row.meetings_held += summary.meetings_held;
            row.meetings_planned += summary.meetings_planned;
            row.visits_held += summary.visits_held;
            row.visits_planned += summary.visits_planned;
            break;
        }
        row.overdue_logs += int(overdue_logs(index, *c, as_of).size());
    }
    for (auto& row : s.rows) row.schools = int(schools[row.lead].size());
    return s;
}

}  // namespace tfm
