// The rebuild step's SQL and the data checks of desired constraints. The
// checks read the live rows through a derived table that renames the
// actual columns to their desired names, so desired CHECK expressions and
// key lists apply unchanged.
#include "compiler/plan/rebuild.hpp"

#include <fmt/format.h>

#include "compiler/ast/names.hpp"
#include "compiler/backend/sql/printer.hpp"
#include "runtime/schema_rows.hpp"

namespace migc::plan {

namespace {

using backend::sql::print_name;
using catalog::object;

constexpr std::string_view rowid_alias = "_migc_rowid";

// The actual column feeding desired column `i`, or ~0 for a new column.
std::uint32_t source_column(const object& a, const object& d, const diff::table_change* c, std::uint32_t i) {
  if (c != nullptr) {
    for (const diff::column_match& m : c->columns) {
      if (m.desired == i) return m.actual;
    }
    return ~0U;
  }
  return a.find_column(d.columns[i].key);
}

// The value a new column takes in existing rows: its DEFAULT, else NULL.
std::string default_of(const catalog::column& col) {
  if (col.definition == nullptr) return "NULL";
  for (const ast::column_constraint& cc : col.definition->constraints) {
    if (cc.what != ast::column_constraint::kind::default_ || !cc.default_) continue;
    const ast::default_value& dv = *cc.default_;
    if (dv.form == ast::default_form::identifier && dv.name) {
      std::string out = "'";
      for (char ch : dv.name->text) {
        out += ch;
        if (ch == '\'') out += '\'';
      }
      return out + "'";
    }
    if (dv.value) return "(" + backend::sql::print_expression(*dv.value) + ")";
  }
  return "NULL";
}

// (SELECT rowid AS _migc_rowid, "old" AS "new", ... FROM "a")
std::string source_rows(const object& a, const object& d, const diff::table_change* c) {
  std::string out = "(SELECT ";
  out += a.without_rowid ? "NULL" : "rowid";
  out += fmt::format(" AS {}", rowid_alias);
  for (std::uint32_t i = 0; i < d.columns.size(); ++i) {
    std::uint32_t from = source_column(a, d, c, i);
    out += ", ";
    out += from == ~0U ? default_of(d.columns[i]) : print_name(a.columns[from].name);
    out += " AS " + print_name(d.columns[i].name);
  }
  out += " FROM " + print_name(a.name) + ")";
  return out;
}

data_check make_check(data_check::kind kind, const std::string& source, const std::string& where, std::string subject,
                      bool has_rowid) {
  data_check c;
  c.what = kind;
  c.count_sql = fmt::format("SELECT count(*) FROM {} WHERE {}", source, where);
  if (has_rowid) c.sample_sql = fmt::format("SELECT {} FROM {} WHERE {} LIMIT 5", rowid_alias, source, where);
  c.subject = std::move(subject);
  return c;
}

// Rows whose `keys` (already printed, with collations) repeat, NULLs
// being distinct as in UNIQUE.
data_check duplicates(const std::string& source, const std::vector<std::string>& keys,
                      const std::vector<std::string>& not_null, std::string subject, bool has_rowid) {
  std::string where = "1";
  for (const std::string& n : not_null) where += " AND " + n + " IS NOT NULL";
  std::string group;
  for (const std::string& k : keys) group += (group.empty() ? "" : ", ") + k;
  data_check c;
  c.what = data_check::kind::duplicate_in_unique;
  c.count_sql = fmt::format("SELECT count(*) FROM (SELECT 1 FROM {} WHERE {} GROUP BY {} HAVING count(*) > 1)", source,
                            where, group);
  if (has_rowid) {
    c.sample_sql = fmt::format("SELECT max({}) FROM {} WHERE {} GROUP BY {} HAVING count(*) > 1 LIMIT 5", rowid_alias,
                               source, where, group);
  }
  c.subject = std::move(subject);
  return c;
}

// The condition under which a STRICT column of `type` refuses value `v`
// (after the type's affinity conversion, as SQLite applies it), or nullopt
// for ANY. Checked value by value against SQLite 3.40: text numbers convert
// when the whole text is a number; an integral real fits INTEGER.
std::optional<std::string> strict_rejects(std::string_view type, const std::string& v) {
  const std::string t = ast::upper(type);
  if (t == "INT" || t == "INTEGER") {
    return fmt::format(
        "NOT ({0} IS NULL OR typeof({0}) = 'integer' OR {0} = CAST({0} AS INTEGER) OR {0} = "
        "CAST(CAST({0} AS REAL) AS INTEGER))",
        v);
  }
  if (t == "REAL") {
    return fmt::format(
        "NOT ({0} IS NULL OR typeof({0}) IN ('integer', 'real') OR (typeof({0}) = 'text' AND ({0} = "
        "CAST({0} AS REAL) OR {0} = CAST({0} AS INTEGER))))",
        v);
  }
  if (t == "TEXT") return fmt::format("typeof({}) = 'blob'", v);
  if (t == "BLOB") return fmt::format("typeof({}) NOT IN ('blob', 'null')", v);
  return std::nullopt;
}

bool fk_is_new(const object& a, const object& d, const catalog::foreign_key& fk, const table_map& tables,
               const catalog::catalog& desired) {
  if (fk.parent == ~0U) return false;
  const object& parent = desired.at(fk.parent);
  auto ap = tables.find(parent.key);
  for (const catalog::foreign_key& old : a.foreign_keys) {
    if (old.columns.size() != fk.columns.size()) continue;
    bool same = ap != tables.end() && old.parent == ap->second->position;
    for (std::size_t i = 0; same && i < fk.columns.size(); ++i) {
      same = a.columns[old.columns[i]].key == d.columns[fk.columns[i]].key;
    }
    if (same) return false;
  }
  return true;
}

}  // namespace

data_check loses_values(const object& a, const std::string& column) {
  data_check c;
  c.what = data_check::kind::loses_values;
  c.count_sql = fmt::format("SELECT count(*) FROM {} WHERE {} IS NOT NULL", print_name(a.name), print_name(column));
  if (!a.without_rowid) {
    c.sample_sql =
        fmt::format("SELECT rowid FROM {} WHERE {} IS NOT NULL LIMIT 5", print_name(a.name), print_name(column));
  }
  c.subject = fmt::format("column '{}.{}'", a.name, column);
  return c;
}

std::vector<data_check> constraint_checks(const catalog::catalog& desired, const object& a, const object& d,
                                          const diff::table_change& c, const table_map& tables,
                                          std::uint32_t only_column) {
  std::vector<data_check> out;
  const bool has_rowid = !a.without_rowid;
  const std::string source = source_rows(a, d, &c);
  const auto& table = std::get<ast::create_table>(d.statement->node);
  const std::string& t = d.name;
  auto mine = [&](std::uint32_t column) { return only_column == ~0U || column == only_column; };

  for (std::uint32_t i = 0; i < d.columns.size(); ++i) {
    const catalog::column& col = d.columns[i];
    if (!mine(i) || !col.not_null || col.rowid_alias || col.generated) continue;
    std::uint32_t from = source_column(a, d, &c, i);
    if (from != ~0U && a.columns[from].not_null) continue;
    out.push_back(make_check(data_check::kind::null_in_not_null, source, print_name(col.name) + " IS NULL",
                             fmt::format("NOT NULL on '{}.{}'", t, col.name), has_rowid));
  }
  if (d.strict) {
    for (std::uint32_t i = 0; i < d.columns.size(); ++i) {
      const catalog::column& col = d.columns[i];
      if (!mine(i) || col.generated) continue;
      std::uint32_t from = source_column(a, d, &c, i);
      if (from == ~0U) continue;  // a new column holds its default
      if (a.strict && a.columns[from].type == col.type) continue;
      if (std::optional<std::string> bad = strict_rejects(col.type, print_name(col.name))) {
        out.push_back(make_check(data_check::kind::strict_type_violation, source, *bad,
                                 fmt::format("STRICT type {} of '{}.{}'", col.type, t, col.name), has_rowid));
      }
    }
  }
  if (only_column == ~0U) {
    for (const catalog::unique_key& key : d.unique_keys) {
      if (key.partial || (key.primary && key.columns.size() == 1 && d.columns[key.columns[0]].rowid_alias)) continue;
      std::vector<std::string> keys;
      std::vector<std::string> names;
      std::string list;
      for (std::size_t k = 0; k < key.columns.size(); ++k) {
        const catalog::column& col = d.columns[key.columns[k]];
        std::string collation = !key.collations[k].empty() ? key.collations[k]
                                : col.collation != nullptr ? col.collation->key
                                                           : std::string("binary");
        keys.push_back(print_name(col.name) + " COLLATE " + print_name(collation));
        names.push_back(print_name(col.name));
        list += (list.empty() ? "" : ", ") + col.name;
      }
      out.push_back(duplicates(source, keys, names,
                               fmt::format("{} ({}) on '{}'", key.primary ? "PRIMARY KEY" : "UNIQUE", list, t),
                               has_rowid));
    }
  }
  for (std::uint32_t i = 0; i < table.columns.size(); ++i) {
    if (!mine(i)) continue;
    for (const ast::column_constraint& cc : table.columns[i].constraints) {
      if (cc.what != ast::column_constraint::kind::check || !cc.expression) continue;
      std::string e = backend::sql::print_expression(*cc.expression);
      out.push_back(make_check(data_check::kind::check_violation, source, "NOT (" + e + ")",
                               fmt::format("CHECK ({}) on '{}'", e, t), has_rowid));
    }
  }
  if (only_column == ~0U) {
    for (const ast::table_constraint& tc : table.constraints) {
      if (tc.what != ast::table_constraint::kind::check || !tc.check) continue;
      std::string e = backend::sql::print_expression(*tc.check);
      out.push_back(make_check(data_check::kind::check_violation, source, "NOT (" + e + ")",
                               fmt::format("CHECK ({}) on '{}'", e, t), has_rowid));
    }
  }
  for (const catalog::foreign_key& fk : d.foreign_keys) {
    if (fk.parent == ~0U || fk.parent_columns.size() != fk.columns.size()) continue;
    if (only_column != ~0U && (fk.columns.size() != 1 || fk.columns[0] != only_column)) continue;
    if (!fk_is_new(a, d, fk, tables, desired)) continue;
    const object& parent = desired.at(fk.parent);
    std::string where;
    for (std::uint32_t col : fk.columns)
      where += (where.empty() ? "" : " AND ") + print_name(d.columns[col].name) + " IS NOT NULL";
    std::string parent_rows;
    if (parent.position == d.position) {
      parent_rows = source;
    } else if (auto ap = tables.find(parent.key); ap != tables.end()) {
      parent_rows = source_rows(*ap->second, parent, nullptr);
    }
    if (!parent_rows.empty()) {
      std::string match;
      for (std::size_t k = 0; k < fk.columns.size(); ++k) {
        match += fmt::format("{}_migc_parent.{} = _migc_child.{}", k == 0 ? "" : " AND ",
                             print_name(parent.columns[fk.parent_columns[k]].name),
                             print_name(d.columns[fk.columns[k]].name));
      }
      where += fmt::format(" AND NOT EXISTS (SELECT 1 FROM {} AS _migc_parent WHERE {})", parent_rows, match);
    }
    std::string list;
    for (std::uint32_t col : fk.columns) list += (list.empty() ? "" : ", ") + d.columns[col].name;
    out.push_back(make_check(data_check::kind::foreign_key_violation, source + " AS _migc_child", where,
                             fmt::format("FOREIGN KEY ({}) on '{}' referencing '{}'", list, t, parent.name),
                             has_rowid));
  }
  return out;
}

namespace {

// Duplicates a UNIQUE index would reject among `rows` (seen through the
// desired column names); nullopt for a partial index, whose WHERE decides
// which rows count.
std::optional<data_check> index_duplicates(const std::string& rows, const object& index_object,
                                           const ast::create_index& index, bool has_rowid) {
  if (!index.unique || index.where_clause) return std::nullopt;
  std::vector<std::string> keys;
  std::vector<std::string> not_null;
  for (const ast::sort_item& item : index.columns) {
    std::string e = backend::sql::print_expression(*item.value);
    keys.push_back(e);
    not_null.push_back("(" + e + ")");
  }
  return duplicates(rows, keys, not_null, fmt::format("UNIQUE index '{}'", index_object.name), has_rowid);
}

}  // namespace

std::optional<data_check> unique_index_duplicates(const object& a, const object& d, const diff::table_change* c,
                                                  const object& index_object, const ast::create_index& index) {
  return index_duplicates(source_rows(a, d, c), index_object, index, !a.without_rowid);
}

step rebuild_step(const catalog::catalog& actual, const catalog::catalog& desired, const object& a, const object& d,
                  const diff::table_change& c, const table_map& tables) {
  (void)actual;
  step s;
  s.kind = step_kind::rebuild_table;
  s.level = safety::rebuild;
  s.object = d.name;
  s.description = fmt::format("rebuild table '{}'", d.name);
  s.reasons = c.reasons;
  const std::string temp = "_migc_new_" + d.name;
  const auto& table = std::get<ast::create_table>(d.statement->node);
  s.sql.push_back(backend::sql::print_create_table_named(table, temp));

  // Renames ran before the rebuild (see plan.cpp): the old table and its
  // renamed columns already carry their new names.
  const std::string source = c.renamed ? d.name : a.name;
  std::string into;
  std::string from;
  bool alias_copied = false;
  for (const diff::column_match& m : c.columns) {
    if (m.desired == ~0U || m.actual == ~0U) continue;
    const catalog::column& dc = d.columns[m.desired];
    if (dc.generated) continue;
    into += (into.empty() ? "" : ", ") + print_name(dc.name);
    from += (from.empty() ? "" : ", ") + print_name(m.renamed ? dc.name : a.columns[m.actual].name);
    alias_copied = alias_copied || dc.rowid_alias;
  }
  if (!a.without_rowid && !d.without_rowid && !alias_copied) {
    // Keep every row's rowid: other tables and applications may hold it.
    into = "rowid" + std::string(into.empty() ? "" : ", ") + into;
    from = "rowid" + std::string(from.empty() ? "" : ", ") + from;
  }
  if (!into.empty()) {
    s.sql.push_back(
        fmt::format("INSERT INTO {} ({}) SELECT {} FROM {}", print_name(temp), into, from, print_name(source)));
  }
  if (a.autoincrement && d.autoincrement) {
    // The copy set the new table's counter to the largest rowid copied;
    // the old counter may be higher (rows deleted at the end).
    s.sql.push_back(fmt::format("DELETE FROM sqlite_sequence WHERE name = {}", ast::quote_string(temp)));
    s.sql.push_back(
        fmt::format("INSERT INTO sqlite_sequence (name, seq) SELECT {}, seq FROM sqlite_sequence WHERE "
                    "name = {}",
                    ast::quote_string(temp), ast::quote_string(source)));
  }
  s.sql.push_back("DROP TABLE " + print_name(source));
  s.sql.push_back(fmt::format("ALTER TABLE {} RENAME TO {}", print_name(temp), print_name(d.name)));

  for (const diff::column_match& m : c.columns) {
    if (m.desired != ~0U || a.columns[m.actual].generated) continue;  // generated: no data of its own
    s.checks.push_back(loses_values(a, a.columns[m.actual].name));
    s.level = safety::destructive;
  }
  for (data_check& check : constraint_checks(desired, a, d, c, tables)) s.checks.push_back(std::move(check));
  // Unique indexes the rebuild recreates must find no duplicates either.
  const std::string rows = source_rows(a, d, &c);
  for (const object& o : desired.objects()) {
    if (o.kind != catalog::object_kind::index || o.target != d.position) continue;
    const auto& index = std::get<ast::create_index>(o.statement->node);
    if (auto check = index_duplicates(rows, o, index, !a.without_rowid)) s.checks.push_back(std::move(*check));
  }
  return s;
}

}  // namespace migc::plan
