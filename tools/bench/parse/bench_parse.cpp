// bench_parse: how fast migc's front end reads a large schema, next to
// SQLite loading the same schema. For 1,000 and 10,000 generated tables it
// times (best of 5; see time_budget_s) SQLite executing the schema into ":memory:" inside one
// transaction, and parse::parse_file() over the same text, and prints a
// table. It is a report, not a test: it always exits 0.
#include <sqlite3.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <functional>
#include <string>

#include "compiler/diag/diagnostic.hpp"
#include "compiler/parse/parse.hpp"
#include "compiler/source/source.hpp"
#include "tools/bench/parse/gen_schema.hpp"

namespace {

constexpr int repetitions = 5;
/// A measurement stops repeating once it has taken this long: SQLite's load
/// grows quadratically with the number of objects (each CREATE re-reads
/// sqlite_schema), and five runs at 10,000 tables would take many minutes.
constexpr double time_budget_s = 20.0;

struct timing {
  double best_s = 0;
  int runs = 0;
};

/// The best wall-clock time of up to `repetitions` runs of `f`.
timing best_of(const std::function<void()>& f) {
  timing t{1e300, 0};
  double spent = 0;
  while (t.runs < repetitions && (t.runs == 0 || spent < time_budget_s)) {
    const auto start = std::chrono::steady_clock::now();
    f();
    const std::chrono::duration<double> took = std::chrono::steady_clock::now() - start;
    t.best_s = std::min(t.best_s, took.count());
    spent += took.count();
    ++t.runs;
  }
  return t;
}

/// Loads `schema` into a fresh in-memory database in one transaction; prints
/// SQLite's error, if any, once.
void sqlite_load(const std::string& schema, bool& reported) {
  sqlite3* db = nullptr;
  sqlite3_open(":memory:", &db);
  char* error = nullptr;
  sqlite3_exec(db, "BEGIN", nullptr, nullptr, nullptr);
  if (sqlite3_exec(db, schema.c_str(), nullptr, nullptr, &error) != SQLITE_OK && !reported) {
    std::printf("note: SQLite rejects the schema: %s\n", error != nullptr ? error : "?");
    reported = true;
  }
  sqlite3_free(error);
  sqlite3_exec(db, "COMMIT", nullptr, nullptr, nullptr);
  sqlite3_close(db);
}

/// Parses `schema` as `migc check` would; prints its first error, if any, once.
void migc_parse(const std::string& schema, bool& reported) {
  migc::source::source_manager sources;
  const migc::source::file_id file = sources.add("schema.sql", schema);
  migc::diag::sink sink;
  const migc::ast::script script = migc::parse::parse_file(sources, file, sink);
  if (sink.has_errors() && !reported) {
    const migc::diag::diagnostic& d = sink.all().front();
    std::printf("note: migc reports %zu error(s), the first at line %u: %s\n", sink.error_count(),
                sources.position(file, d.span.begin).line, d.message.c_str());
    reported = true;
  }
  if (script.statements.empty() && !reported) {
    std::printf("note: migc parsed no statement\n");
    reported = true;
  }
}

}  // namespace

int main() {
  std::printf("parse benchmark: best of %d runs (fewer past %.0f s), SQLite %s\n\n", repetitions, time_budget_s,
              sqlite3_libversion());
  std::printf("%8s %8s %12s %5s %9s %12s %5s %9s %12s\n", "tables", "MB", "sqlite s", "runs", "MB/s", "migc s", "runs",
              "MB/s", "migc/sqlite");
  std::fflush(stdout);
  double migc_1k = 0;
  double migc_10k = 0;
  for (const std::size_t n : {std::size_t{1000}, std::size_t{10000}}) {
    const std::string schema = migc::bench::generate_schema(n);
    const double mb = static_cast<double>(schema.size()) / 1e6;
    bool sqlite_reported = false;
    bool migc_reported = false;
    const timing sqlite = best_of([&] { sqlite_load(schema, sqlite_reported); });
    const timing migc = best_of([&] { migc_parse(schema, migc_reported); });
    std::printf("%8zu %8.2f %12.4f %5d %9.1f %12.4f %5d %9.1f %12.3f\n", n, mb, sqlite.best_s, sqlite.runs,
                mb / sqlite.best_s, migc.best_s, migc.runs, mb / migc.best_s, migc.best_s / sqlite.best_s);
    std::fflush(stdout);
    (n == 1000 ? migc_1k : migc_10k) = migc.best_s;
  }
  std::printf("\nmigc time 10k / 1k tables: %.2f (10.00 is linear)\n", migc_10k / migc_1k);
  return 0;
}
