// PEGTL's grammar analysis: no rule of the grammar can loop forever without
// consuming input (left recursion, star<> of something that matches empty).
#include <catch2/catch.hpp>
#include <tao/pegtl.hpp>
#include <tao/pegtl/contrib/analyze.hpp>

#include "grammar/script.hpp"

TEST_CASE("the grammar has no rule that can loop without consuming input", "[grammar][analyze]") {
  // analyze() prints the offending rules to stderr and returns their count.
  CHECK(tao::pegtl::analyze<migc::grammar::script>() == 0);
  CHECK(tao::pegtl::analyze<migc::grammar::statement>() == 0);
}
