// Names for generated code: SQL names split into words and rejoined in a
// language's convention, and a table that hands out names unique within one
// scope, steering clear of the language's keywords.
#pragma once

#include <set>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace migc::backend::naming {

/// The ASCII letter-and-digit words of an SQL name, lowercased: split at
/// every other character and where a lowercase letter or digit is followed
/// by an uppercase one. "order_items" → {order, items}; "OrderItem" →
/// {order, item}; "user id" → {user, id}; "HTTPStatus" → {httpstatus}.
/// Empty when the name has no ASCII letter or digit.
[[nodiscard]] std::vector<std::string> words(std::string_view sql_name);

/// {order, items} → "OrderItems".
[[nodiscard]] std::string pascal_case(std::span<const std::string> words);
/// {order, items} → "orderItems".
[[nodiscard]] std::string camel_case(std::span<const std::string> words);
/// {order, items} → "order_items".
[[nodiscard]] std::string snake_case(std::span<const std::string> words);

/// The singular of an English plural noun, conservatively: "categories" →
/// "category", "addresses" → "address", "boxes" → "box", "orders" → "order";
/// words ending in "ss", "us", "is" or not in "s" are kept ("status",
/// "analysis", "data").
[[nodiscard]] std::string singular(std::string_view word);

/// Hands out identifiers unique within one scope. A wanted name that is a
/// keyword of the language, starts with a digit or is empty is first
/// repaired with `fix` (e.g. appending "_"); a name already taken gets the
/// smallest suffix 2, 3, ... that makes it unique.
class scope {
 public:
  /// `keywords` are compared exactly (C++ and F# are case-sensitive).
  scope(std::span<const std::string_view> keywords, std::string_view keyword_suffix, std::string_view digit_prefix,
        std::string_view empty_name);

  /// Marks `name` as taken without handing it out (e.g. members of a base).
  void reserve(std::string name);
  /// A unique identifier based on `wanted`.
  [[nodiscard]] std::string claim(std::string wanted);

 private:
  std::set<std::string, std::less<>> taken_;
  std::set<std::string_view, std::less<>> keywords_;
  std::string keyword_suffix_;
  std::string digit_prefix_;
  std::string empty_name_;
};

/// The reserved words of C++20 (and alternative tokens), plus names the
/// generated code uses itself.
[[nodiscard]] std::span<const std::string_view> cpp_keywords() noexcept;
/// The keywords and reserved-for-future words of F#.
[[nodiscard]] std::span<const std::string_view> fsharp_keywords() noexcept;

}  // namespace migc::backend::naming
