#include "tfm/model/record_format.h"

#include "field_binding.h"
#include "tfm/model/model.h"

#include <memory>
#include <new>
#include <stdexcept>

namespace tfm {
namespace {

template <class E>
std::vector<std::string_view> values_of() {
    return enum_names<E>();
}

std::vector<std::string_view> weekdays() {
    return {"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"};
}

std::vector<std::string_view> year_groups() {
    return {"R", "Y1", "Y2", "Y3", "Y4", "Y5", "Y6", "Y7", "Y8", "Y9", "Y10", "Y11", "Y12", "Y13"};
}

// Builds one FieldSpec: `Field("urn", T::urn, "…").required().to<&School::urn>()`.
class Field {
public:
    Field(std::string_view name, FieldType type, std::string_view description) {
        f_.name = name;
        f_.type = type;
        f_.required = false;
        f_.description = description;
        f_.noun = name;
        if (type == FieldType::percent) range(0, 100).noun("a percentage");
        if (type == FieldType::share) range(0, 1);
    }
    operator FieldSpec() const { return f_; }

    Field& required() { return f_.required = true, *this; }
    Field& values(std::vector<std::string_view> values) {
        return f_.values = std::move(values), *this;
    }
    Field& record(std::string_view name) { return f_.record = name, *this; }
    Field& map(FieldType value, std::string_view key_pattern = {}) {
        f_.map_value = value;
        f_.map_key_pattern = key_pattern;
        return *this;
    }
    // How messages name a value, when not by the field's name.
    Field& noun(std::string_view noun) { return f_.noun = noun, *this; }
    Field& range(double min, double max) {
        f_.min = min;
        f_.max = max;
        return *this;
    }

    // A value into member M.
    template <auto M>
    Field& to() {
        return f_.bind.store = detail::store_value<M>, *this;
    }
    // Each item of a list into the vector or set M.
    template <auto M>
    Field& each() {
        f_.bind.store = detail::store_item<M>;
        using Member = typename detail::member_traits<decltype(M)>::type;
        if constexpr (requires(Member m) { m.reserve(1); }) f_.bind.reserve = detail::reserve_items<M>;
        return *this;
    }
    // A sub-record into member M, or each of a list of them appended to the vector M.
    template <auto M>
    Field& into() {
        return f_.bind.open = detail::open_member<M>, *this;
    }
    template <auto M>
    Field& items() {
        f_.bind.open = detail::open_item<M>;
        f_.bind.reserve = detail::reserve_items<M>;
        return *this;
    }
    // Where the value was given, into the Pos member M; whether the key was, into the bool M.
    template <auto M>
    Field& at() {
        return f_.bind.at = detail::mark_position<M>, *this;
    }
    template <auto M>
    Field& given() {
        return f_.bind.given = detail::mark_given<M>, *this;
    }
    // Bindings no member pointer describes.
    Field& store(void (*fn)(void*, FieldValue&, Pos)) { return f_.bind.store = fn, *this; }
    Field& open(void* (*fn)(void*, Pos)) { return f_.bind.open = fn, *this; }
    Field& reserve(void (*fn)(void*, std::size_t)) { return f_.bind.reserve = fn, *this; }

private:
    FieldSpec f_;
};

template <class Record>
RecordSpec kind(std::string_view name, std::string_view noun, std::string_view description,
                std::vector<FieldSpec> fields) {
    return RecordSpec{name, description, std::move(fields), noun, &typeid(Record)};
}

// Free text that is checked (it must be text) but not kept: see Session.
void discard(void*, FieldValue&, Pos) {}

// Attendees and participants keep each name's position for the findings about them.
void add_participant(void* record, FieldValue& v, Pos at) {
    auto& m = *static_cast<Member*>(record);
    m.participants.push_back(intern(std::get<std::string>(v)));
    m.participant_pos.push_back(at);
}

void reserve_participants(void* record, std::size_t n) {
    auto& m = *static_cast<Member*>(record);
    m.participants.reserve(n);
    m.participant_pos.reserve(n);
}

// A school's predecessors keep each URN's position for ref/predecessor.
void add_predecessor(void* record, FieldValue& v, Pos at) {
    auto& s = *static_cast<School*>(record);
    s.predecessors.push_back(Urn(std::get<long long>(v)));
    s.predecessor_pos.push_back(at);
}

// Most logs have no observation: it is held out of line (see Session).
void* open_observation(void* record, Pos at) {
    auto* o = ::new (pool_allocate(sizeof(Observation), alignof(Observation))) Observation{};
    o->pos = at;
    static_cast<Session*>(record)->observation = o;
    return o;
}

RecordSpec hub_format() {
    using T = FieldType;
    return kind<Hub>("hub", "hub", "The hub: exactly one in each data directory.", {
        Field("name", T::string, "Name of the Maths Hub.").required().to<&Hub::name>(),
        Field("areas", T::string_list, "Local authorities the hub covers.").each<&Hub::areas>(),
        Field("closed", T::date_list,
              "Days to plan nothing on, besides England's bank holidays (which plan knows).")
            .each<&Hub::closed>(),
        Field("population", T::map,
              "Schools in the hub's area by phase, for coverage (phase: count).")
            .values(values_of<Phase>()).map(T::integer),
        Field("targets", T::record_list, "Engagement targets.")
            .record("hub.targets[]").items<&Hub::targets>(),
        Field("terms", T::map,
              "Half-term dates by academic year (2021/22: [{name, start, end}, …]).")
            .record("hub.terms[]").map(T::record_list, "^[0-9]{4}[/-][0-9]{2}$"),
        Field("rules", T::record, "Rule settings; every value has a default.").record("hub.rules"),
        Field("bands", T::map,
              "Cut points for the characteristics tables (fsm, eal, ehcp: [numbers]).")
            .values({"fsm", "eal", "ehcp"}).map(T::number_list),
    });
}

RecordSpec school_format() {
    using T = FieldType;
    return kind<School>("school", "school", "A school (keyed by its URN).", {
        Field("urn", T::urn, "Unique Reference Number: six digits.")
            .required().to<&School::urn>().at<&School::urn_pos>(),
        Field("name", T::string, "The school's name.").required().to<&School::name>(),
        Field("phase", T::enumeration, "Phase of education.")
            .required().values(values_of<Phase>()).to<&School::phase>(),
        Field("area", T::string, "Local authority; one of hub.areas.").required().to<&School::area>().at<&School::area_pos>(),
        Field("ofsted", T::enumeration, "Last single-word Ofsted grade.")
            .values(values_of<Ofsted>()).noun("Ofsted grade").to<&School::ofsted>(),
        Field("ofsted_date", T::date, "Date of that inspection.").to<&School::ofsted_date>(),
        Field("fsm", T::percent, "% of pupils eligible for free school meals.").to<&School::fsm>(),
        Field("eal", T::percent, "% of pupils with English as an additional language.")
            .to<&School::eal>(),
        Field("ehcp", T::percent, "% of pupils with an EHC plan.").to<&School::ehcp>(),
        Field("trust", T::string, "Multi-academy trust.").to<&School::trust>(),
        Field("email", T::string, "The school's contact address.").to<&School::email>(),
        Field("predecessor", T::urn_list,
              "URN (or list of URNs) of the establishment(s) this one replaced, e.g. on academy "
              "conversion: its journey includes theirs.")
            .store(add_predecessor),
        Field("staff", T::record_list, "Staff who take part; names are unique within the school.")
            .record("school.staff[]").given<&School::has_staff>(),
        Field("history", T::record_list, "Engagement from before the records began.")
            .record("school.history[]").items<&School::history>(),
    });
}

RecordSpec lead_format() {
    using T = FieldType;
    return kind<Lead>("lead", "lead", "A Mastery Specialist or the hub's Readiness Lead.", {
        Field("id", T::id, "Unique id: [a-z0-9][a-z0-9_-]*.")
            .required().noun("lead id").to<&Lead::id>().at<&Lead::id_pos>(),
        Field("name", T::string, "The lead's name.").required().to<&Lead::name>(),
        Field("role", T::enumeration, "Role.")
            .required().values(values_of<LeadRole>()).to<&Lead::role>(),
        Field("school", T::urn, "URN of the lead's own school.")
            .to<&Lead::school>().at<&Lead::school_pos>(),
        Field("trained", T::year, "Academic year of specialist training.").to<&Lead::trained>(),
        Field("email", T::string, "Email address.").to<&Lead::email>(),
    });
}

RecordSpec cohort_format() {
    using T = FieldType;
    return kind<Cohort>("cohort", "cohort", "A Work Group: one stage, one academic year, one lead.", {
        Field("id", T::id, "Unique id.")
            .required().noun("cohort id").to<&Cohort::id>().at<&Cohort::id_pos>(),
        Field("name", T::string, "A readable name.").to<&Cohort::name>(),
        Field("stage", T::enumeration, "Programme stage.")
            .required().values(values_of<Stage>()).to<&Cohort::stage>(),
        Field("year", T::year, "Academic year, e.g. 2021/22.").required().to<&Cohort::year>(),
        Field("lead", T::id, "Id of the lead.")
            .required().noun("lead id").to<&Cohort::lead>().at<&Cohort::lead_pos>(),
        Field("phase", T::enumeration, "Phase (default primary).")
            .values(values_of<Phase>()).to<&Cohort::phase>(),
        Field("weekday", T::enumeration, "Usual meeting day, used by plan.")
            .values(weekdays()).to<&Cohort::weekday>(),
        Field("meeting_time", T::record, "Default time of its meetings {start, end}.")
            .record("cohort.meeting_time").into<&Cohort::meeting_time>(),
        Field("venue", T::string, "Default place of its meetings.").to<&Cohort::venue>(),
        Field("online", T::string, "Link for online meetings (http or https).")
            .to<&Cohort::online>().at<&Cohort::online_pos>(),
        Field("schools", T::record_list, "Member schools.")
            .required().record("cohort.schools[]").at<&Cohort::schools_pos>(),
        Field("meetings", T::dated_list,
              "Planned meetings: each a date, or a mapping with its date, time, venue, mode "
              "and published agenda.")
            .record("cohort.meetings[]").items<&Cohort::meetings>().at<&Cohort::meetings_pos>(),
        Field("visits", T::record_list, "Planned school visits.")
            .record("cohort.visits[]").items<&Cohort::visits>(),
    });
}

RecordSpec session_format() {
    using T = FieldType;
    return kind<Session>("session", "session", "The log of a meeting or visit that took place.", {
        Field("cohort", T::id, "Id of the cohort.")
            .required().noun("cohort id").to<&Session::cohort>().at<&Session::cohort_pos>(),
        Field("date", T::date, "Date it took place.")
            .required().to<&Session::date>().at<&Session::date_pos>(),
        Field("type", T::enumeration, "Kind of session.")
            .required().values(values_of<SessionType>()).noun("session type").to<&Session::type>(),
        Field("school", T::urn, "The school visited (required for visits).")
            .to<&Session::school>().at<&Session::school_pos>(),
        Field("mode", T::enumeration, "In person or online.")
            .values(values_of<Mode>()).to<&Session::mode>(),
        Field("start", T::time, "Start time, \"HH:MM\".").to<&Session::start>(),
        Field("end", T::time, "End time, \"HH:MM\".").to<&Session::end>(),
        Field("focus", T::enum_list, "Big Ideas the session focused on.")
            .values(values_of<BigIdea>()).noun("Big Idea").each<&Session::focus>(),
        Field("observation", T::record, "The observed lesson.")
            .record("session.observation").open(open_observation),
        Field("agenda", T::record_list, "Timed agenda items.")
            .record("session.agenda[]").items<&Session::agenda>().given<&Session::has_agenda>(),
        Field("attendance", T::map, "URN -> names present; [] means the school was absent.")
            .map(T::string_list, "^[1-9][0-9]{5}$").given<&Session::has_attendance>(),
        Field("gap_task", T::string, "Task set for before the next meeting.").store(discard),
        Field("notes", T::string, "Free text.").store(discard),
    });
}

RecordSpec offer_format() {
    using T = FieldType;
    return kind<Offer>("offer", "offer", "What a school was offered for a coming year, and its answer.", {
        Field("urn", T::urn, "URN of the school.").required().to<&Offer::urn>().at<&Offer::urn_pos>(),
        Field("stage", T::enumeration, "The stage offered.")
            .required().values(values_of<Stage>()).to<&Offer::stage>().at<&Offer::stage_pos>(),
        Field("year", T::year, "The academic year it is for, e.g. 2027/28.").required().to<&Offer::year>(),
        Field("status", T::enumeration, "Where it stands: offered, accepted, declined or no_reply.")
            .required().values(values_of<OfferStatus>()).noun("offer status").to<&Offer::status>(),
        Field("on", T::date, "Date of the offer, or of the school's answer.").required().to<&Offer::on>(),
        Field("reason", T::string, "Why (optional; usually with declined).").to<&Offer::reason>(),
    });
}

RecordSpec target_format() {
    using T = FieldType;
    return kind<Target>("hub.targets[]", "a target", "An engagement target.", {
        Field("phase", T::enumeration, "Phase.")
            .required().values(values_of<Phase>()).to<&Target::phase>(),
        Field("percent", T::percent, "Share of the population to engage.")
            .required().to<&Target::percent>(),
        Field("by", T::year, "Academic year to reach it by.").required().to<&Target::by>(),
    });
}

RecordSpec term_format() {
    using T = FieldType;
    return kind<Term>("hub.terms[]", "a term", "A half-term.", {
        Field("name", T::string, "Name, e.g. Autumn 1.").required().to<&Term::name>(),
        Field("start", T::date, "First day.").required().to<&Term::start>(),
        Field("end", T::date, "Last day.").required().to<&Term::end>(),
    });
}

RecordSpec rules_format() {
    using T = FieldType;
    return kind<RuleSettings>("hub.rules", "hub.rules", "Rule settings.", {
        Field("cohort_size", T::record, "Schools per cohort {min, max}.").record("hub.rules.range"),
        Field("lead_load", T::integer, "Cohorts one lead may lead in a year.")
            .range(0, 100).to<&RuleSettings::lead_load>(),
        Field("completion", T::share, "Share of logged meetings a school must attend to complete.")
            .to<&RuleSettings::completion>(),
        Field("meeting_gap_weeks", T::record, "Weeks between consecutive meetings {min, max}.")
            .record("hub.rules.range"),
        Field("requires", T::map, "Stage -> the stage that must come before it.")
            .values(values_of<Stage>()).map(T::enumeration),
        Field("stages", T::map, "Stage -> {meetings, visits, participants} expected.")
            .values(values_of<Stage>()).record("hub.rules.stage").map(T::record),
        Field("off", T::string_list, "Rule names to switch off, and `gaps/<kind>` to leave a kind out of `tfm gaps`."),
    });
}

// Named by the field that holds it (cohort_size, meeting_gap_weeks): no noun of its own.
RecordSpec range_format() {
    using T = FieldType;
    return kind<RangeSetting>("hub.rules.range", "", "A range.", {
        Field("min", T::integer, "Least.").range(0, 1000).to<&RangeSetting::min>(),
        Field("max", T::integer, "Most.").range(0, 1000).to<&RangeSetting::max>(),
    });
}

RecordSpec stage_rules_format() {
    using T = FieldType;
    return kind<StageRules>("hub.rules.stage", "a stage's settings", "What a stage expects.", {
        Field("meetings", T::integer, "Meetings a year.").range(0, 100).to<&StageRules::meetings>(),
        Field("visits", T::integer, "Visits per school a year.").range(0, 100).to<&StageRules::visits>(),
        Field("participants", T::integer, "Participants per school.")
            .range(0, 100).to<&StageRules::participants>(),
    });
}

RecordSpec staff_member_format() {
    using T = FieldType;
    return kind<StaffMember>("school.staff[]", "a member of staff", "A member of staff.", {
        Field("name", T::string, "Name, unique within the school.").required().to<&StaffMember::name>(),
        Field("role", T::enumeration, "Role.").values(values_of<StaffRole>()).to<&StaffMember::role>(),
        Field("year_groups", T::enum_list, "Year groups taught.")
            .values(year_groups()).noun("year group").each<&StaffMember::year_groups>(),
        Field("email", T::string, "Email address.").to<&StaffMember::email>(),
        Field("from", T::date, "Date they joined the school's staff.").to<&StaffMember::from>(),
        Field("left", T::date, "Date they left: on or before --as-of, a former member of staff.")
            .to<&StaffMember::left>(),
    });
}

RecordSpec history_entry_format() {
    using T = FieldType;
    return kind<HistoryEntry>("school.history[]", "a history entry",
                               "An engagement from before the records began.", {
        Field("stage", T::enumeration, "Stage.")
            .required().values(values_of<Stage>()).to<&HistoryEntry::stage>(),
        Field("year", T::year, "Academic year.").required().to<&HistoryEntry::year>(),
        Field("lead", T::id, "Id of the lead.")
            .noun("lead id").to<&HistoryEntry::lead>().at<&HistoryEntry::lead_pos>(),
    });
}

RecordSpec member_format() {
    using T = FieldType;
    return kind<Member>("cohort.schools[]", "a cohort's school", "A member school of a cohort.", {
        Field("urn", T::urn, "URN of the school.").required().to<&Member::urn>(),
        Field("participants", T::string_list, "Names of the participants.")
            .store(add_participant).reserve(reserve_participants).at<&Member::participants_pos>(),
        Field("joined_on", T::date, "Date a school joined a cohort that had already met (optional).")
            .to<&Member::joined_on>(),
        Field("status", T::enumeration, "Status (default enrolled).")
            .values(values_of<MemberStatus>()).to<&Member::status>(),
        Field("withdrawn_on", T::date, "Date the school withdrew.").to<&Member::withdrawn_on>(),
        Field("reason", T::string, "Why the school withdrew (optional).").to<&Member::reason>(),
    });
}

RecordSpec planned_visit_format() {
    using T = FieldType;
    return kind<PlannedVisit>("cohort.visits[]", "a planned visit", "A planned school visit.", {
        Field("urn", T::urn, "URN of the school.")
            .required().to<&PlannedVisit::urn>().at<&PlannedVisit::urn_pos>(),
        Field("date", T::date, "Planned date.")
            .required().to<&PlannedVisit::date>().at<&PlannedVisit::date_pos>(),
        Field("start", T::time, "Start time, \"HH:MM\".").to<&PlannedVisit::start>(),
        Field("end", T::time, "End time, \"HH:MM\".").to<&PlannedVisit::end>(),
    });
}

RecordSpec planned_meeting_format() {
    using T = FieldType;
    return kind<PlannedMeeting>("cohort.meetings[]", "a planned meeting",
                                "A planned meeting: its date alone, or a mapping that gives more.", {
        Field("date", T::date, "Planned date.")
            .required().to<&PlannedMeeting::date>().at<&PlannedMeeting::date_pos>(),
        Field("start", T::time, "Start time, \"HH:MM\" (default: the cohort's meeting_time).")
            .to<&PlannedMeeting::start>().at<&PlannedMeeting::start_pos>(),
        Field("end", T::time, "End time, \"HH:MM\" (default: the cohort's meeting_time).")
            .to<&PlannedMeeting::end>(),
        Field("venue", T::string, "Where it meets (default: the cohort's venue).")
            .to<&PlannedMeeting::venue>(),
        Field("mode", T::enumeration, "In person (default) or online (at the cohort's link).")
            .values(values_of<Mode>()).to<&PlannedMeeting::mode>(),
        Field("agenda", T::record_list, "The agenda published before the meeting.")
            .record("session.agenda[]").items<&PlannedMeeting::agenda>()
            .given<&PlannedMeeting::has_agenda>(),
    });
}

RecordSpec meeting_time_format() {
    using T = FieldType;
    return kind<TimeSpan>("cohort.meeting_time", "meeting_time", "A time of day from start to end.", {
        Field("start", T::time, "Start time, \"HH:MM\".").required().to<&TimeSpan::start>(),
        Field("end", T::time, "End time, \"HH:MM\".").required().to<&TimeSpan::end>(),
    });
}

RecordSpec observation_format() {
    using T = FieldType;
    return kind<Observation>("session.observation", "an observation", "The observed lesson.", {
        Field("year_group", T::enumeration, "Year group.")
            .values(year_groups()).noun("year group").to<&Observation::year_group>(),
        Field("unit", T::string, "Unit of work.").to<&Observation::unit>(),
        Field("lesson", T::integer, "Lesson n of the unit, in classroom order.")
            .range(1, 1000).to<&Observation::lesson>(),
        Field("taught_by", T::string,
              "Who taught it: a lead id, or the name of a lead, a participant or a member of staff.")
            .to<&Observation::taught_by>().at<&Observation::taught_by_pos>(),
    });
}

RecordSpec agenda_item_format() {
    using T = FieldType;
    return kind<AgendaItem>("session.agenda[]", "an agenda item", "An agenda item.", {
        Field("at", T::time, "Start time, \"HH:MM\".").to<&AgendaItem::at>(),
        Field("minutes", T::integer, "Length in minutes.").range(1, 24 * 60).to<&AgendaItem::minutes>(),
        Field("item", T::string, "What happens.").required().to<&AgendaItem::item>(),
        Field("year_groups", T::enum_list, "Year groups it concerns.")
            .values(year_groups()).noun("year group").each<&AgendaItem::year_groups>(),
        Field("audience", T::enumeration, "Who it is for (default all).")
            .values(values_of<Audience>()).to<&AgendaItem::audience>(),
    });
}

std::vector<RecordSpec> build_specs() {
    // Top-level kinds first, in RecordKind order.
    std::vector<RecordSpec> s = {
        hub_format(),        school_format(),       lead_format(),          cohort_format(),
        session_format(),    offer_format(),        target_format(),       term_format(),          rules_format(),
        range_format(),      stage_rules_format(),  staff_member_format(),  history_entry_format(),
        member_format(),     planned_visit_format(), observation_format(),  agenda_item_format(),
        planned_meeting_format(), meeting_time_format(),
    };
    // Link each record field to its spec, now that the vector no longer moves.
    for (auto& r : s) {
        if (r.fields.size() > max_fields)
            throw std::logic_error("record " + std::string(r.name) + " has more than max_fields");
        for (auto& f : r.fields)
            if (f.type == FieldType::record || f.type == FieldType::record_list ||
                f.type == FieldType::dated_list)
                for (const auto& target : s)
                    if (target.name == f.record) f.sub = &target;
    }
    return s;
}

}  // namespace

std::vector<std::string_view> RecordSpec::field_names() const {
    std::vector<std::string_view> out;
    for (const auto& f : fields) out.push_back(f.name);
    return out;
}

std::size_t RecordSpec::index_of(std::string_view field) const {
    for (std::size_t i = 0; i < fields.size(); ++i)
        if (fields[i].name == field) return i;
    throw std::logic_error("record " + std::string(name) + " has no field " + std::string(field));
}

const std::vector<RecordSpec>& record_specs() {
    static const std::vector<RecordSpec> specs = build_specs();
    return specs;
}

const RecordSpec& record_spec(std::string_view name) {
    for (const auto& s : record_specs())
        if (s.name == name) return s;
    throw std::logic_error("no record spec named " + std::string(name));
}

const RecordSpec& record_spec(RecordKind kind) { return record_specs()[std::size_t(kind)]; }

const std::vector<TopLevelKey>& top_level_keys() {
    using K = RecordKind;
    static const std::vector<TopLevelKey> keys = {
        {"hub", K::hub, false},         {"school", K::school, false},
        {"schools", K::school, true},   {"lead", K::lead, false},
        {"leads", K::lead, true},       {"cohort", K::cohort, false},
        {"cohorts", K::cohort, true},   {"session", K::session, false},
        {"sessions", K::session, true}, {"offer", K::offer, false},
        {"offers", K::offer, true},
    };
    return keys;
}

}  // namespace tfm
