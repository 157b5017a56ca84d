// The workflow library as front ends call it: fingerprints, output files,
// opening databases, the refusal policy, and the sqlite3 script following
// the executor's protocol.
#include <unistd.h>

#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>

#include "compiler/workflow/files.hpp"
#include "compiler/workflow/fingerprint.hpp"
#include "compiler/workflow/migration.hpp"
#include "compiler/workflow/render.hpp"
#include "runtime/open.hpp"
#include "runtime/protocol.hpp"
#include "runtime/script.hpp"

namespace {

namespace fs = std::filesystem;

struct temp_dir {
  fs::path path;
  temp_dir() {
    path = fs::temp_directory_path() / ("migc_workflow_" + std::to_string(::getpid()) + "_" + std::to_string(n++));
    fs::remove_all(path);
    fs::create_directories(path);
  }
  ~temp_dir() {
    std::error_code ec;
    fs::remove_all(path, ec);
  }
  [[nodiscard]] std::string at(const std::string& name) const { return (path / name).string(); }
  static inline int n = 0;
};

void write(const std::string& path, const std::string& text) { std::ofstream(path, std::ios::binary) << text; }

}  // namespace

TEST_CASE("FNV-1a: the published test vectors, and pieces kept apart", "[workflow]") {
  using migc::workflow::fnv1a;
  CHECK(migc::workflow::fingerprint("") == "cbf29ce484222325");
  CHECK(migc::workflow::fingerprint("a") == "af63dc4c8601ec8c");
  CHECK(migc::workflow::fingerprint("foobar") == "85944171f73967e8");
  CHECK(fnv1a().add("foo").add("bar").value() == fnv1a().add("foobar").value());
  CHECK(fnv1a().add_piece("ab").add_piece("c").value() != fnv1a().add_piece("a").add_piece("bc").value());
}

TEST_CASE("write_if_changed: atomic, untouched when equal, the reason on failure", "[workflow]") {
  temp_dir d;
  const std::string f = d.at("out.txt");
  REQUIRE_FALSE(migc::workflow::write_if_changed(f, "one\n"));
  CHECK(migc::workflow::read_file(f) == "one\n");
  const auto written = fs::last_write_time(f);
  REQUIRE_FALSE(migc::workflow::write_if_changed(f, "one\n"));
  CHECK(fs::last_write_time(f) == written);
  REQUIRE_FALSE(migc::workflow::write_if_changed(f, "two\n"));
  CHECK(migc::workflow::read_file(f) == "two\n");

  std::optional<std::string> why = migc::workflow::write_atomically(d.at("no/such/dir/x"), "x");
  REQUIRE(why);
  CHECK(*why == "No such file or directory");
  // A directory in the way: the rename fails and no temporary file is left.
  fs::create_directories(d.at("taken"));
  REQUIRE(migc::workflow::write_atomically(d.at("taken"), "x"));
  CHECK(std::distance(fs::directory_iterator(d.path), fs::directory_iterator()) == 2);
}

TEST_CASE("open_database: missing, created, and not a database", "[workflow]") {
  temp_dir d;
  auto missing = migc::rt::open_database(d.at("a.db"), migc::rt::open_mode::read_only);
  REQUIRE(missing.ok());
  CHECK_FALSE(missing->has_value());
  CHECK_FALSE(fs::exists(d.at("a.db")));

  auto created = migc::rt::open_database(d.at("a.db"), migc::rt::open_mode::create);
  REQUIRE(created.ok());
  CHECK(created->has_value());

  write(d.at("text.db"), "hello, I am text\n");
  for (auto mode : {migc::rt::open_mode::read_only, migc::rt::open_mode::create}) {
    auto text = migc::rt::open_database(d.at("text.db"), mode);
    REQUIRE_FALSE(text.ok());
    CHECK(migc::rt::is_not_a_database(text.error()));
    CHECK(text.error().message == "'" + d.at("text.db") + "' is not an SQLite database");
  }
  CHECK(migc::workflow::read_file(d.at("text.db")) == "hello, I am text\n");

  migc::diag::sink sink;
  CHECK_FALSE(migc::workflow::open_database(d.at("text.db"), migc::rt::open_mode::read_only, sink));
  REQUIRE(sink.all().size() == 1);
  CHECK(sink.all()[0].id == migc::diag::code::E0702);
}

TEST_CASE("refusals: losses unless allowed, violations always", "[workflow]") {
  temp_dir d;
  const std::string db_path = d.at("app.db");
  {
    auto db = migc::rt::connection::open(db_path);
    REQUIRE(db.ok());
    REQUIRE(db->exec("CREATE TABLE keep (id INTEGER PRIMARY KEY, name TEXT);"
                     "CREATE TABLE gone (id INTEGER PRIMARY KEY);"
                     "INSERT INTO keep VALUES (1, NULL); INSERT INTO gone VALUES (1), (2);")
                .ok());
  }
  write(d.at("to.sql"), "CREATE TABLE keep (id INTEGER PRIMARY KEY, name TEXT NOT NULL);\n");
  migc::diag::sink sink;
  std::optional<migc::workflow::database> db =
      migc::workflow::open_database(db_path, migc::rt::open_mode::read_only, sink);
  REQUIRE(db);
  std::optional<migc::workflow::migration_setup> m =
      migc::workflow::prepare_migration({d.at("to.sql")}, *db, migc::driver::options{}, sink);
  REQUIRE(m);

  std::vector<migc::diag::diagnostic> refused = migc::workflow::refusals(*m, false);
  REQUIRE(refused.size() == 2);
  std::vector<migc::diag::code> codes{refused[0].id, refused[1].id};
  std::sort(codes.begin(), codes.end());
  CHECK(codes == std::vector{migc::diag::code::E0501, migc::diag::code::E0502});

  refused = migc::workflow::refusals(*m, true);
  REQUIRE(refused.size() == 1);
  CHECK(refused[0].id == migc::diag::code::E0502);
  CHECK(refused[0].message == "cannot rebuild table 'keep': NOT NULL on 'keep.name': 1 row(s) hold NULL (rowid 1)");
}

TEST_CASE("the sqlite3 script prints the executor's phases in the protocol's order", "[workflow]") {
  migc::rt::migration m;
  m.statements = {"CREATE TABLE t (a)", "INSERT INTO t VALUES ('it''s')"};
  m.descriptions = {"create table 't'", "create table 't'"};
  m.schema_hash = "0123456789abcdef";
  m.version = "9.9";
  const std::string script = migc::rt::shell_script(m);
  namespace protocol = migc::rt::protocol;
  std::vector<std::string> in_order = {".bail on",
                                       std::string(protocol::foreign_keys_off) + ";",
                                       std::string(protocol::begin) + ";",
                                       protocol::violations,
                                       "-- create table 't'\nCREATE TABLE t (a);\nINSERT INTO t VALUES ('it''s');\n",
                                       "CHECK (new_violations = 0)",
                                       protocol::create_history,
                                       std::string(protocol::insert_history) + "('9.9', '0123456789abcdef', " +
                                           "'CREATE TABLE t (a);\nINSERT INTO t VALUES (''it''''s'');\n', ",
                                       std::string(protocol::commit) + ";",
                                       std::string(protocol::foreign_keys_on) + ";"};
  std::size_t at = 0;
  for (const std::string& part : in_order) {
    INFO(part);
    std::size_t found = script.find(part, at);
    REQUIRE(found != std::string::npos);
    at = found + part.size();
  }
}
