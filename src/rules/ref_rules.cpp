// ref/ rules: references that no record defines, and people a school's staff list lacks.
#include "tfm/rules/rules.h"

#include "rule_helpers.h"

#include <fmt/format.h>

#include <string>

namespace tfm {
namespace {

constexpr RuleId unknown = RuleId::ref_unknown;
constexpr RuleId participant = RuleId::ref_participant;

}  // namespace

void check_ref_unknown(const CheckContext& ctx, Reporter& out) {
    const Defined defined(ctx);
    const auto err = Severity::error;

    for (const auto& s : ctx.records.schools)
        for (const auto& h : s.history)
            if (!h.lead.empty() && !defined.lead(h.lead))
                out.report(unknown, err, at(h.lead_pos, h.pos),
                           fmt::format("unknown lead {} in the history of school {}", h.lead,
                                       s.urn));

    for (const auto& l : ctx.records.leads)
        if (l.school && !defined.school(*l.school))
            out.report(unknown, err, at(l.school_pos, l.pos),
                       fmt::format("unknown school {} for lead {}", *l.school, l.id));

    for (const auto& c : ctx.records.cohorts) {
        if (!c.lead.empty() && !defined.lead(c.lead))
            out.report(unknown, err, at(c.lead_pos, c.pos),
                       fmt::format("unknown lead {} for cohort {}", c.lead, c.id));
        for (const auto& m : c.schools)
            if (!defined.school(m.urn))
                out.report(unknown, err, at(m.pos, c.schools_pos),
                           fmt::format("unknown school {} in cohort {}", m.urn, c.id));
        for (const auto& v : c.visits)
            if (!defined.school(v.urn))
                out.report(unknown, err, at(v.urn_pos, v.pos),
                           fmt::format("unknown school {} in a planned visit of cohort {}",
                                       v.urn, c.id));
    }

    // A session's own references are checked even when its cohort is broken: a wrong URN
    // is wrong whatever its cohort.
    for (const auto& s : ctx.records.sessions) {
        if (!defined.cohort(s.cohort))
            out.report(unknown, err, at(s.cohort_pos, s.pos),
                       fmt::format("unknown cohort {} for the session on {}", s.cohort,
                                   s.date.str()));
        if (s.school && !defined.school(*s.school))
            out.report(unknown, err, at(s.school_pos, s.pos),
                       fmt::format("unknown school {} for the session of {} on {}", *s.school,
                                   s.cohort, s.date.str()));
        for (const auto& a : s.attendance)
            if (!defined.school(a.urn))
                out.report(unknown, err, at(a.pos, s.pos),
                           fmt::format("unknown school {} in the attendance of {} on {}",
                                       a.urn, s.cohort, s.date.str()));
        if (s.observation && !s.observation->taught_by.empty() &&
            !defined.lead(s.observation->taught_by))
            out.report(unknown, err, at(s.observation->taught_by_pos, s.observation->pos),
                       fmt::format("unknown lead {} teaching the observed lesson of {} on {}",
                                   s.observation->taught_by, s.cohort, s.date.str()));
    }
}

void check_ref_participant(const CheckContext& ctx, Reporter& out) {
    const auto warn = Severity::warning;
    for (const auto& c : ctx.records.cohorts)
        for (const auto& m : c.schools) {
            const School* school = ctx.index.school(m.urn);
            if (!school || !school->has_staff) continue;
            for (std::size_t i = 0; i < m.participants.size(); ++i) {
                if (school->has_staff_member(m.participants[i])) continue;
                Pos p = i < m.participant_pos.size() ? m.participant_pos[i] : Pos{};
                out.report(participant, warn, at(p, at(m.participants_pos, m.pos)),
                           fmt::format("participant {} of cohort {} is not in the staff of "
                                       "school {}",
                                       m.participants[i], c.id, m.urn));
            }
        }

    for (const auto& s : ctx.records.sessions)
        for (const auto& a : s.attendance) {
            const School* school = ctx.index.school(a.urn);
            if (!school || !school->has_staff) continue;
            for (const Present& person : a.present) {
                if (school->has_staff_member(person.name)) continue;
                out.report(participant, warn, at(person.pos, at(a.pos, s.pos)),
                           fmt::format("attendee {} of {} on {} is not in the staff of "
                                       "school {}",
                                       person.name, s.cohort, s.date.str(), a.urn));
            }
        }
}

}  // namespace tfm
