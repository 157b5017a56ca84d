// Diagnostics: the code table (generated from codes.def), the diagnostic
// record with its notes and fix-its, and the sink that collects them.
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "compiler/source/source.hpp"

namespace migc::diag {

enum class severity : std::uint8_t { note, warning, error };

namespace detail {
// Positions in codes.def, to give both enumerators of a row one value.
enum code_index : std::uint16_t {
#define MIGC_DIAG(id, sev, name, title, doc) id##_index,
#include "compiler/diag/codes.def"
#undef MIGC_DIAG
  code_count
};
}  // namespace detail

/// Every diagnostic code, from codes.def. Each row gives two enumerators of
/// the same value: the stable code (`code::E0101`) and its name
/// (`code::syntax_error`); use either, but not both in one switch. Values are
/// positions in the table, not the numbers of the codes: print a code with
/// code_name().
enum class code : std::uint16_t {
// NOLINTNEXTLINE(bugprone-macro-parentheses): the arguments are enumerator names
#define MIGC_DIAG(id, sev, name, title, doc) id = detail::id##_index, name = detail::id##_index,
#include "compiler/diag/codes.def"
#undef MIGC_DIAG
};

/// "E0101".
[[nodiscard]] std::string_view code_name(code c) noexcept;
/// The snake_case name of the code: "syntax_error".
[[nodiscard]] std::string_view code_symbol(code c) noexcept;
/// The short title: "syntax error".
[[nodiscard]] std::string_view code_title(code c) noexcept;
/// The one line of documentation.
[[nodiscard]] std::string_view code_doc(code c) noexcept;
[[nodiscard]] severity default_severity(code c) noexcept;
/// Looks a code up by its stable name ("E0101") or symbol ("syntax_error").
[[nodiscard]] std::optional<code> find_code(std::string_view name) noexcept;
/// Every code, in table order.
[[nodiscard]] std::span<const code> all_codes() noexcept;

/// "note", "warning", "error".
[[nodiscard]] std::string_view severity_name(severity s) noexcept;

/// A secondary location that explains the diagnostic it belongs to.
struct note {
  source::span span;
  std::string message;
};

/// A replacement offered only when its intent is certain: replace the text of
/// `span` with `replacement` (an empty span inserts, an empty replacement
/// removes).
struct fixit {
  source::span span;
  std::string replacement;
};

/// One reported problem. `span` may be invalid (source::no_file) for
/// problems that have no location, such as an unreadable input file.
/// Messages start lowercase, have no final period and quote objects in
/// single quotes.
struct diagnostic {
  code id = code::E0101;
  severity level = severity::error;
  source::span span;
  std::string message;
  std::vector<note> notes;
  std::vector<fixit> fixits;
};

/// Collects diagnostics in the order they are reported.
class sink {
 public:
  void report(diagnostic d);

  /// Reports an error and returns it so the caller can add notes and
  /// fix-its. The reference is valid until the next report.
  diagnostic& error(code c, source::span at, std::string message);
  /// Same with severity warning.
  diagnostic& warning(code c, source::span at, std::string message);
  /// Same with the code's default severity from codes.def.
  diagnostic& emit(code c, source::span at, std::string message);

  [[nodiscard]] bool has_errors() const noexcept;
  [[nodiscard]] std::size_t error_count() const noexcept;
  [[nodiscard]] std::size_t warning_count() const noexcept;
  [[nodiscard]] const std::vector<diagnostic>& all() const noexcept { return diagnostics_; }
  [[nodiscard]] bool empty() const noexcept { return diagnostics_.empty(); }

  /// Stable sort by file, then begin offset, then end offset; diagnostics
  /// without a location go last, in report order.
  void sort_by_location();

 private:
  diagnostic& add(code c, severity level, source::span at, std::string message);

  std::vector<diagnostic> diagnostics_;
};

}  // namespace migc::diag
