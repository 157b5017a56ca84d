// Expressions (parse.y's `expr` and `term`), with SQLite's operator
// precedence written as one rule per level, lowest first:
//   OR < AND < NOT < (IS MATCH LIKE BETWEEN IN ISNULL NOTNULL = != ) < (< <= > >=)
//   < (& | << >>) < (+ -) < (* / %) < (|| -> ->>) < COLLATE < unary (~ + -)
//
// Departures from parse.y, and why:
// - Prefix NOT may start any operand (`1 + NOT 0 = 1` is `1 + (NOT (0 = 1))`
//   in SQLite's LALR parser), so it is an alternative of `unary` whose
//   operand is an equality-level expression.
// - `x NOT NULL` is a postfix operator of the equality level: it binds the
//   same way in every position SQLite allows it.
// - The middle operand of BETWEEN is an equality-level expression: SQLite
//   can never complete a BETWEEN whose middle holds a top-level AND or OR.
#pragma once

#include "grammar/names.hpp"

namespace migc::grammar {

struct expr;
struct select_stmt;
struct sortlist;
struct type_name;
struct window_spec;

/// `G` as a cheap lookahead before `R`: the parse tree allocates a node for
/// every attempt of a selected rule, so attempts that would fail at their
/// first token are not made at all.
template <typename G, typename R>
struct guarded : seq<at<G>, R> {};

// -- literals ---------------------------------------------------------------
/// term ::= NULL | FLOAT | BLOB | STRING | INTEGER | CTIME_KW, one node rule
/// per kind.
struct literal_number : numeric_literal, node_tag {};
struct literal_string : string_literal, node_tag {};
struct literal_blob : blob_literal, node_tag {};
struct literal_null : kw_null, node_tag {};
struct literal_current_timestamp : kw_current_timestamp, node_tag {};
struct literal_current_time : kw_current_time, node_tag {};
struct literal_current_date : kw_current_date, node_tag {};
struct literal : sor<literal_number, literal_string, literal_blob, literal_null, literal_current_timestamp,
                     literal_current_time, literal_current_date> {};
struct lit_parameter : bind_parameter, node_tag {};

// -- lists ------------------------------------------------------------------
struct nexprlist : list<expr, comma> {};
struct expr_list : opt<nexprlist>, node_tag {};

/// SELECT, VALUES or WITH: a parenthesis opening one of these holds a query.
struct select_start : sor<kw_select, kw_values, kw_with> {};

// -- primary expressions ----------------------------------------------------
/// The first name of a column reference: RAISE, CAST and CURRENT_TIME &c.
/// start expressions of their own there.
using ref_head_token = name_token<nc_id | nc_string | nc_indexed | nc_join, kw::raise, kw::cast, kw::current_date,
                                  kw::current_time, kw::current_timestamp>;
struct ref_head : ref_head_token, node_tag {};
struct column_ref : sor<seq<ref_head, dot, nm, opt<dot, nm>>, column_id>, node_tag {};

struct quantifier_distinct : kw_distinct, node_tag {};
struct quantifier_all : kw_all, node_tag {};
struct distinct_all : sor<quantifier_distinct, quantifier_all> {};
struct star_argument : op_star, node_tag {};
struct function_order_by : seq<kw_order, kw_by, sortlist>, node_tag {};
struct filter_clause : seq<kw_filter, lp, kw_where, expr, rp>, node_tag {};
struct window_ref : nm_token, node_tag {};
struct over_clause : seq<kw_over, sor<seq<lp, window_spec, rp>, window_ref>>, node_tag {};
struct function_call
    : seq<function_name, lp, sor<seq<star_argument, rp>, seq<opt<distinct_all>, expr_list, opt<function_order_by>, rp>>,
          opt<guarded<kw_filter, filter_clause>>, opt<guarded<kw_over, over_clause>>>,
      node_tag {};

struct cast_expr : seq<kw_cast, lp, expr, kw_as, opt<type_name>, rp>, node_tag {};

struct case_operand : seq<expr>, node_tag {};
struct case_when : seq<kw_when, expr, kw_then, expr>, node_tag {};
struct case_else : seq<kw_else_, expr>, node_tag {};
struct case_expr : seq<kw_case_, opt<not_at<kw_when>, case_operand>, plus<case_when>, opt<case_else>, kw_end>,
                   node_tag {};

struct exists_expr : seq<kw_exists, lp, select_stmt, rp>, node_tag {};

struct raise_ignore : kw_ignore, node_tag {};
struct raise_rollback : kw_rollback, node_tag {};
struct raise_abort : kw_abort, node_tag {};
struct raise_fail : kw_fail, node_tag {};
struct raise_kind : sor<raise_rollback, raise_abort, raise_fail> {};
/// SQLite 3.40 takes a name or string as the message, not an expression.
struct raise_message : nm_token, node_tag {};
struct raise_expr : seq<kw_raise, lp, sor<raise_ignore, seq<raise_kind, comma, raise_message>>, rp>, node_tag {};

struct subquery_expr : seq<lp, at<select_start>, select_stmt, rp>, node_tag {};
/// ( expr ) or a row value ( expr, expr, ... )
struct paren_expr : seq<lp, not_at<select_start>, nexprlist, rp>, node_tag {};

struct primary
    : sor<guarded<seq<name_token<nc_id | nc_indexed, kw::raise, kw::cast, kw::current_date, kw::current_time,
                                 kw::current_timestamp>,
                      lp>,
                  function_call>,
          guarded<sor<seq<ref_head_token, dot>, name_token<nc_id | nc_indexed | nc_join, kw::raise, kw::cast,
                                                           kw::current_date, kw::current_time, kw::current_timestamp>>,
                  column_ref>,
          literal, lit_parameter, guarded<kw_cast, cast_expr>, guarded<kw_case_, case_expr>,
          guarded<kw_exists, exists_expr>, guarded<kw_raise, raise_expr>, guarded<lp, sor<subquery_expr, paren_expr>>> {
};

// -- operators by precedence ------------------------------------------------
// The operators and operands of one expression are flat children of its
// `expr` node (and of the operand nodes of NOT and the equality-level
// suffixes); the AST builder restores the tree by precedence climbing. This
// keeps the parse tree to a node per operand and operator instead of one per
// precedence level.
struct unary;
struct eq_level;
struct unary_bitnot : op_bitnot, node_tag {};
struct unary_plus : op_plus, node_tag {};
struct unary_minus : op_minus, node_tag {};
struct unary_op : sor<unary_bitnot, unary_plus, unary_minus> {};
struct unary_expr : seq<unary_op, nested<unary>>, node_tag {};
struct not_expr : seq<kw_not_, nested<eq_level>>, node_tag {};
struct unary : sor<guarded<sor<op_bitnot, op_plus, op_minus>, unary_expr>, guarded<kw_not_, not_expr>, primary> {};

struct collate_suffix : seq<kw_collate, ids>, node_tag {};
struct collate_level : seq<unary, star<guarded<kw_collate, collate_suffix>>> {};

// One node rule per binary operator (binop_<ast::binary_op>), grouped by level.
struct binop_concat : op_concat, node_tag {};
struct binop_ptr : op_ptr_text, node_tag {};
struct binop_ptr2 : op_ptr_value, node_tag {};
struct concat_op : sor<binop_concat, binop_ptr2, binop_ptr> {};
struct concat_level : seq<collate_level, star<guarded<sor<op_concat, op_ptr>, concat_op>, collate_level>> {};
struct binop_mul : op_star, node_tag {};
struct binop_div : op_slash, node_tag {};
struct binop_mod : op_rem, node_tag {};
struct mul_op : sor<binop_mul, binop_div, binop_mod> {};
struct mul_level : seq<concat_level, star<guarded<sor<op_star, op_slash, op_rem>, mul_op>, concat_level>> {};
struct binop_add : op_plus, node_tag {};
struct binop_sub : op_minus, node_tag {};
struct add_op : sor<binop_add, binop_sub> {};
struct add_level : seq<mul_level, star<guarded<sor<op_plus, op_minus>, add_op>, mul_level>> {};
struct binop_bitand : op_bitand, node_tag {};
struct binop_bitor : op_bitor, node_tag {};
struct binop_lshift : op_lshift, node_tag {};
struct binop_rshift : op_rshift, node_tag {};
struct bit_op : sor<binop_bitand, binop_bitor, binop_lshift, binop_rshift> {};
struct bit_level : seq<add_level, star<guarded<sor<op_bitand, op_bitor, op_lshift, op_rshift>, bit_op>, add_level>> {};
struct binop_le : op_le, node_tag {};
struct binop_ge : op_ge, node_tag {};
struct binop_lt : op_lt, node_tag {};
struct binop_gt : op_gt, node_tag {};
struct rel_op : sor<binop_le, binop_ge, binop_lt, binop_gt> {};
struct rel_level : seq<bit_level, star<guarded<sor<op_le, op_ge, op_lt, op_gt>, rel_op>, bit_level>> {};

// equality level: binary and postfix operators of equal precedence
struct not_marker : kw_not_, node_tag {};
struct distinct_marker : seq<kw_distinct, kw_from>, node_tag {};
struct null_test_isnull : kw_isnull, node_tag {};
struct null_test_notnull : kw_notnull, node_tag {};
struct null_test_not_null : seq<kw_not_, kw_null>, node_tag {};
struct null_test : sor<null_test_isnull, null_test_notnull, null_test_not_null> {};
struct is_suffix : seq<kw_is, opt<not_marker>, opt<distinct_marker>, rel_level>, node_tag {};
struct between_low : nested<eq_level>, node_tag {};
struct between_suffix : seq<opt<not_marker>, kw_between, between_low, kw_and_, rel_level>, node_tag {};
struct in_table : seq<qualified_name, opt<lp, expr_list, rp>>, node_tag {};
struct in_list : seq<lp, not_at<select_start>, expr_list, rp>, node_tag {};
struct in_select : seq<lp, at<select_start>, select_stmt, rp>, node_tag {};
struct in_suffix : seq<opt<not_marker>, kw_in, sor<in_select, in_list, in_table>>, node_tag {};
struct like_like : kw_like, node_tag {};
struct like_glob : kw_glob, node_tag {};
struct like_regexp : kw_regexp, node_tag {};
struct like_match : kw_match, node_tag {};
struct like_op : sor<like_like, like_glob, like_regexp, like_match> {};
struct escape_clause : seq<kw_escape, rel_level>, node_tag {};
struct like_suffix : seq<opt<not_marker>, like_op, rel_level, opt<escape_clause>>, node_tag {};
struct binop_eq : op_eq_single, node_tag {};
struct binop_eq2 : op_eq_double, node_tag {};
struct binop_ne : op_ne_bang, node_tag {};
struct binop_ne2 : op_ne_angle, node_tag {};
struct eq_op : sor<binop_eq, binop_eq2, binop_ne, binop_ne2> {};
/// '=' or '==' where a statement assigns (SET, PRAGMA): the spelling is
/// printed back as written.
struct single_equals : op_eq_single, node_tag {};
struct double_equals : op_eq_double, node_tag {};
struct assign_equals : sor<single_equals, double_equals> {};
struct compare_suffix : seq<eq_op, rel_level>, node_tag {};
struct eq_suffix_start : sor<kw_isnull, kw_notnull, kw_not_, kw_is, kw_between, kw_in, kw_like, kw_glob, kw_regexp,
                             kw_match, op_eq, op_ne> {};
/// After a postfix term (ISNULL, NOT NULL, IN (...)) SQLite's parser has a
/// complete expression, which any operator may continue: `1 ISNULL + 1` is
/// `(1 ISNULL) + 1`.
struct postfix_tail
    : seq<star<guarded<kw_collate, collate_suffix>>,
          star<sor<guarded<sor<op_concat, op_ptr>, concat_op>, guarded<sor<op_star, op_slash, op_rem>, mul_op>,
                   guarded<sor<op_plus, op_minus>, add_op>,
                   guarded<sor<op_bitand, op_bitor, op_lshift, op_rshift>, bit_op>,
                   guarded<sor<op_le, op_ge, op_lt, op_gt>, rel_op>>,
               collate_level>> {};
struct eq_suffix : sor<seq<null_test, postfix_tail>, is_suffix, between_suffix, seq<in_suffix, postfix_tail>,
                       like_suffix, compare_suffix> {};
struct eq_level : seq<rel_level, star<guarded<eq_suffix_start, eq_suffix>>> {};

struct and_op : kw_and_, node_tag {};
struct or_op : kw_or_, node_tag {};
struct and_level : seq<eq_level, star<guarded<kw_and_, and_op>, eq_level>> {};
struct or_level : seq<and_level, star<guarded<kw_or_, or_op>, and_level>> {};

/// expr: any expression, as one node whose children are its operands and
/// operators in source order; nesting is bounded (see lexical.hpp).
struct expr : nested<or_level>, node_tag {};

// -- type names (also used by CREATE TABLE) ---------------------------------
struct signed_number : seq<opt<sor<op_plus, op_minus>>, numeric_literal>, node_tag {};
struct type_words : plus<ids>, node_tag {};
/// typetoken ::= typename [( signed [, signed] )]
struct type_name : seq<type_words, opt<lp, signed_number, opt<comma, signed_number>, rp>>, node_tag {};

}  // namespace migc::grammar
