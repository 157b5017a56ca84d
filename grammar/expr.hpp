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

// -- literals ---------------------------------------------------------------
struct lit_number : numeric_literal, node_tag {};
struct lit_string : string_literal, node_tag {};
struct lit_blob : blob_literal, node_tag {};
struct lit_null : kw_null, node_tag {};
struct lit_ctime : sor<kw_current_timestamp, kw_current_time, kw_current_date>, node_tag {};
struct lit_parameter : bind_parameter, node_tag {};

/// term ::= NULL | FLOAT | BLOB | STRING | INTEGER | CTIME_KW
struct term : sor<lit_number, lit_string, lit_blob, lit_null, lit_ctime> {};

// -- lists ------------------------------------------------------------------
struct nexprlist : list<expr, comma> {};
struct expr_list : opt<nexprlist>, node_tag {};

/// SELECT, VALUES or WITH: a parenthesis opening one of these holds a query.
struct select_start : sor<kw_select, kw_values, kw_with> {};

// -- primary expressions ----------------------------------------------------
/// The first name of a column reference: RAISE, CAST and CURRENT_TIME &c.
/// start expressions of their own there.
struct ref_head : name_token<nc_id | nc_string | nc_indexed | nc_join, kw::raise, kw::cast, kw::current_date,
                             kw::current_time, kw::current_timestamp>,
                  node_tag {};
struct column_ref : sor<seq<ref_head, dot, nm, opt<dot, nm>>, column_id>, node_tag {};

struct distinct_all : sor<kw_distinct, kw_all>, node_tag {};
struct star_argument : op_star, node_tag {};
struct function_order_by : seq<kw_order, kw_by, sortlist>, node_tag {};
struct filter_clause : seq<kw_filter, lp, kw_where, expr, rp>, node_tag {};
struct window_ref : nm_token, node_tag {};
struct over_clause : seq<kw_over, sor<seq<lp, window_spec, rp>, window_ref>>, node_tag {};
struct function_call : seq<function_name, lp,
                           sor<seq<star_argument, rp>,
                               seq<opt<distinct_all>, expr_list, opt<function_order_by>, rp>>,
                           opt<filter_clause>, opt<over_clause>>,
                       node_tag {};

struct cast_expr : seq<kw_cast, lp, expr, kw_as, opt<type_name>, rp>, node_tag {};

struct case_operand : seq<expr>, node_tag {};
struct case_when : seq<kw_when, expr, kw_then, expr>, node_tag {};
struct case_else : seq<kw_else_, expr>, node_tag {};
struct case_expr : seq<kw_case_, opt<case_operand>, plus<case_when>, opt<case_else>, kw_end>, node_tag {};

struct exists_expr : seq<kw_exists, lp, select_stmt, rp>, node_tag {};

struct raise_ignore : kw_ignore, node_tag {};
struct raise_kind : sor<kw_rollback, kw_abort, kw_fail>, node_tag {};
/// SQLite 3.40 takes a name or string as the message, not an expression.
struct raise_message : nm_token, node_tag {};
struct raise_expr : seq<kw_raise, lp, sor<raise_ignore, seq<raise_kind, comma, raise_message>>, rp>, node_tag {};

struct subquery_expr : seq<lp, at<select_start>, select_stmt, rp>, node_tag {};
/// ( expr ) or a row value ( expr, expr, ... )
struct paren_expr : seq<lp, not_at<select_start>, nexprlist, rp>, node_tag {};

struct primary : sor<function_call, column_ref, term, lit_parameter, cast_expr, case_expr, exists_expr,
                     raise_expr, subquery_expr, paren_expr> {};

// -- operators by precedence ------------------------------------------------
struct unary;
struct eq_level;
struct unary_op : sor<op_bitnot, op_plus, op_minus>, node_tag {};
struct unary_expr : seq<unary_op, nested<unary>>, node_tag {};
struct not_expr : seq<kw_not_, nested<eq_level>>, node_tag {};
struct unary : sor<unary_expr, not_expr, primary> {};

struct collate_suffix : seq<kw_collate, ids>, node_tag {};
struct collate_level : seq<unary, star<collate_suffix>>, fold_tag {};

struct concat_op : sor<op_concat, op_ptr>, node_tag {};
struct concat_level : seq<collate_level, star<concat_op, collate_level>>, fold_tag {};
struct mul_op : sor<op_star, op_slash, op_rem>, node_tag {};
struct mul_level : seq<concat_level, star<mul_op, concat_level>>, fold_tag {};
struct add_op : sor<op_plus, op_minus>, node_tag {};
struct add_level : seq<mul_level, star<add_op, mul_level>>, fold_tag {};
struct bit_op : sor<op_bitand, op_bitor, op_lshift, op_rshift>, node_tag {};
struct bit_level : seq<add_level, star<bit_op, add_level>>, fold_tag {};
struct rel_op : sor<op_le, op_ge, op_lt, op_gt>, node_tag {};
struct rel_level : seq<bit_level, star<rel_op, bit_level>>, fold_tag {};

// equality level: binary and postfix operators of equal precedence
struct not_marker : kw_not_, node_tag {};
struct distinct_marker : seq<kw_distinct, kw_from>, node_tag {};
struct null_test : sor<kw_isnull, kw_notnull, seq<kw_not_, kw_null>>, node_tag {};
struct is_suffix : seq<kw_is, opt<not_marker>, opt<distinct_marker>, rel_level>, node_tag {};
struct between_suffix : seq<opt<not_marker>, kw_between, nested<eq_level>, kw_and_, rel_level>, node_tag {};
struct in_table : seq<qualified_name, opt<lp, expr_list, rp>>, node_tag {};
struct in_list : seq<lp, not_at<select_start>, expr_list, rp>, node_tag {};
struct in_select : seq<lp, at<select_start>, select_stmt, rp>, node_tag {};
struct in_suffix : seq<opt<not_marker>, kw_in, sor<in_select, in_list, in_table>>, node_tag {};
struct like_op : sor<kw_like, kw_glob, kw_regexp, kw_match>, node_tag {};
struct escape_clause : seq<kw_escape, rel_level>, node_tag {};
struct like_suffix : seq<opt<not_marker>, like_op, rel_level, opt<escape_clause>>, node_tag {};
struct eq_op : sor<op_eq, op_ne>, node_tag {};
struct compare_suffix : seq<eq_op, rel_level>, node_tag {};
struct eq_suffix : sor<null_test, is_suffix, between_suffix, in_suffix, like_suffix, compare_suffix> {};
struct eq_level : seq<rel_level, star<eq_suffix>>, fold_tag {};

struct and_level : seq<eq_level, star<kw_and_, eq_level>>, fold_tag {};
struct or_level : seq<and_level, star<kw_or_, and_level>>, fold_tag {};

/// expr: any expression; nesting is bounded (see lexical.hpp).
struct expr : nested<or_level> {};

// -- type names (also used by CREATE TABLE) ---------------------------------
struct signed_number : seq<opt<sor<op_plus, op_minus>>, numeric_literal>, node_tag {};
struct type_words : plus<ids>, node_tag {};
/// typetoken ::= typename [( signed [, signed] )]
struct type_name : seq<type_words, opt<lp, signed_number, opt<comma, signed_number>, rp>>, node_tag {};

}  // namespace migc::grammar
