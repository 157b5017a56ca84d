// Building a migration plan from a diff: which objects to drop and
// recreate around the tables that change, the order of the steps, and the
// SQL of each, including SQLite's table-rebuild procedure.
#include "compiler/plan/plan.hpp"

#include <algorithm>
#include <cassert>
#include <fmt/format.h>
#include <map>
#include <set>

#include "compiler/backend/sql/printer.hpp"
#include "compiler/plan/rebuild.hpp"

namespace migc::plan {

std::string_view step_name(step_kind k) noexcept {
  switch (k) {
    case step_kind::drop_trigger:
      return "drop trigger";
    case step_kind::drop_view:
      return "drop view";
    case step_kind::drop_index:
      return "drop index";
    case step_kind::drop_table:
      return "drop table";
    case step_kind::rename_table:
      return "rename table";
    case step_kind::create_table:
      return "create table";
    case step_kind::rename_column:
      return "rename column";
    case step_kind::drop_column:
      return "drop column";
    case step_kind::add_column:
      return "add column";
    case step_kind::rebuild_table:
      return "rebuild table";
    case step_kind::create_index:
      return "create index";
    case step_kind::create_view:
      return "create view";
    case step_kind::create_trigger:
      return "create trigger";
  }
  return "step";
}

std::string_view safety_name(safety s) noexcept {
  switch (s) {
    case safety::safe:
      return "safe";
    case safety::rebuild:
      return "rebuild";
    case safety::destructive:
      return "destructive";
  }
  return "safe";
}

namespace {

using backend::sql::print_name;
using catalog::object;
using catalog::object_kind;

bool is_table_like(object_kind k) { return k == object_kind::table || k == object_kind::virtual_table; }

std::string drop_sql(const object& o) {
  switch (o.kind) {
    case object_kind::table:
    case object_kind::virtual_table:
      return "DROP TABLE " + print_name(o.name);
    case object_kind::view:
      return "DROP VIEW " + print_name(o.name);
    case object_kind::index:
      return "DROP INDEX " + print_name(o.name);
    case object_kind::trigger:
      return "DROP TRIGGER " + print_name(o.name);
  }
  return {};
}

class planner {
 public:
  planner(const catalog::catalog& actual, const catalog::catalog& desired, const std::vector<std::uint32_t>& order,
          const diff::schema_diff& diff)
      : actual_(actual), desired_(desired), order_(order), diff_(diff) {}

  plan run() {
    index_diff();
    find_dependents();
    drop_definitions();
    drop_tables();
    rename_tables();
    rename_columns();
    create_tables();
    alter_tables();
    rebuild_tables();
    create_definitions();
    return std::move(plan_);
  }

 private:
  // Maps between the two sides and the sets the steps need.
  void index_diff() {
    for (const auto& [d, a] : diff_.same) desired_of_[a] = d;
    for (const diff::table_change& c : diff_.tables) {
      desired_of_[c.actual] = c.desired;
      changed_tables_.insert(c.actual);
      if (c.strategy == diff::table_strategy::rebuild) rebuilt_desired_.insert(c.desired);
    }
    for (const diff::definition_change& c : diff_.definitions) {
      desired_of_[c.actual] = c.desired;
      if (actual_.at(c.actual).kind == object_kind::virtual_table) {
        // A virtual table has no ALTER: drop it (its rows with it) and
        // create it anew.
        dropped_tables_.insert(c.actual);
        recreated_tables_.insert(c.desired);
      } else {
        drop_.insert(c.actual);
      }
    }
    for (std::uint32_t a : diff_.dropped) {
      if (!is_table_like(actual_.at(a).kind)) drop_.insert(a);
      if (is_table_like(actual_.at(a).kind)) dropped_tables_.insert(a);
    }
  }

  // Views and triggers that read a changing or vanishing object are dropped
  // first and recreated after, transitively through views.
  void find_dependents() {
    std::set<std::uint32_t> affected = changed_tables_;
    affected.insert(dropped_tables_.begin(), dropped_tables_.end());
    affected.insert(drop_.begin(), drop_.end());
    bool grew = true;
    while (grew) {
      grew = false;
      for (const object& o : actual_.objects()) {
        if (o.kind != object_kind::view && o.kind != object_kind::trigger) continue;
        if (drop_.count(o.position) != 0) continue;
        for (const catalog::dependency& dep : o.dependencies) {
          if (affected.count(dep.object) == 0) continue;
          drop_.insert(o.position);
          affected.insert(o.position);
          grew = true;
          break;
        }
      }
    }
  }

  void add(step s) { plan_.steps.push_back(std::move(s)); }

  void drop_definitions() {
    // Triggers, then views children first, then indexes whose table stays.
    for (object_kind kind : {object_kind::trigger, object_kind::view, object_kind::index}) {
      for (auto it = drop_.rbegin(); it != drop_.rend(); ++it) {
        const object& o = actual_.at(*it);
        if (o.kind != kind) continue;
        if (kind == object_kind::index && (dropped_tables_.count(o.target) != 0 || rebuilt_actual(o.target))) continue;
        step s;
        s.kind = kind == object_kind::trigger ? step_kind::drop_trigger
                 : kind == object_kind::view  ? step_kind::drop_view
                                              : step_kind::drop_index;
        s.object = o.name;
        bool recreated = desired_of_.count(o.position) != 0;
        s.description =
            fmt::format("drop {} '{}'{}", catalog::kind_name(kind), o.name, recreated ? " (recreated below)" : "");
        s.sql.push_back(drop_sql(o));
        add(std::move(s));
        if (recreated) recreate_.insert(desired_of_.at(o.position));
      }
    }
  }

  [[nodiscard]] bool rebuilt_actual(std::uint32_t actual_table) const {
    auto it = desired_of_.find(actual_table);
    return it != desired_of_.end() && rebuilt_desired_.count(it->second) != 0;
  }

  void drop_tables() {
    for (auto it = dropped_tables_.rbegin(); it != dropped_tables_.rend(); ++it) {
      const object& o = actual_.at(*it);
      step s;
      s.kind = step_kind::drop_table;
      s.level = safety::destructive;
      s.object = o.name;
      s.description = fmt::format("drop {} '{}'", catalog::kind_name(o.kind), o.name);
      s.sql.push_back(drop_sql(o));
      data_check c;
      c.what = data_check::kind::loses_rows;
      c.count_sql = "SELECT count(*) FROM " + print_name(o.name);
      c.subject = fmt::format("table '{}'", o.name);
      s.checks.push_back(std::move(c));
      add(std::move(s));
    }
  }

  void rename_tables() {
    for (const diff::table_change& c : diff_.tables) {
      // Rebuilt tables are renamed first too: ALTER TABLE RENAME rewrites
      // the foreign keys of other tables that point at them, a rebuild
      // would leave those pointing at the old name.
      if (!c.renamed) continue;
      const object& a = actual_.at(c.actual);
      const object& d = desired_.at(c.desired);
      step s;
      s.kind = step_kind::rename_table;
      s.object = d.name;
      s.description = fmt::format("rename table '{}' to '{}'", a.name, d.name);
      s.sql.push_back(fmt::format("ALTER TABLE {} RENAME TO {}", print_name(a.name), print_name(d.name)));
      add(std::move(s));
    }
  }

  void create_tables() {
    std::set<std::uint32_t> created(diff_.created.begin(), diff_.created.end());
    for (std::uint32_t p : order_) {
      const object& d = desired_.at(p);
      if (!is_table_like(d.kind)) {
        if (created.count(p) != 0) recreate_.insert(p);
        continue;
      }
      if (created.count(p) == 0 && recreated_tables_.count(p) == 0) continue;
      step s;
      s.kind = step_kind::create_table;
      s.object = d.name;
      s.description = fmt::format("create {} '{}'", catalog::kind_name(d.kind), d.name);
      s.sql.push_back(backend::sql::print_statement(*d.statement));
      add(std::move(s));
    }
  }

  // Column renames come before any rebuild for the same reason as table
  // renames: RENAME COLUMN rewrites other tables' references to the column.
  void rename_columns() {
    for (std::uint32_t p : order_) {
      const diff::table_change* c = change_of(p);
      if (c == nullptr) continue;
      const object& a = actual_.at(c->actual);
      const object& d = desired_.at(c->desired);
      for (const diff::column_match& m : c->columns) {
        if (!m.renamed) continue;
        step s;
        s.kind = step_kind::rename_column;
        s.object = d.name;
        s.description =
            fmt::format("rename column '{}.{}' to '{}'", d.name, a.columns[m.actual].name, d.columns[m.desired].name);
        s.sql.push_back(fmt::format("ALTER TABLE {} RENAME COLUMN {} TO {}", print_name(d.name),
                                    print_name(a.columns[m.actual].name), print_name(d.columns[m.desired].name)));
        add(std::move(s));
      }
    }
  }

  void alter_tables() {
    for (std::uint32_t p : order_) {
      const diff::table_change* c = change_of(p);
      if (c == nullptr || c->strategy != diff::table_strategy::alter) continue;
      const object& a = actual_.at(c->actual);
      const object& d = desired_.at(c->desired);
      const auto& table = std::get<ast::create_table>(d.statement->node);
      for (const diff::column_match& m : c->columns) {
        if (m.desired != ~0U) continue;
        const std::string& column = a.columns[m.actual].name;
        step s;
        s.kind = step_kind::drop_column;
        s.object = d.name;
        s.description = fmt::format("drop column '{}.{}'", d.name, column);
        s.sql.push_back(fmt::format("ALTER TABLE {} DROP COLUMN {}", print_name(d.name), print_name(column)));
        // A generated column holds nothing of its own: it loses no data.
        if (!a.columns[m.actual].generated) {
          s.level = safety::destructive;
          s.checks.push_back(loses_values(a, column));
        }
        add(std::move(s));
      }
      for (const diff::column_match& m : c->columns) {
        if (m.actual != ~0U || m.desired == ~0U) continue;
        step s;
        s.kind = step_kind::add_column;
        s.object = d.name;
        s.description = fmt::format("add column '{}.{}'", d.name, d.columns[m.desired].name);
        s.sql.push_back(fmt::format("ALTER TABLE {} ADD COLUMN {}", print_name(d.name),
                                    backend::sql::print_column(table.columns[m.desired])));
        added_column_checks(a, d, *c, m.desired, s);
        add(std::move(s));
      }
    }
  }

  void rebuild_tables() {
    for (std::uint32_t p : order_) {
      const diff::table_change* c = change_of(p);
      if (c == nullptr || c->strategy != diff::table_strategy::rebuild) continue;
      const object& a = actual_.at(c->actual);
      const object& d = desired_.at(c->desired);
      add(rebuild_step(actual_, desired_, a, d, *c, table_map()));
      // DROP TABLE took the table's indexes and triggers with it.
      for (const object& o : desired_.objects()) {
        if ((o.kind == object_kind::index || o.kind == object_kind::trigger) && o.target == d.position) {
          recreate_.insert(o.position);
        }
      }
    }
  }

  void create_definitions() {
    for (std::uint32_t p : order_) {
      const object& d = desired_.at(p);
      if (is_table_like(d.kind) || recreate_.count(p) == 0) continue;
      step s;
      s.kind = d.kind == object_kind::index  ? step_kind::create_index
               : d.kind == object_kind::view ? step_kind::create_view
                                             : step_kind::create_trigger;
      s.object = d.name;
      s.description = fmt::format("create {} '{}'", catalog::kind_name(d.kind), d.name);
      s.sql.push_back(backend::sql::print_statement(*d.statement));
      if (d.kind == object_kind::index) {
        const auto& index = std::get<ast::create_index>(d.statement->node);
        if (index.unique) unique_index_check(d, index, s);
      }
      add(std::move(s));
    }
  }

  [[nodiscard]] const diff::table_change* change_of(std::uint32_t desired) const {
    for (const diff::table_change& c : diff_.tables) {
      if (c.desired == desired) return &c;
    }
    return nullptr;
  }

  // Desired table key -> the actual table that holds its rows now.
  [[nodiscard]] std::map<std::string, const object*> table_map() const {
    std::map<std::string, const object*> out;
    for (const auto& [a, d] : desired_of_) {
      const object& dobj = desired_.at(d);
      if (dobj.kind == object_kind::table) out[dobj.key] = &actual_.at(a);
    }
    return out;
  }

  void added_column_checks(const object& a, const object& d, const diff::table_change& c, std::uint32_t column,
                           step& s) const {
    for (data_check& check : constraint_checks(desired_, a, d, c, table_map(), column))
      s.checks.push_back(std::move(check));
  }

  void unique_index_check(const object& d, const ast::create_index& index, step& s) const {
    auto tables = table_map();
    auto it = tables.find(index.table.key);
    if (it == tables.end()) return;  // a new table: empty
    const object* table = desired_.find_relation(index.table.key);
    if (table == nullptr) return;
    const diff::table_change* change = change_of(table->position);
    if (change != nullptr && change->strategy == diff::table_strategy::rebuild) return;  // checked by the rebuild
    if (std::optional<data_check> check = unique_index_duplicates(*it->second, *table, change, d, index)) {
      s.checks.push_back(std::move(*check));
    }
  }

  const catalog::catalog& actual_;
  const catalog::catalog& desired_;
  const std::vector<std::uint32_t>& order_;
  const diff::schema_diff& diff_;
  plan plan_;
  std::map<std::uint32_t, std::uint32_t> desired_of_;  // actual position -> desired position
  std::set<std::uint32_t> changed_tables_;             // actual positions
  std::set<std::uint32_t> dropped_tables_;             // actual positions
  std::set<std::uint32_t> rebuilt_desired_;            // desired positions
  std::set<std::uint32_t> drop_;                       // actual positions of non-tables to drop
  std::set<std::uint32_t> recreate_;                   // desired positions of non-tables to create
  std::set<std::uint32_t> recreated_tables_;           // desired virtual tables dropped and created again
};

}  // namespace

plan make_plan(const catalog::catalog& actual, const catalog::catalog& desired,
               const std::vector<std::uint32_t>& desired_order, const diff::schema_diff& diff) {
  // The diff was computed on these two catalogs, and the order is the
  // desired schema's whole creation order.
  assert(desired_order.size() == desired.objects().size());
  assert(std::all_of(diff.tables.begin(), diff.tables.end(), [&](const diff::table_change& c) {
    return c.actual < actual.objects().size() && c.desired < desired.objects().size();
  }));
  assert(std::all_of(diff.created.begin(), diff.created.end(),
                     [&](std::uint32_t p) { return p < desired.objects().size(); }));
  assert(std::all_of(diff.dropped.begin(), diff.dropped.end(),
                     [&](std::uint32_t p) { return p < actual.objects().size(); }));
  return planner(actual, desired, desired_order, diff).run();
}

std::string plan_sql(const plan& p) {
  std::string out;
  for (const step& s : p.steps) {
    out += "-- " + s.description + "\n";
    for (const std::string& sql : s.sql) out += sql + ";\n";
  }
  return out;
}

}  // namespace migc::plan
