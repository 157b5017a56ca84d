// fixtures/bindings/names.sql through its generated bindings: SQL names that
// are C++ keywords, names the generated code uses itself, collisions with
// suffixes, names without letters or with quotes, backslashes and line
// breaks. Each must reach the right column: values are checked with plain
// SQL against the real names.
#include "names.hpp"
#include "shop_db.hpp"

using bindings_test::must;

namespace {

struct names_db {
  bindings_test::temp_dir dir;
  migc::bindings::database db = bindings_test::open(dir.path / "names.db");
  names_db() {
    must(db.exec(bindings_test::read_text(MIGC_NAMES_SCHEMA)));
    must(db.exec("PRAGMA foreign_keys = ON"));
  }

  // The text value of `sql`'s first column in its first row.
  std::string scalar(const std::string& sql) {
    migc::bindings::statement st = db.prepare(sql);
    REQUIRE(must(st.step()));
    return st.get<std::string>(0);
  }
};

}  // namespace

TEST_CASE("names of the standard library and of the generated code", "[bindings][names]") {
  names_db n;
  names::NewStd row{.std_ = 5, .migc_ = "m", .migc_impl = "i", .db = "d", .row = "r", .read = "x"};
  CHECK(must(names::std_::insert(n.db, row)) == 5);
  names::Std got = *must(names::std_::get(n.db, 5));
  CHECK(got.migc_ == "m");
  CHECK(got.db == "d");
  CHECK(got.value == "v");  // DEFAULT 'v'
  CHECK(n.scalar(R"(SELECT "row" || "read" || migc_impl FROM std WHERE std = 5)") == "rxi");
  got.value.reset();
  CHECK(must(names::std_::update(n.db, got)));
  CHECK(must(names::std_::get(n.db, 5)) == got);

  CHECK(must(names::migc_impl2::insert(n.db, {.first = "f"})) == 1);
  CHECK(must(names::migc_impl2::get(n.db, 1))->first == "f");
  CHECK(must(names::read::insert(n.db, {.s = "s"})) == 1);
  CHECK(must(names::read::get_all(n.db)) == std::vector<names::Read>{{1, "s"}});
  CHECK(must(names::db::insert(n.db, {.db = "inner"})) == 1);
  CHECK(must(names::db::get(n.db, 1))->db == "inner");
}

TEST_CASE("keywords as tables and key columns", "[bindings][names]") {
  names_db n;
  must(names::class_::insert(n.db, {.new_ = 1, .delete_ = "x", .this_ = 0.5}));
  CHECK(must(names::class_::get(n.db, 1, "x")) == names::Class{1, "x", 0.5});
  CHECK(must(names::class_::remove(n.db, 1, "x")));
  must(names::select::insert(n.db, {.from = 3, .where = "here", .group = "g"}));
  CHECK(must(names::select::find_by_where(n.db, "here"))->from == 3);
  CHECK(n.scalar(R"(SELECT "group" FROM "select" WHERE "from" = 3)") == "g");
}

TEST_CASE("colliding names get suffixes and still reach their own columns", "[bindings][names]") {
  names_db n;
  must(names::customer::insert(n.db, names::NewCustomer2{.user_id = 1, .user_id2 = 2, .user_id3 = 3}));
  CHECK(n.scalar(R"(SELECT user_id || "UserId" || "user id" FROM customer)") == "123");
  must(names::customers::insert(n.db, names::NewCustomer22{.name = "plural"}));
  CHECK(must(names::customers::get_all(n.db)) == std::vector<names::Customer2>{{1, "plural"}});
  must(names::new_customer::insert(n.db, names::NewNewCustomer{}));
  CHECK(must(names::new_customer::get_all(n.db)).size() == 1);
}

TEST_CASE("names without letters, starting with a digit, with quotes, backslashes and line breaks",
          "[bindings][names]") {
  names_db n;
  names::New_1stTable row;
  row._1st = 7;
  row.column = "question marks";
  row.column2 = "euro";
  row.path = "back\\slash";
  row.a_b_c = "comment markers";
  row.say_hi = "quotes";
  row.line_break = "line break";
  CHECK(must(names::_1st_table::insert(n.db, row)) == 7);
  names::_1stTable got = *must(names::_1st_table::get(n.db, 7));
  CHECK(got == names::_1stTable{7, "question marks", "euro", "back\\slash", "comment markers", "quotes", "line break"});
  CHECK(n.scalar("SELECT \"???\" || \"\xe2\x82\xac\" || \"path\\\" FROM \"1st table\"") ==
        "question markseuroback\\slash");
  CHECK(n.scalar("SELECT \"say \"\"hi\"\"\" || \"line\nbreak\" FROM \"1st table\"") == "quotesline break");
  got.line_break = "changed";
  CHECK(must(names::_1st_table::update(n.db, got)));
  CHECK(n.scalar("SELECT \"line\nbreak\" FROM \"1st table\"") == "changed");
}

TEST_CASE("a self-referencing foreign key joins the table with itself", "[bindings][names]") {
  names_db n;
  const std::int64_t boss = must(names::employees::insert(n.db, {.name = "boss"}));
  const std::int64_t worker = must(names::employees::insert(n.db, {.name = "worker", .manager_id = boss}));
  auto joined = must(names::employees::with_manager(n.db));
  REQUIRE(joined.size() == 2);
  CHECK_FALSE(joined[0].parent.has_value());
  CHECK(joined[1].child.id == worker);
  REQUIRE(joined[1].parent.has_value());
  CHECK(joined[1].parent->name == "boss");
  CHECK(must(names::employees::list_by_manager_id(n.db, boss)).size() == 1);
}
