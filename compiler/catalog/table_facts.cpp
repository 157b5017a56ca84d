// Columns, affinities and keys of tables and known virtual tables, with the
// checks SQLite makes in sqlite3AddColumn, sqlite3AddPrimaryKey and
// sqlite3EndTable.
#include "compiler/catalog/table_facts.hpp"

#include <array>
#include <fmt/format.h>

#include "compiler/ast/names.hpp"

namespace migc::catalog {

std::string_view affinity_name(affinity a) noexcept {
  switch (a) {
    case affinity::integer:
      return "INTEGER";
    case affinity::text:
      return "TEXT";
    case affinity::blob:
      return "BLOB";
    case affinity::real:
      return "REAL";
    case affinity::numeric:
      return "NUMERIC";
  }
  return "BLOB";
}

namespace {
bool contains_folded(std::string_view haystack, std::string_view needle) {
  if (needle.size() > haystack.size()) return false;
  for (std::size_t i = 0; i + needle.size() <= haystack.size(); ++i) {
    bool match = true;
    for (std::size_t j = 0; j < needle.size() && match; ++j) {
      match = ast::ascii_upper(haystack[i + j]) == needle[j];
    }
    if (match) return true;
  }
  return false;
}
}  // namespace

affinity affinity_of(std::string_view t) noexcept {
  if (contains_folded(t, "INT")) return affinity::integer;
  if (contains_folded(t, "CHAR") || contains_folded(t, "CLOB") || contains_folded(t, "TEXT")) return affinity::text;
  if (t.empty() || contains_folded(t, "BLOB")) return affinity::blob;
  if (contains_folded(t, "REAL") || contains_folded(t, "FLOA") || contains_folded(t, "DOUB")) return affinity::real;
  return affinity::numeric;
}

std::string declared_type(const std::optional<ast::type_name>& type) {
  std::string out;
  if (!type) return out;
  for (const ast::identifier& w : type->words) {
    if (!out.empty()) out += ' ';
    out += w.text;
  }
  if (!type->arguments.empty()) {
    out += '(';
    for (std::size_t i = 0; i < type->arguments.size(); ++i) {
      if (i > 0) out += ',';
      out += type->arguments[i];
    }
    out += ')';
  }
  // SQLite's sqlite3AddColumn: `x TEXT GENERATED ALWAYS AS (...)` parses
  // GENERATED ALWAYS as part of the type, so a type of 16 or more
  // characters loses a trailing "always", then a trailing "generated".
  auto ends_with = [&](std::string_view word) {
    return out.size() >= word.size() && contains_folded(std::string_view(out).substr(out.size() - word.size()), word);
  };
  auto trim = [&] {
    while (!out.empty() && out.back() == ' ') out.pop_back();
  };
  if (out.size() >= 16 && ends_with("ALWAYS")) {
    out.resize(out.size() - 6);
    trim();
    if (out.size() >= 9 && ends_with("GENERATED")) {
      out.resize(out.size() - 9);
      trim();
    }
  }
  return out;
}

std::optional<key_column> key_column_of(const ast::sort_item& item) {
  const ast::expr* e = item.value.get();
  const ast::identifier* collation = nullptr;
  if (e == nullptr) return std::nullopt;
  if (const auto* c = std::get_if<ast::collate>(&e->node)) {
    collation = &c->collation;
    e = c->operand.get();
  }
  if (const auto* ref = std::get_if<ast::column_ref>(&e->node)) {
    if (ref->table) return std::nullopt;
    return key_column{ref->column.text, ref->column.key, ref->column.where, collation};
  }
  if (const auto* lit = std::get_if<ast::literal>(&e->node); lit != nullptr && lit->kind == ast::literal_kind::string) {
    // SQLite reads a string literal in a key list as a column name.
    std::string text;
    for (std::size_t i = 1; i + 1 < lit->text.size(); ++i) {
      text += lit->text[i];
      if (lit->text[i] == '\'') ++i;
    }
    std::string key = fold(text);
    return key_column{std::move(text), std::move(key), e->where, collation};
  }
  return std::nullopt;
}

namespace {

bool is_strict_type(std::string_view type) {
  static constexpr std::array<std::string_view, 6> allowed{"INT", "INTEGER", "REAL", "TEXT", "BLOB", "ANY"};
  for (std::string_view a : allowed) {
    if (type.size() == a.size() && contains_folded(type, a)) return true;
  }
  return false;
}

class table_builder {
 public:
  table_builder(object& o, const ast::create_table& table, diag::sink& sink) : o_(o), table_(table), sink_(sink) {}

  void run() {
    o_.without_rowid = table_.without_rowid;
    o_.strict = table_.strict;
    if (table_.as_select) {
      o_.columns_known = false;  // resolve fills them from the query
      return;
    }
    for (const ast::column_definition& def : table_.columns) add_column(def);
    for (std::uint32_t i = 0; i < table_.columns.size(); ++i) column_constraints(i);
    for (const ast::table_constraint& tc : table_.constraints) table_constraint(tc);
    finish();
  }

 private:
  void add_column(const ast::column_definition& def) {
    column c;
    c.name = def.name.text;
    c.key = def.name.key;
    c.type = declared_type(def.type);
    c.aff = affinity_of(c.type);
    c.definition = &def;
    c.where = def.name.where;
    if (o_.find_column(c.key) != ~0U) {
      sink_.error(diag::code::E0207, def.name.where,
                  fmt::format("duplicate column name '{}' in table '{}'", def.name.text, o_.name));
    }
    if (table_.strict) {
      if (!def.type) {
        sink_.error(diag::code::E0216, def.name.where,
                    fmt::format("missing datatype for '{}.{}': STRICT tables need INT, INTEGER, REAL, TEXT, "
                                "BLOB or ANY",
                                o_.name, def.name.text));
      } else if (!is_strict_type(c.type)) {
        sink_.error(diag::code::E0216, def.type->where,
                    fmt::format("unknown datatype for '{}.{}': \"{}\" is not INT, INTEGER, REAL, TEXT, BLOB or "
                                "ANY, as STRICT requires",
                                o_.name, def.name.text, c.type));
      }
    }
    o_.columns.push_back(std::move(c));
  }

  void column_constraints(std::uint32_t index) {
    const ast::column_definition& def = table_.columns[index];
    column& c = o_.columns[index];
    for (const ast::column_constraint& cc : def.constraints) {
      using k = ast::column_constraint::kind;
      switch (cc.what) {
        case k::not_null:
          c.not_null = true;
          c.declared_not_null = true;
          break;
        case k::collate:
          if (cc.collation) c.collation = &*cc.collation;
          break;
        case k::generated:
          c.generated = true;
          break;
        case k::references:
          if (cc.references) {
            foreign_key fk;
            fk.clause = &*cc.references;
            fk.columns.push_back(index);
            fk.where = cc.where;
            o_.foreign_keys.push_back(std::move(fk));
          }
          break;
        case k::unique: {
          unique_key u;
          u.columns.push_back(index);
          u.collations.emplace_back();
          u.where = cc.where;
          uniques_.push_back(std::move(u));
          break;
        }
        case k::primary_key: {
          unique_key u;
          u.columns.push_back(index);
          u.collations.emplace_back();
          u.primary = true;
          u.where = cc.where;
          if (cc.autoincrement) autoincrement_at_ = cc.where;
          desc_column_pk_ = cc.direction == ast::sort_direction::desc;
          set_primary_key(std::move(u), cc.where);
          break;
        }
        default:
          break;
      }
    }
  }

  void table_constraint(const ast::table_constraint& tc) {
    using k = ast::table_constraint::kind;
    if (tc.what == k::foreign_key && tc.references) {
      foreign_key fk;
      fk.clause = &*tc.references;
      fk.where = tc.where;
      for (const ast::identifier& id : tc.fk_columns) {
        std::uint32_t col = o_.find_column(id.key);
        if (col == ~0U) {
          sink_.error(diag::code::E0205, id.where,
                      fmt::format("unknown column '{}' in foreign key definition of table '{}'", id.text, o_.name));
          return;
        }
        fk.columns.push_back(col);
      }
      o_.foreign_keys.push_back(std::move(fk));
      return;
    }
    if (tc.what != k::primary_key && tc.what != k::unique) return;
    unique_key u;
    u.primary = tc.what == k::primary_key;
    u.where = tc.where;
    for (const ast::sort_item& item : tc.columns) {
      std::optional<key_column> kc = key_column_of(item);
      if (!kc) {
        // SQLite: "expressions prohibited in PRIMARY KEY and UNIQUE constraints"
        // is a parse-time error the grammar leaves to us.
        sink_.error(diag::code::E0227, item.value ? item.value->where : tc.where,
                    "expressions are not allowed in PRIMARY KEY and UNIQUE constraints; name a column");
        return;
      }
      std::uint32_t col = o_.find_column(kc->key);
      if (col == ~0U) {
        sink_.error(diag::code::E0205, kc->where,
                    fmt::format("table '{}' has no column named '{}'", o_.name, kc->text));
        return;
      }
      u.columns.push_back(col);
      u.collations.push_back(kc->collation != nullptr ? kc->collation->key : std::string());
    }
    if (u.primary) {
      if (tc.autoincrement) autoincrement_at_ = tc.where;
      desc_column_pk_ = false;  // PRIMARY KEY(x DESC) is still a rowid alias
      set_primary_key(std::move(u), tc.where);
    } else {
      uniques_.push_back(std::move(u));
    }
  }

  void set_primary_key(unique_key u, source::span where) {
    if (primary_) {
      auto& d = sink_.error(diag::code::E0208, where, fmt::format("table '{}' has more than one primary key", o_.name));
      d.notes.push_back({primary_->where, "first PRIMARY KEY here"});
      return;
    }
    primary_ = std::move(u);
  }

  void finish() {
    bool rowid_alias = false;
    if (primary_) {
      for (std::uint32_t col : primary_->columns) {
        column& c = o_.columns[col];
        c.primary_key = true;
        if (c.generated) {
          sink_.error(diag::code::E0217, c.where,
                      fmt::format("generated column '{}' cannot be part of the PRIMARY KEY", c.name));
        }
      }
      if (primary_->columns.size() == 1 && !table_.without_rowid) {
        column& c = o_.columns[primary_->columns[0]];
        if (ast::upper(c.type) == "INTEGER" && !desc_column_pk_) {
          c.rowid_alias = true;
          c.not_null = true;
          rowid_alias = true;
        }
      }
    }
    if (autoincrement_at_) {
      o_.autoincrement = true;
      if (table_.without_rowid) {
        sink_.error(diag::code::E0214, *autoincrement_at_,
                    fmt::format("AUTOINCREMENT is not allowed on WITHOUT ROWID table '{}'", o_.name));
      } else if (!rowid_alias) {
        sink_.error(diag::code::E0213, *autoincrement_at_, "AUTOINCREMENT is only allowed on an INTEGER PRIMARY KEY");
      }
    }
    if (table_.without_rowid && !primary_) {
      sink_.error(diag::code::E0215, o_.name_id->where,
                  fmt::format("PRIMARY KEY missing on WITHOUT ROWID table '{}'", o_.name));
    }
    if (table_.without_rowid && primary_) {
      for (std::uint32_t col : primary_->columns) o_.columns[col].not_null = true;
    }
    bool ordinary = false;
    for (const column& c : o_.columns) ordinary = ordinary || !c.generated;
    if (!ordinary && !o_.columns.empty()) {
      sink_.error(diag::code::E0220, o_.name_id->where,
                  fmt::format("table '{}' must have at least one non-generated column", o_.name));
    }
    if (primary_) o_.unique_keys.push_back(std::move(*primary_));
    for (unique_key& u : uniques_) o_.unique_keys.push_back(std::move(u));
  }

  object& o_;
  const ast::create_table& table_;
  diag::sink& sink_;
  std::optional<unique_key> primary_;
  std::vector<unique_key> uniques_;
  std::optional<source::span> autoincrement_at_;
  bool desc_column_pk_ = false;
};

// The first word of a module argument, unquoted, if it names a column.
std::optional<std::string> argument_column(std::string_view arg) {
  if (arg.empty() || arg.find('=') != std::string_view::npos) return std::nullopt;
  std::size_t end = 0;
  std::string name;
  char open = arg[0];
  char close = open == '[' ? ']' : open;
  if (open == '"' || open == '`' || open == '[' || open == '\'') {
    for (end = 1; end < arg.size(); ++end) {
      if (arg[end] == close) {
        if (close != ']' && end + 1 < arg.size() && arg[end + 1] == close) {
          name += close;
          ++end;
          continue;
        }
        break;
      }
      name += arg[end];
    }
  } else {
    while (end < arg.size() && arg[end] != ' ' && arg[end] != '\t' && arg[end] != '\n' && arg[end] != '\r') {
      name += arg[end++];
    }
  }
  if (name.empty()) return std::nullopt;
  return name;
}

void add_virtual_column(object& o, std::string name, bool hidden, affinity aff = affinity::blob) {
  column c;
  c.key = fold(name);
  c.name = std::move(name);
  c.hidden = hidden;
  c.aff = aff;
  c.where = o.name_id->where;
  o.columns.push_back(std::move(c));
}

}  // namespace

void fill_table(object& o, const ast::create_table& table, diag::sink& sink) { table_builder(o, table, sink).run(); }

void fill_virtual_table(object& o, const ast::create_virtual_table& table) {
  const std::string& module = table.module.key;
  bool fts = module == "fts3" || module == "fts4" || module == "fts5";
  bool rtree = module == "rtree" || module == "rtree_i32" || module == "geopoly";
  if (!fts && !rtree) {
    o.columns_known = false;
    return;
  }
  if (table.arguments) {
    for (const std::string& arg : *table.arguments) {
      std::optional<std::string> name = argument_column(arg);
      if (!name) continue;
      // fts4 options look like columns only with '='; tokenize= for fts3 too.
      if (rtree) {
        add_virtual_column(o, std::move(*name), false, o.columns.empty() ? affinity::integer : affinity::real);
      } else {
        add_virtual_column(o, std::move(*name), false, affinity::blob);
      }
    }
  }
  if (module == "geopoly") {
    o.columns.insert(o.columns.begin(), column{});
    o.columns.front().name = "_shape";
    o.columns.front().key = "_shape";
    o.columns.front().where = o.name_id->where;
  }
  if (fts) {
    add_virtual_column(o, o.name, true);  // the table-named column MATCH uses
    if (module == "fts5") {
      add_virtual_column(o, "rank", true);
    } else {
      add_virtual_column(o, "docid", true, affinity::integer);
      if (module == "fts4") add_virtual_column(o, "langid", true, affinity::integer);
    }
  }
}

}  // namespace migc::catalog
