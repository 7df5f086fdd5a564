// `tfm log`'s defaults and its interactive entry as a state machine: which question comes
// next, what it offers, what an answer does, and `<` to go back. No terminal here: the
// command line (src/cli/log_prompt.cpp) asks the questions with libedit, and tests answer
// them from a script.
#pragma once

#include "tfm/edit/session_log.h"
#include "tfm/model/index.h"
#include "tfm/model/model.h"

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace tfm {

// The planned meeting on or before `as_of` nearest to it with no meeting log on its date (as
// `tfm gaps` counts overdue logs), else empty.
std::optional<Date> unlogged_meeting(const Index& index, const Cohort& cohort, Date as_of);

// The planned visit to school `urn` on or before `as_of` nearest to it with no visit log
// (of either visit type) to that school on its date, else empty.
std::optional<Date> unlogged_visit(const Index& index, const Cohort& cohort, Urn urn, Date as_of);

// The schools expected on `date`: members not withdrawn by then, in the cohort's order.
std::vector<const Member*> expected_members(const Cohort& cohort, Date date);

// The session as the plan has it for `date`: a planned meeting's (else the cohort's) times,
// mode and agenda; a planned visit's times; every expected school with all its participants
// present (meetings and cpd only). `type` and `school` as given.
SessionDraft planned_session(const Cohort& cohort, Date date, SessionType type, std::optional<Urn> school);

// The names of a list "A, B" as the records spell them (a participant's or staff member's
// name compared as names are), each once; a name the records lack is kept as written.
std::vector<std::string> attendee_names(const Index& index, const Cohort& cohort, Urn urn, std::string_view list);

// A likely slip among attendees of school `urn`: for the first name (as attendee_names
// spells them) that is neither a participant nor a member of staff but close to one (edit
// distance, accents, case), "`Zoe O'Brien` is not a participant or member of staff of school
// 107330; did you mean `Zoë Ó'Brien`?"; else "". A name close to none is a new teacher: "".
std::string attendee_slip(const Index& index, const Cohort& cohort, Urn urn, const std::vector<std::string>& names);

class LogEntry {
public:
    enum class Step { date, school, start, end, mode, agenda, attendance };

    struct Prompt {
        Step step = Step::date;
        std::string question;        // "Date", or a school's URN and name for attendance
        std::string offered;         // what Enter accepts, as shown ("" when nothing)
        std::vector<std::string> completions;  // for tab: dates, URNs, names, modes
        std::size_t number = 0, count = 0;     // question `number` of `count` (1-based)
    };

    // Starts from `initial` (planned_session for the default date); `given` lists the steps
    // the command line already answered, which are not asked.
    // `as_of` gives a visit's default date once its school is answered (unlogged_visit).
    LogEntry(const Cohort& cohort, const Index& index, SessionDraft initial, std::vector<Step> given = {},
             std::optional<Date> as_of = {});

    bool done() const { return at_ >= steps_.size(); }
    Prompt prompt() const;  // only when !done()
    // An answer to the current question: "" takes what is offered, "<" goes back one
    // question. Returns why it was not accepted (asked again), else "".
    std::string answer(std::string_view text);
    // Back to the last question (from the confirmation after done()); false at the first.
    bool back();
    // Back to the question of `step` (for attendance, of school `urn`), where a finding of the
    // whole record points; the last question when that one is not asked.
    void go_to(Step step, std::optional<Urn> urn = {});
    const SessionDraft& draft() const { return draft_; }

private:
    void replan(Date date, std::optional<Urn> school);  // new defaults for another date or school
    void rebuild();  // the steps after the draft changed
    // Whether the draft's date is one to offer: typed or given, or a planned meeting (a planned
    // visit to the school) rather than --as-of taken for want of one.
    bool date_planned() const;
    std::string answer_attendance(std::size_t school, std::string_view text);
    // A member the cohort lists no participants for, whose attendance was not typed yet:
    // Enter cannot take "as planned" for it (`[]` would say it was absent).
    bool must_name(Urn urn) const;

    const Cohort& cohort_;
    const Index& index_;
    SessionDraft draft_;
    std::vector<Step> given_;
    std::optional<Date> as_of_;
    bool date_answered_ = false;
    std::vector<AgendaItem> planned_agenda_;
    std::vector<Urn> answered_;  // schools whose attendance was typed (not only planned)
    std::string slip_answer_;    // an answer refused as a likely slip: typed again, it is taken
    std::vector<std::pair<Step, std::size_t>> steps_;  // attendance steps carry the school's place
    std::size_t at_ = 0;
};

}  // namespace tfm
