// Internals of the F# back end, shared by its files: the names chosen for
// modules, records and members (names.cpp), text helpers (text.cpp), the
// printing of one module (module.cpp, members.cpp) and of the project file
// (fsharp.cpp).
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "compiler/backend/fsharp/fsharp.hpp"
#include "compiler/backend/model/model.hpp"
#include "compiler/diag/diagnostic.hpp"

namespace migc::backend::fsharp::detail {

/// The F# names of one relation and its members.
struct relation_names {
  std::string type;                  // record type: "Customer"
  std::vector<std::string> fields;   // record field per model field: "CreatedAt"
  std::vector<std::string> params;   // parameter per model field: "createdAt"
  std::vector<std::string> find_by;  // per unique key: "FindByEmail"
  std::vector<std::string> get_by;   // per foreign key: "GetByCustomerId"
  std::vector<std::string> join;     // per foreign key: "GetAllWithCustomer"; "" when the parent key is not unique
};

/// The F# names of a whole model.
struct names {
  std::vector<std::string> modules;       // per schema file: "CourseEnrollments"
  std::vector<relation_names> relations;  // per model relation
};

/// Chooses every name: modules unique among modules and record types unique
/// among record types across the model (a type may share a module's name:
/// where both are in scope F# takes `Order.Insert` for the type's member),
/// members and fields unique within a record, none a keyword of F# or a
/// name the generated code relies on (`Result`, `List`, `conn`, ...).
/// Reports W0604 where two SQL names give one F# name and the later one
/// gets a numeric suffix.
[[nodiscard]] names choose_names(const model::model& m, diag::sink& sink);

/// `s` as an F# string literal, quotes included.
[[nodiscard]] std::string string_literal(std::string_view s);
/// `name` as a double-quoted SQL identifier.
[[nodiscard]] std::string sql_name(std::string_view name);
/// `s` made safe inside a `///` comment: control characters become spaces,
/// and `<`, `>`, `&` are escaped for the XML documentation.
[[nodiscard]] std::string comment_text(std::string_view s);

/// The F# type of a field's values (`int64`, `string option`, ...).
[[nodiscard]] std::string field_type(const model::field& f);
/// The F# type of a field's values, never an option (key parameters).
[[nodiscard]] std::string value_type(const model::field& f);
/// Whether a field's record type is an option.
[[nodiscard]] bool is_option(const model::field& f);

/// The text of the module for schema file `file`.
[[nodiscard]] std::string module_text(const model::model& m, const names& n, std::uint32_t file, const options& opts);

/// The private module-level helpers that members call, beside `command`;
/// a module defines the ones its members use, once. Each helper that runs
/// a command holds the only `try ... with` around it, catching
/// SqliteException only, so that members are plain `result { }`.
struct helpers {
  bool db_value = false;        // dbValue: an option as a parameter value
  bool execute = false;         // execute: ExecuteNonQuery as a Result
  bool scalar_int64 = false;    // scalarInt64: ExecuteScalar of an int64
  bool read_one = false;        // readOne: the first row, if any
  bool read_all = false;        // readAll: every row, as a list
  bool in_transaction = false;  // inTransaction: WithTransaction's body
};

/// Appends the static members of relation `rel` (the body of its
/// `type X with` augmentation) to `out` and marks the helpers they call in
/// `used`.
void append_members(std::string& out, const model::model& m, const names& n, std::uint32_t rel, helpers& used);

}  // namespace migc::backend::fsharp::detail
