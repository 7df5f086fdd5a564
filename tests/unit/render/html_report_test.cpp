// The HTML report page (structure, self-containment, determinism) and the command line it
// shows. tests/html/ checks whole pages against the JSON report.
#include "tfm/render/html_report.h"
#include "tfm/render/shell_command.h"

#include <doctest/doctest.h>

#include <string>

using namespace tfm;

TEST_CASE("shell: a command line is quoted for the shell only where it must be") {
    CHECK(shell_command({"tfm", "-C", "examples", "--as-of", "2026-11-26"}) == "tfm -C examples --as-of 2026-11-26");
    CHECK(shell_command({"tfm", "-C", "my records", "--year", "2026/27"}) == "tfm -C 'my records' --year 2026/27");
    CHECK(shell_command({"it's"}) == "'it'\\''s'");
}

TEST_CASE("html: the page is one document with no script and no external reference") {
    HtmlInput in;
    in.context.hub_names = {"Hub <&>"};
    in.context.directories = {"records"};
    in.context.as_of = Date(2026, 11, 26);
    in.context.year = AcademicYear(2026);
    in.context.generator = "tfm test";
    in.report.reach = ReachSection{AcademicYear(2026), {{AcademicYear(2025), 1, 2}, {AcademicYear(2026), 3, 5}}};
    std::string page = render_html(in);
    CHECK(page.rfind("<!DOCTYPE html>\n<html lang=\"en-GB\">", 0) == 0);
    CHECK(page.find("<style>\n:root {") != std::string::npos);  // html_report.css, embedded
    CHECK(page.find("@media print") != std::string::npos);
    CHECK(page.find("<script") == std::string::npos);
    CHECK(page.find("http") == std::string::npos);
    CHECK(page.find("<h1><bdi>Hub &lt;&amp;&gt;</bdi></h1>") != std::string::npos);
    CHECK(page.find("data-chart=\"chart-reach\"") != std::string::npos);
    CHECK(page.find("<td data-key=\"schools\" data-value=\"5\" class=\"num\">5</td>") != std::string::npos);
    CHECK(page == render_html(in));
}

TEST_CASE("html: a hub name in the page's <title>, where no <bdi> can go, is set in isolates") {
    HtmlInput in;
    in.context.hub_names = {"Pennine \u202EbuH shtaM"};
    in.context.as_of = Date(2026, 11, 26);
    in.context.year = AcademicYear(2026);
    std::string page = render_html(in);
    CHECK(page.find("<title>&#x2068;Pennine &#x202E;buH shtaM&#x2069; \u2014 Teaching for Mastery report 2026/27</title>") !=
          std::string::npos);
    in.context.hub_names = {"Pennine"};
    CHECK(render_html(in).find("<title>Pennine \u2014 Teaching for Mastery report 2026/27</title>") != std::string::npos);
}

TEST_CASE("html: every hub name is isolated in a <bdi>, so a right-to-left name reorders nothing") {
    HtmlInput in;
    in.context.hub_names = {"\u05DE\u05E8\u05DB\u05D6 \u202Eevil", "Leeds"};
    in.context.directories = {"records"};
    in.context.as_of = Date(2026, 11, 26);
    in.context.year = AcademicYear(2026);
    in.context.generator = "tfm test";
    std::string page = render_html(in);
    CHECK(page.find("<h1>2 Maths Hubs</h1>") != std::string::npos);
    // The override is written as a character reference: the same text for a browser, never a
    // raw control for a terminal showing the source.
    CHECK(page.find("<bdi>\u05DE\u05E8\u05DB\u05D6 &#x202E;evil</bdi> \u00b7 <bdi>Leeds</bdi></p>") != std::string::npos);
    in.context.hub_names = {"\u05DE\u05E8\u05DB\u05D6 \u202Eevil"};
    CHECK(render_html(in).find("<h1><bdi>\u05DE\u05E8\u05DB\u05D6 &#x202E;evil</bdi></h1>") != std::string::npos);
    CHECK(page.find("<bdi><code>records</code></bdi>") != std::string::npos);
}
