#include "tfm/render/findings.h"

#include "tfm/base/json.h"
#include "tfm/base/text.h"
#include "tfm/base/untrusted_text.h"

#include <fmt/format.h>

#include <fstream>
#include <map>
#include <sstream>

namespace tfm {
namespace {

const char* esc_bold = "\x1b[1m";
const char* esc_reset = "\x1b[0m";

const char* severity_color(Severity s) {
    switch (s) {
        case Severity::error: return "\x1b[1;31m";
        case Severity::warning: return "\x1b[1;35m";
        case Severity::note: return "\x1b[1;36m";
    }
    return "";
}

// The lines of the files findings point into, read once each. The loader keeps no file
// text: it frees each file's bytes once parsed, so that a national tree is never held twice
// (see load.cpp). Findings point into few files, so reading just those again costs little.
class SourceLines {
public:
    SourceLines(const Records& records, const std::map<std::string, std::string>* unwritten)
        : records_(records), unwritten_(unwritten) {}

    const std::string* line(int file, int number) {
        auto& lines = lines_of(file);
        if (number < 1 || std::size_t(number) > lines.size()) return nullptr;
        return &lines[std::size_t(number - 1)];
    }

private:
    std::vector<std::string>& lines_of(int file) {
        auto it = cache_.find(file);
        if (it != cache_.end()) return it->second;
        auto& lines = cache_[file];
        const std::string& path = records_.files[std::size_t(file)].full_path;
        std::istringstream given;
        std::ifstream read;
        std::istream* source = &read;
        if (unwritten_ && unwritten_->count(path)) {
            given.str(unwritten_->at(path));
            source = &given;
        } else {
            read.open(path, std::ios::binary);
        }
        std::istream& in = *source;
        // Lines end as the loader reads them: LF, CRLF or a bare CR; a byte-order mark may
        // start any document.
        std::string l;
        char c;
        auto finish = [&] {
            if (l.starts_with("\xEF\xBB\xBF")) l.erase(0, 3);
            lines.push_back(std::move(l));
            l.clear();
        };
        while (in.get(c) && lines.size() <= 10'000'000) {
            if (c == '\n') {
                finish();
            } else if (c == '\r') {
                if (in.peek() == '\n') in.get(c);
                finish();
            } else {
                l += c;
            }
        }
        if (!l.empty()) finish();
        return lines;
    }

    const Records& records_;
    const std::map<std::string, std::string>* unwritten_;
    std::map<int, std::vector<std::string>> cache_;
};

std::string location(const Records& records, const Pos& p) {
    std::string file = p.file >= 0 ? terminal_safe(records.files[std::size_t(p.file)].path) : std::string(".");
    if (p.line <= 0) return file;
    return fmt::format("{}:{}:{}", file, p.line, p.column);
}

// The echoed source line, shortened around the column when it is very long. Control
// characters in it are shown escaped, and the caret counts what is shown.
void source_excerpt(std::string& out, const std::string& line, int column, bool color) {
    if (line.find('\0') != std::string::npos) return;
    // Byte offset of the column (columns count characters).
    std::size_t byte = 0;
    // A stray byte (0x92 of Windows-1252) is one column of its own, not part of the character
    // before it: only a lead byte takes the continuation bytes after it.
    for (int col = 1; col < column && byte < line.size();) {
        bool lead = static_cast<unsigned char>(line[byte]) >= 0xC0;
        ++byte;
        while (lead && byte < line.size() && (static_cast<unsigned char>(line[byte]) & 0xC0) == 0x80) ++byte;
        ++col;
    }
    auto shown = [](std::string_view text) {
        std::string tabs_as_spaces(text);
        for (char& c : tabs_as_spaces)
            if (c == '\t') c = ' ';
        return terminal_safe(tabs_as_spaces);
    };
    std::size_t start = 0;
    std::string prefix;
    if (byte > 100) {  // keep the caret on screen
        start = byte - 60;
        while (start > 0 && (static_cast<unsigned char>(line[start]) & 0xC0) == 0x80) --start;
        prefix = "…";
    }
    std::string_view tail = std::string_view(line).substr(start);
    std::string suffix;
    if (tail.size() > 200) {
        std::size_t cut = 160;
        while (cut < tail.size() && (static_cast<unsigned char>(tail[cut]) & 0xC0) == 0x80) ++cut;
        tail = tail.substr(0, cut);
        suffix = "…";
    }
    std::size_t caret = display_width(prefix) + display_width(shown(std::string_view(line).substr(start, byte - start)));
    out += fmt::format("    {}{}{}\n", prefix, shown(tail), suffix);
    out += fmt::format("    {}{}^{}\n", std::string(caret, ' '), color ? "\x1b[1;32m" : "",
                       color ? esc_reset : "");
}

}  // namespace

std::string render_findings_text(const Records& records, const Diagnostics& findings,
                                 const FindingsStyle& style) {
    std::string out;
    SourceLines sources(records, style.unwritten);
    for (const auto& d : findings) {
        if (style.quiet && d.severity == Severity::note) continue;
        std::string loc = location(records, d.pos);
        if (style.color)
            out += fmt::format("{}{}:{} {}{}:{} {} [{}]\n", esc_bold, loc, esc_reset,
                               severity_color(d.severity), severity_name(d.severity), esc_reset,
                               terminal_safe(d.message), d.rule);
        else
            out += fmt::format("{}: {}: {} [{}]\n", loc, severity_name(d.severity), terminal_safe(d.message),
                               d.rule);
        if (d.pos.file >= 0 && d.pos.line > 0)
            if (const std::string* line = sources.line(d.pos.file, d.pos.line))
                source_excerpt(out, *line, d.pos.column, style.color);
    }
    return out;
}

std::string render_summary_text(const CheckSummary& s, const FindingsStyle& style) {
    if (style.quiet) return "";
    auto plural = [](int n, std::string_view word) {
        return fmt::format("{} {}{}", n, word, n == 1 ? "" : "s");
    };
    std::string counts;
    if (s.errors + s.warnings + s.notes == 0)
        counts = "no problems";
    else
        counts = fmt::format("{}, {}, {}", plural(s.errors, "error"), plural(s.warnings, "warning"),
                             plural(s.notes, "note"));
    return fmt::format("checked {}, {}: {}\n", plural(s.files, "file"), plural(s.records, "record"),
                       counts);
}

std::string render_findings_json(const Records& records, const Diagnostics& findings,
                                 const CheckSummary& summary) {
    JsonWriter w;
    w.begin_object().key("findings").begin_array();
    for (const auto& d : findings) {
        w.begin_object();
        w.key("file").value(d.pos.file >= 0 ? records.files[std::size_t(d.pos.file)].path : ".");
        w.key("line").value(d.pos.line);
        w.key("column").value(d.pos.column);
        w.key("severity").value(severity_name(d.severity));
        w.key("rule").value(d.rule);
        w.key("message").value(d.message);
        w.end_object();
    }
    w.end_array();
    w.key("summary").begin_object();
    w.key("errors").value(summary.errors);
    w.key("warnings").value(summary.warnings);
    w.key("notes").value(summary.notes);
    w.key("files").value(summary.files);
    w.key("records").value(summary.records);
    w.end_object().end_object();
    return w.str();
}

}  // namespace tfm
