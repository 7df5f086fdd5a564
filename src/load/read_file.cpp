#include "file_records.h"
#include "reader.h"
#include "slips.h"

#include "tfm/base/text.h"
#include "tfm/base/text_decoding.h"

#include <fmt/format.h>

#include <algorithm>
#include <cctype>
#include <optional>

namespace tfm::detail {
namespace {

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

Diagnostic syntax_error(Pos p, std::string message) {
    return {p, Severity::error, std::string(rule_name(RuleId::yaml_syntax)), std::move(message)};
}

// Line ends and byte-order marks as YAML allows them, made plain for the parser: a bare CR
// (old Mac) ends a line as LF does, and a byte-order mark may start any document (a file
// made by joining files). Offsets change only where a mark is dropped, and lines never do.
std::optional<std::string> plain_text(std::string_view text) {
    bool bare_cr = false;
    for (std::size_t i = text.find('\r'); i != std::string_view::npos; i = text.find('\r', i + 1))
        if (i + 1 >= text.size() || text[i + 1] != '\n') bare_cr = true;
    bool marks = text.find(utf8_bom) != std::string_view::npos;
    if (!bare_cr && !marks) return std::nullopt;
    std::string out;
    out.reserve(text.size());
    bool line_start = true;
    for (std::size_t i = 0; i < text.size(); ++i) {
        if (line_start && text.substr(i).starts_with(utf8_bom)) {
            i += utf8_bom.size() - 1;
            continue;
        }
        char c = text[i];
        if (c == '\r' && (i + 1 >= text.size() || text[i + 1] != '\n')) c = '\n';
        out += c;
        line_start = c == '\n';
    }
    return out;
}

// The first character YAML does not allow in a file: C0 controls but tab and line breaks,
// DEL, C1 controls but NEL. Such bytes come from pasted terminal output or broken exports.
std::optional<Diagnostic> control_character(std::string_view text, int file) {
    for (std::size_t i = 0; i < text.size(); ++i) {
        auto c = static_cast<unsigned char>(text[i]);
        bool c0 = (c < 0x20 && c != '\t' && c != '\n' && c != '\r') || c == 0x7F;
        bool c1 = c == 0xC2 && i + 1 < text.size() && static_cast<unsigned char>(text[i + 1]) >= 0x80 &&
                  static_cast<unsigned char>(text[i + 1]) <= 0x9F && static_cast<unsigned char>(text[i + 1]) != 0x85;
        if (!c0 && !c1) continue;
        std::string shown = c0 ? fmt::format("\\x{:02x}", c)
                               : fmt::format("U+{:04X}", static_cast<unsigned char>(text[i + 1]));
        return syntax_error(position_of_offset(text, i, file),
                            fmt::format("a control character ({}) is not allowed in a YAML file; delete it, "
                                        "or write it as an escape inside double quotes",
                                        shown));
    }
    return std::nullopt;
}

// A byte-order mark anywhere but at the start of a line (plain_text has dropped those): YAML
// allows one only where a document starts. It comes from joining or pasting files and is
// invisible in an editor, so it is named by code point where it is.
std::optional<Diagnostic> stray_bom(std::string_view text, int file) {
    auto at = text.find(utf8_bom);
    if (at == std::string_view::npos) return std::nullopt;
    return syntax_error(position_of_offset(text, at, file),
                        "an invisible U+FEFF BYTE ORDER MARK is here: YAML allows one only at the start of a "
                        "document; delete it (or write it as `\\uFEFF` inside double quotes)");
}

// A NUL byte or bytes that are not UTF-8: the file is not YAML text at all.
std::optional<Diagnostic> encoding_problem(std::string_view text, int file) {
    if (auto wide = wide_encoding(text))
        return syntax_error(Pos{file, 1, 1}, fmt::format("this file is {}, not UTF-8; save it as UTF-8", *wide));
    if (auto nul = text.find('\0'); nul != std::string_view::npos)
        return syntax_error(position_of_offset(text, nul, file),
                            "this is a binary file, not YAML (it holds a NUL byte)");
    if (auto bad = first_invalid_utf8(text); bad != std::string_view::npos)
        return syntax_error(position_of_offset(text, bad, file),
                            fmt::format("byte 0x{:02X} is not valid UTF-8; save the file as UTF-8",
                                        static_cast<unsigned char>(text[bad])));
    return std::nullopt;
}

// YAML indents with spaces only; yaml-cpp's message for a tab is obscure, so name it when
// a line up to the first syntax error is indented with one.
std::optional<Diagnostic> tab_indentation(std::string_view text, std::uint32_t error_line, int file) {
    std::uint32_t line = 0;
    for (std::size_t i = 0; i < text.size() && line <= error_line; ++line) {
        std::size_t j = i;
        while (j < text.size() && text[j] == ' ') ++j;
        if (j < text.size() && text[j] == '\t')
            return syntax_error(position_of_offset(text, j, file),
                                "a tab is used for indentation; YAML indents with spaces");
        std::size_t nl = text.find('\n', i);
        if (nl == std::string_view::npos) break;
        i = nl + 1;
    }
    return std::nullopt;
}

// The text of line `index` (0-based) without its line break; empty past the end.
std::string_view line_at(std::string_view text, std::uint32_t index, std::size_t& start) {
    start = 0;
    for (std::uint32_t l = 0; l < index; ++l) {
        std::size_t nl = text.find('\n', start);
        if (nl == std::string_view::npos) return {};
        start = nl + 1;
    }
    std::size_t end = text.find('\n', start);
    std::string_view line = text.substr(start, end == std::string_view::npos ? std::string_view::npos : end - start);
    if (line.ends_with('\r')) line.remove_suffix(1);
    return line;
}

// A colon slip on the line of a syntax error or the two before it, which is where yaml-cpp
// notices one.
std::optional<Diagnostic> slip_before(std::string_view text, std::uint32_t error_line, int file) {
    for (std::uint32_t back = 0; back <= 2 && back <= error_line; ++back) {
        std::size_t start = 0;
        std::uint32_t index = error_line - back;
        std::string_view line = line_at(text, index, start);
        if (auto slip = line_slip(line))
            return syntax_error(Pos{file, int(index) + 1, int(code_points(line.substr(0, slip->offset))) + 1},
                                std::move(slip->message));
    }
    return std::nullopt;
}

// A line break YAML 1.1 readers (yaml-cpp) see where an editor shows none: NEL U+0085, LINE
// SEPARATOR U+2028, PARAGRAPH SEPARATOR U+2029 on the line of a syntax error or the two
// before it. It splits a value in two, which yaml-cpp reports only as a vague syntax error.
std::optional<Diagnostic> hidden_line_break(std::string_view text, std::uint32_t error_line, int file) {
    struct Break {
        std::string_view bytes, escape, name;
    };
    static constexpr Break breaks[] = {{"\xC2\x85", "\\N", "U+0085 NEXT LINE (NEL)"},
                                       {"\xE2\x80\xA8", "\\L", "U+2028 LINE SEPARATOR"},
                                       {"\xE2\x80\xA9", "\\P", "U+2029 PARAGRAPH SEPARATOR"}};
    for (std::uint32_t index = error_line >= 2 ? error_line - 2 : 0; index <= error_line; ++index) {
        std::size_t start = 0;
        std::string_view line = line_at(text, index, start);
        std::size_t first = std::string_view::npos;
        const Break* found = nullptr;
        for (const auto& b : breaks)
            if (auto at = line.find(b.bytes); at < first) first = at, found = &b;
        if (!found) continue;
        return syntax_error(Pos{file, int(index) + 1, int(code_points(line.substr(0, first))) + 1},
                            fmt::format("an invisible {} is here, and a YAML reader takes it for a line "
                                        "break that splits the line; delete it (or write it as `{}` inside "
                                        "double quotes)",
                                        found->name, found->escape));
    }
    return std::nullopt;
}

// yaml-cpp's error, at the line and column an editor shows.
Diagnostic parse_error(std::string_view text, yaml::SyntaxError e, int file) {
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
    Pos p{file, int(e.line) + 1, int(e.byte_col) + 1};
    // Convert the byte column to characters on that line.
    std::size_t start = 0;
    for (std::uint32_t l = 0; l < e.line; ++l) {
        std::size_t nl = text.find('\n', start);
        if (nl == std::string_view::npos) break;
        start = nl + 1;
    }
    if (start <= text.size())
        p.column = int(code_points(text.substr(
                       start, std::min<std::size_t>(e.byte_col, text.size() - start)))) +
                   1;
    return syntax_error(p, std::move(e.message));
}

}  // namespace

FileRecords read_file_records(std::string_view bytes, int file_index, int directory,
                              std::shared_ptr<StringPool> pool) {
    FileRecords out;
    out.pool = pool ? std::move(pool) : std::make_shared<StringPool>();
    InternInto interning(*out.pool);
    std::string_view text = bytes;
    // A file that is not YAML, or does not parse, may have held the hub: do not also say
    // the hub is missing (broken_hubs).
    auto problem = encoding_problem(text, file_index);
    std::optional<std::string> plain;
    if (!problem) {
        plain = plain_text(text);
        if (plain) text = *plain;
        problem = control_character(text, file_index);
        if (!problem) problem = stray_bom(text, file_index);
    }
    if (problem) {
        out.diagnostics.push_back(std::move(*problem));
        ++out.broken_hubs;
        out.unloaded = true;
        out.unloaded_text = std::string(text);
        return out;
    }

    auto parsed = yaml::parse(text);
    if (!parsed.errors.empty()) {
        ++out.broken_hubs;
        out.unloaded = true;
        out.unloaded_text = std::string(text);
        if (auto tab = tab_indentation(text, parsed.errors.front().line, file_index)) {
            out.diagnostics.push_back(std::move(*tab));
            return out;
        }
        if (auto brk = hidden_line_break(text, parsed.errors.front().line, file_index)) {
            out.diagnostics.push_back(std::move(*brk));
            return out;
        }
        if (auto slip = slip_before(text, parsed.errors.front().line, file_index)) {
            out.diagnostics.push_back(std::move(*slip));
            parsed.errors.erase(parsed.errors.begin());
        }
    }
    for (auto& e : parsed.errors) out.diagnostics.push_back(parse_error(text, std::move(e), file_index));
    for (const auto& doc : parsed.documents) {
        if (doc.broken) continue;
        Reader(doc, text, file_index, directory, out).read_document();
    }
    // The file's records wait for the merge while other files load: give back the slack
    // that growing by doubling left (on a national tree, a quarter of the peak memory).
    out.schools.shrink_to_fit();
    out.cohorts.shrink_to_fit();
    out.sessions.shrink_to_fit();
    out.pool->seal();  // texts are shared within a file, not across files
    return out;
}

}  // namespace tfm::detail
