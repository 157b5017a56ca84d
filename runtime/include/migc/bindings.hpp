// migc's support header for generated C++ bindings: errors as values, the
// connection with its per-connection cache of prepared statements, a
// statement that binds and reads typed values, and nested transactions.
// Header-only; needs <sqlite3.h> and the standard library, nothing of migc.
// Nothing here throws; functions a caller passes in may, and transaction()
// lets their exceptions through after rolling back.
//
// A database is used by one thread at a time (its statement cache is not
// synchronized); open one per thread.
#pragma once

#include <sqlite3.h>

#include <algorithm>
#include <atomic>
#include <cassert>
#include <concepts>
#include <cstddef>
#include <cstdint>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <type_traits>
#include <utility>
#include <variant>
#include <vector>

namespace migc::bindings {

/// A failed SQLite call: the extended result code (SQLITE_CONSTRAINT_UNIQUE,
/// ...; `code & 0xff` is the primary one) and SQLite's message.
struct error {
  int code = SQLITE_ERROR;
  std::string message;
};

/// A value or an error. Reading the alternative that is not there is a
/// programmer error (asserted). A union rather than std::variant: generated
/// code instantiates one per row type, and variant costs compile time.
template <typename T>
class [[nodiscard]] result {
 public:
  result(T value) : ok_(true) {
    ::new (static_cast<void*>(&value_)) T(std::move(value));
  }  // NOLINT(google-explicit-constructor)
  result(bindings::error e) : ok_(false) {
    ::new (static_cast<void*>(&error_)) bindings::error(std::move(e));
  }  // NOLINT(google-explicit-constructor)
  /// The value made in place from `args`.
  template <typename... Args>
  explicit result(std::in_place_t, Args&&... args) : ok_(true) {
    ::new (static_cast<void*>(&value_)) T(std::forward<Args>(args)...);
  }
  result(const result& other) : ok_(other.ok_) { construct_from(other); }
  result(result&& other) noexcept(std::is_nothrow_move_constructible_v<T>) : ok_(other.ok_) {
    construct_from(std::move(other));
  }
  result& operator=(const result& other) {
    if (this != &other) {
      result copy(other);
      *this = std::move(copy);
    }
    return *this;
  }
  result& operator=(result&& other) noexcept(std::is_nothrow_move_constructible_v<T>) {
    if (this != &other) {
      destroy();
      ok_ = other.ok_;
      construct_from(std::move(other));
    }
    return *this;
  }
  ~result() { destroy(); }

  [[nodiscard]] bool ok() const noexcept { return ok_; }
  explicit operator bool() const noexcept { return ok_; }

  [[nodiscard]] T& value() & {
    assert(ok_);
    return value_;
  }
  [[nodiscard]] const T& value() const& {
    assert(ok_);
    return value_;
  }
  [[nodiscard]] T&& value() && {
    assert(ok_);
    return std::move(value_);
  }
  T& operator*() & { return value(); }
  const T& operator*() const& { return value(); }
  T&& operator*() && { return std::move(*this).value(); }
  T* operator->() { return &value(); }
  const T* operator->() const { return &value(); }

  [[nodiscard]] const bindings::error& error() const& {
    assert(!ok_);
    return error_;
  }
  [[nodiscard]] bindings::error&& error() && {
    assert(!ok_);
    return std::move(error_);
  }

 private:
  template <typename Other>
  void construct_from(Other&& other) {
    if (ok_) {
      ::new (static_cast<void*>(&value_)) T(std::forward<Other>(other).value_);
    } else {
      ::new (static_cast<void*>(&error_)) bindings::error(std::forward<Other>(other).error_);
    }
  }
  void destroy() noexcept {
    if (ok_) {
      value_.~T();
    } else {
      error_.~error();
    }
  }

  union {
    T value_;
    bindings::error error_;
  };
  bool ok_;
};

/// Success or an error.
template <>
class [[nodiscard]] result<void> {
 public:
  result() = default;
  result(bindings::error e) : error_(std::move(e)) {}  // NOLINT(google-explicit-constructor)

  [[nodiscard]] bool ok() const noexcept { return !error_.has_value(); }
  explicit operator bool() const noexcept { return ok(); }
  [[nodiscard]] const bindings::error& error() const& {
    assert(!ok());
    return *error_;
  }
  [[nodiscard]] bindings::error&& error() && {
    assert(!ok());
    return std::move(*error_);
  }

 private:
  std::optional<bindings::error> error_;
};

/// The bytes of a BLOB.
using blob = std::vector<std::byte>;

/// A value of a column without a type (or of type ANY in a STRICT table):
/// whatever storage class the row holds. NULL is std::optional<value>'s.
using value = std::variant<std::int64_t, double, std::string, blob>;

/// Tag that asks an INSERT to leave a column to its DEFAULT clause.
struct use_default_t {
  explicit constexpr use_default_t() = default;
};
inline constexpr use_default_t use_default{};

/// A field of an insert struct whose column has a DEFAULT (or is the rowid
/// alias): either "use the column's default", which is what a
/// default-constructed one says, or a value. For a nullable column T is
/// std::optional<U>, so `std::nullopt` stores NULL while `{}` or
/// `use_default` leaves the column to its default.
template <typename T>
class defaulted {
 public:
  constexpr defaulted() = default;
  constexpr defaulted(use_default_t) noexcept {}  // NOLINT(google-explicit-constructor)
  template <typename U = T>
  requires std::constructible_from<T, U&&> &&(!std::same_as<std::remove_cvref_t<U>, defaulted>)&&(
      !std::same_as<std::remove_cvref_t<U>, use_default_t>)constexpr defaulted(U&& v)
      : value_(std::in_place, std::forward<U>(v)) {}  // NOLINT(google-explicit-constructor)

  [[nodiscard]] constexpr bool is_default() const noexcept { return !value_.has_value(); }
  /// The value given; asserted not is_default().
  [[nodiscard]] constexpr const T& value() const {
    assert(value_.has_value());
    return *value_;
  }

  friend constexpr bool operator==(const defaulted&, const defaulted&) = default;

 private:
  std::optional<T> value_;
};

/// A child row with the parent row its foreign key names, from a generated
/// join helper. Parent is std::optional<P> when the foreign key may be NULL.
template <typename Child, typename Parent>
struct with_parent {
  Child child;
  Parent parent;

  friend bool operator==(const with_parent&, const with_parent&) = default;
};

namespace detail {

inline std::atomic<std::uint32_t> next_slot{0};

// A prepared statement kept by a connection; `key` tells apart the
// statements of one slot whose SQL depends on the call (an INSERT that
// leaves different columns to their defaults).
struct cache_entry {
  sqlite3_stmt* stmt = nullptr;
  bool busy = false;
  std::vector<std::uint64_t> key;
  std::unique_ptr<cache_entry> next;

  cache_entry() = default;
  cache_entry(const cache_entry&) = delete;
  cache_entry& operator=(const cache_entry&) = delete;
  ~cache_entry() {
    // Iteratively, so that a long chain does not recurse.
    std::unique_ptr<cache_entry> rest = std::move(next);
    while (rest) rest = std::move(rest->next);
    sqlite3_finalize(stmt);
  }
};

// The heap part of a database, so that statements borrowed from its cache
// stay valid when the database object moves.
struct connection {
  sqlite3* db = nullptr;
  std::vector<std::unique_ptr<cache_entry>> cache;  // by slot; null when never used
  std::size_t cached = 0;                           // prepared statements in `cache`

  connection() = default;
  connection(const connection&) = delete;
  connection& operator=(const connection&) = delete;
  ~connection() {
    cache.clear();  // finalizes every cached statement before the close
    sqlite3_close_v2(db);
  }
};

// SQLite's message and extended code for the failure `rc` on `db`.
inline error make_error(sqlite3* db, int rc) {
  error e;
  e.code = rc;
  if (db != nullptr) {
    const int extended = sqlite3_extended_errcode(db);
    if ((extended & 0xff) == (rc & 0xff)) e.code = extended;
    e.message = sqlite3_errmsg(db);
  }
  if (e.message.empty() || e.message == "not an error") e.message = sqlite3_errstr(rc);
  return e;
}

}  // namespace detail

/// A process-wide number for one statement of generated code, dense from 0:
/// its place in every connection's statement cache. Generated code takes one
/// per statement, once, in a function-local static; bindings of different
/// schemas in one process get different numbers, so they share connections.
inline std::uint32_t new_slot() noexcept { return detail::next_slot.fetch_add(1, std::memory_order_relaxed); }

/// A prepared statement: owned (finalized on destruction) or borrowed from a
/// connection's cache (reset on destruction, so it holds no lock once the
/// caller is done). Move-only. Errors are sticky: a failed prepare or bind
/// makes the binds that follow no-ops and is returned by the next step() or
/// run(), so a call site binds everything and checks once. Bind positions
/// count from 1 and column positions from 0, as in SQLite.
class statement {
 public:
  statement() = default;
  statement(const statement&) = delete;
  statement& operator=(const statement&) = delete;
  statement(statement&& other) noexcept
      : stmt_(std::exchange(other.stmt_, nullptr)),
        entry_(std::exchange(other.entry_, nullptr)),
        rc_(other.rc_),
        message_(std::move(other.message_)) {}
  statement& operator=(statement&& other) noexcept {
    if (this != &other) {
      release();
      stmt_ = std::exchange(other.stmt_, nullptr);
      entry_ = std::exchange(other.entry_, nullptr);
      rc_ = other.rc_;
      message_ = std::move(other.message_);
    }
    return *this;
  }
  ~statement() { release(); }

  /// A statement that failed before it existed (prepare failed).
  [[nodiscard]] static statement failed(error e) {
    statement s;
    s.rc_ = e.code == SQLITE_OK ? SQLITE_ERROR : e.code;
    s.message_ = std::move(e.message);
    return s;
  }
  /// Takes ownership of `stmt` (may be null: a statement without SQL).
  [[nodiscard]] static statement owned(sqlite3_stmt* stmt) noexcept {
    statement s;
    s.stmt_ = stmt;
    return s;
  }

  [[nodiscard]] sqlite3_stmt* handle() const noexcept { return stmt_; }
  /// No failure so far.
  [[nodiscard]] bool ok() const noexcept { return rc_ == SQLITE_OK; }

  // ---- binding ----
  void bind_null(int i) noexcept {
    if (rc_ == SQLITE_OK) check(sqlite3_bind_null(stmt_, i));
  }
  void bind_int64(int i, std::int64_t v) noexcept {
    if (rc_ == SQLITE_OK) check(sqlite3_bind_int64(stmt_, i, v));
  }
  void bind_double(int i, double v) noexcept {
    if (rc_ == SQLITE_OK) check(sqlite3_bind_double(stmt_, i, v));
  }
  /// Copies the text (SQLITE_TRANSIENT), bytes as given: embedded NULs stay.
  void bind_text(int i, std::string_view v) noexcept {
    if (rc_ == SQLITE_OK) {
      // A null pointer would bind NULL; an empty string stays an empty string.
      check(
          sqlite3_bind_text64(stmt_, i, v.data() != nullptr ? v.data() : "", v.size(), SQLITE_TRANSIENT, SQLITE_UTF8));
    }
  }
  /// Copies the bytes; an empty span binds a zero-length BLOB, not NULL.
  void bind_blob(int i, std::span<const std::byte> v) noexcept {
    if (rc_ == SQLITE_OK) {
      check(v.empty() ? sqlite3_bind_zeroblob(stmt_, i, 0)
                      : sqlite3_bind_blob64(stmt_, i, v.data(), v.size(), SQLITE_TRANSIENT));
    }
  }

  /// Binds by the C++ type: integers (bool as 0 / 1), floating point, text
  /// (std::string, std::string_view, const char*), blob, value,
  /// std::optional<T> (nullopt binds NULL), std::nullopt and nullptr (NULL).
  template <typename T>
  void bind(int i, const T& v) noexcept {
    if constexpr (std::same_as<T, std::nullopt_t> || std::same_as<T, std::nullptr_t>) {
      bind_null(i);
    } else if constexpr (std::same_as<T, bool>) {
      bind_int64(i, v ? 1 : 0);
    } else if constexpr (std::integral<T>) {
      static_assert(sizeof(T) < sizeof(std::int64_t) || std::is_signed_v<T>,
                    "an unsigned 64-bit integer does not fit SQLite's INTEGER: convert it explicitly");
      bind_int64(i, static_cast<std::int64_t>(v));
    } else if constexpr (std::floating_point<T>) {
      bind_double(i, static_cast<double>(v));
    } else if constexpr (std::convertible_to<const T&, std::string_view>) {
      bind_text(i, std::string_view(v));
    } else if constexpr (std::convertible_to<const T&, std::span<const std::byte>>) {
      bind_blob(i, std::span<const std::byte>(v));
    } else if constexpr (std::same_as<T, value>) {
      std::visit([&](const auto& alt) { bind(i, alt); }, v);
    } else if constexpr (requires {
                           v.has_value();
                           *v;
                         }) {
      if (v.has_value()) {
        bind(i, *v);
      } else {
        bind_null(i);
      }
    } else {
      static_assert(sizeof(T) == 0, "migc::bindings::statement::bind: no binding for this type");
    }
  }

  // ---- running ----
  /// One step: true when a row is ready to read, false when done. Returns
  /// the first failure of prepare, bind or step.
  result<bool> step() noexcept {
    if (rc_ != SQLITE_OK) return error{rc_, message_.empty() ? std::string(sqlite3_errstr(rc_)) : message_};
    const int rc = sqlite3_step(stmt_);
    if (rc == SQLITE_ROW) return true;
    if (rc == SQLITE_DONE) return false;
    return detail::make_error(sqlite3_db_handle(stmt_), rc);
  }
  /// Steps to the end, discarding rows.
  result<void> run() noexcept {
    for (;;) {
      result<bool> r = step();
      if (!r) return std::move(r).error();
      if (!*r) return {};
    }
  }

  // ---- reading the current row ----
  [[nodiscard]] bool is_null(int col) const noexcept { return sqlite3_column_type(stmt_, col) == SQLITE_NULL; }
  [[nodiscard]] std::int64_t column_int64(int col) const noexcept { return sqlite3_column_int64(stmt_, col); }
  [[nodiscard]] double column_double(int col) const noexcept { return sqlite3_column_double(stmt_, col); }
  /// Valid until the next step, reset or destruction.
  [[nodiscard]] std::string_view column_text(int col) const noexcept {
    const auto* p = reinterpret_cast<const char*>(sqlite3_column_text(stmt_, col));
    const int n = sqlite3_column_bytes(stmt_, col);
    return p == nullptr ? std::string_view() : std::string_view(p, static_cast<std::size_t>(n));
  }
  /// Valid until the next step, reset or destruction.
  [[nodiscard]] std::span<const std::byte> column_blob(int col) const noexcept {
    const auto* p = static_cast<const std::byte*>(sqlite3_column_blob(stmt_, col));
    const int n = sqlite3_column_bytes(stmt_, col);
    return p == nullptr ? std::span<const std::byte>() : std::span<const std::byte>(p, static_cast<std::size_t>(n));
  }

  /// Reads column `col` into `out` by its type: std::int64_t, double, bool,
  /// std::string, blob, value, or std::optional of one of them (NULL gives
  /// nullopt). A NULL read into a non-optional gives 0, "" or an empty blob
  /// (SQLite's conversions), and into a value the integer 0.
  template <typename T>
  void read(int col, T& out) const {
    if constexpr (std::same_as<T, bool>) {
      out = sqlite3_column_int64(stmt_, col) != 0;
    } else if constexpr (std::same_as<T, std::int64_t>) {
      out = sqlite3_column_int64(stmt_, col);
    } else if constexpr (std::same_as<T, double>) {
      out = sqlite3_column_double(stmt_, col);
    } else if constexpr (std::same_as<T, std::string>) {
      out.assign(column_text(col));
    } else if constexpr (std::same_as<T, blob>) {
      std::span<const std::byte> b = column_blob(col);
      out.assign(b.begin(), b.end());
    } else if constexpr (std::same_as<T, value>) {
      switch (sqlite3_column_type(stmt_, col)) {
        case SQLITE_FLOAT:
          out = sqlite3_column_double(stmt_, col);
          break;
        case SQLITE_TEXT:
          out = std::string(column_text(col));
          break;
        case SQLITE_BLOB: {
          std::span<const std::byte> b = column_blob(col);
          out = blob(b.begin(), b.end());
          break;
        }
        default:
          out = static_cast<std::int64_t>(sqlite3_column_int64(stmt_, col));
          break;
      }
    } else if constexpr (requires {
                           out.reset();
                           out.emplace();
                         }) {
      if (is_null(col)) {
        out.reset();
      } else {
        read(col, out.emplace());
      }
    } else {
      static_assert(sizeof(T) == 0, "migc::bindings::statement::read: no conversion to this type");
    }
  }
  /// The value of column `col` as a T (see read).
  template <typename T>
  [[nodiscard]] T get(int col) const {
    T out{};
    read(col, out);
    return out;
  }

 private:
  friend class database;

  // Binding fails only with SQLITE_RANGE, SQLITE_TOOBIG or SQLITE_NOMEM,
  // whose message is the code's own: step() words it then.
  void check(int rc) noexcept {
    if (rc != SQLITE_OK) rc_ = rc;
  }

  void release() noexcept {
    if (entry_ != nullptr) {
      // Reset only: the next use binds every parameter again, and resetting
      // ends the read or write the statement had started.
      sqlite3_reset(stmt_);
      entry_->busy = false;
    } else {
      sqlite3_finalize(stmt_);
    }
    stmt_ = nullptr;
    entry_ = nullptr;
  }

  sqlite3_stmt* stmt_ = nullptr;
  detail::cache_entry* entry_ = nullptr;  // set when borrowed from a cache
  int rc_ = SQLITE_OK;
  std::string message_;
};

/// A connection to an SQLite database, with extended result codes on and a
/// cache of prepared statements for generated code. Move-only; closing it
/// finalizes the cached statements. Statements borrowed from the cache must
/// be gone before the database is destroyed.
class database {
 public:
  /// Not open: only open(), moving into it and is_open() are allowed.
  database() = default;

  /// Opens (by default creating) the database at `path`; ":memory:" is an
  /// in-memory database. `flags` are sqlite3_open_v2's.
  [[nodiscard]] static result<database> open(const std::string& path,
                                             int flags = SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE) {
    sqlite3* handle = nullptr;
    const int rc = sqlite3_open_v2(path.c_str(), &handle, flags, nullptr);
    if (rc != SQLITE_OK) {
      error e = detail::make_error(handle, rc);
      sqlite3_close_v2(handle);
      return e;
    }
    sqlite3_extended_result_codes(handle, 1);
    database db;
    db.state_ = std::make_unique<detail::connection>();
    db.state_->db = handle;
    return db;
  }

  [[nodiscard]] bool is_open() const noexcept { return state_ != nullptr; }
  /// The SQLite handle, for anything this header does not cover.
  [[nodiscard]] sqlite3* handle() const noexcept { return state_ ? state_->db : nullptr; }

  /// Runs every statement of `sql`, discarding rows. For fixed SQL only:
  /// values belong in bound parameters (prepare()).
  result<void> exec(const std::string& sql) {
    assert(is_open() && "use of a database that is not open");
    char* message = nullptr;
    const int rc = sqlite3_exec(handle(), sql.c_str(), nullptr, nullptr, &message);
    if (rc == SQLITE_OK) return {};
    error e = detail::make_error(handle(), rc);
    if (message != nullptr) e.message = message;
    sqlite3_free(message);
    return e;
  }

  /// Prepares the first statement of `sql` as an owned statement (finalized
  /// when it goes). A failure is returned by the statement's first step.
  [[nodiscard]] statement prepare(std::string_view sql) const {
    assert(is_open() && "use of a database that is not open");
    sqlite3_stmt* stmt = nullptr;
    const int rc = sqlite3_prepare_v2(handle(), sql.data(), static_cast<int>(sql.size()), &stmt, nullptr);
    if (rc != SQLITE_OK) return statement::failed(detail::make_error(handle(), rc));
    if (stmt == nullptr) return statement::failed(error{SQLITE_MISUSE, "no SQL statement to prepare"});
    return statement::owned(stmt);
  }

  /// The statement of `slot` (new_slot()), prepared from `sql` on first use
  /// and kept until the connection closes; borrowed, and reset when the
  /// returned statement goes. `sql` must be the same for every call with the
  /// same slot. When the cached statement is in use, a fresh owned one is
  /// prepared instead.
  [[nodiscard]] statement cached(std::uint32_t slot, std::string_view sql) {
    detail::cache_entry* e = entry(slot);
    if (e->stmt != nullptr && !e->busy) return borrow(e);
    if (e->stmt == nullptr) {
      statement s = prepare(sql);
      if (!s.ok() || s.stmt_ == nullptr) return s;
      e->stmt = std::exchange(s.stmt_, nullptr);
      ++state_->cached;
      return borrow(e);
    }
    return prepare(sql);
  }

  /// Same for a slot whose SQL varies with `key`: the statement cached for
  /// this key, else one prepared from make_sql() (called only then).
  template <typename MakeSql>
  [[nodiscard]] statement cached(std::uint32_t slot, std::span<const std::uint64_t> key, MakeSql&& make_sql) {
    detail::cache_entry* e = entry(slot);
    detail::cache_entry* last = e;
    for (detail::cache_entry* c = e; c != nullptr; c = c->next.get()) {
      if (c->stmt != nullptr && std::equal(c->key.begin(), c->key.end(), key.begin(), key.end())) {
        if (!c->busy) return borrow(c);
        return prepare(std::forward<MakeSql>(make_sql)());
      }
      last = c;
    }
    statement s = prepare(std::forward<MakeSql>(make_sql)());
    if (!s.ok() || s.stmt_ == nullptr) return s;
    detail::cache_entry* target = last;
    if (last->stmt != nullptr) {
      last->next = std::make_unique<detail::cache_entry>();
      target = last->next.get();
    }
    target->stmt = std::exchange(s.stmt_, nullptr);
    target->key.assign(key.begin(), key.end());
    ++state_->cached;
    return borrow(target);
  }

  /// How many statements the cache holds (for tests and diagnostics).
  [[nodiscard]] std::size_t cached_statement_count() const noexcept { return state_ ? state_->cached : 0; }

  /// The rowid of the most recent successful INSERT on this connection.
  [[nodiscard]] std::int64_t last_insert_rowid() const noexcept { return sqlite3_last_insert_rowid(handle()); }
  /// Rows changed by the most recent INSERT, UPDATE or DELETE.
  [[nodiscard]] std::int64_t changes() const noexcept { return sqlite3_changes64(handle()); }
  /// A transaction is open (BEGIN without its COMMIT or ROLLBACK yet).
  [[nodiscard]] bool in_transaction() const noexcept { return sqlite3_get_autocommit(handle()) == 0; }

 private:
  detail::cache_entry* entry(std::uint32_t slot) {
    assert(state_ != nullptr && "use of a database that is not open");
    std::vector<std::unique_ptr<detail::cache_entry>>& cache = state_->cache;
    if (slot >= cache.size()) cache.resize(std::max<std::size_t>(slot + 1, cache.size() * 2));
    std::unique_ptr<detail::cache_entry>& e = cache[slot];
    if (!e) e = std::make_unique<detail::cache_entry>();
    return e.get();
  }

  static statement borrow(detail::cache_entry* e) noexcept {
    statement s;
    s.stmt_ = e->stmt;
    s.entry_ = e;
    e->busy = true;
    return s;
  }

  std::unique_ptr<detail::connection> state_;
};

namespace detail {

template <typename R>
struct is_result : std::false_type {};
template <typename T>
struct is_result<result<T>> : std::true_type {};

// Runs one of the fixed transaction statements through the cache.
inline result<void> run_fixed(database& db, std::uint32_t slot, std::string_view sql) {
  statement s = db.cached(slot, sql);
  return s.run();
}

struct transaction_slots {
  std::uint32_t begin = new_slot();
  std::uint32_t commit = new_slot();
  std::uint32_t rollback = new_slot();
  std::uint32_t savepoint = new_slot();
  std::uint32_t release = new_slot();
  std::uint32_t rollback_to = new_slot();
};

inline const transaction_slots& tx_slots() {
  static const transaction_slots slots;
  return slots;
}

// Undoes the transaction or savepoint after a failure; SQLite may already
// have rolled back (some errors do), which is not a second failure.
inline void undo(database& db, bool nested) {
  const transaction_slots& slots = tx_slots();
  if (!db.in_transaction()) return;
  if (nested) {
    (void)run_fixed(db, slots.rollback_to, "ROLLBACK TO migc_bindings");
    (void)run_fixed(db, slots.release, "RELEASE migc_bindings");
  } else {
    (void)run_fixed(db, slots.rollback, "ROLLBACK");
  }
}

}  // namespace detail

/// Runs `f(db)`, which returns a result<T>, in a transaction: BEGIN (or, in a
/// transaction already, a SAVEPOINT, so calls nest), then COMMIT (RELEASE)
/// when f returns a value and ROLLBACK (ROLLBACK TO) when it returns an
/// error, which is returned. A failing BEGIN or COMMIT is returned as the
/// error, after rolling back. If f throws, the transaction is rolled back
/// and the exception goes on to the caller.
template <typename F>
auto transaction(database& db, F&& f) -> std::invoke_result_t<F&, database&> {
  using R = std::invoke_result_t<F&, database&>;
  static_assert(detail::is_result<R>::value, "migc::bindings::transaction: f must return a migc::bindings::result");
  const detail::transaction_slots& slots = detail::tx_slots();
  const bool nested = db.in_transaction();
  if (result<void> begun = nested ? detail::run_fixed(db, slots.savepoint, "SAVEPOINT migc_bindings")
                                  : detail::run_fixed(db, slots.begin, "BEGIN");
      !begun) {
    return std::move(begun).error();
  }
#if defined(__cpp_exceptions)
  try {
#endif
    R r = f(db);
    if (!r) {
      detail::undo(db, nested);
      return r;
    }
    result<void> done = nested ? detail::run_fixed(db, slots.release, "RELEASE migc_bindings")
                               : detail::run_fixed(db, slots.commit, "COMMIT");
    if (!done) {
      detail::undo(db, nested);
      return std::move(done).error();
    }
    return r;
#if defined(__cpp_exceptions)
  } catch (...) {
    detail::undo(db, nested);
    throw;
  }
#endif
}

// ---- helpers for generated code ----

/// Every row of `s`, each read by `read`. One named result, so that it is
/// returned without a copy or move (NRVO).
template <typename T>
result<std::vector<T>> read_all(statement& s, void (*read)(const statement&, T&, int)) {
  result<std::vector<T>> rows(std::in_place);
  for (;;) {
    result<bool> r = s.step();
    if (!r) {
      rows = std::move(r).error();
      break;
    }
    if (!*r) break;
    read(s, rows->emplace_back(), 0);
  }
  return rows;
}

/// The first row of `s`, if any, read by `read`.
template <typename T>
result<std::optional<T>> read_first(statement& s, void (*read)(const statement&, T&, int)) {
  result<std::optional<T>> row(std::in_place);
  result<bool> r = s.step();
  if (!r) {
    row = std::move(r).error();
  } else if (*r) {
    read(s, row->emplace(), 0);
  }
  return row;
}

/// The rows changed by the statement `s` runs, after running it.
inline result<std::int64_t> run_changes(statement& s) {
  result<void> r = s.run();
  if (!r) return std::move(r).error();
  return sqlite3_changes64(sqlite3_db_handle(s.handle()));
}

/// "INSERT INTO <table> (<col>, ...) VALUES (?1, ...)" over the columns
/// whose bit in `omitted` is clear (bit i of word i / 64 for column i), or
/// "INSERT INTO <table> DEFAULT VALUES" when all are omitted. Names come
/// quoted.
inline std::string insert_sql(std::string_view quoted_table, std::span<const std::string_view> quoted_columns,
                              std::span<const std::uint64_t> omitted) {
  std::string sql = "INSERT INTO ";
  sql += quoted_table;
  std::string values;
  int n = 0;
  for (std::size_t i = 0; i < quoted_columns.size(); ++i) {
    const bool skip = i / 64 < omitted.size() && ((omitted[i / 64] >> (i % 64)) & 1U) != 0;
    if (skip) continue;
    sql += n == 0 ? " (" : ", ";
    sql += quoted_columns[i];
    values += n == 0 ? "?" : ", ?";
    values += std::to_string(++n);
  }
  if (n == 0) return sql + " DEFAULT VALUES";
  return sql + ") VALUES (" + values + ")";
}

}  // namespace migc::bindings
