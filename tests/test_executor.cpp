// Atomic apply: foreign keys off around the transaction, violations roll
// back, locks time out cleanly, history is recorded, settings restored.
#include <unistd.h>

#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>
#include <iterator>

#include "runtime/executor.hpp"

namespace {

namespace fs = std::filesystem;

struct temp_db {
  fs::path path;
  temp_db() {
    path = fs::temp_directory_path() /
           ("migc_exec_" + std::to_string(::getpid()) + "_" + std::to_string(counter++) + ".db");
    fs::remove(path);
  }
  ~temp_db() {
    std::error_code ec;
    fs::remove(path, ec);
    fs::remove(path.string() + "-journal", ec);
  }
  static inline int counter = 0;
};

std::string bytes(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

std::int64_t scalar(migc::rt::connection& db, const std::string& sql) {
  auto st = db.prepare(sql);
  REQUIRE(st.ok());
  auto r = st->step();
  REQUIRE(r.ok());
  return st->column_int64(0);
}

migc::rt::connection open(const temp_db& t) {
  auto db = migc::rt::connection::open(t.path.string());
  REQUIRE(db.ok());
  return std::move(db).value();
}

}  // namespace

TEST_CASE("a parent rebuilt under ON DELETE CASCADE keeps its children", "[executor]") {
  temp_db t;
  migc::rt::connection db = open(t);
  REQUIRE(db.exec("PRAGMA foreign_keys = ON;"
                  "CREATE TABLE parent (id INTEGER PRIMARY KEY, name TEXT);"
                  "CREATE TABLE child (id INTEGER PRIMARY KEY, parent_id INTEGER REFERENCES parent (id) ON DELETE "
                  "CASCADE);"
                  "INSERT INTO parent VALUES (1, 'a'), (2, 'b');"
                  "INSERT INTO child VALUES (10, 1), (11, 2), (12, 2);")
              .ok());
  migc::rt::migration m;
  m.statements = {"CREATE TABLE _migc_new_parent (id INTEGER PRIMARY KEY, name TEXT NOT NULL DEFAULT '')",
                  "INSERT INTO _migc_new_parent (id, name) SELECT id, name FROM parent", "DROP TABLE parent",
                  "ALTER TABLE _migc_new_parent RENAME TO parent"};
  m.schema_hash = "abc";
  m.version = "0.1.0";
  auto r = migc::rt::apply(db, m);
  INFO((r.ok() ? "" : migc::rt::to_string(r.error())));
  REQUIRE(r.ok());
  CHECK(scalar(db, "SELECT count(*) FROM child") == 3);
  CHECK(scalar(db, "PRAGMA foreign_keys") == 1);  // restored
  auto history = migc::rt::read_history(db);
  REQUIRE(history.ok());
  REQUIRE(history->size() == 1);
  CHECK((*history)[0].schema_hash == "abc");
  CHECK((*history)[0].outcome == "applied");
  CHECK((*history)[0].statements.find("DROP TABLE parent;") != std::string::npos);
}

TEST_CASE("a failing statement leaves the file byte-identical", "[executor]") {
  temp_db t;
  {
    migc::rt::connection db = open(t);
    REQUIRE(db.exec("CREATE TABLE t (a); INSERT INTO t VALUES (1);").ok());
  }
  const std::string before = bytes(t.path);
  {
    migc::rt::connection db = open(t);
    migc::rt::migration m;
    m.statements = {"CREATE TABLE u (b)", "INSERT INTO nosuch VALUES (1)"};
    auto r = migc::rt::apply(db, m);
    REQUIRE_FALSE(r.ok());
    CHECK(r.error().message.find("no such table") != std::string::npos);
    CHECK(scalar(db, "SELECT count(*) FROM sqlite_schema WHERE name IN ('u', '_migc_history')") == 0);
  }
  CHECK(bytes(t.path) == before);
}

TEST_CASE("violations the migration introduces roll it back; older ones do not", "[executor]") {
  temp_db t;
  migc::rt::connection db = open(t);
  REQUIRE(db.exec("CREATE TABLE p (id INTEGER PRIMARY KEY);"
                  "CREATE TABLE c (id INTEGER PRIMARY KEY, p_id REFERENCES p (id));"
                  "INSERT INTO p VALUES (1); INSERT INTO c VALUES (1, 1), (2, 99);")
              .ok());
  migc::rt::migration ok;
  ok.statements = {"CREATE TABLE other (x)"};
  CHECK(migc::rt::apply(db, ok).ok());  // the old violation (c rowid 2) does not block

  migc::rt::migration bad;
  bad.statements = {"DELETE FROM p WHERE id = 1"};
  auto r = migc::rt::apply(db, bad);
  REQUIRE_FALSE(r.ok());
  CHECK(r.error().message.find("violating foreign keys") != std::string::npos);
  CHECK(r.error().message.find("c rowid 1") != std::string::npos);
  CHECK(scalar(db, "SELECT count(*) FROM p") == 1);
}

TEST_CASE("a lock held by another connection fails cleanly after the busy timeout", "[executor]") {
  temp_db t;
  migc::rt::connection holder = open(t);
  REQUIRE(holder.exec("CREATE TABLE t (a); BEGIN IMMEDIATE; INSERT INTO t VALUES (1);").ok());
  migc::rt::connection db = open(t);
  migc::rt::migration m;
  m.statements = {"CREATE TABLE u (b)"};
  migc::rt::apply_options options;
  options.busy_timeout = std::chrono::milliseconds(200);
  auto r = migc::rt::apply(db, m, options);
  REQUIRE_FALSE(r.ok());
  CHECK((r.error().code & 0xff) == SQLITE_BUSY);
  CHECK(r.error().message.find("locked by another connection") != std::string::npos);
  REQUIRE(holder.exec("COMMIT").ok());
  CHECK(scalar(db, "SELECT count(*) FROM sqlite_schema WHERE name = 'u'") == 0);
}

TEST_CASE("backup copies the database and refuses to overwrite", "[executor]") {
  temp_db t;
  temp_db copy;
  migc::rt::connection db = open(t);
  REQUIRE(db.exec("CREATE TABLE t (a); INSERT INTO t VALUES (42);").ok());
  REQUIRE(migc::rt::backup(db, copy.path.string()).ok());
  {
    auto c = migc::rt::connection::open(copy.path.string());
    REQUIRE(c.ok());
    CHECK(scalar(*c, "SELECT a FROM t") == 42);
  }
  CHECK_FALSE(migc::rt::backup(db, copy.path.string()).ok());
}
