// The binding model (see model.hpp): relations of a compiled schema with
// their columns typed for generated code, keys and foreign keys.
#include "compiler/backend/model/model.hpp"

#include <algorithm>
#include <cassert>
#include <cctype>
#include <fmt/format.h>
#include <queue>
#include <unordered_map>

#include "compiler/ast/names.hpp"
#include "compiler/catalog/catalog.hpp"

namespace migc::backend::model {

namespace {

using catalog::object_kind;

std::string first_word(std::string_view type) {
  std::string word;
  for (char c : type) {
    if (std::isalpha(static_cast<unsigned char>(c)) == 0) break;
    word.push_back(ast::ascii_upper(c));
  }
  return word;
}

std::string stem_of(std::string_view path) {
  if (auto slash = path.find_last_of("/\\"); slash != std::string_view::npos) path.remove_prefix(slash + 1);
  if (auto dot = path.rfind('.'); dot != std::string_view::npos && dot > 0) path = path.substr(0, dot);
  return std::string(path);
}

bool has_default(const ast::column_definition* def) {
  if (def == nullptr) return false;
  return std::ranges::any_of(def->constraints, [](const ast::column_constraint& c) {
    return c.what == ast::column_constraint::kind::default_;
  });
}

std::string_view module_of(const catalog::object& o) {
  if (const auto* v = std::get_if<ast::create_virtual_table>(&o.statement->node)) return v->module.key;
  return {};
}

field table_field(const catalog::object& o, const catalog::column& c) {
  field f;
  f.name = c.name;
  f.where = c.where;
  f.primary_key = c.primary_key;
  if (o.kind == object_kind::view) {
    f.declared_type = c.origin_type;
    f.type = map_type(f.declared_type);
    f.nullable = !c.origin_not_null;
    f.read_only = true;
    return f;
  }
  if (o.kind == object_kind::virtual_table) {
    // fts3/4/5 keep text; rtree keeps an integer id and real (or, for
    // rtree_i32, integer) coordinates, never NULL.
    std::string_view module = module_of(o);
    if (module.starts_with("fts")) {
      f.type = value_type::text;
    } else if (module.starts_with("rtree")) {
      f.type = c.aff == catalog::affinity::integer || module == "rtree_i32" ? value_type::integer : value_type::real;
      f.nullable = false;
    }
    return f;
  }
  f.declared_type = c.type;
  f.type = map_type(c.type);
  f.rowid_alias = c.rowid_alias;
  f.nullable = !(c.not_null || c.rowid_alias);
  f.read_only = c.generated;
  f.has_default = c.rowid_alias || has_default(c.definition);
  return f;
}

bool same_columns(std::vector<std::uint32_t> a, std::vector<std::uint32_t> b) {
  std::ranges::sort(a);
  std::ranges::sort(b);
  return a == b;
}

// A name for a unique key: the index's, else "".
std::string key_name(const catalog::catalog& cat, const catalog::unique_key& k) {
  if (k.index == ~0U) return {};
  return cat.at(k.index).name;
}

}  // namespace

std::string_view value_type_name(value_type t) noexcept {
  switch (t) {
    case value_type::integer:
      return "integer";
    case value_type::real:
      return "real";
    case value_type::numeric:
      return "numeric";
    case value_type::text:
      return "text";
    case value_type::blob:
      return "blob";
    case value_type::boolean:
      return "boolean";
    case value_type::date_time:
      return "date_time";
    case value_type::any:
      break;
  }
  return "any";
}

std::string_view relation_kind_name(relation_kind k) noexcept {
  switch (k) {
    case relation_kind::table:
      return "table";
    case relation_kind::virtual_table:
      return "virtual table";
    case relation_kind::view:
      break;
  }
  return "view";
}

value_type map_type(std::string_view declared_type) noexcept {
  if (declared_type.empty()) return value_type::any;
  switch (catalog::affinity_of(declared_type)) {
    case catalog::affinity::integer:
      return value_type::integer;
    case catalog::affinity::text:
      return value_type::text;
    case catalog::affinity::real:
      return value_type::real;
    case catalog::affinity::blob:
      // Only a type containing "BLOB" gets here: no type returned above.
      return value_type::blob;
    case catalog::affinity::numeric:
      break;
  }
  std::string word = first_word(declared_type);
  if (word == "ANY") return value_type::any;
  if (word == "BOOL" || word == "BOOLEAN") return value_type::boolean;
  if (word == "DATE" || word == "DATETIME" || word == "TIMESTAMP") return value_type::date_time;
  return value_type::numeric;
}

model build(const catalog::compilation& c, const source::source_manager& sources, const options& opts,
            diag::sink& sink) {
  assert(c.passes_ran);
  const catalog::catalog& cat = c.catalog;
  model m;

  std::vector<std::string> excluded;
  for (const std::string& name : opts.exclude) {
    std::string key = catalog::fold(name);
    if (cat.find_relation(key) == nullptr) {
      sink.error(diag::code::E0602, source::span{},
                 fmt::format("--exclude names '{}', which is no table, virtual table or view of the schema", name));
      continue;
    }
    excluded.push_back(std::move(key));
  }

  // Files in command-line order: those of the scripts.
  std::unordered_map<source::file_id, std::uint32_t> file_index;
  for (const ast::script& s : c.scripts) {
    if (file_index.contains(s.file)) continue;
    file_index.emplace(s.file, static_cast<std::uint32_t>(m.files.size()));
    schema_file f;
    f.path = sources.name(s.file);
    f.name = f.path.substr(f.path.find_last_of("/\\") == std::string::npos ? 0 : f.path.find_last_of("/\\") + 1);
    f.stem = stem_of(f.path);
    m.files.push_back(std::move(f));
  }

  // Relations in creation order.
  std::unordered_map<std::uint32_t, std::uint32_t> relation_of;  // catalog position → relation
  for (std::uint32_t position : c.order) {
    const catalog::object& o = cat.at(position);
    if (!o.is_relation()) continue;
    if (std::ranges::find(excluded, o.key) != excluded.end()) continue;
    if (!o.columns_known) {
      std::string why = o.kind == object_kind::virtual_table
                            ? fmt::format("the columns of module '{}' are unknown", module_of(o))
                            : std::string("its query could not be resolved");
      sink.error(diag::code::E0601, o.name_id->where,
                 fmt::format("cannot generate bindings for {} '{}': {}; leave it out with --exclude {}",
                             catalog::kind_name(o.kind), o.name, why, o.name));
      continue;
    }
    relation r;
    r.kind = o.kind == object_kind::table           ? relation_kind::table
             : o.kind == object_kind::virtual_table ? relation_kind::virtual_table
                                                    : relation_kind::view;
    r.name = o.name;
    r.where = o.name_id->where;
    r.has_rowid = o.kind != object_kind::view && !o.without_rowid;
    auto fi = file_index.find(o.file);
    r.file = fi != file_index.end() ? fi->second : 0;
    std::vector<std::uint32_t> field_of(o.columns.size(), ~0U);
    for (std::size_t i = 0; i < o.columns.size(); ++i) {
      if (o.columns[i].hidden) continue;
      field_of[i] = static_cast<std::uint32_t>(r.fields.size());
      r.fields.push_back(table_field(o, o.columns[i]));
    }
    auto map_columns = [&](const std::vector<std::uint32_t>& cols, std::vector<std::uint32_t>& out) {
      for (std::uint32_t col : cols) {
        if (col >= field_of.size() || field_of[col] == ~0U) return false;
        out.push_back(field_of[col]);
      }
      return true;
    };
    if (o.kind == object_kind::table) {
      for (const catalog::unique_key& k : o.unique_keys) {
        if (k.partial) continue;
        key mapped;
        mapped.name = key_name(cat, k);
        if (!map_columns(k.columns, mapped.fields)) continue;
        if (k.primary) {
          r.primary_key = std::move(mapped);
          continue;
        }
        bool seen = r.primary_key && same_columns(r.primary_key->fields, mapped.fields);
        for (const key& other : r.unique_keys) seen = seen || same_columns(other.fields, mapped.fields);
        if (!seen) r.unique_keys.push_back(std::move(mapped));
      }
    }
    relation_of.emplace(position, static_cast<std::uint32_t>(m.relations.size()));
    m.files[r.file].relations.push_back(static_cast<std::uint32_t>(m.relations.size()));
    m.relations.push_back(std::move(r));
  }

  // Foreign keys, once every relation has its position.
  for (const auto& [position, index] : relation_of) {
    const catalog::object& o = cat.at(position);
    relation& r = m.relations[index];
    for (const catalog::foreign_key& k : o.foreign_keys) {
      auto parent = relation_of.find(k.parent);
      if (k.parent == ~0U || parent == relation_of.end()) continue;
      if (k.columns.size() != k.parent_columns.size() || k.columns.empty()) continue;
      const catalog::object& p = cat.at(k.parent);
      foreign_key fk;
      fk.parent = parent->second;
      fk.where = k.where;
      fk.fields = k.columns;  // tables have no hidden columns: positions are fields
      fk.parent_fields = k.parent_columns;
      for (const catalog::unique_key& u : p.unique_keys) {
        if (!u.partial && same_columns(u.columns, k.parent_columns)) fk.parent_unique = true;
      }
      r.foreign_keys.push_back(std::move(fk));
    }
  }

  // Files after the files their foreign keys point to; ties in
  // command-line order (Kahn's algorithm with a min-heap).
  const std::size_t n = m.files.size();
  std::vector<std::vector<std::uint32_t>> needed_by(n);
  std::vector<std::uint32_t> pending(n, 0);
  for (const relation& r : m.relations) {
    for (const foreign_key& fk : r.foreign_keys) {
      std::uint32_t parent_file = m.relations[fk.parent].file;
      if (parent_file == r.file) continue;
      auto& list = needed_by[parent_file];
      if (std::ranges::find(list, r.file) != list.end()) continue;
      list.push_back(r.file);
      ++pending[r.file];
    }
  }
  std::priority_queue<std::uint32_t, std::vector<std::uint32_t>, std::greater<>> ready;
  for (std::uint32_t f = 0; f < n; ++f) {
    if (pending[f] == 0) ready.push(f);
  }
  while (!ready.empty()) {
    std::uint32_t f = ready.top();
    ready.pop();
    m.file_order.push_back(f);
    for (std::uint32_t next : needed_by[f]) {
      if (--pending[next] == 0) ready.push(next);
    }
  }
  if (m.file_order.size() != n) m.file_order.clear();
  return m;
}

}  // namespace migc::backend::model
