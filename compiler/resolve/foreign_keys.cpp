// Foreign keys: the parent table, its columns (the PRIMARY KEY when the
// clause names none), and whether they form a key SQLite can enforce. Also
// adds UNIQUE indexes to their table's keys, since they can be parent keys.
#include <algorithm>
#include <fmt/format.h>

#include "compiler/catalog/table_facts.hpp"
#include "compiler/resolve/resolver.hpp"

namespace migc::resolve::detail {

void resolver::unique_indexes() {
  for (const object& o : cat.objects()) {
    if (o.kind != catalog::object_kind::index) continue;
    const auto& stmt = std::get<ast::create_index>(o.statement->node);
    const object* found = cat.find_relation(o.target_key);
    if (!stmt.unique || found == nullptr || found->kind != catalog::object_kind::table || !found->columns_known) {
      continue;
    }
    object& table = cat.at(found->position);
    catalog::unique_key key;
    key.partial = stmt.where_clause != nullptr;
    key.index = o.position;
    key.where = o.name_id->where;
    bool usable = true;
    for (const ast::sort_item& item : stmt.columns) {
      std::optional<catalog::key_column> kc = catalog::key_column_of(item);
      std::uint32_t col = kc ? table.find_column(kc->key) : ~0U;
      if (col == ~0U) {
        usable = false;  // an expression, or a column index() reports
        break;
      }
      key.columns.push_back(col);
      key.collations.push_back(kc->collation != nullptr ? kc->collation->key : std::string());
    }
    if (usable) table.unique_keys.push_back(std::move(key));
  }
}

namespace {

std::string collation_of(const column& c) { return c.collation != nullptr ? c.collation->key : "binary"; }

// True if `key` is usable as the parent key `columns` of `parent`: the same
// set of columns, each compared with the parent column's own collation.
bool is_parent_key(const object& parent, const catalog::unique_key& key, const std::vector<std::uint32_t>& columns) {
  if (key.partial || key.columns.size() != columns.size()) return false;
  for (std::size_t i = 0; i < key.columns.size(); ++i) {
    if (std::find(columns.begin(), columns.end(), key.columns[i]) == columns.end()) return false;
    const column& c = parent.columns[key.columns[i]];
    const std::string& coll = key.collations[i];
    if (!coll.empty() && coll != collation_of(c)) return false;
  }
  return true;
}

std::string column_list(const object& o, const std::vector<std::uint32_t>& columns) {
  std::string out;
  for (std::uint32_t c : columns) {
    if (!out.empty()) out += ", ";
    out += o.columns[c].name;
  }
  return out;
}

// The parent column list, or the parent's name when there is none.
migc::source::span list_span(const ast::foreign_key_clause& clause) {
  if (clause.columns.empty()) return clause.table.where;
  migc::source::span s = clause.columns.front().where;
  s.end = clause.columns.back().where.end;
  return s;
}

}  // namespace

void resolver::foreign_keys(object& table) {
  set_owner(&table);
  for (catalog::foreign_key& fk : table.foreign_keys) {
    const ast::foreign_key_clause& clause = *fk.clause;
    const object* found = cat.find_relation(clause.table.key);
    if (found == nullptr) {
      auto& d = sink.error(diag::code::E0204, clause.table.where,
                           fmt::format("{} references unknown table '{}'", owner_text(), clause.table.text));
      suggest(d, clause.table, relation_names());
      continue;
    }
    if (found->kind != catalog::object_kind::table) {
      sink.error(diag::code::E0225, clause.table.where,
                 fmt::format("foreign key of {} references {}: the parent must be an ordinary table", owner_text(),
                             describe(*found)));
      continue;
    }
    if (!found->columns_known) view(found->position);  // CREATE TABLE ... AS SELECT
    set_owner(&table);
    const object& parent = *found;
    link(clause.table, catalog::link{nullptr, catalog::link_kind::object, parent.position});
    if (!parent.columns_known) continue;
    fk.parent = parent.position;
    if (parent.position != table.position)
      depend(parent.position, catalog::dependency_kind::foreign_key, clause.table.where);

    std::vector<std::uint32_t> columns;
    if (clause.columns.empty()) {
      for (const catalog::unique_key& key : parent.unique_keys) {
        if (key.primary) columns = key.columns;
      }
      if (columns.empty()) {
        sink.error(diag::code::E0210, clause.table.where,
                   fmt::format("foreign key mismatch: {} names no parent columns and table '{}' has no PRIMARY KEY; "
                               "every write to '{}' fails",
                               owner_text(), parent.name, table.name));
        continue;
      }
    } else {
      bool all_known = true;
      for (const ast::identifier& id : clause.columns) {
        std::uint32_t col = parent.find_column(id.key);
        if (col == ~0U) {
          auto& d = sink.error(
              diag::code::E0205, id.where,
              fmt::format("{} references unknown column '{}' of table '{}'", owner_text(), id.text, parent.name));
          std::vector<std::string> names;
          for (const column& c : parent.columns) names.push_back(c.name);
          suggest(d, id, names);
          all_known = false;
          continue;
        }
        columns.push_back(col);
        link(id, catalog::link{nullptr, catalog::link_kind::column, parent.position, col});
      }
      if (!all_known) continue;
    }
    fk.parent_columns = columns;
    if (columns.size() != fk.columns.size()) {
      sink.error(diag::code::E0209, list_span(clause),
                 fmt::format("foreign key of {} has {} column{} but its parent key in table '{}' has {}", owner_text(),
                             fk.columns.size(), fk.columns.size() == 1 ? "" : "s", parent.name, columns.size()));
      continue;
    }
    bool keyed = std::any_of(parent.unique_keys.begin(), parent.unique_keys.end(),
                             [&](const catalog::unique_key& key) { return is_parent_key(parent, key, columns); });
    if (!keyed) {
      sink.error(diag::code::E0210, list_span(clause),
                 fmt::format("foreign key mismatch: ({}) of table '{}' is neither its PRIMARY KEY nor a UNIQUE key; "
                             "every write to '{}' fails",
                             column_list(parent, columns), parent.name, table.name));
    }
  }
  set_owner(nullptr);
}

}  // namespace migc::resolve::detail
