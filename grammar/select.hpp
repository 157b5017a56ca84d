// SELECT (parse.y's `select`, `oneselect`, `values`, `seltablist`, window
// definitions, ORDER BY and LIMIT), with its WITH clause.
//
// Departures from parse.y, and why:
// - As in parse.y, every simple SELECT of a compound may carry ORDER BY and
//   LIMIT; that only the last one does is checked by the AST builder, which
//   reports it the way SQLite does (E0106).
// - Join operators accept any one to three names between JOIN_KW and JOIN,
//   as parse.y does; which combinations are joins is the builder's check.
// - Alternatives whose spelling the AST keeps (ASC/DESC, frame units and
//   bounds, join words, compound operators, ...) are node rules of their
//   own, so the builder reads them off the tree rather than the text.
#pragma once

#include "grammar/expr.hpp"

namespace migc::grammar {

// -- ORDER BY / LIMIT --------------------------------------------------------
struct sort_asc : kw_asc, node_tag {};
struct sort_desc : kw_desc, node_tag {};
struct sort_order : sor<sort_asc, sort_desc> {};
struct nulls_first : kw_first, node_tag {};
struct nulls_last : kw_last, node_tag {};
struct nulls_order : seq<kw_nulls, sor<nulls_first, nulls_last>> {};
struct sort_item : seq<expr, opt<sort_order>, opt<nulls_order>>, node_tag {};
struct sortlist : list<sort_item, comma> {};
struct order_by : seq<kw_order, kw_by, sortlist>, node_tag {};
struct limit_offset : seq<kw_offset, expr>, node_tag {};
struct limit_comma : seq<comma, expr>, node_tag {};
struct limit_clause : seq<kw_limit, expr, opt<sor<limit_offset, limit_comma>>>, node_tag {};

// -- window definitions ------------------------------------------------------
struct frame_range : kw_range, node_tag {};
struct frame_rows : kw_rows, node_tag {};
struct frame_groups : kw_groups, node_tag {};
struct frame_unit : sor<frame_range, frame_rows, frame_groups> {};
struct frame_current_row : seq<kw_current, kw_row>, node_tag {};
struct frame_unbounded_preceding : seq<kw_unbounded, kw_preceding>, node_tag {};
struct frame_unbounded_following : seq<kw_unbounded, kw_following>, node_tag {};
struct frame_preceding : kw_preceding, node_tag {};
struct frame_following : kw_following, node_tag {};
struct frame_direction : sor<frame_preceding, frame_following> {};
struct frame_offset : seq<not_at<sor<kw_current, kw_unbounded>>, expr, frame_direction>, node_tag {};
/// frame_bound_s allows UNBOUNDED PRECEDING only, frame_bound_e UNBOUNDED
/// FOLLOWING only.
struct frame_start : sor<frame_current_row, frame_unbounded_preceding, frame_offset>, node_tag {};
struct frame_end : sor<frame_current_row, frame_unbounded_following, frame_offset>, node_tag {};
struct exclude_no_others : seq<kw_no, kw_others>, node_tag {};
struct exclude_current_row : seq<kw_current, kw_row>, node_tag {};
struct exclude_group : kw_group, node_tag {};
struct exclude_ties : kw_ties, node_tag {};
struct frame_exclude : seq<kw_exclude, sor<exclude_no_others, exclude_current_row, exclude_group, exclude_ties>> {};
struct frame_between : seq<kw_between, frame_start, kw_and_, frame_end>, node_tag {};
struct frame_spec : seq<frame_unit, sor<frame_between, frame_start>, opt<frame_exclude>>, node_tag {};
struct partition_by : seq<kw_partition, kw_by, nexprlist>, node_tag {};
/// window ::= [base] [PARTITION BY ...] [ORDER BY ...] [frame]; PARTITION,
/// RANGE, ROWS and GROUPS are never taken as the base window's name.
struct base_window : seq<not_at<sor<kw_partition, kw_range, kw_rows, kw_groups>>, nm>, node_tag {};
struct window_spec : seq<opt<base_window>, sor<seq<partition_by, opt<order_by>>, opt<order_by>>, opt<frame_spec>>,
                     node_tag {};
struct window_def : seq<nm, kw_as, lp, window_spec, rp>, node_tag {};
struct window_clause : seq<kw_window, list<window_def, comma>>, node_tag {};

// -- result columns -----------------------------------------------------------
struct as_alias : sor<seq<kw_as, nm>, alias_ids>, node_tag {};
struct result_star : op_star, node_tag {};
struct result_table_star : seq<nm, dot, op_star>, node_tag {};
struct result_expr : seq<expr, opt<as_alias>>, node_tag {};
struct result_column : sor<result_star, result_table_star, result_expr> {};
struct result_columns : list<result_column, comma>, node_tag {};

// -- FROM ----------------------------------------------------------------------
struct seltablist;
struct from_alias : sor<seq<kw_as, nm>, ids>, node_tag {};
struct indexed_by : seq<kw_indexed, kw_by, nm>, node_tag {};
struct not_indexed : seq<kw_not_, kw_indexed>, node_tag {};
struct join_on : seq<kw_on, expr>, node_tag {};
struct idlist : list<nm, comma>, node_tag {};
struct join_using : seq<kw_using_, lp, idlist, rp>, node_tag {};
struct join_constraint : sor<join_on, join_using> {};
struct from_table_function : seq<qualified_name, lp, expr_list, rp, opt<from_alias>, opt<join_constraint>>, node_tag {};
struct from_table : seq<qualified_name, opt<from_alias>, opt<sor<indexed_by, not_indexed>>, opt<join_constraint>>,
                    node_tag {};
struct from_subquery : seq<lp, at<select_start>, select_stmt, rp, opt<from_alias>, opt<join_constraint>>, node_tag {};
struct from_nested : seq<lp, not_at<select_start>, seltablist, rp, opt<from_alias>, opt<join_constraint>>, node_tag {};
struct from_item : sor<from_table_function, from_table, from_subquery, from_nested> {};
/// The words between a table and JOIN, one node rule per join keyword. Each
/// position is first tried as the token parse.y reads there (JOIN_KW, then
/// any name), so a failed join reports what it did before the words were
/// told apart.
struct join_natural : kw_natural, node_tag {};
struct join_left : kw_left, node_tag {};
struct join_right : kw_right, node_tag {};
struct join_full : kw_full, node_tag {};
struct join_outer : kw_outer, node_tag {};
struct join_inner : kw_inner, node_tag {};
struct join_cross : kw_cross, node_tag {};
struct join_keyword : sor<join_natural, join_left, join_right, join_full, join_outer, join_inner, join_cross> {};
/// A name that is no join keyword: SQLite reports it as an unknown join type.
struct join_other_word : nm_token, node_tag {};
struct join_word : seq<at<name_token<nc_join>>, join_keyword> {};
struct join_next_word : seq<at<nm_token>, sor<join_keyword, join_other_word>> {};
struct join_comma : comma, node_tag {};
struct join_op : sor<join_comma, kw_join, seq<join_word, opt<join_next_word, opt<join_next_word>>, kw_join>>,
                 node_tag {};
struct seltablist : seq<from_item, star<join_op, from_item>>, node_tag {};
struct from_clause : seq<kw_from, seltablist>, node_tag {};

// -- simple selects and compounds -------------------------------------------
struct where_clause : seq<kw_where, expr>, node_tag {};
struct group_by : seq<kw_group, kw_by, nexprlist>, node_tag {};
struct having_clause : seq<kw_having, expr>, node_tag {};
struct select_core : seq<kw_select, opt<distinct_all>, result_columns, opt<from_clause>, opt<where_clause>,
                         opt<group_by>, opt<having_clause>, opt<window_clause>, opt<order_by>, opt<limit_clause>>,
                     node_tag {};
struct values_row : seq<lp, nexprlist, rp>, node_tag {};
struct values_clause : seq<kw_values, list<values_row, comma>>, node_tag {};
struct one_select : sor<select_core, values_clause> {};
struct compound_union_all : seq<kw_union_, kw_all>, node_tag {};
struct compound_union : kw_union_, node_tag {};
struct compound_intersect : kw_intersect, node_tag {};
struct compound_except : kw_except, node_tag {};
struct compound_op : sor<compound_union_all, compound_union, compound_intersect, compound_except> {};

// -- WITH -----------------------------------------------------------------------
struct eidlist_item : seq<nm, opt<kw_collate, ids>, opt<sort_order>>, node_tag {};
struct eidlist : seq<lp, list<eidlist_item, comma>, rp>, node_tag {};
struct materialized : seq<opt<not_marker>, kw_materialized>, node_tag {};
struct cte : seq<nm, opt<eidlist>, kw_as, opt<materialized>, lp, select_stmt, rp>, node_tag {};
struct recursive_marker : kw_recursive, node_tag {};
/// WITH [RECURSIVE]: RECURSIVE right after WITH is always the keyword.
struct with_clause : seq<kw_with, sor<recursive_marker, not_at<kw_recursive>>, list<cte, comma>>, node_tag {};

struct select_body : seq<one_select, star<compound_op, one_select>> {};
struct select_stmt : nested<seq<opt<with_clause>, select_body>>, node_tag {};

}  // namespace migc::grammar
