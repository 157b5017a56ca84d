// The support header on its own (runtime/include/migc/bindings.hpp):
// result and defaulted, INSERT text for defaulted columns, binding and
// reading each C++ type, and failures as sticky values.
#include "shop_db.hpp"
#include <cstring>
#include <limits>

using bindings_test::must;
using migc::bindings::database;
using migc::bindings::result;
using migc::bindings::statement;

namespace {

database memory() {
  auto db = database::open(":memory:");
  REQUIRE(db.ok());
  return std::move(db).value();
}

}  // namespace

TEST_CASE("result holds a value or an error, copies and moves", "[bindings][support]") {
  result<std::string> a = std::string("value");
  result<std::string> b = migc::bindings::error{SQLITE_FULL, "disk full"};
  CHECK(a.ok());
  CHECK(static_cast<bool>(a));
  CHECK(a->size() == 5);
  CHECK_FALSE(b.ok());
  CHECK(b.error().code == SQLITE_FULL);

  result<std::string> c = a;
  c = b;
  CHECK_FALSE(c.ok());
  CHECK(c.error().message == "disk full");
  c = std::move(a);
  CHECK(*c == "value");
  b = c;
  CHECK(*b == "value");
  result<std::vector<int>> v = std::vector<int>{1, 2, 3};
  std::vector<int> taken = std::move(v).value();
  CHECK(taken.size() == 3);

  result<void> ok;
  result<void> failed = migc::bindings::error{SQLITE_BUSY, "busy"};
  CHECK(ok.ok());
  CHECK(failed.error().code == SQLITE_BUSY);
}

TEST_CASE("defaulted says 'use the default' until it is given a value", "[bindings][support]") {
  migc::bindings::defaulted<std::int64_t> id;
  CHECK(id.is_default());
  id = 7;
  CHECK(id.value() == 7);
  id = migc::bindings::use_default;
  CHECK(id.is_default());
  migc::bindings::defaulted<std::optional<std::string>> nick;
  CHECK(nick.is_default());
  nick = std::nullopt;  // NULL, not the default
  CHECK_FALSE(nick.is_default());
  CHECK_FALSE(nick.value().has_value());
  nick = "n";
  CHECK(nick.value() == "n");
}

TEST_CASE("INSERT text leaves out the omitted columns", "[bindings][support]") {
  const std::string_view cols[] = {"\"a\"", "\"b c\"", "\"d\""};
  const std::uint64_t none[1] = {0};
  const std::uint64_t middle[1] = {2};
  const std::uint64_t all[1] = {7};
  CHECK(migc::bindings::insert_sql("\"t\"", cols, none) ==
        "INSERT INTO \"t\" (\"a\", \"b c\", \"d\") VALUES (?1, ?2, ?3)");
  CHECK(migc::bindings::insert_sql("\"t\"", cols, middle) == "INSERT INTO \"t\" (\"a\", \"d\") VALUES (?1, ?2)");
  CHECK(migc::bindings::insert_sql("\"t\"", cols, all) == "INSERT INTO \"t\" DEFAULT VALUES");

  // Past 64 columns the mask takes more words.
  std::vector<std::string> names;
  for (int i = 0; i < 70; ++i) names.push_back("c" + std::to_string(i));
  std::vector<std::string_view> many(names.begin(), names.end());
  const std::uint64_t words[2] = {~std::uint64_t{0}, ~std::uint64_t{0} ^ (std::uint64_t{1} << 5)};
  CHECK(migc::bindings::insert_sql("t", many, words) == "INSERT INTO t (c69) VALUES (?1)");
}

TEST_CASE("each C++ type binds and reads back", "[bindings][support]") {
  database db = memory();
  statement st = db.prepare("SELECT ?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, typeof(?11), typeof(?12)");
  const std::array<std::byte, 3> raw{std::byte{0}, std::byte{0xff}, std::byte{1}};
  st.bind(1, 42);
  st.bind(2, std::uint32_t{4000000000U});
  st.bind(3, true);
  st.bind(4, 1.5F);
  st.bind(5, "text");
  st.bind(6, std::string_view("view\0nul", 8));
  st.bind(7, std::span<const std::byte>(raw));
  st.bind(8, std::optional<std::int64_t>());
  st.bind(9, migc::bindings::value{2.25});
  st.bind(10, std::optional<std::string>("opt"));
  st.bind(11, std::string_view());  // empty text, not NULL
  st.bind(12, nullptr);
  REQUIRE(must(st.step()));
  CHECK(st.get<std::int64_t>(0) == 42);
  CHECK(st.get<std::int64_t>(1) == 4000000000LL);
  CHECK(st.get<bool>(2));
  CHECK(st.get<double>(3) == 1.5);
  CHECK(st.get<std::string>(4) == "text");
  CHECK(st.get<std::string>(5) == std::string("view\0nul", 8));
  CHECK(st.get<migc::bindings::blob>(6) == migc::bindings::blob(raw.begin(), raw.end()));
  CHECK_FALSE(st.get<std::optional<std::int64_t>>(7).has_value());
  CHECK(st.get<std::int64_t>(7) == 0);  // NULL into a non-optional
  CHECK(st.get<std::string>(7).empty());
  CHECK(st.get<migc::bindings::value>(8) == migc::bindings::value{2.25});
  CHECK(st.get<std::optional<migc::bindings::value>>(9) == migc::bindings::value{std::string("opt")});
  CHECK(st.get<std::string>(10) == "text");
  CHECK(st.get<std::string>(11) == "null");
  CHECK_FALSE(must(st.step()));
}

TEST_CASE("failures are values and stick until the step", "[bindings][support]") {
  auto bad = database::open("/nonexistent-directory/sub/x.db", SQLITE_OPEN_READWRITE);
  REQUIRE_FALSE(bad.ok());
  CHECK((bad.error().code & 0xff) == SQLITE_CANTOPEN);

  database db = memory();
  statement syntax = db.prepare("SELEC 1");
  syntax.bind(1, 5);  // a no-op on a failed statement
  auto r = syntax.step();
  REQUIRE_FALSE(r.ok());
  CHECK(r.error().code == SQLITE_ERROR);
  CHECK(r.error().message.find("syntax error") != std::string::npos);

  statement range = db.prepare("SELECT ?1");
  range.bind(2, 5);
  auto out_of_range = range.step();
  REQUIRE_FALSE(out_of_range.ok());
  CHECK(out_of_range.error().code == SQLITE_RANGE);

  auto exec = db.exec("CREATE TABLE t (x); CREATE TABLE t (x);");
  REQUIRE_FALSE(exec.ok());
  CHECK(exec.error().message.find("already exists") != std::string::npos);

  // A statement that fails to prepare is not cached: the same slot works
  // once its table exists.
  static const std::uint32_t slot = migc::bindings::new_slot();
  auto missing = db.cached(slot, "SELECT count(*) FROM later").step();
  REQUIRE_FALSE(missing.ok());
  CHECK(missing.error().message.find("no such table: later") != std::string::npos);
  must(db.exec("CREATE TABLE later (x)"));
  statement found = db.cached(slot, "SELECT count(*) FROM later");
  REQUIRE(must(found.step()));
  CHECK(found.get<std::int64_t>(0) == 0);
}
