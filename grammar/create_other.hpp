// CREATE INDEX, CREATE VIEW, CREATE TRIGGER and CREATE VIRTUAL TABLE
// (parse.y's cmd rules of the same names, trigger_decl, trigger_cmd,
// vtabarglist).
//
// Departures from parse.y, and why:
// - Trigger bodies name their tables with `nm [. nm]`, as SQLite 3.40 does
//   (trnm); a qualified name, INDEXED BY and RETURNING there are parsed and
//   then reported by the AST builder, as SQLite reports them from actions.
// - Module arguments of a virtual table are kept as text: any tokens, with
//   balanced parentheses, separated by top-level commas.
#pragma once

#include "grammar/dml.hpp"

namespace migc::grammar {

// CREATE [UNIQUE] INDEX [IF NOT EXISTS] name ON table (columns) [WHERE expr]
struct unique_marker : kw_unique, node_tag {};
struct index_table : nm_token, node_tag {};
struct create_index : seq<kw_create, opt<unique_marker>, kw_index, if_not_exists_opt, qualified_name, kw_on,
                          index_table, lp, sortlist, rp, opt<where_clause>>,
                      node_tag {};

// CREATE [TEMP] VIEW [IF NOT EXISTS] name [(columns)] AS select
struct create_view
    : seq<kw_create, opt<temp_marker>, kw_view, if_not_exists_opt, qualified_name, opt<eidlist>, kw_as, select_stmt>,
      node_tag {};

// CREATE [TEMP] TRIGGER
struct trigger_before : kw_before, node_tag {};
struct trigger_after : kw_after, node_tag {};
struct trigger_instead_of : seq<kw_instead, kw_of>, node_tag {};
struct trigger_time : sor<trigger_before, trigger_after, trigger_instead_of> {};
struct trigger_on_delete : kw_delete_, node_tag {};
struct trigger_on_insert : kw_insert, node_tag {};
struct trigger_on_update : seq<kw_update, opt<kw_of, idlist>>, node_tag {};
struct trigger_event : sor<trigger_on_delete, trigger_on_insert, trigger_on_update> {};
struct for_each_row : seq<kw_for_, kw_each, kw_row>, node_tag {};
struct trigger_when : seq<kw_when, expr>, node_tag {};
/// trnm: trigger bodies name tables without an alias (SQLite 3.40).
struct trigger_table : seq<qualified_name>, node_tag {};
struct trigger_update : seq<kw_update, opt<or_conflict>, trigger_table, opt<sor<indexed_by, not_indexed>>, kw_set,
                            set_list, opt<from_clause>, opt<where_clause>>,
                        node_tag {};
struct trigger_insert : seq<insert_verb, kw_into, trigger_table, opt<column_list>, select_stmt, upsert>, node_tag {};
struct trigger_delete : seq<kw_delete_, kw_from, trigger_table, opt<sor<indexed_by, not_indexed>>, opt<where_clause>>,
                        node_tag {};
struct trigger_step : seq<sor<trigger_update, trigger_insert, trigger_delete, select_stmt>, semi> {};
struct create_trigger
    : seq<kw_create, opt<temp_marker>, kw_trigger, if_not_exists_opt, qualified_name, opt<trigger_time>, trigger_event,
          kw_on, qualified_name, opt<for_each_row>, opt<trigger_when>, kw_begin, plus<trigger_step>, kw_end>,
      node_tag {};

// CREATE VIRTUAL TABLE [IF NOT EXISTS] name USING module [(args)]
/// Any single token of SQLite's tokenizer other than parentheses, ',' and
/// ';'. SQLite's parser would take a ';' here too, but a script run by
/// sqlite3_exec() or the sqlite3 shell ends the statement at it, and migc
/// compiles scripts.
struct any_token : terminal<any_token> {
  static constexpr const char* expected = "token";
  static std::size_t scan(const char* begin, const char* p, const char* e) noexcept {
    if (p == e) return 0;
    switch (*p) {
      case '(':
      case ')':
      case ',':
      case ';':
        return 0;
      default:
        break;
    }
    if (const std::size_t n = numeric_literal::scan(begin, p, e)) return n;
    if (const std::size_t n = blob_literal::scan(begin, p, e)) return n;
    if (const token_info t = classify_name(begin, p, e); t.length != 0) return t.length;
    if (const std::size_t n = bind_parameter::scan(begin, p, e)) return n;
    if (*p == '#' && e - p >= 2 && is_digit(p[1])) {
      const char* q = p + 1;
      while (q != e && is_id_char(*q)) ++q;
      return static_cast<std::size_t>(q - p);
    }
    static constexpr std::string_view two[] = {"->>", "->", "||", "<=", ">=", "<>", "!=", "==", "<<", ">>"};
    for (const std::string_view op : two) {
      if (static_cast<std::size_t>(e - p) >= op.size() && std::string_view(p, op.size()) == op) return op.size();
    }
    switch (*p) {
      case '+':
      case '-':
      case '*':
      case '/':
      case '%':
      case '=':
      case '<':
      case '>':
      case '&':
      case '|':
      case '~':
      case '.':
        return 1;
      default:
        return 0;
    }
  }
};
struct module_arg_group : seq<lp, star<sor<module_arg_group, any_token, comma>>, rp> {};
struct module_argument : star<sor<any_token, module_arg_group>>, node_tag {};
struct module_arguments : seq<lp, list<module_argument, comma>, rp>, node_tag {};
struct module_name : nm_token, node_tag {};
struct create_virtual_table : seq<kw_create, kw_virtual_, kw_table, if_not_exists_opt, qualified_name, kw_using_,
                                  module_name, opt<module_arguments>>,
                              node_tag {};

}  // namespace migc::grammar
