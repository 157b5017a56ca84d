// A whole SQL file: statements separated by ';', each optionally preceded by
// EXPLAIN [QUERY PLAN] (parse.y's input, cmdlist, ecmd, cmd). The last
// statement may omit its ';', as sqlite3_exec allows.
//
// The AST builder parses one `statement` at a time so that an error in one
// statement does not hide the next; `script` is the whole-file rule used by
// analyze() and the fuzzer.
#pragma once

#include "grammar/alter_drop.hpp"
#include "grammar/create_other.hpp"
#include "grammar/misc.hpp"

namespace migc::grammar {

struct query_plan : seq<kw_query, kw_plan>, node_tag {};
struct explain_prefix : seq<kw_explain, opt<query_plan>>, node_tag {};

/// Statements that may start with WITH.
struct with_statement : sor<insert_stmt, update_stmt, delete_stmt, select_stmt> {};

struct command : sor<create_table, create_index, create_view, create_trigger, create_virtual_table, with_statement,
                     alter_table, drop_stmt, pragma_stmt, begin_stmt, commit_stmt, rollback_stmt, savepoint_stmt,
                     release_stmt, attach_stmt, detach_stmt, vacuum_stmt, reindex_stmt, analyze_stmt> {};

/// One statement and its terminating ';' (or the end of input).
struct statement : seq<opt<explain_prefix>, command, sor<semi, end_of_input>> {};
/// Empty statements: a lone ';'.
struct empty_statement : semi {};

struct script : seq<star<sor<empty_statement, statement>>, end_of_input> {};

}  // namespace migc::grammar
