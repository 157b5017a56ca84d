// Shared by the C++ back end's files: the names chosen for each relation
// (names.cpp), text helpers for C++ and SQL (text.cpp), the SQL of each
// operation (sql.cpp), and the printers of the operations (read_ops.cpp,
// write_ops.cpp). Nothing here is used outside compiler/backend/cpp.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "compiler/backend/model/model.hpp"
#include "compiler/diag/diagnostic.hpp"

namespace migc::backend::cpp::detail {

// ---- names (names.cpp) ----

/// A lookup by a unique key: find_by_<columns>.
struct lookup {
  const model::key* key = nullptr;
  std::string function;
};

/// What a foreign key gives its child's namespace.
struct parent_link {
  const model::foreign_key* fk = nullptr;
  std::string list_by;    // list_by_<columns>: the children of one parent
  std::string join;       // with_<role>: each child with its parent; "" when the parent key is not unique
  bool nullable = false;  // a child column may be NULL: LEFT JOIN, std::optional parent
};

/// Everything generated for one relation, named.
struct relation_names {
  const model::relation* rel = nullptr;
  std::string row;                   // the row struct: "Customer"
  std::string insert_row;            // the insert struct: "NewCustomer"; "" when the relation takes no INSERT
  std::string space;                 // the namespace of its functions: "customers"
  std::vector<std::string> members;  // per field, the member name
  std::vector<std::string> words;    // per field, its snake_case words for function names ("" → member)
  bool insert = false;
  bool get = false;     // also remove
  bool update = false;  // a table with a key and a column to set
  std::vector<lookup> lookups;
  std::vector<parent_link> links;
};

/// Names for every relation of `m`, in m.relations order. Reports W0604 at a
/// relation or column whose name collides with an earlier one and gets a
/// numeric suffix.
[[nodiscard]] std::vector<relation_names> choose_names(const model::model& m, diag::sink& sink);

/// The namespace of generated helpers inside the user's namespace; no
/// relation's namespace or struct takes this name.
inline constexpr std::string_view impl_namespace = "migc_impl";

/// Parameter names for the columns `fields` of `r`, unique among
/// themselves and distinct from "db" and "row".
[[nodiscard]] std::vector<std::string> parameter_names(const relation_names& r,
                                                       const std::vector<std::uint32_t>& fields);

// ---- text (text.cpp) ----

/// An SQL identifier in double quotes, embedded quotes doubled.
[[nodiscard]] std::string quote_sql(std::string_view name);
/// A C++ string literal of `text`: printable ASCII as is except `"` and `\`,
/// every other byte as a three-digit octal escape.
[[nodiscard]] std::string cpp_literal(std::string_view text);
/// `text` made safe for a `//` comment: control and non-ASCII bytes, and a
/// final backslash (which would splice the next line into the comment), as
/// \xNN.
[[nodiscard]] std::string comment_text(std::string_view text);

/// The C++ type of a value: "std::int64_t", "double", "bool", "std::string",
/// "migc::bindings::blob", "migc::bindings::value".
[[nodiscard]] std::string_view value_cpp_type(model::value_type t) noexcept;
/// The member type in a row struct: the value type, std::optional when nullable.
[[nodiscard]] std::string row_member_type(const model::field& f);
/// The member type in an insert struct: the row type, wrapped in
/// migc::bindings::defaulted when the column has a default.
[[nodiscard]] std::string insert_member_type(const model::field& f);
/// The initializer every member gets, "{}": arithmetic members start at
/// zero, and g++ (before 14) does not warn about members that a designated
/// initializer leaves out (-Wmissing-field-initializers) when they have one.
inline constexpr std::string_view member_initializer = "{}";
/// The type of a parameter that is compared with a column: by value for
/// numbers, std::string_view for text, std::span<const std::byte> for blobs.
[[nodiscard]] std::string_view parameter_type(model::value_type t) noexcept;

// ---- SQL (sql.cpp) ----

/// The columns of `r` in a SELECT list, each qualified by `alias` if given.
[[nodiscard]] std::string select_list(const model::relation& r, std::string_view alias = {});
/// "SELECT <cols> FROM <r>" (views: SELECT * keeps SQLite's own column order).
[[nodiscard]] std::string select_from(const model::relation& r);
/// "<c1> = ?<first> AND <c2> = ?<first+1> ..." for the columns `fields`.
[[nodiscard]] std::string where_equal(const model::relation& r, const std::vector<std::uint32_t>& fields,
                                      int first_parameter = 1, std::string_view alias = {});
/// " ORDER BY <primary key>" (qualified by `alias`), or "" without one.
[[nodiscard]] std::string order_by_key(const model::relation& r, std::string_view alias = {});
/// The child-with-parent SELECT of `link`.
[[nodiscard]] std::string join_sql(const model::model& m, const model::relation& child, const parent_link& link);
/// "UPDATE <r> SET <non-key> = ?1, ... WHERE <key> = ?n ...".
[[nodiscard]] std::string update_sql(const model::relation& r);
/// "DELETE FROM <r> WHERE <key> = ?1 ...".
[[nodiscard]] std::string delete_sql(const model::relation& r);
/// "INSERT INTO <r> (<insertable>) VALUES (?1, ...)".
[[nodiscard]] std::string insert_sql(const model::relation& r);
/// Positions of the fields an INSERT may set (all but generated columns).
[[nodiscard]] std::vector<std::uint32_t> insertable_fields(const model::relation& r);
/// Positions of the fields an UPDATE sets (not key, not generated).
[[nodiscard]] std::vector<std::uint32_t> updatable_fields(const model::relation& r);

// ---- printers (read_ops.cpp, write_ops.cpp; print_function in text.cpp) ----

/// Text going to the header (declarations) and to the source (definitions).
struct output {
  std::string header;
  std::string source;
};

/// One function returning migc::bindings::result<`result`> and taking the
/// database and `parameters` (", T name" each): `doc` and the declaration
/// go to the header, the definition with `body` to the source.
void print_function(output& out, std::string_view doc, std::string_view result, std::string_view name,
                    std::string_view parameters, std::string_view body);
/// The first lines of a body: its statement slot, and stmt_ borrowed from
/// the connection's cache, prepared from `sql` on first use.
[[nodiscard]] std::string prepare_statement(std::string_view sql);

/// get, get_all, find_by_*, list_by_*, with_* of `r`.
void print_reads(const model::model& m, const std::vector<relation_names>& all, const relation_names& r, output& out);
/// insert, update, remove of `r`.
void print_writes(const relation_names& r, output& out);

}  // namespace migc::backend::cpp::detail
