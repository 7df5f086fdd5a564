// tfm schedule: who is where, when; as a table or an iCalendar file.
#include "cli.h"

#include "tfm/analysis/named_columns.h"
#include "tfm/base/untrusted_text.h"
#include "tfm/model/index.h"
#include "tfm/analysis/journey_view.h"
#include "tfm/analysis/schedule.h"
#include "tfm/render/ics.h"

#include <fmt/format.h>

namespace tfm::cli {

void define(CLI::App& sub, ScheduleArgs& args) {
    // `--year-group ''` and the like would otherwise filter nothing, silently.
    const CLI::Validator not_empty(
        [](std::string& v) { return v.empty() ? std::string("a value is needed") : std::string(); }, "");
    sub.add_option("--from", args.from, "First day (default: --as-of)")->type_name("YYYY-MM-DD")->check(not_empty);
    sub.add_option("--to", args.to, "Last day (default: six weeks after --from)")->type_name("YYYY-MM-DD")->check(not_empty);
    sub.add_option("--cohort", args.cohort, "Only this cohort")->type_name("ID")->check(not_empty);
    sub.add_option("--lead", args.lead, "Only cohorts this lead leads (an id, or a lead's name)")->type_name("ID")->check(not_empty);
    sub.add_option("--school", args.school, "Only this school's meetings and visits: its URN or (part of) its name")
        ->type_name("URN|NAME")->check(not_empty);
    sub.add_option("--audience", args.audience,
                   "Meetings with a timed agenda as their items for this audience, one event each")
        ->type_name("teachers|maths_leads")->check(not_empty);
    sub.add_option("--year-group", args.year_group,
                   "Meetings with a timed agenda as their items for this year group, one event each")
        ->type_name("R|Y1..Y13")->check(not_empty);
}

namespace {

// --school: a URN, or a school's name (or part of it) compared as names are.
Urn school_option(const Records& records, const std::string& text) {
    bool digits = text.find_first_not_of("0123456789") == std::string::npos;
    if (digits && text.size() != 6)
        throw UsageError{fmt::format("--school: `{}` is not a URN (six digits)", text)};
    auto matches = find_schools(records, text);
    if (matches.size() == 1) return matches.front()->urn;
    if (matches.empty())
        throw UsageError{digits ? fmt::format("--school: no school has the URN {}{}", text, schools_meant(records, text))
                                : fmt::format("--school: no school matches {}{}", quote_value(text),
                                              schools_meant(records, text))};
    std::string names;
    for (const School* s : matches) names += fmt::format("\n  {}  {}", s->urn, terminal_safe(s->name));
    throw UsageError{fmt::format("--school: {} schools match {}; give a URN or more of the name:{}", matches.size(),
                                 quote_value(text), names)};
}

}  // namespace

int run(const GlobalArgs& g, const ScheduleArgs& args) {
    Format format =
        output_format(g, Format::table, {Format::table, Format::text, Format::csv, Format::json, Format::md, Format::xlsx, Format::ics});
    Date as_of = as_of_date(g);
    ScheduleFilter filter;
    filter.from = args.from.empty() ? as_of : date_option("--from", args.from);
    filter.to = args.to.empty() ? filter.from.plus_days(41) : date_option("--to", args.to);
    if (filter.to < filter.from)
        throw UsageError{fmt::format("--to {} is before --from {}", filter.to.str(), filter.from.str())};
    filter.cohort = args.cohort;
    filter.lead = args.lead;
    if (!args.audience.empty()) {
        if (args.audience != "teachers" && args.audience != "maths_leads")
            throw UsageError{fmt::format("--audience: `{}` is not teachers or maths_leads", args.audience)};
        filter.audience = *parse_enum<Audience>(args.audience);
    }
    if (!args.year_group.empty()) {
        for (YearGroup yg = 0; yg <= 13; ++yg)
            if (year_group_name(yg) == args.year_group) filter.year_group = yg;
        if (!filter.year_group)
            throw UsageError{fmt::format("--year-group: `{}` is not a year group (R, Y1 … Y13)", args.year_group)};
    }
    Workspace workspace(load_data(g), as_of, view_of(g, as_of));
    if (print_fatal(workspace.fatal())) return exit_unreadable;
    const Records& records = workspace.records();
    const Index& index = workspace.index();
    if (!args.school.empty()) filter.school = school_option(records, args.school);
    if (!filter.cohort.empty() && !index.cohort(filter.cohort))
        throw UsageError{fmt::format("--cohort: no cohort has the id `{}`{}", filter.cohort,
                                     cohort_meant(records, filter.cohort))};
    if (!filter.lead.empty()) filter.lead = lead_or_usage(records, filter.lead, "--lead");
    auto items = build_schedule(records, index, filter, as_of);
    std::string text;
    if (format == Format::ics) {
        text = render_ics(items, index, as_of);
    } else {
        Table t = with_names(schedule_table(items), index);
        t.title = fmt::format("Schedule {} to {}", filter.from.str(), filter.to.str());
        XlsxCover cover = cover_sheet(workspace, t.title);
        text = render_tables(g, {t}, format, &cover);
    }
    if (!emit(g, text)) return exit_findings;
    return report_exit_status(workspace);
}

}  // namespace tfm::cli
