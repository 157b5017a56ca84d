// SQLite as the reference parser: whether SQLite's own parser accepts a
// piece of SQL, and how SQLite splits a file into statements. The verdict
// only concerns syntax: an error SQLite raises because the schema lacks
// something ("no such table") means its parser accepted the statement.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

struct sqlite3;

namespace migc::test {

enum class verdict { accept, reject };

[[nodiscard]] std::string_view verdict_name(verdict v) noexcept;

/// True when `message` is an error SQLite's parser raises from the token
/// sequence alone (syntax errors, unrecognized tokens, and the checks parse.y
/// actions make, such as "unknown table option" or "?0"), as opposed to an
/// error about the schema ("no such table", "no such column").
[[nodiscard]] bool is_syntax_class_error(std::string_view message) noexcept;

/// One statement of a text: [begin, end) in bytes, from its first token (past
/// leading whitespace and comments) to just after its ';', or to the end of
/// the text for a last statement without one. `chunk_begin` is where the
/// statement's leading whitespace and comments start (just after the
/// previous statement's end).
struct statement_range {
  std::size_t chunk_begin = 0;
  std::size_t begin = 0;
  std::size_t end = 0;
};

/// Splits `text` the way sqlite3_exec() consumes it: a statement ends at the
/// first ';' for which sqlite3_complete() says the text since the previous
/// statement is complete (so a ';' inside a string, a comment or a trigger
/// body does not end it); the remainder after the last complete statement is
/// one more statement unless it holds only whitespace and comments.
[[nodiscard]] std::vector<statement_range> split_statement_ranges(std::string_view text);

/// The statements of split_statement_ranges(), as text.
[[nodiscard]] std::vector<std::string> split_statements(std::string_view text);

/// What SQLite made of one statement.
struct sqlite_outcome {
  verdict result = verdict::accept;
  /// False when an error that is not syntax-class stopped SQLite's parser
  /// before the end of the statement: SQLite stops at its first error, so
  /// the rest of the statement was never checked and `result` (accept) says
  /// nothing about it.
  bool conclusive = true;
  /// sqlite3_errmsg() when preparing failed, else empty.
  std::string message;
};

/// An in-memory database (sqlite3_open(":memory:")) to prepare statements in.
class sqlite_database {
 public:
  sqlite_database();
  ~sqlite_database();
  sqlite_database(const sqlite_database&) = delete;
  sqlite_database& operator=(const sqlite_database&) = delete;

  /// Prepares the statements of `sql` one by one (sqlite3_prepare_v3 and its
  /// tail pointer) and reports the first that fails, or acceptance. Meant
  /// for one statement; several work too. When `execute_schema` is set,
  /// statements that prepared and are a CREATE, or an ATTACH of an in-memory
  /// database, are run so that later statements can refer to what they made.
  [[nodiscard]] sqlite_outcome check(std::string_view sql, bool execute_schema = false);

 private:
  sqlite3* db_ = nullptr;
};

/// SQLite's verdict on `sql`, which may hold several statements: a fresh
/// in-memory database prepares each statement of split_statements() in turn
/// (running the CREATE statements, so later ones find their tables) and
/// rejects at the first syntax-class error; any other error counts as
/// acceptance of that statement and checking goes on with the next.
[[nodiscard]] verdict sqlite_verdict(std::string_view sql);

}  // namespace migc::test
