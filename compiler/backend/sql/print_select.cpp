// The canonical printer's queries: WITH, compounds, simple selects and
// VALUES, result columns, FROM with its joins, WINDOW, ORDER BY and LIMIT,
// with the sort items and window specifications expressions share.
#include <cassert>

#include "compiler/backend/sql/print_internal.hpp"

namespace migc::backend::sql::detail {

namespace {

std::string_view compound_spelling(ast::compound_op op) {
  switch (op) {
    case ast::compound_op::union_:
      return " UNION ";
    case ast::compound_op::union_all:
      return " UNION ALL ";
    case ast::compound_op::intersect:
      return " INTERSECT ";
    case ast::compound_op::except:
      return " EXCEPT ";
  }
  assert(false && "unknown compound operator");
  return " UNION ";
}

void print_common_table(std::string& out, const ast::common_table& t) {
  print_identifier(out, t.name);
  if (!t.columns.empty()) {
    out += '(';
    print_identifiers(out, t.columns);
    out += ')';
  }
  out += " AS ";
  if (t.hint == ast::materialization::materialized) out += "MATERIALIZED ";
  if (t.hint == ast::materialization::not_materialized) out += "NOT MATERIALIZED ";
  out += '(';
  print_select(out, *t.query);
  out += ')';
}

std::string_view join_word_text(ast::join_word w) {
  switch (w) {
    case ast::join_word::natural:
      return "NATURAL";
    case ast::join_word::left:
      return "LEFT";
    case ast::join_word::right:
      return "RIGHT";
    case ast::join_word::full:
      return "FULL";
    case ast::join_word::outer:
      return "OUTER";
    case ast::join_word::inner:
      return "INNER";
    case ast::join_word::cross:
      return "CROSS";
  }
  return "INNER";
}

// The words as written, in their order: SQLite accepts `LEFT NATURAL JOIN`.
void print_join_operator(std::string& out, const ast::join_operator& op) {
  if (op.kind == ast::join_kind::comma) {
    out += ", ";
    return;
  }
  out += ' ';
  for (const ast::join_word w : op.words) {
    out += join_word_text(w);
    out += ' ';
  }
  out += "JOIN ";
}

void print_alias(std::string& out, const std::optional<ast::identifier>& alias, bool written_as) {
  if (!alias) return;
  out += written_as ? " AS " : " ";
  print_identifier(out, *alias);
}

void print_from_source(std::string& out, const ast::from_item& item) {
  using kind = ast::from_item::kind;
  switch (item.what) {
    case kind::table:
      print_qualified_name(out, item.table);
      return;
    case kind::table_function:
      print_qualified_name(out, item.table);
      out += '(';
      print_exprs(out, item.arguments);
      out += ')';
      return;
    case kind::subquery:
      out += '(';
      print_select(out, *item.query);
      out += ')';
      return;
    case kind::nested:
      out += '(';
      print_from(out, *item.nested);
      out += ')';
      return;
  }
}

void print_from_item(std::string& out, const ast::from_item& item) {
  print_from_source(out, item);
  print_alias(out, item.alias, item.alias_as);
  print_indexed(out, item.indexed, item.index);
  if (item.on) {
    out += " ON ";
    print_expr(out, *item.on);
  }
  if (item.using_columns) {
    out += " USING (";
    print_identifiers(out, *item.using_columns);
    out += ')';
  }
}

void print_values(std::string& out, const ast::select_core& core) {
  out += "VALUES ";
  print_list(out, core.rows, [](std::string& o, const std::vector<ast::expr_ptr>& row) {
    o += '(';
    print_exprs(o, row);
    o += ')';
  });
}

void print_windows(std::string& out, const std::vector<ast::window_definition>& windows) {
  out += " WINDOW ";
  print_list(out, windows, [](std::string& o, const ast::window_definition& w) {
    print_identifier(o, w.name);
    o += " AS (";
    print_window_spec(o, w.spec);
    o += ')';
  });
}

void print_select_clauses(std::string& out, const ast::select_core& core) {
  out += "SELECT ";
  if (core.quantifier == ast::set_quantifier::distinct) out += "DISTINCT ";
  if (core.quantifier == ast::set_quantifier::all) out += "ALL ";
  print_result_columns(out, core.columns);
  if (core.from) {
    out += " FROM ";
    print_from(out, *core.from);
  }
  if (core.where_clause) {
    out += " WHERE ";
    print_expr(out, *core.where_clause);
  }
  if (!core.group_by.empty()) {
    out += " GROUP BY ";
    print_exprs(out, core.group_by);
  }
  if (core.having) {
    out += " HAVING ";
    print_expr(out, *core.having);
  }
  if (!core.windows.empty()) print_windows(out, core.windows);
}

void print_core(std::string& out, const ast::select_core& core) {
  if (core.values) {
    print_values(out, core);
  } else {
    print_select_clauses(out, core);
  }
  if (!core.order_by.empty()) {
    out += " ORDER BY ";
    print_sort_items(out, core.order_by);
  }
  if (core.limit) {
    out += ' ';
    print_limit(out, *core.limit);
  }
}

void print_frame_bound(std::string& out, const ast::frame_bound& b) {
  using enum ast::frame_bound_kind;
  switch (b.kind) {
    case current_row:
      out += "CURRENT ROW";
      return;
    case unbounded_preceding:
      out += "UNBOUNDED PRECEDING";
      return;
    case unbounded_following:
      out += "UNBOUNDED FOLLOWING";
      return;
    case preceding:
    case following:
      assert(b.offset);
      print_expr(out, *b.offset);
      out += b.kind == preceding ? " PRECEDING" : " FOLLOWING";
      return;
  }
}

void print_frame(std::string& out, const ast::window_frame& f) {
  switch (f.unit) {
    case ast::frame_unit::range:
      out += "RANGE ";
      break;
    case ast::frame_unit::rows:
      out += "ROWS ";
      break;
    case ast::frame_unit::groups:
      out += "GROUPS ";
      break;
  }
  if (f.between) out += "BETWEEN ";
  print_frame_bound(out, f.start);
  if (f.between) {
    out += " AND ";
    print_frame_bound(out, f.end);
  }
  switch (f.exclude) {
    case ast::frame_exclude::none:
      break;
    case ast::frame_exclude::no_others:
      out += " EXCLUDE NO OTHERS";
      break;
    case ast::frame_exclude::current_row:
      out += " EXCLUDE CURRENT ROW";
      break;
    case ast::frame_exclude::group:
      out += " EXCLUDE GROUP";
      break;
    case ast::frame_exclude::ties:
      out += " EXCLUDE TIES";
      break;
  }
}

}  // namespace

void print_select(std::string& out, const ast::select& s) {
  assert(!s.cores.empty() && s.ops.size() + 1 == s.cores.size());
  if (s.with) {
    print_with(out, *s.with);
    out += ' ';
  }
  for (std::size_t i = 0; i < s.cores.size(); ++i) {
    if (i != 0) out += compound_spelling(s.ops[i - 1]);
    print_core(out, s.cores[i]);
  }
}

void print_with(std::string& out, const ast::with_clause& with) {
  out += with.recursive ? "WITH RECURSIVE " : "WITH ";
  print_list(out, with.tables, print_common_table);
}

void print_from(std::string& out, const ast::from_clause& from) {
  assert(!from.items.empty() && from.joins.size() + 1 == from.items.size());
  for (std::size_t i = 0; i < from.items.size(); ++i) {
    if (i != 0) print_join_operator(out, from.joins[i - 1]);
    print_from_item(out, from.items[i]);
  }
}

void print_result_columns(std::string& out, const std::vector<ast::result_column>& columns) {
  print_list(out, columns, [](std::string& o, const ast::result_column& c) {
    using kind = ast::result_column::kind;
    switch (c.what) {
      case kind::star:
        o += '*';
        return;
      case kind::table_star:
        print_identifier(o, *c.table);
        o += ".*";
        return;
      case kind::value:
        print_expr(o, *c.value);
        print_alias(o, c.alias, c.alias_as);
        return;
    }
  });
}

void print_limit(std::string& out, const ast::limit_clause& limit) {
  out += "LIMIT ";
  if (limit.comma_form) {
    // LIMIT offset, count
    print_expr(out, *limit.offset);
    out += ", ";
    print_expr(out, *limit.count);
    return;
  }
  print_expr(out, *limit.count);
  if (!limit.offset) return;
  out += " OFFSET ";
  print_expr(out, *limit.offset);
}

void print_indexed(std::string& out, ast::indexed_kind indexed, const std::optional<ast::identifier>& index) {
  switch (indexed) {
    case ast::indexed_kind::none:
      return;
    case ast::indexed_kind::indexed_by:
      assert(index);
      out += " INDEXED BY ";
      print_identifier(out, *index);
      return;
    case ast::indexed_kind::not_indexed:
      out += " NOT INDEXED";
      return;
  }
}

void print_sort_items(std::string& out, const std::vector<ast::sort_item>& items) {
  print_list(out, items, [](std::string& o, const ast::sort_item& item) {
    print_expr(o, *item.value);
    if (item.direction == ast::sort_direction::asc) o += " ASC";
    if (item.direction == ast::sort_direction::desc) o += " DESC";
    if (item.nulls == ast::nulls_order::first) o += " NULLS FIRST";
    if (item.nulls == ast::nulls_order::last) o += " NULLS LAST";
  });
}

void print_window_spec(std::string& out, const ast::window_spec& spec) {
  const std::size_t start = out.size();
  auto space = [&] {
    if (out.size() != start) out += ' ';
  };
  if (spec.base) print_identifier(out, *spec.base);
  if (!spec.partition_by.empty()) {
    space();
    out += "PARTITION BY ";
    print_exprs(out, spec.partition_by);
  }
  if (!spec.order_by.empty()) {
    space();
    out += "ORDER BY ";
    print_sort_items(out, spec.order_by);
  }
  if (spec.frame) {
    space();
    print_frame(out, *spec.frame);
  }
}

}  // namespace migc::backend::sql::detail
