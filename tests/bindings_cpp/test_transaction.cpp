// migc::bindings::transaction with generated operations: commit on a value,
// rollback on an error (nothing left behind), savepoints when nested,
// rollback and rethrow on an exception, and a failing COMMIT.
#include "shop_db.hpp"
#include <stdexcept>

using bindings_test::must;
using bindings_test::shop_db;
using migc::bindings::database;
using migc::bindings::result;

namespace {

shop::NewUser user(const std::string& email) {
  shop::NewUser n;
  n.email = email;
  n.name = "t";
  return n;
}

std::size_t user_count(database& db) { return must(shop::users::get_all(db)).size(); }

}  // namespace

TEST_CASE("a transaction commits when f returns a value", "[bindings][transaction]") {
  shop_db s;
  result<std::int64_t> r = migc::bindings::transaction(s.db, [](database& db) -> result<std::int64_t> {
    if (auto a = shop::users::insert(db, user("a@example.com")); !a) return a;
    return shop::users::insert(db, user("b@example.com"));
  });
  CHECK(must(r) == 2);
  CHECK_FALSE(s.db.in_transaction());
  CHECK(user_count(s.db) == 2);
}

TEST_CASE("a failed transaction leaves no rows", "[bindings][transaction]") {
  shop_db s;
  result<void> r = migc::bindings::transaction(s.db, [](database& db) -> result<void> {
    if (auto a = shop::users::insert(db, user("a@example.com")); !a) return std::move(a).error();
    if (auto b = shop::users::insert(db, user("b@example.com")); !b) return std::move(b).error();
    if (auto dup = shop::users::insert(db, user("a@example.com")); !dup) return std::move(dup).error();
    return {};
  });
  REQUIRE_FALSE(r.ok());
  CHECK(r.error().code == SQLITE_CONSTRAINT_UNIQUE);
  CHECK_FALSE(s.db.in_transaction());
  CHECK(user_count(s.db) == 0);

  // An error of the caller's own making rolls back too.
  r = migc::bindings::transaction(s.db, [](database& db) -> result<void> {
    if (auto a = shop::users::insert(db, user("c@example.com")); !a) return std::move(a).error();
    return migc::bindings::error{SQLITE_ABORT, "changed my mind"};
  });
  REQUIRE_FALSE(r.ok());
  CHECK(r.error().message == "changed my mind");
  CHECK(user_count(s.db) == 0);
}

TEST_CASE("transactions nest as savepoints", "[bindings][transaction]") {
  shop_db s;
  result<bool> outer = migc::bindings::transaction(s.db, [](database& db) -> result<bool> {
    must(shop::users::insert(db, user("outer@example.com")));
    result<void> failed = migc::bindings::transaction(db, [](database& inner) -> result<void> {
      must(shop::users::insert(inner, user("inner@example.com")));
      return migc::bindings::error{SQLITE_ABORT, "inner fails"};
    });
    CHECK_FALSE(failed.ok());
    CHECK(db.in_transaction());  // the outer one goes on
    CHECK(user_count(db) == 1);
    result<void> kept = migc::bindings::transaction(db, [](database& inner) -> result<void> {
      must(shop::users::insert(inner, user("kept@example.com")));
      return {};
    });
    CHECK(kept.ok());
    return true;
  });
  CHECK(must(outer));
  CHECK(user_count(s.db) == 2);
  CHECK(must(shop::users::find_by_email(s.db, "kept@example.com")).has_value());
  CHECK_FALSE(must(shop::users::find_by_email(s.db, "inner@example.com")).has_value());

  // The outer one failing takes the committed inner one with it.
  result<void> both = migc::bindings::transaction(s.db, [](database& db) -> result<void> {
    must(migc::bindings::transaction(db, [](database& inner) -> result<void> {
      must(shop::users::insert(inner, user("gone@example.com")));
      return {};
    }));
    return migc::bindings::error{SQLITE_ABORT, "outer fails"};
  });
  CHECK_FALSE(both.ok());
  CHECK(user_count(s.db) == 2);
}

TEST_CASE("an exception rolls back and goes on to the caller", "[bindings][transaction]") {
  shop_db s;
  auto throwing = [](database& db) -> result<void> {
    must(shop::users::insert(db, user("thrown@example.com")));
    throw std::runtime_error("user code failed");
  };
  CHECK_THROWS_AS(migc::bindings::transaction(s.db, throwing), std::runtime_error);
  CHECK_FALSE(s.db.in_transaction());
  CHECK(user_count(s.db) == 0);
  // The connection is usable afterwards, its cached statements reset.
  CHECK(must(migc::bindings::transaction(s.db, [](database& db) { return shop::users::insert(db, user("x@y")); })) ==
        1);
}

TEST_CASE("a failing COMMIT is returned and rolled back", "[bindings][transaction]") {
  shop_db s;
  result<void> r = migc::bindings::transaction(s.db, [](database& db) -> result<void> {
    // Deferred foreign keys are checked at COMMIT; SQLite clears the
    // setting when the transaction ends.
    must(db.exec("PRAGMA defer_foreign_keys = ON"));
    shop::NewOrder o;
    o.user_id = 777;  // no such user, noticed only at COMMIT
    if (auto id = shop::order::insert(db, o); !id) return std::move(id).error();
    return {};
  });
  REQUIRE_FALSE(r.ok());
  CHECK(r.error().code == SQLITE_CONSTRAINT_FOREIGNKEY);
  CHECK_FALSE(s.db.in_transaction());
  CHECK(must(shop::order::get_all(s.db)).empty());
}
