#include "tfm/base/untrusted_text.h"

#include "tfm/base/text.h"

#include <fmt/format.h>
#include <unicode/uchar.h>
#include <unicode/uspoof.h>
#include <utf8proc.h>

#include <algorithm>
#include <cctype>
#include <cstdlib>
#include <memory>
#include <vector>

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

bool is_unsafe_for_terminal(std::int32_t cp) { return hidden_kind(cp) != Hidden::none; }

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

std::string lowered(std::string_view s) {
    std::string out(s);
    for (char& c : out) c = char(std::tolower(static_cast<unsigned char>(c)));
    return out;
}

// Whether the `:` at `i` ends a scheme GFM links bare: `…://` (http, https, ftp), `mailto:`
// and `xmpp:`. A colon in `Register: Leeds` or `10:30` is plain text.
bool scheme_colon(std::string_view text, std::size_t i) {
    if (text.substr(i + 1).starts_with("/")) return true;
    std::size_t start = i;
    while (start > 0 && std::isalpha(static_cast<unsigned char>(text[start - 1]))) --start;
    std::string scheme = lowered(text.substr(start, i - start));
    return scheme == "mailto" || scheme == "xmpp";
}

// The characters GFM allows just before and just after the `@` of an e-mail autolink.
bool email_local(char c) { return std::isalnum(static_cast<unsigned char>(c)) || std::string_view(".+-_").find(c) != std::string_view::npos; }
bool email_domain(char c) { return std::isalnum(static_cast<unsigned char>(c)) || c == '-' || c == '_'; }

}  // namespace

std::string control_character(std::string_view text) {
    std::string found;
    for_each_char(text, [&](std::int32_t cp, std::string_view bytes) {
        if (!found.empty()) return;
        if (cp < 0) found = fmt::format("a byte that is not UTF-8 ({})", byte_escape(bytes));
        else if (hidden_kind(cp) != Hidden::none)
            found = fmt::format("a control character (U+{:04X})", cp);
    });
    return found;
}

Hidden hidden_kind(std::int32_t cp) {
    if (cp < 0 || is_c0_or_del(cp)) return Hidden::byte;
    if (cp < 0x80) return Hidden::none;
    auto cat = utf8proc_category(cp);
    if (cat == UTF8PROC_CATEGORY_CC) return Hidden::c1;
    if (cat == UTF8PROC_CATEGORY_CF || cat == UTF8PROC_CATEGORY_ZL || cat == UTF8PROC_CATEGORY_ZP || is_bidi_control(cp))
        return Hidden::format;
    return Hidden::none;
}

void for_each_character(std::string_view text, const std::function<void(std::int32_t, std::string_view)>& visit) {
    for_each_char(text, visit);
}

std::string terminal_safe(std::string_view text) {
    std::string out;
    out.reserve(text.size());
    for_each_char(text, [&](std::int32_t cp, std::string_view bytes) {
        switch (hidden_kind(cp)) {
            case Hidden::byte: out += byte_escape(bytes); break;
            case Hidden::c1:
            case Hidden::format: out += code_point(cp); break;
            case Hidden::none: out += bytes;
        }
    });
    return out;
}

namespace {

// The length of the colour sequence (SGR: ESC [ digits and `;` m) at the start of `text`, or 0.
std::size_t colour_sequence(std::string_view text) {
    if (!text.starts_with("\x1b[")) return 0;
    std::size_t i = 2;
    while (i < text.size() && ((text[i] >= '0' && text[i] <= '9') || text[i] == ';')) ++i;
    return i < text.size() && text[i] == 'm' ? i + 1 : 0;
}

}  // namespace

std::string terminal_output(std::string_view text, bool coloured) {
    std::string out;
    out.reserve(text.size());
    std::string piece;  // text between line ends and colour sequences, escaped when complete
    auto flush = [&] {
        out += terminal_safe(piece);
        piece.clear();
    };
    for (std::size_t i = 0; i < text.size();) {
        if (text[i] == '\n' || (text[i] == '\r' && text.substr(i, 2) == "\r\n")) {
            flush();
            std::size_t len = text[i] == '\r' ? 2 : 1;
            out += text.substr(i, len);
            i += len;
        } else if (std::size_t sgr = coloured ? colour_sequence(text.substr(i)) : 0; sgr > 0) {
            flush();
            out += text.substr(i, sgr);
            i += sgr;
        } else {
            piece += text[i++];
        }
    }
    flush();
    return out;
}

std::string isolated(std::string_view name) {
    // Isolates the name opens and does not close, and closes without opening them: each gets
    // its partner, so the name's own cannot close (or keep open) the isolate around it.
    std::size_t open = 0, stray = 0;
    bool reorders = false;
    for_each_char(name, [&](std::int32_t cp, std::string_view) {
        if (cp < 0) return;
        if (cp == 0x2066 || cp == 0x2067 || cp == 0x2068) ++open;
        if (cp == 0x2069) open > 0 ? --open : ++stray;
        switch (utf8proc_get_property(cp)->bidi_class) {
            case UTF8PROC_BIDI_CLASS_R:
            case UTF8PROC_BIDI_CLASS_AL:
            case UTF8PROC_BIDI_CLASS_AN:
            case UTF8PROC_BIDI_CLASS_LRE:
            case UTF8PROC_BIDI_CLASS_LRO:
            case UTF8PROC_BIDI_CLASS_RLE:
            case UTF8PROC_BIDI_CLASS_RLO:
            case UTF8PROC_BIDI_CLASS_PDF:
            case UTF8PROC_BIDI_CLASS_LRI:
            case UTF8PROC_BIDI_CLASS_RLI:
            case UTF8PROC_BIDI_CLASS_FSI:
            case UTF8PROC_BIDI_CLASS_PDI: reorders = true; break;
            default: break;
        }
    });
    if (!reorders) return std::string(name);
    std::string out;
    for (std::size_t i = 0; i <= stray; ++i) out += "\u2068";
    out += name;
    for (std::size_t i = 0; i <= open; ++i) out += "\u2069";
    return out;
}

std::string csv_safe(std::string_view text) {
    if (text.empty() || is_number(text)) return std::string(text);
    // Control characters escaped as terminal_safe does (a CSV is printed to a terminal as
    // often as it is opened in a spreadsheet), line breaks within a cell kept.
    std::string safe;
    for (std::size_t start = 0; start <= text.size();) {
        std::size_t end = std::min(text.find('\n', start), text.size());
        safe += terminal_safe(text.substr(start, end - start));
        if (end < text.size()) safe += '\n';
        start = end + 1;
    }
    if (std::string_view("=+-@\t\r").find(text.front()) == std::string_view::npos) return safe;
    return "'" + safe;
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
        // GFM's autolinks (extension): a scheme's colon (`https:`, `mailto:`, `javascript:`)
        // and the dot of `www.` are escaped; an e-mail address, which GFM links even with its
        // characters escaped, is split before its `@` by an empty HTML comment.
        auto alpha = [&](std::size_t j) { return std::isalpha(static_cast<unsigned char>(safe[j])) != 0; };
        markup = markup || (c == ':' && i > 0 && alpha(i - 1) && scheme_colon(safe, i)) ||
                 (c == '.' && i >= 3 && lowered(safe.substr(i - 3, 3)) == "www" && !(i > 3 && word(i - 4)));
        if (c == '@' && i > 0 && i + 1 < safe.size() && email_local(safe[i - 1]) && email_domain(safe[i + 1]))
            out += "<!-- -->";
        if (markup) out += '\\';
        out += c;
    }
    return out;
}

std::string quote_value(std::string_view value, bool ascii_expected, std::size_t limit) {
    // `limit` counts columns as shown, so `<U+00E9>` counts 8 and a wide character 2: a
    // quoted value never takes more than about `limit` columns of a message.
    std::string out = "`";
    std::size_t shown = 0, total = 0, width = 0;
    bool full = false;
    for_each_char(value, [&](std::int32_t cp, std::string_view bytes) {
        ++total;
        if (full) return;
        std::string piece;
        std::size_t w = 0;
        if (cp < 0 || is_c0_or_del(cp)) piece = byte_escape(bytes), w = piece.size();
        else if (is_deceptive(cp) || (ascii_expected && cp >= 0x80)) piece = code_point(cp), w = piece.size();
        else piece = bytes, w = std::size_t(std::max(1, utf8proc_charwidth(cp)));  // a combining mark counts 1
        if (width + w > limit) {
            full = true;
            return;
        }
        width += w;
        ++shown;
        out += piece;
    });
    out += shown < total ? "…`" : "`";
    if (shown < total) out += fmt::format(" ({} characters)", total);
    return out;
}

std::string code_point_name(char32_t cp) {
    char name[128];
    UErrorCode status = U_ZERO_ERROR;
    std::int32_t n = u_charName(UChar32(cp), U_UNICODE_CHAR_NAME, name, sizeof name, &status);
    if (U_FAILURE(status) || n <= 0 || n >= std::int32_t(sizeof name)) return fmt::format("U+{:04X}", std::uint32_t(cp));
    return fmt::format("U+{:04X} {}", std::uint32_t(cp), std::string_view(name, std::size_t(n)));
}

namespace {

// Whether two texts look alike on screen: Unicode's confusable skeletons (UTS #39) are equal.
bool look_alike(std::string_view a, std::string_view b) {
    struct Checker {
        USpoofChecker* sc = nullptr;
        Checker() {
            UErrorCode status = U_ZERO_ERROR;
            sc = uspoof_open(&status);
            if (U_FAILURE(status)) sc = nullptr;
            else uspoof_setChecks(sc, USPOOF_CONFUSABLE, &status);
        }
        ~Checker() {
            if (sc) uspoof_close(sc);
        }
    };
    static const Checker checker;  // read-only once made, which ICU allows across threads
    if (!checker.sc) return false;
    UErrorCode status = U_ZERO_ERROR;
    std::int32_t r = uspoof_areConfusableUTF8(checker.sc, a.data(), std::int32_t(a.size()), b.data(),
                                              std::int32_t(b.size()), &status);
    return U_SUCCESS(status) && r != 0;
}

std::vector<std::int32_t> code_points_of(std::string_view text) {
    std::vector<std::int32_t> out;
    for_each_char(text, [&](std::int32_t cp, std::string_view) { out.push_back(cp < 0 ? 0xFFFD : cp); });
    return out;
}

// "U+0061 LATIN SMALL LETTER A and U+0062 …" for the characters [from, to) of `cps`.
std::string names_of(const std::vector<std::int32_t>& cps, std::size_t from, std::size_t to) {
    std::string out;
    for (std::size_t i = from; i < to && i < from + 4; ++i) out += (i > from ? ", " : "") + code_point_name(char32_t(cps[i]));
    if (to > from + 4) out += ", …";
    return out;
}

}  // namespace

std::string did_you_mean(std::string_view given, std::string_view suggestion) {
    std::string hint = fmt::format("; did you mean {}", quote_value(suggestion));
    if (given == suggestion || !look_alike(name_key(given), name_key(suggestion))) return hint + "?";
    // The characters that differ: what is left between the longest common start and end,
    // letters compared as names are (case folded), so `amina khаn` against `Amina Khan`
    // names only the Cyrillic а.
    auto a = code_points_of(given), b = code_points_of(suggestion);
    auto same = [](std::int32_t x, std::int32_t y) {
        if (x == y) return true;
        std::string sx, sy;
        utf8proc_uint8_t buf[4];
        sx.assign(reinterpret_cast<char*>(buf), std::size_t(utf8proc_encode_char(x, buf)));
        sy.assign(reinterpret_cast<char*>(buf), std::size_t(utf8proc_encode_char(y, buf)));
        return name_key(sx) == name_key(sy) && !name_key(sx).empty();
    };
    if (a.size() == b.size()) {
        // Letter for letter: each pair that differs.
        std::string pairs;
        int shown = 0;
        for (std::size_t i = 0; i < a.size(); ++i) {
            if (same(a[i], b[i])) continue;
            if (shown++ == 3) {
                pairs += ", …";
                break;
            }
            pairs += fmt::format("{}{} where the value has {}", shown > 1 ? ", and " : "",
                                 code_point_name(char32_t(b[i])), code_point_name(char32_t(a[i])));
        }
        if (pairs.empty()) {  // the same letters, in another case: say so, not an empty "with"
            bool lower = std::all_of(b.begin(), b.end(), [](std::int32_t c) { return utf8proc_tolower(c) == c; });
            return hint + (lower ? ", in lower case?" : ", which differs only in case?");
        }
        return fmt::format("{}, with {}?", hint, pairs);
    }
    std::size_t pre = 0;
    while (pre < a.size() && pre < b.size() && same(a[pre], b[pre])) ++pre;
    std::size_t suf = 0;
    while (suf < a.size() - pre && suf < b.size() - pre && same(a[a.size() - 1 - suf], b[b.size() - 1 - suf])) ++suf;
    std::size_t a_end = a.size() - suf, b_end = b.size() - suf;
    if (pre == a_end) return fmt::format("{}, with {} that the value lacks?", hint, names_of(b, pre, b_end));
    if (pre == b_end) return fmt::format("{}, without the value's {}?", hint, names_of(a, pre, a_end));
    return fmt::format("{}, with {} where the value has {}?", hint, names_of(b, pre, b_end), names_of(a, pre, a_end));
}

std::optional<std::string> closest_match(std::string_view given, const std::vector<std::string_view>& candidates,
                                         std::optional<std::size_t> most) {
    const std::string key = name_key(given);
    std::optional<std::string> best;
    std::size_t best_distance = 0;
    for (auto c : candidates) {
        std::string k = name_key(c);
        if (k == key) return std::string(c);
        std::size_t d = edit_distance(key, k);
        if (!best || d < best_distance) {
            best = std::string(c);
            best_distance = d;
        }
    }
    std::size_t length = code_points(key);
    std::size_t limit = most ? *most : std::max<std::size_t>(1, (length + 2) / 3);
    if (best && best_distance <= limit && best_distance < length) return best;
    return std::nullopt;
}

std::string did_you_mean(std::string_view given, const std::vector<std::string_view>& candidates) {
    auto best = closest_match(given, candidates);
    return best ? did_you_mean(given, *best) : std::string();
}

bool is_web_link(std::string_view link) {
    std::string scheme = lowered(link.substr(0, std::min<std::size_t>(link.size(), 8)));
    std::size_t host = scheme.starts_with("https://") ? 8 : scheme.starts_with("http://") ? 7 : 0;
    if (host == 0 || host >= link.size() || std::string_view("/?#:@").find(link[host]) != std::string_view::npos)
        return false;
    bool plain = true;
    for_each_char(link, [&](std::int32_t cp, std::string_view) {
        if (cp < 0 || cp == ' ' || is_c0_or_del(cp) || is_unsafe_for_terminal(cp) || is_space(cp)) plain = false;
    });
    return plain;
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

std::string_view trim_spaces(std::string_view text) {
    std::size_t start = 0, end = 0;
    bool seen = false;  // a character that is not a space
    for (std::size_t i = 0; i < text.size();) {
        std::size_t len = 1;
        std::int32_t cp = next_char(text, i, len);
        if (cp < 0 || !is_space(cp)) {
            if (!seen) start = i;
            seen = true;
            end = i + len;
        }
        i += len;
    }
    return seen ? text.substr(start, end - start) : std::string_view();
}

bool same_name(std::string_view a, std::string_view b) {
    return a == b || name_key(a) == name_key(b);  // most names are written alike: skip the folding
}

bool name_contains(std::string_view haystack, std::string_view needle) {
    return name_key(haystack).find(name_key(needle)) != std::string::npos;
}

std::string squashed_key(std::string_view name) {
    std::string key = name_key(name);
    utf8proc_uint8_t* mapped = nullptr;
    auto n = utf8proc_map(reinterpret_cast<const utf8proc_uint8_t*>(key.data()), utf8proc_ssize_t(key.size()), &mapped,
                          utf8proc_option_t(UTF8PROC_STABLE | UTF8PROC_COMPOSE | UTF8PROC_STRIPMARK));
    std::unique_ptr<utf8proc_uint8_t, decltype(&std::free)> owned(mapped, &std::free);
    std::string_view bare = n >= 0 ? std::string_view(reinterpret_cast<const char*>(mapped), std::size_t(n))
                                   : std::string_view(key);
    std::string out;
    for_each_char(bare, [&](std::int32_t cp, std::string_view bytes) {
        if (cp < 0) return;
        auto category = utf8proc_category(cp);
        bool letter_or_digit = (category >= UTF8PROC_CATEGORY_LU && category <= UTF8PROC_CATEGORY_LO) ||
                               (category >= UTF8PROC_CATEGORY_ND && category <= UTF8PROC_CATEGORY_NO);
        if (letter_or_digit) out += bytes;
    });
    return out;
}

}  // namespace tfm
