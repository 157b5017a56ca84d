// Values through generated code: NULL and std::nullopt, DEFAULTs taken when
// a defaulted member is left alone, each declared type's C++ type, ANY and
// typeless columns keeping their storage class, and hostile strings and
// blobs stored verbatim.
#include "shop_db.hpp"
#include <cstring>
#include <limits>
#include <regex>

using bindings_test::must;
using bindings_test::shop_db;

namespace {

migc::bindings::blob bytes(std::string_view s) {
  migc::bindings::blob b(s.size());
  std::memcpy(b.data(), s.data(), s.size());
  return b;
}

// The storage class SQLite holds for `column` of the row with this rowid.
std::string type_of(migc::bindings::database& db, const std::string& table, const std::string& column,
                    std::int64_t rowid) {
  migc::bindings::statement st = db.prepare("SELECT typeof(" + column + ") FROM " + table + " WHERE rowid = ?1");
  st.bind(1, rowid);
  REQUIRE(must(st.step()));
  return st.get<std::string>(0);
}

}  // namespace

TEST_CASE("NULL reads as nullopt and nullopt writes NULL", "[bindings][values]") {
  shop_db s;
  shop::NewUser n;
  n.email = "null@example.com";
  n.name = "N";
  const std::int64_t id = must(shop::users::insert(s.db, n));
  shop::User u = *must(shop::users::get(s.db, id));
  CHECK_FALSE(u.nickname.has_value());
  CHECK_FALSE(u.big.has_value());
  CHECK_FALSE(u.avatar.has_value());
  CHECK_FALSE(u.score.has_value());
  CHECK(type_of(s.db, "users", "nickname", id) == "null");

  u.nickname = "";
  u.avatar = migc::bindings::blob{};
  u.score = 0.0;
  u.big = 0;
  REQUIRE(must(shop::users::update(s.db, u)));
  shop::User back = *must(shop::users::get(s.db, id));
  CHECK(back.nickname == std::optional<std::string>(""));  // empty, not NULL
  CHECK(back.avatar == std::optional<migc::bindings::blob>(migc::bindings::blob{}));
  CHECK(type_of(s.db, "users", "avatar", id) == "blob");
  CHECK(back == u);

  u.nickname.reset();
  u.avatar.reset();
  REQUIRE(must(shop::users::update(s.db, u)));
  CHECK(type_of(s.db, "users", "nickname", id) == "null");
  CHECK(type_of(s.db, "users", "avatar", id) == "null");
}

TEST_CASE("defaults apply to defaulted members left alone, and only to them", "[bindings][values][defaults]") {
  shop_db s;
  shop::NewUser n;
  n.email = "d@example.com";
  n.name = "D";
  shop::User u = *must(shop::users::get(s.db, must(shop::users::insert(s.db, n))));
  CHECK(u.is_admin == false);
  CHECK(u.balance == 0.0);
  CHECK(std::regex_match(u.created_at, std::regex(R"(\d{4}-\d\d-\d\d \d\d:\d\d:\d\d)")));

  n.email = "e@example.com";
  n.is_admin = true;
  n.created_at = "2024-02-29T12:00:00Z";
  n.balance = 12.5;
  u = *must(shop::users::get(s.db, must(shop::users::insert(s.db, n))));
  CHECK(u.is_admin);
  CHECK(u.created_at == "2024-02-29T12:00:00Z");
  CHECK(u.balance == 12.5);
  n.is_admin = migc::bindings::use_default;
  CHECK(n.is_admin.is_default());

  // A nullable column with a default: left alone → the default; nullopt → NULL.
  must(shop::depots::insert(s.db, {"eu", 1, "Main", {}}));
  shop::NewStock st;
  st.region = "eu";
  st.code = 1;
  st.item = "a";
  const std::int64_t with_default = must(shop::stock::insert(s.db, st));
  st.status = std::nullopt;
  const std::int64_t with_null = must(shop::stock::insert(s.db, st));
  st.status = std::string("sold");
  const std::int64_t with_value = must(shop::stock::insert(s.db, st));
  CHECK(must(shop::stock::get(s.db, with_default))->status == "new");
  CHECK_FALSE(must(shop::stock::get(s.db, with_null))->status.has_value());
  CHECK(must(shop::stock::get(s.db, with_value))->status == "sold");
  CHECK(must(shop::stock::get(s.db, with_default))->quantity == 1);
  CHECK(must(shop::stock::get(s.db, with_default))->unit_price == 0.5);
}

TEST_CASE("each declared type maps to its C++ type and back", "[bindings][values][types]") {
  static_assert(std::is_same_v<decltype(shop::User::is_admin), bool>);                    // BOOLEAN
  static_assert(std::is_same_v<decltype(shop::User::created_at), std::string>);           // DATETIME
  static_assert(std::is_same_v<decltype(shop::User::balance), double>);                   // DECIMAL(10,2)
  static_assert(std::is_same_v<decltype(shop::User::big), std::optional<std::int64_t>>);  // UNSIGNED BIG INT
  static_assert(std::is_same_v<decltype(shop::User::email), std::string>);                // VARCHAR(255)
  static_assert(std::is_same_v<decltype(shop::User::avatar), std::optional<migc::bindings::blob>>);
  static_assert(std::is_same_v<decltype(shop::User::score), std::optional<double>>);
  static_assert(std::is_same_v<decltype(shop::Order::payload), std::optional<migc::bindings::value>>);  // ANY
  static_assert(std::is_same_v<decltype(shop::AuditLog::what), std::optional<migc::bindings::value>>);  // none
  static_assert(std::is_same_v<decltype(shop::NewUser::id), migc::bindings::defaulted<std::int64_t>>);
  static_assert(
      std::is_same_v<decltype(shop::NewStock::status), migc::bindings::defaulted<std::optional<std::string>>>);

  shop_db s;
  shop::NewUser n;
  n.email = std::string(255, 'x');
  n.name = "T";
  n.balance = 1234.56;
  n.big = std::numeric_limits<std::int64_t>::max();
  n.score = -0.125;
  n.avatar = bytes(std::string_view("\x89PNG\0\xff", 6));
  shop::User u = *must(shop::users::get(s.db, must(shop::users::insert(s.db, n))));
  CHECK(u.email.size() == 255);
  CHECK(u.balance == 1234.56);
  CHECK(u.big == std::numeric_limits<std::int64_t>::max());
  CHECK(u.score == -0.125);
  CHECK(u.avatar == bytes(std::string_view("\x89PNG\0\xff", 6)));
}

TEST_CASE("ANY and typeless columns keep the storage class they are given", "[bindings][values][any]") {
  shop_db s;
  const std::int64_t user = s.add_user("any@example.com");
  const std::vector<migc::bindings::value> values = {std::int64_t{-7}, 2.5, std::string("12"),
                                                     bytes(std::string_view("\0\1", 2)), std::string("text")};
  const std::vector<std::string> classes = {"integer", "real", "text", "blob", "text"};
  for (std::size_t i = 0; i < values.size(); ++i) {
    shop::NewOrder o;
    o.user_id = user;
    o.payload = values[i];
    const std::int64_t id = must(shop::order::insert(s.db, o));
    CHECK(must(shop::order::get(s.db, id))->payload == values[i]);
    CHECK(type_of(s.db, "\"order\"", "payload", id) == classes[i]);

    shop::NewAuditLog a;
    a.what = values[i];
    const std::int64_t row = must(shop::audit_log::insert(s.db, a));
    CHECK(type_of(s.db, "audit_log", "what", row) == classes[i]);
  }
  auto log = must(shop::audit_log::get_all(s.db));
  REQUIRE(log.size() == values.size());
  for (std::size_t i = 0; i < values.size(); ++i) CHECK(log[i].what == values[i]);
}

TEST_CASE("hostile strings and blobs are stored verbatim", "[bindings][values][hostile]") {
  shop_db s;
  const std::vector<std::string> hostile = {
      "'; DROP TABLE users; --",        "\"); DELETE FROM users; --", "it's \"quoted\" \\ back\\slash",
      std::string("embedded\0nul", 12), "?1 ?2 :name @x $y",          "\xe2\x9c\x93 unicode \xf0\x9f\x98\x80",
      std::string(100000, 'z'),
  };
  std::vector<std::int64_t> ids;
  for (std::size_t i = 0; i < hostile.size(); ++i) {
    shop::NewUser n;
    n.email = hostile[i] + std::to_string(i);
    n.name = hostile[i];
    n.nickname = hostile[i];
    n.avatar = bytes(hostile[i]);
    ids.push_back(must(shop::users::insert(s.db, n)));
  }
  for (std::size_t i = 0; i < hostile.size(); ++i) {
    shop::User u = *must(shop::users::get(s.db, ids[i]));
    CHECK(u.name == hostile[i]);
    CHECK(u.name.size() == hostile[i].size());
    CHECK(u.nickname == hostile[i]);
    CHECK(u.avatar == bytes(hostile[i]));
    CHECK(must(shop::users::find_by_email(s.db, hostile[i] + std::to_string(i)))->id == ids[i]);
  }
  CHECK(must(shop::users::get_all(s.db)).size() == hostile.size());
  // Both tables the strings name are still there.
  CHECK(must(shop::order::get_all(s.db)).empty());
}

TEST_CASE("more than 64 defaulted columns", "[bindings][values][defaults]") {
  shop_db s;
  shop::NewWide all_defaults;
  const std::int64_t a = must(shop::wide::insert(s.db, all_defaults));
  shop::NewWide some;
  some.c01 = 100;
  some.c70 = 700;
  const std::int64_t b = must(shop::wide::insert(s.db, some));
  const std::size_t cached = s.db.cached_statement_count();
  some.c70 = 701;
  const std::int64_t c = must(shop::wide::insert(s.db, some));
  CHECK(s.db.cached_statement_count() == cached);  // the same columns: the same statement

  shop::Wide wa = *must(shop::wide::get(s.db, a));
  CHECK(wa.c01 == 1);
  CHECK(wa.c65 == 65);
  CHECK(wa.c70 == 70);
  shop::Wide wb = *must(shop::wide::get(s.db, b));
  CHECK(wb.c01 == 100);
  CHECK(wb.c02 == 2);
  CHECK(wb.c70 == 700);
  CHECK(must(shop::wide::get(s.db, c))->c70 == 701);
}
