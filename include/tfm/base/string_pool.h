// Text kept once per load: the names and agenda items a tree repeats in every session log,
// and the small lists (attendance, agendas) that records hold (base/pooled_list.h).
//
// A cohort's session log names the same few participants in every session's attendance
// and repeats the same agenda items; as std::strings each copy is an allocation of its own
// (on a national tree with little free text, a third of the peak memory). A StringPool
// keeps each distinct text once, packed in blocks, and hands out std::string_views into
// them. The loader makes one pool per loading thread, sealed after each file (a text is
// kept once per file); the loaded Records hold every pool, so the views live exactly as
// long as the records that hold them.
#pragma once

#include <cstddef>
#include <memory>
#include <string_view>
#include <unordered_set>
#include <vector>

namespace tfm {

class StringPool {
public:
    StringPool() = default;
    StringPool(const StringPool&) = delete;
    StringPool& operator=(const StringPool&) = delete;

    // A view of the pool's copy of `text`: the same view for the same text until seal().
    std::string_view intern(std::string_view text);
    // `bytes` of uninitialised memory aligned to `align` (a power of two, at most 16), kept
    // as long as the pool: for the small lists records hold (base/pooled_list.h).
    void* allocate(std::size_t bytes, std::size_t align);
    // Forgets which texts are held (the index costs more than the texts): later calls of
    // intern() copy again. Views already handed out stay valid.
    void seal();
    // The bytes held in blocks (for tests and measurement).
    std::size_t capacity() const { return capacity_; }

private:
    // Makes room for `bytes` more at `align` in the last block, starting a new one if needed.
    void make_room(std::size_t bytes, std::size_t align);

    std::vector<std::unique_ptr<char[]>> blocks_;
    char* free_ = nullptr;  // the unused end of the last block
    std::size_t left_ = 0;
    std::size_t capacity_ = 0;
    std::unordered_set<std::string_view> index_;
};

// The pool that record fields declared as std::string_view are interned into while records
// are read on this thread (model/field_binding.h): set for the scope of one file's reading.
class InternInto {
public:
    explicit InternInto(StringPool& pool);
    ~InternInto();
    InternInto(const InternInto&) = delete;
    InternInto& operator=(const InternInto&) = delete;

private:
    StringPool* previous_;
};

// Interns into the pool of the innermost InternInto on this thread; a logic_error when
// there is none (a view must never outlive its text).
std::string_view intern(std::string_view text);

// Memory from the pool of the innermost InternInto on this thread (StringPool::allocate);
// a logic_error when there is none.
void* pool_allocate(std::size_t bytes, std::size_t align);

}  // namespace tfm
