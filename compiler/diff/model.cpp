// Building normalized models from catalog objects. Each property is reduced
// to the form SQLite's behaviour depends on: defaults without their
// redundant parentheses, foreign-key actions with NO ACTION spelled out,
// deferral reduced to "deferred or not", constraints as sorted sets.
#include "compiler/diff/model.hpp"

#include <algorithm>
#include <cassert>
#include <fmt/format.h>
#include <tuple>

#include "compiler/backend/sql/printer.hpp"
#include "compiler/catalog/table_facts.hpp"

namespace migc::diff {

bool operator==(const column_model& a, const column_model& b) {
  return a.key == b.key && a.type == b.type && a.not_null == b.not_null && a.not_null_conflict == b.not_null_conflict &&
         a.default_value == b.default_value && a.collation == b.collation && a.generated == b.generated &&
         a.stored == b.stored;
}

bool operator==(const table_model& a, const table_model& b) {
  return a.key == b.key && a.without_rowid == b.without_rowid && a.strict == b.strict &&
         a.autoincrement == b.autoincrement && a.columns == b.columns && a.primary_key == b.primary_key &&
         a.uniques == b.uniques && a.checks == b.checks && a.foreign_keys == b.foreign_keys;
}

bool operator<(const foreign_key_model& a, const foreign_key_model& b) {
  return std::tie(a.name, a.columns, a.parent, a.parent_columns, a.on_delete, a.on_update, a.deferred) <
         std::tie(b.name, b.columns, b.parent, b.parent_columns, b.on_delete, b.on_update, b.deferred);
}

std::string rename_in(std::string_view text, std::string_view from, std::string_view to) {
  const std::string needle = "\"" + std::string(from) + "\"";
  const std::string replacement = "\"" + std::string(to) + "\"";
  std::string out;
  std::size_t at = 0;
  while (true) {
    std::size_t hit = text.find(needle, at);
    if (hit == std::string_view::npos) break;
    out.append(text.substr(at, hit - at));
    out += replacement;
    at = hit + needle.size();
  }
  out.append(text.substr(at));
  return out;
}

std::uint32_t table_model::find_column(std::string_view k) const noexcept {
  for (std::uint32_t i = 0; i < columns.size(); ++i) {
    if (columns[i].key == k) return i;
  }
  return ~0U;
}

namespace {

std::string conflict_text(ast::conflict_resolution c) {
  switch (c) {
    case ast::conflict_resolution::none:
      return "";
    case ast::conflict_resolution::rollback:
      return "ON CONFLICT ROLLBACK";
    case ast::conflict_resolution::abort:
      return "ON CONFLICT ABORT";
    case ast::conflict_resolution::fail:
      return "ON CONFLICT FAIL";
    case ast::conflict_resolution::ignore:
      return "ON CONFLICT IGNORE";
    case ast::conflict_resolution::replace:
      return "ON CONFLICT REPLACE";
  }
  return "";
}

std::string name_text(const std::optional<ast::identifier>& name) { return name ? name->key : std::string(); }

// DEFAULT in the form SQLite evaluates: a bare word is a string (TRUE and
// FALSE are 1 and 0); an expression loses its outer parentheses.
std::string default_text(const ast::default_value& d) {
  if (d.form == ast::default_form::identifier && d.name) {
    if (d.name->quote == '\0' && d.name->key == "true") return "1";
    if (d.name->quote == '\0' && d.name->key == "false") return "0";
    std::string out = "'";
    for (char c : d.name->text) {
      out += c;
      if (c == '\'') out += '\'';
    }
    return out + "'";
  }
  return d.value ? backend::sql::normalized_expr(*d.value) : std::string();
}

std::string action_text(ast::fk_action a) {
  switch (a) {
    case ast::fk_action::set_null:
      return "SET NULL";
    case ast::fk_action::set_default:
      return "SET DEFAULT";
    case ast::fk_action::cascade:
      return "CASCADE";
    case ast::fk_action::restrict:
      return "RESTRICT";
    case ast::fk_action::no_action:
      return "NO ACTION";
  }
  return "NO ACTION";
}

// A foreign key as SQLite enforces it: MATCH is parsed and ignored, and
// only DEFERRABLE INITIALLY DEFERRED defers the check.
foreign_key_model foreign_key_of(const std::optional<ast::identifier>& name, std::vector<std::string> columns,
                                 const ast::foreign_key_clause& fk,
                                 const std::optional<ast::deferrable_clause>& deferrable, std::string owner) {
  foreign_key_model m;
  m.name = name_text(name);
  m.columns = std::move(columns);
  m.parent = fk.table.key;
  for (const ast::identifier& c : fk.columns) m.parent_columns.push_back(c.key);
  for (const ast::fk_argument& a : fk.arguments) {
    if (a.what == ast::fk_argument::kind::on_delete) m.on_delete = action_text(a.action);
    if (a.what == ast::fk_argument::kind::on_update) m.on_update = action_text(a.action);
  }
  m.deferred = deferrable && !deferrable->negated && deferrable->mode == ast::initially::deferred;
  m.owner = std::move(owner);
  return m;
}

std::string quoted(std::string_view key) { return "\"" + std::string(key) + "\""; }

std::string key_item_text(const ast::sort_item& item) {
  std::optional<catalog::key_column> kc = catalog::key_column_of(item);
  std::string out = kc ? quoted(kc->key) : backend::sql::normalized_expr(*item.value);
  if (kc && kc->collation != nullptr) out += " COLLATE " + kc->collation->key;
  if (item.direction == ast::sort_direction::desc) out += " DESC";
  return out;
}

class table_modeler {
 public:
  table_modeler(const catalog::object& o, const ast::create_table& t) : o_(o), t_(t) {}

  table_model run() {
    m_.key = o_.key;
    m_.name = o_.name;
    m_.without_rowid = t_.without_rowid;
    m_.strict = t_.strict;
    m_.autoincrement = o_.autoincrement;
    for (std::size_t i = 0; i < t_.columns.size(); ++i) column(t_.columns[i], o_.columns.at(i));
    for (const ast::table_constraint& c : t_.constraints) table_constraint(c);
    std::sort(m_.uniques.begin(), m_.uniques.end());
    std::sort(m_.checks.begin(), m_.checks.end());
    std::sort(m_.foreign_keys.begin(), m_.foreign_keys.end());
    return std::move(m_);
  }

 private:
  void column(const ast::column_definition& def, const catalog::column& facts) {
    column_model c;
    c.key = def.name.key;
    c.name = def.name.text;
    // The declared type as SQLite records it (GENERATED ALWAYS stripped),
    // compared without regard to case.
    for (char ch : facts.type) c.type += (ch >= 'a' && ch <= 'z') ? static_cast<char>(ch - 'a' + 'A') : ch;
    const ast::column_constraint* last_references = nullptr;
    std::optional<ast::identifier> last_references_name;
    std::optional<ast::identifier> pending;  // CONSTRAINT name: names the next constraint
    for (const ast::column_constraint& cc : def.constraints) {
      using k = ast::column_constraint::kind;
      if (cc.what == k::name_only) {
        pending = cc.name;
        continue;
      }
      const std::optional<ast::identifier> cname = cc.name ? cc.name : pending;
      if (cc.what != k::deferrable) pending.reset();
      switch (cc.what) {
        case k::not_null:
          c.not_null = true;
          c.not_null_conflict = conflict_text(cc.on_conflict);
          break;
        case k::default_:
          if (cc.default_) {
            c.default_value = default_text(*cc.default_);
            c.default_is_expression = cc.default_->form == ast::default_form::parenthesized;
            if (cc.default_->value) {
              if (const auto* lit = std::get_if<ast::literal>(&cc.default_->value->node)) {
                c.default_is_expression = c.default_is_expression || lit->kind == ast::literal_kind::current_time ||
                                          lit->kind == ast::literal_kind::current_date ||
                                          lit->kind == ast::literal_kind::current_timestamp;
              }
            }
          }
          break;
        case k::collate:
          if (cc.collation) c.collation = cc.collation->key;
          break;
        case k::generated:
          c.generated = backend::sql::normalized_expr(*cc.expression);
          c.stored = cc.storage && cc.storage->key == "stored";
          break;
        case k::primary_key:
          m_.primary_key =
              fmt::format("{}|{}{}|{}|{}{}", name_text(cname), quoted(c.key),
                          cc.direction == ast::sort_direction::desc ? " DESC" : "", conflict_text(cc.on_conflict),
                          cc.autoincrement ? "AUTOINCREMENT" : "", facts.rowid_alias ? "|ROWID" : "");
          break;
        case k::unique:
          m_.uniques.push_back(fmt::format("{}|{}|{}", name_text(cname), quoted(c.key), conflict_text(cc.on_conflict)));
          break;
        case k::check:
          m_.checks.push_back({name_text(cname), backend::sql::normalized_expr(*cc.expression), c.key});
          break;
        case k::references:
          if (cc.references) {
            m_.foreign_keys.push_back(foreign_key_of(cname, {c.key}, *cc.references, cc.deferrable, c.key));
            last_references = &cc;
            last_references_name = cname;
          }
          break;
        case k::deferrable:
          // A column's DEFERRABLE clause is a constraint of its own in the
          // AST, as in SQLite's grammar; it belongs to the REFERENCES before it.
          if (last_references != nullptr && cc.deferrable) {
            m_.foreign_keys.back() =
                foreign_key_of(last_references_name, {c.key}, *last_references->references, cc.deferrable, c.key);
          }
          break;
        default:
          break;
      }
    }
    m_.columns.push_back(std::move(c));
  }

  void table_constraint(const ast::table_constraint& c) {
    using k = ast::table_constraint::kind;
    if (c.what == k::name_only) {
      pending_ = c.name;
      return;
    }
    const std::optional<ast::identifier> cname = c.name ? c.name : pending_;
    pending_.reset();
    std::string items;
    for (const ast::sort_item& item : c.columns) {
      if (!items.empty()) items += ", ";
      items += key_item_text(item);
    }
    switch (c.what) {
      case k::primary_key: {
        bool alias = false;
        for (const catalog::column& col : o_.columns) alias = alias || col.rowid_alias;
        m_.primary_key = fmt::format("{}|{}|{}|{}{}", name_text(cname), items, conflict_text(c.on_conflict),
                                     c.autoincrement ? "AUTOINCREMENT" : "", alias ? "|ROWID" : "");
        break;
      }
      case k::unique:
        m_.uniques.push_back(fmt::format("{}|{}|{}", name_text(cname), items, conflict_text(c.on_conflict)));
        break;
      case k::check:
        m_.checks.push_back({name_text(cname), backend::sql::normalized_expr(*c.check), {}});
        break;
      case k::foreign_key:
        if (c.references) {
          std::vector<std::string> columns;
          for (const ast::identifier& id : c.fk_columns) columns.push_back(id.key);
          m_.foreign_keys.push_back(foreign_key_of(cname, std::move(columns), *c.references, c.deferrable, {}));
        }
        break;
      case k::name_only:
        break;
    }
  }

  const catalog::object& o_;
  const ast::create_table& t_;
  table_model m_;
  std::optional<ast::identifier> pending_;  // table-level CONSTRAINT name
};

}  // namespace

table_model model_table(const catalog::object& o) {
  const auto* t = std::get_if<ast::create_table>(&o.statement->node);
  assert(t != nullptr && o.kind == catalog::object_kind::table);
  return table_modeler(o, *t).run();
}

definition_model model_definition(const catalog::object& o) {
  definition_model m;
  m.key = o.key;
  m.name = o.name;
  m.target = o.target_key;
  m.text = backend::sql::normalized_statement(*o.statement);
  return m;
}

}  // namespace migc::diff
