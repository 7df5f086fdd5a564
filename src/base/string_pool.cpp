#include "tfm/base/string_pool.h"

#include <algorithm>
#include <cstdint>
#include <cstring>
#include <stdexcept>

namespace tfm {
namespace {

// Blocks grow from small (a tree of one school file interns little) to this, so the unused
// end of a pool's last block stays small beside what it holds.
constexpr std::size_t first_block = 256;
constexpr std::size_t largest_block = 1024 * 1024;

thread_local StringPool* current_pool = nullptr;

}  // namespace

void StringPool::make_room(std::size_t bytes, std::size_t align) {
    std::size_t pad = (align - reinterpret_cast<std::uintptr_t>(free_) % align) % align;
    if (free_ && pad + bytes <= left_) {
        free_ += pad;
        left_ -= pad;
        return;
    }
    // A new block: operator new[] aligns to at least 16, so its start needs no padding.
    std::size_t size = std::max(bytes, std::min(largest_block, std::max(first_block, capacity_)));
    blocks_.push_back(std::make_unique_for_overwrite<char[]>(size));
    free_ = blocks_.back().get();
    left_ = size;
    capacity_ += size;
}

void* StringPool::allocate(std::size_t bytes, std::size_t align) {
    if (bytes == 0) return nullptr;
    make_room(bytes, align);
    void* at = free_;
    free_ += bytes;
    left_ -= bytes;
    return at;
}

std::string_view StringPool::intern(std::string_view text) {
    if (text.empty()) return {};
    if (auto it = index_.find(text); it != index_.end()) return *it;
    make_room(text.size(), 1);
    std::memcpy(free_, text.data(), text.size());
    std::string_view kept(free_, text.size());
    free_ += text.size();
    left_ -= text.size();
    index_.insert(kept);
    return kept;
}

void StringPool::seal() { index_ = {}; }

InternInto::InternInto(StringPool& pool) : previous_(current_pool) { current_pool = &pool; }

InternInto::~InternInto() { current_pool = previous_; }

std::string_view intern(std::string_view text) {
    if (!current_pool) throw std::logic_error("intern() outside an InternInto scope");
    return current_pool->intern(text);
}

void* pool_allocate(std::size_t bytes, std::size_t align) {
    if (!current_pool) throw std::logic_error("pool_allocate() outside an InternInto scope");
    return current_pool->allocate(bytes, align);
}

}  // namespace tfm
