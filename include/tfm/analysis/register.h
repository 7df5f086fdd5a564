// `tfm register COHORT`: a Work Group's attendance grid, as typed data (render/register_tables
// and render/html_register print it).
#pragma once

#include "tfm/base/date.h"
#include "tfm/model/index.h"
#include "tfm/model/model.h"

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace tfm {

// A school's or participant's place at one held meeting.
// not_expected: an attendee who is not among the school's participants, at a meeting they
// did not come to (they are expected only where they came).
enum class RegisterMark { present, absent, not_yet_member, withdrawn, not_expected };
std::string_view code_of(RegisterMark mark);  // present, absent, not_yet_member, withdrawn, not_expected

struct RegisterParticipant {
    std::string name;
    bool listed = true;                // false: attended but not among the cohort's participants
    std::vector<RegisterMark> marks;   // one per held meeting
    int attended = 0;                  // meetings marked present
    int expected = 0;                  // meetings marked present or absent: where expected
};

struct RegisterSchool {
    Urn urn = 0;
    std::string name;                  // the school's name ("" when no record defines the URN)
    MemberStatus status = MemberStatus::enrolled;
    std::optional<Date> withdrawn_on;
    std::vector<RegisterMark> marks;   // one per held meeting: present when anyone came
    std::vector<RegisterParticipant> participants;
    int attended = 0;                  // as the completion rule counts (count_attendance)
    int logged = 0;
    std::optional<double> share;       // attended / logged; none when nothing was logged
    // A school that withdrew does not complete the stage, whatever it attended (its journey
    // says withdrawn), so it never meets the threshold; it is not below it either.
    bool withdrawn = false;
    bool meets_completion = false;
};

struct RegisterMeeting {
    Date date;
    int schools_present = 0, schools_expected = 0;
    // Participants marked present, of those expected (marked present or absent): an attendee
    // not listed is expected where they came, so present never exceeds expected.
    int participants_present = 0, participants_expected = 0;
};

struct Register {
    std::string cohort_id, cohort_name;  // name: the cohort's, else its id
    Stage stage = Stage::development;
    AcademicYear year;
    std::string lead_id, lead_name;      // lead_name: the lead's, else its id
    double completion = 0.67;            // the hub's completion threshold (a share)
    std::vector<RegisterMeeting> meetings;  // held: logged meetings with attendance, by date
    std::vector<RegisterSchool> schools;    // in the cohort's order
    int planned_meetings = 0;
};

// The register of `cohort` as of `as_of` (logs after it are left out). A school is marked
// withdrawn at meetings on or after its withdrawn_on (at every meeting it missed when it
// withdrew on no given date); not a member yet at meetings before the first log that lists it in
// its attendance (when a later log does); present when anyone of it came; absent otherwise.
// A participant takes its school's mark when that is withdrawn or not a member yet.
Register build_register(const Records& records, const Index& index, const Cohort& cohort,
                        Date as_of);

}  // namespace tfm
