#include "tfm/analysis/register.h"

#include "tfm/base/untrusted_text.h"
#include "tfm/model/journey.h"

#include <algorithm>

namespace tfm {
namespace {

bool came(const Attendance* a, std::string_view name) {
    if (!a) return false;
    return std::any_of(a->present.begin(), a->present.end(),
                       [&](const Present& p) { return same_name(p.name, name); });
}

// The school's mark at each meeting.
std::vector<RegisterMark> school_marks(const Member& m, const std::vector<const Session*>& held) {
    std::vector<RegisterMark> marks;
    std::size_t first_listed = held.size();
    for (std::size_t i = 0; i < held.size(); ++i)
        if (held[i]->attendance_of(m.urn)) {
            first_listed = i;
            break;
        }
    for (std::size_t i = 0; i < held.size(); ++i) {
        const Attendance* a = held[i]->attendance_of(m.urn);
        if (a && !a->present.empty()) marks.push_back(RegisterMark::present);
        else if (m.joined_on && held[i]->date < *m.joined_on) marks.push_back(RegisterMark::not_yet_member);
        else if (!expected_on(m, held[i]->date)) marks.push_back(RegisterMark::withdrawn);
        else if (i < first_listed && first_listed < held.size()) marks.push_back(RegisterMark::not_yet_member);
        else marks.push_back(RegisterMark::absent);
    }
    return marks;
}

RegisterParticipant participant(std::string_view name, bool listed, Urn urn,
                                const std::vector<RegisterMark>& school,
                                const std::vector<const Session*>& held) {
    RegisterParticipant p{std::string(name), listed, {}, 0, 0};
    for (std::size_t i = 0; i < held.size(); ++i) {
        RegisterMark mark = school[i];
        if (came(held[i]->attendance_of(urn), name)) mark = RegisterMark::present;
        else if (!listed) mark = RegisterMark::not_expected;
        else if (mark == RegisterMark::present) mark = RegisterMark::absent;
        if (mark == RegisterMark::present) ++p.attended;
        if (mark == RegisterMark::present || mark == RegisterMark::absent) ++p.expected;
        p.marks.push_back(mark);
    }
    return p;
}

}  // namespace

std::string_view code_of(RegisterMark mark) {
    switch (mark) {
        case RegisterMark::present: return "present";
        case RegisterMark::absent: return "absent";
        case RegisterMark::not_yet_member: return "not_yet_member";
        case RegisterMark::withdrawn: return "withdrawn";
        case RegisterMark::not_expected: return "not_expected";
    }
    return "absent";
}

Register build_register(const Records& records, const Index& index, const Cohort& cohort,
                        Date as_of) {
    Register r;
    r.cohort_id = cohort.id;
    r.cohort_name = cohort.name.empty() ? cohort.id : cohort.name;
    r.stage = cohort.stage;
    r.year = cohort.year;
    r.lead_id = cohort.lead;
    const Lead* lead = index.lead(cohort.lead);
    r.lead_name = lead ? lead->name : cohort.lead;
    r.completion = records.rules_of(cohort.directory).completion;
    r.planned_meetings = int(cohort.meetings.size());

    std::vector<const Session*> held;
    for (const Session* s : index.sessions_of(cohort.id))
        if (s->type == SessionType::meeting && s->has_attendance && !(as_of < s->date)) held.push_back(s);
    std::stable_sort(held.begin(), held.end(),
                     [](const Session* a, const Session* b) { return a->date < b->date; });
    for (const Session* s : held) r.meetings.push_back({s->date});

    for (const Member& m : cohort.schools) {
        RegisterSchool school;
        school.urn = m.urn;
        const School* record = index.school(m.urn);
        school.name = record ? record->name : "";
        school.status = m.status;
        school.withdrawn_on = m.withdrawn_on;
        school.withdrawn = m.status == MemberStatus::withdrawn;
        school.marks = school_marks(m, held);
        for (const auto& name : m.participants)
            school.participants.push_back(participant(name, true, m.urn, school.marks, held));
        // Attendees who are not among the participants get a row of their own.
        for (const Session* s : held) {
            const Attendance* a = s->attendance_of(m.urn);
            if (!a) continue;
            for (const Present& p : a->present) {
                bool known = std::any_of(school.participants.begin(), school.participants.end(),
                                         [&](const RegisterParticipant& q) { return same_name(q.name, p.name); });
                if (!known) school.participants.push_back(participant(p.name, false, m.urn, school.marks, held));
            }
        }
        for (std::size_t i = 0; i < held.size(); ++i) {
            RegisterMeeting& meeting = r.meetings[i];
            RegisterMark mark = school.marks[i];
            if (mark == RegisterMark::withdrawn || mark == RegisterMark::not_yet_member) continue;
            ++meeting.schools_expected;
            if (mark == RegisterMark::present) ++meeting.schools_present;
            for (const auto& p : school.participants) {
                if (p.marks[i] == RegisterMark::present || p.marks[i] == RegisterMark::absent)
                    ++meeting.participants_expected;
                if (p.marks[i] == RegisterMark::present) ++meeting.participants_present;
            }
        }
        // Held meetings while it was a member count (not before joined_on, not after a
        // withdrawal), as the completion rule counts them.
        for (std::size_t i = 0; i < held.size(); ++i) {
            if (!member_on(m, held[i]->date)) continue;
            ++school.logged;
            if (school.marks[i] == RegisterMark::present) ++school.attended;
        }
        if (school.logged) {
            school.share = double(school.attended) / double(school.logged);
            school.meets_completion = !school.withdrawn && meets_completion(*school.share, r.completion);
        }
        r.schools.push_back(std::move(school));
    }
    return r;
}

}  // namespace tfm
