// FNV-1a, and the schema fingerprint built on it.
#include "compiler/workflow/fingerprint.hpp"

#include <fmt/format.h>

#include "compiler/driver/migration.hpp"

namespace migc::workflow {

fnv1a& fnv1a::add(std::string_view bytes) noexcept {
  for (unsigned char c : bytes) {
    h_ ^= c;
    h_ *= 1099511628211ULL;
  }
  return *this;
}

fnv1a& fnv1a::add_piece(std::string_view piece) noexcept { return add(piece).add("\xff"); }

std::string fnv1a::hex() const { return fmt::format("{:016x}", h_); }

std::string fingerprint(std::string_view text) { return fnv1a().add(text).hex(); }

std::string schema_fingerprint(const driver::compilation& schema) { return fingerprint(driver::ordered_ddl(schema)); }

}  // namespace migc::workflow
