// RAII access to SQLite: a connection, a prepared statement, and failures as
// values (`result<T>`) that carry SQLite's result code, message and the SQL
// that failed. No exceptions; only <sqlite3.h> and the standard library.
#pragma once

#include <sqlite3.h>

#include <cassert>
#include <chrono>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <utility>
#include <variant>

namespace migc::rt {

/// A failed SQLite call. `code` is SQLite's extended result code
/// (code & 0xff is the primary one); `sql` is the statement text, if any.
struct error {
  int code = SQLITE_ERROR;
  std::string message;
  std::string sql;
};

/// "sqlite error 1 (SQL logic error): no such table: t in 'SELECT * FROM t'".
[[nodiscard]] std::string to_string(const error& e);

/// A value or an error. Accessing the wrong alternative is asserted.
template <typename T>
class [[nodiscard]] result {
 public:
  result(T value) : state_(std::in_place_index<0>, std::move(value)) {}  // NOLINT(google-explicit-constructor)
  result(rt::error e) : state_(std::in_place_index<1>, std::move(e)) {}  // NOLINT(google-explicit-constructor)

  [[nodiscard]] bool ok() const noexcept { return state_.index() == 0; }
  explicit operator bool() const noexcept { return ok(); }

  [[nodiscard]] T& value() & {
    assert(ok());
    return std::get<0>(state_);
  }
  [[nodiscard]] const T& value() const& {
    assert(ok());
    return std::get<0>(state_);
  }
  [[nodiscard]] T&& value() && {
    assert(ok());
    return std::get<0>(std::move(state_));
  }
  T& operator*() & { return value(); }
  const T& operator*() const& { return value(); }
  T* operator->() { return &value(); }
  const T* operator->() const { return &value(); }

  [[nodiscard]] const rt::error& error() const& {
    assert(!ok());
    return std::get<1>(state_);
  }

 private:
  std::variant<T, rt::error> state_;
};

/// Success or an error.
template <>
class [[nodiscard]] result<void> {
 public:
  result() = default;
  result(rt::error e) : error_(std::move(e)) {}  // NOLINT(google-explicit-constructor)

  [[nodiscard]] bool ok() const noexcept { return !error_.has_value(); }
  explicit operator bool() const noexcept { return ok(); }
  [[nodiscard]] const rt::error& error() const& {
    assert(!ok());
    return *error_;
  }

 private:
  std::optional<rt::error> error_;
};

/// What one step of a statement produced.
enum class step_result { row, done };

/// A prepared statement; move-only, finalized on destruction. Column and
/// bind indexes are those of SQLite: bind from 1, columns from 0.
class statement {
 public:
  statement() = default;
  explicit statement(sqlite3_stmt* handle) noexcept : handle_(handle) {}
  ~statement();
  statement(const statement&) = delete;
  statement& operator=(const statement&) = delete;
  statement(statement&& other) noexcept : handle_(std::exchange(other.handle_, nullptr)) {}
  statement& operator=(statement&& other) noexcept;

  result<void> bind_int64(int index, std::int64_t value);
  result<void> bind_double(int index, double value);
  /// Copies `value`.
  result<void> bind_text(int index, std::string_view value);
  /// Copies `value`; an empty span binds a zero-length blob, not NULL.
  result<void> bind_blob(int index, std::span<const std::byte> value);
  result<void> bind_null(int index);
  /// The index of the named parameter (":name", "@name", "$name"), 0 if none.
  [[nodiscard]] int parameter_index(const std::string& name) const;
  [[nodiscard]] int parameter_count() const;
  /// Sets every parameter back to NULL.
  void clear_bindings();

  /// Runs the statement to its next row. On error the statement must be
  /// reset before it is run again.
  result<step_result> step();
  /// Rewinds to the start; bindings are kept. Returns the error of the last
  /// step, if it failed.
  result<void> reset();

  /// Number of columns of the result; valid after prepare.
  [[nodiscard]] int column_count() const;
  [[nodiscard]] std::string_view column_name(int index) const;
  /// SQLITE_INTEGER, SQLITE_FLOAT, SQLITE_TEXT, SQLITE_BLOB or SQLITE_NULL.
  [[nodiscard]] int column_type(int index) const;
  [[nodiscard]] bool column_is_null(int index) const;
  [[nodiscard]] std::int64_t column_int64(int index) const;
  [[nodiscard]] double column_double(int index) const;
  /// The view stays valid until the next step(), reset() or destruction.
  [[nodiscard]] std::string_view column_text(int index) const;
  /// The view stays valid until the next step(), reset() or destruction.
  [[nodiscard]] std::span<const std::byte> column_blob(int index) const;

  /// The SQL text the statement was prepared from.
  [[nodiscard]] std::string_view sql() const;
  [[nodiscard]] sqlite3_stmt* handle() const noexcept { return handle_; }

 private:
  [[nodiscard]] rt::error make_error(int code) const;
  result<void> check_bind(int code) const;

  sqlite3_stmt* handle_ = nullptr;
};

/// A database connection; move-only, closed on destruction. Extended result
/// codes are on.
class connection {
 public:
  connection() = default;
  ~connection();
  connection(const connection&) = delete;
  connection& operator=(const connection&) = delete;
  connection(connection&& other) noexcept : handle_(std::exchange(other.handle_, nullptr)) {}
  connection& operator=(connection&& other) noexcept;

  /// Opens (by default creating) the database at `path`; ":memory:" is an
  /// in-memory database. `flags` are sqlite3_open_v2's.
  static result<connection> open(const std::string& path, int flags = SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE);

  /// Runs every statement of `sql`, discarding rows.
  result<void> exec(const std::string& sql);
  /// Prepares the first statement of `sql`; text after it is ignored. SQL
  /// without a statement (empty, comments only) is an error (SQLITE_MISUSE).
  result<statement> prepare(std::string_view sql);
  /// How long to retry on SQLITE_BUSY before failing.
  result<void> set_busy_timeout(std::chrono::milliseconds timeout);

  /// The message of the most recent failure on this connection.
  [[nodiscard]] std::string errmsg() const;
  [[nodiscard]] std::int64_t last_insert_rowid() const;
  /// Rows changed by the most recent INSERT, UPDATE or DELETE.
  [[nodiscard]] std::int64_t changes() const;
  [[nodiscard]] bool is_open() const noexcept { return handle_ != nullptr; }
  [[nodiscard]] sqlite3* handle() const noexcept { return handle_; }

  /// Closes now; fails (and stays open) while statements are unfinalized.
  result<void> close();

 private:
  explicit connection(sqlite3* handle) noexcept : handle_(handle) {}

  sqlite3* handle_ = nullptr;
};

}  // namespace migc::rt
