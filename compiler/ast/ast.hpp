// AST of statements: every statement kind of SQLite's dialect, the script
// that holds them, and the pieces DDL shares (constraints, foreign keys).
#pragma once

#include "compiler/ast/annotation.hpp"
#include "compiler/ast/select.hpp"

namespace migc::ast {

enum class conflict_resolution : std::uint8_t { none, rollback, abort, fail, ignore, replace };

// -- foreign keys -------------------------------------------------------------
enum class fk_action : std::uint8_t { set_null, set_default, cascade, restrict, no_action };
struct fk_argument {
  enum class kind : std::uint8_t { on_delete, on_update, on_insert, match } what{};
  fk_action action{};
  std::optional<identifier> match_name;
};
enum class initially : std::uint8_t { none, deferred, immediate };
struct deferrable_clause {
  bool negated = false;  // NOT DEFERRABLE
  initially mode = initially::none;
};
struct foreign_key_clause {
  identifier table;
  std::vector<identifier> columns;
  std::vector<fk_argument> arguments;  // in source order
};

// -- columns ------------------------------------------------------------------
enum class default_form : std::uint8_t { literal, signed_literal, parenthesized, identifier };
struct default_value {
  default_form form{};
  expr_ptr value;                  // literal / unary(literal) / paren(expr)
  std::optional<identifier> name;  // identifier form
};

struct column_constraint {
  enum class kind : std::uint8_t {
    name_only,
    primary_key,
    not_null,
    null,
    unique,
    check,
    default_,
    collate,
    references,
    deferrable,
    generated
  } what{};
  std::optional<identifier> name;                   // CONSTRAINT name
  sort_direction direction = sort_direction::none;  // primary_key
  conflict_resolution on_conflict = conflict_resolution::none;
  bool autoincrement = false;
  expr_ptr expression;  // check, generated
  // DEFAULT and REFERENCES live on the heap: a column has several
  // constraints, rarely these, and inline they made every constraint of
  // every column twice as large (the AST's size decides its speed at scale).
  std::unique_ptr<default_value> default_;
  std::optional<identifier> collation;
  std::unique_ptr<foreign_key_clause> references;
  std::optional<deferrable_clause> deferrable;
  bool generated_always = false;      // GENERATED ALWAYS written
  std::optional<identifier> storage;  // STORED / VIRTUAL
  span where{};
};

struct column_definition {
  identifier name;
  std::optional<type_name> type;
  std::vector<column_constraint> constraints;
  span where{};
};

struct table_constraint {
  enum class kind : std::uint8_t { name_only, primary_key, unique, check, foreign_key } what{};
  std::optional<identifier> name;
  bool comma_before = false;       // separated from the previous constraint by ','
  std::vector<sort_item> columns;  // primary_key, unique
  bool autoincrement = false;
  conflict_resolution on_conflict = conflict_resolution::none;
  expr_ptr check;
  std::vector<identifier> fk_columns;
  std::optional<foreign_key_clause> references;
  std::optional<deferrable_clause> deferrable;
  span where{};
};

struct table_option {
  bool without = false;  // WITHOUT name
  identifier name;
};

// -- statements -----------------------------------------------------------------
struct create_table {
  bool temp = false;
  bool temporary_spelling = false;
  bool if_not_exists = false;
  qualified_name name;
  std::vector<column_definition> columns;
  std::vector<table_constraint> constraints;
  std::vector<table_option> options;
  bool options_leading_comma = false;  // `(...) , STRICT`, which SQLite accepts
  bool without_rowid = false;
  bool strict = false;
  select_ptr as_select;
};

struct create_index {
  bool unique = false;
  bool if_not_exists = false;
  qualified_name name;
  identifier table;
  std::vector<sort_item> columns;
  expr_ptr where_clause;
};

struct create_view {
  bool temp = false;
  bool temporary_spelling = false;
  bool if_not_exists = false;
  qualified_name name;
  std::vector<identifier> columns;
  select_ptr query;
};

struct target_table {
  qualified_name name;
  std::optional<identifier> alias;
};

struct set_clause {
  std::vector<identifier> columns;
  bool parenthesized = false;
  bool double_equals = false;  // written `==`
  expr_ptr value;
};

struct upsert_clause {
  std::vector<sort_item> target;
  expr_ptr target_where;
  bool do_nothing = false;
  std::vector<set_clause> set;
  expr_ptr where_clause;
};

struct insert {
  std::optional<with_clause> with;
  bool replace = false;  // REPLACE INTO
  conflict_resolution or_conflict = conflict_resolution::none;
  target_table target;
  std::optional<std::vector<identifier>> columns;
  bool default_values = false;
  select_ptr source;
  std::vector<upsert_clause> upserts;
  std::optional<std::vector<result_column>> returning;
};

struct update {
  std::optional<with_clause> with;
  conflict_resolution or_conflict = conflict_resolution::none;
  target_table target;
  indexed_kind indexed = indexed_kind::none;
  std::optional<identifier> index;
  std::vector<set_clause> set;
  std::optional<from_clause> from;
  expr_ptr where_clause;
  std::optional<std::vector<result_column>> returning;
  std::vector<sort_item> order_by;
  std::optional<limit_clause> limit;
};

struct delete_ {
  std::optional<with_clause> with;
  target_table target;
  indexed_kind indexed = indexed_kind::none;
  std::optional<identifier> index;
  expr_ptr where_clause;
  std::optional<std::vector<result_column>> returning;
  std::vector<sort_item> order_by;
  std::optional<limit_clause> limit;
};

struct select_statement {
  select_ptr query;
};

struct statement;
enum class trigger_timing : std::uint8_t { none, before, after, instead_of };
enum class trigger_event : std::uint8_t { delete_, insert, update };
struct create_trigger {
  bool temp = false;
  bool temporary_spelling = false;
  bool if_not_exists = false;
  qualified_name name;
  trigger_timing timing = trigger_timing::none;
  trigger_event event{};
  std::optional<std::vector<identifier>> update_of;
  qualified_name table;
  bool for_each_row = false;
  expr_ptr when;
  std::vector<statement> body;  // insert / update / delete_ / select_statement
};

struct create_virtual_table {
  bool if_not_exists = false;
  qualified_name name;
  identifier module;
  std::optional<std::vector<std::string>> arguments;  // each argument's text, trimmed
};

/// ALTER TABLE. The constraint forms (add_check, drop_constraint,
/// set_not_null, drop_not_null) are SQLite 3.53's.
struct alter_table {
  enum class kind : std::uint8_t {
    rename_table,
    rename_column,
    add_column,
    drop_column,
    add_check,
    drop_constraint,
    set_not_null,
    drop_not_null
  } what{};
  qualified_name table;
  bool column_keyword = false;
  std::optional<identifier> from;           // rename_column, drop_column, set/drop_not_null: the column
  std::optional<identifier> to;             // rename_table, rename_column
  std::optional<column_definition> column;  // add_column
  std::optional<identifier> constraint;     // add_check (CONSTRAINT name), drop_constraint
  expr_ptr check;                           // add_check
  conflict_resolution on_conflict = conflict_resolution::none;  // set_not_null
};

enum class object_kind : std::uint8_t { table, view, index, trigger };
struct drop {
  object_kind what{};
  bool if_exists = false;
  qualified_name name;
};

struct pragma {
  qualified_name name;
  enum class form : std::uint8_t { none, assign, call } how = form::none;
  std::string value;                     // as written (signed numbers, names, ON/DELETE/DEFAULT)
  std::optional<identifier> value_name;  // when the value is a name
  bool double_equals = false;            // written `==`
};

enum class transaction_mode : std::uint8_t { none, deferred, immediate, exclusive };
struct begin {
  transaction_mode mode = transaction_mode::none;
  bool transaction_keyword = false;
  std::optional<identifier> name;
};
struct commit {
  bool end_spelling = false;
  bool transaction_keyword = false;
  std::optional<identifier> name;
};
struct rollback {
  bool transaction_keyword = false;
  std::optional<identifier> name;
  std::optional<identifier> savepoint;  // ROLLBACK TO
  bool savepoint_keyword = false;
};
struct savepoint {
  identifier name;
};
struct release {
  bool savepoint_keyword = false;
  identifier name;
};
struct attach {
  bool database_keyword = false;
  expr_ptr file;
  expr_ptr schema;
  expr_ptr key;
};
struct detach {
  bool database_keyword = false;
  expr_ptr schema;
};
struct vacuum {
  std::optional<identifier> schema;
  expr_ptr into;
};
struct reindex {
  std::optional<qualified_name> target;
};
struct analyze {
  std::optional<qualified_name> target;
};

enum class explain_mode : std::uint8_t { none, explain, query_plan };

struct statement {
  span where{};
  explain_mode explain = explain_mode::none;
  std::variant<create_table, create_index, create_view, create_trigger, create_virtual_table, alter_table, drop, insert,
               update, delete_, select_statement, pragma, begin, commit, rollback, savepoint, release, attach, detach,
               vacuum, reindex, analyze>
      node;
};

/// The statements of one source file, in order.
struct script {
  source::file_id file = 0;
  std::vector<statement> statements;
  std::vector<comment> comments;        // in source order
  std::vector<annotation> annotations;  // in source order
};

}  // namespace migc::ast
