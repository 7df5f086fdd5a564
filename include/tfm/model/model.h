// The typed records of a hub: what the loader builds and everything after it reads.
#pragma once

#include "tfm/base/chunked.h"
#include "tfm/base/date.h"
#include "tfm/base/diagnostic.h"
#include "tfm/base/pooled_list.h"
#include "tfm/base/string_pool.h"
#include "tfm/model/offer.h"
#include "tfm/model/rule_id.h"

#include <array>
#include <cstdint>
#include <initializer_list>
#include <map>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace tfm {

enum class Stage { readiness, development, embedding, sustaining };
inline constexpr std::array<Stage, 4> all_stages = {Stage::readiness, Stage::development,
                                                    Stage::embedding, Stage::sustaining};
enum class Phase { primary, secondary, all_through, special };
enum class Ofsted { outstanding, good, requires_improvement, inadequate, none };
enum class StaffRole : std::uint8_t { maths_lead, teacher, headteacher, assistant_head, teaching_assistant };
enum class LeadRole { specialist, readiness_lead };
enum class MemberStatus : std::uint8_t { enrolled, completed, withdrawn };
enum class SessionType : std::uint8_t { meeting, visit, audit_visit, cpd };
enum class Mode : std::uint8_t { in_person, online };
enum class Audience : std::uint8_t { all, maths_leads, teachers };
enum class BigIdea { coherence, representation_structure, mathematical_thinking, fluency, variation };

// Names as written in the records, in enum order: for parsing, messages, schema and output.
template <class E>
const std::vector<std::string_view>& enum_names();
template <> const std::vector<std::string_view>& enum_names<Stage>();
template <> const std::vector<std::string_view>& enum_names<Phase>();
template <> const std::vector<std::string_view>& enum_names<Ofsted>();
template <> const std::vector<std::string_view>& enum_names<StaffRole>();
template <> const std::vector<std::string_view>& enum_names<LeadRole>();
template <> const std::vector<std::string_view>& enum_names<MemberStatus>();
template <> const std::vector<std::string_view>& enum_names<SessionType>();
template <> const std::vector<std::string_view>& enum_names<Mode>();
template <> const std::vector<std::string_view>& enum_names<Audience>();
template <> const std::vector<std::string_view>& enum_names<BigIdea>();

template <class E>
std::string_view name_of(E value) {
    return enum_names<E>()[std::size_t(value)];
}

template <class E>
std::optional<E> parse_enum(std::string_view text) {
    const auto& names = enum_names<E>();
    for (std::size_t i = 0; i < names.size(); ++i)
        if (names[i] == text) return E(i);
    return std::nullopt;
}

// Year groups R, Y1 … Y13 as 0 … 13.
using YearGroup = int;
std::string year_group_name(YearGroup g);

using Urn = int;

// A set of small values (year groups 0 … 13, Big Ideas) held as bits. The records list
// them, but their order and repeats mean nothing, and a set costs two bytes where a
// vector costs a pointer triple and an allocation on each of a national tree's records.
template <class T>
class SmallSet {
public:
    SmallSet() = default;
    SmallSet(std::initializer_list<T> values) {
        for (T v : values) insert(v);
    }
    void insert(T value) { bits_ = std::uint16_t(bits_ | bit(value)); }
    bool contains(T value) const { return (bits_ & bit(value)) != 0; }
    bool empty() const { return bits_ == 0; }
    friend bool operator==(SmallSet, SmallSet) = default;

private:
    static std::uint16_t bit(T value) { return std::uint16_t(1u << unsigned(value)); }
    std::uint16_t bits_ = 0;
};

// ---- hub -------------------------------------------------------------------------------

struct StageRules {
    int meetings = 6;
    int visits = 3;
    int participants = 2;
};

// hub.rules, with every default of SPEC section 4.
struct RuleSettings {
    int cohort_size_min = 4;
    int cohort_size_max = 8;
    int lead_load = 2;
    double completion = 0.67;
    int meeting_gap_min_weeks = 3;
    int meeting_gap_max_weeks = 8;
    // requires[s] is the stage that must come before stage s, if any.
    std::array<std::optional<Stage>, 4> requires_stage = {std::nullopt, std::nullopt,
                                                          Stage::development, Stage::embedding};
    std::array<StageRules, 4> stages = {StageRules{6, 3, 2}, StageRules{6, 3, 2},
                                        StageRules{6, 3, 2}, StageRules{6, 0, 1}};
    RuleSet off;  // rules the hub switched off for its own records
    SmallSet<GapKind> gaps_off;  // `gaps/<kind>` in hub.rules.off: kinds left out of `gaps`

    const StageRules& stage(Stage s) const { return stages[std::size_t(s)]; }
    bool is_off(RuleId rule) const { return off.contains(rule); }
    bool is_off(GapKind kind) const { return gaps_off.contains(kind); }
};

struct Target {
    Phase phase = Phase::primary;
    double percent = 0;
    AcademicYear by;
    Pos pos;
};

struct Term {
    std::string name;
    Date start;
    Date end;
};

struct Hub {
    std::string name;
    std::vector<std::string> areas;
    std::vector<Date> closed;  // days to plan nothing on, besides England's bank holidays
    std::map<Phase, int> population;
    std::vector<Target> targets;
    std::map<AcademicYear, std::vector<Term>> terms;
    RuleSettings rules;
    std::map<std::string, std::vector<double>> bands;  // fsm, eal, ehcp cut points
    int directory = 0;  // which data directory (-C) it belongs to
    Pos pos;

    // The hub's spelling of `area` (compared as names are: `kirklees ` is Kirklees), or null
    // when it is not one of the hub's areas.
    const std::string* area_named(std::string_view area) const;
};

// The cut points used when hub.bands does not give them.
std::vector<double> default_bands(std::string_view dimension);

// ---- school ----------------------------------------------------------------------------

// A school's staff list is the longest list of people a tree holds: names and emails are
// views into the Records' pools (loaded) or literals.
struct StaffMember {
    std::string_view name;
    StaffRole role = StaffRole::teacher;
    SmallSet<YearGroup> year_groups;
    Pos pos;
    std::string_view email;
    std::optional<Date> from;  // joined the school's staff (optional)
    std::optional<Date> left;  // left it (optional)

    // A former member of staff as of `as_of`: `left` on or before it (SPEC section 2).
    bool is_former(Date as_of) const { return left && *left <= as_of; }
    // Whether they were on the staff on `d`: not before `from`, not after `left` (a member
    // is still there on the day they leave).
    bool on_staff(Date d) const { return !(from && d < *from) && !(left && *left < d); }
};

struct HistoryEntry {
    Stage stage = Stage::development;
    AcademicYear year;
    std::string lead;  // optional
    Pos pos;
    Pos lead_pos;
};

struct School {
    Urn urn = 0;
    std::string name;
    Phase phase = Phase::primary;
    std::string area;
    std::optional<Ofsted> ofsted;
    std::optional<Date> ofsted_date;
    std::optional<double> fsm, eal, ehcp;
    std::string trust;
    std::string email;
    // URNs of the establishments this one replaced (e.g. on academy conversion), with the
    // position of each: its journey includes theirs (SPEC sections 2 and 5).
    std::vector<Urn> predecessors;
    std::vector<Pos> predecessor_pos;
    bool has_staff = false;  // `staff` given (even empty): participants are checked against it
    std::vector<StaffMember> staff;
    std::vector<HistoryEntry> history;
    int directory = 0;
    Pos pos;       // the record
    Pos urn_pos;
    Pos area_pos;

    // Whether `person` is on the staff list, names compared as names are (same_name).
    bool has_staff_member(std::string_view person) const;
    // The staff member called `person` (compared as names are), or null.
    const StaffMember* staff_member(std::string_view person) const;
};

// ---- lead ------------------------------------------------------------------------------

struct Lead {
    std::string id;
    std::string name;
    LeadRole role = LeadRole::specialist;
    std::optional<Urn> school;
    std::optional<AcademicYear> trained;
    std::string email;
    int directory = 0;
    Pos pos;
    Pos id_pos;
    Pos school_pos;
};

// ---- cohort ----------------------------------------------------------------------------

// Participants' names and positions are in the Records' pools (loaded; see Session).
struct Member {
    PooledList<std::string_view> participants;
    PooledList<Pos> participant_pos;  // one per participant
    Urn urn = 0;
    MemberStatus status = MemberStatus::enrolled;
    std::optional<Date> joined_on;     // a school that joined after the cohort's first meetings
    std::optional<Date> withdrawn_on;
    std::string_view reason;  // why it withdrew (optional; in the Records' pools)
    Pos pos;
    Pos participants_pos;
};

// An agenda item, of a log or of a meeting's published agenda.
struct AgendaItem {
    std::string_view item;  // in the Records' pools (loaded) or a literal
    std::optional<TimeOfDay> at;
    std::optional<int> minutes;
    LinePos pos;            // in the file of the session or cohort that holds it
    SmallSet<YearGroup> year_groups;
    Audience audience = Audience::all;
};

// A time of day from start to end ("13:00"–"16:00"), e.g. a cohort's usual meeting time.
struct TimeSpan {
    TimeOfDay start;
    TimeOfDay end;
    Pos pos;
};

struct PlannedVisit {
    Urn urn = 0;
    Date date;
    std::optional<TimeOfDay> start, end;
    Pos pos;
    LinePos urn_pos;  // these two in the file of `pos`
    LinePos date_pos;
};

// A planned meeting: a bare date, or a mapping that gives its time, place and agenda.
// Its agenda and venue are in the Records' pools (loaded; see Session).
struct PlannedMeeting {
    PooledList<AgendaItem> agenda;        // published before the meeting
    std::string_view venue;               // default: the cohort's venue
    Date date;
    std::optional<TimeOfDay> start, end;  // default: the cohort's meeting_time
    Pos pos;       // the item
    Pos date_pos;
    Pos start_pos;
    std::optional<Mode> mode;             // default: in person
    bool has_agenda = false;
};

struct Cohort {
    std::string id;
    std::string name;
    Stage stage = Stage::development;
    AcademicYear year;
    std::string lead;
    Phase phase = Phase::primary;
    std::optional<int> weekday;  // 0 = Monday
    std::optional<TimeSpan> meeting_time;  // default time of its meetings
    std::string venue;                     // default place of its meetings
    std::string online;                    // link for online meetings: http(s) only
    Pos online_pos;
    std::vector<Member> schools;
    std::vector<PlannedMeeting> meetings;
    std::vector<PlannedVisit> visits;
    int directory = 0;
    Pos pos;
    Pos id_pos;
    Pos lead_pos;
    Pos schools_pos;
    Pos meetings_pos;

    const Member* member(Urn urn) const;
    // A planned meeting's own time, place and mode, else the cohort's defaults.
    std::optional<TimeOfDay> start_of(const PlannedMeeting& m) const;
    std::optional<TimeOfDay> end_of(const PlannedMeeting& m) const;
    std::string_view venue_of(const PlannedMeeting& m) const;
    Mode mode_of(const PlannedMeeting& m) const;
};

// Whether an agenda has an item with a time (so a teacher can join just their part).
bool has_timed_item(std::span<const AgendaItem> agenda);

// ---- session ---------------------------------------------------------------------------

// Held in the Records' pools (loaded) like the lists below: texts are views into them.
struct Observation {
    std::optional<YearGroup> year_group;
    std::string_view unit;
    std::optional<int> lesson;
    std::string_view taught_by;
    Pos pos;
    Pos taught_by_pos;
};

struct Present {
    std::string_view name;  // in the Records' pools (loaded) or a literal
    LinePos pos;            // in the session's file
};

struct Attendance {
    Attendance() = default;
    Attendance(Urn u, PooledList<Present> names, Pos at) : present(names), urn(u), pos(at) {}

    PooledList<Present> present;  // [] when the school was absent
    Urn urn = 0;                  // (after the list: 32 bytes, not 40)
    Pos pos;                      // the URN key
};

// A session's lists, observation and cohort id are in the Records' pools (loaded, or the
// pool of an InternInto while one is built): a Session must not outlive them.
struct Session {
    // (Members ordered by size, so the 68,000 sessions of a half-national tree carry no padding.)
    std::string_view cohort;
    // Most logs are visits without one: kept out of line, shared by copies.
    const Observation* observation = nullptr;
    PooledList<AgendaItem> agenda;
    PooledList<Attendance> attendance;
    Date date;
    std::optional<Urn> school;
    std::optional<TimeOfDay> start, end;
    int directory = 0;
    // `notes` and `gap_task` are checked (they must be text) but not kept: no command
    // reads free text, and on a national tree it is a fifth of the YAML.
    Pos pos;
    LinePos cohort_pos;  // these three in the file of `pos`
    LinePos date_pos;
    LinePos school_pos;
    SessionType type = SessionType::meeting;
    std::optional<Mode> mode;
    SmallSet<BigIdea> focus;
    bool has_agenda = false;
    bool has_attendance = false;

    bool is_visit() const { return type == SessionType::visit || type == SessionType::audit_visit; }
    const Attendance* attendance_of(Urn urn) const;
};

// ---- the whole tree --------------------------------------------------------------------

struct SourceFile {
    std::string path;     // as shown in diagnostics: relative to its data directory
    std::string full_path;
    int directory = 0;
    bool is_folder = false;  // the data directory itself, for findings about the whole tree
};

// Every record that loaded without an error, in file order, plus the ids of records that
// were defined but left out because of an error (so references to them are not "unknown").
struct Records {
    std::vector<std::string> directories;
    std::vector<SourceFile> files;
    // The text and lists that records' views and PooledLists point into, one pool per
    // loading thread: a record copied out of Records must not outlive them.
    std::vector<std::shared_ptr<const StringPool>> pools;
    std::vector<Hub> hubs;  // at most one per directory that loaded
    std::vector<School> schools;
    std::vector<Lead> leads;
    std::vector<Cohort> cohorts;
    Chunked<Session> sessions;  // each file's logs as read: never copied to merge them
    std::vector<Offer> offers;  // offer.h

    // Files that did not load (bad bytes, YAML syntax), with their text: a reference to an
    // id found there is a note naming the file, not an error of its own (SPEC section 3).
    struct UnloadedFile {
        int file = 0;  // index into files
        std::string text;
    };
    std::vector<UnloadedFile> unloaded_files;

    std::vector<Urn> broken_schools;
    std::vector<std::string> broken_leads;
    std::vector<std::string> broken_cohorts;
    int records_seen = 0;  // every record, loaded or not, for the summary

    // The hub whose rules apply to a record of this data directory (defaults if none).
    const Hub* hub_of(int directory) const;
    const RuleSettings& rules_of(int directory) const;
    // The first file that did not load whose text holds `id` as a word, or null.
    const SourceFile* unloaded_file_holding(std::string_view id) const;
    // The cohorts of a year, by id.
    std::vector<const Cohort*> cohorts_of_year(AcademicYear year) const;
};

}  // namespace tfm
