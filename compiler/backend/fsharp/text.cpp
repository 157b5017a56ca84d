// Text helpers of the F# back end: string literals, SQL identifiers,
// comment text, and the mapping of value types to F# types.
#include <fmt/format.h>
#include <iterator>

#include "compiler/ast/names.hpp"
#include "compiler/backend/fsharp/fsharp_internal.hpp"

namespace migc::backend::fsharp::detail {

std::string string_literal(std::string_view s) {
  std::string out = "\"";
  for (char c : s) {
    switch (c) {
      case '"':
        out += "\\\"";
        break;
      case '\\':
        out += "\\\\";
        break;
      case '\n':
        out += "\\n";
        break;
      case '\r':
        out += "\\r";
        break;
      case '\t':
        out += "\\t";
        break;
      default:
        // Other control characters as \uXXXX; bytes of UTF-8 sequences pass
        // through (the file is UTF-8).
        if (static_cast<unsigned char>(c) < 0x20 || c == 0x7f) {
          fmt::format_to(std::back_inserter(out), "\\u{:04x}", static_cast<unsigned>(static_cast<unsigned char>(c)));
        } else {
          out += c;
        }
    }
  }
  out += '"';
  return out;
}

std::string sql_name(std::string_view name) { return ast::quote_identifier(name); }

std::string comment_text(std::string_view s) {
  std::string out;
  for (char c : s) {
    if (static_cast<unsigned char>(c) < 0x20 || c == 0x7f) {
      out += ' ';
    } else if (c == '<') {
      out += "&lt;";
    } else if (c == '>') {
      out += "&gt;";
    } else if (c == '&') {
      out += "&amp;";
    } else {
      out += c;
    }
  }
  return out;
}

bool is_option(const model::field& f) { return f.nullable && !f.rowid_alias; }

std::string value_type(const model::field& f) {
  switch (f.type) {
    case model::value_type::integer:
      return "int64";
    case model::value_type::real:
      return "float";
    case model::value_type::numeric:
      return "decimal";
    case model::value_type::text:
      return "string";
    case model::value_type::blob:
      return "byte[]";
    case model::value_type::boolean:
      return "bool";
    case model::value_type::date_time:
      return "DateTime";
    case model::value_type::any:
      return "obj";
  }
  return "obj";
}

std::string field_type(const model::field& f) { return is_option(f) ? value_type(f) + " option" : value_type(f); }

}  // namespace migc::backend::fsharp::detail
