// Next year's Work Groups from the accepted offers: buckets of one area (small areas merged
// into the smallest other), split as evenly as cohort_size allows, a lead for each (previous
// lead, then one who led the stage in the area, then the least loaded), ids in the hub's style.
#include "tfm/analysis/allocation.h"

#include "tfm/model/progression.h"
#include "tfm/yaml/writer.h"

#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <cctype>
#include <map>
#include <set>
#include <tuple>

namespace tfm {
namespace {

std::string plural(std::size_t n, std::string_view one, std::string_view many) {
    return fmt::format("{} {}", n, n == 1 ? one : many);
}

std::string capitalised(std::string_view text) {
    std::string out(text);
    if (!out.empty() && out[0] >= 'a' && out[0] <= 'z') out[0] = char(out[0] - 'a' + 'A');
    return out;
}

// An area as an id part: lower case letters and digits, other runs as one `-`.
std::string slug(std::string_view text) {
    std::string out;
    for (unsigned char c : text) {
        if (std::isalnum(c) && c < 128) out += char(std::tolower(c));
        else if (!out.empty() && out.back() != '-') out += '-';
    }
    while (!out.empty() && out.back() == '-') out.pop_back();
    return out.empty() ? "area" : out;
}

// The most common key of a count (ties: the first in order).
template <class K>
std::optional<K> most_common(const std::map<K, int>& counts) {
    std::optional<K> best;
    int n = 0;
    for (const auto& [k, c] : counts)
        if (c > n) best = k, n = c;
    return best;
}

// The area most of a cohort's schools are in (ties by name), or "" when none is known.
std::string main_area(const Cohort& c, const Index& index) {
    std::map<std::string, int> counts;
    for (const auto& m : c.schools)
        if (const School* s = index.school(m.urn)) ++counts[s->area];
    return most_common(counts).value_or("");
}

// The hub's id style, read from existing ids shaped `<prefix>-<stage>-<yyyy><letter>`.
struct IdStyle {
    std::map<std::string, std::string> area_prefix;  // area -> prefix
    std::array<std::string, 4> stage_part;           // stage -> its part of the id
    std::set<std::string> taken;

    IdStyle(const Records& records, const Index& index) {
        std::map<std::string, std::map<std::string, int>> prefixes;
        std::array<std::map<std::string, int>, 4> stages;
        for (const auto& c : records.cohorts) {
            taken.insert(c.id);
            std::size_t last = c.id.rfind('-');
            if (last == std::string::npos || last == 0) continue;
            std::size_t mid = c.id.rfind('-', last - 1);
            std::string year = c.id.substr(last + 1);
            if (mid == std::string::npos || mid == 0 || year.size() < 4 || year.size() > 5) continue;
            if (!std::all_of(year.begin(), year.begin() + 4, [](char ch) { return ch >= '0' && ch <= '9'; }))
                continue;
            if (year.size() == 5 && !(year[4] >= 'a' && year[4] <= 'z')) continue;
            ++stages[std::size_t(c.stage)][c.id.substr(mid + 1, last - mid - 1)];
            if (std::string area = main_area(c, index); !area.empty()) ++prefixes[area][c.id.substr(0, mid)];
        }
        for (const auto& b : records.broken_cohorts) taken.insert(b);
        for (const auto& [area, counts] : prefixes) area_prefix[area] = *most_common(counts);
        for (std::size_t s = 0; s < 4; ++s)
            stage_part[s] = most_common(stages[s]).value_or(std::string(name_of(Stage(s))));
    }

    // A new id for a group of `stage` in `area` starting in `year`: the first free letter.
    std::string claim(const std::string& area, Stage stage, AcademicYear year, std::string& letter) {
        auto p = area_prefix.find(area);
        std::string base = fmt::format("{}-{}-{}", p != area_prefix.end() ? p->second : slug(area),
                                       stage_part[std::size_t(stage)], year.start_year());
        for (int i = 0;; ++i) {
            letter = i < 26 ? std::string(1, char('a' + i)) : fmt::format("z{}", i - 24);
            if (taken.insert(base + letter).second) return base + letter;
        }
    }
};

struct Candidate {
    const School* school = nullptr;
    std::string previous_lead;  // the lead of its latest engagement before the year
    std::string previous_cohort;  // that engagement's Work Group ("" for a history entry)
};

// Schools of one directory, phase and stage to group.
struct Pool {
    int directory = 0;
    Phase phase = Phase::primary;
    Stage stage = Stage::development;
    std::vector<Candidate> schools;
};

struct Bucket {
    std::vector<std::string> areas;
    std::vector<Candidate> schools;
};

std::string areas_text(const std::vector<std::string>& areas) {
    std::string out;
    for (std::size_t i = 0; i < areas.size(); ++i)
    {
        if (i > 0) out += i + 1 == areas.size() ? " and " : ", ";
        out += areas[i];
    }
    return out;
}

// Areas of a group's schools, by number of schools (most first), then name.
std::vector<std::string> areas_of(const std::vector<Candidate>& schools) {
    std::map<std::string, int> counts;
    for (const auto& c : schools) ++counts[c.school->area];
    std::vector<std::pair<int, std::string>> order;
    for (const auto& [a, n] : counts) order.emplace_back(-n, a);
    std::sort(order.begin(), order.end());
    std::vector<std::string> out;
    for (const auto& o : order) out.push_back(o.second);
    return out;
}

// One bucket per area, then each area with fewer than `min` schools merged into the smallest
// other bucket (ties by area name) until every bucket has `min` or there is one bucket.
// Whether `n` schools split into groups each within [min, max]: with k = ceil(n / max) groups
// (the fewest that hold them), when k groups of min are not more than n.
bool splits(std::size_t n, int min, int max) {
    std::size_t k = (n + std::size_t(max) - 1) / std::size_t(max);
    return k * std::size_t(min) <= n;
}

// Two buckets as one: `from`'s areas and schools join `into`.
void merge_into(Bucket& into, const Bucket& from) {
    into.areas.insert(into.areas.end(), from.areas.begin(), from.areas.end());
    into.schools.insert(into.schools.end(), from.schools.begin(), from.schools.end());
}

std::vector<Bucket> area_buckets(const Pool& pool, int min, int max) {
    std::map<std::string, Bucket> by_area;
    for (const auto& c : pool.schools) {
        Bucket& b = by_area[c.school->area];
        if (b.areas.empty()) b.areas.push_back(c.school->area);
        b.schools.push_back(c);
    }
    std::vector<Bucket> buckets;
    for (auto& [a, b] : by_area) buckets.push_back(std::move(b));
    auto smaller = [](const Bucket& x, const Bucket& y) {
        return std::make_tuple(x.schools.size(), x.areas) < std::make_tuple(y.schools.size(), y.areas);
    };
    while (buckets.size() > 1) {
        std::sort(buckets.begin(), buckets.end(), smaller);
        if (int(buckets.front().schools.size()) >= min) break;
        merge_into(buckets[1], buckets.front());
        buckets.erase(buckets.begin());
    }
    // A bucket whose schools no split within [min, max] holds (7 with {min: 4, max: 5}) joins
    // another such bucket, else the smallest other one, until all split or there is one: so
    // every school is placed whenever the stage's schools together split.
    for (;;) {
        std::sort(buckets.begin(), buckets.end(), smaller);
        auto odd = [&](const Bucket& b) { return !splits(b.schools.size(), min, max); };
        auto first = std::find_if(buckets.begin(), buckets.end(), odd);
        if (buckets.size() < 2 || first == buckets.end()) break;
        auto partner = std::find_if(first + 1, buckets.end(), odd);
        if (partner == buckets.end()) partner = first == buckets.begin() ? buckets.begin() + 1 : buckets.begin();
        merge_into(*partner, *first);
        buckets.erase(first);
    }
    for (auto& b : buckets) {
        // Each area's schools together, the largest area first, so a small merged area ends up
        // in as few groups as it can.
        std::vector<std::string> order = areas_of(b.schools);
        auto rank = [&](const Candidate& c) { return std::find(order.begin(), order.end(), c.school->area) - order.begin(); };
        std::sort(b.schools.begin(), b.schools.end(), [&](const Candidate& x, const Candidate& y) {
            // Within an area, a previous Work Group's schools together, so a split keeps them.
            return std::make_tuple(rank(x), x.previous_cohort, x.school->urn) <
                   std::make_tuple(rank(y), y.previous_cohort, y.school->urn);
        });
        b.areas = order;
    }
    return buckets;
}

struct Draft {
    Pool* pool = nullptr;
    std::vector<Candidate> schools;
};

// A bucket split into k groups sized as evenly as possible (k the fewest that fit under max);
// when no k fits between min and max, the groups of max it can fill, the rest unplaced.
void split(const Bucket& b, Pool& pool, const RuleSettings& rules, AcademicYear year, std::vector<Draft>& drafts,
           std::vector<UnplacedSchool>& unplaced) {
    const int n = int(b.schools.size()), min = std::max(1, rules.cohort_size_min),
              max = std::max(min, rules.cohort_size_max);
    std::string phase = pool.phase == Phase::primary ? "" : std::string(name_of(pool.phase)) + " ";
    auto unplace = [&](int from, const std::string& reason) {
        for (int i = from; i < n; ++i) unplaced.push_back({b.schools[std::size_t(i)].school, pool.stage, reason});
    };
    if (n < min) {
        unplace(0, fmt::format("only {} accepted {} in {}; cohort_size min is {}",
                               plural(std::size_t(n), phase + "school", phase + "schools"), name_of(pool.stage),
                               year.str(), min));
        return;
    }
    int k = (n + max - 1) / max, placed = n;
    if (k > n / min) {
        k = n / min;
        placed = k * max;
        unplace(placed, fmt::format("{} accepted {} in {}: {} of at most {} (cohort_size max) hold {}, and the "
                                    "other {} are fewer than cohort_size min ({})",
                                    plural(std::size_t(n), phase + "school", phase + "schools"), name_of(pool.stage),
                                    areas_text(b.areas), plural(std::size_t(k), "group", "groups"), max, placed,
                                    n - placed, min));
    }
    int at = 0;
    for (int g = 0; g < k; ++g) {
        int size = placed / k + (g < placed % k ? 1 : 0);
        Draft d{&pool, {b.schools.begin() + at, b.schools.begin() + at + size}};
        drafts.push_back(std::move(d));
        at += size;
    }
}

// What the leads already do: cohorts led in the year, stages led in each area before it, and
// their usual weekday.
struct LeadFacts {
    std::map<std::string, int> load;
    std::set<std::tuple<std::string, Stage, std::string>> led;  // lead, stage, area
    std::map<std::string, std::optional<int>> weekday;

    LeadFacts(const Records& records, const Index& index, AcademicYear year) {
        std::map<std::string, std::map<int, int>> days;
        for (const auto& c : records.cohorts) {
            if (c.year == year) ++load[c.lead];
            if (c.year < year)
                for (const auto& m : c.schools)
                    if (const School* s = index.school(m.urn)) led.emplace(c.lead, c.stage, s->area);
            if (c.weekday) ++days[c.lead][*c.weekday];
        }
        for (const auto& [lead, counts] : days) weekday[lead] = most_common(counts);
    }
};

// Whether `lead` led a school of the group in its latest engagement.
bool previous_lead_of(const Draft& d, const Lead& lead) {
    return std::any_of(d.schools.begin(), d.schools.end(), [&](const Candidate& c) { return c.previous_lead == lead.id; });
}

// The lead for a group, or null: eligible leads of its data directory under lead_load, by
// (schools whose previous lead they are, led the stage in the group's main area, load, id).
const Lead* choose_lead(const Records& records, const Draft& d, const std::string& area, const LeadFacts& facts,
                        int lead_load) {
    std::map<std::string, int> previous;
    for (const auto& c : d.schools)
        if (!c.previous_lead.empty()) ++previous[c.previous_lead];
    const Lead* best = nullptr;
    std::tuple<int, int, int, int, std::string> best_key;
    for (const auto& l : records.leads) {
        if (l.directory != d.pool->directory) continue;
        if (d.pool->stage != Stage::readiness && l.role != LeadRole::specialist) continue;
        auto it = facts.load.find(l.id);
        int load = it == facts.load.end() ? 0 : it->second;
        if (load >= lead_load) continue;
        auto p = previous.find(l.id);
        // A readiness group goes to a readiness lead first, who can lead no other stage.
        int role = d.pool->stage == Stage::readiness && l.role != LeadRole::readiness_lead ? 1 : 0;
        std::tuple<int, int, int, int, std::string> key{role, p == previous.end() ? 0 : -p->second,
                                                   facts.led.count({l.id, d.pool->stage, area}) ? 0 : 1, load, l.id};
        if (!best || key < best_key) best = &l, best_key = key;
    }
    return best;
}

// Why an accepted offer cannot be placed as it stands, or "": the URN is continued by another
// school (the offer should name that one), or the stage is not the school's next one. Placing
// either would bring a check error (journey/same-year, journey/order) and refuse the write.
std::string offer_slip(const Offer& o, const Index& index, const Journey* j) {
    if (Urn root = index.successor_root(o.urn); root != o.urn)
        return fmt::format("{} is continued by {}: the offer should name {}", o.urn, root, root);
    if (!j) return "";
    auto next = next_stage_for(*j, o.year);
    if (!next) {
        if (o.stage == Stage::readiness || o.stage == Stage::development) return "";
        return fmt::format("offer is for {} but it has taken part in no stage before: it starts with readiness "
                           "or development; correct the offer",
                           name_of(o.stage));
    }
    if (o.stage == *next) return "";
    return fmt::format("offer is for {} but its next stage is {}: correct the offer", name_of(o.stage), name_of(*next));
}

std::vector<Pool> pools_of(const Records& records, const Index& index, const std::vector<Journey>& journeys,
                           AcademicYear year, Date as_of, int& already, std::vector<UnplacedSchool>& unplaced) {
    std::map<Urn, const Journey*> journey_of_school;
    for (const auto& j : journeys)
        if (j.school) journey_of_school[j.school->urn] = &j;
    std::map<std::tuple<int, Phase, Stage>, Pool> pools;
    std::set<Urn> seen;
    for (const auto& o : records.offers) {
        if (o.year != year || o.status != OfferStatus::accepted || as_of < o.on || !seen.insert(o.urn).second) continue;
        const School* s = index.school(o.urn);
        if (!s) continue;  // ref/unknown-school says so
        const auto& in = index.cohorts_of(o.urn);
        if (std::any_of(in.begin(), in.end(), [&](const Cohort* c) { return c->year == year; })) {
            ++already;
            continue;
        }
        auto found = journey_of_school.find(o.urn);
        const Journey* journey = found == journey_of_school.end() ? nullptr : found->second;
        if (journey && engaged_in(*journey, year)) {  // in a Work Group of Y under another URN
            ++already;
            continue;
        }
        if (std::string slip = offer_slip(o, index, journey); !slip.empty()) {
            unplaced.push_back({s, o.stage, slip});
            continue;
        }
        Candidate c{s, {}};
        if (journey)
            for (auto e = journey->engagements.rbegin(); e != journey->engagements.rend(); ++e)
                if (e->year < year) {
                    c.previous_lead = e->lead;
                    c.previous_cohort = e->cohort ? e->cohort->id : std::string();
                    break;
                }
        Pool& p = pools[{s->directory, s->phase, o.stage}];
        p.directory = s->directory, p.phase = s->phase, p.stage = o.stage;
        p.schools.push_back(std::move(c));
    }
    std::vector<Pool> out;
    for (auto& [k, p] : pools) out.push_back(std::move(p));
    return out;
}

// Leads for the groups (in their order: the largest first): first the groups whose previous
// lead is free keep them, then the others in turn; a group with no lead free is unplaced.
std::vector<std::pair<const Draft*, const Lead*>> assign_leads(const Records& records, const std::vector<Draft>& drafts,
                                                               LeadFacts& facts, AcademicYear year,
                                                               std::vector<UnplacedSchool>& unplaced) {
    std::vector<std::pair<const Draft*, const Lead*>> led;
    std::vector<const Draft*> waiting;
    // First each previous lead goes to the groups with the highest share of their previous
    // schools (a group where 4 of 4 were theirs before one where 1 of 5 was), while free.
    struct Claim {
        double share;
        int count;
        std::size_t draft;
        const Lead* lead;
    };
    std::vector<Claim> claims;
    for (std::size_t i = 0; i < drafts.size(); ++i) {
        std::map<std::string, int> previous;
        for (const auto& c : drafts[i].schools)
            if (!c.previous_lead.empty()) ++previous[c.previous_lead];
        for (const auto& l : records.leads) {
            auto p = previous.find(l.id);
            if (p == previous.end() || l.directory != drafts[i].pool->directory) continue;
            if (drafts[i].pool->stage != Stage::readiness && l.role != LeadRole::specialist) continue;
            claims.push_back({double(p->second) / double(drafts[i].schools.size()), p->second, i, &l});
        }
    }
    std::stable_sort(claims.begin(), claims.end(), [](const Claim& x, const Claim& y) {
        return std::make_tuple(-x.share, -x.count, x.draft) < std::make_tuple(-y.share, -y.count, y.draft);
    });
    std::vector<bool> has_lead(drafts.size(), false);
    for (const Claim& c : claims) {
        if (has_lead[c.draft]) continue;
        int lead_load = records.rules_of(drafts[c.draft].pool->directory).lead_load;
        if (facts.load[c.lead->id] >= lead_load) continue;
        ++facts.load[c.lead->id];
        has_lead[c.draft] = true;
        led.emplace_back(&drafts[c.draft], c.lead);
    }
    // Then the others, in turn.
    for (std::size_t i = 0; i < drafts.size(); ++i) {
        if (has_lead[i]) continue;
        const Draft& d = drafts[i];
        waiting.push_back(&d);
        int lead_load = records.rules_of(d.pool->directory).lead_load;
        if (const Lead* l = choose_lead(records, d, areas_of(d.schools).front(), facts, lead_load)) {
            ++facts.load[l->id];
            led.emplace_back(&d, l);
        }
    }
    for (const Draft* dp : waiting) {
        const Draft& d = *dp;
        if (std::any_of(led.begin(), led.end(), [&](const auto& x) { return x.first == dp; })) continue;
        int lead_load = records.rules_of(d.pool->directory).lead_load;
        std::string who = d.pool->stage == Stage::readiness ? "lead" : "specialist lead";
        std::string reason = fmt::format("no {} is free: each leads {} (lead_load) in {}", who,
                                         plural(std::size_t(lead_load), "cohort", "cohorts"), year.str());
        for (const auto& c : d.schools) unplaced.push_back({c.school, d.pool->stage, reason});
    }
    return led;
}

}  // namespace

Allocation allocate(const Records& records, const Index& index, const std::vector<Journey>& journeys,
                    AcademicYear year, Date as_of) {
    Allocation out;
    out.year = year;
    std::vector<Pool> pools = pools_of(records, index, journeys, year, as_of, out.already_placed, out.unplaced);
    std::vector<Draft> drafts;
    for (auto& pool : pools) {
        const RuleSettings& rules = records.rules_of(pool.directory);
        const int min = std::max(1, rules.cohort_size_min);
        for (const Bucket& b : area_buckets(pool, min, std::max(min, rules.cohort_size_max)))
            split(b, pool, rules, year, drafts, out.unplaced);
    }
    // Leads go to the largest groups first (most schools placed), then by stage, area, URN.
    auto first_key = [](const Draft& d) {
        return std::make_tuple(d.pool->stage, d.pool->phase, areas_of(d.schools).front(), d.schools.front().school->urn);
    };
    std::stable_sort(drafts.begin(), drafts.end(), [&](const Draft& x, const Draft& y) {
        if (x.schools.size() != y.schools.size()) return x.schools.size() > y.schools.size();
        return first_key(x) < first_key(y);
    });
    LeadFacts facts(records, index, year);
    auto led = assign_leads(records, drafts, facts, year, out.unplaced);
    std::sort(led.begin(), led.end(), [&](const auto& x, const auto& y) { return first_key(*x.first) < first_key(*y.first); });
    IdStyle style(records, index);
    for (const auto& [d, lead] : led) {
        ProposedGroup g;
        g.stage = d->pool->stage;
        g.phase = d->pool->phase;
        g.year = year;
        g.directory = d->pool->directory;
        g.areas = areas_of(d->schools);
        g.lead = lead;
        g.weekday = facts.weekday.count(lead->id) ? facts.weekday.at(lead->id) : std::nullopt;
        for (const auto& c : d->schools) g.schools.push_back(c.school);
        std::sort(g.schools.begin(), g.schools.end(), [](const School* x, const School* y) { return x->urn < y->urn; });
        std::string letter;
        g.id = style.claim(g.areas.front(), g.stage, year, letter);
        for (char& ch : letter) ch = char(std::toupper(static_cast<unsigned char>(ch)));
        g.name = fmt::format("{} {} {}", areas_text(g.areas), capitalised(name_of(g.stage)), letter);
        out.groups.push_back(std::move(g));
    }
    std::sort(out.unplaced.begin(), out.unplaced.end(), [](const UnplacedSchool& x, const UnplacedSchool& y) {
        return std::make_tuple(x.stage, x.school->area, x.school->urn) < std::make_tuple(y.stage, y.school->area, y.school->urn);
    });
    return out;
}

Table allocation_table(const Allocation& a) {
    Table t;
    t.name = "allocation";
    t.title = fmt::format("Work Groups proposed for {}", a.year.str());
    t.columns = {{"id", "id"},
                 {"name", "name"},
                 {"stage", "stage", ColumnKind::code},
                 {"phase", "phase", ColumnKind::code},
                 {"areas", "area"},
                 {"lead", "lead", ColumnKind::plain, Reader::machines},
                 {"lead_name", "lead"},
                 {"weekday", "weekday"},
                 {"schools", "schools"},
                 {"urns", "URNs"}};
    t.empty_text = "no groups to propose";
    for (const auto& g : a.groups) {
        std::vector<std::string> urns;
        for (const School* s : g.schools) urns.push_back(std::to_string(s->urn));
        t.rows.push_back({g.id, g.name, std::string(name_of(g.stage)), std::string(name_of(g.phase)), g.areas,
                          g.lead->id, g.lead->name.empty() ? g.lead->id : g.lead->name,
                          g.weekday ? Cell(std::string(weekday_name(*g.weekday))) : Cell(),
                          int(g.schools.size()), urns});
    }
    return t;
}

Table unplaced_table(const Allocation& a) {
    Table t;
    t.name = "unplaced";
    t.title = "Accepted schools not placed";
    t.columns = {{"urn", "URN"}, {"school", "school"}, {"area", "area"}, {"stage", "stage", ColumnKind::code},
                 {"reason", "reason"}};
    for (const auto& u : a.unplaced)
        t.rows.push_back({int(u.school->urn), u.school->name, u.school->area, std::string(name_of(u.stage)), u.reason});
    return t;
}

std::string group_item(const ProposedGroup& g, std::size_t dash_column, std::size_t key_column) {
    std::string pad(key_column, ' ');
    std::string out = std::string(dash_column, ' ') + "-" + std::string(key_column - dash_column - 1, ' ');
    out += "id: " + yaml::scalar_text(g.id) + "\n";
    auto line = [&](std::string_view key, const std::string& value) { out += fmt::format("{}{}: {}\n", pad, key, value); };
    line("name", yaml::scalar_text(g.name));
    line("stage", std::string(name_of(g.stage)));
    line("year", g.year.str());
    line("lead", yaml::scalar_text(g.lead->id));
    line("phase", std::string(name_of(g.phase)));
    if (g.weekday) line("weekday", std::string(weekday_name(*g.weekday)));
    out += pad + "schools:\n";
    for (const School* s : g.schools) {
        // The school's name as a comment, when it is one plain line.
        bool named = yaml::printable(s->name) && s->name.find_first_of("\r\n") == std::string::npos;
        out += fmt::format("{}  - {{urn: {}}}{}\n", pad, s->urn, named ? "   # " + s->name : "");
    }
    return out;
}

std::string allocation_yaml(const Allocation& a) {
    if (a.groups.empty()) return "";
    std::string out = "cohorts:\n";
    for (const auto& g : a.groups) out += group_item(g, 2, 4);
    return out;
}

}  // namespace tfm
