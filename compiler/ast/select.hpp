// AST of SELECT: WITH, simple selects and VALUES, compounds, FROM with its
// joins, result columns, windows, ORDER BY and LIMIT.
#pragma once

#include "compiler/ast/expr.hpp"

namespace migc::ast {

struct result_column {
  enum class kind : std::uint8_t { star, table_star, value } what = kind::value;
  std::optional<identifier> table;  // table_star
  expr_ptr value;
  std::optional<identifier> alias;
  bool alias_as = false;  // written with AS
};

struct from_item;
/// What a join operator makes of the tables either side of it; a bare JOIN is
/// an inner join.
enum class join_kind : std::uint8_t { comma, inner, cross, left, right, full };
/// A word SQLite accepts between a table and JOIN.
enum class join_word : std::uint8_t { natural, left, right, full, outer, inner, cross };

struct join_operator {
  join_kind kind = join_kind::inner;
  bool natural = false;
  std::vector<join_word> words;  // as written, for printing: NATURAL LEFT OUTER ... (empty for `,` and bare JOIN)
};

/// A FROM clause: items[0] (op[0] items[1]) (op[1] items[2]) ...
struct from_clause {
  std::vector<from_item> items;
  std::vector<join_operator> joins;
};

enum class indexed_kind : std::uint8_t { none, indexed_by, not_indexed };

struct from_item {
  enum class kind : std::uint8_t { table, table_function, subquery, nested } what = kind::table;
  qualified_name table;
  std::vector<expr_ptr> arguments;  // table_function
  select_ptr query;                 // subquery
  std::unique_ptr<from_clause> nested;
  std::optional<identifier> alias;
  bool alias_as = false;
  indexed_kind indexed = indexed_kind::none;
  std::optional<identifier> index;
  expr_ptr on;
  std::optional<std::vector<identifier>> using_columns;
  span where{};
};

struct window_definition {
  identifier name;
  window_spec spec;
};

struct limit_clause {
  expr_ptr count;
  expr_ptr offset;
  bool comma_form = false;  // written `LIMIT offset, count`
};

/// One SELECT ... or VALUES (...) of a compound.
struct select_core {
  bool values = false;
  std::vector<std::vector<expr_ptr>> rows;  // VALUES
  set_quantifier quantifier = set_quantifier::none;
  std::vector<result_column> columns;
  std::optional<from_clause> from;
  expr_ptr where_clause;
  std::vector<expr_ptr> group_by;
  expr_ptr having;
  std::vector<window_definition> windows;
  std::vector<sort_item> order_by;
  std::optional<limit_clause> limit;
  span where{};
};

enum class compound_op : std::uint8_t { union_, union_all, intersect, except };
enum class materialization : std::uint8_t { none, materialized, not_materialized };

struct common_table {
  identifier name;
  std::vector<identifier> columns;
  materialization hint = materialization::none;
  select_ptr query;
};

struct with_clause {
  bool recursive = false;
  std::vector<common_table> tables;
};

/// [WITH ...] core (op core)*; ORDER BY and LIMIT of the whole compound sit
/// on the last core, where SQLite's grammar puts them.
struct select {
  std::optional<with_clause> with;
  std::vector<select_core> cores;
  std::vector<compound_op> ops;
  span where{};
};

}  // namespace migc::ast
