// The front end's comment scan: comments as SQLite's tokenizer sees them
// (never inside strings or quoted names), which of them stand on their own
// line, and the allow and rename annotations they carry.
#include <catch2/catch.hpp>
#include <string>

#include "compiler/parse/annotations.hpp"

namespace {

migc::ast::script scan(std::string_view text) {
  migc::ast::script s;
  s.file = 7;
  migc::parse::scan_comments(text, s);
  return s;
}

std::string text_of(std::string_view text, const migc::source::span& where) {
  return std::string(text.substr(where.begin, where.size()));
}

}  // namespace

TEST_CASE("comments inside strings and quoted names are text", "[annotations]") {
  const std::string_view sql =
      "CREATE TABLE t (a TEXT DEFAULT '-- @renamed from=x', \"b--c\" TEXT, [d/*e] INT, `f--` INT); -- tail\n"
      "/* block\n   -- migc:allow W0801 */ SELECT 'it''s -- no';\n";
  migc::ast::script s = scan(sql);
  REQUIRE(s.comments.size() == 2);
  CHECK(text_of(sql, s.comments[0].where) == "-- tail");
  CHECK_FALSE(s.comments[0].block);
  CHECK_FALSE(s.comments[0].own_line);
  CHECK(s.comments[0].where.file == 7);
  CHECK(text_of(sql, s.comments[1].where) == "/* block\n   -- migc:allow W0801 */");
  CHECK(s.comments[1].block);
  CHECK(s.comments[1].own_line);
  // An allow annotation is a `--` comment; inside a block comment it is text.
  CHECK(s.annotations.empty());
}

TEST_CASE("allow and rename annotations carry their names and comment", "[annotations]") {
  const std::string_view sql =
      "  -- migc:allow missing-primary-key, W0803\n"
      "CREATE TABLE people ( /* @renamed from=\"old people\" */\n"
      "  login TEXT -- @renamed from=username\n"
      ");\n"
      "-- migc:allowed nothing\n"
      "--migc:allow W0801\n";
  migc::ast::script s = scan(sql);
  REQUIRE(s.comments.size() == 5);
  CHECK(s.comments[0].own_line);
  CHECK_FALSE(s.comments[1].own_line);
  REQUIRE(s.annotations.size() == 4);
  CHECK(s.annotations[0].what == migc::ast::annotation::kind::allow);
  CHECK(s.annotations[0].names == std::vector<std::string>{"missing-primary-key", "W0803"});
  CHECK(s.annotations[0].comment == 0);
  CHECK(s.annotations[1].what == migc::ast::annotation::kind::renamed);
  CHECK(s.annotations[1].names == std::vector<std::string>{"old people"});
  CHECK(s.annotations[1].comment == 1);
  CHECK(s.annotations[2].names == std::vector<std::string>{"username"});
  CHECK(s.annotations[2].where == s.comments[2].where);
  CHECK(s.annotations[3].what == migc::ast::annotation::kind::allow);
  CHECK(s.annotations[3].names == std::vector<std::string>{"W0801"});
  CHECK(s.annotations[3].comment == 4);
}

TEST_CASE("an unterminated comment or string runs to the end", "[annotations]") {
  CHECK(scan("SELECT 1; /* open").comments.size() == 1);
  CHECK(scan("SELECT '-- open").comments.empty());
  CHECK(scan("--").comments.size() == 1);
  CHECK(migc::parse::renamed_from("-- @renamed from=").has_value() == false);
  CHECK(migc::parse::renamed_from("-- @renamed from = [a b]") == std::optional<std::string>("a b"));
}
