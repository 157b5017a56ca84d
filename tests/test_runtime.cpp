// Unit tests of runtime/sqlite: a round trip through a real database file,
// and failures as values.
#include <unistd.h>

#include <array>
#include <catch2/catch.hpp>
#include <filesystem>
#include <string>

#include "runtime/sqlite.hpp"

using migc::rt::connection;
using migc::rt::step_result;

namespace {

struct temp_db {
  std::filesystem::path dir;
  temp_db() : dir(std::filesystem::temp_directory_path() / ("migc-test-runtime-" + std::to_string(::getpid()))) {
    std::filesystem::create_directories(dir);
  }
  ~temp_db() {
    std::error_code ec;
    std::filesystem::remove_all(dir, ec);
  }
  temp_db(const temp_db&) = delete;
  temp_db& operator=(const temp_db&) = delete;
  [[nodiscard]] std::string path() const { return (dir / "test.db").string(); }
};

}  // namespace

TEST_CASE("round trip through a database file", "[runtime]") {
  temp_db db;
  const std::array<std::byte, 3> blob{std::byte{0}, std::byte{0xff}, std::byte{7}};
  {
    auto conn = connection::open(db.path());
    REQUIRE(conn.ok());
    REQUIRE(conn->exec("CREATE TABLE t(i INTEGER, r REAL, s TEXT, b BLOB, n);").ok());
    auto insert = conn->prepare("INSERT INTO t VALUES (?1, ?2, :s, ?4, ?5)");
    REQUIRE(insert.ok());
    CHECK(insert->parameter_count() == 5);
    CHECK(insert->parameter_index(":s") == 3);
    REQUIRE(insert->bind_int64(1, 9'007'199'254'740'993).ok());
    REQUIRE(insert->bind_double(2, 2.5).ok());
    REQUIRE(insert->bind_text(3, std::string_view("héllo\0x", 8)).ok());
    REQUIRE(insert->bind_blob(4, blob).ok());
    REQUIRE(insert->bind_null(5).ok());
    auto step = insert->step();
    REQUIRE(step.ok());
    CHECK(*step == step_result::done);
    CHECK(conn->last_insert_rowid() == 1);
    CHECK(conn->changes() == 1);

    // Reuse with new bindings after reset.
    REQUIRE(insert->reset().ok());
    insert->clear_bindings();
    REQUIRE(insert->bind_int64(1, -1).ok());
    REQUIRE(insert->bind_blob(4, {}).ok());
    REQUIRE(insert->step().ok());
    CHECK(conn->last_insert_rowid() == 2);
  }
  CHECK(std::filesystem::file_size(db.path()) > 0);

  auto conn = connection::open(db.path(), SQLITE_OPEN_READONLY);
  REQUIRE(conn.ok());
  auto select = conn->prepare("SELECT i, r, s, b, n FROM t ORDER BY rowid");
  REQUIRE(select.ok());
  CHECK(select->column_count() == 5);
  CHECK(select->column_name(2) == "s");
  CHECK(select->sql() == "SELECT i, r, s, b, n FROM t ORDER BY rowid");

  auto row = select->step();
  REQUIRE(row.ok());
  REQUIRE(*row == step_result::row);
  CHECK(select->column_type(0) == SQLITE_INTEGER);
  CHECK(select->column_int64(0) == 9'007'199'254'740'993);
  CHECK(select->column_type(1) == SQLITE_FLOAT);
  CHECK(select->column_double(1) == 2.5);
  CHECK(select->column_type(2) == SQLITE_TEXT);
  CHECK(select->column_text(2) == std::string_view("héllo\0x", 8));
  CHECK(select->column_type(3) == SQLITE_BLOB);
  auto b = select->column_blob(3);
  CHECK(std::equal(b.begin(), b.end(), blob.begin(), blob.end()));
  CHECK(select->column_is_null(4));

  row = select->step();
  REQUIRE(*row == step_result::row);
  CHECK(select->column_int64(0) == -1);
  CHECK(select->column_is_null(1));
  CHECK(select->column_type(3) == SQLITE_BLOB);  // a zero-length blob, not NULL
  CHECK(select->column_blob(3).empty());

  row = select->step();
  REQUIRE(row.ok());
  CHECK(*row == step_result::done);

  // The connection cannot close while the statement lives.
  auto busy = conn->close();
  REQUIRE_FALSE(busy.ok());
  CHECK(busy.error().code == SQLITE_BUSY);
  { migc::rt::statement finalized_here = std::move(select).value(); }
  CHECK(conn->close().ok());
  CHECK_FALSE(conn->is_open());
}

TEST_CASE("failures carry the result code, message and sql", "[runtime]") {
  auto conn = connection::open(":memory:");
  REQUIRE(conn.ok());

  auto missing = conn->prepare("SELECT * FROM nowhere");
  REQUIRE_FALSE(missing.ok());
  CHECK(missing.error().code == SQLITE_ERROR);
  CHECK(missing.error().message == "no such table: nowhere");
  CHECK(missing.error().sql == "SELECT * FROM nowhere");
  CHECK(migc::rt::to_string(missing.error()) ==
        "sqlite error 1 (SQL logic error): no such table: nowhere in 'SELECT * FROM nowhere'");

  REQUIRE(conn->exec("CREATE TABLE u(x UNIQUE); INSERT INTO u VALUES (1);").ok());
  auto dup = conn->exec("INSERT INTO u VALUES (1)");
  REQUIRE_FALSE(dup.ok());
  CHECK(dup.error().code == SQLITE_CONSTRAINT_UNIQUE);  // extended codes are on
  CHECK(dup.error().message == "UNIQUE constraint failed: u.x");
  CHECK(dup.error().sql == "INSERT INTO u VALUES (1)");

  auto insert = conn->prepare("INSERT INTO u VALUES (?)");
  REQUIRE(insert.ok());
  REQUIRE(insert->bind_int64(1, 1).ok());
  auto step = insert->step();
  REQUIRE_FALSE(step.ok());
  CHECK(step.error().code == SQLITE_CONSTRAINT_UNIQUE);
  CHECK(step.error().sql == "INSERT INTO u VALUES (?)");
  CHECK_FALSE(insert->reset().ok());  // reports the failed step once
  CHECK(insert->reset().ok());

  auto range = insert->bind_int64(2, 0);
  REQUIRE_FALSE(range.ok());
  CHECK(range.error().code == SQLITE_RANGE);

  auto empty = conn->prepare("  -- nothing\n");
  REQUIRE_FALSE(empty.ok());
  CHECK(empty.error().code == SQLITE_MISUSE);

  auto nodir = connection::open("/nonexistent-migc-dir/x.db", SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE);
  REQUIRE_FALSE(nodir.ok());
  CHECK((nodir.error().code & 0xff) == SQLITE_CANTOPEN);
}

TEST_CASE("busy timeout makes a blocked writer wait, then fail", "[runtime]") {
  temp_db db;
  auto writer = connection::open(db.path());
  auto other = connection::open(db.path());
  REQUIRE(writer.ok());
  REQUIRE(other.ok());
  REQUIRE(writer->exec("CREATE TABLE t(x)").ok());
  REQUIRE(other->set_busy_timeout(std::chrono::milliseconds(50)).ok());
  REQUIRE(writer->exec("BEGIN IMMEDIATE").ok());

  auto start = std::chrono::steady_clock::now();
  auto blocked = other->exec("INSERT INTO t VALUES (1)");
  auto waited = std::chrono::steady_clock::now() - start;
  REQUIRE_FALSE(blocked.ok());
  CHECK((blocked.error().code & 0xff) == SQLITE_BUSY);
  CHECK(waited >= std::chrono::milliseconds(40));

  REQUIRE(writer->exec("COMMIT").ok());
  CHECK(other->exec("INSERT INTO t VALUES (1)").ok());
}

TEST_CASE("connections and statements move", "[runtime]") {
  auto opened = connection::open(":memory:");
  REQUIRE(opened.ok());
  connection a = std::move(opened).value();
  connection b = std::move(a);
  CHECK_FALSE(a.is_open());  // NOLINT(bugprone-use-after-move,clang-analyzer-cplusplus.Move): specified state
  CHECK(b.is_open());
  auto stmt = b.prepare("SELECT 42");
  REQUIRE(stmt.ok());
  migc::rt::statement s = std::move(stmt).value();
  REQUIRE(*s.step() == step_result::row);
  CHECK(s.column_int64(0) == 42);
  CHECK_FALSE(b.errmsg().empty());
}
