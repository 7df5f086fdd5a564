#include "tfm/render/html_report.h"

#include "html_parts.h"
#include "tfm/render/html_report_css.h"

#include <fmt/format.h>

namespace tfm {

namespace detail {

std::string empty_note(std::string_view text) {
    return fmt::format("<p class=\"empty\">{}</p>\n", escape(text));
}

std::string figure_card(std::string_view key, std::string_view value, std::string_view label,
                        std::string_view extra, bool wide) {
    return fmt::format("<div class=\"card{4}\" data-figure=\"{0}\" data-value=\"{1}\">"
                       "<p class=\"card-value\">{1}</p><p class=\"card-label\">{2}</p>{3}</div>\n",
                       escape(key), escape(value), escape(label), extra, wide ? " card-wide" : "");
}

void Page::open_section(std::string_view id, std::string_view heading, std::string_view lead) {
    contents.emplace_back(id, heading);
    // The heading and its lead stay together, and with what follows them, on paper.
    body += fmt::format("<section id=\"{0}\" aria-labelledby=\"{0}-heading\">\n<div class=\"head\">"
                        "<h2 id=\"{0}-heading\">{1}</h2>\n",
                        escape(id), escape(heading));
    if (!lead.empty()) body += fmt::format("<p class=\"lead\">{}</p>\n", lead);
    body += "</div>\n";
}

}  // namespace detail

namespace {

using namespace detail;

// The view's name: the hub's, or "40 Maths Hubs" for several.
std::string joined_hubs(const HtmlContext& ctx) {
    if (ctx.hub_names.empty()) return "Maths Hub";
    if (ctx.hub_names.size() == 1) return ctx.hub_names.front();
    return fmt::format("{} Maths Hubs", ctx.hub_names.size());
}

// With several hubs, their names in one compact paragraph under the title.
std::string hub_list(const HtmlContext& ctx) {
    if (ctx.hub_names.size() < 2) return "";
    std::string out = "<p class=\"hub-list\" data-hubs=\"\">";
    for (std::size_t i = 0; i < ctx.hub_names.size(); ++i)
        out += (i ? " \u00b7 " : "") + bdi(ctx.hub_names[i]);
    return out + "</p>\n";
}

// The records' directories, each as code.
std::string directories_of(const HtmlContext& ctx) {
    std::string dirs;
    for (const auto& d : ctx.directories) {
        if (!dirs.empty()) dirs += ", ";
        dirs += fmt::format("<bdi><code>{}</code></bdi>", escape(d));
    }
    return dirs;
}

std::string head(const HtmlContext& ctx, const std::string& hubs) {
    std::string out;
    out += "<!DOCTYPE html>\n<html lang=\"en-GB\">\n<head>\n<meta charset=\"utf-8\">\n";
    out += "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n";
    out += fmt::format("<meta name=\"generator\" content=\"{}\">\n", escape(ctx.generator));
    out += fmt::format("<title>{} \u2014 Teaching for Mastery report {}</title>\n", escape(isolated(hubs)), ctx.year.str());
    out += "<style>\n" + std::string(embedded::html_report_css) + "</style>\n</head>\n";
    return out;
}

// The header: the hubs, the year and date, and where the figures came from.
std::string masthead(const HtmlContext& ctx, const std::string& hubs, const std::string& dirs) {
    std::string out;
    out += fmt::format("<header class=\"masthead\" data-year=\"{}\" data-as-of=\"{}\">\n", ctx.year.str(), ctx.as_of.str());
    out += fmt::format("<p class=\"kicker\">Teaching for Mastery \u00b7 {}</p>\n",
                       ctx.hub_names.size() > 1 ? "national report" : "hub report");
    // One hub: its name, isolated so that it cannot reorder the text around it.
    out += fmt::format("<h1>{}</h1>\n", ctx.hub_names.size() == 1 ? bdi(ctx.hub_names.front()) : escape(hubs));
    out += hub_list(ctx);
    out += fmt::format("<p class=\"subtitle\">Academic year {}, as of {}</p>\n", ctx.year.str(), long_date(ctx.as_of));
    // Forty hubs' directories and the command naming them all fill a page: folded away there.
    bool fold = ctx.directories.size() > 3;
    if (fold)
        out += fmt::format("<details class=\"figures\"><summary>Records: {} directories \u00b7 {}, {}</summary>\n",
                           ctx.directories.size(), plural(ctx.files, "file", "files"), plural(ctx.records, "record", "records"));
    out += "<dl class=\"provenance\">\n";
    out += fmt::format("<dt>Records</dt><dd data-records=\"\">{} \u00b7 {}, {}</dd>\n", dirs,
                       plural(ctx.files, "file", "files"), plural(ctx.records, "record", "records"));
    out += fmt::format("<dt>As of</dt><dd data-as-of=\"{0}\">{0}</dd>\n", ctx.as_of.str());
    if (!ctx.command.empty())
        out += fmt::format("<dt>Made with</dt><dd><code>{}</code> ({})</dd>\n", escape(ctx.command), escape(ctx.generator));
    else
        out += fmt::format("<dt>Made with</dt><dd>{}</dd>\n", escape(ctx.generator));
    out += "</dl>\n";
    if (fold) out += "</details>\n";
    if (ctx.errors > 0)
        out += fmt::format("<p class=\"warning\" role=\"note\">The records have {}; the records with "
                           "errors are left out of this report. Run <code>tfm check</code> for details.</p>\n",
                           plural(ctx.errors, "error", "errors"));
    return out + "</header>\n";
}

// Links to the sections, when there is more than one.
std::string contents_of(const Page& page) {
    if (page.contents.size() <= 1) return "";
    std::string out = "<nav class=\"contents\" aria-label=\"Contents\"><ol>";
    for (const auto& [id, heading] : page.contents)
        out += fmt::format("<li><a href=\"#{}\">{}</a></li>", escape(id), escape(heading));
    return out + "</ol></nav>\n";
}

std::string footer(const HtmlContext& ctx, const std::string& dirs) {
    std::string out = "<footer>\n";
    out += fmt::format("<p>Made by {} from {} as of {}. Every figure here is also in "
                       "<code>tfm report --format json</code> for the same records and date.</p>\n",
                       escape(ctx.generator),
                       ctx.directories.size() > 3 ? fmt::format("the {} records directories above", ctx.directories.size()) : dirs,
                       ctx.as_of.str());
    out += "<p>This page is self-contained: no scripts, fonts or files are fetched, so it reads "
           "offline and prints on A4.</p>\n";
    return out + "</footer>\n";
}

}  // namespace

std::string render_html(const HtmlInput& in) {
    const HtmlContext& ctx = in.context;
    Page page{in, ctx.year.str(), {}, {}};
    const Report& r = in.report;
    if (r.summary) write_summary(page, *r.summary);
    if (r.hubs) write_hubs(page, *r.hubs);
    if (r.stages) write_stages(page, *r.stages);
    if (r.reach) write_reach(page, *r.reach);
    if (r.patterns) write_patterns(page, *r.patterns);
    if (r.characteristics) write_characteristics(page, *r.characteristics);
    if (r.cohorts) write_cohorts(page, *r.cohorts);
    if (r.leads) write_leads(page, *r.leads);
    if (r.progression) write_progression(page, *r.progression);
    if (!in.gaps.empty()) write_gaps(page, in.gaps);

    std::string hubs = joined_hubs(ctx), dirs = directories_of(ctx);
    // The national page prints its panels side by side, so forty hubs read in a few pages.
    std::string body = ctx.hub_names.size() > 1 ? "<body class=\"national\">" : "<body>";
    return head(ctx, hubs) + body + "\n<div class=\"sheet\">\n" + masthead(ctx, hubs, dirs) +
           contents_of(page) + "<main>\n" + page.body + "</main>\n" + footer(ctx, dirs) +
           "</div>\n</body>\n</html>\n";
}

}  // namespace tfm
