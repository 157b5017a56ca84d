// Fingerprints: the one hash migc records and compares (the schema hash in
// _migc_history and plans, the input hash of generated bindings). FNV-1a,
// 64 bits: stable across platforms and releases, not cryptographic.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include "compiler/driver/driver.hpp"

namespace migc::workflow {

/// FNV-1a over several pieces in turn. add() hashes the bytes of a piece
/// alone; add_piece() follows them with a 0xff byte, which no UTF-8 text
/// contains, so that ("ab", "c") and ("a", "bc") differ.
class fnv1a {
 public:
  fnv1a& add(std::string_view bytes) noexcept;
  fnv1a& add_piece(std::string_view piece) noexcept;
  [[nodiscard]] std::uint64_t value() const noexcept { return h_; }
  /// The value as 16 lowercase hex digits.
  [[nodiscard]] std::string hex() const;

 private:
  std::uint64_t h_ = 14695981039346656037ULL;
};

/// The FNV-1a fingerprint of `text` as 16 hex digits.
[[nodiscard]] std::string fingerprint(std::string_view text);

/// The fingerprint of a compiled schema: of its canonical DDL in creation
/// order (driver::ordered_ddl), so layout and comments do not change it.
[[nodiscard]] std::string schema_fingerprint(const driver::compilation& schema);

}  // namespace migc::workflow
