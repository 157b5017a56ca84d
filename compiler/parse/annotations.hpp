// The comments of a source file and the annotations they carry (see
// ast/annotation.hpp), found by one scan that skips string literals and
// quoted names as SQLite's tokenizer does.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "compiler/ast/ast.hpp"

namespace migc::parse {

/// Fills `script.comments` and `script.annotations` from `text`, the
/// contents of file `script.file`. Linear in the text; never fails (an
/// unterminated comment runs to the end).
void scan_comments(std::string_view text, ast::script& script);

/// The names a `--` comment lists after "migc:allow" ("missing-primary-key"
/// and "W0803" from "-- migc:allow missing-primary-key, W0803"); empty
/// when the comment is not an allow comment. `comment` starts with "--".
[[nodiscard]] std::vector<std::string> allow_names(std::string_view comment);

/// The name after "@renamed from=" in `comment`, unquoted, or nullopt.
[[nodiscard]] std::optional<std::string> renamed_from(std::string_view comment);

}  // namespace migc::parse
