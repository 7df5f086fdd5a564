#include "reader.h"

#include "tfm/base/untrusted_text.h"

#include <fmt/format.h>

#include <map>

namespace tfm::detail {
namespace {

// A school is a member of a cohort once.
void read_members(Reader& r, void* record, NodeId list) {
    static const RecordSpec& spec = record_spec("cohort.schools[]");
    static const std::size_t urn_field = spec.index_of("urn");
    auto& cohort = *static_cast<Cohort*>(record);
    std::map<Urn, NodeId> seen;
    const auto& items = r.items(list, "schools");
    cohort.schools.reserve(items.size());
    for (NodeId item : items) {
        auto f = r.fields(item, spec);
        if (!f.ok) continue;
        Member& m = cohort.schools.emplace_back();
        m.pos = r.pos(item);
        if (!(r.read_fields(f, m) & (1u << urn_field))) continue;
        NodeId urn = f.values[urn_field];
        if (auto it = seen.find(m.urn); it != seen.end())
            r.error(RuleId::ref_duplicate_id, urn,
                    fmt::format("school {} is listed twice in this cohort (first on line {})",
                                m.urn, r.pos(it->second).line));
        else
            seen.emplace(m.urn, urn);
    }
}

// A time from start to end must end after it starts.
void check_times(Reader& r, std::optional<TimeOfDay> start, std::optional<TimeOfDay> end, Pos at,
                 std::string_view what) {
    if (start && end && *end <= *start)
        r.error(RuleId::schema_type, at,
                fmt::format("{} ends ({}) {} it starts ({})", what, end->str(),
                            *end == *start ? "when" : "before", start->str()));
}

void check_planned_times(Reader& r, const Cohort& c) {
    if (c.meeting_time)
        check_times(r, c.meeting_time->start, c.meeting_time->end, c.meeting_time->pos,
                    "the cohort's meeting_time");
    for (const auto& m : c.meetings)
        check_times(r, m.start, m.end, m.pos,
                    fmt::format("the planned meeting on {}", m.date.str()));
    for (const auto& v : c.visits)
        check_times(r, v.start, v.end, v.pos,
                    fmt::format("the planned visit to {} on {}", v.urn, v.date.str()));
}

}  // namespace

void read_cohort(Reader& r, NodeId id) {
    static const RecordSpec& spec = record_spec(RecordKind::cohort);
    static const CustomFields custom(spec, {{"schools", read_members}});
    auto f = r.fields(id, spec);
    if (!f.ok) return;
    Cohort c;
    c.directory = r.directory();
    c.pos = r.pos(id);
    r.read_fields(f, c, &custom);
    check_planned_times(r, c);
    // The link goes into calendars, pages and tables as a live link: a web address only.
    if (!c.online.empty() && !is_web_link(c.online))
        r.error(RuleId::schema_type, c.online_pos,
                fmt::format("`online` must be a web link starting https:// (or http://), not {}; a calendar or "
                            "page would make it live",
                            quote_value(c.online)));
    if (r.broken()) {
        // Its id still counts as defined: references to it are not "unknown".
        if (!c.id.empty()) r.out().broken_cohorts.emplace_back(c.id, c.id_pos);
        return;
    }
    r.out().cohorts.push_back(std::move(c));
}

}  // namespace tfm::detail
