// Windows-1252 and UTF-8 to UTF-8 (the GIAS extract's encodings).
#include "tfm/base/text_decoding.h"

#include "tfm/base/line_error.h"

#include <doctest/doctest.h>

#include <string>

using namespace tfm;

TEST_CASE("cp1252 maps every byte from 0x80 to 0x9F as Windows does") {
    CHECK(cp1252_to_utf8("St Mary\x92s") == "St Mary\u2019s");
    CHECK(cp1252_to_utf8("A \x96 B \x97 C") == "A \u2013 B \u2014 C");
    CHECK(cp1252_to_utf8("\x80\x85\x91\x93\x94\x99\x9F") == "\u20AC\u2026\u2018\u201C\u201D\u2122\u0178");
    CHECK(cp1252_to_utf8("\x8A\x8C\x8E\x9A\x9C\x9E\x83\x88\x98") == "\u0160\u0152\u017D\u0161\u0153\u017E\u0192\u02C6\u02DC");
    // The five bytes cp1252 leaves undefined become the C1 control with the same number.
    CHECK(cp1252_to_utf8("\x81\x8D\x8F\x90\x9D") == "\u0081\u008D\u008F\u0090\u009D");
    // 0xA0 to 0xFF are Latin-1.
    CHECK(cp1252_to_utf8("Caf\xE9 \xA0\xFF") == "Caf\u00E9 \u00A0\u00FF");
    CHECK(cp1252_to_utf8("plain ASCII, 123") == "plain ASCII, 123");
    // Every one of the 32 bytes gives valid UTF-8 of its own.
    for (int b = 0x80; b < 0xA0; ++b) {
        std::string one(1, char(b));
        std::string out = cp1252_to_utf8(one);
        CHECK(out.size() >= 2);
        CHECK(static_cast<unsigned char>(out[0]) >= 0xC2);
    }
}

TEST_CASE("decode reads each line as UTF-8 when it is, else as Windows-1252") {
    CHECK(decode_text("Caf\xE9").text == "Caf\u00E9");
    CHECK(decode_text("Caf\xE9").encoding == "Windows-1252");
    CHECK(decode_text("\xEF\xBB\xBFURN,Name\r\nCaf\xC3\xA9").text == "URN,Name\r\nCaf\u00E9");
    CHECK(decode_text("\xEF\xBB\xBFURN").encoding == "UTF-8");
    CHECK(decode_text("Caf\xC3\xA9").text == "Caf\u00E9");
    CHECK(decode_text("Caf\xC3\xA9").encoding == "UTF-8");
    CHECK(decode_text("ascii").encoding == "Windows-1252");
    // One stray Windows-1252 byte leaves the UTF-8 lines as they are (no CafÃ©).
    Decoded mixed = decode_text("URN,Name\nCaf\xC3\xA9\nSt Mary\x92s\r\nBront\xC3\xAB\rend");
    CHECK(mixed.text == "URN,Name\nCaf\u00E9\nSt Mary\u2019s\r\nBront\u00EB\rend");
    CHECK(mixed.encoding == "UTF-8, with fields in Windows-1252");
    CHECK(decode_text("\xEF\xBB\xBFURN\nok\nCaf\xE9\n").text == "URN\nok\nCaf\u00E9\n");
}

TEST_CASE("decode reads each field of a line on its own, and refuses a field that mixes the two") {
    // A UTF-8 name and a Windows-1252 name on one line: each keeps its accents.
    Decoded line = decode_text("URN,Name,LA\n1,Caf\xC3\xA9,Bront\xEB\n");
    CHECK(line.text == "URN,Name,LA\n1,Caf\u00E9,Bront\u00EB\n");
    CHECK(line.encoding == "UTF-8, with fields in Windows-1252");
    // Quoted fields and a comma inside quotes.
    CHECK(decode_text("\"Caf\xC3\xA9, Z\",\"St Mary\x92s\"").text == "\"Caf\u00E9, Z\",\"St Mary\u2019s\"");
    auto error_of = [](std::string_view bytes) -> std::string {
        try {
            decode_text(bytes);
        } catch (const LineError& e) {
            return std::to_string(e.line) + ": " + e.what();
        }
        return "";
    };
    // One field with both: é in UTF-8 and ë in Windows-1252. Neither reading is right.
    CHECK(error_of("URN,Name\n1,\"Caf\xC3\xA9 Bront\xEB\"\n") ==
          "2: line 2, column 2: the field mixes UTF-8 (\u00E9) with Windows-1252 bytes, so no reading of it is "
          "right; save the extract from Excel as \"CSV UTF-8\"");
    CHECK(error_of("a,b,c\r\n1,2,\xE2\x80\x93\x96") .starts_with("2: line 2, column 3: "));
    // Windows-1252 text whose byte pairs are not UTF-8 characters is read as it is.
    CHECK(decode_text("\xC9" "cole \xC9" "l\xE9mentaire, Saint-Andr\xE9\x92s").text ==
          "\u00C9cole \u00C9l\u00E9mentaire, Saint-Andr\u00E9\u2019s");
}

TEST_CASE("decode names a UTF-16 or UTF-32 extract, with or without its byte-order mark") {
    auto error_of = [](std::string_view bytes) -> std::string {
        try {
            decode_text(bytes);
        } catch (const LineError& e) {
            return std::to_string(e.line) + ": " + e.what();
        }
        return "";
    };
    using namespace std::string_view_literals;
    CHECK(error_of("\xFF\xFEU\0R\0N\0"sv) ==
          "0: this file is UTF-16 (little-endian), not UTF-8 or Windows-1252; save it from Excel as \"CSV UTF-8\"");
    CHECK(error_of("\xFE\xFF\0U\0R\0N"sv).starts_with("0: this file is UTF-16 (big-endian)"));
    CHECK(error_of("U\0R\0N\0,\0"sv).starts_with("0: this file is UTF-16 (little-endian)"));
    CHECK(error_of("\0U\0R\0N\0,"sv).starts_with("0: this file is UTF-16 (big-endian)"));
    CHECK(error_of("U\0\0\0R\0\0\0"sv).starts_with("0: this file is UTF-32 (little-endian)"));
    CHECK(wide_encoding("URN,Name") == std::nullopt);
}

TEST_CASE("decode refuses control characters, naming their line (bare CR counts as a break)") {
    auto line_of_error = [](std::string_view bytes) {
        try {
            decode_text(bytes);
        } catch (const LineError& e) {
            return e.line;
        }
        return 0;
    };
    CHECK(line_of_error("URN\r1\r\nSt \x9D Mary") == 3);     // undefined in Windows-1252
    CHECK(line_of_error("URN\nok\nA\x81") == 3);
    CHECK(line_of_error("URN\nRed\x1B[31m") == 2);             // ESC
    CHECK(line_of_error("URN\nDel\x7F") == 2);
    CHECK(line_of_error("URN\nC1 \xC2\x9B in UTF-8") == 2);
    CHECK(line_of_error("URN\n\tTabbed,\r\n") == 0);
}
