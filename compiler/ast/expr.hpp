// AST of expressions and the pieces of SELECT they share (sort items,
// window specifications). Every node carries the span of its source text;
// spellings that SQLite treats alike but that are distinct tokens (`=` and
// `==`, `!=` and `<>`) are kept so the printer reproduces the input's tokens.
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <variant>
#include <vector>

#include "compiler/source/source.hpp"

namespace migc::ast {

using source::span;

/// A name as written: `text` is the unquoted value, `key` its ASCII
/// case-fold (what SQLite compares), `quote` the opening quote character
/// ('\0' unquoted, '"', '`', '[' or '\'').
struct identifier {
  std::string text;
  std::string key;
  char quote = '\0';
  span where{};
};

/// [schema .] name
struct qualified_name {
  std::optional<identifier> schema;
  identifier name;
  span where{};
};

struct expr;
using expr_ptr = std::unique_ptr<expr>;
struct select;
using select_ptr = std::unique_ptr<select>;

/// typetoken: one or more words, optionally with one or two size arguments.
struct type_name {
  std::vector<identifier> words;
  std::vector<std::string> arguments;  // signed numbers as written
  span where{};
};

/// `identifier` only for the message of RAISE, which SQLite 3.40 takes as a
/// name or a string.
enum class literal_kind : std::uint8_t {
  integer,
  real,
  string,
  blob,
  null,
  current_time,
  current_date,
  current_timestamp,
  identifier
};
struct literal {
  literal_kind kind{};
  std::string text;  // as written, quotes included
};

struct parameter {
  std::string text;
};

struct column_ref {
  std::optional<identifier> schema;
  std::optional<identifier> table;
  identifier column;
};

enum class unary_op : std::uint8_t { negate, plus, bitnot, logical_not };
struct unary {
  unary_op op{};
  expr_ptr operand;
};

enum class binary_op : std::uint8_t {
  logical_or,
  logical_and,
  eq,
  eq2,
  ne,
  ne2,
  is,
  is_not,
  is_distinct_from,
  is_not_distinct_from,
  lt,
  le,
  gt,
  ge,
  bitand_,
  bitor_,
  lshift,
  rshift,
  add,
  sub,
  mul,
  div,
  mod,
  concat,
  ptr,
  ptr2
};
struct binary {
  binary_op op{};
  expr_ptr lhs;
  expr_ptr rhs;
};

enum class null_test_kind : std::uint8_t { isnull, notnull, not_null };
struct null_test {
  null_test_kind kind{};
  expr_ptr operand;
};

struct between {
  bool negated = false;
  expr_ptr operand;
  expr_ptr low;
  expr_ptr high;
};

struct in_table {
  qualified_name table;
  std::optional<std::vector<expr_ptr>> arguments;  // table-valued function
};
struct in_list {
  bool negated = false;
  expr_ptr operand;
  // in_table lives on the heap: it is rare and large, and every expression
  // node is as large as its largest alternative.
  std::variant<std::vector<expr_ptr>, select_ptr, std::unique_ptr<in_table>> rhs;
};

enum class like_op : std::uint8_t { like, glob, regexp, match };
struct like {
  bool negated = false;
  like_op op{};
  expr_ptr operand;
  expr_ptr pattern;
  expr_ptr escape;
};

struct collate {
  expr_ptr operand;
  identifier collation;
};

struct cast {
  expr_ptr operand;
  std::optional<type_name> type;
};

struct case_when {
  expr_ptr when;
  expr_ptr then;
};
struct case_expr {
  expr_ptr operand;
  std::vector<case_when> whens;
  expr_ptr otherwise;
};

struct exists {
  select_ptr query;
};
struct subquery {
  select_ptr query;
};
/// ( expr ) kept as written; ( a, b, ... ) is a row value.
struct paren {
  std::vector<expr_ptr> items;
};

enum class sort_direction : std::uint8_t { none, asc, desc };
enum class nulls_order : std::uint8_t { none, first, last };
struct sort_item {
  expr_ptr value;
  sort_direction direction = sort_direction::none;
  nulls_order nulls = nulls_order::none;
};

enum class frame_unit : std::uint8_t { range, rows, groups };
enum class frame_bound_kind : std::uint8_t {
  current_row,
  unbounded_preceding,
  unbounded_following,
  preceding,
  following
};
struct frame_bound {
  frame_bound_kind kind{};
  expr_ptr offset;
};
enum class frame_exclude : std::uint8_t { none, no_others, current_row, group, ties };
struct window_frame {
  frame_unit unit{};
  bool between = false;
  frame_bound start;
  frame_bound end;  // only when `between`
  frame_exclude exclude = frame_exclude::none;
};
struct window_spec {
  std::optional<identifier> base;
  std::vector<expr_ptr> partition_by;
  std::vector<sort_item> order_by;
  std::optional<window_frame> frame;
};

enum class set_quantifier : std::uint8_t { none, distinct, all };
struct function_call {
  identifier name;
  set_quantifier quantifier = set_quantifier::none;
  bool star = false;
  std::vector<expr_ptr> arguments;
  std::vector<sort_item> order_by;  // f(x ORDER BY y), SQLite 3.44
  expr_ptr filter;
  std::optional<identifier> over_name;
  std::unique_ptr<window_spec> over;  // on the heap: see in_list
};

enum class raise_kind : std::uint8_t { ignore, rollback, abort, fail };
struct raise {
  raise_kind kind{};
  expr_ptr message;
};

struct expr {
  span where{};
  /// 1 + the height of the tallest operand, as SQLite counts it against
  /// its expression depth limit (1000).
  std::uint32_t height = 1;
  std::variant<literal, parameter, column_ref, unary, binary, null_test, between, in_list, like, collate, cast,
               case_expr, exists, subquery, paren, function_call, raise>
      node;
};

}  // namespace migc::ast
