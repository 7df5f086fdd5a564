#include "tfm/edit/file_edit.h"

#include "tfm/base/atomic_file.h"

namespace tfm {

bool read_for_edit(FileEdit& edit, std::string& problem) {
    if (!read_file(edit.path, edit.original, problem)) return false;
    edit.exists = true;
    edit.updated = edit.original;
    return true;
}

}  // namespace tfm
