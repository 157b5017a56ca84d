// The driver: chains the front end and the passes over a set of schema
// files (parse → catalog → resolve → graph → lint), applies the warning
// policy, and keeps everything later stages need in one compilation.
#pragma once

#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "compiler/ast/ast.hpp"
#include "compiler/catalog/catalog.hpp"
#include "compiler/catalog/compilation.hpp"
#include "compiler/diag/diagnostic.hpp"
#include "compiler/source/source.hpp"

namespace migc::driver {

/// Which warnings are reported, and whether they count as errors.
struct warning_policy {
  std::vector<diag::code> disabled;
  bool as_errors = false;

  /// Applies one -W argument: "no-<name>" disables a warning, "<name>"
  /// enables it again, "error" makes warnings errors, "no-error" undoes
  /// that. A name is a code's symbol with dashes or underscores
  /// ("missing-primary-key") or the code itself ("W0801"). Returns a message
  /// for an unknown name or a code that is not a warning, nullopt on success.
  std::optional<std::string> apply(std::string_view argument);
  [[nodiscard]] bool enabled(diag::code c) const noexcept;
};

struct options {
  bool syntax_only = false;
  warning_policy warnings;
};

/// The result of compiling a schema (catalog/compilation.hpp).
using compilation = catalog::compilation;

/// Parses `files` of `sources` and, unless options.syntax_only, runs the
/// passes. The passes run only when parsing reported no error (a statement
/// that failed to parse would show up as unknown-object errors elsewhere),
/// and lint runs only when the other passes reported no error.
/// Warnings that the policy disables or that a `-- migc:allow <name>`
/// comment right above their statement silences are dropped; with
/// as_errors the rest become errors. Diagnostics are reported to `sink`
/// sorted by location.
[[nodiscard]] compilation compile(const source::source_manager& sources, std::span<const source::file_id> files,
                                  const options& opts, diag::sink& sink);

/// The name users write for a warning: its symbol with dashes,
/// "missing-primary-key".
[[nodiscard]] std::string warning_name(diag::code c);

}  // namespace migc::driver
