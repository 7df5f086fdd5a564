// tfm enrol and withdraw as edits of a cohort's schools list, block and flow.
#include "tfm/edit/membership.h"

#include <doctest/doctest.h>

using namespace tfm;

namespace {

const char* cohort =
    "cohort:\n"
    "  id: c1\n"
    "  schools:\n"
    "    - urn: 100001   # Alder\n"
    "      participants: [Amy Ash]\n"
    "    - {urn: 100002, participants: [Cal Cole]}\n"
    "  # planned\n"
    "  meetings: [2021-09-28]\n";

MembershipChange withdraw(Urn urn, std::string reason = {}) {
    MembershipChange c;
    c.kind = MembershipChange::Kind::withdraw;
    c.cohort = "c1";
    c.urn = urn;
    c.on = *Date::parse("2021-11-15");
    c.reason = std::move(reason);
    return c;
}

std::string changed(const MembershipChange& c, std::string_view text = cohort) {
    std::string why;
    auto out = change_membership(text, "\n", c, why);
    REQUIRE_MESSAGE(out, why);
    CHECK(yaml::means_intended(text, *out, membership_intent(c), why));
    return *out;
}

std::string refused(const MembershipChange& c, std::string_view text = cohort) {
    std::string why;
    CHECK(!change_membership(text, "\n", c, why));
    return why;
}

}  // namespace

TEST_CASE("tfm enrol: a new item in the style of the list's last item") {
    MembershipChange c;
    c.cohort = "c1";
    c.urn = 100003;
    c.participants = {"Dee Dale", "Eve: Ede"};
    std::string out = changed(c);
    CHECK(out.find("    - {urn: 100002, participants: [Cal Cole]}\n"
                   "    - {urn: 100003, participants: [Dee Dale, \"Eve: Ede\"]}\n  # planned\n") != std::string::npos);
    c.urn = 100001;
    CHECK(refused(c) == "school 100001 is already in cohort c1");
    c.urn = 100003;
    CHECK(refused(c, "cohort:\n  id: c1\n  schools: [{urn: 100001}]\n") ==
          "cohort c1's `schools:` list is written in flow style ([…]); change it by hand");
    std::string empty = changed(c, "cohort:\n  id: c1\n  schools:\n  lead: jo\n");
    CHECK(empty == "cohort:\n  id: c1\n  schools:\n    - urn: 100003\n      participants: [Dee Dale, \"Eve: Ede\"]\n  lead: jo\n");
}

TEST_CASE("tfm withdraw: keys added under a block item, after its last line") {
    std::string out = changed(withdraw(100001, "new head"));
    CHECK(out.find("      participants: [Amy Ash]\n      status: withdrawn\n      withdrawn_on: 2021-11-15\n"
                   "      reason: new head\n    - {urn: 100002") != std::string::npos);
}

TEST_CASE("tfm withdraw: keys added inside a flow item; values there replaced") {
    std::string out = changed(withdraw(100002));
    CHECK(out.find("    - {urn: 100002, participants: [Cal Cole], status: withdrawn, withdrawn_on: 2021-11-15}\n") !=
          std::string::npos);
    std::string with_status = "cohort:\n  id: c1\n  schools:\n    - {urn: 100002, status: enrolled}\n";
    CHECK(changed(withdraw(100002, "a, b"), with_status) ==
          "cohort:\n  id: c1\n  schools:\n    - {urn: 100002, status: withdrawn, withdrawn_on: 2021-11-15, "
          "reason: \"a, b\"}\n");
}

TEST_CASE("tfm withdraw: refused for a school not there or already withdrawn") {
    CHECK(refused(withdraw(100009)) == "school 100009 is not in cohort c1");
    CHECK(refused(withdraw(100002), "cohort:\n  id: c1\n  schools:\n    - {urn: 100002, status: withdrawn}\n") ==
          "school 100002 has already withdrawn from cohort c1");
    CHECK(refused(withdraw(100002), "cohort: {id: c1, schools: []}\n") ==
          "cohort c1 is written in flow style ({…}); paste the plan by hand");
}
