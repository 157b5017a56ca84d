// Fixture files: SQL with the diagnostics it must produce written inline.
//
//   -- expect-error E0101                 the next statement has an error E0101
//   -- expect-error E0201 {{no such}}     ... whose message contains "no such"
//   -- expect-warning@+2 W0203            a warning on the line two below
//   -- expect-no-diagnostics              (first line) the file is clean
//
// An annotation without @ applies to the statement that follows it (it sits
// in the comments that lead up to that statement); one with @+N / @-N names
// the line N below / above the annotation instead.
#pragma once

#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

namespace migc::test {

struct expectation {
  std::string severity;  // "error" or "warning"
  std::string code;      // "E0101"
  std::string message;   // substring the message must contain; empty: any
  std::uint32_t annotation_line = 0;
  /// Set for @+N / @-N: the diagnostic is expected on this line.
  std::optional<std::uint32_t> line;
};

struct fixture_statement {
  std::string text;                   // from its first token to its ';'
  std::size_t begin = 0;              // byte offset of the first token
  std::size_t end = 0;                // byte offset just past its ';'
  std::uint32_t line = 0;             // line of the first token, 1-based
  std::uint32_t end_line = 0;         // line of its last byte
  std::vector<expectation> expected;  // annotations without @ that lead up to it
};

struct fixture_file {
  std::filesystem::path path;
  std::string name;  // file name without directories
  std::string text;
  bool expect_no_diagnostics = false;
  std::vector<fixture_statement> statements;   // split as SQLite does (split_statement_ranges)
  std::vector<expectation> line_expectations;  // annotations with @+N / @-N
  std::vector<std::string> problems;           // malformed annotations, "line N: why"

  /// Every annotation of the file, anchored or not.
  [[nodiscard]] std::size_t expectation_count() const;
  /// The statement containing byte `offset` (or ending exactly there), if any.
  [[nodiscard]] const fixture_statement* statement_at(std::size_t offset) const;
};

/// Parses fixture text; `name` is used in messages only.
[[nodiscard]] fixture_file parse_fixture(std::string name, std::string text);

/// Reads and parses the fixture at `path`; throws std::runtime_error when it
/// cannot be read.
[[nodiscard]] fixture_file load_fixture(const std::filesystem::path& path);

/// The `*.sql` files directly in `dir`, sorted by name.
[[nodiscard]] std::vector<std::filesystem::path> fixture_paths(const std::filesystem::path& dir);

/// 1-based line of byte `offset` of `text`.
[[nodiscard]] std::uint32_t line_of(const std::string& text, std::size_t offset);

/// `text` on one line (runs of whitespace become one space), cut at `max` bytes.
[[nodiscard]] std::string one_line(const std::string& text, std::size_t max = 160);

}  // namespace migc::test
