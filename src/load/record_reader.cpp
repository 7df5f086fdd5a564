#include "record_reader.h"

#include "tfm/model/record_format.h"
#include "tfm/model/rule_id.h"
#include "tfm/base/text.h"

#include <fmt/format.h>

#include <algorithm>
#include <charconv>
#include <cstdlib>
#include <map>
#include <optional>
#include <set>

namespace tfm::detail {
namespace {

using yaml::Kind;
using NodeId = std::uint32_t;

std::string_view kind_word(Kind k) {
    switch (k) {
        case Kind::null: return "nothing";
        case Kind::scalar: return "a value";
        case Kind::sequence: return "a list";
        case Kind::mapping: return "a mapping";
    }
    return "a value";
}

bool plain_integer_text(std::string_view t) {
    std::size_t i = t.starts_with('-') ? 1 : 0;
    if (i >= t.size()) return false;
    for (std::size_t k = i; k < t.size(); ++k)
        if (t[k] < '0' || t[k] > '9') return false;
    return true;
}

bool plain_number_text(std::string_view t) {
    std::size_t dot = t.find('.');
    if (dot == std::string_view::npos) return plain_integer_text(t);
    auto whole = t.substr(0, dot), frac = t.substr(dot + 1);
    if (frac.empty()) return false;
    for (char c : frac)
        if (c < '0' || c > '9') return false;
    return plain_integer_text(whole);
}

bool leading_zero(std::string_view t) {
    if (t.starts_with('-')) t.remove_prefix(1);
    return t.size() > 1 && t[0] == '0' && t[1] != '.';
}

bool valid_id(std::string_view t) {
    if (t.empty()) return false;
    auto ok_first = [](char c) { return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9'); };
    if (!ok_first(t[0])) return false;
    for (char c : t)
        if (!ok_first(c) && c != '_' && c != '-') return false;
    return true;
}

// Builds the records of one YAML document, reporting into `out`.
class Reader {
public:
    Reader(const yaml::Document& doc, std::string_view text, int file, int directory,
           FileRecords& out)
        : doc_(doc), text_(text), file_(file), directory_(directory), out_(out) {}

    void read_document() {
        NodeId root = doc_.root;
        if (doc_.nodes.empty()) return;
        const auto& n = node(root);
        if (n.kind == Kind::null) return;  // an empty document
        if (n.kind != Kind::mapping) {
            error("schema/type", root,
                  fmt::format("a document must be a mapping with keys such as school or cohorts, "
                              "not {}",
                              kind_word(n.kind)));
            return;
        }
        std::vector<std::string_view> names;
        for (const auto& k : top_level_keys()) names.push_back(k.key);
        std::map<std::string, NodeId> seen;
        for (std::size_t i = 0; i + 1 < n.children.size(); i += 2) {
            NodeId key = n.children[i], value = n.children[i + 1];
            auto k = key_text(key);
            if (!k) continue;
            if (auto it = seen.find(*k); it != seen.end()) {
                duplicate_key(key, *k, it->second);
                continue;
            }
            seen.emplace(*k, key);
            const TopLevelKey* top = nullptr;
            for (const auto& t : top_level_keys())
                if (t.key == *k) top = &t;
            if (!top) {
                unknown_key(key, *k, names, "a document");
                continue;
            }
            if (!top->list) {
                read_record(top->record, value);
            } else if (node(value).kind == Kind::sequence) {
                for (NodeId item : node(value).children) read_record(top->record, item);
            } else if (node(value).kind != Kind::null) {
                error("schema/type", value,
                      fmt::format("`{}` must be a list of {} records, not {}", *k, top->record,
                                  kind_word(node(value).kind)));
            }
        }
    }

private:
    // ---- positions and reporting --------------------------------------------------------

    const yaml::Node& node(NodeId id) const { return doc_.nodes[id]; }

    Pos pos(NodeId id) const {
        const auto& n = node(id);
        Pos p{file_, int(n.line) + 1, int(n.byte_col) + 1};
        // yaml-cpp counts columns in bytes; report characters, as an editor shows them.
        if (n.offset >= n.byte_col && n.offset <= text_.size())
            p.column = int(code_points(text_.substr(n.offset - n.byte_col, n.byte_col))) + 1;
        return p;
    }

    void error(std::string_view rule, NodeId at, std::string message) {
        broken_ = true;
        out_.diagnostics.push_back({pos(at), Severity::error, std::string(rule), std::move(message)});
    }

    std::optional<std::string> key_text(NodeId key) {
        const auto& k = node(key);
        if (k.kind != Kind::scalar) {
            error("schema/type", key, fmt::format("a key must be a word, not {}", kind_word(k.kind)));
            return std::nullopt;
        }
        return k.value;
    }

    void duplicate_key(NodeId key, std::string_view name, NodeId first) {
        error("schema/duplicate-key", key,
              fmt::format("duplicate key `{}` (first given on line {})", name, pos(first).line));
    }

    void unknown_key(NodeId key, std::string_view name, const std::vector<std::string_view>& known,
                     std::string_view where) {
        std::string msg = fmt::format("unknown key `{}` in {}", name, where);
        if (name == "<<") msg += "; merge keys (<<) are not supported";
        else if (auto s = closest_match(name, known)) msg += fmt::format("; did you mean `{}`?", *s);
        else msg += fmt::format("; expected {}", join_or(known));
        error("schema/unknown-key", key, msg);
    }

    // ---- mappings with known fields -----------------------------------------------------

    struct Fields {
        const RecordSpec* spec = nullptr;
        NodeId map = 0;
        bool ok = false;
        std::vector<std::optional<NodeId>> values;  // by field index; absent or null: empty
        std::vector<std::optional<NodeId>> keys;

        std::optional<NodeId> get(std::string_view name) const {
            for (std::size_t i = 0; i < spec->fields.size(); ++i)
                if (spec->fields[i].name == name) return values[i];
            return std::nullopt;
        }
        std::optional<NodeId> key(std::string_view name) const {
            for (std::size_t i = 0; i < spec->fields.size(); ++i)
                if (spec->fields[i].name == name) return keys[i];
            return std::nullopt;
        }
    };

    Fields fields(NodeId map, const RecordSpec& spec, std::string_view what) {
        Fields f;
        f.spec = &spec;
        f.map = map;
        f.values.assign(spec.fields.size(), std::nullopt);
        f.keys.assign(spec.fields.size(), std::nullopt);
        const auto& n = node(map);
        if (n.kind != Kind::mapping) {
            error("schema/type", map,
                  fmt::format("{} must be a mapping of fields, not {}", what, kind_word(n.kind)));
            return f;
        }
        f.ok = true;
        for (std::size_t i = 0; i + 1 < n.children.size(); i += 2) {
            NodeId key = n.children[i], value = n.children[i + 1];
            auto k = key_text(key);
            if (!k) continue;
            std::size_t idx = spec.fields.size();
            for (std::size_t j = 0; j < spec.fields.size(); ++j)
                if (spec.fields[j].name == *k) idx = j;
            if (idx == spec.fields.size()) {
                unknown_key(key, *k, spec.field_names(), what);
                continue;
            }
            if (f.keys[idx]) {
                duplicate_key(key, *k, *f.keys[idx]);
                continue;
            }
            f.keys[idx] = key;
            if (node(value).kind != Kind::null) f.values[idx] = value;
        }
        for (std::size_t j = 0; j < spec.fields.size(); ++j) {
            if (!spec.fields[j].required || f.values[j]) continue;
            if (f.keys[j])
                error("schema/missing", *f.keys[j],
                      fmt::format("`{}` of {} is empty", spec.fields[j].name, what));
            else
                error("schema/missing", map,
                      fmt::format("{} is missing required field `{}`", what, spec.fields[j].name));
        }
        return f;
    }

    // ---- scalar conversions -------------------------------------------------------------

    const yaml::Node* scalar(NodeId id, std::string_view expected) {
        const auto& n = node(id);
        if (n.kind == Kind::scalar) return &n;
        error("schema/type", id, fmt::format("expected {}, not {}", expected, kind_word(n.kind)));
        return nullptr;
    }

    std::optional<std::string> text(NodeId id) {
        auto* n = scalar(id, "text");
        if (!n) return std::nullopt;
        return n->value;
    }

    std::optional<std::string> identifier(NodeId id, std::string_view what) {
        auto* n = scalar(id, what);
        if (!n) return std::nullopt;
        if (!valid_id(n->value)) {
            error("schema/type", id,
                  fmt::format("`{}` is not a valid {}: use lower-case letters, digits, _ and -, "
                              "starting with a letter or digit",
                              n->value, what));
            return std::nullopt;
        }
        return n->value;
    }

    std::optional<long long> integer(NodeId id, std::string_view what = "a whole number") {
        auto* n = scalar(id, what);
        if (!n) return std::nullopt;
        if (n->quoted) {
            error("schema/type", id,
                  fmt::format("expected {}, not the quoted text \"{}\"; write it without quotes",
                              what, n->value));
            return std::nullopt;
        }
        if (!plain_integer_text(n->value)) {
            error("schema/type", id, fmt::format("expected {}, not `{}`", what, n->value));
            return std::nullopt;
        }
        if (leading_zero(n->value)) {
            error("schema/type", id,
                  fmt::format("`{}` starts with 0: YAML may read it as an octal number; write it "
                              "without the leading zero",
                              n->value));
            return std::nullopt;
        }
        long long v = 0;
        auto [p, ec] = std::from_chars(n->value.data(), n->value.data() + n->value.size(), v);
        if (ec != std::errc()) {
            error("schema/type", id, fmt::format("`{}` is too large", n->value));
            return std::nullopt;
        }
        return v;
    }

    std::optional<int> bounded(NodeId id, long long lo, long long hi, std::string_view what) {
        auto v = integer(id, what);
        if (!v) return std::nullopt;
        if (*v < lo || *v > hi) {
            error("schema/type", id, fmt::format("{} must be from {} to {}, not {}", what, lo, hi, *v));
            return std::nullopt;
        }
        return int(*v);
    }

    std::optional<double> number(NodeId id, double lo, double hi, std::string_view what) {
        auto* n = scalar(id, what);
        if (!n) return std::nullopt;
        if (n->quoted) {
            error("schema/type", id,
                  fmt::format("expected {}, not the quoted text \"{}\"; write it without quotes",
                              what, n->value));
            return std::nullopt;
        }
        if (!plain_number_text(n->value)) {
            error("schema/type", id, fmt::format("expected {}, not `{}`", what, n->value));
            return std::nullopt;
        }
        if (leading_zero(n->value)) {
            error("schema/type", id,
                  fmt::format("`{}` starts with 0: write it without the leading zero", n->value));
            return std::nullopt;
        }
        double v = std::strtod(n->value.c_str(), nullptr);
        if (v < lo || v > hi) {
            error("schema/type", id, fmt::format("{} must be from {} to {}, not {}", what, lo, hi, n->value));
            return std::nullopt;
        }
        return v;
    }

    std::optional<Urn> urn(NodeId id) {
        auto* n = scalar(id, "a URN");
        if (!n) return std::nullopt;
        if (n->quoted) {
            error("schema/type", id,
                  fmt::format("a URN is a number: write {} without quotes", n->value));
            return std::nullopt;
        }
        const std::string& t = n->value;
        if (t.size() != 6 || !plain_integer_text(t) || t[0] == '0') {
            error("schema/type", id,
                  fmt::format("`{}` is not a URN: a URN is six digits, like 107329", t));
            return std::nullopt;
        }
        return std::atoi(t.c_str());
    }

    std::optional<Date> date(NodeId id) {
        auto* n = scalar(id, "a date (YYYY-MM-DD)");
        if (!n) return std::nullopt;
        if (auto d = Date::parse(n->value)) return d;
        error("schema/type", id,
              fmt::format("`{}` is not a valid date: {}", n->value, Date::why_not(n->value)));
        return std::nullopt;
    }

    std::optional<AcademicYear> year(NodeId id) {
        auto* n = scalar(id, "an academic year (like 2021/22)");
        if (!n) return std::nullopt;
        if (auto y = AcademicYear::parse(n->value)) return y;
        std::string hint;
        if (n->value.size() == 4 && plain_integer_text(n->value))
            hint = fmt::format("; did you mean `{}`?", AcademicYear(std::atoi(n->value.c_str())).str());
        error("schema/type", id,
              fmt::format("`{}` is not an academic year: write it like 2021/22{}", n->value, hint));
        return std::nullopt;
    }

    std::optional<TimeOfDay> time(NodeId id) {
        auto* n = scalar(id, "a time (\"HH:MM\")");
        if (!n) return std::nullopt;
        if (auto t = TimeOfDay::parse(n->value)) return t;
        error("schema/type", id,
              fmt::format("`{}` is not a time: write it as \"HH:MM\", like \"13:30\"", n->value));
        return std::nullopt;
    }

    std::optional<std::size_t> choice(NodeId id, const std::vector<std::string_view>& values,
                                      std::string_view what) {
        auto* n = scalar(id, what);
        if (!n) return std::nullopt;
        for (std::size_t i = 0; i < values.size(); ++i)
            if (values[i] == n->value) return i;
        std::string msg = fmt::format("unknown {} `{}`", what, n->value);
        if (auto s = closest_match(n->value, values)) msg += fmt::format("; did you mean `{}`?", *s);
        else msg += fmt::format("; expected {}", join_or(values));
        error("schema/type", id, msg);
        return std::nullopt;
    }

    template <class E>
    std::optional<E> enumeration(NodeId id, std::string_view what) {
        auto i = choice(id, enum_names<E>(), what);
        if (!i) return std::nullopt;
        return E(*i);
    }

    std::optional<YearGroup> year_group(NodeId id) {
        static const std::vector<std::string_view> names = {
            "R", "Y1", "Y2", "Y3", "Y4", "Y5", "Y6", "Y7", "Y8", "Y9", "Y10", "Y11", "Y12", "Y13"};
        auto i = choice(id, names, "year group");
        if (!i) return std::nullopt;
        return YearGroup(*i);
    }

    // Items of a list; reports and returns nothing when the node is not a list.
    const std::vector<NodeId>& items(NodeId id, std::string_view what) {
        static const std::vector<NodeId> none;
        const auto& n = node(id);
        if (n.kind == Kind::sequence) return n.children;
        error("schema/type", id, fmt::format("`{}` must be a list, not {}", what, kind_word(n.kind)));
        return none;
    }

    // Key/value pairs of a free-keyed mapping, with duplicate keys reported.
    std::vector<std::pair<NodeId, NodeId>> pairs(NodeId id, std::string_view what) {
        const auto& n = node(id);
        if (n.kind != Kind::mapping) {
            error("schema/type", id,
                  fmt::format("`{}` must be a mapping, not {}", what, kind_word(n.kind)));
            return {};
        }
        std::vector<std::pair<NodeId, NodeId>> out;
        std::map<std::string, NodeId> seen;
        for (std::size_t i = 0; i + 1 < n.children.size(); i += 2) {
            NodeId key = n.children[i];
            auto k = key_text(key);
            if (!k) continue;
            if (auto it = seen.find(*k); it != seen.end()) {
                duplicate_key(key, *k, it->second);
                continue;
            }
            seen.emplace(*k, key);
            out.emplace_back(key, n.children[i + 1]);
        }
        return out;
    }

    std::vector<std::string> strings(NodeId id, std::string_view what, std::vector<Pos>* where = nullptr) {
        std::vector<std::string> out;
        const auto& list = items(id, what);
        out.reserve(list.size());
        if (where) where->reserve(list.size());
        for (NodeId item : list) {
            if (auto s = text(item)) {
                out.push_back(*s);
                if (where) where->push_back(pos(item));
            }
        }
        return out;
    }

    // ---- records ------------------------------------------------------------------------

    void read_record(std::string_view kind, NodeId id) {
        ++out_.records_seen;
        broken_ = false;
        if (kind == "hub") read_hub(id);
        else if (kind == "school") read_school(id);
        else if (kind == "lead") read_lead(id);
        else if (kind == "cohort") read_cohort(id);
        else if (kind == "session") read_session(id);
    }

    void read_hub(NodeId id) {
        auto f = fields(id, record_spec("hub"), "hub");
        if (!f.ok) {
            ++out_.broken_hubs;
            return;
        }
        Hub h;
        h.directory = directory_;
        h.pos = pos(id);
        if (auto v = f.get("name")) h.name = text(*v).value_or("");
        if (auto v = f.get("areas")) h.areas = strings(*v, "areas");
        if (auto v = f.get("population")) {
            for (auto [k, val] : pairs(*v, "population")) {
                auto phase = enumeration<Phase>(k, "phase");
                auto count = bounded(val, 0, 1000000, "a number of schools");
                if (phase && count) h.population[*phase] = *count;
            }
        }
        if (auto v = f.get("targets")) {
            for (NodeId item : items(*v, "targets")) {
                auto tf = fields(item, record_spec("hub.targets[]"), "a target");
                if (!tf.ok) continue;
                Target t;
                t.pos = pos(item);
                if (auto x = tf.get("phase")) t.phase = enumeration<Phase>(*x, "phase").value_or(Phase::primary);
                if (auto x = tf.get("percent")) t.percent = number(*x, 0, 100, "a percentage").value_or(0);
                if (auto x = tf.get("by")) t.by = year(*x).value_or(AcademicYear());
                h.targets.push_back(t);
            }
        }
        if (auto v = f.get("terms")) {
            for (auto [k, val] : pairs(*v, "terms")) {
                auto y = year(k);
                std::vector<Term> terms;
                for (NodeId item : items(val, "terms")) {
                    auto tf = fields(item, record_spec("hub.terms[]"), "a term");
                    if (!tf.ok) continue;
                    Term t;
                    if (auto x = tf.get("name")) t.name = text(*x).value_or("");
                    std::optional<Date> s, e;
                    if (auto x = tf.get("start")) s = date(*x);
                    if (auto x = tf.get("end")) e = date(*x);
                    if (s && e) {
                        t.start = *s;
                        t.end = *e;
                        if (*e < *s)
                            error("schema/type", item,
                                  fmt::format("term `{}` ends before it starts", t.name));
                        else if (y && (!y->contains(*s) || !y->contains(*e)))
                            error("schema/type", item,
                                  fmt::format("term `{}` is not inside {}", t.name, y->str()));
                    }
                    terms.push_back(t);
                }
                if (y) h.terms[*y] = terms;
            }
        }
        if (auto v = f.get("rules")) read_rules(*v, h.rules);
        if (auto v = f.get("bands")) {
            static const std::vector<std::string_view> dims = {"fsm", "eal", "ehcp"};
            for (auto [k, val] : pairs(*v, "bands")) {
                auto d = choice(k, dims, "band dimension");
                std::vector<double> cuts;
                for (NodeId item : items(val, "bands")) {
                    auto x = number(item, 0, 100, "a cut point");
                    if (!x) continue;
                    if (!cuts.empty() && *x <= cuts.back())
                        error("schema/type", item, "band cut points must increase");
                    cuts.push_back(*x);
                }
                if (d) h.bands[std::string(dims[*d])] = cuts;
            }
        }
        if (broken_) ++out_.broken_hubs;
        else out_.hubs.push_back(std::move(h));
    }

    void read_range(NodeId id, int& lo, int& hi, std::string_view what) {
        auto f = fields(id, record_spec("hub.rules.range"), what);
        if (!f.ok) return;
        if (auto x = f.get("min")) lo = bounded(*x, 0, 1000, "min").value_or(lo);
        if (auto x = f.get("max")) hi = bounded(*x, 0, 1000, "max").value_or(hi);
        if (lo > hi) error("schema/type", id, fmt::format("{}: min {} is above max {}", what, lo, hi));
    }

    void read_rules(NodeId id, RuleSettings& r) {
        auto f = fields(id, record_spec("hub.rules"), "hub.rules");
        if (!f.ok) return;
        if (auto x = f.get("cohort_size")) read_range(*x, r.cohort_size_min, r.cohort_size_max, "cohort_size");
        if (auto x = f.get("lead_load")) r.lead_load = bounded(*x, 0, 100, "lead_load").value_or(r.lead_load);
        if (auto x = f.get("completion")) r.completion = number(*x, 0, 1, "completion").value_or(r.completion);
        if (auto x = f.get("meeting_gap_weeks"))
            read_range(*x, r.meeting_gap_min_weeks, r.meeting_gap_max_weeks, "meeting_gap_weeks");
        if (auto x = f.get("requires")) {
            r.requires_stage = {std::nullopt, std::nullopt, std::nullopt, std::nullopt};
            for (auto [k, val] : pairs(*x, "requires")) {
                auto later = enumeration<Stage>(k, "stage");
                auto earlier = enumeration<Stage>(val, "stage");
                if (later && earlier) r.requires_stage[std::size_t(*later)] = *earlier;
            }
        }
        if (auto x = f.get("stages")) {
            for (auto [k, val] : pairs(*x, "stages")) {
                auto st = enumeration<Stage>(k, "stage");
                auto sf = fields(val, record_spec("hub.rules.stage"), "a stage's settings");
                if (!st || !sf.ok) continue;
                StageRules& s = r.stages[std::size_t(*st)];
                if (auto y = sf.get("meetings")) s.meetings = bounded(*y, 0, 100, "meetings").value_or(s.meetings);
                if (auto y = sf.get("visits")) s.visits = bounded(*y, 0, 100, "visits").value_or(s.visits);
                if (auto y = sf.get("participants"))
                    s.participants = bounded(*y, 0, 100, "participants").value_or(s.participants);
            }
        }
        if (auto x = f.get("off")) {
            const auto& names = rule_names();
            for (NodeId item : items(*x, "off")) {
                auto i = choice(item, names, "rule");
                if (!i) continue;
                if (!rule_can_be_off(RuleId(*i))) {
                    error("schema/type", item,
                          fmt::format("rule `{}` cannot be switched off: yaml/, schema/ and ref/ "
                                      "rules always apply",
                                      names[*i]));
                    continue;
                }
                r.off.insert(RuleId(*i));
            }
        }
    }

    void read_school(NodeId id) {
        auto f = fields(id, record_spec("school"), "school");
        if (!f.ok) return;
        School s;
        s.directory = directory_;
        s.pos = pos(id);
        std::optional<Urn> u;
        if (auto v = f.get("urn")) {
            u = urn(*v);
            s.urn_pos = pos(*v);
        }
        if (auto v = f.get("name")) s.name = text(*v).value_or("");
        if (auto v = f.get("phase")) s.phase = enumeration<Phase>(*v, "phase").value_or(Phase::primary);
        if (auto v = f.get("area")) s.area = text(*v).value_or("");
        if (auto v = f.get("ofsted")) s.ofsted = enumeration<Ofsted>(*v, "Ofsted grade");
        if (auto v = f.get("ofsted_date")) s.ofsted_date = date(*v);
        if (auto v = f.get("fsm")) s.fsm = number(*v, 0, 100, "a percentage");
        if (auto v = f.get("eal")) s.eal = number(*v, 0, 100, "a percentage");
        if (auto v = f.get("ehcp")) s.ehcp = number(*v, 0, 100, "a percentage");
        if (auto v = f.get("trust")) s.trust = text(*v).value_or("");
        if (f.key("staff")) s.has_staff = true;
        if (auto v = f.get("staff")) {
            std::map<std::string, NodeId> names;
            const auto& list = items(*v, "staff");
            s.staff.reserve(list.size());
            for (NodeId item : list) {
                auto sf = fields(item, record_spec("school.staff[]"), "a member of staff");
                if (!sf.ok) continue;
                StaffMember m;
                m.pos = pos(item);
                if (auto x = sf.get("name")) {
                    m.name = text(*x).value_or("");
                    if (auto it = names.find(m.name); it != names.end())
                        error("ref/duplicate-id", *x,
                              fmt::format("`{}` is listed twice in this school's staff (first on "
                                          "line {})",
                                          m.name, pos(it->second).line));
                    else
                        names.emplace(m.name, *x);
                }
                if (auto x = sf.get("role")) m.role = enumeration<StaffRole>(*x, "role").value_or(StaffRole::teacher);
                if (auto x = sf.get("year_groups"))
                    for (NodeId g : items(*x, "year_groups"))
                        if (auto yg = year_group(g)) m.year_groups.insert(*yg);
                s.staff.push_back(std::move(m));
            }
        }
        if (auto v = f.get("history")) {
            const auto& list = items(*v, "history");
            s.history.reserve(list.size());
            for (NodeId item : list) {
                auto hf = fields(item, record_spec("school.history[]"), "a history entry");
                if (!hf.ok) continue;
                HistoryEntry h;
                h.pos = pos(item);
                if (auto x = hf.get("stage")) h.stage = enumeration<Stage>(*x, "stage").value_or(Stage::development);
                if (auto x = hf.get("year")) h.year = year(*x).value_or(AcademicYear());
                if (auto x = hf.get("lead")) {
                    h.lead = identifier(*x, "lead id").value_or("");
                    h.lead_pos = pos(*x);
                }
                s.history.push_back(h);
            }
        }
        if (u) s.urn = *u;
        if (broken_) {
            if (u) out_.broken_schools.emplace_back(*u, s.urn_pos);
            return;
        }
        out_.schools.push_back(std::move(s));
    }

    void read_lead(NodeId id) {
        auto f = fields(id, record_spec("lead"), "lead");
        if (!f.ok) return;
        Lead l;
        l.directory = directory_;
        l.pos = pos(id);
        std::optional<std::string> ident;
        if (auto v = f.get("id")) {
            ident = identifier(*v, "lead id");
            l.id_pos = pos(*v);
        }
        if (auto v = f.get("name")) l.name = text(*v).value_or("");
        if (auto v = f.get("role")) l.role = enumeration<LeadRole>(*v, "role").value_or(LeadRole::specialist);
        if (auto v = f.get("school")) {
            l.school = urn(*v);
            l.school_pos = pos(*v);
        }
        if (auto v = f.get("trained")) l.trained = year(*v);
        if (auto v = f.get("email")) l.email = text(*v).value_or("");
        if (ident) l.id = *ident;
        if (broken_) {
            if (ident) out_.broken_leads.emplace_back(*ident, l.id_pos);
            return;
        }
        out_.leads.push_back(std::move(l));
    }

    void read_cohort(NodeId id) {
        auto f = fields(id, record_spec("cohort"), "cohort");
        if (!f.ok) return;
        Cohort c;
        c.directory = directory_;
        c.pos = pos(id);
        std::optional<std::string> ident;
        if (auto v = f.get("id")) {
            ident = identifier(*v, "cohort id");
            c.id_pos = pos(*v);
        }
        if (auto v = f.get("name")) c.name = text(*v).value_or("");
        if (auto v = f.get("stage")) c.stage = enumeration<Stage>(*v, "stage").value_or(Stage::development);
        if (auto v = f.get("year")) c.year = year(*v).value_or(AcademicYear());
        if (auto v = f.get("lead")) {
            c.lead = identifier(*v, "lead id").value_or("");
            c.lead_pos = pos(*v);
        }
        if (auto v = f.get("phase")) c.phase = enumeration<Phase>(*v, "phase").value_or(Phase::primary);
        if (auto v = f.get("weekday")) {
            static const std::vector<std::string_view> days = {
                "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"};
            if (auto d = choice(*v, days, "weekday")) c.weekday = int(*d);
        }
        if (auto v = f.get("schools")) {
            c.schools_pos = pos(*v);
            std::map<Urn, NodeId> seen;
            const auto& list = items(*v, "schools");
            c.schools.reserve(list.size());
            for (NodeId item : list) {
                auto mf = fields(item, record_spec("cohort.schools[]"), "a cohort's school");
                if (!mf.ok) continue;
                Member m;
                m.pos = pos(item);
                if (auto x = mf.get("urn")) {
                    if (auto u = urn(*x)) {
                        m.urn = *u;
                        if (auto it = seen.find(*u); it != seen.end())
                            error("ref/duplicate-id", *x,
                                  fmt::format("school {} is listed twice in this cohort (first on "
                                              "line {})",
                                              *u, pos(it->second).line));
                        else
                            seen.emplace(*u, *x);
                    }
                }
                if (auto x = mf.get("participants")) {
                    m.participants_pos = pos(*x);
                    m.participants = strings(*x, "participants", &m.participant_pos);
                }
                if (auto x = mf.get("status"))
                    m.status = enumeration<MemberStatus>(*x, "status").value_or(MemberStatus::enrolled);
                if (auto x = mf.get("withdrawn_on")) m.withdrawn_on = date(*x);
                c.schools.push_back(std::move(m));
            }
        }
        if (auto v = f.get("meetings")) {
            c.meetings_pos = pos(*v);
            const auto& list = items(*v, "meetings");
            c.meetings.reserve(list.size());
            for (NodeId item : list)
                if (auto d = date(item)) c.meetings.push_back({*d, pos(item)});
        }
        if (auto v = f.get("visits")) {
            const auto& list = items(*v, "visits");
            c.visits.reserve(list.size());
            for (NodeId item : list) {
                auto vf = fields(item, record_spec("cohort.visits[]"), "a planned visit");
                if (!vf.ok) continue;
                PlannedVisit pv;
                pv.pos = pos(item);
                if (auto x = vf.get("urn")) {
                    pv.urn = urn(*x).value_or(0);
                    pv.urn_pos = pos(*x);
                }
                if (auto x = vf.get("date")) {
                    pv.date = date(*x).value_or(Date());
                    pv.date_pos = pos(*x);
                }
                c.visits.push_back(pv);
            }
        }
        if (ident) c.id = *ident;
        if (broken_) {
            if (ident) out_.broken_cohorts.emplace_back(*ident, c.id_pos);
            return;
        }
        out_.cohorts.push_back(std::move(c));
    }

    void read_session(NodeId id) {
        auto f = fields(id, record_spec("session"), "session");
        if (!f.ok) return;
        Session s;
        s.directory = directory_;
        s.pos = pos(id);
        if (auto v = f.get("cohort")) {
            s.cohort = identifier(*v, "cohort id").value_or("");
            s.cohort_pos = pos(*v);
        }
        if (auto v = f.get("date")) {
            s.date = date(*v).value_or(Date());
            s.date_pos = pos(*v);
        }
        if (auto v = f.get("type")) s.type = enumeration<SessionType>(*v, "session type").value_or(SessionType::meeting);
        if (auto v = f.get("school")) {
            s.school = urn(*v);
            s.school_pos = pos(*v);
        } else if (s.is_visit() && f.get("type")) {
            error("schema/missing", id,
                  fmt::format("a {} session needs `school`: the school visited", name_of(s.type)));
        }
        if (auto v = f.get("mode")) s.mode = enumeration<Mode>(*v, "mode");
        if (auto v = f.get("start")) s.start = time(*v);
        if (auto v = f.get("end")) s.end = time(*v);
        if (s.start && s.end && *s.end <= *s.start)
            error("schema/type", *f.get("end"),
                  fmt::format("the session ends ({}) before it starts ({})", s.end->str(), s.start->str()));
        if (auto v = f.get("focus"))
            for (NodeId item : items(*v, "focus"))
                if (auto b = enumeration<BigIdea>(item, "Big Idea")) s.focus.insert(*b);
        if (auto v = f.get("observation")) {
            auto of = fields(*v, record_spec("session.observation"), "an observation");
            if (of.ok) {
                Observation o;
                o.pos = pos(*v);
                if (auto x = of.get("year_group")) o.year_group = year_group(*x);
                if (auto x = of.get("unit")) o.unit = text(*x).value_or("");
                if (auto x = of.get("lesson")) o.lesson = bounded(*x, 1, 1000, "lesson");
                if (auto x = of.get("taught_by")) {
                    o.taught_by = identifier(*x, "lead id").value_or("");
                    o.taught_by_pos = pos(*x);
                }
                s.observation = std::make_shared<const Observation>(std::move(o));
            }
        }
        if (f.key("agenda")) s.has_agenda = true;
        if (auto v = f.get("agenda")) {
            const auto& list = items(*v, "agenda");
            s.agenda.reserve(list.size());
            for (NodeId item : list) {
                auto af = fields(item, record_spec("session.agenda[]"), "an agenda item");
                if (!af.ok) continue;
                AgendaItem a;
                a.pos = pos(item);
                if (auto x = af.get("at")) a.at = time(*x);
                if (auto x = af.get("minutes")) a.minutes = bounded(*x, 1, 24 * 60, "minutes");
                if (auto x = af.get("item")) a.item = text(*x).value_or("");
                if (auto x = af.get("year_groups"))
                    for (NodeId g : items(*x, "year_groups"))
                        if (auto yg = year_group(g)) a.year_groups.insert(*yg);
                if (auto x = af.get("audience")) a.audience = enumeration<Audience>(*x, "audience").value_or(Audience::all);
                s.agenda.push_back(std::move(a));
            }
        }
        if (f.key("attendance")) s.has_attendance = true;
        if (auto v = f.get("attendance")) {
            auto entries = pairs(*v, "attendance");
            s.attendance.reserve(entries.size());
            for (auto [k, val] : entries) {
                Attendance a;
                a.pos = pos(k);
                auto u = urn(k);
                if (node(val).kind != Kind::null) {
                    const auto& names = items(val, "attendance");
                    a.present.reserve(names.size());
                    for (NodeId item : names)
                        if (auto name = text(item)) a.present.push_back({std::move(*name), pos(item)});
                }
                if (u) {
                    a.urn = *u;
                    s.attendance.push_back(std::move(a));
                }
            }
        }
        // Free text is checked, not kept (see Session).
        if (auto v = f.get("gap_task")) text(*v);
        if (auto v = f.get("notes")) text(*v);
        if (!broken_) out_.sessions.push_back(std::move(s));
    }

    const yaml::Document& doc_;
    std::string_view text_;
    int file_;
    int directory_;
    FileRecords& out_;
    bool broken_ = false;
};

Pos position_of_offset(std::string_view text, std::size_t offset, int file) {
    Pos p{file, 1, 1};
    std::size_t line_start = 0;
    for (std::size_t i = 0; i < offset && i < text.size(); ++i)
        if (text[i] == '\n') {
            ++p.line;
            line_start = i + 1;
        }
    p.column = int(code_points(text.substr(line_start, offset - line_start))) + 1;
    return p;
}

}  // namespace

FileRecords read_file_records(std::string_view bytes, int file_index, int directory) {
    FileRecords out;
    std::string_view text = bytes;
    if (text.starts_with("\xEF\xBB\xBF")) text.remove_prefix(3);  // UTF-8 byte-order mark

    if (auto nul = text.find('\0'); nul != std::string_view::npos) {
        Pos p = position_of_offset(text, nul, file_index);
        out.diagnostics.push_back({p, Severity::error, "yaml/syntax",
                                   "this is a binary file, not YAML (it holds a NUL byte)"});
        ++out.broken_hubs;
        return out;
    }
    if (auto bad = first_invalid_utf8(text); bad != std::string_view::npos) {
        Pos p = position_of_offset(text, bad, file_index);
        out.diagnostics.push_back(
            {p, Severity::error, "yaml/syntax",
             fmt::format("byte 0x{:02X} is not valid UTF-8; save the file as UTF-8",
                         static_cast<unsigned char>(text[bad]))});
        ++out.broken_hubs;
        return out;
    }
    if (text.starts_with("\xEF\xBB\xBF")) text.remove_prefix(3);

    auto parsed = yaml::parse(text);
    if (!parsed.errors.empty()) {
        // YAML indents with spaces only; yaml-cpp's message for a tab is obscure, so name it.
        std::uint32_t line = 0;
        for (std::size_t i = 0; i < text.size() && line <= parsed.errors.front().line; ++line) {
            std::size_t j = i;
            while (j < text.size() && text[j] == ' ') ++j;
            if (j < text.size() && text[j] == '\t') {
                Pos p = position_of_offset(text, j, file_index);
                out.diagnostics.push_back({p, Severity::error, "yaml/syntax",
                                           "a tab is used for indentation; YAML indents with spaces"});
                ++out.broken_hubs;
                return out;
            }
            std::size_t nl = text.find('\n', i);
            if (nl == std::string_view::npos) break;
            i = nl + 1;
        }
    }
    // A file that did not parse may have held the hub: do not also say the hub is missing.
    if (!parsed.errors.empty()) ++out.broken_hubs;
    for (auto e : parsed.errors) {
        // yaml-cpp places "not found" errors one line past the end: point at the last line.
        std::size_t lines = std::size_t(std::count(text.begin(), text.end(), '\n'));
        if (!text.empty() && text.back() != '\n') ++lines;
        if (lines > 0 && e.line >= lines) {
            e.line = std::uint32_t(lines - 1);
            std::size_t last = text.rfind('\n', text.size() - (text.back() == '\n' ? 2 : 1));
            std::size_t start = last == std::string_view::npos ? 0 : last + 1;
            std::size_t end = text.find('\n', start);
            if (end == std::string_view::npos) end = text.size();
            if (end > start && text[end - 1] == '\r') --end;
            e.byte_col = std::uint32_t(end - start);
        }
        Pos p{file_index, int(e.line) + 1, int(e.byte_col) + 1};
        // Convert the byte column to characters on that line.
        std::size_t start = 0;
        for (std::uint32_t l = 0; l < e.line; ++l) {
            std::size_t nl = text.find('\n', start);
            if (nl == std::string_view::npos) break;
            start = nl + 1;
        }
        if (start <= text.size())
            p.column = int(code_points(text.substr(start, std::min<std::size_t>(e.byte_col, text.size() - start)))) + 1;
        out.diagnostics.push_back({p, Severity::error, "yaml/syntax", e.message});
    }
    for (const auto& doc : parsed.documents) {
        if (doc.broken) continue;
        Reader(doc, text, file_index, directory, out).read_document();
    }
    // The file's records wait for the merge while other files load: give back the slack
    // that growing by doubling left (on a national tree, a quarter of the peak memory).
    out.schools.shrink_to_fit();
    out.cohorts.shrink_to_fit();
    out.sessions.shrink_to_fit();
    return out;
}

}  // namespace tfm::detail
