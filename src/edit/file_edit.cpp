#include "tfm/edit/file_edit.h"

#include "tfm/base/atomic_file.h"

#include <filesystem>
#include <system_error>

namespace tfm {

bool read_for_edit(FileEdit& edit, std::string& problem) {
    if (!read_file(edit.path, edit.original, problem)) return false;
    edit.exists = true;
    edit.updated = edit.original;
    return true;
}

bool commit(const FileEdit& edit, std::string& problem) {
    if (!edit.exists) {
        std::error_code ec;
        std::filesystem::create_directories(std::filesystem::path(edit.path).parent_path(), ec);
        if (ec) {
            problem = ec.message();
            return false;
        }
    }
    return write_atomically(edit.path, edit.updated, problem);
}

}  // namespace tfm
