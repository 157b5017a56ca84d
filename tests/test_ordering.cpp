// The creation order against SQLite. Every schema in fixtures/ordering/ is
// written in an order that works; its statements are shuffled (each kept
// whole), compiled by the driver, printed in creation order and loaded into
// an empty database one statement at a time. Each object must be usable the
// moment it is created (a view runs, a trigger's body compiles), and the
// result must equal the schema of the file loaded as written. The printed
// output must not change between runs, and a generated 2,000-table schema,
// shuffled, must load the same way.
#include <sqlite3.h>

#include <algorithm>
#include <catch2/catch.hpp>
#include <cstdint>
#include <filesystem>
#include <fstream>
#include <random>
#include <sstream>
#include <string>
#include <vector>

#include "compiler/backend/sql/printer.hpp"
#include "compiler/diag/render.hpp"
#include "compiler/driver/driver.hpp"
#include "tests/support/sqlite_oracle.hpp"
#include "tools/bench/parse/gen_schema.hpp"

namespace {

namespace fs = std::filesystem;

const fs::path ordering_fixtures = fs::path(MIGC_FIXTURES_DIR) / "ordering";

std::vector<fs::path> fixtures() {
  std::vector<fs::path> out;
  for (const fs::directory_entry& e : fs::directory_iterator(ordering_fixtures)) {
    if (e.path().extension() == ".sql") out.push_back(e.path());
  }
  std::sort(out.begin(), out.end());
  return out;
}

std::string read(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

std::string quote(const std::string& name) {
  std::string out = "\"";
  for (char c : name) {
    out += c;
    if (c == '"') out += '"';
  }
  return out + "\"";
}

// An empty in-memory database with foreign keys enforced.
class database {
 public:
  database() {
    REQUIRE(sqlite3_open(":memory:", &db_) == SQLITE_OK);
    REQUIRE(exec("PRAGMA foreign_keys=ON").empty());
  }
  ~database() { sqlite3_close(db_); }
  database(const database&) = delete;
  database& operator=(const database&) = delete;

  // Runs `sql` (any number of statements); SQLite's error, or empty.
  std::string exec(const std::string& sql) {
    char* message = nullptr;
    std::string error;
    if (sqlite3_exec(db_, sql.c_str(), nullptr, nullptr, &message) != SQLITE_OK) {
      error = message != nullptr ? message : "unknown error";
    }
    sqlite3_free(message);
    return error;
  }

  // Prepares one statement and, with `run`, steps it to the end; SQLite's
  // error, or empty. Never steps a statement that could change data.
  std::string check(const std::string& sql, bool run) {
    sqlite3_stmt* stmt = nullptr;
    if (sqlite3_prepare_v2(db_, sql.c_str(), -1, &stmt, nullptr) != SQLITE_OK) return sqlite3_errmsg(db_);
    int rc = SQLITE_DONE;
    if (run) {
      while ((rc = sqlite3_step(stmt)) == SQLITE_ROW) {
      }
    }
    std::string error = rc == SQLITE_DONE ? "" : sqlite3_errmsg(db_);
    sqlite3_finalize(stmt);
    return error;
  }

  // The rows of a query with one optional text parameter, each as its
  // values joined by '|'.
  std::vector<std::string> rows(const std::string& sql, const std::string* parameter = nullptr) {
    std::vector<std::string> out;
    sqlite3_stmt* stmt = nullptr;
    REQUIRE(sqlite3_prepare_v2(db_, sql.c_str(), -1, &stmt, nullptr) == SQLITE_OK);
    if (parameter != nullptr) sqlite3_bind_text(stmt, 1, parameter->c_str(), -1, SQLITE_TRANSIENT);
    while (sqlite3_step(stmt) == SQLITE_ROW) {
      std::string row;
      for (int i = 0; i < sqlite3_column_count(stmt); ++i) {
        if (i > 0) row += '|';
        const unsigned char* text = sqlite3_column_text(stmt, i);
        row += text != nullptr ? reinterpret_cast<const char*>(text) : "NULL";
      }
      out.push_back(std::move(row));
    }
    sqlite3_finalize(stmt);
    return out;
  }

 private:
  sqlite3* db_ = nullptr;
};

// Whether view `name` runs; SQLite's error, or empty.
std::string check_view(database& db, const std::string& name) {
  std::string error = db.check("SELECT * FROM " + quote(name) + " LIMIT 0", true);
  return error.empty() ? "" : "view '" + name + "' does not run: " + error;
}

// Whether the triggers on `table` compile: SQLite compiles a trigger's WHEN
// and body when it prepares a statement that fires it, and a missing table
// or column shows then. Prepares (never runs) an INSERT, a DELETE and one
// UPDATE per writable column; writes a view does not accept without an
// INSTEAD OF trigger are expected to fail and skipped.
std::string check_triggers_on(database& db, const std::string& table) {
  std::vector<std::string> statements{"INSERT INTO " + quote(table) + " DEFAULT VALUES", "DELETE FROM " + quote(table)};
  for (const std::string& column : db.rows("SELECT name FROM pragma_table_xinfo(?) WHERE hidden = 0", &table)) {
    statements.push_back("UPDATE " + quote(table) + " SET " + quote(column) + " = " + quote(column));
  }
  for (const std::string& sql : statements) {
    const std::string error = db.check(sql, false);
    if (!error.empty() && !error.starts_with("cannot modify")) {
      return "a trigger on '" + table + "' does not compile (" + sql + "): " + error;
    }
  }
  return "";
}

// Every view runs and every trigger compiles; the problems found.
std::vector<std::string> check_all(database& db) {
  std::vector<std::string> problems;
  for (const std::string& view : db.rows("SELECT name FROM sqlite_schema WHERE type = 'view' ORDER BY name")) {
    if (std::string e = check_view(db, view); !e.empty()) problems.push_back(e);
  }
  for (const std::string& table :
       db.rows("SELECT DISTINCT tbl_name FROM sqlite_schema WHERE type = 'trigger' ORDER BY tbl_name")) {
    if (std::string e = check_triggers_on(db, table); !e.empty()) problems.push_back(e);
  }
  return problems;
}

// The schema as SQLite reports it, one line per fact: the objects, and per
// table and view its columns, foreign keys, indexes and their columns. The
// stored SQL is left out (compile prints it canonically), and so is
// index_list's seq, which counts indexes in creation order.
std::vector<std::string> snapshot(database& db) {
  std::vector<std::string> out;
  for (std::string& row : db.rows("SELECT type, name, tbl_name FROM sqlite_schema ORDER BY type, name")) {
    out.push_back("object " + row);
  }
  for (const std::string& rel :
       db.rows("SELECT name FROM sqlite_schema WHERE type IN ('table', 'view') ORDER BY name")) {
    for (std::string& row : db.rows("SELECT * FROM pragma_table_xinfo(?)", &rel)) out.push_back(rel + " column " + row);
    for (std::string& row : db.rows("SELECT * FROM pragma_foreign_key_list(?)", &rel)) {
      out.push_back(rel + " foreign key " + row);
    }
    for (const std::string& index : db.rows("SELECT name FROM pragma_index_list(?) ORDER BY name", &rel)) {
      out.push_back(rel + " index " + index);
      for (std::string& row :
           db.rows("SELECT \"unique\", origin, partial FROM pragma_index_list(?) WHERE name = '" + index + "'", &rel)) {
        out.push_back(rel + " index " + index + " " + row);
      }
      for (std::string& row : db.rows("SELECT * FROM pragma_index_xinfo(?)", &index)) {
        out.push_back(rel + " index " + index + " column " + row);
      }
    }
  }
  return out;
}

// The first line where two snapshots differ, for the failure message.
std::string first_difference(const std::vector<std::string>& expected, const std::vector<std::string>& actual) {
  const auto [e, a] = std::mismatch(expected.begin(), expected.end(), actual.begin(), actual.end());
  return "expected: " + (e == expected.end() ? std::string("(end)") : *e) +
         "\n  actual: " + (a == actual.end() ? std::string("(end)") : *a);
}

// The statements of `text`, each whole, in an order drawn from `seed`:
// 0 keeps source order, 1 reverses it, others shuffle (Fisher-Yates on
// mt19937, whose output the standard fixes).
std::string reorder(const std::string& text, std::uint32_t seed) {
  std::vector<std::string> statements = migc::test::split_statements(text);
  if (seed == 1) std::reverse(statements.begin(), statements.end());
  if (seed > 1) {
    std::mt19937 rng(seed);
    for (std::size_t i = statements.size(); i > 1; --i) std::swap(statements[i - 1], statements[rng() % i]);
  }
  std::string out;
  for (const std::string& s : statements) out += s + (s.ends_with(';') ? "\n\n" : ";\n\n");
  return out;
}

struct compiled {
  std::vector<std::string> statements;  // printed, in creation order
  std::vector<std::string> kinds;       // "table", "view", ... of each
  std::vector<std::string> names;
  std::string errors;  // rendered diagnostics when there are errors
};

compiled compile(const std::string& name, const std::string& text) {
  migc::source::source_manager sources;
  const migc::source::file_id file = sources.add(name, text);
  migc::diag::sink sink;
  const migc::driver::compilation c = migc::driver::compile(sources, std::span(&file, 1), {}, sink);
  compiled out;
  if (sink.has_errors() || !c.passes_ran) {
    out.errors = migc::diag::render_text(sources, sink.all(), false);
    if (out.errors.empty()) out.errors = "the passes did not run";
    return out;
  }
  for (std::uint32_t position : c.order) {
    const migc::catalog::object& o = c.catalog.at(position);
    out.statements.push_back(migc::backend::sql::print_statement(*o.statement));
    out.kinds.emplace_back(migc::catalog::kind_name(o.kind));
    out.names.push_back(o.name);
  }
  return out;
}

// Loads `c` into `db` one statement at a time, checking each view and each
// trigger's table right after its statement; the first problem, or empty.
std::string load(database& db, const compiled& c) {
  for (std::size_t i = 0; i < c.statements.size(); ++i) {
    std::string error = db.exec(c.statements[i]);
    if (error.empty() && c.kinds[i] == "view") error = check_view(db, c.names[i]);
    if (error.empty() && c.kinds[i] == "trigger") {
      const std::vector<std::string> table =
          db.rows("SELECT tbl_name FROM sqlite_schema WHERE type = 'trigger' AND name = ?", &c.names[i]);
      if (!table.empty()) error = check_triggers_on(db, table.front());
    }
    if (!error.empty()) return "statement " + std::to_string(i + 1) + " (" + c.statements[i] + "): " + error;
  }
  return "";
}

// The creation order, to show in a failure.
std::string sketch(const compiled& c) {
  std::string out;
  for (std::size_t i = 0; i < c.names.size(); ++i)
    out += c.kinds[i] + " " + c.names[i] + (i + 1 < c.names.size() ? ", " : "");
  return out;
}

}  // namespace

TEST_CASE("ordering: each fixture loads as written", "[ordering]") {
  const std::vector<fs::path> files = fixtures();
  REQUIRE(files.size() >= 5);
  for (const fs::path& path : files) {
    INFO(path.filename().string());
    database db;
    REQUIRE(db.exec(read(path)) == "");
    CHECK(check_all(db).empty());
  }
}

TEST_CASE("ordering: shuffled fixtures compile to an order SQLite loads", "[ordering]") {
  constexpr std::uint32_t variants = 10;  // source order, reversed, 8 shuffles
  for (const fs::path& path : fixtures()) {
    const std::string text = read(path);
    database reference;
    REQUIRE(reference.exec(text) == "");
    const std::vector<std::string> expected = snapshot(reference);
    for (std::uint32_t seed = 0; seed < variants; ++seed) {
      DYNAMIC_SECTION(path.filename().string() << " order " << seed) {
        const std::string shuffled = reorder(text, seed);
        const compiled c = compile(path.stem().string() + "-" + std::to_string(seed) + ".sql", shuffled);
        INFO(c.errors);
        REQUIRE(c.errors.empty());
        INFO("creation order: " << sketch(c));
        database db;
        REQUIRE(load(db, c) == "");
        const std::vector<std::string> problems = check_all(db);
        CHECK(problems.empty());
        for (const std::string& p : problems) UNSCOPED_INFO(p);
        const std::vector<std::string> actual = snapshot(db);
        INFO(first_difference(expected, actual));
        CHECK(actual == expected);
      }
    }
  }
}

TEST_CASE("ordering: the printed order is the same on every run", "[ordering]") {
  for (const fs::path& path : fixtures()) {
    const std::string shuffled = reorder(read(path), 7);
    const compiled first = compile("a.sql", shuffled);
    const compiled second = compile("a.sql", shuffled);
    INFO(path.filename().string() << "\n" << first.errors);
    REQUIRE(first.errors.empty());
    CHECK(first.statements == second.statements);
  }
}

TEST_CASE("ordering: a generated 2,000-table schema, shuffled, loads in one pass", "[ordering]") {
  const std::string shuffled = reorder(migc::bench::generate_schema(2000), 2024);
  const compiled c = compile("generated.sql", shuffled);
  INFO(c.errors.substr(0, 4000));
  REQUIRE(c.errors.empty());
  REQUIRE(c.statements.size() > 2000);
  database db;
  REQUIRE(db.exec("BEGIN") == "");
  REQUIRE(load(db, c) == "");
  CHECK(check_all(db).empty());
  REQUIRE(db.exec("COMMIT") == "");
}
