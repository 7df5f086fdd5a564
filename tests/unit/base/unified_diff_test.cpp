#include "tfm/base/unified_diff.h"

#include <doctest/doctest.h>

#include <random>
#include <sstream>
#include <string>
#include <vector>

using namespace tfm;

namespace {

// Splits text after each '\n' (the last piece may lack one).
std::vector<std::string> pieces(const std::string& text) {
    std::vector<std::string> out;
    std::size_t s = 0;
    while (s < text.size()) {
        std::size_t e = text.find('\n', s);
        if (e == std::string::npos) e = text.size() - 1;
        out.push_back(text.substr(s, e - s + 1));
        s = e + 1;
    }
    return out;
}

// Applies a unified diff to `before` (hunks in order, every context and removed line
// checked), so that the property test can say the diff turns before into after.
std::string apply(const std::string& before, const std::string& diff) {
    const std::vector<std::string> old_lines = pieces(before);
    std::vector<std::string> d = pieces(diff);
    for (auto& l : d) l.pop_back();  // every diff line ends with '\n'
    REQUIRE(d.size() >= 2);
    REQUIRE(d[0].rfind("--- ", 0) == 0);
    REQUIRE(d[1].rfind("+++ ", 0) == 0);
    std::string out;
    std::size_t next = 0;
    for (std::size_t i = 2; i < d.size(); ++i) {
        const std::string& line = d[i];
        if (line.rfind("@@ -", 0) == 0) {
            std::size_t first = std::stoul(line.substr(4));
            std::size_t comma = line.find(',');
            bool empty = comma != std::string::npos && comma < line.find(' ', 4) &&
                         std::stoul(line.substr(comma + 1)) == 0;
            std::size_t start = empty ? first : first - 1;
            REQUIRE(start >= next);
            while (next < start) out += old_lines[next++];
            continue;
        }
        REQUIRE(!line.empty());
        bool no_break = i + 1 < d.size() && d[i + 1] == "\\ No newline at end of file";
        std::string text = line.substr(1) + (no_break ? "" : "\n");
        if (line[0] == ' ' || line[0] == '-') {
            REQUIRE(next < old_lines.size());
            REQUIRE(old_lines[next] == text);
            ++next;
        }
        if (line[0] == ' ' || line[0] == '+') out += text;
        if (no_break) ++i;
    }
    while (next < old_lines.size()) out += old_lines[next++];
    return out;
}

}  // namespace

TEST_CASE("unified_diff of equal texts is empty") {
    CHECK(unified_diff("a\nb\n", "a\nb\n", "a", "b").empty());
    CHECK(unified_diff("", "", "a", "b").empty());
}

TEST_CASE("unified_diff prints diff -u's hunks") {
    std::string before = "1\n2\n3\n4\n5\n6\n7\n8\n9\n10\n";
    std::string after = "1\n2\n3\n4\n5\nsix\n7\n8\n9\n10\n";
    CHECK(unified_diff(before, after, "a/x.yaml", "b/x.yaml") ==
          "--- a/x.yaml\n+++ b/x.yaml\n@@ -3,7 +3,7 @@\n 3\n 4\n 5\n-6\n+six\n 7\n 8\n 9\n");
}

TEST_CASE("unified_diff: additions at the end and into an empty file") {
    CHECK(unified_diff("a\n", "a\nb\n", "x", "y") == "--- x\n+++ y\n@@ -1 +1,2 @@\n a\n+b\n");
    CHECK(unified_diff("", "new\n", "x", "y") == "--- x\n+++ y\n@@ -0,0 +1 @@\n+new\n");
}

TEST_CASE("unified_diff marks a last line without a line break") {
    CHECK(unified_diff("a\nb", "a\nb\n", "x", "y") ==
          "--- x\n+++ y\n@@ -1,2 +1,2 @@\n a\n-b\n\\ No newline at end of file\n+b\n");
}

TEST_CASE("unified_diff keeps carriage returns as part of their line") {
    std::string d = unified_diff("a\r\nb\r\n", "a\r\nc\r\n", "x", "y");
    CHECK(d == "--- x\n+++ y\n@@ -1,2 +1,2 @@\n a\r\n-b\r\n+c\r\n");
}

TEST_CASE("unified_diff: applying the diff to random texts gives the new text") {
    std::mt19937 rng(12345);
    const char* words[] = {"a", "b", "c", "  - x", "# comment", ""};
    for (int round = 0; round < 500; ++round) {
        auto random_text = [&] {
            std::string t;
            int n = int(rng() % 25);
            for (int i = 0; i < n; ++i) t += std::string(words[rng() % 6]) + "\n";
            if (!t.empty() && rng() % 4 == 0) t.pop_back();
            return t;
        };
        std::string before = random_text();
        std::string after = rng() % 3 == 0 ? before : random_text();
        if (rng() % 2 == 0 && !before.empty()) {
            after = before;
            after.insert(rng() % after.size(), "inserted\n");
        }
        std::string diff = unified_diff(before, after, "x", "y");
        CAPTURE(before);
        CAPTURE(after);
        CAPTURE(diff);
        if (before == after) {
            CHECK(diff.empty());
        } else {
            CHECK(apply(before, diff) == after);
        }
    }
}
