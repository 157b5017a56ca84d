// The canonical printer's DDL: CREATE TABLE with its columns, constraints
// and foreign keys, CREATE INDEX / VIEW / TRIGGER / VIRTUAL TABLE, ALTER
// TABLE and DROP.
#include <cassert>

#include "compiler/backend/sql/print_internal.hpp"

namespace migc::backend::sql::detail {

namespace {

void print_create_prefix(std::string& out, bool temp, bool temporary_spelling) {
  out += "CREATE ";
  if (temp) out += temporary_spelling ? "TEMPORARY " : "TEMP ";
}

void print_if_not_exists(std::string& out, bool if_not_exists) {
  if (if_not_exists && !normalizing) out += "IF NOT EXISTS ";
}

std::string_view fk_action_spelling(ast::fk_action a) {
  switch (a) {
    case ast::fk_action::set_null:
      return "SET NULL";
    case ast::fk_action::set_default:
      return "SET DEFAULT";
    case ast::fk_action::cascade:
      return "CASCADE";
    case ast::fk_action::restrict:
      return "RESTRICT";
    case ast::fk_action::no_action:
      return "NO ACTION";
  }
  assert(false && "unknown foreign key action");
  return "NO ACTION";
}

void print_fk_argument(std::string& out, const ast::fk_argument& a) {
  using kind = ast::fk_argument::kind;
  switch (a.what) {
    case kind::on_delete:
      out += " ON DELETE ";
      break;
    case kind::on_update:
      out += " ON UPDATE ";
      break;
    case kind::on_insert:
      out += " ON INSERT ";
      break;
    case kind::match:
      assert(a.match_name);
      out += " MATCH ";
      print_identifier(out, *a.match_name);
      return;
  }
  out += fk_action_spelling(a.action);
}

void print_references(std::string& out, const ast::foreign_key_clause& fk) {
  out += "REFERENCES ";
  print_identifier(out, fk.table);
  if (!fk.columns.empty()) {
    out += '(';
    print_identifiers(out, fk.columns);
    out += ')';
  }
  for (const ast::fk_argument& a : fk.arguments) print_fk_argument(out, a);
}

void print_deferrable(std::string& out, const ast::deferrable_clause& d) {
  out += d.negated ? "NOT DEFERRABLE" : "DEFERRABLE";
  if (d.mode == ast::initially::deferred) out += " INITIALLY DEFERRED";
  if (d.mode == ast::initially::immediate) out += " INITIALLY IMMEDIATE";
}

void print_default(std::string& out, const ast::default_value& d) {
  out += "DEFAULT ";
  if (d.form == ast::default_form::identifier) {
    // Quoting decides the value: DEFAULT true is 1, DEFAULT "true" the string.
    assert(d.name);
    print_name_as_written(out, *d.name);
    return;
  }
  assert(d.value);
  // DEFAULT's parentheses are required syntax: the builder keeps them as a
  // paren node; a hand-built AST may omit it.
  const bool add_parens =
      d.form == ast::default_form::parenthesized && !std::holds_alternative<ast::paren>(d.value->node);
  if (add_parens) out += '(';
  print_expr(out, *d.value);
  if (add_parens) out += ')';
}

void print_generated(std::string& out, const ast::column_constraint& c) {
  if (c.generated_always) out += "GENERATED ALWAYS ";
  out += "AS (";
  print_expr(out, *c.expression);
  out += ')';
  if (!c.storage) return;
  out += ' ';
  print_name_as_written(out, *c.storage);
}

void print_constraint_name(std::string& out, const std::optional<ast::identifier>& name, bool name_only) {
  assert(name || !name_only);
  if (!name) return;
  out += "CONSTRAINT ";
  print_identifier(out, *name);
  if (!name_only) out += ' ';
}

void print_column_constraint_body(std::string& out, const ast::column_constraint& c) {
  using kind = ast::column_constraint::kind;
  switch (c.what) {
    case kind::name_only:
      return;
    case kind::primary_key:
      out += "PRIMARY KEY";
      if (c.direction == ast::sort_direction::asc) out += " ASC";
      if (c.direction == ast::sort_direction::desc) out += " DESC";
      print_on_conflict(out, c.on_conflict);
      if (c.autoincrement) out += " AUTOINCREMENT";
      return;
    case kind::not_null:
      out += "NOT NULL";
      break;
    case kind::null:
      out += "NULL";
      break;
    case kind::unique:
      out += "UNIQUE";
      break;
    case kind::check:
      out += "CHECK(";
      print_expr(out, *c.expression);
      out += ')';
      return;
    case kind::default_:
      print_default(out, *c.default_);
      return;
    case kind::collate:
      out += "COLLATE ";
      print_identifier(out, *c.collation);
      return;
    case kind::references:
      print_references(out, *c.references);
      return;
    case kind::deferrable:
      return;  // printed by the caller
    case kind::generated:
      print_generated(out, c);
      return;
  }
  print_on_conflict(out, c.on_conflict);  // NOT NULL, NULL, UNIQUE
}

void print_column_constraint(std::string& out, const ast::column_constraint& c) {
  using kind = ast::column_constraint::kind;
  print_constraint_name(out, c.name, c.what == kind::name_only);
  print_column_constraint_body(out, c);
  if (c.deferrable) {
    if (c.what != kind::deferrable) out += ' ';
    print_deferrable(out, *c.deferrable);
  }
}

void print_table_constraint_body(std::string& out, const ast::table_constraint& c) {
  using kind = ast::table_constraint::kind;
  switch (c.what) {
    case kind::name_only:
      return;
    case kind::primary_key:
    case kind::unique:
      out += c.what == kind::primary_key ? "PRIMARY KEY(" : "UNIQUE(";
      print_sort_items(out, c.columns);
      if (c.autoincrement) out += " AUTOINCREMENT";
      out += ')';
      break;
    case kind::check:
      out += "CHECK(";
      print_expr(out, *c.check);
      out += ')';
      break;
    case kind::foreign_key:
      out += "FOREIGN KEY(";
      print_identifiers(out, c.fk_columns);
      out += ") ";
      print_references(out, *c.references);
      if (c.deferrable) {
        out += ' ';
        print_deferrable(out, *c.deferrable);
      }
      return;
  }
  print_on_conflict(out, c.on_conflict);
}

// One constraint per line, like the columns; constraints that were written
// without a separating ',' (SQLite allows it) stay on the previous line.
void print_table_constraints(std::string& out, const std::vector<ast::table_constraint>& constraints) {
  bool first = true;
  for (const ast::table_constraint& c : constraints) {
    // The first one always follows the column list's ','.
    out += first || c.comma_before ? ",\n  " : " ";
    first = false;
    print_constraint_name(out, c.name, c.what == ast::table_constraint::kind::name_only);
    print_table_constraint_body(out, c);
  }
}

void print_table_option(std::string& out, const ast::table_option& o) {
  if (o.without) out += "WITHOUT ";
  print_name_as_written(out, o.name);
}

// `options` as written; a hand-built AST may set only the flags.
void print_table_options(std::string& out, const ast::create_table& s) {
  if (!s.options.empty()) {
    out += s.options_leading_comma ? " , " : " ";
    print_list(out, s.options, print_table_option);
    return;
  }
  if (s.without_rowid) out += " WITHOUT ROWID";
  if (s.without_rowid && s.strict) out += ',';
  if (s.strict) out += " STRICT";
}

void print_trigger_event(std::string& out, const ast::create_trigger& s) {
  switch (s.timing) {
    case ast::trigger_timing::none:
      break;
    case ast::trigger_timing::before:
      out += "BEFORE ";
      break;
    case ast::trigger_timing::after:
      out += "AFTER ";
      break;
    case ast::trigger_timing::instead_of:
      out += "INSTEAD OF ";
      break;
  }
  switch (s.event) {
    case ast::trigger_event::delete_:
      out += "DELETE";
      break;
    case ast::trigger_event::insert:
      out += "INSERT";
      break;
    case ast::trigger_event::update:
      out += "UPDATE";
      break;
  }
  if (s.update_of) {
    out += " OF ";
    print_identifiers(out, *s.update_of);
  }
}

}  // namespace

std::string_view fk_action_word(ast::fk_action a) { return fk_action_spelling(a); }

void print_on_conflict(std::string& out, ast::conflict_resolution c) {
  if (c == ast::conflict_resolution::none) return;
  out += " ON CONFLICT ";
  out += conflict_word(c);
}

std::string_view conflict_word(ast::conflict_resolution c) {
  switch (c) {
    case ast::conflict_resolution::none:
      break;
    case ast::conflict_resolution::rollback:
      return "ROLLBACK";
    case ast::conflict_resolution::abort:
      return "ABORT";
    case ast::conflict_resolution::fail:
      return "FAIL";
    case ast::conflict_resolution::ignore:
      return "IGNORE";
    case ast::conflict_resolution::replace:
      return "REPLACE";
  }
  assert(false && "no conflict resolution");
  return "ABORT";
}

void print_column_definition(std::string& out, const ast::column_definition& col) {
  print_identifier(out, col.name);
  if (col.type) {
    out += ' ';
    print_type_name(out, *col.type);
  }
  for (const ast::column_constraint& c : col.constraints) {
    out += ' ';
    print_column_constraint(out, c);
  }
}

void print_create_table(std::string& out, const ast::create_table& s) {
  print_create_prefix(out, s.temp, s.temporary_spelling);
  out += "TABLE ";
  print_if_not_exists(out, s.if_not_exists);
  print_qualified_name(out, s.name);
  if (s.as_select) {
    out += " AS ";
    print_select(out, *s.as_select);
    return;
  }
  assert(!s.columns.empty());
  // A column per line: schema files and diffs read best that way.
  out += " (\n  ";
  bool first = true;
  for (const ast::column_definition& c : s.columns) {
    if (!first) out += ",\n  ";
    first = false;
    print_column_definition(out, c);
  }
  print_table_constraints(out, s.constraints);
  out += "\n)";
  print_table_options(out, s);
}

void print_create_index(std::string& out, const ast::create_index& s) {
  out += s.unique ? "CREATE UNIQUE INDEX " : "CREATE INDEX ";
  print_if_not_exists(out, s.if_not_exists);
  print_qualified_name(out, s.name);
  out += " ON ";
  print_identifier(out, s.table);
  out += '(';
  print_sort_items(out, s.columns);
  out += ')';
  if (s.where_clause) {
    out += " WHERE ";
    print_expr(out, *s.where_clause);
  }
}

void print_create_view(std::string& out, const ast::create_view& s) {
  print_create_prefix(out, s.temp, s.temporary_spelling);
  out += "VIEW ";
  print_if_not_exists(out, s.if_not_exists);
  print_qualified_name(out, s.name);
  if (!s.columns.empty()) {
    out += '(';
    print_identifiers(out, s.columns);
    out += ')';
  }
  out += " AS ";
  print_select(out, *s.query);
}

void print_create_trigger(std::string& out, const ast::create_trigger& s) {
  print_create_prefix(out, s.temp, s.temporary_spelling);
  out += "TRIGGER ";
  print_if_not_exists(out, s.if_not_exists);
  print_qualified_name(out, s.name);
  out += ' ';
  print_trigger_event(out, s);
  out += " ON ";
  print_qualified_name(out, s.table);
  if (s.for_each_row) out += " FOR EACH ROW";
  if (s.when) {
    out += " WHEN ";
    print_expr(out, *s.when);
  }
  out += "\nBEGIN";
  for (const ast::statement& step : s.body) {
    out += "\n  ";
    print_statement_to(out, step);
    out += ';';
  }
  out += "\nEND";
}

void print_create_virtual_table(std::string& out, const ast::create_virtual_table& s) {
  out += "CREATE VIRTUAL TABLE ";
  print_if_not_exists(out, s.if_not_exists);
  print_qualified_name(out, s.name);
  out += " USING ";
  print_identifier(out, s.module);
  if (!s.arguments) return;
  out += '(';
  print_list(out, *s.arguments, [](std::string& o, const std::string& a) { o += a; });
  out += ')';
}

void print_alter_table(std::string& out, const ast::alter_table& s) {
  out += "ALTER TABLE ";
  print_qualified_name(out, s.table);
  const char* column = s.column_keyword ? "COLUMN " : "";
  using kind = ast::alter_table::kind;
  switch (s.what) {
    case kind::rename_table:
      out += " RENAME TO ";
      print_identifier(out, *s.to);
      return;
    case kind::rename_column:
      out += " RENAME ";
      out += column;
      print_identifier(out, *s.from);
      out += " TO ";
      print_identifier(out, *s.to);
      return;
    case kind::add_column:
      out += " ADD ";
      out += column;
      print_column_definition(out, *s.column);
      return;
    case kind::drop_column:
      out += " DROP ";
      out += column;
      print_identifier(out, *s.from);
      return;
    case kind::add_check:
      out += " ADD ";
      if (s.constraint) {
        out += "CONSTRAINT ";
        print_identifier(out, *s.constraint);
        out += ' ';
      }
      out += "CHECK(";
      print_expr(out, *s.check);
      out += ')';
      return;
    case kind::drop_constraint:
      out += " DROP CONSTRAINT ";
      print_identifier(out, *s.constraint);
      return;
    case kind::set_not_null:
    case kind::drop_not_null:
      out += " ALTER ";
      out += column;
      print_identifier(out, *s.from);
      out += s.what == kind::set_not_null ? " SET NOT NULL" : " DROP NOT NULL";
      print_on_conflict(out, s.on_conflict);
      return;
  }
}

void print_drop(std::string& out, const ast::drop& s) {
  switch (s.what) {
    case ast::object_kind::table:
      out += "DROP TABLE ";
      break;
    case ast::object_kind::view:
      out += "DROP VIEW ";
      break;
    case ast::object_kind::index:
      out += "DROP INDEX ";
      break;
    case ast::object_kind::trigger:
      out += "DROP TRIGGER ";
      break;
  }
  if (s.if_exists) out += "IF EXISTS ";
  print_qualified_name(out, s.name);
}

}  // namespace migc::backend::sql::detail
