// ref/ rules: references that no record defines, people a school's staff list or a cohort's
// participants lack, and areas the hub does not cover.
#include "tfm/rules/rules.h"

#include "rule_helpers.h"

#include "tfm/base/text.h"
#include "tfm/base/untrusted_text.h"

#include <fmt/format.h>

#include <algorithm>
#include <cctype>
#include <optional>
#include <span>
#include <string>
#include <unordered_map>
#include <vector>

namespace tfm {
namespace {

constexpr RuleId unknown = RuleId::ref_unknown;
constexpr RuleId participant = RuleId::ref_participant;

// Written as a lead id would be ([a-z0-9][a-z0-9_-]*), not as a person's name.
bool looks_like_id(std::string_view text) {
    if (text.empty() || !(std::islower(static_cast<unsigned char>(text[0])) || std::isdigit(static_cast<unsigned char>(text[0]))))
        return false;
    return std::all_of(text.begin(), text.end(), [](char c) {
        auto u = static_cast<unsigned char>(c);
        return std::islower(u) || std::isdigit(u) || c == '_' || c == '-';
    });
}

// Everyone who may teach a session's observed lesson, by name: the leads (ids and names), the
// cohort's participants and the staff of its schools.
std::vector<std::string_view> teachers(const CheckContext& ctx, const Session& s) {
    std::vector<std::string_view> names;
    for (const auto& l : ctx.records.leads) {
        names.push_back(l.id);
        names.push_back(l.name);
    }
    if (const Cohort* c = ctx.index.cohort(s.cohort))
        for (const auto& m : c->schools) {
            names.insert(names.end(), m.participants.begin(), m.participants.end());
            if (const School* school = ctx.index.school(m.urn))
                for (const auto& st : school->staff) names.push_back(st.name);
        }
    return names;
}

// Whether the session's taught_by names a lead (by id or name), a participant of the cohort
// or a member of staff of one of its schools.
bool known_teacher(const CheckContext& ctx, const Session& s) {
    std::string_view who = s.observation->taught_by;
    if (ctx.index.lead(who)) return true;
    auto names = teachers(ctx, s);
    return std::any_of(names.begin(), names.end(), [&](std::string_view n) { return same_name(n, who); });
}

}  // namespace

std::map<Urn, Urn> member_slips(const CheckContext& ctx, const Cohort& c, const Defined& defined) {
    std::map<Urn, Urn> out;
    std::vector<std::string> named, all;  // strangers the cohort's plans and logs name; every school
    auto stranger = [&](Urn urn) {
        if (!c.member(urn) && defined.school(urn)) named.push_back(std::to_string(urn));
    };
    for (const auto& v : c.visits) stranger(v.urn);
    for (const Session* s : ctx.index.sessions_of(c.id)) {
        if (s->school) stranger(*s->school);
        for (const auto& a : s->attendance) stranger(a.urn);
    }
    for (const auto& m : c.schools) {
        if (defined.school(m.urn)) continue;
        std::vector<std::string_view> candidates(named.begin(), named.end());
        auto best = closest_match(std::to_string(m.urn), candidates, 1);
        if (!best) {
            if (all.empty())
                for (const auto& school : ctx.records.schools) all.push_back(std::to_string(school.urn));
            std::vector<std::string_view> every(all.begin(), all.end());
            best = closest_match(std::to_string(m.urn), every, 1);
        }
        if (best) out[m.urn] = Urn(std::stoi(*best));
    }
    return out;
}

// "; did you mean `jsmith`?" for an unknown id close to one that `records` define (each
// unknown id looked up once).
class IdHints {
public:
    template <typename Records>
    explicit IdHints(const Records& records) {
        for (const auto& r : records) ids_.push_back(r.id);
    }
    const std::string& operator()(std::string_view id) {
        auto [it, added] = hints_.try_emplace(std::string(id));
        if (added) {
            std::vector<std::string_view> candidates(ids_.begin(), ids_.end());
            it->second = did_you_mean(id, candidates);
        }
        return it->second;
    }

private:
    std::vector<std::string> ids_;
    std::unordered_map<std::string, std::string> hints_;
};

void check_ref_unknown(const CheckContext& ctx, Reporter& out) {
    const Defined defined(ctx);
    IdHints lead_hint(ctx.records.leads), cohort_hint(ctx.records.cohorts);
    // The cause first (SPEC section 3): an id found in a file that did not load is a note
    // naming that file, not an error of its own.
    // `hint` (a did-you-mean) is for an error only: a note already names the likely cause.
    auto report = [&](const auto& id, Pos pos, std::string message, const std::string& hint = "") {
        if (const SourceFile* f = ctx.records.unloaded_file_holding(fmt::format("{}", id)))
            out.report(unknown, Severity::note, pos,
                       fmt::format("{}; it may be defined in {}, which did not load", message, f->path));
        else
            out.report(unknown, Severity::error, pos, message + hint);
    };

    for (const auto& s : ctx.records.schools)
        for (const auto& h : s.history)
            if (!h.lead.empty() && !defined.lead(h.lead))
                report(h.lead, at(h.lead_pos, h.pos),
                           fmt::format("unknown lead {} in the history of school {}", h.lead,
                                       s.urn), lead_hint(h.lead));

    for (const auto& l : ctx.records.leads)
        if (l.school && !defined.school(*l.school))
            report(*l.school, at(l.school_pos, l.pos),
                       fmt::format("unknown school {} for lead {}", *l.school, l.id));

    for (const auto& c : ctx.records.cohorts) {
        if (!c.lead.empty() && !defined.lead(c.lead))
            report(c.lead, at(c.lead_pos, c.pos),
                       fmt::format("unknown lead {} for cohort {}", c.lead, c.id), lead_hint(c.lead));
        auto slips = member_slips(ctx, c, defined);
        for (const auto& m : c.schools)
            if (!defined.school(m.urn)) {
                std::string hint;
                if (auto it = slips.find(m.urn); it != slips.end())
                    if (const School* meant = ctx.index.school(it->second))
                        hint = fmt::format("; did you mean {} ({})?", meant->urn, meant->name);
                report(m.urn, at(m.pos, c.schools_pos), fmt::format("unknown school {} in cohort {}", m.urn, c.id),
                       hint);
            }
        for (const auto& v : c.visits)
            if (!defined.school(v.urn))
                report(v.urn, at(v.urn_pos, v.pos),
                           fmt::format("unknown school {} in a planned visit of cohort {}",
                                       v.urn, c.id));
    }

    // A session's own references are checked even when its cohort is broken: a wrong URN
    // is wrong whatever its cohort.
    for (const auto& s : ctx.records.sessions) {
        if (!defined.cohort(s.cohort))
            report(s.cohort, at(s.cohort_pos, s.pos),
                       fmt::format("unknown cohort {} for the session on {}", s.cohort,
                                   s.date.str()), cohort_hint(s.cohort));
        if (s.school && !defined.school(*s.school))
            report(*s.school, at(s.school_pos, s.pos),
                       fmt::format("unknown school {} for the session of {} on {}", *s.school,
                                   s.cohort, s.date.str()));
        for (const auto& a : s.attendance)
            if (!defined.school(a.urn))
                report(a.urn, at(a.pos, s.pos),
                           fmt::format("unknown school {} in the attendance of {} on {}",
                                       a.urn, s.cohort, s.date.str()));
        // taught_by is a lead id or a name (check_ref_participant); written as an id, it is
        // a lead id that no record defines.
        if (s.observation && looks_like_id(s.observation->taught_by) &&
            !defined.lead(s.observation->taught_by) && !known_teacher(ctx, s))
            report(s.observation->taught_by, at(s.observation->taught_by_pos, s.observation->pos),
                       fmt::format("unknown lead {} teaching the observed lesson of {} on {}",
                                   s.observation->taught_by, s.cohort, s.date.str()),
                       lead_hint(s.observation->taught_by));
    }

    for (const auto& o : ctx.records.offers)
        if (!defined.school(o.urn))
            report(o.urn, at(o.urn_pos, o.pos),
                   fmt::format("unknown school {} in an offer for {}", o.urn, o.year.str()));
}

namespace {

// "; did you mean `Amina Khan`?" when one of `names` is close to `name`, else empty.
template <typename Names, typename NameOf>
std::string did_you_mean(std::string_view name, const Names& names, NameOf name_of) {
    std::vector<std::string_view> candidates;
    for (const auto& n : names) candidates.push_back(name_of(n));
    return tfm::did_you_mean(name, candidates);
}

// Why a member of staff was not there at any time from `first` to `last` ("left on
// 2021-07-21", "joined on 2022-09-01"), or empty when they were (SPEC section 2: from, left).
std::string not_there(const StaffMember& m, Date first, Date last) {
    if (m.left && *m.left < first) return fmt::format("left on {}", m.left->str());
    if (m.from && last < *m.from) return fmt::format("joined on {}", m.from->str());
    return "";
}

// Whether `name` is one of `names` as same_name has it: the exact spelling is tried on
// every one before any is folded, and `name` is folded once (name_key and utf8proc were nearly
// half of the rules' time when each comparison folded both names).
bool among(std::span<const std::string_view> names, std::string_view name) {
    if (std::any_of(names.begin(), names.end(), [&](std::string_view n) { return n == name; })) return true;
    std::string key = name_key(name);
    return std::any_of(names.begin(), names.end(), [&](std::string_view n) { return name_key(n) == key; });
}

std::string staff_hint(std::string_view name, const School& school) {
    return did_you_mean(name, school.staff, [](const StaffMember& m) { return m.name; });
}

}  // namespace

void check_ref_participant(const CheckContext& ctx, Reporter& out) {
    const auto warn = Severity::warning;
    for (const auto& c : ctx.records.cohorts)
        for (const auto& m : c.schools) {
            const School* school = ctx.index.school(m.urn);
            if (!school || !school->has_staff) continue;
            for (std::size_t i = 0; i < m.participants.size(); ++i) {
                Pos p = i < m.participant_pos.size() ? m.participant_pos[i] : Pos{};
                if (const StaffMember* st = school->staff_member(m.participants[i])) {
                    // On the staff, but not at any time in the cohort's year.
                    std::string when = not_there(*st, c.year.first_day(), c.year.last_day());
                    if (!when.empty())
                        out.report(participant, warn, at(p, at(m.participants_pos, m.pos)),
                                   fmt::format("participant {} of cohort {} was not on the staff of school "
                                               "{} in {}: {}",
                                               m.participants[i], c.id, m.urn, c.year.str(), when));
                    continue;
                }
                out.report(participant, warn, at(p, at(m.participants_pos, m.pos)),
                           fmt::format("participant {} of cohort {} is not in the staff of "
                                       "school {}{}",
                                       m.participants[i], c.id, m.urn, staff_hint(m.participants[i], *school)));
            }
        }

    for (const auto& s : ctx.records.sessions) {
        const Cohort* cohort = ctx.index.cohort(s.cohort);
        for (const auto& a : s.attendance) {
            const School* school = ctx.index.school(a.urn);
            const Member* member = cohort ? cohort->member(a.urn) : nullptr;
            for (const Present& person : a.present) {
                std::string problem, hint;
                const StaffMember* st = school ? school->staff_member(person.name) : nullptr;
                std::string when = st ? not_there(*st, s.date, s.date) : "";
                if (school && school->has_staff && !st) {
                    problem = fmt::format("is not in the staff of school {}", a.urn);
                    hint = staff_hint(person.name, *school);
                } else if (!when.empty()) {
                    problem = fmt::format("was not on the staff of school {} then: {}", a.urn, when);
                } else if (member && !member->participants.empty() && !among(member->participants, person.name)) {
                    problem = fmt::format("is not among the participants of school {} in the cohort", a.urn);
                    hint = did_you_mean(person.name, member->participants, [](std::string_view p) { return p; });
                } else {
                    continue;
                }
                out.report(participant, warn, at(person.pos, at(a.pos, s.pos)),
                           fmt::format("attendee {} of {} on {} {}{}", person.name, s.cohort, s.date.str(),
                                       problem, hint));
            }
        }
        // taught_by written as a name (an id is check_ref_unknown's) that names nobody.
        if (!s.observation || s.observation->taught_by.empty() || looks_like_id(s.observation->taught_by) ||
            known_teacher(ctx, s))
            continue;
        std::string_view who = s.observation->taught_by;
        out.report(participant, warn, at(s.observation->taught_by_pos, s.observation->pos),
                   fmt::format("the observed lesson of {} on {} was taught by {}, who is not a lead, a "
                               "participant of the cohort or on the staff of its schools{}",
                               s.cohort, s.date.str(), who,
                               did_you_mean(who, teachers(ctx, s), [](std::string_view n) { return n; })));
    }
}

void check_ref_area(const CheckContext& ctx, Reporter& out) {
    for (const auto& s : ctx.records.schools) {
        const Hub* hub = ctx.records.hub_of(s.directory);
        if (!hub || hub->areas.empty() || hub->area_named(s.area)) continue;
        std::string hint = did_you_mean(s.area, hub->areas, [](const std::string& a) -> const std::string& { return a; });
        out.report(RuleId::ref_area, Severity::warning, at(s.area_pos, s.pos),
                   fmt::format("school {} is in the area {}, which is not one of the hub's areas ({}){}", s.urn,
                               quote_value(s.area), fmt::join(hub->areas, ", "), hint));
    }
}

namespace {

// The chain from `from` back to `target` through predecessors (`from` first), or empty when
// `target` is not among `from`'s predecessors, recursively.
std::vector<Urn> chain_to(const Index& index, Urn from, Urn target, std::vector<Urn>& seen) {
    if (from == target) return {from};
    if (std::find(seen.begin(), seen.end(), from) != seen.end()) return {};
    seen.push_back(from);
    const School* s = index.school(from);
    if (!s) return {};
    for (Urn p : s->predecessors) {
        auto rest = chain_to(index, p, target, seen);
        if (rest.empty()) continue;
        rest.insert(rest.begin(), from);
        return rest;
    }
    return {};
}

// A predecessor in a cohort of a year after its successor was in the programme under its own
// URN: the establishment had closed by then; the successor is the one to enrol.
void check_enrolled_after_successor(const CheckContext& ctx, Reporter& out) {
    for (const auto& s : ctx.records.schools) {
        if (s.predecessors.empty() || ctx.index.successor_root(s.urn) != s.urn) continue;
        std::optional<AcademicYear> first;
        for (const auto& h : s.history) first = std::min(first.value_or(h.year), h.year);
        for (const Cohort* c : ctx.index.cohorts_of(s.urn)) first = std::min(first.value_or(c->year), c->year);
        if (!first) continue;
        for (Urn p : ctx.index.with_predecessors(s.urn)) {
            if (p == s.urn) continue;
            for (const Cohort* c : ctx.index.cohorts_of(p)) {
                const Member* m = c->member(p);
                if (!m || !(*first < c->year)) continue;
                if (c->member(s.urn))  // one engagement already (README): the row is redundant
                    out.report(RuleId::ref_predecessor, Severity::warning, m->pos,
                               fmt::format("school {} is in cohort {} in {} beside {} {}, which continues it "
                                           "(in the programme under its own URN since {}): remove {}'s row",
                                           p, c->id, c->year.str(), s.urn, s.name, first->str(), p));
                else
                    out.report(RuleId::ref_predecessor, Severity::warning, m->pos,
                               fmt::format("school {} is in cohort {} in {}, but it is continued by {} {}, in "
                                           "the programme under its own URN since {}: enrol {} instead",
                                           p, c->id, c->year.str(), s.urn, s.name, first->str(), s.urn));
            }
        }
    }
}

}  // namespace

void check_ref_predecessor(const CheckContext& ctx, Reporter& out) {
    for (const auto& s : ctx.records.schools)
        for (std::size_t i = 0; i < s.predecessors.size(); ++i) {
            Urn p = s.predecessors[i];
            Pos pos = at(i < s.predecessor_pos.size() ? s.predecessor_pos[i] : Pos{}, s.pos);
            if (p == s.urn) {
                out.report(RuleId::ref_predecessor, Severity::error, pos,
                           fmt::format("school {} names itself as its predecessor", s.urn));
                continue;
            }
            std::vector<Urn> seen;
            auto chain = chain_to(ctx.index, p, s.urn, seen);
            if (chain.empty()) continue;
            chain.insert(chain.begin(), s.urn);
            out.report(RuleId::ref_predecessor, Severity::error, pos,
                       fmt::format("the predecessors of school {} loop: {}", s.urn,
                                   fmt::join(chain, " \u2192 ")));
        }
    check_enrolled_after_successor(ctx, out);
}

}  // namespace tfm
