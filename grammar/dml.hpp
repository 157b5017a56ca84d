// INSERT, REPLACE, UPDATE and DELETE, with upsert and RETURNING
// (parse.y's insert_cmd, upsert, setlist, where_opt_ret). The ORDER BY and
// LIMIT clauses of UPDATE and DELETE are those of SQLite builds with
// SQLITE_ENABLE_UPDATE_DELETE_LIMIT, which Debian's (the reference) has.
#pragma once

#include "grammar/create_table.hpp"

namespace migc::grammar {

struct or_conflict : seq<kw_or_, conflict_action>, node_tag {};
struct replace_verb : kw_replace, node_tag {};
struct insert_verb : sor<seq<kw_insert, opt<or_conflict>>, replace_verb>, node_tag {};
struct table_alias : seq<kw_as, nm>, node_tag {};
/// xfullname ::= nm [. nm] [AS nm]
struct target_table : seq<qualified_name, opt<table_alias>>, node_tag {};
struct column_list : seq<lp, idlist, rp>, node_tag {};

struct returning_clause : seq<kw_returning, result_columns>, node_tag {};

struct set_single : seq<nm, assign_equals, expr>, node_tag {};
struct set_multi : seq<column_list, assign_equals, expr>, node_tag {};
struct set_list : list<sor<set_multi, set_single>, comma>, node_tag {};

struct upsert;
struct conflict_target : seq<lp, sortlist, rp, opt<where_clause>>, node_tag {};
struct upsert_nothing : seq<kw_do_, kw_nothing>, node_tag {};
struct upsert_update : seq<kw_do_, kw_update, kw_set, set_list, opt<where_clause>>, node_tag {};
/// One ON CONFLICT clause; only the last may omit its target.
struct upsert_clause : sor<seq<kw_on, kw_conflict, conflict_target, sor<upsert_nothing, upsert_update>, nested<upsert>>,
                           seq<kw_on, kw_conflict, sor<upsert_nothing, upsert_update>, opt<returning_clause>>>,
                       node_tag {};
struct upsert : opt<sor<upsert_clause, returning_clause>> {};

struct default_values : seq<kw_default_, kw_values, opt<returning_clause>>, node_tag {};
struct insert_stmt : seq<opt<with_clause>, insert_verb, kw_into, target_table, opt<column_list>,
                         sor<default_values, seq<select_stmt, upsert>>>,
                     node_tag {};

struct where_returning : seq<opt<where_clause>, opt<returning_clause>> {};
struct update_stmt : seq<opt<with_clause>, kw_update, opt<or_conflict>, target_table, opt<sor<indexed_by, not_indexed>>,
                         kw_set, set_list, opt<from_clause>, where_returning, opt<order_by>, opt<limit_clause>>,
                     node_tag {};
struct delete_stmt : seq<opt<with_clause>, kw_delete_, kw_from, target_table, opt<sor<indexed_by, not_indexed>>,
                         where_returning, opt<order_by>, opt<limit_clause>>,
                     node_tag {};

}  // namespace migc::grammar
