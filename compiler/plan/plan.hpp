// The migration plan: the steps that take the live schema to the desired
// one, as data. Printing a plan (text, SQL, JSON) and executing it are
// separate; nothing here touches a database except preflight().
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "compiler/catalog/catalog.hpp"
#include "compiler/diag/diagnostic.hpp"
#include "compiler/diff/diff.hpp"
#include "runtime/sqlite.hpp"

namespace migc::plan {

enum class step_kind : std::uint8_t {
  drop_trigger,
  drop_view,
  drop_index,
  drop_table,
  rename_table,
  create_table,
  rename_column,
  drop_column,
  add_column,
  rebuild_table,
  create_index,
  create_view,
  create_trigger,
};

/// "drop trigger", "rebuild table", ...
[[nodiscard]] std::string_view step_name(step_kind k) noexcept;

/// safe: no data at risk; rebuild: rows are copied into a new table;
/// destructive: data is lost unless the table or column is empty (decided
/// by preflight against the live data).
enum class safety : std::uint8_t { safe, rebuild, destructive };

[[nodiscard]] std::string_view safety_name(safety s) noexcept;

/// A question for the live data before anything changes: `count_sql`
/// returns one integer, the number of offending rows; `sample_sql` returns
/// up to five of their rowids (empty when rowids mean nothing).
struct data_check {
  enum class kind : std::uint8_t {
    loses_rows,    // a dropped table still holds rows
    loses_values,  // a dropped column still holds non-NULL values
    null_in_not_null,
    duplicate_in_unique,
    check_violation,
    foreign_key_violation,
    strict_type_violation,  // a value a STRICT column's type rejects
  } what{};
  std::string count_sql;
  std::string sample_sql;
  std::string subject;  // "table 'orders'", "column 'orders.note'", "CHECK (qty > 0) on 'lines'"
};

struct step {
  step_kind kind{};
  safety level = safety::safe;
  std::string object;                // the name the step is about
  std::string description;           // one line for people, e.g. "add column 'note' to 'orders'"
  std::vector<std::string> sql;      // statements, in order, each without ';'
  std::vector<data_check> checks;    // run by preflight()
  std::vector<std::string> reasons;  // why a table is rebuilt
};

struct plan {
  std::vector<step> steps;
  [[nodiscard]] bool empty() const noexcept { return steps.empty(); }
};

/// Builds the plan for `diff` (from diff::compare(actual, desired, ...)).
/// `desired_order` is the desired schema's creation order (graph pass).
/// Objects are created parents first and dropped children first; views and
/// triggers that read a table being rebuilt, renamed or dropped, or a view
/// being replaced, are dropped before and recreated after; a rebuild follows
/// SQLite's documented procedure (new table under a temporary name, copy
/// with explicit column lists keeping rowids, drop, rename, indexes and
/// triggers recreated, sqlite_sequence kept).
[[nodiscard]] plan make_plan(const catalog::catalog& actual, const catalog::catalog& desired,
                             const std::vector<std::uint32_t>& desired_order, const diff::schema_diff& diff);

/// The outcome of one data check against the live database.
struct check_result {
  const step* at = nullptr;
  const data_check* check = nullptr;
  std::int64_t count = 0;
  std::vector<std::int64_t> sample;
};

/// Runs every data check of `p` against `db` (read only) and returns those
/// that found offending rows. SQLite failures come back as the error.
rt::result<std::vector<check_result>> preflight(const plan& p, rt::connection& db);

/// The whole plan as one SQL script (every statement followed by ";\n",
/// steps introduced by a comment line), without transaction control: the
/// caller wraps it (see runtime/executor.hpp).
[[nodiscard]] std::string plan_sql(const plan& p);

}  // namespace migc::plan
