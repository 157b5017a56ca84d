// The statements that are neither DDL nor DML: transactions and savepoints,
// PRAGMA, ATTACH / DETACH, VACUUM, REINDEX, ANALYZE (parse.y's cmd rules).
#pragma once

#include "grammar/expr.hpp"

namespace migc::grammar {

struct transaction_marker : kw_transaction, node_tag {};
struct savepoint_marker : kw_savepoint, node_tag {};
struct database_marker : kw_database, node_tag {};
struct transaction_name : seq<transaction_marker, opt<nm>> {};
struct transaction_deferred : kw_deferred, node_tag {};
struct transaction_immediate : kw_immediate, node_tag {};
struct transaction_exclusive : kw_exclusive, node_tag {};
struct transaction_mode : sor<transaction_deferred, transaction_immediate, transaction_exclusive> {};
struct begin_stmt : seq<kw_begin, opt<transaction_mode>, opt<transaction_name>>, node_tag {};
struct end_verb : kw_end, node_tag {};
struct commit_stmt : seq<sor<kw_commit, end_verb>, opt<transaction_name>>, node_tag {};
struct savepoint_ref : nm_token, node_tag {};
struct rollback_stmt : seq<kw_rollback, opt<transaction_name>, opt<kw_to, opt<savepoint_marker>, savepoint_ref>>,
                       node_tag {};
struct savepoint_stmt : seq<kw_savepoint, savepoint_ref>, node_tag {};
struct release_stmt : seq<kw_release, opt<savepoint_marker>, savepoint_ref>, node_tag {};

/// nmnum ::= plus_num | nm | ON | DELETE | DEFAULT, or minus_num.
struct pragma_value : sor<signed_number, nm, kw_on, kw_delete_, kw_default_>, node_tag {};
struct pragma_stmt
    : seq<kw_pragma, qualified_name, opt<sor<seq<assign_equals, pragma_value>, seq<lp, pragma_value, rp>>>>,
      node_tag {};

struct attach_key : seq<kw_key, expr>, node_tag {};
struct attach_stmt : seq<kw_attach, opt<database_marker>, expr, kw_as, expr, opt<attach_key>>, node_tag {};
struct detach_stmt : seq<kw_detach, opt<database_marker>, expr>, node_tag {};
struct vacuum_into : seq<kw_into, expr>, node_tag {};
struct vacuum_stmt : seq<kw_vacuum, opt<nm>, opt<vacuum_into>>, node_tag {};
struct reindex_stmt : seq<kw_reindex, opt<qualified_name>>, node_tag {};
struct analyze_stmt : seq<kw_analyze, opt<qualified_name>>, node_tag {};

}  // namespace migc::grammar
