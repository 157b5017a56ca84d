// Normalized printing: spellings SQLite treats alike print the same, and
// different meanings print differently.
#include <catch2/catch.hpp>

#include "compiler/backend/sql/printer.hpp"
#include "compiler/parse/parse.hpp"

namespace {

std::string normalized(const std::string& sql) {
  migc::source::source_manager sources;
  migc::source::file_id id = sources.add("n.sql", sql);
  migc::diag::sink sink;
  migc::ast::script script = migc::parse::parse_file(sources, id, sink);
  REQUIRE(sink.empty());
  REQUIRE(script.statements.size() == 1);
  return migc::backend::sql::normalized_statement(script.statements.front());
}

}  // namespace

TEST_CASE("equivalent spellings normalize alike", "[normalize]") {
  const std::pair<const char*, const char*> same[] = {
      {"CREATE INDEX i ON t (a) WHERE a > 0", "create index I on T(A) where ((a) > (0))"},
      {"CREATE INDEX i ON t (a) WHERE a == 1 AND b <> 2", "CREATE INDEX i ON t (a) WHERE (a = 1) AND (b != 2)"},
      {"CREATE INDEX IF NOT EXISTS i ON t (lower(a))", "CREATE INDEX i ON \"t\" (LOWER([a]))"},
      {"CREATE VIEW v AS SELECT a + b * c FROM t", "CREATE VIEW v AS SELECT a + (b * c) FROM t"},
      {"CREATE VIEW v AS SELECT CAST(x AS integer) FROM t", "CREATE VIEW v AS SELECT cast(x as INTEGER) FROM t"},
      {"CREATE TRIGGER tr AFTER INSERT ON t BEGIN SELECT 1; END",
       "create trigger if not exists TR after insert on T begin select (1); end"},
  };
  for (const auto& [a, b] : same) {
    INFO(a << "  vs  " << b);
    CHECK(normalized(a) == normalized(b));
  }
}

TEST_CASE("different meanings normalize differently", "[normalize]") {
  const std::pair<const char*, const char*> different[] = {
      {"CREATE VIEW v AS SELECT (a + b) * c FROM t", "CREATE VIEW v AS SELECT a + b * c FROM t"},
      {"CREATE INDEX i ON t (a) WHERE a > 0", "CREATE INDEX i ON t (a) WHERE a >= 0"},
      {"CREATE VIEW v AS SELECT 'a' FROM t", "CREATE VIEW v AS SELECT 'A' FROM t"},
      {"CREATE INDEX i ON t (a COLLATE nocase)", "CREATE INDEX i ON t (a)"},
      {"CREATE VIEW v AS SELECT - -1", "CREATE VIEW v AS SELECT 1"},
      {"CREATE UNIQUE INDEX i ON t (a)", "CREATE INDEX i ON t (a)"},
  };
  for (const auto& [a, b] : different) {
    INFO(a << "  vs  " << b);
    CHECK(normalized(a) != normalized(b));
  }
}

TEST_CASE("normalized text folds names and keeps strings", "[normalize]") {
  CHECK(normalized("CREATE INDEX \"My Index\" ON Users (Email COLLATE NOCASE) WHERE Email LIKE 'A%'") ==
        "CREATE INDEX \"my index\" ON \"users\"((\"email\" COLLATE \"nocase\")) WHERE (\"email\" LIKE 'A%')");
}
