// The migration fixtures: every folder of fixtures/migrate is one case,
// migrated for real and checked end to end.
//
//   from.sql   the live schema, run with plain SQLite into a fresh file
//   data.sql   optional rows, run the same way (foreign keys off)
//   to*.sql    the desired schema: one file or several, in name order
//   expect     optional directives, one a line ('#' starts a comment):
//     allow-destructive      apply even though rows or values are lost
//     refused E0501|E0502    the CLI's refusal: E0501 data loss without
//                            allow-destructive, E0502 any other preflight
//                            finding; one line per code, the set must match
//     apply-fails            the plan is not refused but rt::apply rolls back
//     plan-empty             the first plan is empty (equivalent spellings)
//     steps K=N ...          exactly N steps of kind K ("rebuild_table",
//                            "add_column", ...); kinds not named are free
//     rows T=N ...           table T holds N rows after (rows meant to
//                            change); T's rows are then not compared
//     exec SQL               run after the migration (foreign keys on)
//     query SQL => TEXT      SQL must give TEXT: columns joined by '|',
//                            rows by ';', NULL as NULL (exec and query run
//                            in file order, after the other checks)
//     known-bug WHY          a migc bug: the case runs, its failures are
//                            reported as a warning and counted as skipped;
//                            a known-bug case that passes fails (remove it)
//
// The runner plans with prepare_migration on a connection with foreign keys
// on (as an application holds it), refuses with workflow::refusals as
// `migc apply` does, and applies with rt::apply. A refused case (or
// apply-fails) must leave the file byte-identical. An applied case must
// then have: the live schema, introspected again, equal to a fresh build
// of to*.sql through the normalized models; every row of every table of from that still exists (by
// name or rename hint) carried over, keyed by rowid (rowid tables on both
// sides) or as a sorted multiset (WITHOUT ROWID), on the columns both sides
// have (renamed columns mapped, the new column's affinity applied) and new
// columns holding their default; integrity_check ok; foreign_key_check
// empty; a second plan empty; one row in _migc_history. Failures print the
// plan's SQL.
#include <unistd.h>

#include <catch2/catch.hpp>
#include <filesystem>
#include <fmt/format.h>
#include <fstream>
#include <iostream>
#include <map>
#include <sstream>
#include <string>
#include <vector>

#include "compiler/diag/render.hpp"
#include "compiler/diff/rename_hints.hpp"
#include "compiler/driver/migration.hpp"
#include "compiler/normalize/model.hpp"
#include "compiler/workflow/migration.hpp"
#include "runtime/executor.hpp"
#include "tests/support/migration_case.hpp"

namespace {

namespace fs = std::filesystem;
using migc::test::migration_case;
using migc::test::quote_name;
using migc::test::sql_value;

const fs::path migrate_fixtures = fs::path(MIGC_FIXTURES_DIR) / "migrate";

std::vector<fs::path> case_dirs() {
  std::vector<fs::path> out;
  for (const fs::directory_entry& e : fs::directory_iterator(migrate_fixtures)) {
    if (e.is_directory()) out.push_back(e.path());
  }
  std::sort(out.begin(), out.end());
  return out;
}

std::string read_file(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream s;
  s << in.rdbuf();
  return s.str();
}

// Printed when the executable ends: the known bugs it skipped.
struct summary {
  int cases = 0;
  int passed = 0;
  std::vector<std::string> known_bugs;
  ~summary() {
    if (cases == 0) return;
    std::cout << fmt::format("migrations: {} case(s), {} passed, {} known bug(s) skipped\n", cases, passed,
                             known_bugs.size());
    for (const std::string& b : known_bugs) std::cout << "  known bug: " << b << "\n";
  }
} totals;

// The rows of a table before the migration, keyed by rowid when it has one.
struct table_rows {
  bool rowid = false;
  std::vector<std::string> columns;  // folded, non-generated
  std::map<std::int64_t, std::vector<sql_value>> by_rowid;
  std::vector<std::vector<sql_value>> unkeyed;
};

std::string select_sql(const migc::catalog::object& t, const std::vector<std::string>& names, bool rowid) {
  std::string sql = rowid ? "SELECT _rowid_" : "SELECT ";
  for (std::size_t i = 0; i < names.size(); ++i) sql += (rowid || i > 0 ? ", " : "") + quote_name(names[i]);
  if (!rowid && names.empty()) sql += "1";
  return sql + " FROM " + quote_name(t.name);
}

std::optional<table_rows> read_rows(migc::rt::connection& db, const migc::catalog::object& t,
                                    const std::vector<std::string>& names, std::vector<std::string>& failures) {
  table_rows out;
  out.rowid = !t.without_rowid;
  auto rows = migc::test::query_rows(db, select_sql(t, names, out.rowid));
  if (!rows) {
    failures.push_back("cannot read rows of '" + t.name + "': " + rows.error().message);
    return std::nullopt;
  }
  for (std::vector<sql_value>& r : *rows) {
    if (out.rowid) {
      std::int64_t id = r.front().integer;
      r.erase(r.begin());
      out.by_rowid[id] = std::move(r);
    } else {
      out.unkeyed.push_back(std::move(r));
    }
  }
  std::sort(out.unkeyed.begin(), out.unkeyed.end());
  return out;
}

std::string row_text(const std::vector<sql_value>& row) {
  std::string out = "(";
  for (std::size_t i = 0; i < row.size(); ++i) out += (i > 0 ? ", " : "") + migc::test::quote(row[i]);
  return out + ")";
}

std::vector<std::string> stored_columns(const migc::catalog::object& t) {
  std::vector<std::string> out;
  for (const migc::catalog::column& c : t.columns) {
    if (!c.generated) out.push_back(c.name);
  }
  return out;
}

std::int64_t count_rows(migc::rt::connection& db, const std::string& table) {
  auto rows = migc::test::query_rows(db, "SELECT count(*) FROM " + quote_name(table));
  return rows && rows->size() == 1 ? rows->front().front().integer : -1;
}

// Compares the rows of every table of `before` that survives into `desired`
// with what the migrated database holds.
void check_rows(const migration_case& c, const migc::workflow::migration_setup& m,
                const std::map<std::string, table_rows>& before, migc::rt::connection& db,
                std::vector<std::string>& failures) {
  const migc::catalog::catalog& desired = m.desired.catalog;
  migc::diff::rename_hints hints = migc::diff::read_rename_hints(*m.sources, m.desired.scripts, desired);
  migc::test::affinity_converter convert;
  for (const auto& [table, count] : c.rows) {
    std::int64_t have = count_rows(db, table);
    if (have != count) failures.push_back(fmt::format("table '{}' holds {} row(s), expected {}", table, have, count));
  }
  for (const migc::catalog::object& t : m.live.catalog.objects()) {
    if (t.kind != migc::catalog::object_kind::table) continue;
    const migc::catalog::object* d = nullptr;
    for (const auto& [now, old] : hints.objects) {
      if (old == t.key) d = desired.find_relation(now);
    }
    if (d == nullptr) d = desired.find_relation(t.key);
    if (d == nullptr || d->kind != migc::catalog::object_kind::table || c.rows.contains(d->key)) continue;
    const table_rows& old = before.at(t.key);
    // Per desired stored column: the old column it copies, or ~0 (default).
    std::vector<std::string> names = stored_columns(*d);
    std::vector<std::size_t> source;
    migc::normalize::table_model model = migc::normalize::model_table(*d, migc::normalize::naming(desired));
    for (const std::string& name : names) {
      std::string key = migc::catalog::fold(name);
      auto hint = hints.columns.find({d->key, key});
      std::string old_key = hint != hints.columns.end() ? hint->second : key;
      auto at = std::find(old.columns.begin(), old.columns.end(), old_key);
      source.push_back(at == old.columns.end() ? ~std::size_t{0} : static_cast<std::size_t>(at - old.columns.begin()));
    }
    auto expected_row = [&](const std::vector<sql_value>& row) {
      std::vector<std::optional<sql_value>> out;
      for (std::size_t i = 0; i < names.size(); ++i) {
        const migc::catalog::column& col = d->columns[d->find_column(migc::catalog::fold(names[i]))];
        if (source[i] != ~std::size_t{0}) {
          out.emplace_back(convert.convert(row[source[i]], col.type, d->strict));
        } else {
          out.push_back(convert.evaluate(model.columns[d->find_column(col.key)].default_value, col.type, d->strict));
        }
      }
      return out;
    };
    auto matches = [](const std::vector<std::optional<sql_value>>& want, const std::vector<sql_value>& have) {
      if (want.size() != have.size()) return false;
      for (std::size_t i = 0; i < want.size(); ++i) {
        if (want[i] && !(*want[i] == have[i])) return false;
      }
      return true;
    };
    auto want_text = [](const std::vector<std::optional<sql_value>>& want) {
      std::vector<sql_value> shown;
      for (const auto& v : want) shown.push_back(v.value_or(sql_value{SQLITE_TEXT, 0, 0, "<any>"}));
      return row_text(shown);
    };
    std::optional<table_rows> now = read_rows(db, *d, names, failures);
    if (!now) continue;
    const std::string label = t.key == d->key ? "'" + d->name + "'" : fmt::format("'{}' (was '{}')", d->name, t.name);
    if (old.rowid && now->rowid) {
      for (const auto& [id, row] : old.by_rowid) {
        auto found = now->by_rowid.find(id);
        auto want = expected_row(row);
        if (found == now->by_rowid.end()) {
          failures.push_back(fmt::format("{} lost rowid {} {}", label, id, want_text(want)));
        } else if (!matches(want, found->second)) {
          failures.push_back(
              fmt::format("{} rowid {}: expected {}, found {}", label, id, want_text(want), row_text(found->second)));
        }
      }
      for (const auto& [id, row] : now->by_rowid) {
        if (!old.by_rowid.contains(id))
          failures.push_back(fmt::format("{} gained rowid {} {}", label, id, row_text(row)));
      }
      continue;
    }
    std::vector<std::vector<sql_value>> source_rows;
    for (const auto& [id, row] : old.by_rowid) source_rows.push_back(row);
    for (const auto& row : old.unkeyed) source_rows.push_back(row);
    std::vector<std::vector<sql_value>> remaining =
        now->by_rowid.empty() ? now->unkeyed : std::vector<std::vector<sql_value>>{};
    for (const auto& [id, row] : now->by_rowid) remaining.push_back(row);
    for (const auto& row : source_rows) {
      auto want = expected_row(row);
      auto hit = std::find_if(remaining.begin(), remaining.end(), [&](const auto& r) { return matches(want, r); });
      if (hit == remaining.end()) {
        failures.push_back(fmt::format("{} lost row {}", label, want_text(want)));
      } else {
        remaining.erase(hit);
      }
    }
    for (const auto& row : remaining) failures.push_back(fmt::format("{} gained row {}", label, row_text(row)));
  }
}

std::vector<std::string> refusal_codes(const migc::workflow::migration_setup& m, bool allow_destructive,
                                       std::vector<std::string>& why) {
  std::vector<std::string> codes;
  for (const migc::diag::diagnostic& d : migc::workflow::refusals(m, allow_destructive)) {
    codes.emplace_back(migc::diag::code_name(d.id));
    why.push_back(codes.back() + " " + d.message);
  }
  std::sort(codes.begin(), codes.end());
  codes.erase(std::unique(codes.begin(), codes.end()), codes.end());
  return codes;
}

std::optional<migc::workflow::migration_setup> prepare(const migration_case& c, migc::rt::connection& db,
                                                       std::vector<std::string>& failures) {
  migc::diag::sink sink;
  std::optional<migc::workflow::migration_setup> m =
      migc::workflow::prepare_migration(c.to, &db, c.name + ".db", migc::driver::options{}, sink);
  if (!m) {
    // The diagnostics point into m's sources, gone with it: messages only.
    std::string text;
    for (const migc::diag::diagnostic& d : sink.all()) {
      text += fmt::format("\n  {} [{}]", d.message, migc::diag::code_name(d.id));
    }
    failures.push_back("prepare_migration failed:" + text);
  }
  return m;
}

std::string step_key(migc::plan::step_kind k) {
  std::string s(migc::plan::step_name(k));
  std::replace(s.begin(), s.end(), ' ', '_');
  return s;
}

// Runs one case; returns its failures and sets `plan_sql`.
std::vector<std::string> run_case(const migration_case& c, const fs::path& work, std::string& plan_sql) {
  std::vector<std::string> failures = c.problems;
  if (!failures.empty()) return failures;
  const fs::path file = work / (c.name + ".db");
  fs::remove(file);
  auto opened = migc::rt::connection::open(file.string());
  if (!opened) return {"cannot create " + file.string()};
  migc::rt::connection db = std::move(opened).value();
  for (const std::optional<fs::path>& sql : {std::optional<fs::path>(c.from), c.data}) {
    if (!sql) continue;
    char* message = nullptr;
    if (sqlite3_exec(db.handle(), read_file(*sql).c_str(), nullptr, nullptr, &message) != SQLITE_OK) {
      failures.push_back(sql->filename().string() + " does not load: " + (message != nullptr ? message : "?"));
    }
    sqlite3_free(message);
  }
  if (!failures.empty() || !db.exec("PRAGMA foreign_keys = ON")) return failures;

  std::optional<migc::workflow::migration_setup> m = prepare(c, db, failures);
  if (!m) return failures;
  plan_sql = migc::plan::plan_sql(m->plan);
  const std::string bytes_before = read_file(file);
  auto unchanged = [&] {
    if (read_file(file) != bytes_before) failures.push_back("the database file changed");
  };

  std::vector<std::string> why;
  std::vector<std::string> codes = refusal_codes(*m, c.allow_destructive, why);
  if (codes != c.refused) {
    std::string found;
    for (const std::string& w : why) found += "\n  " + w;
    failures.push_back(
        fmt::format("refused with [{}], expected [{}]{}", fmt::join(codes, " "), fmt::join(c.refused, " "), found));
  }
  if (!codes.empty() || !c.refused.empty()) {
    unchanged();
    return failures;
  }
  if (c.plan_empty != m->plan.empty()) {
    failures.push_back(c.plan_empty ? "the plan is not empty" : "the plan is empty");
  }
  if (c.plan_empty || m->plan.empty()) {
    for (const std::string& d : migc::test::schema_differences(m->live.catalog, m->desired.catalog)) {
      failures.push_back("schema: " + d);
    }
    unchanged();
    return failures;
  }
  std::map<std::string, int> kinds;
  for (const migc::plan::step& s : m->plan.steps) ++kinds[step_key(s.kind)];
  for (const auto& [kind, n] : c.steps) {
    if (kinds[kind] != n) failures.push_back(fmt::format("{} step(s) of kind {}, expected {}", kinds[kind], kind, n));
  }

  std::map<std::string, table_rows> before;
  for (const migc::catalog::object& t : m->live.catalog.objects()) {
    if (t.kind != migc::catalog::object_kind::table) continue;
    std::vector<std::string> names = stored_columns(t);
    if (auto rows = read_rows(db, t, names, failures)) {
      for (std::string& n : names) n = migc::catalog::fold(n);
      rows->columns = std::move(names);
      before.emplace(t.key, std::move(*rows));
    }
  }

  const migc::rt::migration run = migc::workflow::to_migration(*m);
  auto applied = migc::rt::apply(db, run);
  if (c.apply_fails) {
    if (applied) failures.push_back("rt::apply succeeded, expected a rollback");
    unchanged();
    return failures;
  }
  if (!applied) {
    failures.push_back("rt::apply failed: " + migc::rt::to_string(applied.error()));
    return failures;
  }

  migc::source::source_manager sources;
  migc::diag::sink sink;
  std::optional<migc::driver::compilation> after = migc::driver::compile_live(sources, &db, c.name, sink);
  if (!after) {
    failures.push_back("the migrated schema cannot be read:\n" + migc::diag::render_text(sources, sink.all(), false));
  } else {
    for (const std::string& d : migc::test::schema_differences(after->catalog, m->desired.catalog)) {
      failures.push_back("schema: " + d);
    }
  }
  check_rows(c, *m, before, db, failures);
  if (std::string r = migc::test::query_text(db, "PRAGMA integrity_check"); r != "ok") {
    failures.push_back("integrity_check: " + r);
  }
  if (std::string r = migc::test::query_text(db, "PRAGMA foreign_key_check"); !r.empty()) {
    failures.push_back("foreign_key_check: " + r);
  }
  if (std::string r = migc::test::query_text(db, "SELECT count(*) FROM _migc_history"); r != "1") {
    failures.push_back("_migc_history rows: " + r);
  }
  if (std::optional<migc::workflow::migration_setup> again = prepare(c, db, failures); again && !again->plan.empty()) {
    failures.push_back("the second plan is not empty:\n" + migc::plan::plan_sql(again->plan));
  }
  for (const auto& [sql, want] : c.after) {
    if (!want) {
      if (auto r = db.exec(sql); !r) failures.push_back("exec failed: " + migc::rt::to_string(r.error()));
    } else if (std::string have = migc::test::query_text(db, sql); have != *want) {
      failures.push_back(fmt::format("query {} gave '{}', expected '{}'", sql, have, *want));
    }
  }
  return failures;
}

}  // namespace

TEST_CASE("migration fixtures migrate for real and converge", "[migrations]") {
  const std::vector<fs::path> dirs = case_dirs();
  REQUIRE(dirs.size() >= 80);
  const fs::path work = fs::temp_directory_path() / fmt::format("migc-migrations-{}", getpid());
  fs::create_directories(work);
  for (const fs::path& dir : dirs) {
    DYNAMIC_SECTION(dir.filename().string()) {
      const migration_case c = migc::test::read_migration_case(dir);
      std::string plan_sql;
      std::vector<std::string> failures = run_case(c, work, plan_sql);
      fs::remove(work / (c.name + ".db"));
      ++totals.cases;
      std::string report;
      for (const std::string& f : failures) report += "\n- " + f;
      report += "\nplan:\n" + (plan_sql.empty() ? std::string("(empty)\n") : plan_sql);
      if (!c.known_bug.empty()) {
        if (failures.empty()) {
          FAIL_CHECK(c.name << ": marked known-bug but passes now; remove the directive");
        } else {
          totals.known_bugs.push_back(c.name + ": " + c.known_bug);
          WARN(c.name << ": known bug (skipped): " << c.known_bug << report);
        }
      } else if (!failures.empty()) {
        FAIL_CHECK(c.name << ":" << report);
      } else {
        ++totals.passed;
      }
    }
  }
  std::error_code ec;
  fs::remove(work, ec);  // only once the last section has run it is empty
}
