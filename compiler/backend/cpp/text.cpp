// Text helpers of the C++ back end: SQL identifier quoting, C++ string
// literals and comments that survive any SQL name, the C++ types of
// columns, and the frame every generated function shares.
#include <fmt/format.h>

#include "compiler/ast/names.hpp"
#include "compiler/backend/cpp/cpp_internal.hpp"

namespace migc::backend::cpp::detail {

namespace {

bool printable_ascii(unsigned char c) noexcept { return c >= 0x20 && c < 0x7f; }

}  // namespace

std::string quote_sql(std::string_view name) { return ast::quote_identifier(name); }

std::string cpp_literal(std::string_view text) {
  std::string out = "\"";
  for (char ch : text) {
    const auto c = static_cast<unsigned char>(ch);
    if (c == '"' || c == '\\') {
      out += '\\';
      out += ch;
    } else if (printable_ascii(c)) {
      out += ch;
    } else {
      // Always three digits, so that a digit after it cannot extend it.
      out += fmt::format("\\{:03o}", c);
    }
  }
  out += '"';
  return out;
}

std::string comment_text(std::string_view text) {
  std::string out;
  for (char ch : text) {
    const auto c = static_cast<unsigned char>(ch);
    if (printable_ascii(c)) {
      out += ch;
    } else {
      out += fmt::format("\\x{:02X}", c);
    }
  }
  if (!out.empty() && out.back() == '\\') out.replace(out.size() - 1, 1, "\\x5C");
  return out;
}

std::string_view value_cpp_type(model::value_type t) noexcept {
  switch (t) {
    case model::value_type::integer:
      return "std::int64_t";
    case model::value_type::real:
    case model::value_type::numeric:
      return "double";
    case model::value_type::text:
    case model::value_type::date_time:
      return "std::string";
    case model::value_type::blob:
      return "migc::bindings::blob";
    case model::value_type::boolean:
      return "bool";
    case model::value_type::any:
      break;
  }
  return "migc::bindings::value";
}

std::string row_member_type(const model::field& f) {
  if (f.nullable) return fmt::format("std::optional<{}>", value_cpp_type(f.type));
  return std::string(value_cpp_type(f.type));
}

std::string insert_member_type(const model::field& f) {
  if (f.has_default) return fmt::format("migc::bindings::defaulted<{}>", row_member_type(f));
  return row_member_type(f);
}

std::string_view parameter_type(model::value_type t) noexcept {
  switch (t) {
    case model::value_type::text:
    case model::value_type::date_time:
      return "std::string_view";
    case model::value_type::blob:
      return "std::span<const std::byte>";
    case model::value_type::any:
      return "const migc::bindings::value&";
    default:
      return value_cpp_type(t);
  }
}

void print_function(output& out, std::string_view doc, std::string_view result, std::string_view name,
                    std::string_view parameters, std::string_view body) {
  const std::string signature =
      fmt::format("migc::bindings::result<{}> {}(migc::bindings::database& db{})", result, name, parameters);
  out.header += fmt::format("/// {}\n{};\n", doc, signature);
  out.source += fmt::format("{} {{\n{}}}\n\n", signature, body);
}

std::string prepare_statement(std::string_view sql) {
  return fmt::format(
      "  static const std::uint32_t slot_ = migc::bindings::new_slot();\n"
      "  migc::bindings::statement stmt_ = db.cached(slot_, {});\n",
      cpp_literal(sql));
}

}  // namespace migc::backend::cpp::detail
