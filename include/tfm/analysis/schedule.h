// `tfm schedule`: planned and logged meetings and visits in a date range, one item each.
#pragma once

#include "tfm/model/index.h"
#include "tfm/model/model.h"
#include "tfm/base/table.h"

#include <optional>
#include <string>
#include <vector>

namespace tfm {

enum class ItemStatus { done, due, overdue };
std::string_view name_of_item_status(ItemStatus s);

struct ScheduleItem {
    Date date;
    std::optional<TimeOfDay> start, end;  // from the log, when it gives them
    SessionType kind = SessionType::meeting;
    const Cohort* cohort = nullptr;
    std::optional<Urn> school;      // visits
    std::string school_name;
    ItemStatus status = ItemStatus::due;
    std::optional<Mode> mode;
    bool planned = false;           // on the cohort's plan
    bool logged = false;            // a session log exists
};

struct ScheduleFilter {
    Date from;
    Date to;  // inclusive
    std::string cohort;
    std::string lead;
    std::optional<Urn> school;
};

// Items in the range, by date, then cohort, kind and school. A log on a planned date is
// that item (done); a log with no plan is an item of its own; a plan with no log is due,
// or overdue once its date has passed.
std::vector<ScheduleItem> build_schedule(const Records& records, const Index& index,
                                         const ScheduleFilter& filter, Date as_of);

Table schedule_table(const std::vector<ScheduleItem>& items);

}  // namespace tfm
