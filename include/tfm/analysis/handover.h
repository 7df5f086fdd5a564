// `tfm handover URN|NAME`: one school's page for a new maths lead or a visit (SPEC section 6),
// as typed data: its journey (predecessors included), the people who took part and whether
// they are still at the school, the year groups its Work Groups observed, attendance, its next
// stage with next year's Work Groups of that stage in its area, and its contacts.
#pragma once

#include "tfm/base/table.h"
#include "tfm/model/index.h"
#include "tfm/model/journey.h"
#include "tfm/model/model.h"

#include <optional>
#include <string>
#include <vector>

namespace tfm {

struct HandoverStep {
    Engagement engagement;               // year, stage, cohort, lead, status, attendance
    std::vector<std::string> participants;
    std::vector<YearGroup> observed;     // year groups of the lessons its held meetings observed
};

// Someone who took part in a Work Group of the school (or of a predecessor).
struct HandoverPerson {
    std::string name;
    std::optional<StaffRole> role;       // from the staff list, when it names them
    std::vector<std::string> took_part;  // "development 2021/22", in journey order
    enum class Now { at_school, left, not_listed } now = Now::not_listed;
    std::optional<Date> left;
};

struct HandoverContact {
    std::string name;  // a person's name, or the school's
    std::string role;  // maths_lead, headteacher, …, or "school"
    std::string email;
};

struct Handover {
    const School* school = nullptr;
    std::vector<std::pair<Urn, std::string>> predecessors;  // every establishment it continues
    std::vector<HandoverStep> journey;
    std::vector<AcademicYear> gap_years;
    bool lapsed = false;
    std::optional<Stage> next_stage;
    AcademicYear next_year;
    std::vector<const Cohort*> next_groups;  // next year's, of the next stage, in its area
    std::vector<HandoverPerson> people;
    std::vector<HandoverContact> contacts;
};

// The handover of a school (whose journey is `journey`, as of `as_of`).
Handover build_handover(const Records& records, const Index& index, const Journey& journey,
                        Date as_of);

// Tables "school", "journey", "people", "next_groups" and "contacts", for every format.
std::vector<Table> handover_tables(const Handover& h);

}  // namespace tfm
