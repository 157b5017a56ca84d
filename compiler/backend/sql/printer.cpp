// The canonical SQL printer's entry points and statement dispatch, with the
// statements that are not DDL: INSERT, UPDATE, DELETE (and their upsert,
// SET and RETURNING clauses), SELECT, PRAGMA, transactions and savepoints,
// ATTACH / DETACH, VACUUM, REINDEX and ANALYZE. DDL is in
// print_statement.cpp, queries in print_select.cpp, expressions in
// print_expr.cpp.
#include "compiler/backend/sql/printer.hpp"

#include <cassert>
#include <variant>

#include "compiler/backend/sql/print_internal.hpp"

namespace migc::backend::sql {

namespace detail {

namespace {

void print_with_prefix(std::string& out, const std::optional<ast::with_clause>& with) {
  if (!with) return;
  print_with(out, *with);
  out += ' ';
}

void print_or_conflict(std::string& out, ast::conflict_resolution c) {
  if (c == ast::conflict_resolution::none) return;
  out += "OR ";
  out += conflict_word(c);
  out += ' ';
}

void print_target(std::string& out, const ast::target_table& t) {
  print_qualified_name(out, t.name);
  if (t.alias) {
    out += " AS ";
    print_identifier(out, *t.alias);
  }
}

void print_set_list(std::string& out, const std::vector<ast::set_clause>& set) {
  out += "SET ";
  print_list(out, set, [](std::string& o, const ast::set_clause& s) {
    assert(s.parenthesized || s.columns.size() == 1);
    if (s.parenthesized) o += '(';
    print_identifiers(o, s.columns);
    if (s.parenthesized) o += ')';
    o += s.double_equals ? " == " : " = ";
    print_expr(o, *s.value);
  });
}

void print_returning(std::string& out, const std::optional<std::vector<ast::result_column>>& returning) {
  if (!returning) return;
  out += " RETURNING ";
  print_result_columns(out, *returning);
}

void print_where(std::string& out, const ast::expr_ptr& where) {
  if (!where) return;
  out += " WHERE ";
  print_expr(out, *where);
}

void print_upsert(std::string& out, const ast::upsert_clause& u) {
  out += " ON CONFLICT";
  if (!u.target.empty()) {
    out += '(';
    print_sort_items(out, u.target);
    out += ')';
    print_where(out, u.target_where);
  }
  if (u.do_nothing) {
    out += " DO NOTHING";
    return;
  }
  out += " DO UPDATE ";
  print_set_list(out, u.set);
  print_where(out, u.where_clause);
}

void print_insert(std::string& out, const ast::insert& s) {
  print_with_prefix(out, s.with);
  if (s.replace) {
    out += "REPLACE ";
  } else {
    out += "INSERT ";
    print_or_conflict(out, s.or_conflict);
  }
  out += "INTO ";
  print_target(out, s.target);
  if (s.columns) {
    out += '(';
    print_identifiers(out, *s.columns);
    out += ')';
  }
  if (s.default_values) {
    out += " DEFAULT VALUES";
  } else {
    assert(s.source);
    out += ' ';
    print_select(out, *s.source);
  }
  for (const ast::upsert_clause& u : s.upserts) print_upsert(out, u);
  print_returning(out, s.returning);
}

void print_order_limit(std::string& out, const std::vector<ast::sort_item>& order_by,
                       const std::optional<ast::limit_clause>& limit) {
  if (!order_by.empty()) {
    out += " ORDER BY ";
    print_sort_items(out, order_by);
  }
  if (limit) {
    out += ' ';
    print_limit(out, *limit);
  }
}

void print_update(std::string& out, const ast::update& s) {
  print_with_prefix(out, s.with);
  out += "UPDATE ";
  print_or_conflict(out, s.or_conflict);
  print_target(out, s.target);
  print_indexed(out, s.indexed, s.index);
  out += ' ';
  print_set_list(out, s.set);
  if (s.from) {
    out += " FROM ";
    print_from(out, *s.from);
  }
  print_where(out, s.where_clause);
  print_returning(out, s.returning);
  print_order_limit(out, s.order_by, s.limit);
}

void print_delete(std::string& out, const ast::delete_& s) {
  print_with_prefix(out, s.with);
  out += "DELETE FROM ";
  print_target(out, s.target);
  print_indexed(out, s.indexed, s.index);
  print_where(out, s.where_clause);
  print_returning(out, s.returning);
  print_order_limit(out, s.order_by, s.limit);
}

// A value written as ON, DELETE or DEFAULT is a keyword: upper-cased.
// Numbers and other words are kept as written.
void print_pragma_value(std::string& out, const ast::pragma& s) {
  if (s.value_name) {
    print_identifier(out, *s.value_name);
  } else if (is_word(s.value) && !is_bare_identifier(s.value)) {
    append_upper(out, s.value);
  } else {
    out += s.value;
  }
}

void print_pragma(std::string& out, const ast::pragma& s) {
  out += "PRAGMA ";
  print_qualified_name(out, s.name);
  switch (s.how) {
    case ast::pragma::form::none:
      return;
    case ast::pragma::form::assign:
      out += s.double_equals ? " == " : " = ";
      print_pragma_value(out, s);
      return;
    case ast::pragma::form::call:
      out += '(';
      print_pragma_value(out, s);
      out += ')';
      return;
  }
}

// [TRANSACTION [name]]; a name can only be written after TRANSACTION.
void print_transaction_name(std::string& out, bool keyword, const std::optional<ast::identifier>& name) {
  if (!keyword && !name) return;
  out += " TRANSACTION";
  if (!name) return;
  out += ' ';
  print_identifier(out, *name);
}

void print_begin(std::string& out, const ast::begin& s) {
  out += "BEGIN";
  switch (s.mode) {
    case ast::transaction_mode::none:
      break;
    case ast::transaction_mode::deferred:
      out += " DEFERRED";
      break;
    case ast::transaction_mode::immediate:
      out += " IMMEDIATE";
      break;
    case ast::transaction_mode::exclusive:
      out += " EXCLUSIVE";
      break;
  }
  print_transaction_name(out, s.transaction_keyword, s.name);
}

void print_rollback(std::string& out, const ast::rollback& s) {
  out += "ROLLBACK";
  print_transaction_name(out, s.transaction_keyword, s.name);
  if (!s.savepoint) return;
  out += s.savepoint_keyword ? " TO SAVEPOINT " : " TO ";
  print_identifier(out, *s.savepoint);
}

void print_attach(std::string& out, const ast::attach& s) {
  out += s.database_keyword ? "ATTACH DATABASE " : "ATTACH ";
  print_expr(out, *s.file);
  out += " AS ";
  print_expr(out, *s.schema);
  if (s.key) {
    out += " KEY ";
    print_expr(out, *s.key);
  }
}

void print_vacuum(std::string& out, const ast::vacuum& s) {
  out += "VACUUM";
  if (s.schema) {
    out += ' ';
    print_identifier(out, *s.schema);
  }
  if (s.into) {
    out += " INTO ";
    print_expr(out, *s.into);
  }
}

// REINDEX and ANALYZE: the keyword and an optional name.
void print_keyword_target(std::string& out, std::string_view keyword, const std::optional<ast::qualified_name>& t) {
  out += keyword;
  if (!t) return;
  out += ' ';
  print_qualified_name(out, *t);
}

void print_node(std::string& out, const ast::statement& stmt) {
  std::visit(overloaded{
                 [&](const ast::create_table& s) { print_create_table(out, s); },
                 [&](const ast::create_index& s) { print_create_index(out, s); },
                 [&](const ast::create_view& s) { print_create_view(out, s); },
                 [&](const ast::create_trigger& s) { print_create_trigger(out, s); },
                 [&](const ast::create_virtual_table& s) { print_create_virtual_table(out, s); },
                 [&](const ast::alter_table& s) { print_alter_table(out, s); },
                 [&](const ast::drop& s) { print_drop(out, s); },
                 [&](const ast::insert& s) { print_insert(out, s); },
                 [&](const ast::update& s) { print_update(out, s); },
                 [&](const ast::delete_& s) { print_delete(out, s); },
                 [&](const ast::select_statement& s) { print_select(out, *s.query); },
                 [&](const ast::pragma& s) { print_pragma(out, s); },
                 [&](const ast::begin& s) { print_begin(out, s); },
                 [&](const ast::commit& s) {
                   out += s.end_spelling ? "END" : "COMMIT";
                   print_transaction_name(out, s.transaction_keyword, s.name);
                 },
                 [&](const ast::rollback& s) { print_rollback(out, s); },
                 [&](const ast::savepoint& s) {
                   out += "SAVEPOINT ";
                   print_identifier(out, s.name);
                 },
                 [&](const ast::release& s) {
                   out += s.savepoint_keyword ? "RELEASE SAVEPOINT " : "RELEASE ";
                   print_identifier(out, s.name);
                 },
                 [&](const ast::attach& s) { print_attach(out, s); },
                 [&](const ast::detach& s) {
                   out += s.database_keyword ? "DETACH DATABASE " : "DETACH ";
                   print_expr(out, *s.schema);
                 },
                 [&](const ast::vacuum& s) { print_vacuum(out, s); },
                 [&](const ast::reindex& s) { print_keyword_target(out, "REINDEX", s.target); },
                 [&](const ast::analyze& s) { print_keyword_target(out, "ANALYZE", s.target); },
             },
             stmt.node);
}

}  // namespace

void print_statement_to(std::string& out, const ast::statement& stmt) {
  switch (stmt.explain) {
    case ast::explain_mode::none:
      break;
    case ast::explain_mode::explain:
      out += "EXPLAIN ";
      break;
    case ast::explain_mode::query_plan:
      out += "EXPLAIN QUERY PLAN ";
      break;
  }
  print_node(out, stmt);
}

}  // namespace detail

std::string print_statement(const ast::statement& stmt) {
  std::string out;
  detail::print_statement_to(out, stmt);
  return out;
}

std::string print_script(const ast::script& script) {
  std::string out;
  for (const ast::statement& stmt : script.statements) {
    detail::print_statement_to(out, stmt);
    out += ";\n";
  }
  return out;
}

std::string print_create_table_named(const ast::create_table& table, std::string_view name) {
  // Printing the statement and splicing the name would need the printer's
  // quoting rules twice; a shallow view of the AST with another name is
  // not possible either (it owns its children), so print the pieces.
  std::string head;
  detail::print_create_table(head, table);
  std::string old_name;
  detail::print_qualified_name(old_name, table.name);
  const std::string prefix = table.if_not_exists ? "CREATE TABLE IF NOT EXISTS " : "CREATE TABLE ";
  assert(head.starts_with(prefix + old_name));
  return prefix + print_name(name) + head.substr(prefix.size() + old_name.size());
}

std::string print_column(const ast::column_definition& column) {
  std::string out;
  detail::print_column_definition(out, column);
  return out;
}

std::string print_expression(const ast::expr& e) {
  std::string out;
  detail::print_expr(out, e);
  return out;
}

std::string_view fk_action_keywords(ast::fk_action a) { return detail::fk_action_word(a); }

std::string_view conflict_keyword(ast::conflict_resolution c) {
  return c == ast::conflict_resolution::none ? std::string_view() : detail::conflict_word(c);
}

std::string print_name(std::string_view name) {
  ast::identifier id;
  id.text = name;
  std::string out;
  detail::print_identifier(out, id);
  return out;
}

std::string normalized_statement(const ast::statement& stmt, const print_options& options) {
  detail::normalize_scope scope(options);
  std::string out;
  detail::print_statement_to(out, stmt);
  return out;
}

std::string normalized_expr(const ast::expr& e, const print_options& options) {
  detail::normalize_scope scope(options);
  std::string out;
  detail::print_expr(out, e);
  return out;
}

std::string normalized_identifiers(const std::vector<ast::identifier>& ids) {
  detail::normalize_scope scope;
  std::string out;
  detail::print_identifiers(out, ids);
  return out;
}

std::string normalized_type(const std::optional<ast::type_name>& type) {
  if (!type) return {};
  detail::normalize_scope scope;
  std::string out;
  detail::print_type_name(out, *type);
  return out;
}

}  // namespace migc::backend::sql
