// The SQL of the generated operations. Every identifier is quoted
// (quote_sql) and every value is a numbered parameter ?N, bound by the
// generated code in the same order; nothing the user stores is ever part of
// the SQL text.
#include <cassert>
#include <fmt/format.h>

#include "compiler/backend/cpp/cpp_internal.hpp"

namespace migc::backend::cpp::detail {

namespace {

std::string column(const model::relation& r, std::uint32_t field, std::string_view alias) {
  assert(field < r.fields.size());
  if (alias.empty()) return quote_sql(r.fields[field].name);
  return fmt::format("{}.{}", alias, quote_sql(r.fields[field].name));
}

}  // namespace

std::string select_list(const model::relation& r, std::string_view alias) {
  std::string out;
  for (std::uint32_t i = 0; i < r.fields.size(); ++i) {
    if (i > 0) out += ", ";
    out += column(r, i, alias);
  }
  return out;
}

std::string select_from(const model::relation& r) {
  // A view's columns are those SQLite gives its SELECT, in order; naming
  // them again could pick the wrong one of two result columns of one name.
  if (r.kind == model::relation_kind::view) return "SELECT * FROM " + quote_sql(r.name);
  return fmt::format("SELECT {} FROM {}", select_list(r), quote_sql(r.name));
}

std::string where_equal(const model::relation& r, const std::vector<std::uint32_t>& fields, int first_parameter,
                        std::string_view alias) {
  std::string out;
  for (std::size_t i = 0; i < fields.size(); ++i) {
    if (i > 0) out += " AND ";
    out += fmt::format("{} = ?{}", column(r, fields[i], alias), first_parameter + static_cast<int>(i));
  }
  return out;
}

std::string order_by_key(const model::relation& r, std::string_view alias) {
  if (!r.primary_key) return "";
  std::string out = " ORDER BY ";
  for (std::size_t i = 0; i < r.primary_key->fields.size(); ++i) {
    if (i > 0) out += ", ";
    out += column(r, r.primary_key->fields[i], alias);
  }
  return out;
}

std::string join_sql(const model::model& m, const model::relation& child, const parent_link& link) {
  const model::relation& parent = m.relations[link.fk->parent];
  std::string on;
  for (std::size_t i = 0; i < link.fk->fields.size(); ++i) {
    if (i > 0) on += " AND ";
    on +=
        fmt::format("{} = {}", column(parent, link.fk->parent_fields[i], "p"), column(child, link.fk->fields[i], "c"));
  }
  return fmt::format("SELECT {}, {} FROM {} AS c {}JOIN {} AS p ON {}{}", select_list(child, "c"),
                     select_list(parent, "p"), quote_sql(child.name), link.nullable ? "LEFT " : "",
                     quote_sql(parent.name), on, order_by_key(child, "c"));
}

std::vector<std::uint32_t> insertable_fields(const model::relation& r) {
  std::vector<std::uint32_t> out;
  for (std::uint32_t i = 0; i < r.fields.size(); ++i) {
    if (!r.fields[i].read_only) out.push_back(i);
  }
  return out;
}

std::vector<std::uint32_t> updatable_fields(const model::relation& r) {
  std::vector<std::uint32_t> out;
  for (std::uint32_t i = 0; i < r.fields.size(); ++i) {
    if (!r.fields[i].read_only && !r.fields[i].primary_key) out.push_back(i);
  }
  return out;
}

std::string update_sql(const model::relation& r) {
  assert(r.primary_key);
  const std::vector<std::uint32_t> set = updatable_fields(r);
  std::string out = fmt::format("UPDATE {} SET ", quote_sql(r.name));
  for (std::size_t i = 0; i < set.size(); ++i) {
    if (i > 0) out += ", ";
    out += fmt::format("{} = ?{}", column(r, set[i], {}), i + 1);
  }
  out += " WHERE " + where_equal(r, r.primary_key->fields, static_cast<int>(set.size()) + 1);
  return out;
}

std::string delete_sql(const model::relation& r) {
  assert(r.primary_key);
  return fmt::format("DELETE FROM {} WHERE {}", quote_sql(r.name), where_equal(r, r.primary_key->fields));
}

std::string insert_sql(const model::relation& r) {
  const std::vector<std::uint32_t> cols = insertable_fields(r);
  assert(!cols.empty());
  std::string names;
  std::string values;
  for (std::size_t i = 0; i < cols.size(); ++i) {
    if (i > 0) {
      names += ", ";
      values += ", ";
    }
    names += column(r, cols[i], {});
    values += fmt::format("?{}", i + 1);
  }
  return fmt::format("INSERT INTO {} ({}) VALUES ({})", quote_sql(r.name), names, values);
}

}  // namespace migc::backend::cpp::detail
