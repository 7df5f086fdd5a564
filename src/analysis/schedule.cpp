#include "tfm/analysis/schedule.h"

#include <fmt/format.h>

#include <algorithm>
#include <map>
#include <tuple>

namespace tfm {

std::string_view name_of_item_status(ItemStatus s) {
    switch (s) {
        case ItemStatus::done: return "done";
        case ItemStatus::due: return "due";
        case ItemStatus::overdue: return "overdue";
    }
    return "due";
}

namespace {

// What makes a planned item and a log the same event.
using EventKey = std::tuple<std::string, Date, int, Urn>;  // cohort, date, kind, school

int kind_class(SessionType t) {
    return (t == SessionType::visit || t == SessionType::audit_visit) ? 1 : int(t) + 10;
}

}  // namespace

std::vector<ScheduleItem> build_schedule(const Records& records, const Index& index,
                                         const ScheduleFilter& f, Date as_of) {
    std::map<EventKey, ScheduleItem> items;
    auto in_range = [&](Date d) { return f.from <= d && d <= f.to; };
    for (const auto& c : records.cohorts) {
        if (!f.cohort.empty() && c.id != f.cohort) continue;
        if (!f.lead.empty() && c.lead != f.lead) continue;
        // With --school: the meetings of the school's cohorts and the visits to it.
        if (f.school && !c.member(*f.school)) continue;
        for (const auto& m : c.meetings) {
            if (!in_range(m.date)) continue;
            ScheduleItem it;
            it.date = m.date;
            it.kind = SessionType::meeting;
            it.cohort = &c;
            it.planned = true;
            items.emplace(EventKey{c.id, m.date, kind_class(it.kind), 0}, it);
        }
        for (const auto& v : c.visits) {
            if (!in_range(v.date) || (f.school && *f.school != v.urn)) continue;
            ScheduleItem it;
            it.date = v.date;
            it.kind = SessionType::visit;
            it.cohort = &c;
            it.school = v.urn;
            it.planned = true;
            items.emplace(EventKey{c.id, v.date, kind_class(it.kind), v.urn}, it);
        }
        for (const Session* s : index.sessions_of(c.id)) {
            if (!in_range(s->date)) continue;
            if (f.school && s->is_visit() && s->school != f.school) continue;
            Urn urn = s->is_visit() && s->school ? *s->school : 0;
            auto [pos, inserted] = items.try_emplace(EventKey{c.id, s->date, kind_class(s->type), urn});
            ScheduleItem& it = pos->second;
            if (inserted) {
                it.date = s->date;
                it.cohort = &c;
                if (urn) it.school = urn;
            }
            it.kind = s->type;
            it.logged = true;
            it.start = s->start;
            it.end = s->end;
            it.mode = s->mode;
        }
    }
    std::vector<ScheduleItem> out;
    for (auto& [key, it] : items) {
        it.status = it.logged ? ItemStatus::done : it.date < as_of ? ItemStatus::overdue : ItemStatus::due;
        if (it.school)
            if (const School* s = index.school(*it.school)) it.school_name = s->name;
        out.push_back(it);
    }
    std::stable_sort(out.begin(), out.end(), [](const ScheduleItem& a, const ScheduleItem& b) {
        auto ta = a.start ? a.start->minutes : -1, tb = b.start ? b.start->minutes : -1;
        return std::tie(a.date, ta, a.cohort->id) < std::tie(b.date, tb, b.cohort->id);
    });
    return out;
}

namespace {

std::string time_text(const ScheduleItem& it) {
    if (!it.start) return "";
    return it.end ? it.start->str() + "–" + it.end->str() : it.start->str();
}

}  // namespace

Table schedule_table(const std::vector<ScheduleItem>& items) {
    Table t{"schedule", "Schedule",
            {{"date", "date", ColumnKind::date},
             {"time", "time"},
             {"kind", "kind"},
             {"cohort", "cohort"},
             {"lead", "lead"},
             {"urn", "URN"},
             {"school", "school"},
             {"status", "status"}},
            {}};
    t.empty_text = "nothing planned or logged in this range";
    for (const auto& it : items)
        t.rows.push_back({it.date.str(), it.start ? Cell(time_text(it)) : Cell(), std::string(name_of(it.kind)), it.cohort->id,
                          it.cohort->lead, it.school ? Cell(*it.school) : Cell(),
                          it.school ? Cell(it.school_name) : Cell(),
                          std::string(name_of_item_status(it.status))});
    return t;
}

}  // namespace tfm
