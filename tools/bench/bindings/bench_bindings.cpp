// bench_bindings: generated C++ bindings against a hand-written loop over
// the same prepared statements, for the calls an application makes most:
//   insert     N rows into a fresh database file in one transaction
//              (items::insert, the rowid left to SQLite; the loop steps and
//              resets one prepared INSERT per row);
//   select     N point lookups by primary key of random existing ids, the
//              same seeded sequence for both (items::get; the loop binds,
//              steps, reads every column into fresh locals of the row
//              struct's types, resets), each lookup its own read
//              transaction, as outside BEGIN;
//   select/tx  the same lookups inside one read transaction: without
//              SQLite's per-transaction file locking, the CPU work alone,
//              where the generated layer's share is largest.
// The hand-written loops use SQLite's C API with the SQL text the generated
// code prepares (checked at run time) and the same calls in the same order:
// text bound with sqlite3_bind_text64(..., SQLITE_TRANSIENT, SQLITE_UTF8),
// NULL for an empty optional, the rowid read after the INSERT, and
// sqlite3_reset after each row without sqlite3_clear_bindings (the generated
// code rebinds every parameter instead). What is left between them is the
// generated layer: the statement cache lookup, sticky bind errors, results
// as values.
//
// Connections are opened the same way with the same PRAGMAs (WAL,
// synchronous=NORMAL, a page cache that holds the whole table, no automatic
// checkpoint in COMMIT). A shared,
// loaded machine makes whole runs incomparable, so within each round the two
// sides take turns in blocks of 10,000 rows (inserting into two databases,
// each with its transaction open; looking up the same block of ids on one
// connection), the side that goes first alternating from block to block, and
// each side's time is the sum of its blocks: noise that lasts longer than a
// block hits both. Each round's throughput (rows/s) is printed, then each
// side's median over the rounds and their ratio, generated / hand-written,
// against the goal of 0.95, with the median of the rounds' own ratios (each
// round's two sides ran under the same load) and the ratio by this thread's
// CPU time beside it. It is a report, not a test: it exits 0 whatever the ratio, 2 on
// bad arguments or a failed SQLite call, 1 when the two sides disagree on
// what they inserted or read (a bug in the benchmark or the bindings).
//
//   bench_bindings [--rows N] [--rounds R]
#include <sqlite3.h>
#include <unistd.h>

#include "bench_schema.hpp"
#include "migc/bindings.hpp"
#include <algorithm>
#include <chrono>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <ctime>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <optional>
#include <random>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#ifndef MIGC_BENCH_SCHEMA
#error "MIGC_BENCH_SCHEMA (the path of bench.sql) must be defined by the build"
#endif
#ifndef MIGC_BENCH_BUILD
#error "MIGC_BENCH_BUILD (the build type) must be defined by the build"
#endif

// The functions that run one side's block are kept out of line, so that a
// profile (perf, callgrind) attributes each side's cost to its own function.
#define MIGC_BENCH_SIDE [[gnu::noinline]]

namespace {

namespace fs = std::filesystem;
using bench::Item;
using bench::NewItem;

constexpr double goal = 0.95;
constexpr std::size_t block = 10000;

#ifdef NDEBUG
constexpr const char* asserts = "assertions off";
#else
constexpr const char* asserts = "assertions on";
#endif

// The SQL the generated code prepares (bench_schema.cpp shows it).
// require_prepared() checks that the generated code's statements have
// exactly this text: the comparison means nothing otherwise.
constexpr const char* insert_sql = R"(INSERT INTO "items" ("name", "qty", "price", "note") VALUES (?1, ?2, ?3, ?4))";
constexpr const char* get_sql = R"(SELECT "id", "name", "qty", "price", "note" FROM "items" WHERE "id" = ?1)";

// The PRAGMAs of every connection: WAL with synchronous=NORMAL, as
// applications commonly run, and a 256 MiB page cache. Without the automatic
// checkpoint: it would run inside each side's COMMIT, copying the whole
// database and syncing it (0.8 s of a 3 s run here), one burst of I/O per
// side that turns cannot spread over both; it runs at close, untimed.
constexpr const char* pragmas =
    "PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL; PRAGMA cache_size = -262144; "
    "PRAGMA wal_autocheckpoint = 0";

[[noreturn]] void fail(const std::string& what, int status = 2) {
  std::fprintf(stderr, "bench_bindings: %s\n", what.c_str());
  std::exit(status);
}

std::string read_text(const char* path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) fail(std::string("cannot read ") + path);
  return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

void check(sqlite3* db, int rc, int expected = SQLITE_OK) {
  if (rc != expected) fail(sqlite3_errmsg(db));
}

void exec(sqlite3* db, const char* sql) { check(db, sqlite3_exec(db, sql, nullptr, nullptr, nullptr)); }

/// A connection to `path` with the benchmark's PRAGMAs, and the schema when
/// `create` is set.
migc::bindings::database open(const fs::path& path, bool create) {
  auto opened = migc::bindings::database::open(path.string());
  if (!opened) fail(opened.error().message);
  migc::bindings::database db = std::move(opened).value();
  exec(db.handle(), pragmas);
  if (create) exec(db.handle(), read_text(MIGC_BENCH_SCHEMA).c_str());
  return db;
}

/// Removes a database file with its WAL and shared-memory files.
void remove_database(const fs::path& path) {
  std::error_code ignored;
  for (const char* suffix : {"", "-wal", "-shm"}) fs::remove(fs::path(path.string() + suffix), ignored);
}

/// Fails unless a statement prepared on `db` has exactly the text `sql`: the
/// generated code must have prepared what the hand-written loops use.
void require_prepared(sqlite3* db, const char* sql) {
  for (sqlite3_stmt* s = sqlite3_next_stmt(db, nullptr); s != nullptr; s = sqlite3_next_stmt(db, s)) {
    if (std::string_view(sqlite3_sql(s)) == sql) return;
  }
  fail(std::string("the generated code did not prepare the SQL the hand-written loop uses: ") + sql, 1);
}

/// The rows to insert: names past the small-string buffer, one price in
/// seven NULL, one note in three NULL.
std::vector<NewItem> make_rows(std::int64_t n) {
  std::vector<NewItem> rows(static_cast<std::size_t>(n));
  for (std::int64_t i = 0; i < n; ++i) {
    NewItem& r = rows[static_cast<std::size_t>(i)];
    r.name = "widget #" + std::to_string(1000000 + i) + " (blue)";
    r.qty = i % 1000;
    if (i % 7 != 0) r.price = 0.25 * static_cast<double>(i % 4000);
    if (i % 3 != 0) r.note = "restocked on day " + std::to_string(i % 365);
  }
  return rows;
}

/// What a side computed from the rows it touched; equal on both sides when
/// they did the same work.
struct digest {
  std::int64_t ids = 0;
  std::int64_t qty = 0;
  std::int64_t text_bytes = 0;
  std::int64_t nulls = 0;
  double price = 0;

  bool operator==(const digest&) const = default;

  void add(std::int64_t id, std::string_view name, std::int64_t q, const std::optional<double>& p,
           const std::optional<std::string>& note) {
    ids += id;
    qty += q;
    text_bytes += static_cast<std::int64_t>(name.size()) + (note ? static_cast<std::int64_t>(note->size()) : 0);
    nulls += (p ? 0 : 1) + (note ? 0 : 1);
    price += p.value_or(0);
  }
};

// ---- one side's block ----

MIGC_BENCH_SIDE void insert_generated(migc::bindings::database& db, std::span<const NewItem> rows, digest& d) {
  for (const NewItem& row : rows) {
    migc::bindings::result<std::int64_t> id = bench::items::insert(db, row);
    if (!id) fail(id.error().message);
    d.ids += *id;
  }
}

/// Prepares `st` on first use, as the generated code does.
MIGC_BENCH_SIDE void insert_hand_written(sqlite3* db, sqlite3_stmt*& st, std::span<const NewItem> rows, digest& d) {
  if (st == nullptr) check(db, sqlite3_prepare_v2(db, insert_sql, -1, &st, nullptr));
  for (const NewItem& row : rows) {
    sqlite3_bind_text64(st, 1, row.name.data(), row.name.size(), SQLITE_TRANSIENT, SQLITE_UTF8);
    sqlite3_bind_int64(st, 2, row.qty);
    if (row.price) {
      sqlite3_bind_double(st, 3, *row.price);
    } else {
      sqlite3_bind_null(st, 3);
    }
    if (row.note) {
      sqlite3_bind_text64(st, 4, row.note->data(), row.note->size(), SQLITE_TRANSIENT, SQLITE_UTF8);
    } else {
      sqlite3_bind_null(st, 4);
    }
    check(db, sqlite3_step(st), SQLITE_DONE);
    d.ids += sqlite3_last_insert_rowid(db);
    sqlite3_reset(st);
  }
}

MIGC_BENCH_SIDE void select_generated(migc::bindings::database& db, std::span<const std::int64_t> ids, digest& d) {
  for (std::int64_t id : ids) {
    migc::bindings::result<std::optional<Item>> r = bench::items::get(db, id);
    if (!r) fail(r.error().message);
    if (!*r) fail("no row with id " + std::to_string(id), 1);
    const Item& row = **r;
    d.add(row.id, row.name, row.qty, row.price, row.note);
  }
}

MIGC_BENCH_SIDE void select_hand_written(sqlite3* db, sqlite3_stmt* st, std::span<const std::int64_t> ids, digest& d) {
  for (std::int64_t key : ids) {
    sqlite3_bind_int64(st, 1, key);
    const int rc = sqlite3_step(st);
    if (rc != SQLITE_ROW) {
      if (rc == SQLITE_DONE) fail("no row with id " + std::to_string(key), 1);
      check(db, rc);
    }
    // Fresh locals per row, as the generated get returns a fresh row.
    const std::int64_t id = sqlite3_column_int64(st, 0);
    std::string name;
    const auto* p = reinterpret_cast<const char*>(sqlite3_column_text(st, 1));
    if (p != nullptr) name.assign(p, static_cast<std::size_t>(sqlite3_column_bytes(st, 1)));
    const std::int64_t qty = sqlite3_column_int64(st, 2);
    std::optional<double> price;
    if (sqlite3_column_type(st, 3) != SQLITE_NULL) price = sqlite3_column_double(st, 3);
    std::optional<std::string> note;
    if (sqlite3_column_type(st, 4) != SQLITE_NULL) {
      p = reinterpret_cast<const char*>(sqlite3_column_text(st, 4));
      note.emplace();
      if (p != nullptr) note->assign(p, static_cast<std::size_t>(sqlite3_column_bytes(st, 4)));
    }
    sqlite3_reset(st);
    d.add(id, name, qty, price, note);
  }
}

// ---- timing and reporting ----

/// Wall-clock and this thread's CPU time, in seconds.
struct timing {
  double wall = 0;
  double cpu = 0;
};

double thread_cpu_seconds() {
  timespec ts{};
  clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
  return static_cast<double>(ts.tv_sec) + static_cast<double>(ts.tv_nsec) * 1e-9;
}

/// Runs `f` and adds its time to `total`.
template <typename F>
void timed(timing& total, F&& f) {
  const auto start = std::chrono::steady_clock::now();
  const double cpu_start = thread_cpu_seconds();
  f();
  total.cpu += thread_cpu_seconds() - cpu_start;
  total.wall += std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
}

/// Runs `generated` and `hand_written` once each, the one whose turn it is
/// to go first first.
template <typename G, typename H>
void take_turns(bool generated_first, G&& generated, H&& hand_written) {
  if (generated_first) {
    generated();
    hand_written();
  } else {
    hand_written();
    generated();
  }
}

double median(std::vector<double> v) {
  std::sort(v.begin(), v.end());
  const std::size_t n = v.size();
  return n % 2 == 1 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2;
}

/// Rows per second of each round, by wall clock and by CPU time.
struct side {
  std::vector<double> wall;
  std::vector<double> cpu;
};

struct comparison {
  const char* name;
  double rows = 0;
  side generated;
  side hand_written;

  void add(const timing& g, const timing& h) {
    generated.wall.push_back(rows / g.wall);
    generated.cpu.push_back(rows / g.cpu);
    hand_written.wall.push_back(rows / h.wall);
    hand_written.cpu.push_back(rows / h.cpu);
    std::printf("  %-9s round %zu: generated %9.0f rows/s  hand-written %9.0f rows/s  ratio %.3f  (cpu-time %.3f)\n",
                name, generated.wall.size(), rows / g.wall, rows / h.wall, h.wall / g.wall, h.cpu / g.cpu);
    std::fflush(stdout);
  }

  /// The medians, their ratio and the verdict.
  void summarize() const {
    const double g = median(generated.wall);
    const double h = median(hand_written.wall);
    const double ratio = g / h;
    std::vector<double> paired;
    for (std::size_t i = 0; i < generated.wall.size(); ++i) paired.push_back(generated.wall[i] / hand_written.wall[i]);
    std::printf(
        "%-9s median: generated %9.0f rows/s  hand-written %9.0f rows/s  ratio %.3f  %-5s (of rounds' ratios %.3f, "
        "cpu-time %.3f)\n",
        name, g, h, ratio, ratio >= goal ? "PASS" : "BELOW", median(paired),
        median(generated.cpu) / median(hand_written.cpu));
  }
};

std::int64_t parse_count(const char* flag, const char* text) {
  char* end = nullptr;
  const long long v = std::strtoll(text, &end, 10);
  if (end == text || *end != '\0' || v < 1) fail(std::string(flag) + " wants a positive integer, not '" + text + "'");
  return v;
}

// ---- the rounds ----

/// One insert round: both sides fill a fresh database each, in turns. Leaves
/// the hand-written side's database at `keep`.
void insert_round(comparison& c, const fs::path& dir, std::span<const NewItem> rows, const fs::path& keep) {
  const fs::path gen_path = dir / "insert-generated.db";
  const fs::path hand_path = dir / "insert-hand-written.db";
  remove_database(gen_path);
  remove_database(hand_path);
  timing tg;
  timing th;
  digest dg;
  digest dh;
  {
    migc::bindings::database gen = open(gen_path, true);
    migc::bindings::database hand = open(hand_path, true);
    sqlite3_stmt* st = nullptr;
    const bool generated_first = c.generated.wall.size() % 2 == 0;
    // Each side's BEGIN and COMMIT go through sqlite3_exec:
    // migc::bindings::transaction() cannot stay open across turns, and one
    // pair per million inserts is noise either way.
    take_turns(
        generated_first, [&] { timed(tg, [&] { exec(gen.handle(), "BEGIN"); }); },
        [&] { timed(th, [&] { exec(hand.handle(), "BEGIN"); }); });
    for (std::size_t b = 0; b < rows.size(); b += block) {
      const std::span<const NewItem> part = rows.subspan(b, std::min(block, rows.size() - b));
      take_turns((b / block % 2 == 0) == generated_first, [&] { timed(tg, [&] { insert_generated(gen, part, dg); }); },
                 [&] { timed(th, [&] { insert_hand_written(hand.handle(), st, part, dh); }); });
    }
    sqlite3_finalize(st);
    take_turns(
        generated_first, [&] { timed(tg, [&] { exec(gen.handle(), "COMMIT"); }); },
        [&] { timed(th, [&] { exec(hand.handle(), "COMMIT"); }); });
    const auto n = static_cast<std::int64_t>(rows.size());
    if (dg.ids != n * (n + 1) / 2 || !(dg == dh)) fail("an insert run gave rowids other than 1..N", 1);
    require_prepared(gen.handle(), insert_sql);
  }
  c.add(tg, th);
  remove_database(gen_path);
  remove_database(keep);
  std::error_code ec;
  fs::rename(hand_path, keep, ec);
  if (ec) fail("cannot rename " + hand_path.string() + ": " + ec.message());
}

/// One select round on `db`: both sides look up the same blocks of `ids`, in
/// turns; each side's digest must be `expected`.
void select_round(comparison& c, migc::bindings::database& db, sqlite3_stmt* st, std::span<const std::int64_t> ids,
                  const digest& expected) {
  timing tg;
  timing th;
  digest dg;
  digest dh;
  const bool generated_first = c.generated.wall.size() % 2 == 0;
  for (std::size_t b = 0; b < ids.size(); b += block) {
    const std::span<const std::int64_t> part = ids.subspan(b, std::min(block, ids.size() - b));
    take_turns((b / block % 2 == 0) == generated_first, [&] { timed(tg, [&] { select_generated(db, part, dg); }); },
               [&] { timed(th, [&] { select_hand_written(db.handle(), st, part, dh); }); });
  }
  if (!(dg == expected) || !(dh == expected)) fail("a point-select run read other rows than the first", 1);
  c.add(tg, th);
}

}  // namespace

int main(int argc, char** argv) {
  std::int64_t n = 1000000;
  int rounds = 5;
  for (int i = 1; i < argc; ++i) {
    const std::string_view arg = argv[i];
    if ((arg == "--rows" || arg == "--rounds") && i + 1 < argc) {
      const std::int64_t v = parse_count(argv[i], argv[i + 1]);
      if (arg == "--rows") {
        n = v;
      } else {
        rounds = static_cast<int>(std::min<std::int64_t>(v, 1000));
      }
      ++i;
    } else {
      fail("usage: bench_bindings [--rows N] [--rounds R]");
    }
  }

  const fs::path dir = fs::temp_directory_path() / ("migc-bench-bindings-" + std::to_string(::getpid()));
  std::error_code ec;
  fs::create_directories(dir, ec);
  if (ec) fail("cannot create " + dir.string() + ": " + ec.message());
  std::printf("bindings: %lld rows, %d rounds, turns of %zu rows, %s build, %s\n%s; files in %s\n",
              static_cast<long long>(n), rounds, block, MIGC_BENCH_BUILD, asserts, pragmas, dir.string().c_str());
  std::fflush(stdout);

  const std::vector<NewItem> rows = make_rows(n);
  std::mt19937_64 rng(20240601);
  std::uniform_int_distribution<std::int64_t> pick(1, n);
  std::vector<std::int64_t> ids(static_cast<std::size_t>(n));
  for (std::int64_t& id : ids) id = pick(rng);

  const fs::path select_path = dir / "select.db";
  comparison inserts{"insert", static_cast<double>(n), {}, {}};
  std::printf("insert: %lld rows into a new database file in one transaction\n", static_cast<long long>(n));
  for (int r = 0; r < rounds; ++r) insert_round(inserts, dir, rows, select_path);

  comparison selects{"select", static_cast<double>(n), {}, {}};
  comparison selects_tx{"select/tx", static_cast<double>(n), {}, {}};
  {
    migc::bindings::database db = open(select_path, false);
    sqlite3_stmt* st = nullptr;
    check(db.handle(), sqlite3_prepare_v2(db.handle(), get_sql, -1, &st, nullptr));
    // An untimed run of each: prepares the generated statement, loads the
    // page cache, and gives the digest every run must reproduce.
    digest expected;
    select_hand_written(db.handle(), st, ids, expected);
    digest first;
    select_generated(db, ids, first);
    if (!(first == expected)) fail("the two point-select loops read different rows", 1);
    require_prepared(db.handle(), get_sql);

    std::printf("select: %lld lookups by primary key, each its own read transaction\n", static_cast<long long>(n));
    for (int r = 0; r < rounds; ++r) select_round(selects, db, st, ids, expected);
    std::printf("select/tx: the same inside one read transaction per round (BEGIN and COMMIT untimed)\n");
    for (int r = 0; r < rounds; ++r) {
      exec(db.handle(), "BEGIN");
      select_round(selects_tx, db, st, ids, expected);
      exec(db.handle(), "COMMIT");
    }
    sqlite3_finalize(st);
  }
  remove_database(select_path);
  fs::remove(dir, ec);

  inserts.summarize();
  selects.summarize();
  selects_tx.summarize();
  return 0;
}
