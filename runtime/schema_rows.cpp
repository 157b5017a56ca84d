// Reading sqlite_schema and the table, foreign-key and index pragmas into
// plain rows. The pragma table functions (pragma_table_xinfo(...)) take the
// object name as a bound parameter, so no name is ever spliced into SQL.
#include "runtime/schema_rows.hpp"

namespace migc::rt {

std::string quote_literal(std::string_view name) {
  std::string out = "'";
  for (char c : name) {
    out += c;
    if (c == '\'') out += '\'';
  }
  return out + "'";
}

std::string quote_identifier(std::string_view name) {
  std::string out = "\"";
  for (char c : name) {
    out += c;
    if (c == '"') out += '"';
  }
  return out + "\"";
}

namespace {

std::optional<std::string> optional_text(const statement& st, int column) {
  if (st.column_is_null(column)) return std::nullopt;
  return std::string(st.column_text(column));
}

// Prepares `sql`, binds `argument` (if any) to ?1, and calls `row` for each
// result row.
template <typename Row>
result<void> for_each_row(connection& db, std::string_view sql, std::optional<std::string_view> argument, Row row) {
  result<statement> st = db.prepare(sql);
  if (!st) return st.error();
  if (argument) {
    if (result<void> b = st->bind_text(1, *argument); !b) return b.error();
  }
  while (true) {
    result<step_result> s = st->step();
    if (!s) return s.error();
    if (*s == step_result::done) return {};
    row(*st);
  }
}

}  // namespace

result<std::vector<schema_row>> read_schema(connection& db) {
  std::vector<schema_row> rows;
  auto r = for_each_row(db, "SELECT type, name, tbl_name, rootpage, sql FROM main.sqlite_schema ORDER BY rowid",
                        std::nullopt, [&](const statement& st) {
                          rows.push_back({std::string(st.column_text(0)), std::string(st.column_text(1)),
                                          std::string(st.column_text(2)), st.column_int64(3), optional_text(st, 4)});
                        });
  if (!r) return r.error();
  return rows;
}

result<std::vector<column_row>> read_table_xinfo(connection& db, std::string_view table) {
  std::vector<column_row> rows;
  auto r = for_each_row(db, "SELECT cid, name, type, \"notnull\", dflt_value, pk, hidden FROM pragma_table_xinfo(?1)",
                        table, [&](const statement& st) {
                          column_row c;
                          c.cid = static_cast<int>(st.column_int64(0));
                          c.name = st.column_text(1);
                          c.type = st.column_text(2);
                          c.not_null = st.column_int64(3) != 0;
                          c.default_value = optional_text(st, 4);
                          c.pk = static_cast<int>(st.column_int64(5));
                          c.hidden = static_cast<int>(st.column_int64(6));
                          rows.push_back(std::move(c));
                        });
  if (!r) return r.error();
  return rows;
}

result<std::vector<foreign_key_row>> read_foreign_keys(connection& db, std::string_view table) {
  std::vector<foreign_key_row> rows;
  auto r = for_each_row(
      db, "SELECT id, seq, \"table\", \"from\", \"to\", on_update, on_delete, match FROM pragma_foreign_key_list(?1)",
      table, [&](const statement& st) {
        foreign_key_row f;
        f.id = static_cast<int>(st.column_int64(0));
        f.seq = static_cast<int>(st.column_int64(1));
        f.table = st.column_text(2);
        f.from = st.column_text(3);
        f.to = optional_text(st, 4);
        f.on_update = st.column_text(5);
        f.on_delete = st.column_text(6);
        f.match = st.column_text(7);
        rows.push_back(std::move(f));
      });
  if (!r) return r.error();
  return rows;
}

result<std::vector<index_row>> read_index_list(connection& db, std::string_view table) {
  std::vector<index_row> rows;
  auto r = for_each_row(db, "SELECT seq, name, \"unique\", origin, partial FROM pragma_index_list(?1)", table,
                        [&](const statement& st) {
                          index_row i;
                          i.seq = static_cast<int>(st.column_int64(0));
                          i.name = st.column_text(1);
                          i.unique = st.column_int64(2) != 0;
                          i.origin = st.column_text(3);
                          i.partial = st.column_int64(4) != 0;
                          rows.push_back(std::move(i));
                        });
  if (!r) return r.error();
  return rows;
}

result<std::vector<index_column_row>> read_index_xinfo(connection& db, std::string_view index) {
  std::vector<index_column_row> rows;
  auto r = for_each_row(db, "SELECT seqno, cid, name, \"desc\", coll, \"key\" FROM pragma_index_xinfo(?1)", index,
                        [&](const statement& st) {
                          index_column_row c;
                          c.seqno = static_cast<int>(st.column_int64(0));
                          c.cid = static_cast<int>(st.column_int64(1));
                          c.name = optional_text(st, 2);
                          c.desc = st.column_int64(3) != 0;
                          c.collation = st.column_is_null(4) ? std::string() : std::string(st.column_text(4));
                          c.key = st.column_int64(5) != 0;
                          rows.push_back(std::move(c));
                        });
  if (!r) return r.error();
  return rows;
}

result<std::vector<table_list_row>> read_table_list(connection& db) {
  std::vector<table_list_row> rows;
  auto r = for_each_row(db, "SELECT schema, name, type, ncol, wr, strict FROM pragma_table_list WHERE schema = 'main'",
                        std::nullopt, [&](const statement& st) {
                          table_list_row t;
                          t.schema = st.column_text(0);
                          t.name = st.column_text(1);
                          t.type = st.column_text(2);
                          t.column_count = static_cast<int>(st.column_int64(3));
                          t.without_rowid = st.column_int64(4) != 0;
                          t.strict = st.column_int64(5) != 0;
                          rows.push_back(std::move(t));
                        });
  if (!r) return r.error();
  return rows;
}

}  // namespace migc::rt
