// Generated operations end to end on fixtures/bindings/shop.sql: insert,
// get, get_all, update and remove on rowid and WITHOUT ROWID tables,
// composite keys, lookups by unique keys, children by foreign key and the
// join helpers, names that are keywords or hold spaces and quotes, a table
// without a primary key, a view and an fts5 table.
#include "shop_db.hpp"
#include <type_traits>

using bindings_test::must;
using bindings_test::shop_db;

TEST_CASE("a rowid table round trip: insert, get, update, remove", "[bindings][crud]") {
  shop_db s;
  shop::NewUser n;
  n.email = "ada@example.com";
  n.name = "Ada";
  const std::int64_t id = must(shop::users::insert(s.db, n));
  CHECK(id == 1);

  std::optional<shop::User> got = must(shop::users::get(s.db, id));
  REQUIRE(got.has_value());
  CHECK(got->id == id);
  CHECK(got->email == "ada@example.com");
  CHECK(got->name == "Ada");

  shop::User changed = *got;
  changed.name = "Ada Lovelace";
  changed.nickname = "countess";
  changed.score = 99.5;
  CHECK(must(shop::users::update(s.db, changed)));
  CHECK(must(shop::users::get(s.db, id)) == changed);

  CHECK(must(shop::users::get_all(s.db)) == std::vector<shop::User>{changed});
  CHECK(must(shop::users::find_by_email(s.db, "ada@example.com")) == changed);
  CHECK_FALSE(must(shop::users::find_by_email(s.db, "nobody@example.com")).has_value());

  CHECK(must(shop::users::remove(s.db, id)));
  CHECK_FALSE(must(shop::users::get(s.db, id)).has_value());
  CHECK_FALSE(must(shop::users::remove(s.db, id)));
  changed.id = 42;
  CHECK_FALSE(must(shop::users::update(s.db, changed)));
  CHECK(must(shop::users::get_all(s.db)).empty());
}

TEST_CASE("designated initializers leave defaulted and optional members out", "[bindings][crud]") {
  // Compiled with -Wextra -Werror: g++ must not see missing initializers.
  shop_db s;
  const std::int64_t id = must(shop::users::insert(s.db, {.email = "d@example.com", .name = "D"}));
  const shop::User u = *must(shop::users::get(s.db, id));
  CHECK(u.is_admin == false);
  CHECK_FALSE(u.nickname.has_value());
  must(shop::depots::insert(s.db, {.region = "eu", .code = 1, .label = "Main"}));
  CHECK(must(shop::stock::insert(s.db, {.region = "eu", .code = 1, .item = "x", .unit_price = 2.0})) == 1);
  CHECK(must(shop::stock::get(s.db, 1))->status == "new");
}

TEST_CASE("an explicit rowid is kept; get_all is in key order", "[bindings][crud]") {
  shop_db s;
  for (std::int64_t id : {30, 10, 20}) {
    shop::NewUser n;
    n.id = id;
    n.email = "u" + std::to_string(id) + "@example.com";
    n.name = "u";
    CHECK(must(shop::users::insert(s.db, n)) == id);
  }
  std::vector<std::int64_t> ids;
  for (const shop::User& u : must(shop::users::get_all(s.db))) ids.push_back(u.id);
  CHECK(ids == std::vector<std::int64_t>{10, 20, 30});
}

TEST_CASE("WITHOUT ROWID with a composite key, a composite unique key and a nullable foreign key", "[bindings][crud]") {
  shop_db s;
  const std::int64_t boss = s.add_user("boss@example.com", "Boss");
  static_assert(std::is_same_v<decltype(shop::depots::insert(s.db, {})), migc::bindings::result<void>>);
  must(shop::depots::insert(s.db, {"eu", 1, "Main", boss}));
  must(shop::depots::insert(s.db, {"eu", 2, "Annex", std::nullopt}));
  must(shop::depots::insert(s.db, {"us", 1, "Main", std::nullopt}));

  const shop::Depot eu1{"eu", 1, "Main", boss};
  CHECK(must(shop::depots::get(s.db, "eu", 1)) == eu1);
  CHECK_FALSE(must(shop::depots::get(s.db, "eu", 3)).has_value());
  CHECK(must(shop::depots::find_by_label_and_region(s.db, "Main", "us")) == shop::Depot{"us", 1, "Main", {}});
  CHECK(must(shop::depots::list_by_manager_id(s.db, boss)) == std::vector<shop::Depot>{eu1});

  // The join: a NULL manager gives nullopt; rows come in key order.
  auto joined = must(shop::depots::with_manager(s.db));
  REQUIRE(joined.size() == 3);
  CHECK(joined[0].child == eu1);
  REQUIRE(joined[0].parent.has_value());
  CHECK(joined[0].parent->name == "Boss");
  CHECK(joined[1].child.label == "Annex");
  CHECK_FALSE(joined[1].parent.has_value());
  CHECK_FALSE(joined[2].parent.has_value());

  shop::Depot moved = eu1;
  moved.label = "Central";
  moved.manager_id.reset();
  CHECK(must(shop::depots::update(s.db, moved)));
  CHECK(must(shop::depots::get(s.db, "eu", 1)) == moved);
  CHECK(must(shop::depots::remove(s.db, "eu", 2)));
  CHECK_FALSE(must(shop::depots::remove(s.db, "eu", 2)));
  CHECK(must(shop::depots::get_all(s.db)).size() == 2);
}

TEST_CASE("a foreign key to a composite key; generated columns are read, never written", "[bindings][crud]") {
  shop_db s;
  must(shop::depots::insert(s.db, {"eu", 1, "Main", {}}));
  must(shop::depots::insert(s.db, {"eu", 2, "Annex", {}}));
  shop::NewStock n;
  n.region = "eu";
  n.code = 1;
  n.item = "bolt";
  n.quantity = 4;
  n.unit_price = 0.25;
  const std::int64_t bolt = must(shop::stock::insert(s.db, n));
  n.code = 2;
  n.item = "nut";
  const std::int64_t nut = must(shop::stock::insert(s.db, n));

  shop::Stock got = *must(shop::stock::get(s.db, bolt));
  CHECK(got.total == 1.0);
  CHECK(got.sku == "BOLT");

  // update sets the stored columns; the generated ones follow.
  got.quantity = 10;
  got.total = 12345;  // ignored
  CHECK(must(shop::stock::update(s.db, got)));
  got = *must(shop::stock::get(s.db, bolt));
  CHECK(got.total == 2.5);

  auto in_eu1 = must(shop::stock::list_by_region_and_code(s.db, "eu", 1));
  REQUIRE(in_eu1.size() == 1);
  CHECK(in_eu1[0].id == bolt);
  auto joined = must(shop::stock::with_depot(s.db));
  REQUIRE(joined.size() == 2);
  CHECK(joined[0].child.id == bolt);
  CHECK(joined[0].parent.label == "Main");
  CHECK(joined[1].child.id == nut);
  CHECK(joined[1].parent.label == "Annex");
}

TEST_CASE("identifiers that are keywords or hold spaces and quotes", "[bindings][crud][names]") {
  shop_db s;
  const std::int64_t user = s.add_user("k@example.com");
  shop::NewOrder n;
  n.user_id = user;
  n.my_quoted_col = "quoted \"value\"";
  n.class_ = 3;
  const std::int64_t first = must(shop::order::insert(s.db, n));
  n.select = 100;
  n.note = "custom";
  CHECK(must(shop::order::insert(s.db, n)) == 100);

  shop::Order o = *must(shop::order::get(s.db, first));
  CHECK(o.select == first);
  CHECK(o.user_id == user);
  CHECK(o.my_quoted_col == "quoted \"value\"");
  CHECK(o.note == "it's new");
  CHECK(o.class_ == 3);
  o.class_.reset();
  CHECK(must(shop::order::update(s.db, o)));
  CHECK(must(shop::order::get(s.db, first)) == o);
  CHECK(must(shop::order::list_by_user_id(s.db, user)).size() == 2);
  auto joined = must(shop::order::with_user(s.db));
  REQUIRE(joined.size() == 2);
  CHECK(joined[1].child.note == "custom");
  CHECK(joined[1].parent.id == user);

  // A key-only table with spaces in its names: no update is generated.
  must(shop::user_roles::insert(s.db, {user, "admin"}));
  must(shop::user_roles::insert(s.db, {user, "editor"}));
  CHECK(must(shop::user_roles::get(s.db, user, "editor")) == shop::UserRole{user, "editor"});
  CHECK(must(shop::user_roles::list_by_user_id(s.db, user)).size() == 2);
  CHECK(must(shop::user_roles::remove(s.db, user, "admin")));
  CHECK(must(shop::user_roles::get_all(s.db)) == std::vector<shop::UserRole>{{user, "editor"}});
}

TEST_CASE("a table without a primary key: insert, get_all, children and the join", "[bindings][crud]") {
  shop_db s;
  const std::int64_t user = s.add_user("log@example.com");
  shop::NewAuditLog n;
  n.what = migc::bindings::value{std::string("login")};
  n.user_id = user;
  CHECK(must(shop::audit_log::insert(s.db, n)) == 1);
  n.what.reset();
  n.user_id.reset();
  CHECK(must(shop::audit_log::insert(s.db, n)) == 2);
  auto all = must(shop::audit_log::get_all(s.db));
  REQUIRE(all.size() == 2);
  CHECK(all[0].what == migc::bindings::value{std::string("login")});
  CHECK_FALSE(all[1].what.has_value());
  CHECK(must(shop::audit_log::list_by_user_id(s.db, user)).size() == 1);
  auto joined = must(shop::audit_log::with_user(s.db));
  REQUIRE(joined.size() == 2);
  CHECK(joined[0].parent.has_value());
  CHECK_FALSE(joined[1].parent.has_value());
}

TEST_CASE("a view is readable", "[bindings][crud][view]") {
  shop_db s;
  const std::int64_t a = s.add_user("a@example.com", "A");
  const std::int64_t b = s.add_user("b@example.com", "B");
  shop::NewOrder n;
  n.user_id = a;
  must(shop::order::insert(s.db, n));
  must(shop::order::insert(s.db, n));
  auto rows = must(shop::user_orders::get_all(s.db));
  REQUIRE(rows.size() == 2);
  CHECK(rows[0].user_id == a);
  CHECK(rows[0].name == "A");
  CHECK(rows[0].order_count == migc::bindings::value{std::int64_t{2}});
  CHECK(rows[1].user_id == b);
  CHECK(rows[1].order_count == migc::bindings::value{std::int64_t{0}});
}

TEST_CASE("an fts5 table takes inserts and reads back", "[bindings][crud][fts5]") {
  shop_db s;
  CHECK(must(shop::notes::insert(s.db, {"first", "hello world"})) == 1);
  CHECK(must(shop::notes::insert(s.db, {"second", std::nullopt})) == 2);
  auto all = must(shop::notes::get_all(s.db));
  REQUIRE(all.size() == 2);
  CHECK(all[0] == shop::Note{"first", "hello world"});
  CHECK(all[1] == shop::Note{"second", std::nullopt});
}
