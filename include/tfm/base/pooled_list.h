// A small list whose items live in a StringPool, for the lists a loaded tree holds by the
// hundred thousand (a session's attendance, the names present from each school, agendas).
//
// As std::vectors each such list is an allocation of its own, with a 24-byte header and the
// allocator's overhead; on a national tree with little free text they were a sixth of the
// peak memory. A PooledList is 16 bytes and its items sit packed in the pool of the file
// being read (string_pool.h), so they live exactly as long as the records that hold them.
//
// Items must be trivially destructible (the pool never runs destructors). Growing (reserve,
// push_back past the capacity) takes memory from the pool of the innermost InternInto on
// this thread, and is a logic_error outside one. A copy shares the items and has no spare
// capacity, so growing a copy never writes over the original's items.
#pragma once

#include "tfm/base/string_pool.h"

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <initializer_list>
#include <new>
#include <span>
#include <stdexcept>
#include <type_traits>
#include <utility>

namespace tfm {

template <class T>
class PooledList {
    static_assert(std::is_trivially_destructible_v<T>, "the pool never runs destructors");

public:
    using value_type = T;
    using const_iterator = const T*;
    using iterator = T*;

    PooledList() = default;
    PooledList(std::initializer_list<T> items) {
        reserve(items.size());
        for (const T& item : items) push_back(item);
    }
    PooledList(const PooledList& other) noexcept : data_(other.data_), size_(other.size_), capacity_(other.size_) {}
    PooledList& operator=(const PooledList& other) noexcept {
        data_ = other.data_;
        size_ = capacity_ = other.size_;
        return *this;
    }

    // Room for n items in all, from the current pool (the items so far are copied there).
    void reserve(std::size_t n) {
        if (n <= capacity_) return;
        if (n > UINT32_MAX) throw std::length_error("PooledList: too many items");
        T* fresh = static_cast<T*>(pool_allocate(n * sizeof(T), alignof(T)));
        std::uninitialized_copy(begin(), end(), fresh);
        data_ = fresh;
        capacity_ = std::uint32_t(n);
    }
    template <class... Args>
    T& emplace_back(Args&&... args) {
        if (size_ == capacity_) reserve(std::max<std::size_t>(4, 2 * std::size_t(capacity_)));
        T* at = ::new (static_cast<void*>(data_ + size_)) T{std::forward<Args>(args)...};
        ++size_;
        return *at;
    }
    void push_back(const T& item) { emplace_back(item); }
    void clear() { size_ = 0; }

    std::size_t size() const { return size_; }
    bool empty() const { return size_ == 0; }
    T* begin() { return data_; }
    T* end() { return data_ + size_; }
    const T* begin() const { return data_; }
    const T* end() const { return data_ + size_; }
    T& operator[](std::size_t i) { return data_[i]; }
    const T& operator[](std::size_t i) const { return data_[i]; }
    T& front() { return data_[0]; }
    T& back() { return data_[size_ - 1]; }
    const T& front() const { return data_[0]; }
    const T& back() const { return data_[size_ - 1]; }
    operator std::span<const T>() const { return {data_, size_}; }  // NOLINT: a view, like vector's

private:
    T* data_ = nullptr;
    std::uint32_t size_ = 0;
    std::uint32_t capacity_ = 0;
};

}  // namespace tfm
