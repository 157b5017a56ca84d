// The table-rebuild step (SQLite's documented twelve-step procedure, the
// parts that are statements) and the data checks that ask the live rows
// whether the desired constraints will hold.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "compiler/catalog/catalog.hpp"
#include "compiler/diff/diff.hpp"
#include "compiler/plan/plan.hpp"

namespace migc::plan {

/// Desired table key -> the actual table that holds its rows before the
/// migration.
using table_map = std::map<std::string, const catalog::object*>;

/// The rebuild of actual table `a` into desired table `d`: create the new
/// table under a temporary name, copy the rows with explicit column lists
/// (rowids kept; new columns take their defaults), keep the sqlite_sequence
/// value, drop the old table, rename the new one. Indexes and triggers are
/// recreated by the caller. Carries the data checks of every desired
/// constraint and a loses_values check for each dropped column.
[[nodiscard]] step rebuild_step(const catalog::catalog& actual, const catalog::catalog& desired,
                                const catalog::object& a, const catalog::object& d, const diff::table_change& c,
                                const table_map& tables);

/// The values column `column` of actual table `a` still holds: what
/// dropping it (by ALTER or by a rebuild) would lose.
[[nodiscard]] data_check loses_values(const catalog::object& a, const std::string& column);

/// Data checks of the desired constraints of `d` against the rows of `a`
/// seen through desired column names: NOT NULL, PRIMARY KEY and UNIQUE
/// (duplicates), CHECK, and foreign keys `a` does not have yet. With
/// `only_column` set, just the constraints written on that desired column
/// (an added column).
[[nodiscard]] std::vector<data_check> constraint_checks(const catalog::catalog& desired, const catalog::object& a,
                                                        const catalog::object& d, const diff::table_change& c,
                                                        const table_map& tables, std::uint32_t only_column = ~0U);

/// Duplicates that a new UNIQUE index would reject among the rows of actual
/// table `a`, seen as desired table `d` (through `c` when the table changes
/// by ALTER, so renamed columns have their new names); nullopt for a
/// partial or non-unique index.
[[nodiscard]] std::optional<data_check> unique_index_duplicates(const catalog::object& a, const catalog::object& d,
                                                                const diff::table_change* c,
                                                                const catalog::object& index_object,
                                                                const ast::create_index& index);

}  // namespace migc::plan
