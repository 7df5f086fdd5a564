// `tfm schedule`: planned and logged meetings and visits in a date range, one item each.
#pragma once

#include "tfm/model/index.h"
#include "tfm/model/model.h"
#include "tfm/base/table.h"

#include <optional>
#include <span>
#include <string>
#include <vector>

namespace tfm {

enum class ItemStatus { done, due, overdue };
std::string_view name_of_item_status(ItemStatus s);

struct ScheduleItem {
    Date date;
    // The log's time, else the plan's (a meeting's own, else the cohort's meeting_time).
    std::optional<TimeOfDay> start, end;
    SessionType kind = SessionType::meeting;
    const Cohort* cohort = nullptr;
    std::optional<Urn> school;      // visits
    std::string school_name;
    ItemStatus status = ItemStatus::due;
    std::optional<Mode> mode;
    std::string venue;              // meetings in person: the meeting's, else the cohort's
    std::string link;               // meetings online: the cohort's `online` link
    // Meetings: the published agenda (the plan's), else the log's; null when none.
    std::optional<std::span<const AgendaItem>> agenda;
    // With --audience or --year-group, one item per agenda item of a meeting with a timed
    // agenda: that item (its time is the item's).
    const AgendaItem* part = nullptr;
    int part_number = 0;            // 1-based index of `part` in the agenda
    bool planned = false;           // on the cohort's plan
    bool logged = false;            // a session log exists
    // 0 for the first booking of its cohort, date, kind and school; 1, 2, … for further ones
    // at other times that day (two half-day meetings), so each keeps a calendar UID of its own.
    int same_day = 0;
};

struct ScheduleFilter {
    Date from;
    Date to;  // inclusive
    std::string cohort;
    std::string lead;
    std::optional<Urn> school;
    // Meetings with a timed agenda become one item per agenda item for this audience or
    // year group (an item for `all`, or without year groups, is for everyone).
    std::optional<Audience> audience;
    std::optional<YearGroup> year_group;
};

// Items in the range, by date, then cohort, kind and school. A log on a planned date is
// that item (done); a log with no plan is an item of its own; a plan with no log is due,
// or overdue once its date has passed. With an audience or year group, see ScheduleFilter.
std::vector<ScheduleItem> build_schedule(const Records& records, const Index& index,
                                         const ScheduleFilter& filter, Date as_of);

Table schedule_table(const std::vector<ScheduleItem>& items);

// "13:00 Pre-lesson discussion; 13:30 Observed lesson (Y3)", for a table cell.
std::string agenda_text(std::span<const AgendaItem> agenda, std::string_view separator);
// "13:30 Observed lesson (Y3; teachers)": one item.
std::string agenda_item_text(const AgendaItem& item);

}  // namespace tfm
