#include "tfm/render/html_register.h"

#include "tfm/render/register_tables.h"
#include "tfm/render/report_tables.h"
#include "tfm/render/svg_chart.h"
#include "tfm/base/untrusted_text.h"

#include <fmt/format.h>

namespace tfm {
namespace {

using svg::escape;

// Print CSS: one A4 page, landscape when the grid is wide.
constexpr const char* register_css = R"css(
:root { --ink: #1d2733; --muted: #5b6673; --rule: #c9d1da; --low: #b3261e; --band: #f2f5f8; }
* { box-sizing: border-box; }
body { font: 10.5pt/1.35 system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif;
       color: var(--ink); margin: 1.5rem auto; max-width: 60rem; padding: 0 1rem; }
header h1 { font-size: 1.35rem; margin: 0 0 .2rem; }
header p { margin: 0; color: var(--muted); }
table { border-collapse: collapse; width: 100%; margin: .8rem 0; font-variant-numeric: tabular-nums; }
caption { text-align: left; font-weight: 600; margin-bottom: .3rem; }
th, td { border-bottom: 1px solid var(--rule); padding: .2rem .35rem; text-align: left; vertical-align: top; }
thead th { border-bottom: 2px solid var(--ink); font-weight: 600; white-space: nowrap; }
td.mark, th.meeting { text-align: center; width: 3.2rem; }
td.num, th.num { text-align: right; white-space: nowrap; }
thead th.num { white-space: normal; width: 4.2rem; }
tr.school td { font-weight: 600; background: var(--band); }
tr.participant td.who { padding-left: 1.4rem; }
tr.below td.flag { color: var(--low); }
td.mark-absent { color: var(--low); }
td.mark-not_yet_member, td.mark-withdrawn, td.mark-not_expected { color: var(--muted); }
tfoot td { font-weight: 600; border-top: 2px solid var(--ink); }
.key { color: var(--muted); font-size: .9em; }
footer { color: var(--muted); font-size: .85em; margin-top: 1rem; }
code { font-size: .95em; }
@page { size: A4 landscape; margin: 10mm; }
@media print {
  /* Compact enough for the largest Work Group cohort_size allows (8 schools, 3 participants
     each, 6 meetings) on one A4 page. */
  body { margin: 0; max-width: none; padding: 0; font-size: 8pt; line-height: 1.15; }
  header h1 { font-size: 12pt; }
  table { margin: .3rem 0; }
  th, td { padding: .5pt 3pt; }
  tr.participant td.who { padding-left: 10pt; }
  td.mark, th.meeting { width: 2.3rem; }
  thead th.num { width: 3.6rem; }
  .key, footer { font-size: 7pt; margin-top: .2rem; }
  tr { break-inside: avoid; }
  tr.school td { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
}
)css";

std::string cell(std::string_view cls, std::string_view key, std::string_view value,
                 std::string_view shown, std::string_view title = "") {
    return fmt::format("<td class=\"{}\" data-key=\"{}\" data-value=\"{}\"{}>{}</td>", cls, escape(key),
                       escape(value), title.empty() ? "" : fmt::format(" title=\"{}\"", escape(title)),
                       escape(shown));
}

std::string marks(const Register& r, const std::vector<RegisterMark>& row) {
    std::string out;
    for (std::size_t i = 0; i < row.size(); ++i)
        out += cell(fmt::format("mark mark-{}", code_of(row[i])), r.meetings[i].date.str(), code_of(row[i]),
                    mark_symbol(row[i]), mark_words(row[i]));
    return out;
}

std::string totals(int attended, int of, const char* share_key, std::optional<bool> meets, bool withdrawn = false) {
    std::string out = cell("num", "meetings_attended", std::to_string(attended), std::to_string(attended));
    out += cell("num", "meetings_held", std::to_string(of), std::to_string(of));
    if (of) {
        double pct = 100.0 * attended / of;
        std::string text = attendance_text(pct);
        out += cell("num", share_key, text, text + "%");
    } else {
        out += "<td class=\"num\" data-key=\"attendance\">–</td>";
    }
    if (withdrawn) out += cell("flag", "meets_threshold", "false", "withdrawn");
    else if (meets) out += cell("flag", "meets_threshold", *meets ? "true" : "false", *meets ? "yes" : "below");
    else out += "<td></td>";
    return out;
}

std::string grid(const Register& r) {
    std::string threshold = attendance_text(r.completion * 100.0);
    std::string out = "<table class=\"register\" data-section=\"register\">\n";
    out += fmt::format("<caption>Attendance at the {} meetings held ({} planned)</caption>\n",
                       r.meetings.size(), r.planned_meetings);
    out += "<thead><tr><th scope=\"col\">School and participants</th>";
    for (const auto& m : r.meetings)
        out += fmt::format("<th scope=\"col\" class=\"meeting\">{}<br>{}</th>", m.date.day(),
                           std::string_view("JanFebMarAprMayJunJulAugSepOctNovDec").substr((m.date.month() - 1) * 3, 3));
    out += fmt::format("<th scope=\"col\" class=\"num\">meetings attended</th><th scope=\"col\" "
                       "class=\"num\">of meetings held</th><th scope=\"col\" class=\"num\">attendance</th>"
                       "<th scope=\"col\">meets {}%</th></tr></thead>\n<tbody>\n",
                       threshold);
    for (const auto& s : r.schools) {
        bool below = s.logged && !s.meets_completion && !s.withdrawn;
        std::string name = s.name.empty() ? fmt::format("URN {}", s.urn) : s.name;
        out += fmt::format("<tr class=\"school{}\" data-urn=\"{}\"><td class=\"who\" data-key=\"name\" "
                           "data-value=\"{}\">{} <span class=\"key\">{}</span></td>",
                           below ? " below" : "", s.urn, escape(name), svg::bdi(name), s.urn);
        out += marks(r, s.marks);
        out += totals(s.attended, s.logged, "attendance",
                      s.logged ? std::optional<bool>(s.meets_completion) : std::nullopt, s.withdrawn);
        out += "</tr>\n";
        for (const auto& p : s.participants) {
            out += fmt::format("<tr class=\"participant\" data-urn=\"{}\"><td class=\"who\" data-key=\"participant\" "
                               "data-value=\"{}\">{}{}</td>",
                               s.urn, escape(p.name), svg::bdi(p.name), p.listed ? "" : " <span class=\"key\">(not listed)</span>");
            out += marks(r, p.marks);
            out += totals(p.attended, p.expected, "attendance", std::nullopt);
            out += "</tr>\n";
        }
    }
    out += "</tbody>\n<tfoot><tr><td>Schools present</td>";
    for (const auto& m : r.meetings)
        out += cell("mark", m.date.str(), std::to_string(m.schools_present),
                    fmt::format("{}/{}", m.schools_present, m.schools_expected));
    out += "<td colspan=\"4\"></td></tr>\n<tr><td>Participants present</td>";
    for (const auto& m : r.meetings)
        out += cell("mark", m.date.str(), std::to_string(m.participants_present),
                    fmt::format("{}/{}", m.participants_present, m.participants_expected));
    out += "<td colspan=\"4\"></td></tr></tfoot>\n</table>\n";
    return out;
}

}  // namespace

std::string render_register_html(const Register& r, const RegisterPageContext& ctx) {
    std::string hubs;
    for (const auto& h : ctx.hub_names) hubs += (hubs.empty() ? "" : " + ") + svg::bdi(h);
    std::string threshold = attendance_text(r.completion * 100.0);
    std::string out = "<!DOCTYPE html>\n<html lang=\"en-GB\">\n<head>\n<meta charset=\"utf-8\">\n"
                      "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n";
    out += fmt::format("<title>Register: {}</title>\n", escape(isolated(r.cohort_name)));
    out += fmt::format("<meta name=\"generator\" content=\"{}\">\n", escape(ctx.generator));
    out += fmt::format("<style>{}</style>\n</head>\n<body>\n", register_css);
    out += fmt::format("<header>\n<h1>Register: {}</h1>\n", svg::bdi(r.cohort_name));
    out += fmt::format("<p>{} · {} {} · led by {} · <code>{}</code> · as of {}</p>\n</header>\n<main>\n",
                       hubs, escape(std::string(name_of(r.stage))), r.year.str(),
                       svg::bdi(r.lead_name), escape(r.cohort_id), ctx.as_of.str());
    if (r.schools.empty()) out += "<p>This Work Group has no member schools.</p>\n";
    else out += grid(r);
    out += fmt::format("<p class=\"key\">✓ present, ✗ absent, – not yet a member, w withdrawn, · not expected "
                       "(someone not listed, at a meeting they did not come to). "
                       "A school completes the stage by attending at least {}% of the meetings held "
                       "(those before it withdrew, and from its joined_on when it has one); "
                       "schools below that are marked <em>below</em>; a school that withdrew does not "
                       "complete it.</p>\n",
                       threshold);
    out += fmt::format("</main>\n<footer>Made with {} by <code>{}</code></footer>\n</body>\n</html>\n",
                       escape(ctx.generator), escape(ctx.command));
    return out;
}

}  // namespace tfm
