// The static members of a generated record: ReadRow, Insert, GetById,
// GetAll, Update, Delete, FindBy* per unique key, GetBy* and GetAllWith* per
// foreign key, WithTransaction. Every member but ReadRow and
// WithTransaction takes the connection first and an optional transaction
// last, runs one parameterized command and returns
// Result<_, SqliteException>: its body is a `result { }` that creates and
// binds the command and runs it through a module helper (execute,
// scalarInt64, readOne, readAll), which turns a SqliteException into Error.
#include <algorithm>
#include <cassert>
#include <fmt/format.h>
#include <iterator>

#include "compiler/backend/fsharp/fsharp_internal.hpp"

namespace migc::backend::fsharp::detail {

namespace {

constexpr std::string_view conn_param = "conn: SqliteConnection";
constexpr std::string_view tx_param = "?tx: SqliteTransaction";

/// One member that runs a command: its signature, SQL, the F# expressions
/// bound to @p0, @p1, ... and the lines of its `result { }` after the
/// bindings, which run the command and return.
struct command_member {
  std::string doc;
  std::string name;
  std::vector<std::string> params;  // "id: int64", between conn and ?tx
  std::string result;               // "Customer option"
  std::string sql;
  std::vector<std::string> bindings;
  std::vector<std::string> body;
};

void append_command(std::string& out, const command_member& c) {
  auto o = std::back_inserter(out);
  fmt::format_to(o, "\n    /// {}\n", c.doc);
  std::string params(conn_param);
  for (const auto& p : c.params) params += ", " + p;
  fmt::format_to(o, "    static member {}({}, {}) : Result<{}, SqliteException> =\n", c.name, params, tx_param,
                 c.result);
  out += "        result {\n";
  fmt::format_to(o, "            use cmd = command conn tx {}\n", string_literal(c.sql));
  for (std::size_t i = 0; i < c.bindings.size(); ++i) {
    fmt::format_to(o, "            cmd.Parameters.AddWithValue(\"@p{}\", {}) |> ignore\n", i, c.bindings[i]);
  }
  for (const auto& line : c.body) fmt::format_to(o, "            {}\n", line);
  out += "        }\n";
}

std::string column_list(const model::relation& r, std::string_view alias) {
  std::string out;
  for (const auto& f : r.fields) {
    if (!out.empty()) out += ", ";
    if (!alias.empty()) fmt::format_to(std::back_inserter(out), "{}.", alias);
    out += sql_name(f.name);
  }
  return out;
}

/// `"a" = @p3 AND "b" = @p4` for `fields`, numbering from `first`.
std::string where_equal(const model::relation& r, std::span<const std::uint32_t> fields, std::size_t first) {
  std::string out;
  for (std::size_t i = 0; i < fields.size(); ++i) {
    if (i > 0) out += " AND ";
    fmt::format_to(std::back_inserter(out), "{} = @p{}", sql_name(r.fields[fields[i]].name), first + i);
  }
  return out;
}

std::string order_by(const model::relation& r, std::string_view alias) {
  if (!r.primary_key) return {};
  std::string out = " ORDER BY ";
  for (std::size_t i = 0; i < r.primary_key->fields.size(); ++i) {
    if (i > 0) out += ", ";
    if (!alias.empty()) fmt::format_to(std::back_inserter(out), "{}.", alias);
    out += sql_name(r.fields[r.primary_key->fields[i]].name);
  }
  return out;
}

std::string item_value(const model::field& f, const std::string& field_name, helpers& used) {
  if (!is_option(f)) return "item." + field_name;
  used.db_value = true;
  return "dbValue item." + field_name;
}

/// Runs the command for its effect; the member returns unit.
std::vector<std::string> execute_body(helpers& used) {
  used.execute = true;
  return {"let! _ = execute cmd", "return ()"};
}

/// Returns the first row `read` (an expression of `reader`) makes, if any.
std::vector<std::string> read_one_body(const std::string& read, helpers& used) {
  used.read_one = true;
  return {fmt::format("return! readOne cmd (fun reader -> {})", read)};
}

/// Returns the rows `read` (an expression of `reader`) makes.
std::vector<std::string> read_all_body(const std::string& read, helpers& used) {
  used.read_all = true;
  return {fmt::format("return! readAll cmd (fun reader -> {})", read)};
}

/// Key parameters ("id: int64") and their bindings for `fields`.
void key_params(command_member& c, const model::relation& r, const relation_names& rn,
                std::span<const std::uint32_t> fields) {
  for (std::uint32_t f : fields) {
    c.params.push_back(fmt::format("{}: {}", rn.params[f], value_type(r.fields[f])));
    c.bindings.push_back(rn.params[f]);
  }
}

std::string names_of(const model::relation& r, std::span<const std::uint32_t> fields) {
  std::string out;
  for (std::uint32_t f : fields) {
    if (!out.empty()) out += ", ";
    out += comment_text(r.fields[f].name);
  }
  return out;
}

void append_read_row(std::string& out, const model::relation& r, const relation_names& rn) {
  auto o = std::back_inserter(out);
  out += "    /// Reads a row from the columns at ordinal, ordinal + 1, ... in column order.\n";
  fmt::format_to(o, "    static member ReadRow(reader: SqliteDataReader, ordinal: int) : {} =\n", rn.type);
  assert(!r.fields.empty());
  for (std::size_t i = 0; i < r.fields.size(); ++i) {
    const auto& f = r.fields[i];
    const std::string at = i == 0 ? "ordinal" : fmt::format("ordinal + {}", i);
    std::string get;
    switch (f.type) {
      case model::value_type::integer:
        get = fmt::format("reader.GetInt64({})", at);
        break;
      case model::value_type::real:
        get = fmt::format("reader.GetDouble({})", at);
        break;
      case model::value_type::numeric:
        get = fmt::format("reader.GetDecimal({})", at);
        break;
      case model::value_type::text:
        get = fmt::format("reader.GetString({})", at);
        break;
      case model::value_type::blob:
        get = fmt::format("reader.GetFieldValue<byte[]>({})", at);
        break;
      case model::value_type::boolean:
        get = fmt::format("reader.GetBoolean({})", at);
        break;
      case model::value_type::date_time:
        get = fmt::format("reader.GetDateTime({})", at);
        break;
      case model::value_type::any:
        get = fmt::format("reader.GetValue({})", at);
        break;
    }
    if (is_option(f)) get = fmt::format("(if reader.IsDBNull({}) then None else Some({}))", at, get);
    const std::string label = i == 0 ? rn.type + "." + rn.fields[i] : rn.fields[i];
    fmt::format_to(o, "        {} {} = {}{}\n", i == 0 ? "{" : " ", label, get, i + 1 == r.fields.size() ? " }" : "");
  }
}

void append_insert(std::string& out, const model::relation& r, const relation_names& rn, helpers& used) {
  command_member c;
  c.name = "Insert";
  c.params.push_back(fmt::format("item: {}", rn.type));
  std::string columns, values;
  std::vector<std::string> skipped;
  for (std::size_t i = 0; i < r.fields.size(); ++i) {
    const auto& f = r.fields[i];
    if (f.read_only || f.rowid_alias) {
      skipped.push_back(comment_text(f.name));
      continue;
    }
    if (!columns.empty()) {
      columns += ", ";
      values += ", ";
    }
    columns += sql_name(f.name);
    fmt::format_to(std::back_inserter(values), "@p{}", c.bindings.size());
    c.bindings.push_back(item_value(f, rn.fields[i], used));
  }
  c.sql = columns.empty() ? fmt::format("INSERT INTO {} DEFAULT VALUES", sql_name(r.name))
                          : fmt::format("INSERT INTO {} ({}) VALUES ({})", sql_name(r.name), columns, values);
  std::string left;
  for (std::size_t i = 0; i < skipped.size(); ++i) {
    if (i > 0) left += i + 1 == skipped.size() ? " and " : ", ";
    left += skipped[i];
  }
  const std::string but = skipped.empty() ? "" : fmt::format(", leaving {} to SQLite,", left);
  if (r.has_rowid) {
    c.doc = fmt::format("Inserts item{} and returns the new row's rowid.", but);
    c.result = "int64";
    used.execute = true;
    used.scalar_int64 = true;
    c.body = {"let! _ = execute cmd", "use rowid = command conn tx \"SELECT last_insert_rowid()\"",
              "return! scalarInt64 rowid"};
  } else {
    c.doc = fmt::format("Inserts item{}.", but);
    c.result = "unit";
    c.body = execute_body(used);
  }
  append_command(out, c);
}

void append_update(std::string& out, const model::relation& r, const relation_names& rn, helpers& used) {
  const auto& pk = r.primary_key->fields;
  command_member c;
  c.name = "Update";
  c.doc = fmt::format("Writes item's columns to the row with item's {}.", names_of(r, pk));
  c.params.push_back(fmt::format("item: {}", rn.type));
  c.result = "unit";
  std::string set;
  for (std::uint32_t i = 0; i < r.fields.size(); ++i) {
    const auto& f = r.fields[i];
    if (f.read_only || f.rowid_alias || std::ranges::find(pk, i) != pk.end()) continue;
    if (!set.empty()) set += ", ";
    fmt::format_to(std::back_inserter(set), "{} = @p{}", sql_name(f.name), c.bindings.size());
    c.bindings.push_back(item_value(f, rn.fields[i], used));
  }
  if (set.empty()) return;  // nothing but the key: no row can change
  c.sql = fmt::format("UPDATE {} SET {} WHERE {}", sql_name(r.name), set, where_equal(r, pk, c.bindings.size()));
  for (std::uint32_t f : pk) c.bindings.push_back(item_value(r.fields[f], rn.fields[f], used));
  c.body = execute_body(used);
  append_command(out, c);
}

void append_key_members(std::string& out, const model::relation& r, const relation_names& rn, helpers& used) {
  const auto& pk = r.primary_key->fields;
  const std::string select = fmt::format("SELECT {} FROM {}", column_list(r, ""), sql_name(r.name));
  {
    command_member c;
    c.name = "GetById";
    c.doc = fmt::format("The row with the given {}, if any.", names_of(r, pk));
    key_params(c, r, rn, pk);
    c.result = rn.type + " option";
    c.sql = fmt::format("{} WHERE {}", select, where_equal(r, pk, 0));
    c.body = read_one_body(rn.type + ".ReadRow(reader, 0)", used);
    append_command(out, c);
  }
  if (!r.read_only()) append_update(out, r, rn, used);
  if (!r.read_only()) {
    command_member c;
    c.name = "Delete";
    c.doc = fmt::format("Deletes the row with the given {}, if any.", names_of(r, pk));
    key_params(c, r, rn, pk);
    c.result = "unit";
    c.sql = fmt::format("DELETE FROM {} WHERE {}", sql_name(r.name), where_equal(r, pk, 0));
    c.body = execute_body(used);
    append_command(out, c);
  }
}

void append_foreign_key_members(std::string& out, const model::model& m, const names& n, std::uint32_t rel,
                                helpers& used) {
  const auto& r = m.relations[rel];
  const auto& rn = n.relations[rel];
  for (std::size_t k = 0; k < r.foreign_keys.size(); ++k) {
    const auto& fk = r.foreign_keys[k];
    const auto& parent = m.relations[fk.parent];
    const auto& pn = n.relations[fk.parent];
    {
      command_member c;
      c.name = rn.get_by[k];
      c.doc = fmt::format("The rows whose {} {} to the given row of {}.", names_of(r, fk.fields),
                          fk.fields.size() == 1 ? "refers" : "refer", comment_text(parent.name));
      key_params(c, r, rn, fk.fields);
      c.result = rn.type + " list";
      c.sql = fmt::format("SELECT {} FROM {} WHERE {}{}", column_list(r, ""), sql_name(r.name),
                          where_equal(r, fk.fields, 0), order_by(r, ""));
      c.body = read_all_body(rn.type + ".ReadRow(reader, 0)", used);
      append_command(out, c);
    }
    if (rn.join[k].empty()) continue;
    // A row whose key has a NULL refers to no parent (SQLite enforces no
    // such key): a LEFT JOIN keeps it, with None for the parent, found by
    // the parent's first key column coming back NULL.
    bool optional = false;
    for (std::uint32_t f : fk.fields) optional = optional || is_option(r.fields[f]);
    std::string on;
    for (std::size_t i = 0; i < fk.fields.size(); ++i) {
      if (i > 0) on += " AND ";
      fmt::format_to(std::back_inserter(on), "p.{} = c.{}", sql_name(parent.fields[fk.parent_fields[i]].name),
                     sql_name(r.fields[fk.fields[i]].name));
    }
    command_member c;
    c.name = rn.join[k];
    c.doc =
        fmt::format("Every row with the row of {} its {} {} to{}.", comment_text(parent.name), names_of(r, fk.fields),
                    fk.fields.size() == 1 ? "refers" : "refer", optional ? " (None for NULL or a missing row)" : "");
    const std::string parent_type = optional ? pn.type + " option" : pn.type;
    const std::string element = fmt::format("{} * {}", rn.type, parent_type);
    c.result = fmt::format("({}) list", element);
    c.sql =
        fmt::format("SELECT {}, {} FROM {} AS c {}JOIN {} AS p ON {}{}", column_list(r, "c"), column_list(parent, "p"),
                    sql_name(r.name), optional ? "LEFT " : "", sql_name(parent.name), on, order_by(r, "c"));
    const std::size_t width = r.fields.size();
    const std::string read_parent =
        optional ? fmt::format("(if reader.IsDBNull({}) then None else Some({}.ReadRow(reader, {})))",
                               width + fk.parent_fields.front(), pn.type, width)
                 : fmt::format("{}.ReadRow(reader, {})", pn.type, width);
    c.body = read_all_body(fmt::format("({}.ReadRow(reader, 0), {})", rn.type, read_parent), used);
    append_command(out, c);
  }
}

}  // namespace

void append_members(std::string& out, const model::model& m, const names& n, std::uint32_t rel, helpers& used) {
  const auto& r = m.relations[rel];
  const auto& rn = n.relations[rel];
  append_read_row(out, r, rn);
  if (!r.read_only()) append_insert(out, r, rn, used);
  if (r.primary_key) append_key_members(out, r, rn, used);
  {
    command_member c;
    c.name = "GetAll";
    c.doc = r.primary_key ? "Every row, by primary key." : "Every row.";
    c.result = rn.type + " list";
    c.sql = fmt::format("SELECT {} FROM {}{}", column_list(r, ""), sql_name(r.name), order_by(r, ""));
    c.body = read_all_body(rn.type + ".ReadRow(reader, 0)", used);
    append_command(out, c);
  }
  for (std::size_t k = 0; k < r.unique_keys.size(); ++k) {
    const auto& key = r.unique_keys[k];
    command_member c;
    c.name = rn.find_by[k];
    c.doc = fmt::format("The row with the given {}, if any.", names_of(r, key.fields));
    key_params(c, r, rn, key.fields);
    c.result = rn.type + " option";
    c.sql =
        fmt::format("SELECT {} FROM {} WHERE {}", column_list(r, ""), sql_name(r.name), where_equal(r, key.fields, 0));
    c.body = read_one_body(rn.type + ".ReadRow(reader, 0)", used);
    append_command(out, c);
  }
  append_foreign_key_members(out, m, n, rel, used);
  if (!r.read_only()) {
    used.in_transaction = true;
    out +=
        "\n    /// Runs action in a transaction, committed when it returns Ok and rolled back when it returns Error\n"
        "    /// or fails. Pass the transaction to the members called inside: Microsoft.Data.Sqlite refuses a\n"
        "    /// command without it while the transaction is pending.\n";
    out +=
        "    static member WithTransaction(conn: SqliteConnection, action: SqliteTransaction -> Result<'T, "
        "SqliteException>) : Result<'T, SqliteException> =\n"
        "        inTransaction conn action\n";
  }
}

}  // namespace migc::backend::fsharp::detail
