// Matching objects of the live and the desired schema, and deciding for each
// matched table whether ALTER TABLE can get it there or a rebuild must.
#include "compiler/diff/diff.hpp"

#include <algorithm>
#include <fmt/format.h>
#include <map>

namespace migc::diff {

namespace {

using catalog::object;
using catalog::object_kind;

// The object of `cat` that a desired object of kind `kind` named `key`
// would match.
const object* find_same_kind(const catalog::catalog& cat, object_kind kind, std::string_view key) {
  const object* o = kind == object_kind::trigger ? cat.find_trigger(key) : cat.find(key);
  return o != nullptr && o->kind == kind ? o : nullptr;
}

// The actual table model with renames applied: the table's own name and
// the columns renamed by hints, as SQLite's ALTER TABLE RENAME rewrites
// them; foreign keys to renamed parents are rewritten the same way.
struct renames {
  std::map<std::string, std::string> tables;                                        // old key -> new key
  std::map<std::string, std::vector<std::pair<std::string, std::string>>> columns;  // new table key -> (old, new)
};

void apply_renames(table_model& m, const std::string& new_key, const renames& r) {
  m.key = new_key;
  auto cols = r.columns.find(new_key);
  auto rename_text = [&](std::string text) {
    if (cols == r.columns.end()) return text;
    for (const auto& [from, to] : cols->second) text = rename_in(text, from, to);
    return text;
  };
  if (cols != r.columns.end()) {
    for (column_model& c : m.columns) {
      for (const auto& [from, to] : cols->second) {
        if (c.key == from) c.key = to;
      }
      c.default_value = rename_text(c.default_value);
      c.generated = rename_text(c.generated);
    }
    m.primary_key = rename_text(m.primary_key);
    for (std::string& u : m.uniques) u = rename_text(u);
    for (check_model& c : m.checks) {
      c.text = rename_text(c.text);
      for (const auto& [from, to] : cols->second) {
        if (c.owner == from) c.owner = to;
      }
    }
  }
  for (foreign_key_model& fk : m.foreign_keys) {
    if (cols != r.columns.end()) {
      for (std::string& c : fk.columns) {
        for (const auto& [from, to] : cols->second) {
          if (c == from) c = to;
        }
      }
      for (const auto& [from, to] : cols->second) {
        if (fk.owner == from) fk.owner = to;
      }
    }
    if (auto t = r.tables.find(fk.parent); t != r.tables.end()) fk.parent = t->second;
    // Parent columns renamed in the parent: SQLite rewrites the reference.
    if (auto pc = r.columns.find(fk.parent); pc != r.columns.end()) {
      for (std::string& c : fk.parent_columns) {
        for (const auto& [from, to] : pc->second) {
          if (c == from) c = to;
        }
      }
    }
  }
  std::sort(m.checks.begin(), m.checks.end());
  std::sort(m.foreign_keys.begin(), m.foreign_keys.end());
  std::sort(m.uniques.begin(), m.uniques.end());
}

class comparer {
 public:
  comparer(const catalog::catalog& actual, const catalog::catalog& desired, const rename_hints& hints)
      : actual_(actual), desired_(desired), hints_(hints), used_(actual.objects().size(), false) {}

  schema_diff run() {
    // First the renames a hint states (when the new name does not exist
    // yet: after the rename the hint stays in the file and means nothing),
    // so that a new object taking the old name does not steal its rows;
    // then matches by name.
    std::vector<std::uint32_t> match(desired_.objects().size(), ~0U);
    for (const object& d : desired_.objects()) {
      auto hint = hints_.objects.find(d.key);
      if (hint == hints_.objects.end() || find_same_kind(actual_, d.kind, d.key) != nullptr) continue;
      const object* a = find_same_kind(actual_, d.kind, hint->second);
      if (a == nullptr || used_[a->position]) continue;
      used_[a->position] = true;
      match[d.position] = a->position;
      if (d.kind == object_kind::table) renames_.tables[a->key] = d.key;
    }
    for (const object& d : desired_.objects()) {
      if (match[d.position] != ~0U) continue;
      const object* a = find_same_kind(actual_, d.kind, d.key);
      if (a == nullptr || used_[a->position]) {
        result_.created.push_back(d.position);
        continue;
      }
      used_[a->position] = true;
      match[d.position] = a->position;
    }
    for (const object& d : desired_.objects()) {
      if (match[d.position] != ~0U && d.kind == object_kind::table) {
        collect_column_renames(actual_.at(match[d.position]), d);
      }
    }
    for (const object& d : desired_.objects()) {
      if (match[d.position] == ~0U) continue;
      const object& a = actual_.at(match[d.position]);
      if (d.kind == object_kind::table) {
        compare_tables(a, d);
      } else {
        compare_definitions(a, d);
      }
    }
    for (const object& a : actual_.objects()) {
      if (!used_[a.position]) result_.dropped.push_back(a.position);
    }
    return std::move(result_);
  }

 private:
  void collect_column_renames(const object& a, const object& d) {
    for (const catalog::column& c : d.columns) {
      if (a.find_column(c.key) != ~0U) continue;
      auto hint = hints_.columns.find({d.key, c.key});
      if (hint == hints_.columns.end()) continue;
      if (a.find_column(hint->second) != ~0U && d.find_column(hint->second) == ~0U) {
        renames_.columns[d.key].emplace_back(hint->second, c.key);
      }
    }
  }

  std::string old_column_key(const std::string& table, const std::string& column) const {
    auto it = renames_.columns.find(table);
    if (it == renames_.columns.end()) return column;
    for (const auto& [from, to] : it->second) {
      if (to == column) return from;
    }
    return column;
  }

  void compare_tables(const object& a, const object& d) {
    table_change change;
    change.desired = d.position;
    change.actual = a.position;
    change.renamed = a.key != d.key;
    if (!a.columns_known || !d.columns_known || std::get<ast::create_table>(d.statement->node).as_select ||
        std::get<ast::create_table>(a.statement->node).as_select) {
      // CREATE TABLE ... AS SELECT: only the column names are known.
      bool same = a.columns.size() == d.columns.size();
      for (std::size_t i = 0; same && i < a.columns.size(); ++i) same = a.columns[i].key == d.columns[i].key;
      if (same && !change.renamed) {
        result_.same.emplace_back(d.position, a.position);
      } else {
        change.strategy = table_strategy::rebuild;
        change.reasons.push_back("its query-defined columns changed");
        result_.tables.push_back(std::move(change));
      }
      return;
    }
    table_model am = model_table(a);
    table_model dm = model_table(d);
    apply_renames(am, d.key, renames_);

    // Columns: matched by (renamed) key.
    std::vector<bool> actual_matched(am.columns.size(), false);
    for (std::uint32_t i = 0; i < dm.columns.size(); ++i) {
      column_match m;
      m.desired = i;
      std::uint32_t at = am.find_column(dm.columns[i].key);
      if (at != ~0U) {
        m.actual = at;
        actual_matched[at] = true;
        m.renamed = old_column_key(d.key, dm.columns[i].key) != dm.columns[i].key;
      }
      change.columns.push_back(m);
    }
    for (std::uint32_t i = 0; i < am.columns.size(); ++i) {
      if (!actual_matched[i]) change.columns.push_back({~0U, i, false});
    }

    if (am == dm && am.columns.size() == dm.columns.size()) {
      bool renamed_columns =
          std::any_of(change.columns.begin(), change.columns.end(), [](const column_match& m) { return m.renamed; });
      if (!change.renamed && !renamed_columns) {
        result_.same.emplace_back(d.position, a.position);
        return;
      }
    }
    decide_strategy(am, dm, change);
    result_.tables.push_back(std::move(change));
  }

  // ALTER TABLE can do it when the only differences are columns added at the
  // end (in the forms ADD COLUMN accepts) and columns dropped (in the forms
  // DROP COLUMN accepts); renames are ALTERs too.
  void decide_strategy(const table_model& am, const table_model& dm, table_change& change) {
    auto why = [&](std::string reason) {
      change.strategy = table_strategy::rebuild;
      change.reasons.push_back(std::move(reason));
    };
    if (am.without_rowid != dm.without_rowid) why(dm.without_rowid ? "it becomes WITHOUT ROWID" : "it gets a rowid");
    if (am.strict != dm.strict) why(dm.strict ? "it becomes STRICT" : "it is no longer STRICT");
    if (am.autoincrement != dm.autoincrement) why("AUTOINCREMENT changes");
    if (am.primary_key != dm.primary_key) why("its PRIMARY KEY changes");
    if (am.uniques != dm.uniques) why("its UNIQUE constraints change");

    std::vector<std::string> added;
    std::vector<std::string> dropped;
    std::uint32_t last_matched_actual = 0;
    bool seen_added = false;
    bool first = true;
    for (const column_match& m : change.columns) {
      if (m.desired == ~0U) {
        dropped.push_back(am.columns[m.actual].key);
        continue;
      }
      const column_model& dc = dm.columns[m.desired];
      if (m.actual == ~0U) {
        added.push_back(dc.key);
        seen_added = true;
        if (dc.not_null && (dc.default_value.empty() || dc.default_value == "NULL")) {
          why(fmt::format("new column '{}' is NOT NULL without a default", dc.name));
        }
        if (dc.default_is_expression) why(fmt::format("new column '{}' has an expression default", dc.name));
        if (!dc.generated.empty() && dc.stored)
          why(fmt::format("new column '{}' is a STORED generated column", dc.name));
        continue;
      }
      if (seen_added) why("columns are added before existing ones");
      if (!first && m.actual < last_matched_actual) why("its columns are reordered");
      last_matched_actual = m.actual;
      first = false;
      const column_model& ac = am.columns[m.actual];
      if (!(ac == dc)) why(fmt::format("column '{}' changes", dc.name));
    }

    // Constraints other than those of added and dropped columns must agree.
    auto owned_by = [](const std::string& owner, const std::vector<std::string>& columns) {
      return !owner.empty() && std::find(columns.begin(), columns.end(), owner) != columns.end();
    };
    std::vector<check_model> actual_checks;
    for (const check_model& c : am.checks) {
      if (!owned_by(c.owner, dropped)) actual_checks.push_back(c);
    }
    std::vector<check_model> desired_checks;
    for (const check_model& c : dm.checks) {
      if (!owned_by(c.owner, added)) desired_checks.push_back(c);
    }
    if (actual_checks != desired_checks) why("its CHECK constraints change");
    std::vector<foreign_key_model> desired_fks;
    for (const foreign_key_model& fk : dm.foreign_keys) {
      if (!owned_by(fk.owner, added)) desired_fks.push_back(fk);
    }
    if (am.foreign_keys != desired_fks) why("its foreign keys change");

    // DROP COLUMN refuses columns that keys or other constraints use.
    for (const std::string& col : dropped) {
      std::string q = "\"" + col + "\"";
      bool used = am.primary_key.find(q) != std::string::npos;
      for (const std::string& u : am.uniques) used = used || u.find(q) != std::string::npos;
      for (const check_model& c : am.checks) used = used || (c.owner != col && c.text.find(q) != std::string::npos);
      for (const foreign_key_model& fk : am.foreign_keys) {
        used = used || std::find(fk.columns.begin(), fk.columns.end(), col) != fk.columns.end();
      }
      for (const column_model& c : am.columns) used = used || c.generated.find(q) != std::string::npos;
      if (used) why(fmt::format("dropped column '{}' is part of a key or constraint", col));
    }
  }

  void compare_definitions(const object& a, const object& d) {
    definition_change change;
    change.desired = d.position;
    change.actual = a.position;
    change.renamed = a.key != d.key;
    definition_model am = model_definition(a);
    definition_model dm = model_definition(d);
    // Compare as if the table renames had already happened (SQLite rewrites
    // indexes, views and triggers on RENAME TABLE and RENAME COLUMN).
    std::string text = am.text;
    for (const auto& [from, to] : renames_.tables) text = rename_in(text, from, to);
    for (const auto& [table, cols] : renames_.columns) {
      // An index names columns of its own table only; views and triggers
      // may name any table's.
      if (d.kind == object_kind::index && table != d.target_key) continue;
      for (const auto& [from, to] : cols) text = rename_in(text, from, to);
    }
    if (change.renamed) text = rename_in(text, a.key, d.key);
    change.changed = text != dm.text;
    if (change.changed || change.renamed) {
      result_.definitions.push_back(change);
    } else {
      result_.same.emplace_back(d.position, a.position);
    }
  }

  const catalog::catalog& actual_;
  const catalog::catalog& desired_;
  const rename_hints& hints_;
  std::vector<bool> used_;
  renames renames_;
  schema_diff result_;
};

}  // namespace

schema_diff compare(const catalog::catalog& actual, const catalog::catalog& desired, const rename_hints& hints,
                    diag::sink& sink) {
  (void)sink;
  return comparer(actual, desired, hints).run();
}

}  // namespace migc::diff
