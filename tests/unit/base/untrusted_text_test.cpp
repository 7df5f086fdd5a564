// Untrusted text on its way to terminals, tables, CSV, Markdown and messages; names compared.
#include "tfm/base/untrusted_text.h"

#include "tfm/base/text.h"

#include <doctest/doctest.h>

#include <string>

using namespace tfm;

TEST_CASE("isolated wraps a name in FSI … PDI only when it could reorder the text around it") {
    CHECK(isolated("Wakefield") == "Wakefield");
    CHECK(isolated("Caf\u00e9 \u2013 12") == "Caf\u00e9 \u2013 12");
    CHECK(isolated("Wakefield\u202E") == "\u2068Wakefield\u202E\u2069");
    CHECK(isolated("Pennine \u202EbuH shtaM") == "\u2068Pennine \u202EbuH shtaM\u2069");
    CHECK(isolated("\u05DE\u05E8\u05DB\u05D6") == "\u2068\u05DE\u05E8\u05DB\u05D6\u2069");  // Hebrew letters
    CHECK(isolated("\u0661\u0662") == "\u2068\u0661\u0662\u2069");  // Arabic-Indic digits
    CHECK(isolated("x\u2067y") == "\u2068x\u2067y\u2069\u2069");    // an isolate left open is closed
    CHECK(isolated("x\u2069\u202Ey") == "\u2068\u2068x\u2069\u202Ey\u2069");  // a stray PDI gets its partner
    CHECK(isolated("").empty());
}

TEST_CASE("terminal_output escapes every control but line ends, and keeps only chosen colours") {
    // A calendar's CRLF and a page's line breaks are kept; everything else is escaped.
    CHECK(terminal_output("BEGIN:VCALENDAR\r\nSUMMARY:a\x1b]0;t\x07\r\n", false) ==
          "BEGIN:VCALENDAR\r\nSUMMARY:a\\x1b]0;t\\x07\r\n");
    CHECK(terminal_output("<p>\u009b2J \u0085 \u202Eevil\tx</p>\nend\rcr", false) ==
          "<p><U+009B>2J <U+0085> <U+202E>evil\\x09x</p>\nend\\x0dcr");
    // Colour sequences pass only when the output is coloured; any other escape never does.
    CHECK(terminal_output("\x1b[1;31mred\x1b[0m \x1b[2J", true) == "\x1b[1;31mred\x1b[0m \\x1b[2J");
    CHECK(terminal_output("\x1b[1;31mred\x1b[0m", false) == "\\x1b[1;31mred\\x1b[0m");
    CHECK(terminal_output("", true).empty());
}

TEST_CASE("terminal_safe escapes C0, DEL, C1, bidi controls and bytes that are not UTF-8") {
    CHECK(terminal_safe("St Mary's") == "St Mary's");
    CHECK(terminal_safe("Caf\u00e9 \u2013 \u00a0Hyde") == "Caf\u00e9 \u2013 \u00a0Hyde");
    CHECK(terminal_safe("a\x1b[31mred\x07") == "a\\x1b[31mred\\x07");
    CHECK(terminal_safe("tab\there\nnew\rcr") == "tab\\x09here\\x0anew\\x0dcr");
    CHECK(terminal_safe("del\x7f") == "del\\x7f");
    CHECK(terminal_safe("c1\u009b2J \u0085") == "c1<U+009B>2J <U+0085>");
    CHECK(terminal_safe("abc\u202Efed\u202C") == "abc<U+202E>fed<U+202C>");
    CHECK(terminal_safe("\u2066x\u2069 \u200Fy\u200E \u061C") == "<U+2066>x<U+2069> <U+200F>y<U+200E> <U+061C>");
    CHECK(terminal_safe("line\u2028sep\u2029") == "line<U+2028>sep<U+2029>");
    CHECK(terminal_safe("bad \xff\xc3") == "bad \\xff\\xc3");
    // Every format character (general category Cf) is shown: the soft hyphen, zero-width
    // joiners (in an emoji sequence too), the BOM, a tag, the Arabic letter mark.
    CHECK(terminal_safe("\U0001F469\u200D\U0001F4BB so\u00ADft") == "\U0001F469<U+200D>\U0001F4BB so<U+00AD>ft");
    CHECK(terminal_safe("a\u200Cb\u200Bc\uFEFFd\U000E0041e\u2060f") == "a<U+200C>b<U+200B>c<U+FEFF>d<U+E0041>e<U+2060>f");
    // Marks that are not format characters (a variation selector, a combining accent) stay.
    CHECK(terminal_safe("\u2764\uFE0F e\u0301") == "\u2764\uFE0F e\u0301");
}

TEST_CASE("csv_safe neutralises formulas in text cells, as OWASP advises") {
    CHECK(csv_safe("=HYPERLINK(\"http://x\",\"y\")") == "'=HYPERLINK(\"http://x\",\"y\")");
    CHECK(csv_safe("+44 113 496 0000") == "'+44 113 496 0000");
    CHECK(csv_safe("-2+3") == "'-2+3");
    CHECK(csv_safe("@SUM(A1)") == "'@SUM(A1)");
    CHECK(csv_safe("\tcmd") == "'\\x09cmd");
    CHECK(csv_safe("\r=1") == "'\\x0d=1");
    CHECK(csv_safe("-") == "'-");
    // Numbers and ordinary text stay as they are.
    CHECK(csv_safe("-12.5") == "-12.5");
    CHECK(csv_safe("+3") == "+3");
    CHECK(csv_safe("42") == "42");
    CHECK(csv_safe("St Mary's = best") == "St Mary's = best");
    CHECK(csv_safe("") == "");
    // Control characters never reach a terminal that shows the CSV; line breaks stay.
    CHECK(csv_safe("Red\x1b[31m Bell\x07\x7f") == "Red\\x1b[31m Bell\\x07\\x7f");
    CHECK(csv_safe("Oak \u202Eloohcs\u202C \u2066x\u2069 \xC2\x9B") ==
          "Oak <U+202E>loohcs<U+202C> <U+2066>x<U+2069> <U+009B>");
    CHECK(csv_safe("two\nlines\r\n") == "two\nlines\\x0d\n");
    CHECK(csv_safe("=1\x1b") == "'=1\\x1b");
}

TEST_CASE("markdown_safe shows markup literally") {
    CHECK(markdown_safe("St Mary's") == "St Mary's");
    CHECK(markdown_safe("<img src=x onerror=alert(1)>") == "\\<img src=x onerror=alert(1)>");
    CHECK(markdown_safe("[click](javascript:alert(1))") == "\\[click\\](javascript:alert(1))");
    CHECK(markdown_safe("*bold* _it_ `code` ~~s~~") == "\\*bold\\* \\_it\\_ \\`code\\` \\~\\~s\\~\\~");
    CHECK(markdown_safe("a|b") == "a\\|b");
    CHECK(markdown_safe("a\\|b") == "a\\\\\\|b");
    CHECK(markdown_safe("&lt; &#60; $x$") == "\\&lt; \\&#60; \\$x\\$");
    // Plain text stays readable: `_` inside a word and a lone `&` are not markup.
    CHECK(markdown_safe("in_progress Aire & Calder _x_") == "in_progress Aire & Calder \\_x\\_");
    CHECK(markdown_safe("<20 >=50 </b><!-- <?") == "<20 >=50 \\</b>\\<!-- \\<?");
    CHECK(markdown_safe("two\nlines\x1b") == "two lines\\\\x1b");
}

TEST_CASE("markdown_safe leaves no bare GFM autolink") {
    CHECK(markdown_safe("www.evil.example") == "www\\.evil.example");
    CHECK(markdown_safe("(WWW.evil.example)") == "(WWW\\.evil.example)");
    CHECK(markdown_safe("see https://evil.example/x") == "see https\\://evil.example/x");
    CHECK(markdown_safe("http://x ftp://y xmpp:z") == "http\\://x ftp\\://y xmpp\\:z");
    CHECK(markdown_safe("mailto:jo@school.sch.uk") == "mailto\\:jo<!-- -->@school.sch.uk");
    CHECK(markdown_safe("jo.smith+x@school.sch.uk") == "jo.smith+x<!-- -->@school.sch.uk");
    // Not links: times, a lone @, a word ending in www.
    CHECK(markdown_safe("Register: 10:30 @ Leeds, awww.") == "Register: 10:30 @ Leeds, awww.");
}

TEST_CASE("quoted shows at most 80 characters and invisible or look-alike ones by code point") {
    CHECK(quote_value("primary") == "`primary`");
    CHECK(quote_value("primary\u00a0") == "`primary<U+00A0>`");
    CHECK(quote_value("St Mary\u2019s \u2013 Hyde") == "`St Mary<U+2019>s <U+2013> Hyde`");
    CHECK(quote_value("zero\u200Bwidth\uFEFF") == "`zero<U+200B>width<U+FEFF>`");
    CHECK(quote_value("esc\x1b bad\xff") == "`esc\\x1b bad\\xff`");
    CHECK(quote_value("Caf\u00e9") == "`Caf\u00e9`");
    // Where only ASCII is expected, any other character may be a look-alike (Cyrillic а).
    CHECK(quote_value("prim\u0430ry", true) == "`prim<U+0430>ry`");
    CHECK(quote_value("prim\u0430ry") == "`prim\u0430ry`");
    std::string long_value(1'000'000, 'x');
    CHECK(quote_value(long_value) == "`" + std::string(80, 'x') + "…` (1000000 characters)");
    CHECK(quote_value(std::string(80, 'y')) == "`" + std::string(80, 'y') + "`");
    // The limit counts columns as shown: ten `<U+00E9>` (8 each), forty wide characters.
    std::string accents;
    for (int i = 0; i < 1000; ++i) accents += "\u00e9";
    std::string ten;
    for (int i = 0; i < 10; ++i) ten += "<U+00E9>";
    CHECK(quote_value(accents, true) == "`" + ten + "…` (1000 characters)");
    std::string wide, forty;
    for (int i = 0; i < 100; ++i) wide += "\u6F22";
    for (int i = 0; i < 40; ++i) forty += "\u6F22";
    CHECK(quote_value(wide) == "`" + forty + "…` (100 characters)");
    std::string marks;  // combining marks count a column each, so they cannot flood a message
    for (int i = 0; i < 1000; ++i) marks += "\u0301";
    CHECK(quote_value(marks).size() == 2 + 80 * 2 + 3 + std::string_view(" (1000 characters)").size());
    CHECK(quote_value(std::string(79, 'z') + "\u00a0") == "`" + std::string(79, 'z') + "…` (80 characters)");
    CHECK(quote_value("\u00e9\u00e9\u00e9", false, 2) == "`\u00e9\u00e9…` (3 characters)");
}

TEST_CASE("name_key folds what people read as the same name") {
    CHECK(name_key("St Mary\u2019s") == "st mary's");
    CHECK(name_key("ST MARY'S") == "st mary's");
    CHECK(name_key("Headingley \u2013 Hyde") == "headingley - hyde");
    CHECK(name_key("Headingley \u2014 Hyde \u2212 x \u2010") == "headingley - hyde - x -");
    CHECK(name_key("Scholes\u00a0Moor") == "scholes moor");
    CHECK(name_key("  Kirklees\u00a0 ") == "kirklees");
    CHECK(name_key("a\u2009\u202F\tb") == "a b");
    CHECK(name_key("\u201CQuoted\u201D") == "\"quoted\"");
    // NFC: a precomposed é and e + combining acute are one name; case folding covers accents.
    CHECK(name_key("Caf\u00e9") == name_key("Cafe\u0301"));
    CHECK(name_key("\u00c9LAN") == name_key("\u00e9lan"));
    CHECK(name_key("Stra\u00dfe") == "strasse");
    // Invisible characters are dropped.
    CHECK(name_key("Lee\u200Bds\u00AD") == "leeds");
    // Bytes that are not UTF-8 do not stop the comparison.
    CHECK(name_key("A\xff") == "a\uFFFD");
}

TEST_CASE("same_name and name_contains compare as names are") {
    CHECK(same_name("St Mary's", "st mary\u2019s"));
    CHECK(same_name("Kirklees", "kirklees\u00a0"));
    CHECK_FALSE(same_name("Leeds", "Leeds North"));
    CHECK(name_contains("Scholes\u00a0Moor Primary", "scholes moor"));
    CHECK(name_contains("Headingley \u2013 Hyde Park", "headingley - hyde"));
    CHECK_FALSE(name_contains("Moorside", "scholes"));
}

TEST_CASE("display_width counts terminal columns from Unicode's widths") {
    CHECK(display_width("abc") == 3);
    CHECK(display_width("Caf\u00e9") == 4);
    CHECK(display_width("Cafe\u0301") == 4);  // combining acute takes no column
    CHECK(display_width("\u2013\u2265") == 2);
    CHECK(display_width("\u5B66\u6821") == 4);  // wide CJK
    CHECK(display_width("\U0001F600") == 2);
    CHECK(display_width("\xff") == 1);
}

TEST_CASE("code_point_name names a character as Unicode does") {
    CHECK(code_point_name(0x043E) == "U+043E CYRILLIC SMALL LETTER O");
    CHECK(code_point_name(0x00A0) == "U+00A0 NO-BREAK SPACE");
    CHECK(code_point_name(0x200B) == "U+200B ZERO WIDTH SPACE");
    CHECK(code_point_name(0xFF1A) == "U+FF1A FULLWIDTH COLON");
    CHECK(code_point_name(0x10FFFF) == "U+10FFFF");  // a noncharacter has no name
}

TEST_CASE("did_you_mean names the characters that differ when the two look alike") {
    CHECK(did_you_mean("Kirklee", "Kirklees") == "; did you mean `Kirklees`?");
    // Cyrillic о for Latin o: the message shows which is which.
    CHECK(did_you_mean("H\u043Eyland", "Hoyland") ==
          "; did you mean `Hoyland`, with U+006F LATIN SMALL LETTER O where the value has U+043E CYRILLIC "
          "SMALL LETTER O?");
    // Case differences are not what differs: only the look-alike letter is named.
    CHECK(did_you_mean("amina kh\u0430n", "Amina Khan") ==
          "; did you mean `Amina Khan`, with U+0061 LATIN SMALL LETTER A where the value has U+0430 CYRILLIC "
          "SMALL LETTER A?");
    // Greek omicron and two Cyrillic letters in one word.
    CHECK(did_you_mean("R\u03BFthwell", "Rothwell").find("U+03BF GREEK SMALL LETTER OMICRON") != std::string::npos);
    CHECK(did_you_mean("\u0421\u0430lderdale", "Calderdale") ==
          "; did you mean `Calderdale`, with U+0043 LATIN CAPITAL LETTER C where the value has U+0421 CYRILLIC "
          "CAPITAL LETTER ES, and U+0061 LATIN SMALL LETTER A where the value has U+0430 CYRILLIC SMALL LETTER A?");
    // Letters apart: each named with its pair, not the stretch between them.
    CHECK(did_you_mean("B\u0435n J\u03BFnes", "Ben Jones") ==
          "; did you mean `Ben Jones`, with U+0065 LATIN SMALL LETTER E where the value has U+0435 CYRILLIC SMALL "
          "LETTER IE, and U+006F LATIN SMALL LETTER O where the value has U+03BF GREEK SMALL LETTER OMICRON?");
    // Two letters that look like one: `rn` and `m`.
    CHECK(did_you_mean("Bumley", "Burnley") ==
          "; did you mean `Burnley`, with U+0072 LATIN SMALL LETTER R, U+006E LATIN SMALL LETTER N where the value "
          "has U+006D LATIN SMALL LETTER M?");
    // An accent is visible: no note.
    CHECK(did_you_mean("Leeds\u0301", "Leeds") == "; did you mean `Leeds`?");
}

TEST_CASE("edit_distance counts code points, a swap of neighbours as one change") {
    CHECK(edit_distance("nmae", "name") == 1);
    CHECK(edit_distance("reprot", "report") == 1);
    CHECK(edit_distance("cafe", "caf\u00e9") == 1);
    CHECK(edit_distance("", "abc") == 3);
    CHECK(edit_distance("kitten", "sitting") == 3);
}

TEST_CASE("closest_match: the same name first, then the closest by edit distance") {
    using V = std::vector<std::string_view>;
    CHECK(closest_match("primay", V{"primary", "secondary"}) == std::optional<std::string>("primary"));
    CHECK_FALSE(closest_match("zzz", V{"primary", "secondary"}).has_value());
    // Compared as names are: case, curly quotes and spaces do not count.
    CHECK(closest_match("ST MARY\u2019S", V{"St Marys", "St Mary's"}) == std::optional<std::string>("St Mary's"));
    CHECK(closest_match("jsmth", V{"jsmith", "abrown"}) == std::optional<std::string>("jsmith"));
    CHECK(closest_match("reprot", V{"check", "report", "gaps"}) == std::optional<std::string>("report"));
    // The first of equally close candidates; nothing when all of it would change.
    CHECK(closest_match("ab", V{"ac", "ad"}) == std::optional<std::string>("ac"));
    CHECK_FALSE(closest_match("a", V{"b"}).has_value());
    // At most `most` changes when given.
    CHECK(closest_match("107392", V{"107329", "107330"}, 1) == std::optional<std::string>("107329"));
    CHECK_FALSE(closest_match("10732", V{"107538"}, 1).has_value());
    CHECK(did_you_mean("Tom Reed", V{"Tom Reid", "Amina Khan"}) == "; did you mean `Tom Reid`?");
    CHECK(did_you_mean("Zed", V{"Tom Reid"}).empty());
}

TEST_CASE("is_web_link accepts http(s) addresses only") {
    CHECK(is_web_link("https://meet.example.org/leeds-dev-a"));
    CHECK(is_web_link("HTTP://example.org"));
    CHECK(is_web_link("https://teams.microsoft.com/l/meetup-join/19%3ameeting?context=%7b%7d"));
    for (const char* bad : {"javascript:alert(1)", "JavaScript://%0aalert(1)", "data:text/html,<script>", "file:///etc/passwd",
                            "vbscript:x", "mailto:jo@example.org", "//example.org", "https://", "https:///x",
                            "https://exa mple.org", "https://example.org/\x1b[31m", "https://ex\u202Eample.org",
                            "example.org", " https://example.org", ""})
        CHECK_MESSAGE(!is_web_link(bad), bad);
}

TEST_CASE("control_character names the first character typed text must not bring into a record") {
    CHECK(control_character("Zoë Brontë, O'Neil-Smith") == "");
    CHECK(control_character("Amina\tKhan") == "a control character (U+0009)");
    CHECK(control_character("A\nB") == "a control character (U+000A)");
    CHECK(control_character("A\x7f") == "a control character (U+007F)");
    CHECK(control_character("A\u0085") == "a control character (U+0085)");
    CHECK(control_character("A\u202eB") == "a control character (U+202E)");
    CHECK(control_character("A\u2028B") == "a control character (U+2028)");
    CHECK(control_character("A\xff") == "a byte that is not UTF-8 (\\xff)");
}

TEST_CASE("did_you_mean says when only the case differs, never an empty reason") {
    CHECK(did_you_mean("Primary", "primary") == "; did you mean `primary`, in lower case?");
    CHECK(did_you_mean("GOOD", "good") == "; did you mean `good`, in lower case?");
    CHECK(did_you_mean("amina khan", "Amina Khan") == "; did you mean `Amina Khan`, which differs only in case?");
}
