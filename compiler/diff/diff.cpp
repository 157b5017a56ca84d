// Matching objects of the live and the desired schema, and deciding for each
// matched table whether ALTER TABLE can get it there or a rebuild must.
#include "compiler/diff/diff.hpp"

#include <algorithm>
#include <cassert>
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

// The column renames the hints state, by folded name (the naming of the
// actual catalog applies them through the resolver's links).
struct renames {
  std::map<std::string, std::vector<std::pair<std::string, std::string>>> columns;  // new table key -> (old, new)
};

class comparer {
 public:
  comparer(const catalog::catalog& actual, const catalog::catalog& desired, const rename_hints& hints)
      : actual_(actual),
        desired_(desired),
        hints_(hints),
        used_(actual.objects().size(), false),
        actual_names_(actual),
        desired_names_(desired) {}

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
      actual_names_.rename_object(a->position, d.key);
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
      const std::uint32_t old = a.find_column(hint->second);
      if (old != ~0U && d.find_column(hint->second) == ~0U) {
        renames_.columns[d.key].emplace_back(hint->second, c.key);
        actual_names_.rename_column(a.position, old, c.key);
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
    normalize::table_model am = normalize::model_table(a, actual_names_);
    normalize::table_model dm = normalize::model_table(d, desired_names_);

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
  void decide_strategy(const normalize::table_model& am, const normalize::table_model& dm, table_change& change) {
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
      const normalize::column_model& dc = dm.columns[m.desired];
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
      const normalize::column_model& ac = am.columns[m.actual];
      if (!(ac == dc)) why(fmt::format("column '{}' changes", dc.name));
    }

    // Constraints other than those of added and dropped columns must agree.
    auto owned_by = [](const std::string& owner, const std::vector<std::string>& columns) {
      return !owner.empty() && std::find(columns.begin(), columns.end(), owner) != columns.end();
    };
    std::vector<normalize::check_model> actual_checks;
    for (const normalize::check_model& c : am.checks) {
      if (!owned_by(c.owner, dropped)) actual_checks.push_back(c);
    }
    std::vector<normalize::check_model> desired_checks;
    for (const normalize::check_model& c : dm.checks) {
      if (!owned_by(c.owner, added)) desired_checks.push_back(c);
    }
    if (actual_checks != desired_checks) why("its CHECK constraints change");
    std::vector<normalize::foreign_key_model> desired_fks;
    for (const normalize::foreign_key_model& fk : dm.foreign_keys) {
      if (!owned_by(fk.owner, added)) desired_fks.push_back(fk);
    }
    if (am.foreign_keys != desired_fks) why("its foreign keys change");

    // DROP COLUMN refuses columns that keys or other constraints use.
    auto reads = [](const std::vector<std::string>& uses, const std::string& col) {
      return std::find(uses.begin(), uses.end(), col) != uses.end();
    };
    for (const std::string& col : dropped) {
      bool used = am.primary_key && am.primary_key->has_column(col);
      for (const normalize::key_model& u : am.uniques) used = used || u.has_column(col);
      for (const normalize::check_model& c : am.checks) used = used || (c.owner != col && reads(c.uses, col));
      for (const normalize::foreign_key_model& fk : am.foreign_keys) used = used || reads(fk.columns, col);
      for (const normalize::column_model& c : am.columns) used = used || reads(c.uses, col);
      if (used) why(fmt::format("dropped column '{}' is part of a key or constraint", col));
    }
  }

  void compare_definitions(const object& a, const object& d) {
    definition_change change;
    change.desired = d.position;
    change.actual = a.position;
    change.renamed = a.key != d.key;
    // Compared as if the renames had already happened: SQLite rewrites
    // indexes, views and triggers on RENAME TABLE and RENAME COLUMN, exactly
    // where a name resolves to the renamed table or column.
    normalize::definition_model am = normalize::model_definition(a, actual_names_);
    normalize::definition_model dm = normalize::model_definition(d, desired_names_);
    change.changed = am.text != dm.text;
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
  normalize::naming actual_names_;
  normalize::naming desired_names_;
  schema_diff result_;
};

}  // namespace

schema_diff compare(const catalog::catalog& actual, const catalog::catalog& desired, const rename_hints& hints,
                    diag::sink& sink) {
  (void)sink;
  // Hints name objects by folded name.
  assert(std::all_of(hints.objects.begin(), hints.objects.end(), [](const auto& h) {
    return h.first == catalog::fold(h.first) && h.second == catalog::fold(h.second);
  }));
  return comparer(actual, desired, hints).run();
}

}  // namespace migc::diff
