// Appends proposed Work Groups to the year's cohort file in place: the new items go after the
// file's last line of content, in the style of the `cohorts:` list they join, and every other
// byte stays as it was.
#include "tfm/edit/allocation_writer.h"

#include "tfm/yaml/editor.h"
#include "tfm/yaml/read_back.h"
#include "tfm/yaml/writer.h"

#include <fmt/format.h>

#include <filesystem>
#include <map>

namespace fs = std::filesystem;

namespace tfm {
namespace {

std::string items_text(const std::vector<const ProposedGroup*>& groups, const yaml::ListStyle& style) {
    std::string out;
    std::size_t key = std::max(style.key_column, style.dash_column + 2);
    for (const ProposedGroup* g : groups) {
        if (style.blank_between) out += '\n';
        out += group_item(*g, style.dash_column, key);
    }
    return out;
}

std::string with_newlines(std::string lines, std::string_view newline) {
    if (newline == "\n") return lines;
    std::string out;
    for (char c : lines) out += c == '\n' ? std::string(newline) : std::string(1, c);
    return out;
}

}  // namespace

AllocationTarget allocation_target(const Records& records, std::size_t directory, AcademicYear year) {
    AllocationTarget t;
    t.directory = directory;
    std::string y = year.str();
    for (char& c : y)
        if (c == '/') c = '-';
    t.relative = fmt::format("cohorts/{}.yaml", y);
    const std::string& dir = records.directories[directory];
    std::error_code ec;
    if (!fs::exists(fs::symlink_status(fs::path(dir) / t.relative, ec))) {
        std::map<int, int> per_file;
        for (const auto& c : records.cohorts)
            if (c.year == year && std::size_t(c.directory) == directory) ++per_file[c.pos.file];
        for (auto it = per_file.rbegin(); it != per_file.rend(); ++it)
            if (it->second >= 2) {
                t.relative = fs::path(records.files[std::size_t(it->first)].full_path)
                                 .lexically_relative(dir).generic_string();
                break;
            }
    }
    t.path = (fs::path(dir) / t.relative).string();
    t.shown = records.directories.size() > 1 ? (fs::path(dir) / t.relative).lexically_normal().generic_string()
                                             : t.relative;
    fs::file_status link = fs::symlink_status(t.path, ec);
    if (ec || !fs::exists(link)) return t;  // a new file
    fs::file_status target = fs::status(t.path, ec);
    if (fs::is_symlink(link) && !fs::exists(target))
        t.problem = fmt::format("{} is a symbolic link to a file that does not exist; fix or remove the link", t.shown);
    else if (fs::is_directory(target))
        t.problem = fmt::format("{} is a folder, where the year's new cohorts go; move it away", t.shown);
    else if (!fs::is_regular_file(target))
        t.problem = fmt::format("{} is not a regular file", t.shown);
    else
        t.exists = true;
    return t;
}

std::optional<CohortsAppend> append_cohorts(std::string_view text, bool exists, std::string_view newline,
                                            const std::vector<const ProposedGroup*>& groups, std::string& why) {
    if (!exists) {
        std::string year = groups.empty() ? std::string() : " of " + groups.front()->year.str();
        std::string head = fmt::format("# Work Groups{}, proposed by `tfm allocate --write`.\n"
                                       "# Add participants, venue and meeting_time; `tfm plan COHORT` proposes dates.\n"
                                       "cohorts:\n",
                                       year);
        return CohortsAppend{with_newlines(head + items_text(groups, {}), newline), true};
    }
    auto parsed = yaml::parse(text);
    if (!parsed.errors.empty()) {
        why = "it has YAML errors; run tfm check and fix them first";
        return std::nullopt;
    }
    std::string ignored;
    if (auto end = yaml::list_at_end(text, parsed, "cohorts", ignored)) {
        std::string lines = (end->with_key ? "cohorts:\n" : "") + items_text(groups, end->with_key ? yaml::ListStyle{} : end->style);
        return CohortsAppend{yaml::apply(text, {yaml::insert_lines(text, end->insert_at, lines, newline)}),
                             end->with_key};
    }
    std::size_t at = yaml::content_end(text).value_or(text.size());
    std::string lines = "---\ncohorts:\n" + items_text(groups, {});
    return CohortsAppend{yaml::apply(text, {yaml::insert_lines(text, at, lines, newline)}), true};
}

namespace {

yaml::Intent cohorts_intent(const std::vector<const ProposedGroup*>& groups, bool new_document) {
    return yaml::appends_to_list("cohorts", "cohorts:\n" + items_text(groups, {}), new_document);
}

}  // namespace

std::optional<FileEdit> plan_allocation(const Transaction& tx, const AllocationTarget& target,
                                        const std::vector<const ProposedGroup*>& groups, std::string& why) {
    FileEdit file;
    file.path = target.path;
    file.shown = target.shown;
    file.exists = target.exists;
    if (target.exists && !tx.read(file, why)) return std::nullopt;
    yaml::SourceText source = yaml::split_source(file.original);
    if (!target.exists) source.newline = std::string(1, '\n');
    auto edited = append_cohorts(source.text, target.exists, source.newline, groups, why);
    if (!edited) {
        why = fmt::format("cannot add the Work Groups to {}: {}", target.shown, why);
        return std::nullopt;
    }
    if (!yaml::means_intended(source.text, edited->text, cohorts_intent(groups, edited->new_document), why)) {
        why = fmt::format("tfm cannot add the Work Groups to {} safely ({}); nothing was written: paste the YAML "
                          "that `tfm allocate` prints by hand",
                          target.shown, why);
        return std::nullopt;
    }
    file.updated = yaml::source_bytes(source, edited->text);
    return file;
}

}  // namespace tfm
