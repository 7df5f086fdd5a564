#include "tfm/base/string_pool.h"

#include <doctest/doctest.h>

#include <stdexcept>
#include <string>
#include <vector>

using namespace tfm;

TEST_CASE("a string pool keeps each text once and its views stay valid as it grows") {
    StringPool pool;
    std::string name = "Amina Khan";
    std::string_view first = pool.intern(name);
    name = "overwritten";  // the pool holds its own copy
    CHECK(first == "Amina Khan");
    CHECK(pool.intern("Amina Khan").data() == first.data());
    CHECK(pool.intern("").empty());
    // Many texts, more than one block: every view still reads its text.
    std::vector<std::string_view> views;
    for (int i = 0; i < 2000; ++i) views.push_back(pool.intern("participant " + std::to_string(i)));
    for (int i = 0; i < 2000; ++i) CHECK(views[std::size_t(i)] == "participant " + std::to_string(i));
    CHECK(first == "Amina Khan");
    std::string long_text(40000, 'x');  // larger than a block
    CHECK(pool.intern(long_text) == long_text);
    CHECK(pool.capacity() >= long_text.size());
}

TEST_CASE("a sealed pool forgets its index but keeps its text") {
    StringPool pool;
    std::string_view a = pool.intern("Ben Jones");
    pool.seal();
    std::string_view b = pool.intern("Ben Jones");
    CHECK(a == "Ben Jones");
    CHECK(b == "Ben Jones");
    CHECK(a.data() != b.data());
}

TEST_CASE("intern() uses the innermost pool of this thread, and refuses without one") {
    CHECK_THROWS_AS(intern("Carl Lee"), std::logic_error);
    StringPool outer, inner;
    {
        InternInto o(outer);
        std::string_view a = intern("Carl Lee");
        CHECK(outer.intern("Carl Lee").data() == a.data());
        {
            InternInto i(inner);
            CHECK(inner.intern("Dee Moss").data() == intern("Dee Moss").data());
        }
        CHECK(outer.intern("Dee Moss").data() == intern("Dee Moss").data());
    }
    CHECK_THROWS_AS(intern("Carl Lee"), std::logic_error);
}
