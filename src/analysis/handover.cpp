#include "tfm/analysis/handover.h"

#include "tfm/base/untrusted_text.h"

#include <fmt/format.h>

#include <algorithm>

namespace tfm {
namespace {

std::string stage_year(const Engagement& e) { return fmt::format("{} {}", name_of(e.stage), e.year.str()); }

// The year groups whose lessons a cohort's logged meetings observed, each once, in order.
std::vector<YearGroup> observed_in(const Index& index, const Cohort& c) {
    SmallSet<YearGroup> seen;
    for (const Session* s : index.sessions_of(c.id))
        if (s->type == SessionType::meeting && s->observation && s->observation->year_group)
            seen.insert(*s->observation->year_group);
    std::vector<YearGroup> out;
    for (YearGroup g = 0; g <= 13; ++g)
        if (seen.contains(g)) out.push_back(g);
    return out;
}

// A participant of an engagement on the school's staff list (where staff move on conversion),
// else on its predecessor's.
const StaffMember* staff_of(const School& school, const Engagement& e, const std::string& name) {
    if (const StaffMember* m = school.staff_member(name)) return m;
    return e.school && e.school != &school ? e.school->staff_member(name) : nullptr;
}

void add_people(Handover& h, Date as_of) {
    for (const auto& step : h.journey)
        for (const auto& name : step.participants) {
            auto it = std::find_if(h.people.begin(), h.people.end(),
                                   [&](const HandoverPerson& p) { return same_name(p.name, name); });
            if (it == h.people.end()) {
                HandoverPerson p;
                p.name = name;
                if (const StaffMember* m = staff_of(*h.school, step.engagement, name)) {
                    p.role = m->role;
                    p.now = m->is_former(as_of) ? HandoverPerson::Now::left : HandoverPerson::Now::at_school;
                    if (m->is_former(as_of)) p.left = m->left;
                }
                h.people.push_back(p);
                it = h.people.end() - 1;
            }
            it->took_part.push_back(stage_year(step.engagement));
        }
}

void add_contacts(Handover& h, Date as_of) {
    const School& s = *h.school;
    if (!s.email.empty()) h.contacts.push_back({s.name, "school", s.email});
    // The current staff in the roles a coordinator writes to: maths leads, then headteachers.
    for (StaffRole role : {StaffRole::maths_lead, StaffRole::headteacher, StaffRole::assistant_head})
        for (const auto& m : s.staff)
            if (m.role == role && !m.is_former(as_of))
                h.contacts.push_back({std::string(m.name), std::string(name_of(role)), std::string(m.email)});
}

}  // namespace

Handover build_handover(const Records& records, const Index& index, const Journey& j, Date as_of) {
    Handover h;
    h.school = j.school;
    for (Urn urn : index.with_predecessors(j.school->urn)) {
        if (urn == j.school->urn) continue;
        const School* p = index.school(urn);
        h.predecessors.emplace_back(urn, p ? p->name : "");
    }
    for (const auto& e : j.engagements) {
        HandoverStep step{e, {}, {}};
        if (e.member) step.participants.assign(e.member->participants.begin(), e.member->participants.end());
        if (e.cohort) step.observed = observed_in(index, *e.cohort);
        h.journey.push_back(std::move(step));
    }
    h.gap_years = j.gap_years;
    h.lapsed = j.lapsed;
    h.next_stage = j.next_stage;
    h.next_year = AcademicYear::containing(as_of).next();
    if (h.next_stage)
        for (const Cohort* c : records.cohorts_of_year(h.next_year)) {
            if (c->stage != *h.next_stage || c->phase != j.school->phase) continue;
            bool in_area = std::any_of(c->schools.begin(), c->schools.end(), [&](const Member& m) {
                const School* s = index.school(m.urn);
                return s && same_name(s->area, j.school->area);
            });
            if (in_area) h.next_groups.push_back(c);
        }
    add_people(h, as_of);
    add_contacts(h, as_of);
    return h;
}

std::vector<Table> handover_tables(const Handover& h) {
    const School& s = *h.school;
    Table school{"school", fmt::format("Handover: {} {}", s.urn, s.name),
                 {{"urn", "URN"}, {"name", "name"}, {"area", "area"}, {"phase", "phase"},
                  {"predecessors", "continues"}, {"gap_years", "gap years"}, {"lapsed", "lapsed"},
                  {"next_stage", "next stage"}},
                 {}};
    std::vector<std::string> preds, gaps;
    for (const auto& [urn, name] : h.predecessors)
        preds.push_back(name.empty() ? std::to_string(urn) : fmt::format("{} {}", urn, name));
    for (const auto& y : h.gap_years) gaps.push_back(y.str());
    school.rows.push_back({s.urn, s.name, s.area, std::string(name_of(s.phase)), preds, gaps,
                           Cell::yes_no(h.lapsed),
                           h.next_stage ? Cell(std::string(name_of(*h.next_stage))) : Cell()});

    Table journey{"journey", "Journey",
                  {{"year", "year"}, {"stage", "stage"}, {"cohort", "cohort"}, {"lead", "lead"},
                   {"status", "status"}, {"participants", "participants"},
                   {"year_groups_observed", "observed"},
                   {"meetings_attended", "meetings attended"}, {"meetings_held", "of held"},
                   {"attendance", "attendance %", ColumnKind::percent}, {"as_urn", "as URN"}},
                  {}};
    journey.empty_text = "no engagement yet";
    for (const auto& step : h.journey) {
        const Engagement& e = step.engagement;
        auto att = e.attendance();
        std::vector<std::string> groups;
        for (YearGroup g : step.observed) groups.push_back(year_group_name(g));
        journey.rows.push_back({e.year.str(), std::string(name_of(e.stage)),
                                e.cohort ? Cell(e.cohort->id) : Cell("(history)"),
                                e.lead.empty() ? Cell() : Cell(e.lead),
                                std::string(name_of_status(e.status)), step.participants, groups,
                                e.cohort ? Cell(e.meetings_attended) : Cell(),
                                e.cohort ? Cell(e.meetings_logged) : Cell(),
                                att ? Cell(*att * 100.0, 0) : Cell(),
                                e.urn != s.urn ? Cell(e.urn) : Cell()});
    }

    Table people{"people", "Who took part",
                 {{"name", "name"}, {"role", "role", ColumnKind::code}, {"took_part", "took part in"}, {"now", "now"}},
                 {}};
    people.empty_text = "nobody listed as a participant";
    for (const auto& p : h.people) {
        std::string now = p.now == HandoverPerson::Now::at_school ? "at the school"
                          : p.now == HandoverPerson::Now::left   ? fmt::format("left {}", p.left->str())
                                                                 : "not on the staff list";
        people.rows.push_back({p.name, p.role ? Cell(std::string(name_of(*p.role))) : Cell(),
                               p.took_part, now});
    }

    Table next{"next_groups",
               h.next_stage ? fmt::format("{} Work Groups in {} ({})", name_of(*h.next_stage), h.next_year.str(), s.area)
                            : fmt::format("Work Groups in {}", h.next_year.str()),
               {{"cohort", "cohort"}, {"stage", "stage"}, {"lead", "lead"}, {"schools", "schools"}},
               {}};
    next.empty_text = "none recorded yet";
    for (const Cohort* c : h.next_groups)
        next.rows.push_back({c->id, std::string(name_of(c->stage)), c->lead, int(c->schools.size())});

    Table contacts{"contacts", "Contacts", {{"name", "name"}, {"role", "role", ColumnKind::code}, {"email", "email"}}, {}};
    contacts.empty_text = "none recorded";
    for (const auto& c : h.contacts) contacts.rows.push_back({c.name, c.role, c.email.empty() ? Cell() : Cell(c.email)});
    return {school, journey, people, next, contacts};
}

}  // namespace tfm
