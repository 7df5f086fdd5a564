#include "tfm/base/unified_diff.h"

#include <fmt/format.h>

#include <algorithm>
#include <vector>

namespace tfm {

namespace {

// The lines of a text, each without its '\n'; `last_has_break` tells whether the text ends
// with one (an empty text has no lines).
struct Lines {
    std::vector<std::string_view> lines;
    bool last_has_break = true;
};

Lines split_lines(std::string_view text) {
    Lines out;
    std::size_t start = 0;
    while (start < text.size()) {
        std::size_t end = text.find('\n', start);
        if (end == std::string_view::npos) {
            out.lines.push_back(text.substr(start));
            out.last_has_break = false;
            break;
        }
        out.lines.push_back(text.substr(start, end - start));
        start = end + 1;
    }
    return out;
}

enum class Op { keep, remove, add };

struct Step {
    Op op;
    std::size_t a;  // index into the old lines (keep, remove)
    std::size_t b;  // index into the new lines (keep, add)
};

// Myers' O(ND) shortest edit script, keeping every V array to trace the path back.
std::vector<Step> edit_script(const std::vector<std::string_view>& a,
                              const std::vector<std::string_view>& b) {
    const long n = long(a.size()), m = long(b.size()), offset = n + m + 1;
    std::vector<long> v(std::size_t(2 * offset + 1), 0);
    std::vector<std::vector<long>> trace;
    long d = 0;
    for (; d <= n + m; ++d) {
        trace.push_back(v);
        bool done = false;
        for (long k = -d; k <= d; k += 2) {
            long x = (k == -d || (k != d && v[std::size_t(k - 1 + offset)] <
                                                v[std::size_t(k + 1 + offset)]))
                         ? v[std::size_t(k + 1 + offset)]
                         : v[std::size_t(k - 1 + offset)] + 1;
            long y = x - k;
            while (x < n && y < m && a[std::size_t(x)] == b[std::size_t(y)]) ++x, ++y;
            v[std::size_t(k + offset)] = x;
            if (x >= n && y >= m) {
                done = true;
                break;
            }
        }
        if (done) break;
    }
    std::vector<Step> steps;
    long x = n, y = m;
    for (; d > 0; --d) {
        const auto& pv = trace[std::size_t(d)];
        long k = x - y;
        bool down = k == -d || (k != d && pv[std::size_t(k - 1 + offset)] <
                                              pv[std::size_t(k + 1 + offset)]);
        long pk = down ? k + 1 : k - 1;
        long px = pv[std::size_t(pk + offset)], py = px - pk;
        while (x > px && y > py) steps.push_back({Op::keep, std::size_t(--x), std::size_t(--y)});
        if (down) steps.push_back({Op::add, std::size_t(x), std::size_t(--y)});
        else steps.push_back({Op::remove, std::size_t(--x), std::size_t(y)});
    }
    while (x > 0 && y > 0) steps.push_back({Op::keep, std::size_t(--x), std::size_t(--y)});
    std::reverse(steps.begin(), steps.end());
    return steps;
}

std::string hunk_range(std::size_t first, std::size_t count) {
    // diff -u prints a range "first,count", "first" alone for one line, "first-1,0" for none.
    if (count == 1) return fmt::format("{}", first + 1);
    return fmt::format("{},{}", count == 0 ? first : first + 1, count);
}

void append_line(std::string& out, char mark, std::string_view line, bool missing_break) {
    out += mark;
    out += line;
    out += '\n';
    if (missing_break) out += "\\ No newline at end of file\n";
}

}  // namespace

std::string unified_diff(std::string_view before, std::string_view after,
                         std::string_view before_label, std::string_view after_label) {
    if (before == after) return {};
    const Lines a = split_lines(before), b = split_lines(after);
    const std::vector<Step> steps = edit_script(a.lines, b.lines);
    constexpr std::size_t context = 3;
    std::string out = fmt::format("--- {}\n+++ {}\n", before_label, after_label);
    auto no_break_a = [&](std::size_t i) { return !a.last_has_break && i + 1 == a.lines.size(); };
    auto no_break_b = [&](std::size_t i) { return !b.last_has_break && i + 1 == b.lines.size(); };
    // A change at the last line that differs only in its final line break shows as one.
    std::size_t i = 0;
    while (i < steps.size()) {
        bool changed = steps[i].op != Op::keep ||
                       no_break_a(steps[i].a) != no_break_b(steps[i].b);
        if (!changed) {
            ++i;
            continue;
        }
        // A hunk: from `context` kept lines before this change to `context` after the last
        // change that is at most 2*context kept lines further on.
        std::size_t start = i >= context ? i - context : 0;
        std::size_t end = i;
        std::size_t kept_run = 0;
        for (std::size_t j = i; j < steps.size(); ++j) {
            bool c = steps[j].op != Op::keep || no_break_a(steps[j].a) != no_break_b(steps[j].b);
            if (c) {
                end = j + 1;
                kept_run = 0;
            } else if (++kept_run > 2 * context) {
                break;
            }
        }
        std::size_t stop = std::min(steps.size(), end + context);
        std::size_t a_first = steps[start].a, b_first = steps[start].b, a_count = 0, b_count = 0;
        std::string body;
        for (std::size_t j = start; j < stop; ++j) {
            const Step& s = steps[j];
            bool keep_same = s.op == Op::keep && no_break_a(s.a) == no_break_b(s.b);
            if (keep_same) {
                append_line(body, ' ', a.lines[s.a], no_break_a(s.a));
                ++a_count, ++b_count;
            } else if (s.op == Op::keep) {
                append_line(body, '-', a.lines[s.a], no_break_a(s.a));
                append_line(body, '+', b.lines[s.b], no_break_b(s.b));
                ++a_count, ++b_count;
            } else if (s.op == Op::remove) {
                append_line(body, '-', a.lines[s.a], no_break_a(s.a));
                ++a_count;
            } else {
                append_line(body, '+', b.lines[s.b], no_break_b(s.b));
                ++b_count;
            }
        }
        out += fmt::format("@@ -{} +{} @@\n", hunk_range(a_first, a_count),
                           hunk_range(b_first, b_count));
        out += body;
        i = stop;
    }
    return out;
}

}  // namespace tfm
