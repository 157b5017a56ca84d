// Reading the live schema's SQL, and checking what migc made of it against
// SQLite's pragmas.
#include "compiler/introspect/introspect.hpp"

#include <algorithm>
#include <fmt/format.h>

#include "compiler/ast/names.hpp"

namespace migc::introspect {

bool is_internal(std::string_view name, const std::vector<std::string>& shadow) {
  std::string key = catalog::fold(name);
  if (key.starts_with("sqlite_") || key.starts_with("_migc_")) return true;
  return std::find(shadow.begin(), shadow.end(), key) != shadow.end();
}

rt::result<live_source> read(rt::connection& db) {
  rt::result<std::vector<rt::table_list_row>> tables = rt::read_table_list(db);
  if (!tables) return tables.error();
  std::vector<std::string> shadow;
  for (const rt::table_list_row& t : *tables) {
    if (t.type == "shadow") shadow.push_back(catalog::fold(t.name));
  }
  rt::result<std::vector<rt::schema_row>> rows = rt::read_schema(db);
  if (!rows) return rows.error();
  live_source out;
  for (const rt::schema_row& row : *rows) {
    if (!row.sql || is_internal(row.name, shadow)) {
      out.internal.push_back(row.name);
      continue;
    }
    out.text += *row.sql;
    out.text += ";\n";
  }
  return out;
}

namespace {

// Declared types compare as SQLite keeps them up to whitespace and case.
std::string type_key(std::string_view type) {
  std::string out;
  for (char c : type) {
    if (c == ' ' || c == '\t' || c == '\n' || c == '\r') continue;
    out += ast::ascii_upper(c);
  }
  return out;
}

class checker {
 public:
  checker(const catalog::catalog& live, rt::connection& db, diag::sink& sink) : live_(live), db_(db), sink_(sink) {}

  bool run() {
    for (const catalog::object& o : live_.objects()) {
      if (o.kind == catalog::object_kind::table && o.columns_known) {
        if (!check_table(o)) return false;
      } else if (o.kind == catalog::object_kind::index) {
        if (!check_index(o)) return false;
      }
    }
    return true;
  }

 private:
  void differs(const catalog::object& o, const std::string& what) {
    sink_.error(diag::code::E0401, o.name_id->where,
                fmt::format("migc misread {} '{}': {}", catalog::kind_name(o.kind), o.name, what));
  }

  bool check_table(const catalog::object& o) {
    rt::result<std::vector<rt::column_row>> cols = rt::read_table_xinfo(db_, o.name);
    if (!cols) return false;
    if (cols->size() != o.columns.size()) {
      differs(o, fmt::format("SQLite reports {} columns, migc found {}", cols->size(), o.columns.size()));
      return true;
    }
    std::vector<int> pk_position(o.columns.size(), 0);
    if (!o.unique_keys.empty() && o.unique_keys.front().primary) {
      const catalog::unique_key& pk = o.unique_keys.front();
      for (std::size_t i = 0; i < pk.columns.size(); ++i) pk_position[pk.columns[i]] = static_cast<int>(i + 1);
    }
    for (std::size_t i = 0; i < cols->size(); ++i) {
      const rt::column_row& row = (*cols)[i];
      const catalog::column& c = o.columns[i];
      // pragma table_info's notnull: written NOT NULL, or a WITHOUT ROWID
      // table's key column; an INTEGER PRIMARY KEY alone reports 0.
      bool not_null = c.declared_not_null || (o.without_rowid && c.primary_key);
      bool generated = row.hidden == 2 || row.hidden == 3;
      if (catalog::fold(row.name) != c.key) {
        differs(o, fmt::format("column {} is '{}' in SQLite, '{}' in migc", i + 1, row.name, c.name));
      } else if (type_key(row.type) != type_key(c.type) && !generated) {
        differs(o, fmt::format("column '{}' has type '{}' in SQLite, '{}' in migc", c.name, row.type, c.type));
      } else if (row.not_null != not_null) {
        differs(o, fmt::format("column '{}' is {}NOT NULL in SQLite", c.name, row.not_null ? "" : "not "));
      } else if (row.pk != pk_position[i]) {
        differs(o, fmt::format("column '{}' is at primary-key position {} in SQLite, {} in migc", c.name, row.pk,
                               pk_position[i]));
      } else if (generated != c.generated) {
        differs(o, fmt::format("column '{}' is {}generated in SQLite", c.name, generated ? "" : "not "));
      }
    }
    rt::result<std::vector<rt::foreign_key_row>> fks = rt::read_foreign_keys(db_, o.name);
    if (!fks) return false;
    std::size_t pairs = 0;
    for (const catalog::foreign_key& fk : o.foreign_keys) pairs += fk.columns.size();
    if (fks->size() != pairs) {
      differs(o, fmt::format("SQLite reports {} foreign-key columns, migc found {}", fks->size(), pairs));
    }
    return true;
  }

  bool check_index(const catalog::object& o) {
    rt::result<std::vector<rt::index_column_row>> cols = rt::read_index_xinfo(db_, o.name);
    if (!cols) return false;
    std::size_t keys = 0;
    for (const rt::index_column_row& c : *cols) keys += c.key ? 1 : 0;
    const auto* index = std::get_if<ast::create_index>(&o.statement->node);
    if (index != nullptr && keys != index->columns.size()) {
      differs(o, fmt::format("SQLite reports {} key columns, migc found {}", keys, index->columns.size()));
    }
    return true;
  }

  const catalog::catalog& live_;
  rt::connection& db_;
  diag::sink& sink_;
};

}  // namespace

bool cross_check(const catalog::catalog& live, rt::connection& db, diag::sink& sink) {
  return checker(live, db, sink).run();
}

}  // namespace migc::introspect
