#include "slips.h"

#include "tfm/base/untrusted_text.h"

#include <fmt/format.h>

#include <utf8proc.h>

namespace tfm::detail {
namespace {

// The character at the start of `s` and its length in bytes; -1 when there is none.
std::int32_t first_char(std::string_view s, std::size_t& len) {
    utf8proc_int32_t cp = -1;
    auto n = s.empty() ? 0
                       : utf8proc_iterate(reinterpret_cast<const utf8proc_uint8_t*>(s.data()),
                                          utf8proc_ssize_t(s.size()), &cp);
    len = n > 0 ? std::size_t(n) : 1;
    return n > 0 ? cp : -1;
}

// A space YAML does not count as one: no-break (U+00A0), figure (U+2007), narrow no-break
// (U+202F), ideographic (U+3000).
bool odd_space(std::int32_t cp) { return cp == 0xA0 || cp == 0x2007 || cp == 0x202F || cp == 0x3000; }

// Dashes and bullets that Word, web pages and e-mails put where YAML's list marker `-` goes.
bool marker_look_alike(std::int32_t cp) {
    return (cp >= 0x2010 && cp <= 0x2015) || cp == 0x2212 || cp == 0xFE58 || cp == 0xFE63 || cp == 0xFF0D ||
           cp == 0x2022 || cp == 0x2023 || cp == 0x2043 || cp == 0x2219 || cp == 0x00B7 || cp == 0x30FB ||
           cp == 0x25CF || cp == 0x25E6 || cp == 0x25AA || cp == 0x25A0 || cp == 0x25CB || cp == 0x2027;
}

// Characters that look like a colon but are not YAML's.
bool colon_look_alike(std::int32_t cp) {
    return cp == 0xFF1A || cp == 0xFE55 || cp == 0xFE13 || cp == 0x2236 || cp == 0xA789 || cp == 0x02D0 ||
           cp == 0x02F8 || cp == 0x0589 || cp == 0x05C3 || cp == 0x0703 || cp == 0x0704 || cp == 0x16EC ||
           cp == 0x1803 || cp == 0x1809 || cp == 0x205A || cp == 0x2E35 || cp == 0x003A + 0xFEE0;
}

bool key_start(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_'; }
bool key_char(char c) { return key_start(c) || (c >= '0' && c <= '9') || c == '-'; }

// At most 40 bytes of `s` (whole characters), for a "write `…`" in a message.
std::string shown(std::string_view s) {
    std::size_t end = 0, len = 0;
    while (end < s.size() && end < 40) {
        first_char(s.substr(end), len);
        end += len;
    }
    return terminal_safe(s.substr(0, end)) + (end < s.size() ? "…" : "");
}

// `s` with its slip mended for a "write `…`": the first character after the key (or the
// marker) replaced by `replace`.
std::string mended(std::string_view before, std::string_view replace, std::string_view after) {
    while (!after.empty() && after.front() == ' ') after.remove_prefix(1);
    return shown(fmt::format("{}{}{}", before, replace, after));
}

// What follows a key word `key` (ending at `at` in `s`): a slip, or none.
std::optional<Slip> after_key(std::string_view s, std::size_t at) {
    std::string key(s.substr(0, at));
    std::size_t len = 0;
    std::int32_t cp = first_char(s.substr(at), len);
    if (colon_look_alike(cp))
        return Slip{at, key,
                    fmt::format("`{}` is followed by {}, which looks like a colon but is not one to YAML; "
                                "write `{}`",
                                key, code_point_name(char32_t(cp)), mended(key, ": ", s.substr(at + len)))};
    if (cp != ':') return std::nullopt;
    std::string_view rest = s.substr(at + 1);
    std::int32_t next = first_char(rest, len);
    if (odd_space(next))
        return Slip{at + 1, key,
                    fmt::format("a special space ({}) follows `{}:`; YAML needs an ordinary space after "
                                "the colon: retype it",
                                code_point_name(char32_t(next)), key)};
    if (rest.empty() || rest[0] == ' ' || rest[0] == '\t' || rest.starts_with("//")) return std::nullopt;
    std::string_view value = rest.substr(0, std::min<std::size_t>(rest.find(' '), 40));
    return Slip{at, key,
                fmt::format("`{}:{}` has no space after the colon, so YAML reads it as one piece of text, not a "
                            "key and its value; write `{}: {}`",
                            key, terminal_safe(value), key, terminal_safe(value))};
}

std::size_t key_end(std::string_view s) {
    if (s.empty() || !key_start(s[0])) return 0;
    std::size_t i = 1;
    while (i < s.size() && key_char(s[i])) ++i;
    return i;
}

// `name: Hollybank: Ash Grove`: a plain value holding `: `, which YAML reads as the start of
// another key on the same line (yaml-cpp's "illegal map value"). Only on a line that failed
// to parse: a value that loaded was quoted or had no such colon.
std::optional<Slip> value_colon_slip(std::string_view s) {
    std::size_t end = key_end(s);
    if (end == 0 || !s.substr(end).starts_with(": ")) return std::nullopt;
    std::size_t at = end + 2;
    while (at < s.size() && s[at] == ' ') ++at;
    std::string_view value = s.substr(at);
    if (value.empty() || std::string_view("\"'[{|>&*!#%@`").find(value[0]) != std::string_view::npos)
        return std::nullopt;
    value = value.substr(0, value.find(" #"));
    while (value.ends_with(' ')) value.remove_suffix(1);
    if (value.find(": ") == std::string_view::npos) return std::nullopt;
    std::string quoted;
    if (value.find('"') == std::string_view::npos) {
        quoted = fmt::format("\"{}\"", value);
    } else {
        quoted = "'";
        for (char c : value) quoted += c == '\'' ? std::string("''") : std::string(1, c);
        quoted += "'";
    }
    std::string key(s.substr(0, end));
    return Slip{at, key,
                fmt::format("the value of `{}` holds `: `, which YAML reads as the start of another key; put "
                            "the value in quotes: write `{}: {}`",
                            key, key, shown(quoted))};
}

}  // namespace

std::optional<Slip> key_value_slip(std::string_view s) {
    std::size_t len = 0;
    std::int32_t cp = first_char(s, len);
    if (marker_look_alike(cp)) {
        std::string_view rest = s.substr(len);
        while (!rest.empty() && rest.front() == ' ') rest.remove_prefix(1);
        std::size_t end = key_end(rest);
        if (end == 0) return std::nullopt;
        auto key = after_key(rest, end);
        return Slip{0, key ? key->key : std::string(rest.substr(0, end)),
                    fmt::format("the line starts with {}, which looks like `-` but does not mark a list item to "
                                "YAML; write `{}`",
                                code_point_name(char32_t(cp)), mended("- ", "", rest))};
    }
    if (cp == '-') {
        std::string_view rest = s.substr(1);
        std::size_t end = key_end(rest);
        if (end == 0 || end >= rest.size()) return std::nullopt;
        std::int32_t after = first_char(rest.substr(end), len);
        if (after != ':' && !colon_look_alike(after)) return std::nullopt;
        return Slip{0, std::string(rest.substr(0, end)),
                    fmt::format("`-{}` has no space after the `-`, so YAML reads it as a key, not a list item; "
                                "write `{}`",
                                rest.substr(0, end), mended("- ", "", rest))};
    }
    if (std::size_t end = key_end(s)) return after_key(s, end);
    return std::nullopt;
}

std::optional<Slip> line_slip(std::string_view line) {
    std::size_t i = 0;
    while (i < line.size() && line[i] == ' ') ++i;
    std::size_t len = 0;
    if (std::int32_t cp = first_char(line.substr(i), len); odd_space(cp))
        return Slip{i, "",
                    fmt::format("the indentation holds a special space ({}); YAML indents with ordinary "
                                "spaces: retype it",
                                code_point_name(char32_t(cp)))};
    for (;;) {
        if (auto slip = key_value_slip(line.substr(i))) {
            slip->offset += i;
            return slip;
        }
        if (auto slip = value_colon_slip(line.substr(i))) {
            slip->offset += i;
            return slip;
        }
        if (!line.substr(i).starts_with("- ")) return std::nullopt;
        i += 2;
        while (i < line.size() && line[i] == ' ') ++i;
    }
}

}  // namespace tfm::detail
