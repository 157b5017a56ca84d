// Building normalized models from catalog objects. Each property is reduced
// to the form SQLite's behaviour depends on: defaults without their
// redundant parentheses, foreign-key actions with NO ACTION spelled out,
// deferral reduced to "deferred or not", constraints as sorted sets.
#include "compiler/normalize/model.hpp"

#include <algorithm>
#include <cassert>
#include <fmt/format.h>
#include <tuple>

#include "compiler/ast/names.hpp"
#include "compiler/backend/sql/printer.hpp"
#include "compiler/catalog/table_facts.hpp"

namespace migc::normalize {

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

bool key_model::has_column(std::string_view key) const noexcept {
  for (const key_part& p : parts) {
    if (p.column == key) return true;
  }
  return false;
}

std::uint32_t table_model::find_column(std::string_view k) const noexcept {
  for (std::uint32_t i = 0; i < columns.size(); ++i) {
    if (columns[i].key == k) return i;
  }
  return ~0U;
}

namespace {

std::string conflict_text(ast::conflict_resolution c) {
  return c == ast::conflict_resolution::none ? std::string()
                                             : "ON CONFLICT " + std::string(backend::sql::conflict_keyword(c));
}

std::string name_text(const std::optional<ast::identifier>& name) { return name ? name->key : std::string(); }

// DEFAULT in the form SQLite evaluates: a bare word is a string (TRUE and
// FALSE are 1 and 0); an expression loses its outer parentheses.
std::string default_text(const ast::default_value& d, const naming& names) {
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
  return d.value ? backend::sql::normalized_expr(*d.value, {&names}) : std::string();
}

std::string action_text(ast::fk_action a) { return std::string(backend::sql::fk_action_keywords(a)); }

class table_modeler {
 public:
  table_modeler(const catalog::object& o, const ast::create_table& t, const naming& names)
      : o_(o), t_(t), names_(names) {}

  table_model run() {
    m_.key = names_.object_key(o_);
    m_.name = o_.name;
    m_.without_rowid = t_.without_rowid;
    m_.strict = t_.strict;
    m_.autoincrement = o_.autoincrement;
    for (std::uint32_t i = 0; i < t_.columns.size(); ++i) column(t_.columns[i], o_.columns.at(i), i);
    for (const ast::table_constraint& c : t_.constraints) table_constraint(c);
    std::sort(m_.uniques.begin(), m_.uniques.end());
    std::sort(m_.checks.begin(), m_.checks.end());
    std::sort(m_.foreign_keys.begin(), m_.foreign_keys.end());
    return std::move(m_);
  }

 private:
  [[nodiscard]] std::string expression(const ast::expr& e) const { return backend::sql::normalized_expr(e, {&names_}); }

  // The folded names of the table's own columns that `e` reads.
  [[nodiscard]] std::vector<std::string> uses(const ast::expr& e) const {
    std::vector<std::string> out;
    for (const catalog::link* l : names_.catalog().links().held_by(o_.position, e.where)) {
      if (l->kind != catalog::link_kind::column || l->object != o_.position) continue;
      std::string key = names_.column_key(o_.position, l->column);
      if (std::find(out.begin(), out.end(), key) == out.end()) out.push_back(std::move(key));
    }
    return out;
  }

  // A foreign key as SQLite enforces it: MATCH is parsed and ignored, and
  // only DEFERRABLE INITIALLY DEFERRED defers the check.
  [[nodiscard]] foreign_key_model foreign_key_of(const std::optional<ast::identifier>& name,
                                                 std::vector<std::string> columns, const ast::foreign_key_clause& fk,
                                                 const std::optional<ast::deferrable_clause>& deferrable,
                                                 std::string owner) const {
    foreign_key_model m;
    m.name = name_text(name);
    m.columns = std::move(columns);
    m.parent = names_.reference_key(fk.table);
    for (const ast::identifier& c : fk.columns) m.parent_columns.push_back(names_.reference_key(c));
    for (const ast::fk_argument& a : fk.arguments) {
      if (a.what == ast::fk_argument::kind::on_delete) m.on_delete = action_text(a.action);
      if (a.what == ast::fk_argument::kind::on_update) m.on_update = action_text(a.action);
    }
    m.deferred = deferrable && !deferrable->negated && deferrable->mode == ast::initially::deferred;
    m.owner = std::move(owner);
    return m;
  }

  [[nodiscard]] key_part key_part_of(const ast::sort_item& item) const {
    key_part p;
    std::optional<catalog::key_column> kc = catalog::key_column_of(item);
    std::uint32_t col = kc ? o_.find_column(kc->key) : ~0U;
    if (col != ~0U) {
      p.column = names_.column_key(o_.position, col);
    } else if (kc) {
      p.column = kc->key;
    } else {
      p.expression = expression(*item.value);
    }
    if (kc && kc->collation != nullptr) p.collation = kc->collation->key;
    p.descending = item.direction == ast::sort_direction::desc;
    return p;
  }

  void column(const ast::column_definition& def, const catalog::column& facts, std::uint32_t position) {
    column_model c;
    c.key = names_.column_key(o_.position, position);
    c.name = def.name.text;
    // The declared type as SQLite records it (GENERATED ALWAYS stripped),
    // compared without regard to case.
    c.type = ast::upper(facts.type);
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
            c.default_value = default_text(*cc.default_, names_);
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
          c.generated = expression(*cc.expression);
          c.uses = uses(*cc.expression);
          c.stored = cc.storage && cc.storage->key == "stored";
          break;
        case k::primary_key: {
          key_model key;
          key.name = name_text(cname);
          key.parts.push_back({c.key, {}, {}, cc.direction == ast::sort_direction::desc});
          key.conflict = conflict_text(cc.on_conflict);
          key.autoincrement = cc.autoincrement;
          key.rowid_alias = facts.rowid_alias;
          m_.primary_key = std::move(key);
          break;
        }
        case k::unique: {
          key_model key;
          key.name = name_text(cname);
          key.parts.push_back({c.key, {}, {}, false});
          key.conflict = conflict_text(cc.on_conflict);
          m_.uniques.push_back(std::move(key));
          break;
        }
        case k::check:
          m_.checks.push_back({name_text(cname), expression(*cc.expression), c.key, uses(*cc.expression)});
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
    switch (c.what) {
      case k::primary_key:
      case k::unique: {
        key_model key;
        key.name = name_text(cname);
        for (const ast::sort_item& item : c.columns) key.parts.push_back(key_part_of(item));
        key.conflict = conflict_text(c.on_conflict);
        if (c.what == k::unique) {
          m_.uniques.push_back(std::move(key));
          break;
        }
        key.autoincrement = c.autoincrement;
        for (const catalog::column& col : o_.columns) key.rowid_alias = key.rowid_alias || col.rowid_alias;
        m_.primary_key = std::move(key);
        break;
      }
      case k::check:
        m_.checks.push_back({name_text(cname), expression(*c.check), {}, uses(*c.check)});
        break;
      case k::foreign_key:
        if (c.references) {
          std::vector<std::string> columns;
          for (const ast::identifier& id : c.fk_columns) columns.push_back(names_.reference_key(id));
          m_.foreign_keys.push_back(foreign_key_of(cname, std::move(columns), *c.references, c.deferrable, {}));
        }
        break;
      case k::name_only:
        break;
    }
  }

  const catalog::object& o_;
  const ast::create_table& t_;
  const naming& names_;
  table_model m_;
  std::optional<ast::identifier> pending_;  // table-level CONSTRAINT name
};

}  // namespace

table_model model_table(const catalog::object& o, const naming& names) {
  const auto* t = std::get_if<ast::create_table>(&o.statement->node);
  assert(t != nullptr && o.kind == catalog::object_kind::table);
  assert(&names.catalog().at(o.position) == &o);
  return table_modeler(o, *t, names).run();
}

definition_model model_definition(const catalog::object& o, const naming& names) {
  assert(&names.catalog().at(o.position) == &o);
  definition_model m;
  m.key = names.object_key(o);
  m.name = o.name;
  m.target = o.target_key;
  m.text = backend::sql::normalized_statement(*o.statement, {&names});
  return m;
}

}  // namespace migc::normalize
