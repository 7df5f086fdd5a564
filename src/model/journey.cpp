#include "tfm/model/journey.h"

#include <algorithm>
#include <set>
#include <tuple>

namespace tfm {

std::string_view name_of_status(EngagementStatus s) {
    switch (s) {
        case EngagementStatus::planned: return "planned";
        case EngagementStatus::in_progress: return "in_progress";
        case EngagementStatus::withdrawn: return "withdrawn";
        case EngagementStatus::completed: return "completed";
        case EngagementStatus::incomplete: return "incomplete";
    }
    return "completed";
}

std::optional<double> Engagement::attendance() const {
    if (meetings_logged == 0) return std::nullopt;
    return double(meetings_attended) / double(meetings_logged);
}

Stage stage_after(Stage stage) {
    switch (stage) {
        case Stage::readiness: return Stage::development;
        case Stage::development: return Stage::embedding;
        case Stage::embedding: return Stage::sustaining;
        case Stage::sustaining: return Stage::sustaining;
    }
    return Stage::sustaining;
}

bool member_on(const Member& member, Date d) {
    bool left = member.status == MemberStatus::withdrawn && member.withdrawn_on && *member.withdrawn_on <= d;
    if (left) return false;
    return !(member.joined_on && d < *member.joined_on);
}

bool expected_on(const Member& member, Date d) {
    if (!member_on(member, d)) return false;
    if (member.status != MemberStatus::withdrawn) return true;
    return member.withdrawn_on.has_value();
}

bool visit_stands(const Cohort& cohort, const PlannedVisit& visit) {
    const Member* m = cohort.member(visit.urn);
    return !m || m->status != MemberStatus::withdrawn || expected_on(*m, visit.date);
}

bool meets_completion(double share, double completion) { return share + 0.005 >= completion; }

void count_attendance(const Cohort& cohort, Urn urn, const Index& index, int& logged,
                      int& attended) {
    logged = 0;
    attended = 0;
    // A school is expected only at the meetings while it was a member: not before it joined,
    // not after it withdrew.
    const Member* member = cohort.member(urn);
    for (const Session* s : index.sessions_of(cohort.id)) {
        if (s->type != SessionType::meeting || !s->has_attendance) continue;
        if (member && !member_on(*member, s->date)) continue;
        ++logged;
        const Attendance* a = s->attendance_of(urn);
        if (a && !a->present.empty()) ++attended;
    }
}

namespace {

EngagementStatus status_of(const Engagement& e, const RuleSettings& rules, AcademicYear current) {
    if (e.member && e.member->status == MemberStatus::withdrawn) return EngagementStatus::withdrawn;
    if (e.member && e.member->status == MemberStatus::completed) return EngagementStatus::completed;
    if (e.year > current) return EngagementStatus::planned;
    if (e.year == current) return EngagementStatus::in_progress;
    if (e.meetings_logged == 0) return EngagementStatus::completed;
    double share = double(e.meetings_attended) / double(e.meetings_logged);
    return meets_completion(share, rules.completion) ? EngagementStatus::completed
                                                     : EngagementStatus::incomplete;
}

}  // namespace

Journey journey_of(const School& school, const Records& records, const Index& index,
                   Date as_of) {
    const RuleSettings& rules = records.rules_of(school.directory);
    AcademicYear current = AcademicYear::containing(as_of);
    Journey j;
    j.school = &school;
    if (Urn root = index.successor_root(school.urn); root != school.urn) {
        j.successor = index.school(root);
        return j;
    }
    std::vector<Urn> urns = index.with_predecessors(school.urn);
    // Reserved at most what it holds: growing by doubling left a third unused, and the
    // journeys of every school are alive while the rules run (part of the peak memory).
    std::size_t most = 0;
    for (Urn urn : urns) {
        const School* owner = urn == school.urn ? &school : index.school(urn);
        most += (owner ? owner->history.size() : 0) + index.cohorts_of(urn).size();
    }
    j.engagements.reserve(most);
    for (Urn urn : urns) {
        const School* owner = urn == school.urn ? &school : index.school(urn);
        if (owner)
            for (const auto& h : owner->history) {
                Engagement e;
                e.stage = h.stage;
                e.year = h.year;
                e.history = &h;
                e.lead = h.lead;
                e.pos = h.pos;
                e.urn = urn;
                e.school = owner;
                j.engagements.push_back(e);
            }
        for (const Cohort* c : index.cohorts_of(urn)) {
            const Member* m = c->member(urn);
            if (!m) continue;
            // Two establishments of one chain in one cohort (an amalgamation of two members)
            // are one engagement: the one nearest the school (its own first) is kept.
            if (std::any_of(j.engagements.begin(), j.engagements.end(),
                            [&](const Engagement& e) { return e.cohort == c; }))
                continue;
            Engagement e;
            e.stage = c->stage;
            e.year = c->year;
            e.cohort = c;
            e.member = m;
            e.lead = c->lead;
            e.pos = m->pos;
            e.urn = urn;
            e.school = owner;
            count_attendance(*c, urn, index, e.meetings_logged, e.meetings_attended);
            j.engagements.push_back(e);
        }
    }
    std::stable_sort(j.engagements.begin(), j.engagements.end(),
                     [](const Engagement& a, const Engagement& b) {
                         return std::tie(a.year, a.stage) < std::tie(b.year, b.stage);
                     });
    for (auto& e : j.engagements) e.status = status_of(e, rules, current);

    if (j.engagements.empty()) return j;
    std::set<AcademicYear> years;
    for (const auto& e : j.engagements) years.insert(e.year);
    for (AcademicYear y = years.begin()->next(); y < *years.rbegin(); y = y.next())
        if (!years.count(y)) j.gap_years.push_back(y);

    const Engagement& last = j.engagements.back();
    j.lapsed = last.year < current;
    // The next stage follows the highest stage the school did not withdraw from or leave
    // incomplete: a school that withdrew from embedding is offered embedding again.
    std::optional<Stage> done;
    for (const auto& e : j.engagements)
        if (e.status != EngagementStatus::withdrawn && e.status != EngagementStatus::incomplete)
            done = std::max(done.value_or(e.stage), e.stage);
    j.next_stage = done ? stage_after(*done) : Stage::development;
    return j;
}

std::vector<Journey> all_journeys(const Records& records, const Index& index, Date as_of) {
    std::vector<Journey> out;
    out.reserve(records.schools.size());
    for (const auto& s : records.schools) out.push_back(journey_of(s, records, index, as_of));
    return out;
}

}  // namespace tfm
