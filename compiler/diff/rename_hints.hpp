// Rename hints: renames are never guessed; the schema file states them in a
// comment, as sqldef does:
//
//   CREATE TABLE people ( -- @renamed from=person
//   CREATE TABLE people /* @renamed from=person */ (
//     login TEXT NOT NULL, -- @renamed from=username
//   CREATE INDEX people_login ON people (login); -- @renamed from=people_username
//
// The old name may be quoted like any SQL name: from="user accounts".
#pragma once

#include <map>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <utility>

#include "compiler/catalog/catalog.hpp"
#include "compiler/source/source.hpp"

namespace migc::diff {

/// Old names by new ones, all folded: tables and indexes by object key,
/// columns by (table key, column key).
struct rename_hints {
  std::map<std::string, std::string> objects;
  std::map<std::pair<std::string, std::string>, std::string> columns;
  /// The old name as written (unfolded), by folded old name, for messages.
  std::map<std::string, std::string> spelling;
};

/// Reads the hints of every table, column and index of `desired` from the
/// rename annotations of `scripts` (the scripts `desired` was built from):
/// a table's or index's hint sits on the line of its name (before the
/// column list), a column's on the line where its definition ends.
[[nodiscard]] rename_hints read_rename_hints(const source::source_manager& sources,
                                             std::span<const ast::script> scripts, const catalog::catalog& desired);

}  // namespace migc::diff
