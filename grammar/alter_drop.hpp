// ALTER TABLE and DROP TABLE / VIEW / INDEX / TRIGGER (parse.y's rules of the
// same names), plus the constraint forms of ALTER TABLE that SQLite 3.53
// added, accepted as a deliberate extension over the 3.40 reference.
#pragma once

#include "grammar/create_table.hpp"

namespace migc::grammar {

struct column_keyword : kw_column, node_tag {};
struct rename_table : seq<kw_rename, kw_to, nm>, node_tag {};
struct rename_column : seq<kw_rename, opt<column_keyword>, nm, kw_to, nm>, node_tag {};
struct add_column : seq<kw_add, opt<column_keyword>, column_def>, node_tag {};
struct drop_column : seq<kw_drop, opt<column_keyword>, nm>, node_tag {};
// SQLite 3.53: ADD [CONSTRAINT name] CHECK (...), DROP CONSTRAINT name,
// ALTER [COLUMN] name SET NOT NULL [ON CONFLICT ...] / DROP NOT NULL.
struct add_check : seq<kw_add, opt<constraint_name>, kw_check, lp, expr, rp>, node_tag {};
struct drop_constraint : seq<kw_drop, kw_constraint, nm>, node_tag {};
struct set_not_null : seq<kw_set, kw_not_, kw_null, opt<on_conflict>>, node_tag {};
struct drop_not_null : seq<kw_drop, kw_not_, kw_null>, node_tag {};
struct alter_column : seq<kw_alter, opt<column_keyword>, nm, sor<set_not_null, drop_not_null>>, node_tag {};
struct alter_table
    : seq<kw_alter, kw_table, qualified_name,
          sor<rename_table, rename_column, add_check, add_column, drop_constraint, drop_column, alter_column>>,
      node_tag {};

struct drop_table_kind : kw_table, node_tag {};
struct drop_view_kind : kw_view, node_tag {};
struct drop_index_kind : kw_index, node_tag {};
struct drop_trigger_kind : kw_trigger, node_tag {};
struct object_kind : sor<drop_table_kind, drop_view_kind, drop_index_kind, drop_trigger_kind> {};
struct drop_stmt : seq<kw_drop, object_kind, if_exists_opt, qualified_name>, node_tag {};

}  // namespace migc::grammar
