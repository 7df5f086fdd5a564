#include "tfm/base/untrusted_text.h"

#include <fmt/format.h>
#include <utf8proc.h>

#include <cctype>
#include <cstdlib>
#include <memory>

namespace tfm {
namespace {

// The next character of `text` at `i`: its code point, or -1 for a byte that is not UTF-8
// (then `len` is 1).
std::int32_t next_char(std::string_view text, std::size_t i, std::size_t& len) {
    utf8proc_int32_t cp = -1;
    auto n = utf8proc_iterate(reinterpret_cast<const utf8proc_uint8_t*>(text.data() + i),
                              utf8proc_ssize_t(text.size() - i), &cp);
    if (n <= 0 || cp < 0) {
        len = 1;
        return -1;
    }
    len = std::size_t(n);
    return cp;
}

// Calls visit(code point or -1, the character's bytes) for each character.
template <typename Visit>
void for_each_char(std::string_view text, Visit visit) {
    for (std::size_t i = 0; i < text.size();) {
        std::size_t len = 1;
        std::int32_t cp = next_char(text, i, len);
        visit(cp, text.substr(i, len));
        i += len;
    }
}

std::string byte_escape(std::string_view bytes) { return fmt::format("\\x{:02x}", static_cast<unsigned char>(bytes[0])); }
std::string code_point(std::int32_t cp) { return fmt::format("<U+{:04X}>", cp); }

bool is_c0_or_del(std::int32_t cp) { return (cp >= 0 && cp < 0x20) || cp == 0x7F; }

bool is_bidi_control(std::int32_t cp) {
    return cp == 0x061C || cp == 0x200E || cp == 0x200F || (cp >= 0x202A && cp <= 0x202E) ||
           (cp >= 0x2066 && cp <= 0x2069);
}

// Characters a terminal or table must not receive raw: C1 controls, format characters that
// reorder or hide text (bidi controls, BOM, tags), the line and paragraph separators. The
// soft hyphen and the zero-width (non-)joiners that scripts and emoji need are kept.
bool is_unsafe_for_terminal(std::int32_t cp) {
    if (cp == 0x00AD || cp == 0x200C || cp == 0x200D) return false;
    auto cat = utf8proc_category(cp);
    return cat == UTF8PROC_CATEGORY_CC || cat == UTF8PROC_CATEGORY_CF || cat == UTF8PROC_CATEGORY_ZL ||
           cat == UTF8PROC_CATEGORY_ZP || is_bidi_control(cp);
}

bool is_curly_single_quote(std::int32_t cp) {
    return cp == 0x2018 || cp == 0x2019 || cp == 0x201A || cp == 0x201B || cp == 0x2032 ||
           cp == 0x2035 || cp == 0x02BC || cp == 0xFF07;
}

bool is_curly_double_quote(std::int32_t cp) {
    return cp == 0x201C || cp == 0x201D || cp == 0x201E || cp == 0x201F || cp == 0x2033 ||
           cp == 0x2036 || cp == 0xFF02;
}

bool is_dash(std::int32_t cp) {
    return (utf8proc_category(cp) == UTF8PROC_CATEGORY_PD && cp != '-') || cp == 0x2212;
}

bool is_space(std::int32_t cp) {
    auto cat = utf8proc_category(cp);
    return cp == '\t' || cp == '\n' || cp == '\r' || cp == 0x0B || cp == 0x0C || cp == 0x85 ||
           cat == UTF8PROC_CATEGORY_ZS || cat == UTF8PROC_CATEGORY_ZL || cat == UTF8PROC_CATEGORY_ZP;
}

// Shown by code point in a message: anything invisible, or that looks like another
// character (spaces other than U+0020, curly quotes, dashes, full-width ASCII).
bool is_deceptive(std::int32_t cp) {
    if (cp == ' ') return false;
    auto cat = utf8proc_category(cp);
    return cat == UTF8PROC_CATEGORY_CC || cat == UTF8PROC_CATEGORY_CF || is_space(cp) ||
           is_curly_single_quote(cp) || is_curly_double_quote(cp) || is_dash(cp) ||
           (cp >= 0xFF01 && cp <= 0xFF5E) || cp == 0x034F || (cp >= 0xFE00 && cp <= 0xFE0F) ||
           cp == 0x3164 || cp == 0x115F || cp == 0x1160 || cp == 0x2800;
}

bool is_number(std::string_view t) {
    std::size_t i = 0;
    if (i < t.size() && (t[i] == '+' || t[i] == '-')) ++i;
    std::size_t digits = 0, dots = 0;
    for (; i < t.size(); ++i) {
        if (t[i] >= '0' && t[i] <= '9') ++digits;
        else if (t[i] == '.' && ++dots == 1) continue;
        else return false;
    }
    return digits > 0;
}

}  // namespace

std::string control_character(std::string_view text) {
    std::string found;
    for_each_char(text, [&](std::int32_t cp, std::string_view bytes) {
        if (!found.empty()) return;
        if (cp < 0) found = fmt::format("a byte that is not UTF-8 ({})", byte_escape(bytes));
        else if (is_c0_or_del(cp) || is_unsafe_for_terminal(cp))
            found = fmt::format("a control character (U+{:04X})", cp);
    });
    return found;
}

std::string terminal_safe(std::string_view text) {
    std::string out;
    out.reserve(text.size());
    for_each_char(text, [&](std::int32_t cp, std::string_view bytes) {
        if (cp < 0 || is_c0_or_del(cp)) out += byte_escape(bytes);
        else if (is_unsafe_for_terminal(cp)) out += code_point(cp);
        else out += bytes;
    });
    return out;
}

std::string csv_safe(std::string_view text) {
    if (text.empty() || is_number(text)) return std::string(text);
    if (std::string_view("=+-@\t\r").find(text.front()) == std::string_view::npos) return std::string(text);
    return "'" + std::string(text);
}

std::string markdown_safe(std::string_view text) {
    std::string line(text);
    for (char& c : line)
        if (c == '\n' || c == '\r' || c == '\t') c = ' ';
    std::string safe = terminal_safe(line);
    auto word = [&](std::size_t i) {
        if (i >= safe.size()) return false;
        auto c = static_cast<unsigned char>(safe[i]);
        return c >= 0x80 || std::isalnum(c);
    };
    std::string out;
    for (std::size_t i = 0; i < safe.size(); ++i) {
        char c = safe[i];
        // `_` inside a word (in_progress) and `&` that cannot start an entity are plain text.
        // `<` opens raw HTML or an autolink only before a letter, `/`, `!` or `?` (`<20` is text).
        bool markup = std::string_view("\\`*[]|~$").find(c) != std::string_view::npos ||
                      (c == '<' && i + 1 < safe.size() &&
                       (std::isalpha(static_cast<unsigned char>(safe[i + 1])) ||
                        std::string_view("/!?").find(safe[i + 1]) != std::string_view::npos)) ||
                      (c == '_' && !(i > 0 && word(i - 1) && word(i + 1))) ||
                      (c == '&' && (word(i + 1) || (i + 1 < safe.size() && safe[i + 1] == '#')));
        if (markup) out += '\\';
        out += c;
    }
    return out;
}

std::string quote_value(std::string_view value, bool ascii_expected, std::size_t limit) {
    std::string out = "`";
    std::size_t shown = 0, total = 0;
    for_each_char(value, [&](std::int32_t cp, std::string_view bytes) {
        if (total++ >= limit) return;
        ++shown;
        if (cp < 0 || is_c0_or_del(cp)) out += byte_escape(bytes);
        else if (is_deceptive(cp) || (ascii_expected && cp >= 0x80)) out += code_point(cp);
        else out += bytes;
    });
    out += shown < total ? "…`" : "`";
    if (shown < total) out += fmt::format(" ({} characters)", total);
    return out;
}

std::string name_key(std::string_view name) {
    // Bytes that are not UTF-8 cannot be normalised: each stands for U+FFFD.
    std::string valid;
    valid.reserve(name.size());
    for_each_char(name, [&](std::int32_t cp, std::string_view bytes) {
        valid += cp < 0 ? std::string_view("\xEF\xBF\xBD") : bytes;
    });
    utf8proc_uint8_t* mapped = nullptr;
    auto n = utf8proc_map(reinterpret_cast<const utf8proc_uint8_t*>(valid.data()), utf8proc_ssize_t(valid.size()),
                          &mapped,
                          utf8proc_option_t(UTF8PROC_STABLE | UTF8PROC_COMPOSE | UTF8PROC_CASEFOLD | UTF8PROC_IGNORE));
    std::unique_ptr<utf8proc_uint8_t, decltype(&std::free)> owned(mapped, &std::free);
    std::string_view folded = n >= 0 ? std::string_view(reinterpret_cast<const char*>(mapped), std::size_t(n))
                                     : std::string_view(valid);
    std::string key;
    bool space = false;
    for_each_char(folded, [&](std::int32_t cp, std::string_view bytes) {
        if (is_space(cp)) {
            space = true;
            return;
        }
        if (space && !key.empty()) key += ' ';
        space = false;
        if (is_curly_single_quote(cp)) key += '\'';
        else if (is_curly_double_quote(cp)) key += '"';
        else if (is_dash(cp)) key += '-';
        else key += bytes;
    });
    return key;
}

bool same_name(std::string_view a, std::string_view b) {
    return a == b || name_key(a) == name_key(b);  // most names are written alike: skip the folding
}

bool name_contains(std::string_view haystack, std::string_view needle) {
    return name_key(haystack).find(name_key(needle)) != std::string::npos;
}

}  // namespace tfm
