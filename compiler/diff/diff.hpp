// The diff: what differs between the live schema (actual) and the schema
// files (desired), object by object, on normalized models. Objects match by
// folded name, or by a rename hint; nothing is matched by guessing.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "compiler/catalog/catalog.hpp"
#include "compiler/diag/diagnostic.hpp"
#include "compiler/diff/rename_hints.hpp"
#include "compiler/normalize/model.hpp"

namespace migc::diff {

/// How a matched table gets from its actual to its desired form.
enum class table_strategy : std::uint8_t {
  alter,    // ALTER TABLE steps only (rename, rename/add/drop column)
  rebuild,  // SQLite's twelve-step rebuild: new table, copy, drop, rename
};

struct column_match {
  std::uint32_t desired = ~0U;  // position in the desired table, ~0 if dropped
  std::uint32_t actual = ~0U;   // position in the actual table, ~0 if added
  bool renamed = false;
};

/// A table that exists on both sides and differs.
struct table_change {
  std::uint32_t desired = 0;  // catalog positions
  std::uint32_t actual = 0;
  bool renamed = false;               // matched through a rename hint
  std::vector<column_match> columns;  // every column of both sides
  table_strategy strategy = table_strategy::alter;
  std::vector<std::string> reasons;  // why a rebuild is needed, for the plan's text
};

/// An index, view, trigger or virtual table that exists on both sides and
/// differs (recreated), or was renamed (an index through a hint).
struct definition_change {
  std::uint32_t desired = 0;
  std::uint32_t actual = 0;
  bool renamed = false;
  bool changed = false;  // the definition differs beyond the name
};

struct schema_diff {
  std::vector<std::uint32_t> created;  // desired positions, no actual counterpart
  std::vector<std::uint32_t> dropped;  // actual positions, no desired counterpart
  std::vector<table_change> tables;
  std::vector<definition_change> definitions;
  /// Actual tables whose definition is unchanged but that are matched
  /// (possibly renamed): desired position by actual position.
  std::vector<std::pair<std::uint32_t, std::uint32_t>> same;

  [[nodiscard]] bool empty() const noexcept {
    return created.empty() && dropped.empty() && tables.empty() && definitions.empty();
  }
};

/// Compares `actual` with `desired` (both resolved catalogs). A rename hint
/// whose old name the actual schema lacks is ignored: it stays in the file
/// after it has been applied, and a fresh database never had the old name.
/// Reports nothing today; the sink is for checks to come.
[[nodiscard]] schema_diff compare(const catalog::catalog& actual, const catalog::catalog& desired,
                                  const rename_hints& hints, diag::sink& sink);

}  // namespace migc::diff
