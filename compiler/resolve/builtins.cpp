// The relations SQLite provides without a CREATE statement: the schema
// tables, sqlite_sequence and sqlite_stat*, and the table-valued functions
// of its core (pragma_*, json_each, json_tree) and of the sqlite3 shell
// (generate_series, dbstat). Columns as each documents them, hidden ones
// marked; the pragma columns were read from SQLite 3.40's pragma_table_xinfo.
#include <array>

#include "compiler/resolve/resolver.hpp"

namespace migc::resolve::detail {

namespace {

struct builtin {
  std::string_view name;
  // Space-separated columns; a trailing '!' marks a hidden one.
  std::string_view columns;
};

constexpr std::array builtins{
    builtin{"sqlite_schema", "type name tbl_name rootpage sql"},
    builtin{"sqlite_master", "type name tbl_name rootpage sql"},
    builtin{"sqlite_temp_schema", "type name tbl_name rootpage sql"},
    builtin{"sqlite_temp_master", "type name tbl_name rootpage sql"},
    builtin{"sqlite_sequence", "name seq"},
    builtin{"sqlite_stat1", "tbl idx stat"},
    builtin{"sqlite_stat4", "tbl idx neq nlt ndlt sample"},
    builtin{"json_each", "key value type atom id parent fullkey path json! root!"},
    builtin{"json_tree", "key value type atom id parent fullkey path json! root!"},
    builtin{"generate_series", "value start! stop! step!"},
    builtin{"dbstat", "name path pageno pagetype ncell payload unused mx_payload pgoffset pgsize schema! aggregate!"},
    builtin{"pragma_analysis_limit", "analysis_limit"},
    builtin{"pragma_application_id", "application_id"},
    builtin{"pragma_auto_vacuum", "auto_vacuum schema!"},
    builtin{"pragma_automatic_index", "automatic_index"},
    builtin{"pragma_busy_timeout", "timeout"},
    builtin{"pragma_cache_size", "cache_size schema!"},
    builtin{"pragma_cache_spill", "cache_spill schema!"},
    builtin{"pragma_cell_size_check", "cell_size_check"},
    builtin{"pragma_checkpoint_fullfsync", "checkpoint_fullfsync"},
    builtin{"pragma_collation_list", "seq name"},
    builtin{"pragma_compile_options", "compile_options"},
    builtin{"pragma_count_changes", "count_changes"},
    builtin{"pragma_data_version", "data_version"},
    builtin{"pragma_database_list", "seq name file"},
    builtin{"pragma_default_cache_size", "cache_size schema!"},
    builtin{"pragma_defer_foreign_keys", "defer_foreign_keys"},
    builtin{"pragma_empty_result_callbacks", "empty_result_callbacks"},
    builtin{"pragma_encoding", "encoding"},
    builtin{"pragma_foreign_key_check", "table rowid parent fkid arg! schema!"},
    builtin{"pragma_foreign_key_list", "id seq table from to on_update on_delete match arg! schema!"},
    builtin{"pragma_foreign_keys", "foreign_keys"},
    builtin{"pragma_freelist_count", "freelist_count"},
    builtin{"pragma_full_column_names", "full_column_names"},
    builtin{"pragma_fullfsync", "fullfsync"},
    builtin{"pragma_function_list", "name builtin type enc narg flags"},
    builtin{"pragma_hard_heap_limit", "hard_heap_limit"},
    builtin{"pragma_ignore_check_constraints", "ignore_check_constraints"},
    builtin{"pragma_index_info", "seqno cid name arg! schema!"},
    builtin{"pragma_index_list", "seq name unique origin partial arg! schema!"},
    builtin{"pragma_index_xinfo", "seqno cid name desc coll key arg! schema!"},
    builtin{"pragma_integrity_check", "integrity_check arg! schema!"},
    builtin{"pragma_journal_mode", "journal_mode schema!"},
    builtin{"pragma_journal_size_limit", "journal_size_limit schema!"},
    builtin{"pragma_legacy_alter_table", "legacy_alter_table"},
    builtin{"pragma_locking_mode", "locking_mode schema!"},
    builtin{"pragma_max_page_count", "max_page_count schema!"},
    builtin{"pragma_module_list", "name"},
    builtin{"pragma_optimize", "optimize arg!"},
    builtin{"pragma_page_count", "page_count schema!"},
    builtin{"pragma_page_size", "page_size schema!"},
    builtin{"pragma_pragma_list", "name"},
    builtin{"pragma_query_only", "query_only"},
    builtin{"pragma_quick_check", "quick_check arg! schema!"},
    builtin{"pragma_read_uncommitted", "read_uncommitted"},
    builtin{"pragma_recursive_triggers", "recursive_triggers"},
    builtin{"pragma_reverse_unordered_selects", "reverse_unordered_selects"},
    builtin{"pragma_schema_version", "schema_version"},
    builtin{"pragma_secure_delete", "secure_delete"},
    builtin{"pragma_short_column_names", "short_column_names"},
    builtin{"pragma_soft_heap_limit", "soft_heap_limit"},
    builtin{"pragma_synchronous", "synchronous schema!"},
    builtin{"pragma_table_info", "cid name type notnull dflt_value pk arg! schema!"},
    builtin{"pragma_table_list", "schema name type ncol wr strict arg!"},
    builtin{"pragma_table_xinfo", "cid name type notnull dflt_value pk hidden arg! schema!"},
    builtin{"pragma_temp_store", "temp_store"},
    builtin{"pragma_threads", "threads"},
    builtin{"pragma_trusted_schema", "trusted_schema"},
    builtin{"pragma_user_version", "user_version"},
    builtin{"pragma_writable_schema", "writable_schema"},
};

}  // namespace

std::optional<shape> builtin_relation(std::string_view key, bool function_call) {
  (void)function_call;  // eponymous tables may be named without arguments too
  for (const builtin& b : builtins) {
    if (b.name != key) continue;
    shape s;
    s.has_rowid = true;
    std::string_view rest = b.columns;
    while (!rest.empty()) {
      std::size_t end = rest.find(' ');
      std::string_view word = rest.substr(0, end);
      rest = end == std::string_view::npos ? std::string_view() : rest.substr(end + 1);
      column c;
      c.hidden = word.ends_with('!');
      if (c.hidden) word.remove_suffix(1);
      c.name = std::string(word);
      c.key = c.name;
      s.columns.push_back(std::move(c));
    }
    return s;
  }
  return std::nullopt;
}

}  // namespace migc::resolve::detail
