// The F# names of modules, record types, fields, members and parameters
// (see choose_names in fsharp_internal.hpp).
#include <algorithm>
#include <array>
#include <cctype>
#include <fmt/format.h>
#include <span>

#include "compiler/backend/fsharp/fsharp_internal.hpp"
#include "compiler/backend/model/naming.hpp"

namespace migc::backend::fsharp::detail {

namespace {

// Names that generated code uses unqualified at the top level of a module:
// a module or record of one of these names would shadow it.
constexpr auto global_reserved = std::to_array<std::string_view>({"Array",
                                                                  "Async",
                                                                  "Boolean",
                                                                  "Byte",
                                                                  "Char",
                                                                  "Checked",
                                                                  "Console",
                                                                  "Convert",
                                                                  "DBNull",
                                                                  "DateTime",
                                                                  "Decimal",
                                                                  "Double",
                                                                  "Error",
                                                                  "Exception",
                                                                  "FSharp",
                                                                  "FsToolkit",
                                                                  "IDisposable",
                                                                  "Int64",
                                                                  "LanguagePrimitives",
                                                                  "Lazy",
                                                                  "List",
                                                                  "Map",
                                                                  "Math",
                                                                  "Microsoft",
                                                                  "None",
                                                                  "Nullable",
                                                                  "Object",
                                                                  "Ok",
                                                                  "Operators",
                                                                  "Option",
                                                                  "Result",
                                                                  "ResizeArray",
                                                                  "Seq",
                                                                  "Set",
                                                                  "Some",
                                                                  "SqliteCommand",
                                                                  "SqliteConnection",
                                                                  "SqliteDataReader",
                                                                  "SqliteException",
                                                                  "SqliteParameter",
                                                                  "SqliteParameterCollection",
                                                                  "SqliteTransaction",
                                                                  "String",
                                                                  "System",
                                                                  "Unchecked"});

// Members every record has (from System.Object and F#'s structural
// equality and comparison), and the members migc generates on every record.
constexpr auto object_members = std::to_array<std::string_view>(
    {"CompareTo", "Equals", "Finalize", "GetHashCode", "GetType", "MemberwiseClone", "ToString"});
constexpr auto fixed_members =
    std::to_array<std::string_view>({"ReadRow", "Insert", "GetById", "GetAll", "Update", "Delete", "WithTransaction"});

// Names a member's body uses as values: a parameter of one of these names
// would shadow the module's helpers, a local or an F# function. (Type names
// such as `string` may be parameters: a value does not shadow a type.)
// `result` is FsToolkit's builder, which every member's body is written in.
constexpr auto body_names = std::to_array<std::string_view>(
    {"action",        "box",    "cmd",   "command", "conn",        "dbValue", "ex",      "execute", "ignore",
     "inTransaction", "isNull", "item",  "not",     "ordinal",     "raise",   "readAll", "readOne", "reader",
     "reraise",       "result", "rowid", "rows",    "scalarInt64", "tx",      "unbox",   "value"});

bool is_keyword(std::string_view s) {
  const auto keywords = naming::fsharp_keywords();
  return std::ranges::find(keywords, s) != keywords.end();
}

/// A scope that reports W0604 when a wanted name is taken (rather than
/// repaired because it is a keyword, empty or starts with a digit).
class reporting_scope {
 public:
  reporting_scope(std::string_view digit_prefix, std::string_view empty_name)
      : scope_(naming::fsharp_keywords(), "_", digit_prefix, empty_name) {}

  void reserve(std::string_view name) { scope_.reserve(std::string(name)); }

  std::string claim(const std::string& wanted, std::string_view what, source::span where, diag::sink& sink) {
    std::string got = scope_.claim(wanted);
    const bool repaired =
        wanted.empty() || std::isdigit(static_cast<unsigned char>(wanted.front())) != 0 || is_keyword(wanted);
    if (got != wanted && !repaired) {
      sink.emit(diag::code::W0604, where,
                fmt::format("name '{}' for {} is taken in F#; it becomes '{}'", wanted, what, got));
    }
    return got;
  }

 private:
  naming::scope scope_;
};

std::string pascal(std::string_view sql_name) { return naming::pascal_case(naming::words(sql_name)); }

/// "order_lines" → "OrderLine": PascalCase with the last word singular.
std::string type_name(std::string_view sql_name) {
  auto w = naming::words(sql_name);
  if (!w.empty()) w.back() = naming::singular(w.back());
  return naming::pascal_case(w);
}

/// "Email", "OrderIdAndProductId": the columns of a key for a member name.
std::string columns_part(const model::relation& r, std::span<const std::uint32_t> fields) {
  std::string out;
  for (std::uint32_t f : fields) {
    if (!out.empty()) out += "And";
    out += pascal(r.fields[f].name);
  }
  return out;
}

/// What a foreign key's parent is to the child, for the join's name: the
/// column's name without a trailing "id" word ("customer_id" → "Customer",
/// "manager_id" → "Manager"), or the parent's type for a composite key.
std::string role(const model::relation& r, const model::foreign_key& fk, const std::string& parent_type) {
  if (fk.fields.size() != 1) return parent_type;
  auto w = naming::words(r.fields[fk.fields.front()].name);
  if (w.size() > 1 && w.back() == "id") w.pop_back();
  return naming::pascal_case(w);
}

std::string what_column(const model::relation& r, const model::field& f) {
  return fmt::format("column '{}' of '{}'", f.name, r.name);
}

}  // namespace

names choose_names(const model::model& m, diag::sink& sink) {
  names n;
  reporting_scope modules("_", "Schema");
  for (std::string_view s : global_reserved) modules.reserve(s);
  for (const auto& file : m.files) {
    const source::span where = file.relations.empty() ? source::span{} : m.relations[file.relations.front()].where;
    n.modules.push_back(modules.claim(pascal(file.stem), fmt::format("schema file '{}'", file.name), where, sink));
  }
  reporting_scope types("_", "Row");
  for (std::string_view s : global_reserved) types.reserve(s);
  n.relations.resize(m.relations.size());
  for (std::size_t i = 0; i < m.relations.size(); ++i) {
    const auto& r = m.relations[i];
    n.relations[i].type = types.claim(type_name(r.name), fmt::format("'{}'", r.name), r.where, sink);
  }

  for (std::size_t i = 0; i < m.relations.size(); ++i) {
    const auto& r = m.relations[i];
    auto& rn = n.relations[i];
    const std::string what = fmt::format("a member of '{}'", r.name);

    reporting_scope members("_", "Column");
    for (std::string_view s : object_members) members.reserve(s);
    for (std::string_view s : fixed_members) members.reserve(s);
    for (const auto& key : r.unique_keys) {
      rn.find_by.push_back(members.claim("FindBy" + columns_part(r, key.fields), what, r.where, sink));
    }
    for (const auto& fk : r.foreign_keys) {
      rn.get_by.push_back(members.claim("GetBy" + columns_part(r, fk.fields), what, fk.where, sink));
    }
    for (const auto& fk : r.foreign_keys) {
      rn.join.push_back(fk.parent_unique ? members.claim("GetAllWith" + role(r, fk, n.relations[fk.parent].type), what,
                                                         fk.where, sink)
                                         : std::string());
    }
    for (const auto& f : r.fields) rn.fields.push_back(members.claim(pascal(f.name), what_column(r, f), f.where, sink));

    // Parameters follow the fields, whose collisions are reported already.
    naming::scope params(naming::fsharp_keywords(), "_", "_", "arg");
    for (std::string_view s : body_names) params.reserve(std::string(s));
    for (const auto& f : r.fields) rn.params.push_back(params.claim(naming::camel_case(naming::words(f.name))));
  }
  return n;
}

}  // namespace migc::backend::fsharp::detail
