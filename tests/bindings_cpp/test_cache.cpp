// The per-connection statement cache under generated code: statements are
// prepared once and reused across many calls, an INSERT caches one
// statement per set of defaulted columns, nothing holds a lock once a call
// returns, bindings of two schemas share a connection, and a connection
// can move.
#include "demo.hpp"
#include "shop_db.hpp"

using bindings_test::must;
using bindings_test::shop_db;

namespace {

shop::NewUser user(const std::string& email) {
  shop::NewUser n;
  n.email = email;
  n.name = "c";
  return n;
}

}  // namespace

TEST_CASE("statements are prepared once and reused across many calls", "[bindings][cache]") {
  shop_db s;
  const std::int64_t id = s.add_user("cache@example.com");
  REQUIRE(must(shop::users::get(s.db, id)).has_value());
  const std::size_t warm = s.db.cached_statement_count();
  for (int i = 0; i < 10000; ++i) {
    auto u = shop::users::get(s.db, id);
    REQUIRE(u.ok());
    REQUIRE((*u)->email == "cache@example.com");
  }
  CHECK(s.db.cached_statement_count() == warm);

  // One INSERT statement per combination of defaulted columns met.
  const std::size_t before = s.db.cached_statement_count();
  for (int i = 0; i < 100; ++i) must(shop::users::insert(s.db, user("a" + std::to_string(i) + "@x")));
  CHECK(s.db.cached_statement_count() == before);  // the shop_db's add_user met this one
  for (int i = 0; i < 100; ++i) {
    shop::NewUser n = user("b" + std::to_string(i) + "@x");
    n.is_admin = i % 2 == 0;
    must(shop::users::insert(s.db, n));
  }
  CHECK(s.db.cached_statement_count() == before + 1);
  CHECK(must(shop::users::get_all(s.db)).size() == 201);
}

TEST_CASE("no statement holds a lock after a call returns", "[bindings][cache]") {
  shop_db s;
  for (int i = 0; i < 3; ++i) s.add_user("lock" + std::to_string(i) + "@example.com");
  migc::bindings::database other = bindings_test::open(s.file);

  // The control: a statement stepped to its first row and not reset keeps
  // its read lock, so the other connection cannot commit a write.
  {
    migc::bindings::statement held = s.db.prepare("SELECT id FROM users");
    REQUIRE(must(held.step()));
    auto blocked = shop::users::insert(other, user("blocked@example.com"));
    REQUIRE_FALSE(blocked.ok());
    CHECK((blocked.error().code & 0xff) == SQLITE_BUSY);
  }

  // Generated calls that read one row of several leave no lock behind.
  REQUIRE(must(shop::users::get(s.db, 1)).has_value());
  REQUIRE(must(shop::users::find_by_email(s.db, "lock0@example.com")).has_value());
  REQUIRE(must(shop::user_orders::get_all(s.db)).size() == 3);
  must(shop::users::insert(other, user("free@example.com")));
  CHECK(must(shop::users::get_all(s.db)).size() == 4);
}

TEST_CASE("a statement of the cache in use is not handed out twice", "[bindings][cache]") {
  shop_db s;
  static const std::uint32_t slot = migc::bindings::new_slot();
  s.add_user("one@example.com");
  s.add_user("two@example.com");
  migc::bindings::statement first = s.db.cached(slot, "SELECT email FROM users ORDER BY id");
  REQUIRE(must(first.step()));
  migc::bindings::statement second = s.db.cached(slot, "SELECT email FROM users ORDER BY id");
  REQUIRE(must(second.step()));
  CHECK(second.handle() != first.handle());
  CHECK(first.get<std::string>(0) == "one@example.com");
  REQUIRE(must(second.step()));
  CHECK(second.get<std::string>(0) == "two@example.com");
  REQUIRE(must(first.step()));
  CHECK(first.get<std::string>(0) == "two@example.com");
}

TEST_CASE("bindings of two schemas share one connection", "[bindings][cache]") {
  shop_db s;
  for (const char* file : {"customers.sql", "orders.sql", "reports.sql"}) {
    must(s.db.exec(bindings_test::read_text(std::string(MIGC_DEMO_DIR) + "/" + file)));
  }
  demo::db::NewCustomer c;
  c.email = "demo@example.com";
  c.name = "Demo";
  for (int i = 0; i < 50; ++i) {
    // The same kinds of call, one after the other: their slots differ.
    const std::int64_t customer = must(demo::db::customers::insert(s.db, c));
    const std::int64_t user = s.add_user("shop" + std::to_string(i) + "@example.com");
    CHECK(must(demo::db::customers::get(s.db, customer))->email == "demo@example.com");
    CHECK(must(shop::users::get(s.db, user))->email == "shop" + std::to_string(i) + "@example.com");
    must(demo::db::customers::remove(s.db, customer));
  }
  CHECK(must(demo::db::customers::get_all(s.db)).empty());
  CHECK(must(shop::users::get_all(s.db)).size() == 50);
  CHECK(must(demo::db::customer_revenue::get_all(s.db)).empty());
}

TEST_CASE("a connection moves with its cache; each connection has its own", "[bindings][cache]") {
  shop_db s;
  const std::int64_t id = s.add_user("move@example.com");
  REQUIRE(must(shop::users::get(s.db, id)).has_value());
  const std::size_t cached = s.db.cached_statement_count();
  migc::bindings::database moved = std::move(s.db);
  CHECK(moved.cached_statement_count() == cached);
  CHECK(must(shop::users::get(moved, id))->email == "move@example.com");
  CHECK(moved.cached_statement_count() == cached);

  migc::bindings::database other = bindings_test::open(s.file);
  CHECK(other.cached_statement_count() == 0);
  CHECK(must(shop::users::get(other, id))->email == "move@example.com");
  CHECK(other.cached_statement_count() == 1);
}
