// What the binding tests share: a fresh database file in a temporary
// directory (removed afterwards) with fixtures/bindings/shop.sql loaded and
// foreign keys enforced, and Catch2 printing for binding errors.
#pragma once

#include <unistd.h>

#include "migc/bindings.hpp"
#include "shop.hpp"
#include <atomic>
#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <sstream>
#include <string>

namespace bindings_test {

inline std::string read_text(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  REQUIRE(in.good());
  return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

/// A temporary directory, unique within the process, removed on destruction.
struct temp_dir {
  std::filesystem::path path;
  temp_dir() {
    static std::atomic<int> counter{0};
    path = std::filesystem::temp_directory_path() /
           ("migc-bindings-" + std::to_string(::getpid()) + "-" + std::to_string(counter++));
    std::filesystem::create_directories(path);
  }
  ~temp_dir() {
    std::error_code ec;
    std::filesystem::remove_all(path, ec);
  }
  temp_dir(const temp_dir&) = delete;
  temp_dir& operator=(const temp_dir&) = delete;
};

/// Opens `file` and fails the test if it cannot.
inline migc::bindings::database open(const std::filesystem::path& file) {
  auto db = migc::bindings::database::open(file.string());
  INFO((db ? std::string() : db.error().message));
  REQUIRE(db.ok());
  return std::move(db).value();
}

/// shop.sql in a new database file, foreign keys on.
struct shop_db {
  temp_dir dir;
  std::filesystem::path file = dir.path / "shop.db";
  migc::bindings::database db = open(file);

  shop_db() {
    auto loaded = db.exec(read_text(MIGC_BINDINGS_SCHEMA));
    INFO((loaded ? std::string() : loaded.error().message));
    REQUIRE(loaded.ok());
    REQUIRE(db.exec("PRAGMA foreign_keys = ON").ok());
  }

  /// A user with this email and name, the other columns left to defaults.
  std::int64_t add_user(const std::string& email, const std::string& name = "someone") {
    shop::NewUser u;
    u.email = email;
    u.name = name;
    auto id = shop::users::insert(db, u);
    INFO((id ? std::string() : id.error().message));
    REQUIRE(id.ok());
    return *id;
  }
};

/// The value of `r`, failing the test with SQLite's message when it has none.
template <typename T>
T must(migc::bindings::result<T> r) {
  INFO((r ? std::string() : r.error().message));
  REQUIRE(r.ok());
  return std::move(r).value();
}
inline void must(const migc::bindings::result<void>& r) {
  INFO((r ? std::string() : r.error().message));
  REQUIRE(r.ok());
}

}  // namespace bindings_test
