#include "tfm/render/html_report.h"

#include "html_parts.h"
#include "tfm/embedded/html_report_css.h"

#include <fmt/format.h>

namespace tfm {

using namespace detail;

std::string render_html(const HtmlInput& in) {
    const HtmlContext& ctx = in.context;
    Page page{in, ctx.year.str(), {}, {}};
    const Report& r = in.report;
    if (r.summary) summary_section(page, *r.summary);
    if (r.stages) stages_section(page, *r.stages);
    if (r.reach) reach_section(page, *r.reach);
    if (r.patterns) patterns_section(page, *r.patterns);
    if (r.characteristics) characteristics_section(page, *r.characteristics);
    if (r.cohorts) cohorts_section(page, *r.cohorts);
    if (!in.gaps.empty()) gaps_section(page, in.gaps);

    std::string hubs;
    for (const auto& h : ctx.hub_names) {
        if (!hubs.empty()) hubs += " + ";
        hubs += h;
    }
    if (hubs.empty()) hubs = "Maths Hub";
    std::string dirs;
    for (const auto& d : ctx.directories) {
        if (!dirs.empty()) dirs += ", ";
        dirs += fmt::format("<code>{}</code>", escape(d));
    }

    std::string out;
    out += "<!DOCTYPE html>\n<html lang=\"en-GB\">\n<head>\n<meta charset=\"utf-8\">\n";
    out += "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n";
    out += fmt::format("<meta name=\"generator\" content=\"{}\">\n", escape(ctx.generator));
    out += fmt::format("<title>{} \u2014 Teaching for Mastery report {}</title>\n", escape(hubs), page.year);
    out += "<style>\n" + std::string(embedded::html_report_css) + "</style>\n</head>\n<body>\n<div class=\"sheet\">\n";
    out += fmt::format("<header class=\"masthead\" data-year=\"{}\" data-as-of=\"{}\">\n", page.year, ctx.as_of.str());
    out += "<p class=\"kicker\">Teaching for Mastery \u00b7 hub report</p>\n";
    out += fmt::format("<h1>{}</h1>\n", escape(hubs));
    out += fmt::format("<p class=\"subtitle\">Academic year {}, as of {}</p>\n", page.year, long_date(ctx.as_of));
    out += "<dl class=\"provenance\">\n";
    out += fmt::format("<dt>Records</dt><dd data-records=\"\">{} \u00b7 {}, {}</dd>\n", dirs,
                       plural(ctx.files, "file", "files"), plural(ctx.records, "record", "records"));
    out += fmt::format("<dt>As of</dt><dd data-as-of=\"{0}\">{0}</dd>\n", ctx.as_of.str());
    if (!ctx.command.empty())
        out += fmt::format("<dt>Made with</dt><dd><code>{}</code> ({})</dd>\n", escape(ctx.command), escape(ctx.generator));
    else
        out += fmt::format("<dt>Made with</dt><dd>{}</dd>\n", escape(ctx.generator));
    out += "</dl>\n";
    if (ctx.errors > 0)
        out += fmt::format("<p class=\"warning\" role=\"note\">The records have {}; the records with "
                           "errors are left out of this report. Run <code>tfm check</code> for details.</p>\n",
                           plural(ctx.errors, "error", "errors"));
    out += "</header>\n";
    if (page.contents.size() > 1) {
        out += "<nav class=\"contents\" aria-label=\"Contents\"><ol>";
        for (const auto& [id, heading] : page.contents)
            out += fmt::format("<li><a href=\"#{}\">{}</a></li>", escape(id), escape(heading));
        out += "</ol></nav>\n";
    }
    out += "<main>\n" + page.body + "</main>\n";
    out += "<footer>\n";
    out += fmt::format("<p>Made by {} from {} as of {}. Every figure here is also in "
                       "<code>tfm report --format json</code> for the same records and date.</p>\n",
                       escape(ctx.generator), dirs, ctx.as_of.str());
    out += "<p>This page is self-contained: no scripts, fonts or files are fetched, so it reads "
           "offline and prints on A4.</p>\n";
    out += "</footer>\n</div>\n</body>\n</html>\n";
    return out;
}

}  // namespace tfm
