// The writing operations of a relation's namespace: insert, update (every
// column that is neither key nor generated, by primary key) and remove (by
// primary key). An insert whose row leaves columns to their DEFAULT runs an
// INSERT without those columns; the support header caches one statement per
// combination met.
#include <fmt/format.h>

#include "compiler/backend/cpp/cpp_internal.hpp"

namespace migc::backend::cpp::detail {

namespace {

// The end of an insert: the new rowid, or nothing for WITHOUT ROWID.
std::string insert_return(const model::relation& rel) {
  if (!rel.has_rowid) return "  return stmt_.run();\n";
  return "  if (migc::bindings::result<void> r_ = stmt_.run(); !r_) return std::move(r_).error();\n"
         "  return db.last_insert_rowid();\n";
}

std::string insert_body(const relation_names& r) {
  const model::relation& rel = *r.rel;
  const std::vector<std::uint32_t> cols = insertable_fields(rel);
  bool any_default = false;
  for (std::uint32_t f : cols) any_default = any_default || rel.fields[f].has_default;

  if (!any_default) {
    std::string body = prepare_statement(insert_sql(rel));
    for (std::size_t i = 0; i < cols.size(); ++i) {
      body += fmt::format("  stmt_.bind({}, row.{});\n", i + 1, r.members[cols[i]]);
    }
    return body + insert_return(rel);
  }

  std::string body = "  static const std::uint32_t slot_ = migc::bindings::new_slot();\n";
  // Bit i of omitted_ (word i / 64) set: column i of columns_ is left to its
  // default. The bits are also the cache key of the statement.
  body += "  static constexpr std::string_view columns_[] = {";
  for (std::size_t i = 0; i < cols.size(); ++i) {
    body += fmt::format("{}{}", i > 0 ? ", " : "", cpp_literal(quote_sql(rel.fields[cols[i]].name)));
  }
  body += "};\n";
  body += fmt::format("  std::uint64_t omitted_[{}] = {{}};\n", (cols.size() + 63) / 64);
  for (std::size_t i = 0; i < cols.size(); ++i) {
    if (!rel.fields[cols[i]].has_default) continue;
    body += fmt::format("  if (row.{}.is_default()) omitted_[{}] |= std::uint64_t{{1}} << {};\n", r.members[cols[i]],
                        i / 64, i % 64);
  }
  body += fmt::format(
      "  migc::bindings::statement stmt_ = db.cached(slot_, omitted_, [&] {{\n"
      "    return migc::bindings::insert_sql({}, columns_, omitted_);\n"
      "  }});\n"
      "  int n_ = 0;\n",
      cpp_literal(quote_sql(rel.name)));
  for (std::uint32_t f : cols) {
    const std::string& member = r.members[f];
    if (rel.fields[f].has_default) {
      body += fmt::format("  if (!row.{0}.is_default()) stmt_.bind(++n_, row.{0}.value());\n", member);
    } else {
      body += fmt::format("  stmt_.bind(++n_, row.{});\n", member);
    }
  }
  return body + insert_return(rel);
}

std::string changed_return() {
  return "  migc::bindings::result<std::int64_t> n_ = migc::bindings::run_changes(stmt_);\n"
         "  if (!n_) return std::move(n_).error();\n"
         "  return *n_ > 0;\n";
}

}  // namespace

void print_writes(const relation_names& r, output& out) {
  const model::relation& rel = *r.rel;
  if (r.insert) {
    print_function(out,
                   rel.has_rowid ? "Inserts `row`; returns its rowid."
                                 : "Inserts `row` (a WITHOUT ROWID table has no rowid to return).",
                   rel.has_rowid ? "std::int64_t" : "void", "insert", fmt::format(", const {}& row", r.insert_row),
                   insert_body(r));
  }
  if (r.update) {
    const std::vector<std::uint32_t> set = updatable_fields(rel);
    std::string body = prepare_statement(update_sql(rel));
    int n = 0;
    for (std::uint32_t f : set) body += fmt::format("  stmt_.bind({}, row.{});\n", ++n, r.members[f]);
    for (std::uint32_t f : rel.primary_key->fields)
      body += fmt::format("  stmt_.bind({}, row.{});\n", ++n, r.members[f]);
    print_function(out,
                   "Sets every column but the key and generated ones to those of `row`, in the row with row's "
                   "primary key; false when there is none.",
                   "bool", "update", fmt::format(", const {}& row", r.row), body + changed_return());
  }
  if (r.get) {
    const std::vector<std::uint32_t>& key = rel.primary_key->fields;
    const std::vector<std::string> names = parameter_names(r, key);
    std::string parameters;
    std::string body = prepare_statement(delete_sql(rel));
    for (std::size_t i = 0; i < key.size(); ++i) {
      parameters += fmt::format(", {} {}", parameter_type(rel.fields[key[i]].type), names[i]);
      body += fmt::format("  stmt_.bind({}, {});\n", i + 1, names[i]);
    }
    print_function(out, "Deletes the row with this primary key; false when there is none.", "bool", "remove",
                   parameters, body + changed_return());
  }
}

}  // namespace migc::backend::cpp::detail
