// Internal: what reading one record file gives, before load.cpp merges the files.
#pragma once

#include "tfm/base/diagnostic.h"
#include "tfm/model/model.h"
#include "tfm/yaml/yaml_tree.h"

#include <memory>
#include <string_view>
#include <vector>

namespace tfm::detail {

// What one file contributed. Positions carry the file's index in the final file list.
struct FileRecords {
    std::shared_ptr<StringPool> pool;  // the records' text and lists (null for a file not read)
    std::vector<Hub> hubs;
    std::vector<School> schools;
    std::vector<Lead> leads;
    std::vector<Cohort> cohorts;
    std::vector<Session> sessions;
    std::vector<Offer> offers;
    std::vector<std::pair<Urn, Pos>> broken_schools;
    std::vector<std::pair<std::string, Pos>> broken_leads;
    std::vector<std::pair<std::string, Pos>> broken_cohorts;
    int broken_hubs = 0;  // hub records (or unparsable files) left out by an error
    bool unloaded = false;      // the file (or part of it) did not load: bad bytes or YAML
    std::string unloaded_text;  // then its text, where a reference may find its definition
    int records_seen = 0;
    Diagnostics diagnostics;
};

// Reads raw file bytes: checks encoding, parses YAML, builds records (read_file.cpp). The
// records' texts and lists go into `pool` when given (the loading thread's, shared by the
// files it reads), else into a pool of the file's own.
FileRecords read_file_records(std::string_view bytes, int file_index, int directory,
                              std::shared_ptr<StringPool> pool = nullptr);

}  // namespace tfm::detail
