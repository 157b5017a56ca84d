// Benchmark: generated bindings against hand-written loops over the same
// prepared statements (same SQL, same row structs, same conversions), on an
// in-memory database loaded with fixtures/bindings/shop.sql. What is left
// between them is the cost of the generated layer: the statement cache
// lookup, sticky errors and results as values.
//
// Prints calls per second of each and their ratio; exits 1 when a generated
// operation runs slower than 0.95 times its hand-written loop. Each side
// runs several interleaved rounds and keeps its best, to damp the noise of a
// shared machine.
#include <sqlite3.h>

#include "migc/bindings.hpp"
#include "shop.hpp"
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <fstream>
#include <functional>
#include <iterator>
#include <string>

namespace {

constexpr int rows = 1000;
constexpr int calls = 200000;
constexpr int rounds = 7;
constexpr double required_ratio = 0.95;

[[noreturn]] void fail(const std::string& what) {
  std::fprintf(stderr, "bench_bindings: %s\n", what.c_str());
  std::exit(2);
}

std::string read_text(const char* path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) fail(std::string("cannot read ") + path);
  return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

double best_seconds(const std::function<void()>& f) {
  const auto start = std::chrono::steady_clock::now();
  f();
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
}

void read_user(sqlite3_stmt* st, shop::User& u) {
  auto text = [st](int col) {
    const auto* p = reinterpret_cast<const char*>(sqlite3_column_text(st, col));
    return p == nullptr ? std::string() : std::string(p, static_cast<std::size_t>(sqlite3_column_bytes(st, col)));
  };
  u.id = sqlite3_column_int64(st, 0);
  u.email = text(1);
  u.name = text(2);
  if (sqlite3_column_type(st, 3) == SQLITE_NULL) {
    u.nickname.reset();
  } else {
    u.nickname = text(3);
  }
  u.is_admin = sqlite3_column_int64(st, 4) != 0;
  u.created_at = text(5);
  u.balance = sqlite3_column_double(st, 6);
  if (sqlite3_column_type(st, 7) == SQLITE_NULL) {
    u.big.reset();
  } else {
    u.big = sqlite3_column_int64(st, 7);
  }
  if (sqlite3_column_type(st, 8) == SQLITE_NULL) {
    u.avatar.reset();
  } else {
    const auto* p = static_cast<const std::byte*>(sqlite3_column_blob(st, 8));
    u.avatar = migc::bindings::blob(p, p + sqlite3_column_bytes(st, 8));
  }
  if (sqlite3_column_type(st, 9) == SQLITE_NULL) {
    u.score.reset();
  } else {
    u.score = sqlite3_column_double(st, 9);
  }
}

struct comparison {
  const char* name;
  std::function<void()> generated;
  std::function<void()> hand_written;
};

}  // namespace

int main() {
  auto opened = migc::bindings::database::open(":memory:");
  if (!opened) fail(opened.error().message);
  migc::bindings::database db = std::move(opened).value();
  if (auto r = db.exec(read_text(MIGC_BINDINGS_SCHEMA)); !r) fail(r.error().message);
  for (int i = 0; i < rows; ++i) {
    shop::NewUser n;
    n.email = "user" + std::to_string(i) + "@example.com";
    n.name = "User " + std::to_string(i);
    if (i % 2 == 0) n.nickname = "nick";
    if (auto r = shop::users::insert(db, n); !r) fail(r.error().message);
  }

  // The same SQL the generated code prepares (its source shows it).
  sqlite3_stmt* get = nullptr;
  const char* get_sql =
      "SELECT \"id\", \"email\", \"name\", \"nickname\", \"is_admin\", \"created_at\", \"balance\", \"big\", "
      "\"avatar\", \"score\" FROM \"users\" WHERE \"id\" = ?1";
  if (sqlite3_prepare_v2(db.handle(), get_sql, -1, &get, nullptr) != SQLITE_OK) fail(sqlite3_errmsg(db.handle()));
  sqlite3_stmt* update = nullptr;
  const char* update_sql =
      "UPDATE \"users\" SET \"email\" = ?1, \"name\" = ?2, \"nickname\" = ?3, \"is_admin\" = ?4, \"created_at\" = "
      "?5, \"balance\" = ?6, \"big\" = ?7, \"avatar\" = ?8, \"score\" = ?9 WHERE \"id\" = ?10";
  if (sqlite3_prepare_v2(db.handle(), update_sql, -1, &update, nullptr) != SQLITE_OK) {
    fail(sqlite3_errmsg(db.handle()));
  }

  std::int64_t checksum = 0;
  std::vector<comparison> comparisons;
  comparisons.push_back({"get by primary key",
                         [&] {
                           for (int i = 0; i < calls; ++i) {
                             auto u = shop::users::get(db, 1 + i % rows);
                             if (!u || !*u) fail("get failed");
                             checksum += (*u)->id;
                           }
                         },
                         [&] {
                           shop::User u;
                           for (int i = 0; i < calls; ++i) {
                             sqlite3_bind_int64(get, 1, 1 + i % rows);
                             if (sqlite3_step(get) != SQLITE_ROW) fail("get failed");
                             std::optional<shop::User> row(std::in_place);
                             read_user(get, *row);
                             sqlite3_reset(get);
                             checksum += row->id;
                           }
                         }});
  // Each update writes row 1's values back to it (another row would clash
  // with row 1's UNIQUE email).
  shop::User row = *std::move(shop::users::get(db, 1)).value();
  comparisons.push_back(
      {"update by primary key",
       [&] {
         for (int i = 0; i < calls / 4; ++i) {
           auto r = shop::users::update(db, row);
           if (!r || !*r) fail("update failed");
         }
       },
       [&] {
         for (int i = 0; i < calls / 4; ++i) {
           sqlite3_bind_text(update, 1, row.email.data(), static_cast<int>(row.email.size()), SQLITE_TRANSIENT);
           sqlite3_bind_text(update, 2, row.name.data(), static_cast<int>(row.name.size()), SQLITE_TRANSIENT);
           if (row.nickname) {
             sqlite3_bind_text(update, 3, row.nickname->data(), static_cast<int>(row.nickname->size()),
                               SQLITE_TRANSIENT);
           } else {
             sqlite3_bind_null(update, 3);
           }
           sqlite3_bind_int64(update, 4, row.is_admin ? 1 : 0);
           sqlite3_bind_text(update, 5, row.created_at.data(), static_cast<int>(row.created_at.size()),
                             SQLITE_TRANSIENT);
           sqlite3_bind_double(update, 6, row.balance);
           sqlite3_bind_null(update, 7);
           sqlite3_bind_null(update, 8);
           sqlite3_bind_null(update, 9);
           sqlite3_bind_int64(update, 10, row.id);
           if (sqlite3_step(update) != SQLITE_DONE) fail("update failed");
           sqlite3_reset(update);
           if (sqlite3_changes(db.handle()) != 1) fail("update failed");
         }
       }});

  int status = 0;
  for (const comparison& c : comparisons) {
    double generated = 1e300;
    double hand_written = 1e300;
    for (int round = 0; round < rounds; ++round) {
      generated = std::min(generated, best_seconds(c.generated));
      hand_written = std::min(hand_written, best_seconds(c.hand_written));
    }
    // Throughput ratio: generated calls per second over hand-written ones.
    const double ratio = hand_written / generated;
    std::printf("%-24s generated %8.3f ms  hand-written %8.3f ms  ratio %.3f%s\n", c.name, generated * 1e3,
                hand_written * 1e3, ratio, ratio < required_ratio ? "  (below 0.95)" : "");
    if (ratio < required_ratio) status = 1;
  }
  sqlite3_finalize(get);
  sqlite3_finalize(update);
  std::printf("checksum %lld\n", static_cast<long long>(checksum));
  return status;
}
