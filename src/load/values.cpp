#include "reader.h"

#include "tfm/base/untrusted_text.h"

#include "tfm/base/text.h"

#include <fmt/format.h>

#include <algorithm>
#include <charconv>
#include <cstdlib>

namespace tfm::detail {

using yaml::Kind;

namespace {

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

}  // namespace

const yaml::Node* Reader::scalar(NodeId id, std::string_view expected) {
    const auto& n = node(id);
    if (n.kind == Kind::scalar) return &n;
    error(RuleId::schema_type, id, fmt::format("expected {}, not {}", expected, kind_word(n.kind)));
    return nullptr;
}

std::optional<std::string> Reader::text(NodeId id) {
    auto* n = scalar(id, "text");
    if (!n) return std::nullopt;
    return n->value;
}

std::optional<std::string> Reader::identifier(NodeId id, std::string_view what) {
    auto* n = scalar(id, what);
    if (!n) return std::nullopt;
    if (!valid_id(n->value)) {
        error(RuleId::schema_type, id,
              fmt::format("{} is not a valid {}: use lower-case letters, digits, _ and -, "
                          "starting with a letter or digit",
                          quote_value(n->value, true), what));
        return std::nullopt;
    }
    return n->value;
}

// The text of a plain number: refused (with why) when quoted, not of `shape`, or with a
// leading zero (`octal`: YAML 1.1 readers may take it as an octal number).
const yaml::Node* Reader::number_text(NodeId id, std::string_view what, bool (*shape)(std::string_view),
                                      bool octal) {
    auto* n = scalar(id, what);
    if (!n) return nullptr;
    if (n->quoted) {
        error(RuleId::schema_type, id,
              fmt::format("expected {}, not the quoted text {}; write it without quotes",
                          what, quote_value(n->value, true)));
        return nullptr;
    }
    if (!shape(n->value)) {
        // 60% is a spreadsheet's way: the format's percentages are plain numbers.
        std::string_view bare(n->value);
        if (bare.ends_with('%')) bare.remove_suffix(1);
        while (bare.ends_with(' ')) bare.remove_suffix(1);
        if (bare.size() < n->value.size() && shape(bare) && !leading_zero(bare)) {
            error(RuleId::schema_type, id,
                  fmt::format("expected {}, not {}: write {}, without %", what, quote_value(n->value, true), bare));
            return nullptr;
        }
        // 12,5 is a decimal comma: say the number with a point.
        if (std::string point = n->value; std::count(point.begin(), point.end(), ',') == 1) {
            std::replace(point.begin(), point.end(), ',', '.');
            if (shape(point) && !leading_zero(point)) {
                error(RuleId::schema_type, id,
                      fmt::format("expected {}, not {}: write {}, with a decimal point", what,
                                  quote_value(n->value, true), point));
                return nullptr;
            }
        }
        error(RuleId::schema_type, id, fmt::format("expected {}, not {}", what, quote_value(n->value, true)));
        return nullptr;
    }
    if (leading_zero(n->value)) {
        error(RuleId::schema_type, id,
              octal ? fmt::format("{} starts with 0: YAML may read it as an octal number; write it "
                                  "without the leading zero",
                                  quote_value(n->value, true))
                    : fmt::format("{} starts with 0: write it without the leading zero", quote_value(n->value, true)));
        return nullptr;
    }
    return n;
}

std::optional<long long> Reader::integer(NodeId id, std::string_view what) {
    auto* n = number_text(id, what, plain_integer_text, true);
    if (!n) return std::nullopt;
    long long v = 0;
    auto [p, ec] = std::from_chars(n->value.data(), n->value.data() + n->value.size(), v);
    if (ec != std::errc()) {
        error(RuleId::schema_type, id, fmt::format("{} is too large", quote_value(n->value, true)));
        return std::nullopt;
    }
    return v;
}

std::optional<int> Reader::bounded(NodeId id, long long lo, long long hi, std::string_view what) {
    auto v = integer(id, what);
    if (!v) return std::nullopt;
    if (*v < lo || *v > hi) {
        error(RuleId::schema_type, id, fmt::format("{} must be from {} to {}, not {}", what, lo, hi, *v));
        return std::nullopt;
    }
    return int(*v);
}

std::optional<double> Reader::number(NodeId id, double lo, double hi, std::string_view what) {
    // A share from 0 to 1 written as a percentage (completion: 67%): say the share.
    if (const auto& v = node(id); hi <= 1 && v.kind == yaml::Kind::scalar && !v.quoted && v.value.ends_with('%')) {
        std::string_view bare(v.value);
        bare.remove_suffix(1);
        while (bare.ends_with(' ')) bare.remove_suffix(1);
        if (plain_number_text(bare)) {
            double share = std::strtod(std::string(bare).c_str(), nullptr) / 100;
            error(RuleId::schema_type, id,
                  fmt::format("expected {} (a share from {} to {}), not {}: write {}, without %", what, lo, hi,
                              quote_value(v.value, true), share));
            return std::nullopt;
        }
    }
    auto* n = number_text(id, what, plain_number_text, false);
    if (!n) return std::nullopt;
    double v = std::strtod(n->value.c_str(), nullptr);
    if (v < lo || v > hi) {
        error(RuleId::schema_type, id, fmt::format("{} must be from {} to {}, not {}", what, lo, hi, quote_value(n->value, true)));
        return std::nullopt;
    }
    return v;
}

std::optional<Urn> Reader::urn(NodeId id) {
    auto* n = scalar(id, "a URN");
    if (!n) return std::nullopt;
    if (n->quoted) {
        error(RuleId::schema_type, id,
              fmt::format("a URN is a number: write {} without quotes", quote_value(n->value, true)));
        return std::nullopt;
    }
    const std::string& t = n->value;
    if (t.size() == 6 && plain_integer_text(t) && t[0] == '0') {
        error(RuleId::schema_type, id,
              fmt::format("{} is not a URN: a URN never begins with 0 (and YAML may read a number "
                          "beginning with 0 as octal)",
                          quote_value(t, true)));
        return std::nullopt;
    }
    if (t.size() != 6 || !plain_integer_text(t) || t[0] == '0') {
        error(RuleId::schema_type, id,
              fmt::format("{} is not a URN: a URN is six digits, like 107329", quote_value(t, true)));
        return std::nullopt;
    }
    return std::atoi(t.c_str());
}

std::optional<Date> Reader::date(NodeId id) {
    auto* n = scalar(id, "a date (YYYY-MM-DD)");
    if (!n) return std::nullopt;
    if (auto d = Date::parse(n->value)) return d;
    error(RuleId::schema_type, id,
          fmt::format("{} is not a valid date: {}", quote_value(n->value, true), Date::why_not(n->value)));
    return std::nullopt;
}

std::optional<AcademicYear> Reader::year(NodeId id) {
    auto* n = scalar(id, "an academic year (like 2021/22)");
    if (!n) return std::nullopt;
    if (auto y = AcademicYear::parse(n->value)) return y;
    std::string hint;
    if (n->value.size() == 4 && plain_integer_text(n->value))
        hint = fmt::format("; did you mean `{}`?", AcademicYear(std::atoi(n->value.c_str())).str());
    error(RuleId::schema_type, id,
          fmt::format("{} is not an academic year: write it like 2021/22{}", quote_value(n->value, true), hint));
    return std::nullopt;
}

std::optional<TimeOfDay> Reader::time(NodeId id) {
    auto* n = scalar(id, "a time (\"HH:MM\")");
    if (!n) return std::nullopt;
    if (auto t = TimeOfDay::parse(n->value)) return t;
    error(RuleId::schema_type, id,
          fmt::format("{} is not a time: write it as \"HH:MM\", like \"13:30\"", quote_value(n->value, true)));
    return std::nullopt;
}

std::optional<std::size_t> Reader::choice(NodeId id, const std::vector<std::string_view>& values,
                                  std::string_view what) {
    auto* n = scalar(id, what);
    if (!n) return std::nullopt;
    for (std::size_t i = 0; i < values.size(); ++i)
        if (values[i] == n->value) return i;
    std::string msg = fmt::format("unknown {} {}", what, quote_value(n->value, true));
    if (auto hint = did_you_mean(n->value, values); !hint.empty()) msg += hint;
    else msg += fmt::format("; expected {}", join_or(values));
    error(RuleId::schema_type, id, msg);
    return std::nullopt;
}

}  // namespace tfm::detail
