#include "tfm/analysis/schedule.h"

#include "tfm/model/journey.h"

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

// What makes a planned item and a log the same event: cohort, date, kind and school, and the
// planned start (minutes, -1 for none), so two bookings at different times of one day stay two.
using EventKey = std::tuple<std::string, Date, int, Urn, int>;

int minutes_of(const std::optional<TimeOfDay>& t) { return t ? t->minutes : -1; }

// The item a log answers: a booking of that cohort, date, kind and school at the log's start
// time, else the first such booking not yet logged, else a new item of its own.
ScheduleItem& item_for_log(std::map<EventKey, ScheduleItem>& items, const std::string& cohort, Date date,
                           int kind, Urn urn, const std::optional<TimeOfDay>& start, bool& inserted) {
    inserted = false;
    auto first = items.lower_bound(EventKey{cohort, date, kind, urn, -2});
    auto same = [&](auto it) {
        return it != items.end() && std::get<0>(it->first) == cohort && std::get<1>(it->first) == date &&
               std::get<2>(it->first) == kind && std::get<3>(it->first) == urn;
    };
    for (auto it = first; same(it); ++it)
        if (start && std::get<4>(it->first) == start->minutes && !it->second.logged) return it->second;
    for (auto it = first; same(it); ++it)
        if (!it->second.logged) return it->second;
    auto [pos, fresh] = items.try_emplace(EventKey{cohort, date, kind, urn, minutes_of(start)});
    inserted = fresh;
    return pos->second;
}

int kind_class(SessionType t) {
    return (t == SessionType::visit || t == SessionType::audit_visit) ? 1 : int(t) + 10;
}

// Whether an agenda item is for the filter's audience and year group.
bool for_filter(const AgendaItem& a, const ScheduleFilter& f) {
    if (f.audience && a.audience != Audience::all && a.audience != *f.audience) return false;
    if (f.year_group && !a.year_groups.empty() && !a.year_groups.contains(*f.year_group)) return false;
    return true;
}

// With --audience or --year-group, a meeting with a timed agenda becomes its parts for them.
void add_parts(const ScheduleItem& it, const ScheduleFilter& f, std::vector<ScheduleItem>& out) {
    bool split = (f.audience || f.year_group) && it.kind == SessionType::meeting && it.agenda &&
                 has_timed_item(*it.agenda);
    if (!split) {
        out.push_back(it);
        return;
    }
    for (std::size_t i = 0; i < it.agenda->size(); ++i) {
        const AgendaItem& a = (*it.agenda)[i];
        if (!a.at || !for_filter(a, f)) continue;
        ScheduleItem part = it;
        part.part = &a;
        part.part_number = int(i) + 1;
        part.start = a.at;
        part.end = a.minutes ? std::optional<TimeOfDay>(TimeOfDay{std::int16_t(a.at->minutes + *a.minutes)}) : std::nullopt;
        out.push_back(part);
    }
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
            it.start = c.start_of(m);
            it.end = c.end_of(m);
            it.mode = m.mode;
            if (c.mode_of(m) == Mode::online) it.link = c.online;
            else it.venue = c.venue_of(m);
            if (m.has_agenda) it.agenda = std::span<const AgendaItem>(m.agenda);
            items.emplace(EventKey{c.id, m.date, kind_class(it.kind), 0, minutes_of(it.start)}, it);
        }
        for (const auto& v : c.visits) {
            if (!in_range(v.date) || (f.school && *f.school != v.urn) || !visit_stands(c, v)) continue;
            ScheduleItem it;
            it.date = v.date;
            it.kind = SessionType::visit;
            it.cohort = &c;
            it.school = v.urn;
            it.start = v.start;
            it.end = v.end;
            it.planned = true;
            items.emplace(EventKey{c.id, v.date, kind_class(it.kind), v.urn, minutes_of(it.start)}, it);
        }
        for (const Session* s : index.sessions_of(c.id)) {
            if (!in_range(s->date)) continue;
            if (f.school && s->is_visit() && s->school != f.school) continue;
            Urn urn = s->is_visit() && s->school ? *s->school : 0;
            bool inserted = false;
            ScheduleItem& it = item_for_log(items, c.id, s->date, kind_class(s->type), urn, s->start, inserted);
            if (inserted) {
                it.date = s->date;
                it.cohort = &c;
                if (urn) it.school = urn;
            }
            it.kind = s->type;
            it.logged = true;
            if (s->start) it.start = s->start, it.end = s->end;
            if (s->mode) {
                it.mode = s->mode;
                if (*s->mode == Mode::online) it.venue.clear(), it.link = c.online;
                else if (it.venue.empty()) it.link.clear(), it.venue = c.venue;
            }
            if (!it.agenda && s->has_agenda) it.agenda = std::span<const AgendaItem>(s->agenda);
        }
    }
    std::vector<ScheduleItem> out;
    const EventKey* previous = nullptr;
    int same_day = 0;
    for (auto& [key, it] : items) {
        bool again = previous && std::get<0>(*previous) == std::get<0>(key) && std::get<1>(*previous) == std::get<1>(key) &&
                     std::get<2>(*previous) == std::get<2>(key) && std::get<3>(*previous) == std::get<3>(key);
        same_day = again ? same_day + 1 : 0;
        it.same_day = same_day;
        previous = &key;
        it.status = it.logged ? ItemStatus::done : it.date < as_of ? ItemStatus::overdue : ItemStatus::due;
        if (it.school)
            if (const School* s = index.school(*it.school)) it.school_name = s->name;
        add_parts(it, f, out);
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

Cell place(const ScheduleItem& it) {
    if (!it.link.empty()) return Cell(it.link);
    if (!it.venue.empty()) return Cell(it.venue);
    return Cell();
}

Cell agenda_cell(const ScheduleItem& it) {
    if (it.part) return Cell(agenda_item_text(*it.part));
    if (it.agenda && !it.agenda->empty()) return Cell(agenda_text(*it.agenda, "; "));
    return Cell();
}

}  // namespace

std::string agenda_item_text(const AgendaItem& a) {
    std::string out = a.at ? a.at->str() + " " : std::string();
    out += a.item;
    std::string who;
    for (YearGroup g = 0; g <= 13; ++g)
        if (a.year_groups.contains(g)) who += (who.empty() ? "" : ", ") + year_group_name(g);
    if (a.audience != Audience::all)
        who += (who.empty() ? "" : "; ") + std::string(a.audience == Audience::teachers ? "teachers" : "maths leads");
    return who.empty() ? out : out + " (" + who + ")";
}

std::string agenda_text(std::span<const AgendaItem> agenda, std::string_view separator) {
    std::string out;
    for (const auto& a : agenda) out += (out.empty() ? "" : std::string(separator)) + agenda_item_text(a);
    return out;
}

Table schedule_table(const std::vector<ScheduleItem>& items) {
    Table t{"schedule", "Schedule",
            {{"date", "date"},
             {"time", "time"},
             {"kind", "kind"},
             {"cohort", "cohort"},
             {"lead", "lead"},
             {"urn", "URN"},
             {"name", "school"},
             {"place", "place"},
             {"agenda", "agenda"},
             {"status", "status"}},
            {}};
    t.empty_text = "nothing planned or logged in this range";
    for (const auto& it : items)
        t.rows.push_back({it.date, it.start ? Cell(time_text(it)) : Cell(), std::string(name_of(it.kind)), it.cohort->id,
                          it.cohort->lead, it.school ? Cell(*it.school) : Cell(),
                          it.school ? Cell(it.school_name) : Cell(), place(it), agenda_cell(it),
                          std::string(name_of_item_status(it.status))});
    return t;
}

}  // namespace tfm
