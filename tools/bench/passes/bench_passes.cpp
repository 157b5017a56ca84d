// bench_passes: how fast migc checks and compiles a large schema, next to
// SQLite loading the same schema. For 1,000 and 10,000 generated tables it
// times (best of 5 at 1k, best of 3 at 10k) driver::compile() over the text
// (parse and every pass: `migc check`), the same followed by printing every
// object in creation order (`migc compile`), and SQLite executing the schema
// into ":memory:" inside one transaction. It prints the times, migc/SQLite,
// and migc's 10k/1k ratios (10 is linear; the goal is at most 12). With
// --quick it skips SQLite at 10,000 tables, which takes minutes. It is a
// report, not a test: it exits 0 unless its arguments are wrong.
#include <sqlite3.h>

#include <algorithm>
#include <chrono>
#include <cstdint>
#include <cstdio>
#include <cstring>
#include <functional>
#include <span>
#include <string>

#include "compiler/backend/sql/printer.hpp"
#include "compiler/diag/diagnostic.hpp"
#include "compiler/driver/driver.hpp"
#include "compiler/source/source.hpp"
#include "tools/bench/parse/gen_schema.hpp"

namespace {

/// SQLite's runs stop repeating once they have taken this long: its load
/// grows quadratically with the number of objects.
constexpr double sqlite_budget_s = 20.0;

struct timing {
  double best_s = 0;
  int runs = 0;
};

/// The best wall-clock time of `repetitions` runs of `f`, or of fewer once
/// `budget_s` is spent.
timing best_of(int repetitions, double budget_s, const std::function<void()>& f) {
  timing t{1e300, 0};
  double spent = 0;
  while (t.runs < repetitions && (t.runs == 0 || spent < budget_s)) {
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

/// Runs the driver over `schema` as `migc check` does and, with `print`,
/// prints the objects in creation order as `migc compile` does. Prints what
/// the driver reported, once. Returns the size of the printed schema.
std::size_t migc_run(const std::string& schema, bool print, bool& reported) {
  migc::source::source_manager sources;
  const migc::source::file_id file = sources.add("schema.sql", schema);
  migc::diag::sink sink;
  const migc::driver::compilation c = migc::driver::compile(sources, std::span(&file, 1), {}, sink);
  std::string out;
  if (print) {
    out.reserve(schema.size());
    for (std::uint32_t position : c.order) {
      out += migc::backend::sql::print_statement(*c.catalog.at(position).statement);
      out += ";\n";
    }
  }
  if (!reported) {
    std::printf("note: migc reports %zu error(s) and %zu warning(s)", sink.error_count(), sink.warning_count());
    if (sink.has_errors()) {
      const migc::diag::diagnostic& d = sink.all().front();
      std::printf(", the first at line %u: %s", sources.position(file, d.span.begin).line, d.message.c_str());
    }
    std::printf("; %zu objects, passes %s\n", c.catalog.objects().size(), c.passes_ran ? "ran" : "did not run");
    reported = true;
  }
  return out.size();
}

}  // namespace

int main(int argc, char** argv) {
  bool quick = false;
  for (int i = 1; i < argc; ++i) {
    if (std::strcmp(argv[i], "--quick") == 0) {
      quick = true;
    } else {
      std::fprintf(stderr, "usage: bench_passes [--quick]\n");
      return 2;
    }
  }
  std::printf("passes benchmark: best of 5 runs at 1k tables, 3 at 10k (SQLite: fewer past %.0f s), SQLite %s%s\n\n",
              sqlite_budget_s, sqlite3_libversion(), quick ? ", --quick: no SQLite at 10k" : "");
  std::fflush(stdout);
  std::printf("%8s %8s %12s %5s %12s %12s %13s %15s\n", "tables", "MB", "sqlite s", "runs", "check s", "compile s",
              "check/sqlite", "compile/sqlite");
  double check_1k = 0;
  double check_10k = 0;
  double compile_1k = 0;
  double compile_10k = 0;
  for (const std::size_t n : {std::size_t{1000}, std::size_t{10000}}) {
    const std::string schema = migc::bench::generate_schema(n);
    const double mb = static_cast<double>(schema.size()) / 1e6;
    const int repetitions = n == 1000 ? 5 : 3;
    bool migc_reported = false;
    bool sqlite_reported = false;
    const timing check = best_of(repetitions, 1e300, [&] { migc_run(schema, false, migc_reported); });
    const timing compile = best_of(repetitions, 1e300, [&] { migc_run(schema, true, migc_reported); });
    timing sqlite{0, 0};
    if (!(quick && n == 10000)) {
      sqlite = best_of(repetitions, sqlite_budget_s, [&] { sqlite_load(schema, sqlite_reported); });
    }
    if (sqlite.runs > 0) {
      std::printf("%8zu %8.2f %12.4f %5d %12.4f %12.4f %13.3f %15.3f\n", n, mb, sqlite.best_s, sqlite.runs,
                  check.best_s, compile.best_s, check.best_s / sqlite.best_s, compile.best_s / sqlite.best_s);
    } else {
      std::printf("%8zu %8.2f %12s %5s %12.4f %12.4f %13s %15s\n", n, mb, "-", "-", check.best_s, compile.best_s, "-",
                  "-");
    }
    std::fflush(stdout);
    (n == 1000 ? check_1k : check_10k) = check.best_s;
    (n == 1000 ? compile_1k : compile_10k) = compile.best_s;
  }
  std::printf("\nmigc 10k / 1k tables (10.00 is linear, goal <= 12): check %.2f, compile %.2f\n", check_10k / check_1k,
              compile_10k / compile_1k);
  return 0;
}
