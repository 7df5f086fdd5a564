#include "tfm/base/json.h"

#include <doctest/doctest.h>

using tfm::json_quote;

TEST_CASE("json_quote: escapes what a terminal would act on, keeps visible text") {
    CHECK(json_quote("Caf\xC3\xA9 \xE2\x80\x93 Site") == "\"Caf\xC3\xA9 \xE2\x80\x93 Site\"");
    CHECK(json_quote("a\"b\\c\nd") == "\"a\\\"b\\\\c\\nd\"");
    CHECK(json_quote("esc\x1b[31m del\x7f") == "\"esc\\u001b[31m del\\u007f\"");
    CHECK(json_quote("C1\xC2\x9B") == "\"C1\\u009b\"");
    CHECK(json_quote("Oak \xE2\x80\xAEloohcS\xE2\x80\xAC") == "\"Oak \\u202eloohcS\\u202c\"");
    CHECK(json_quote("zw\xE2\x80\x8B\xEF\xBB\xBF") == "\"zw\\u200b\\ufeff\"");
    // Every format character, as on a terminal: soft hyphen, joiner, Arabic letter mark, a tag.
    CHECK(json_quote("so\u00ADft \u200D \u061C \U000E0041") == "\"so\\u00adft \\u200d \\u061c \\udb40\\udc41\"");
}

TEST_CASE("json_quote: bytes that are not UTF-8 become U+FFFD, so the document stays valid") {
    CHECK(json_quote("\xFF\xFE.yaml") == "\"\\ufffd\\ufffd.yaml\"");
    CHECK(json_quote("cut \xC3") == "\"cut \\ufffd\"");
    CHECK(json_quote("overlong \xC0\xAF") == "\"overlong \\ufffd\\ufffd\"");
    CHECK(json_quote("surrogate \xED\xA0\x80") == "\"surrogate \\ufffd\\ufffd\\ufffd\"");
    CHECK(json_quote("emoji \xF0\x9F\x98\x80") == "\"emoji \xF0\x9F\x98\x80\"");
}
