#include "tfm/base/pooled_list.h"

#include <doctest/doctest.h>

#include <cstdint>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

using namespace tfm;

namespace {

struct Item {
    std::string_view name;
    int line = 0;
};

}  // namespace

TEST_CASE("a pooled list grows in the current pool and reads like a vector") {
    StringPool pool;
    InternInto into(pool);
    PooledList<Item> list;
    CHECK(list.empty());
    for (int i = 0; i < 100; ++i) list.push_back({intern("name " + std::to_string(i % 7)), i});
    REQUIRE(list.size() == 100);
    for (int i = 0; i < 100; ++i) {
        CHECK(list[std::size_t(i)].line == i);
        CHECK(list[std::size_t(i)].name == "name " + std::to_string(i % 7));
    }
    CHECK(list.front().line == 0);
    CHECK(list.back().line == 99);
    int sum = 0;
    for (const Item& item : list) sum += item.line;
    CHECK(sum == 99 * 100 / 2);
    CHECK(pool.capacity() > 0);
}

TEST_CASE("a reserved pooled list takes exactly its items from the pool") {
    StringPool pool;
    InternInto into(pool);
    PooledList<std::uint64_t> list;
    list.reserve(3);
    std::size_t after_reserve = pool.capacity();
    for (std::uint64_t v : {1u, 2u, 3u}) list.push_back(v);
    CHECK(pool.capacity() == after_reserve);  // no second allocation
    CHECK(reinterpret_cast<std::uintptr_t>(&list[0]) % alignof(std::uint64_t) == 0);
    CHECK(std::vector<std::uint64_t>(list.begin(), list.end()) == std::vector<std::uint64_t>{1, 2, 3});
}

TEST_CASE("items are aligned after odd-sized text in the same pool") {
    StringPool pool;
    InternInto into(pool);
    intern("abc");  // three bytes: the next free byte is not aligned
    PooledList<double> list{1.5, 2.5};
    CHECK(reinterpret_cast<std::uintptr_t>(&list[0]) % alignof(double) == 0);
    CHECK(list[1] == 2.5);
}

TEST_CASE("growing a copy never writes over the original's items") {
    StringPool pool;
    InternInto into(pool);
    PooledList<int> original;
    original.reserve(8);
    original.push_back(1);
    PooledList<int> copy = original;
    copy.push_back(2);  // no spare capacity in a copy: it moves to fresh pool memory
    original.push_back(3);
    CHECK(std::vector<int>(copy.begin(), copy.end()) == std::vector<int>{1, 2});
    CHECK(std::vector<int>(original.begin(), original.end()) == std::vector<int>{1, 3});
}

TEST_CASE("a pooled list cannot grow outside an InternInto scope") {
    PooledList<int> list;
    CHECK_THROWS_AS(list.push_back(1), std::logic_error);
    CHECK(list.empty());
    PooledList<int> none{};
    CHECK(none.size() == 0);  // an empty list needs no pool
}
