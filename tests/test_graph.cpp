// The dependency graph on catalogs built by hand: creation orders, their
// stability, foreign-key cycles and self-references (not errors), cycles of
// views (E0301 with the whole path and a note per reference), and chains long
// enough to overflow a recursive implementation.
#include <algorithm>
#include <catch2/catch.hpp>
#include <cstdint>
#include <deque>
#include <random>
#include <string>
#include <vector>

#include "compiler/catalog/catalog.hpp"
#include "compiler/graph/graph.hpp"

namespace {

using migc::catalog::dependency_kind;
using migc::catalog::object_kind;

// A catalog under construction. Object i's name spans bytes [100 i, 100 i +
// 10) of file 0; the reference of its j-th dependency spans [100 i + 10 j +
// 20, ... + 5), so tests can check where notes point.
struct schema {
  migc::catalog::catalog cat;
  std::deque<migc::ast::identifier> names;  // stable addresses for name_id

  std::uint32_t add(object_kind kind, const std::string& name) {
    const auto at = static_cast<std::uint32_t>(cat.objects().size());
    migc::catalog::object o;
    o.kind = kind;
    o.name = name;
    o.key = migc::catalog::fold(name);
    names.push_back({name, o.key, '\0', {0, at * 100, at * 100 + 10}});
    o.name_id = &names.back();
    return cat.add(std::move(o));
  }
  std::uint32_t table(const std::string& name) { return add(object_kind::table, name); }
  std::uint32_t view(const std::string& name) { return add(object_kind::view, name); }

  void need(std::uint32_t from, std::uint32_t to, dependency_kind kind) {
    std::vector<migc::catalog::dependency>& deps = cat.at(from).dependencies;
    const auto begin = from * 100 + 20 + static_cast<std::uint32_t>(deps.size()) * 10;
    deps.push_back({to, kind, {0, begin, begin + 5}});
  }
  void reads(std::uint32_t from, std::uint32_t to) { need(from, to, dependency_kind::reads); }
  void fk(std::uint32_t from, std::uint32_t to) { need(from, to, dependency_kind::foreign_key); }
  void on(std::uint32_t from, std::uint32_t to) { need(from, to, dependency_kind::target); }

  std::vector<std::uint32_t> order(migc::diag::sink& sink) const {
    return migc::graph::creation_order(cat, sink).create;
  }
  std::vector<std::uint32_t> order() const {
    migc::diag::sink sink;
    std::vector<std::uint32_t> o = order(sink);
    REQUIRE(sink.empty());
    return o;
  }
  std::vector<std::string> named(const std::vector<std::uint32_t>& positions) const {
    std::vector<std::string> out;
    for (std::uint32_t p : positions) out.push_back(cat.at(p).name);
    return out;
  }
};

using names = std::vector<std::string>;

}  // namespace

TEST_CASE("graph: no objects, no order", "[graph]") {
  schema s;
  CHECK(s.order().empty());
}

TEST_CASE("graph: without edges the order is source order", "[graph]") {
  schema s;
  s.table("c");
  s.table("a");
  s.view("b");
  CHECK(s.named(s.order()) == names{"c", "a", "b"});
}

TEST_CASE("graph: views over views over tables, written backwards", "[graph]") {
  schema s;
  const auto v3 = s.view("v3");
  const auto v2 = s.view("v2");
  const auto v1 = s.view("v1");
  const auto t = s.table("t");
  s.reads(v3, v2);
  s.reads(v3, t);
  s.reads(v2, v1);
  s.reads(v1, t);
  CHECK(s.named(s.order()) == names{"t", "v1", "v2", "v3"});
}

TEST_CASE("graph: ties keep source order", "[graph]") {
  schema s;
  s.table("a");
  const auto b = s.view("b");
  s.table("c");
  const auto d = s.table("d");
  s.table("e");
  s.reads(b, d);
  // b waits for d; everything else stays where it was written.
  CHECK(s.named(s.order()) == names{"a", "c", "d", "b", "e"});
}

TEST_CASE("graph: an object moves no earlier than the first point it can", "[graph]") {
  schema s;
  const auto x = s.view("x");
  const auto y = s.view("y");
  s.table("z");
  const auto t = s.table("t");
  s.reads(x, t);
  s.reads(y, x);
  CHECK(s.named(s.order()) == names{"z", "t", "x", "y"});
}

TEST_CASE("graph: indexes and triggers after their tables", "[graph]") {
  schema s;
  const auto i = s.add(object_kind::index, "t_i");
  const auto tr = s.add(object_kind::trigger, "t_tr");
  const auto t = s.table("t");
  const auto log = s.table("log");
  s.on(i, t);
  s.on(tr, t);
  s.reads(tr, log);  // the body inserts into log
  CHECK(s.named(s.order()) == names{"t", "t_i", "log", "t_tr"});
}

TEST_CASE("graph: foreign keys order parents first", "[graph]") {
  schema s;
  const auto items = s.table("items");
  const auto orders = s.table("orders");
  const auto users = s.table("users");
  s.fk(items, orders);
  s.fk(orders, users);
  CHECK(s.named(s.order()) == names{"users", "orders", "items"});
}

TEST_CASE("graph: foreign-key cycles are no error and keep source order", "[graph]") {
  schema s;
  const auto c = s.table("c");
  const auto b = s.table("b");
  const auto a = s.table("a");
  s.fk(c, a);
  s.fk(a, b);
  s.fk(b, a);
  migc::diag::sink sink;
  const auto order = s.order(sink);
  CHECK(sink.empty());
  // a and b reference each other: both edges ignored; c still after a.
  CHECK(s.named(order) == names{"b", "a", "c"});
}

TEST_CASE("graph: a longer foreign-key cycle, with a view over it", "[graph]") {
  schema s;
  const auto v = s.view("v");
  const auto x = s.table("x");
  const auto y = s.table("y");
  const auto z = s.table("z");
  s.reads(v, x);
  s.reads(v, z);
  s.fk(x, y);
  s.fk(y, z);
  s.fk(z, x);
  CHECK(s.named(s.order()) == names{"x", "y", "z", "v"});
}

TEST_CASE("graph: self-references are no error", "[graph]") {
  schema s;
  const auto child = s.table("child");
  const auto tree = s.table("tree");
  s.fk(tree, tree);
  s.fk(child, tree);
  CHECK(s.named(s.order()) == names{"tree", "child"});
}

TEST_CASE("graph: a cycle of views is E0301 with the whole path", "[graph]") {
  schema s;
  const auto t = s.table("t");
  const auto b = s.view("b");
  const auto a = s.view("a");
  const auto c = s.view("c");
  s.reads(a, b);
  s.reads(b, t);
  s.reads(b, c);
  s.reads(c, a);
  migc::diag::sink sink;
  const auto order = s.order(sink);
  REQUIRE(sink.all().size() == 1);
  const migc::diag::diagnostic& d = sink.all().front();
  CHECK(d.id == migc::diag::code::E0301);
  CHECK(d.level == migc::diag::severity::error);
  // At b, the first of the cycle in source order.
  CHECK(d.span == migc::source::span{0, b * 100, b * 100 + 10});
  CHECK(d.message == "view 'b' depends on itself: 'b' \u2192 'c' \u2192 'a' \u2192 'b'");
  REQUIRE(d.notes.size() == 3);
  CHECK(d.notes[0].message == "'b' reads 'c'");
  CHECK(d.notes[0].span == migc::source::span{0, b * 100 + 30, b * 100 + 35});  // b's second reference
  CHECK(d.notes[1].message == "'c' reads 'a'");
  CHECK(d.notes[1].span == migc::source::span{0, c * 100 + 20, c * 100 + 25});
  CHECK(d.notes[2].message == "'a' reads 'b'");
  CHECK(d.notes[2].span == migc::source::span{0, a * 100 + 20, a * 100 + 25});
  // Every object once; the cycle in source order after what it needs.
  CHECK(s.named(order) == names{"t", "b", "a", "c"});
  (void)t;
}

TEST_CASE("graph: a view that reads itself", "[graph]") {
  schema s;
  const auto v = s.view("v");
  s.reads(v, v);
  migc::diag::sink sink;
  const auto order = s.order(sink);
  REQUIRE(sink.all().size() == 1);
  CHECK(sink.all()[0].message == "view 'v' depends on itself: 'v' \u2192 'v'");
  CHECK(sink.all()[0].notes.size() == 1);
  CHECK(order == std::vector<std::uint32_t>{v});
}

TEST_CASE("graph: one report per cycle; the shortest path from its first object", "[graph]") {
  schema s;
  const auto a = s.view("a");
  const auto b = s.view("b");
  const auto c = s.view("c");
  const auto d = s.view("d");
  const auto x = s.view("x");
  const auto y = s.view("y");
  // One strongly connected component a, b, c, d: a → b → c → d → a and the
  // shortcut c → a. Another, separate: y → x → y.
  s.reads(a, b);
  s.reads(b, c);
  s.reads(c, d);
  s.reads(c, a);
  s.reads(d, a);
  s.reads(x, y);
  s.reads(y, x);
  migc::diag::sink sink;
  const auto order = s.order(sink);
  REQUIRE(sink.all().size() == 2);
  CHECK(sink.all()[0].message == "view 'a' depends on itself: 'a' \u2192 'b' \u2192 'c' \u2192 'a'");
  CHECK(sink.all()[1].message == "view 'x' depends on itself: 'x' \u2192 'y' \u2192 'x'");
  CHECK(order == std::vector<std::uint32_t>{a, b, c, d, x, y});
}

TEST_CASE("graph: foreign keys on a path with views make no view cycle", "[graph]") {
  schema s;
  const auto v = s.view("v");
  const auto p = s.table("p");
  const auto q = s.table("q");
  s.reads(v, p);
  s.fk(p, q);
  s.fk(q, p);
  migc::diag::sink sink;
  CHECK(s.named(s.order(sink)) == names{"p", "v", "q"});
  CHECK(sink.empty());
}

TEST_CASE("graph: a table created from a view in a foreign-key cycle", "[graph]") {
  // u → t by foreign key closes a cycle with the hard edges t → v → u: the
  // foreign key gives way.
  schema s;
  const auto t = s.table("t");  // CREATE TABLE t AS SELECT * FROM v
  const auto v = s.view("v");
  const auto u = s.table("u");
  s.reads(t, v);
  s.reads(v, u);
  s.fk(u, t);
  migc::diag::sink sink;
  CHECK(s.named(s.order(sink)) == names{"u", "v", "t"});
  CHECK(sink.empty());
}

TEST_CASE("graph: the same input gives the same order and diagnostics", "[graph]") {
  schema s;
  for (int i = 0; i < 50; ++i) s.view("v" + std::to_string(i));
  std::mt19937 rng(7);
  for (std::uint32_t i = 0; i < 50; ++i) {
    for (int k = 0; k < 2; ++k) s.reads(i, static_cast<std::uint32_t>(rng() % 50));
  }
  migc::diag::sink first;
  migc::diag::sink second;
  const auto a = s.order(first);
  const auto b = s.order(second);
  CHECK(a == b);
  REQUIRE(first.all().size() == second.all().size());
  for (std::size_t i = 0; i < first.all().size(); ++i) CHECK(first.all()[i].message == second.all()[i].message);
}

TEST_CASE("graph: random schemas get a valid order, the smallest-first one", "[graph]") {
  std::mt19937 rng(20240601);
  for (int round = 0; round < 200; ++round) {
    schema s;
    const std::uint32_t n = 1 + rng() % 40;
    // A hidden topological rank per object; hard edges only go down in rank,
    // so they never form a cycle. Foreign keys go anywhere.
    std::vector<std::uint32_t> rank(n);
    for (std::uint32_t i = 0; i < n; ++i) rank[i] = static_cast<std::uint32_t>(rng() % 1000);
    for (std::uint32_t i = 0; i < n; ++i)
      s.add(rng() % 2 == 0 ? object_kind::view : object_kind::table, "o" + std::to_string(i));
    std::vector<std::pair<std::uint32_t, std::uint32_t>> hard;
    const bool with_fks = round % 2 == 0;
    for (std::uint32_t k = 0; k < n; ++k) {
      const std::uint32_t from = rng() % n;
      const std::uint32_t to = rng() % n;
      if (rank[to] < rank[from]) {
        s.reads(from, to);
        hard.emplace_back(from, to);
      }
      if (with_fks && rng() % 3 == 0)
        s.fk(static_cast<std::uint32_t>(rng() % n), static_cast<std::uint32_t>(rng() % n));
    }
    migc::diag::sink sink;
    const auto order = s.order(sink);
    CHECK(sink.empty());
    REQUIRE(order.size() == n);
    std::vector<std::uint32_t> at(n, ~0U);
    for (std::uint32_t i = 0; i < n; ++i) {
      REQUIRE(order[i] < n);
      REQUIRE(at[order[i]] == ~0U);
      at[order[i]] = i;
    }
    for (const auto& [from, to] : hard) CHECK(at[to] < at[from]);
    if (with_fks) continue;
    // Without foreign keys every edge counts: each step takes the first
    // object in source order whose dependencies are all created.
    std::vector<bool> created(n, false);
    for (std::uint32_t i = 0; i < n; ++i) {
      std::uint32_t first = 0;
      const auto ready = [&](std::uint32_t v) {
        return !created[v] &&
               std::all_of(hard.begin(), hard.end(), [&](const auto& e) { return e.first != v || created[e.second]; });
      };
      while (!ready(first)) ++first;
      REQUIRE(order[i] == first);
      created[first] = true;
    }
  }
}

TEST_CASE("graph: a chain of 100,000 views needs no deep recursion", "[graph]") {
  constexpr std::uint32_t n = 100000;
  schema s;
  for (std::uint32_t i = 0; i < n; ++i) s.view("v" + std::to_string(i));
  // v0 reads v1 reads ... reads v99999: the exact reverse of source order.
  for (std::uint32_t i = 0; i + 1 < n; ++i) s.reads(i, i + 1);

  SECTION("as a chain") {
    const auto order = s.order();
    REQUIRE(order.size() == n);
    for (std::uint32_t i = 0; i < n; ++i) REQUIRE(order[i] == n - 1 - i);
  }
  SECTION("closed into one cycle") {
    s.reads(n - 1, 0);
    migc::diag::sink sink;
    const auto order = s.order(sink);
    REQUIRE(sink.all().size() == 1);
    CHECK(sink.all()[0].message.starts_with("view 'v0' depends on itself: 'v0' \u2192 'v1' \u2192 'v2'"));
    CHECK(sink.all()[0].message.ends_with("'v99999' \u2192 'v0'"));
    CHECK(sink.all()[0].notes.size() == n);
    REQUIRE(order.size() == n);
    for (std::uint32_t i = 0; i < n; ++i) REQUIRE(order[i] == i);
  }
  SECTION("with foreign keys back up the chain") {
    for (std::uint32_t i = 0; i + 1 < n; ++i) s.fk(i + 1, i);
    const auto order = s.order();
    REQUIRE(order.size() == n);
    for (std::uint32_t i = 0; i < n; ++i) REQUIRE(order[i] == n - 1 - i);
  }
}
