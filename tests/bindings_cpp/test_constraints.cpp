// Constraint failures come back as errors carrying SQLite's extended result
// code and message, and leave nothing behind: UNIQUE (single and
// composite), PRIMARY KEY, FOREIGN KEY (with PRAGMA foreign_keys = ON),
// CHECK and NOT NULL.
#include "shop_db.hpp"

using bindings_test::must;
using bindings_test::shop_db;

namespace {

template <typename T>
int code_of(const migc::bindings::result<T>& r) {
  REQUIRE_FALSE(r.ok());
  INFO(r.error().message);
  return r.error().code;
}

}  // namespace

TEST_CASE("UNIQUE violations", "[bindings][constraints]") {
  shop_db s;
  s.add_user("dup@example.com");
  shop::NewUser n;
  n.email = "dup@example.com";
  n.name = "again";
  auto r = shop::users::insert(s.db, n);
  CHECK(code_of(r) == SQLITE_CONSTRAINT_UNIQUE);
  CHECK(r.error().message.find("users.email") != std::string::npos);
  CHECK(must(shop::users::get_all(s.db)).size() == 1);

  // Through update, and on a composite UNIQUE.
  const std::int64_t other = s.add_user("other@example.com");
  shop::User u = *must(shop::users::get(s.db, other));
  u.email = "dup@example.com";
  CHECK(code_of(shop::users::update(s.db, u)) == SQLITE_CONSTRAINT_UNIQUE);
  must(shop::depots::insert(s.db, {"eu", 1, "Main", {}}));
  CHECK(code_of(shop::depots::insert(s.db, {"eu", 2, "Main", {}})) == SQLITE_CONSTRAINT_UNIQUE);
}

TEST_CASE("PRIMARY KEY violations", "[bindings][constraints]") {
  shop_db s;
  must(shop::depots::insert(s.db, {"eu", 1, "Main", {}}));
  CHECK(code_of(shop::depots::insert(s.db, {"eu", 1, "Other", {}})) == SQLITE_CONSTRAINT_PRIMARYKEY);
  shop::NewUser n;
  n.id = s.add_user("pk@example.com");
  n.email = "pk2@example.com";
  n.name = "x";
  CHECK(code_of(shop::users::insert(s.db, n)) == SQLITE_CONSTRAINT_PRIMARYKEY);
}

TEST_CASE("FOREIGN KEY violations", "[bindings][constraints]") {
  shop_db s;
  shop::NewOrder o;
  o.user_id = 12345;
  CHECK(code_of(shop::order::insert(s.db, o)) == SQLITE_CONSTRAINT_FOREIGNKEY);
  CHECK(code_of(shop::depots::insert(s.db, {"eu", 1, "Main", 999})) == SQLITE_CONSTRAINT_FOREIGNKEY);
  shop::NewStock st;
  st.region = "nowhere";
  st.code = 1;
  st.item = "x";
  CHECK(code_of(shop::stock::insert(s.db, st)) == SQLITE_CONSTRAINT_FOREIGNKEY);

  // Removing a parent that children point to.
  o.user_id = s.add_user("parent@example.com");
  must(shop::order::insert(s.db, o));
  CHECK(code_of(shop::users::remove(s.db, o.user_id)) == SQLITE_CONSTRAINT_FOREIGNKEY);
  CHECK(must(shop::users::get(s.db, o.user_id)).has_value());
}

TEST_CASE("CHECK violations", "[bindings][constraints]") {
  shop_db s;
  shop::NewUser n;
  n.email = "check@example.com";
  n.name = "";  // CHECK (length(name) > 0)
  CHECK(code_of(shop::users::insert(s.db, n)) == SQLITE_CONSTRAINT_CHECK);
  must(shop::depots::insert(s.db, {"eu", 1, "Main", {}}));
  shop::NewStock st;
  st.region = "eu";
  st.code = 1;
  st.item = "x";
  st.quantity = -1;  // CHECK (quantity >= 0)
  CHECK(code_of(shop::stock::insert(s.db, st)) == SQLITE_CONSTRAINT_CHECK);
  CHECK(must(shop::stock::get_all(s.db)).empty());
}

TEST_CASE("NOT NULL violations", "[bindings][constraints]") {
  shop_db s;
  must(shop::depots::insert(s.db, {"eu", 1, "Main", {}}));
  shop::NewStock st;
  st.region = "eu";
  st.code = 1;
  st.item = "";  // makes the NOT NULL generated sku NULL
  auto r = shop::stock::insert(s.db, st);
  CHECK(code_of(r) == SQLITE_CONSTRAINT_NOTNULL);
  CHECK(r.error().message.find("stock.sku") != std::string::npos);

  st.item = "ok";
  shop::Stock row = *must(shop::stock::get(s.db, must(shop::stock::insert(s.db, st))));
  row.item = "";
  CHECK(code_of(shop::stock::update(s.db, row)) == SQLITE_CONSTRAINT_NOTNULL);
  CHECK(must(shop::stock::get(s.db, row.id))->item == "ok");
}
