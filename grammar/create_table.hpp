// CREATE TABLE: column definitions, column and table constraints, conflict
// clauses, foreign keys, generated columns and table options
// (parse.y's create_table, carglist, ccons, tcons, refargs).
//
// Departures from parse.y, and why:
// - Table options are any names; that they are ROWID (after WITHOUT) and
//   STRICT is checked by the AST builder, as SQLite checks it in an action.
// - Collation names and ASC/DESC inside identifier lists are parsed and then
//   reported by the builder (SQLite: "syntax error after column name").
#pragma once

#include "grammar/select.hpp"

namespace migc::grammar {

struct conflict_rollback : kw_rollback, node_tag {};
struct conflict_abort : kw_abort, node_tag {};
struct conflict_fail : kw_fail, node_tag {};
struct conflict_ignore : kw_ignore, node_tag {};
struct conflict_replace : kw_replace, node_tag {};
struct conflict_action : sor<conflict_rollback, conflict_abort, conflict_fail, conflict_ignore, conflict_replace> {};
struct on_conflict : seq<kw_on, kw_conflict, conflict_action>, node_tag {};

struct constraint_name : seq<kw_constraint, nm>, node_tag {};

// foreign keys
struct fk_set_null : seq<kw_set, kw_null>, node_tag {};
struct fk_set_default : seq<kw_set, kw_default_>, node_tag {};
struct fk_cascade : kw_cascade, node_tag {};
struct fk_restrict : kw_restrict, node_tag {};
struct fk_no_action : seq<kw_no, kw_action>, node_tag {};
struct fk_action : sor<fk_set_null, fk_set_default, fk_cascade, fk_restrict, fk_no_action> {};
struct fk_on_insert : kw_insert, node_tag {};
struct fk_on_delete : kw_delete_, node_tag {};
struct fk_on_update : kw_update, node_tag {};
struct fk_event : sor<fk_on_insert, fk_on_delete, fk_on_update> {};
struct fk_on : seq<kw_on, fk_event, fk_action>, node_tag {};
struct fk_match : seq<kw_match, nm>, node_tag {};
struct initially_deferred : kw_deferred, node_tag {};
struct initially_immediate : kw_immediate, node_tag {};
struct fk_initially : seq<kw_initially, sor<initially_deferred, initially_immediate>> {};
struct fk_deferrable : seq<opt<not_marker>, kw_deferrable, opt<fk_initially>>, node_tag {};
struct references_clause : seq<kw_references, nm, opt<eidlist>, star<sor<fk_on, fk_match>>>, node_tag {};

// column constraints
struct default_paren : seq<lp, expr, rp>, node_tag {};
struct default_signed : seq<sor<unary_plus, unary_minus>, literal>, node_tag {};
struct default_value : seq<kw_default_, sor<default_paren, default_signed, literal, id_name>>, node_tag {};
struct not_null_constraint : seq<kw_not_, kw_null, opt<on_conflict>>, node_tag {};
struct null_constraint : seq<kw_null, opt<on_conflict>>, node_tag {};
struct autoincrement : kw_autoincrement, node_tag {};
struct column_primary_key : seq<kw_primary, kw_key, opt<sort_order>, opt<on_conflict>, opt<autoincrement>>, node_tag {};
struct column_unique : seq<kw_unique, opt<on_conflict>>, node_tag {};
struct check_constraint : seq<kw_check, lp, expr, rp>, node_tag {};
struct collate_constraint : seq<kw_collate, ids>, node_tag {};
struct generated_storage : id_only_token, node_tag {};
struct generated_always : seq<kw_generated, kw_always>, node_tag {};
struct generated_constraint : seq<opt<generated_always>, kw_as, lp, expr, rp, opt<generated_storage>>, node_tag {};
struct column_constraint
    : sor<constraint_name, default_value, not_null_constraint, null_constraint, column_primary_key, column_unique,
          check_constraint, references_clause, fk_deferrable, collate_constraint, generated_constraint> {};
struct column_def : seq<nm, opt<type_name>, star<column_constraint>>, node_tag {};

// table constraints
struct table_primary_key : seq<kw_primary, kw_key, lp, sortlist, opt<autoincrement>, rp, opt<on_conflict>>, node_tag {};
struct table_unique : seq<kw_unique, lp, sortlist, rp, opt<on_conflict>>, node_tag {};
struct table_check : seq<kw_check, lp, expr, rp, opt<on_conflict>>, node_tag {};
struct table_foreign_key : seq<kw_foreign, kw_key, eidlist, references_clause, opt<fk_deferrable>>, node_tag {};
struct table_constraint : sor<constraint_name, table_primary_key, table_unique, table_check, table_foreign_key> {};
struct constraint_comma : comma, node_tag {};
struct table_constraints : seq<table_constraint, star<opt<constraint_comma>, table_constraint>> {};

struct without_marker : kw_without, node_tag {};
struct table_option : sor<seq<without_marker, nm>, nm>, node_tag {};
/// table_option_set: options separated by ','; the set may be empty before
/// a ',' (`(a) , STRICT` is accepted by SQLite).
struct leading_options_comma : comma, node_tag {};
struct table_options : opt<sor<table_option, seq<leading_options_comma, table_option>>, star<comma, table_option>> {};

struct table_definition : seq<lp, list<column_def, comma>, opt<comma, table_constraints>, rp, table_options>,
                          node_tag {};
struct table_as_select : seq<kw_as, select_stmt>, node_tag {};

struct temporary_marker : kw_temporary, node_tag {};
struct temp_marker : sor<kw_temp, temporary_marker>, node_tag {};
struct create_table : seq<kw_create, opt<temp_marker>, kw_table, if_not_exists_opt, qualified_name,
                          sor<table_definition, table_as_select>>,
                      node_tag {};

}  // namespace migc::grammar
