// RAII wrappers over sqlite3 and sqlite3_stmt; every failure becomes an
// rt::error carrying the result code, SQLite's message and the SQL text.
#include "runtime/sqlite.hpp"

#include <climits>

namespace migc::rt {

std::string to_string(const error& e) {
  std::string s = "sqlite error " + std::to_string(e.code) + " (" + sqlite3_errstr(e.code) + ")";
  if (!e.message.empty()) s += ": " + e.message;
  if (!e.sql.empty()) s += " in '" + e.sql + "'";
  return s;
}

// ---- statement ----

statement::~statement() { sqlite3_finalize(handle_); }

statement& statement::operator=(statement&& other) noexcept {
  if (this != &other) {
    sqlite3_finalize(handle_);
    handle_ = std::exchange(other.handle_, nullptr);
  }
  return *this;
}

error statement::make_error(int code) const {
  assert(handle_ != nullptr);
  sqlite3* db = sqlite3_db_handle(handle_);
  return {code, sqlite3_errmsg(db), std::string(sql())};
}

result<void> statement::check_bind(int code) const {
  if (code == SQLITE_OK) return {};
  return make_error(code);
}

result<void> statement::bind_int64(int index, std::int64_t value) {
  return check_bind(sqlite3_bind_int64(handle_, index, value));
}

result<void> statement::bind_double(int index, double value) {
  return check_bind(sqlite3_bind_double(handle_, index, value));
}

result<void> statement::bind_text(int index, std::string_view value) {
  return check_bind(sqlite3_bind_text64(handle_, index, value.data(), value.size(), SQLITE_TRANSIENT, SQLITE_UTF8));
}

result<void> statement::bind_blob(int index, std::span<const std::byte> value) {
  if (value.empty()) return check_bind(sqlite3_bind_zeroblob(handle_, index, 0));
  return check_bind(sqlite3_bind_blob64(handle_, index, value.data(), value.size(), SQLITE_TRANSIENT));
}

result<void> statement::bind_null(int index) { return check_bind(sqlite3_bind_null(handle_, index)); }

int statement::parameter_index(const std::string& name) const {
  return sqlite3_bind_parameter_index(handle_, name.c_str());
}

int statement::parameter_count() const { return sqlite3_bind_parameter_count(handle_); }

void statement::clear_bindings() { sqlite3_clear_bindings(handle_); }

result<step_result> statement::step() {
  assert(handle_ != nullptr);
  int rc = sqlite3_step(handle_);
  if (rc == SQLITE_ROW) return step_result::row;
  if (rc == SQLITE_DONE) return step_result::done;
  return make_error(rc);
}

result<void> statement::reset() {
  int rc = sqlite3_reset(handle_);
  if (rc == SQLITE_OK) return {};
  return make_error(rc);
}

int statement::column_count() const { return sqlite3_column_count(handle_); }

std::string_view statement::column_name(int index) const {
  const char* name = sqlite3_column_name(handle_, index);
  return name != nullptr ? std::string_view(name) : std::string_view();
}

int statement::column_type(int index) const { return sqlite3_column_type(handle_, index); }

bool statement::column_is_null(int index) const { return column_type(index) == SQLITE_NULL; }

std::int64_t statement::column_int64(int index) const { return sqlite3_column_int64(handle_, index); }

double statement::column_double(int index) const { return sqlite3_column_double(handle_, index); }

std::string_view statement::column_text(int index) const {
  // Fetch the pointer before the size, as SQLite's documentation requires.
  const unsigned char* text = sqlite3_column_text(handle_, index);
  if (text == nullptr) return {};
  auto size = static_cast<std::size_t>(sqlite3_column_bytes(handle_, index));
  return {reinterpret_cast<const char*>(text), size};
}

std::span<const std::byte> statement::column_blob(int index) const {
  const void* blob = sqlite3_column_blob(handle_, index);
  if (blob == nullptr) return {};
  auto size = static_cast<std::size_t>(sqlite3_column_bytes(handle_, index));
  return {static_cast<const std::byte*>(blob), size};
}

std::string_view statement::sql() const {
  const char* text = handle_ != nullptr ? sqlite3_sql(handle_) : nullptr;
  return text != nullptr ? std::string_view(text) : std::string_view();
}

// ---- connection ----

connection::~connection() { sqlite3_close_v2(handle_); }

connection& connection::operator=(connection&& other) noexcept {
  if (this != &other) {
    sqlite3_close_v2(handle_);
    handle_ = std::exchange(other.handle_, nullptr);
  }
  return *this;
}

result<connection> connection::open(const std::string& path, int flags) {
  sqlite3* db = nullptr;
  int rc = sqlite3_open_v2(path.c_str(), &db, flags, nullptr);
  if (rc != SQLITE_OK) {
    // db may still be allocated (it holds the message) or null (no memory).
    error e{rc, db != nullptr ? sqlite3_errmsg(db) : sqlite3_errstr(rc), {}};
    e.message += ": '" + path + "'";
    sqlite3_close_v2(db);
    return e;
  }
  sqlite3_extended_result_codes(db, 1);
  return connection(db);
}

result<void> connection::exec(const std::string& sql) {
  assert(handle_ != nullptr);
  char* message = nullptr;
  int rc = sqlite3_exec(handle_, sql.c_str(), nullptr, nullptr, &message);
  if (rc == SQLITE_OK) return {};
  error e{rc, message != nullptr ? message : sqlite3_errmsg(handle_), sql};
  sqlite3_free(message);
  return e;
}

result<statement> connection::prepare(std::string_view sql) {
  assert(handle_ != nullptr);
  if (sql.size() > static_cast<std::size_t>(INT_MAX)) return error{SQLITE_TOOBIG, "statement too long", {}};
  sqlite3_stmt* stmt = nullptr;
  int rc = sqlite3_prepare_v2(handle_, sql.data(), static_cast<int>(sql.size()), &stmt, nullptr);
  if (rc != SQLITE_OK) return error{rc, sqlite3_errmsg(handle_), std::string(sql)};
  if (stmt == nullptr) return error{SQLITE_MISUSE, "no statement in the sql text", std::string(sql)};
  return statement(stmt);
}

result<void> connection::set_busy_timeout(std::chrono::milliseconds timeout) {
  assert(handle_ != nullptr);
  auto ms = timeout.count() > INT_MAX ? INT_MAX : static_cast<int>(timeout.count());
  int rc = sqlite3_busy_timeout(handle_, ms);
  if (rc == SQLITE_OK) return {};
  return error{rc, sqlite3_errmsg(handle_), {}};
}

std::string connection::errmsg() const {
  return handle_ != nullptr ? sqlite3_errmsg(handle_) : "no database connection";
}

std::int64_t connection::last_insert_rowid() const { return sqlite3_last_insert_rowid(handle_); }

std::int64_t connection::changes() const { return sqlite3_changes64(handle_); }

result<void> connection::close() {
  if (handle_ == nullptr) return {};
  int rc = sqlite3_close(handle_);
  if (rc != SQLITE_OK) return error{rc, sqlite3_errmsg(handle_), {}};
  handle_ = nullptr;
  return {};
}

}  // namespace migc::rt
