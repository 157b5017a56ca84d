// The reading operations of a relation's namespace: get (by primary key),
// get_all, find_by_<unique key>, list_by_<foreign key> and with_<role>
// (children joined with their parent). Each prints its declaration to the
// header and its definition, with the SQL, to the source.
#include <fmt/format.h>

#include "compiler/backend/cpp/cpp_internal.hpp"

namespace migc::backend::cpp::detail {

namespace {

// ", std::int64_t id, std::string_view email" for the key columns `fields`.
std::string key_parameters(const relation_names& r, const std::vector<std::uint32_t>& fields) {
  std::vector<std::string> names = parameter_names(r, fields);
  std::string out;
  for (std::size_t i = 0; i < fields.size(); ++i) {
    out += fmt::format(", {} {}", parameter_type(r.rel->fields[fields[i]].type), names[i]);
  }
  return out;
}

// "  stmt_.bind(1, id);\n" ... for the key columns `fields`.
std::string bind_parameters(const relation_names& r, const std::vector<std::uint32_t>& fields) {
  std::vector<std::string> names = parameter_names(r, fields);
  std::string out;
  for (std::size_t i = 0; i < fields.size(); ++i) out += fmt::format("  stmt_.bind({}, {});\n", i + 1, names[i]);
  return out;
}

std::string columns_text(const model::relation& r, const std::vector<std::uint32_t>& fields) {
  std::string out;
  for (std::size_t i = 0; i < fields.size(); ++i) {
    if (i > 0) out += ", ";
    out += "'" + comment_text(r.fields[fields[i]].name) + "'";
  }
  return out;
}

}  // namespace

void print_reads(const model::model& m, const std::vector<relation_names>& all, const relation_names& r, output& out) {
  const model::relation& rel = *r.rel;
  const std::string one = fmt::format("std::optional<{}>", r.row);
  const std::string many = fmt::format("std::vector<{}>", r.row);
  const std::string read_one =
      fmt::format("  return migc::bindings::read_first<{}>(stmt_, {}::read);\n", r.row, impl_namespace);
  const std::string read_many =
      fmt::format("  return migc::bindings::read_all<{}>(stmt_, {}::read);\n", r.row, impl_namespace);

  if (r.get) {
    const std::vector<std::uint32_t>& key = rel.primary_key->fields;
    print_function(
        out, "The row with this primary key, or nullopt.", one, "get", key_parameters(r, key),
        prepare_statement(select_from(rel) + " WHERE " + where_equal(rel, key)) + bind_parameters(r, key) + read_one);
  }
  print_function(out, rel.primary_key ? "Every row, by primary key." : "Every row, in the order SQLite reads them.",
                 many, "get_all", "", prepare_statement(select_from(rel) + order_by_key(rel)) + read_many);

  for (const lookup& l : r.lookups) {
    print_function(out,
                   fmt::format("The row with these values of the unique {}, or nullopt (NULL never matches).",
                               columns_text(rel, l.key->fields)),
                   one, l.function, key_parameters(r, l.key->fields),
                   prepare_statement(select_from(rel) + " WHERE " + where_equal(rel, l.key->fields)) +
                       bind_parameters(r, l.key->fields) + read_one);
  }

  for (const parent_link& link : r.links) {
    const model::relation& parent = m.relations[link.fk->parent];
    print_function(
        out,
        fmt::format("The rows whose {} reference the given '{}' row, by primary key.",
                    columns_text(rel, link.fk->fields), comment_text(parent.name)),
        many, link.list_by, key_parameters(r, link.fk->fields),
        prepare_statement(select_from(rel) + " WHERE " + where_equal(rel, link.fk->fields) + order_by_key(rel)) +
            bind_parameters(r, link.fk->fields) + read_many);
    if (link.join.empty()) continue;
    const std::string& parent_row = all[link.fk->parent].row;
    const std::string joined =
        link.nullable ? fmt::format("migc::bindings::with_parent<{}, std::optional<{}>>", r.row, parent_row)
                      : fmt::format("migc::bindings::with_parent<{}, {}>", r.row, parent_row);
    print_function(
        out,
        link.nullable
            ? fmt::format("Every row with the '{}' row its {} point to; nullopt when NULL or dangling.",
                          comment_text(parent.name), columns_text(rel, link.fk->fields))
            : fmt::format("Every row with the '{}' row its {} point to (rows whose parent is missing are left out).",
                          comment_text(parent.name), columns_text(rel, link.fk->fields)),
        fmt::format("std::vector<{}>", joined), link.join, "",
        prepare_statement(join_sql(m, rel, link)) +
            fmt::format("  return migc::bindings::read_all<{}>(stmt_, {}::read);\n", joined, impl_namespace));
  }
}

}  // namespace migc::backend::cpp::detail
