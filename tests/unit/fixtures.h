// Fixtures shared by the unit tests: dates in one call, and trees loaded from YAML text as
// the Workspace the commands use (records, index, journeys, findings).
#pragma once

#include "tfm/analysis/workspace.h"
#include "tfm/load/load.h"

#include <doctest/doctest.h>

#include <string_view>

namespace tfm::test {

inline Date d(int y, unsigned m, unsigned day) { return Date(y, m, day); }

// What a fixture tolerates from the loader before the test's own assertions run.
enum class LoaderFindings {
    none,         // the text must load without a single finding
    no_errors,    // warnings and notes are allowed
};

// YAML text loaded as the one file of a tree; each finding the fixture does not tolerate
// fails the test with its position, message and rule.
inline LoadResult load_fixture(std::string_view yaml, LoaderFindings allowed = LoaderFindings::none) {
    LoadResult loaded = load_text(yaml);
    if (allowed == LoaderFindings::none) {
        for (const auto& d : loaded.diagnostics)
            FAIL_CHECK(d.pos.line << ":" << d.pos.column << " " << d.message << " [" << d.rule << "]");
        REQUIRE(loaded.diagnostics.empty());
    } else {
        for (const auto& d : loaded.diagnostics)
            CHECK_MESSAGE(d.severity != Severity::error, d.rule, " ", d.pos.line, ":", d.pos.column,
                          " ", d.message);
    }
    return loaded;
}

// The as-of date of fixtures whose tests read neither journeys nor findings.
inline Date unused_as_of() { return Date(2022, 1, 1); }

}  // namespace tfm::test
