// Building the catalog: which statements define objects, name checks, and
// the per-table facts (columns, affinities, keys) with the errors SQLite
// raises while it records a CREATE TABLE.
#include "compiler/catalog/catalog.hpp"

#include <cassert>
#include <fmt/format.h>

#include "compiler/ast/names.hpp"
#include "compiler/backend/sql/printer.hpp"
#include "compiler/catalog/table_facts.hpp"

namespace migc::catalog {

std::string_view kind_name(object_kind k) noexcept {
  switch (k) {
    case object_kind::table:
      return "table";
    case object_kind::virtual_table:
      return "virtual table";
    case object_kind::view:
      return "view";
    case object_kind::index:
      return "index";
    case object_kind::trigger:
      return "trigger";
  }
  return "object";
}

std::string fold(std::string_view name) { return ast::fold(name); }

std::uint32_t object::find_column(std::string_view k) const noexcept {
  for (std::uint32_t i = 0; i < columns.size(); ++i) {
    if (columns[i].key == k) return i;
  }
  return ~0U;
}

const object* catalog::find(std::string_view key) const noexcept {
  auto it = names_.find(std::string(key));
  return it == names_.end() ? nullptr : &objects_[it->second];
}

const object* catalog::find_trigger(std::string_view key) const noexcept {
  auto it = triggers_.find(std::string(key));
  return it == triggers_.end() ? nullptr : &objects_[it->second];
}

const object* catalog::find_relation(std::string_view key) const noexcept {
  const object* o = find(key);
  return o != nullptr && o->is_relation() ? o : nullptr;
}

void catalog::reserve(std::size_t n) {
  objects_.reserve(n);
  names_.reserve(n);
}

std::uint32_t catalog::add(object o) {
  auto position = static_cast<std::uint32_t>(objects_.size());
  o.position = position;
  auto& names = o.kind == object_kind::trigger ? triggers_ : names_;
  [[maybe_unused]] bool inserted = names.emplace(o.key, position).second;
  assert(inserted && "catalog::add: name already taken");
  objects_.push_back(std::move(o));
  return position;
}

namespace {

// What a CREATE statement names, whatever its kind.
struct definition {
  object_kind kind{};
  bool temp = false;
  bool if_not_exists = false;
  const ast::qualified_name* name = nullptr;
};

std::optional<definition> definition_of(const ast::statement& stmt) {
  return std::visit(
      [](const auto& s) -> std::optional<definition> {
        using T = std::decay_t<decltype(s)>;
        if constexpr (std::is_same_v<T, ast::create_table>) {
          return definition{object_kind::table, s.temp, s.if_not_exists, &s.name};
        } else if constexpr (std::is_same_v<T, ast::create_virtual_table>) {
          return definition{object_kind::virtual_table, false, s.if_not_exists, &s.name};
        } else if constexpr (std::is_same_v<T, ast::create_view>) {
          return definition{object_kind::view, s.temp, s.if_not_exists, &s.name};
        } else if constexpr (std::is_same_v<T, ast::create_index>) {
          return definition{object_kind::index, false, s.if_not_exists, &s.name};
        } else if constexpr (std::is_same_v<T, ast::create_trigger>) {
          return definition{object_kind::trigger, s.temp, s.if_not_exists, &s.name};
        } else {
          return std::nullopt;
        }
      },
      stmt.node);
}

// The word that starts the statement, for W0240's message.
std::string_view statement_word(const ast::statement& stmt) {
  static constexpr std::string_view words[] = {
      "CREATE TABLE", "CREATE INDEX", "CREATE VIEW", "CREATE TRIGGER", "CREATE VIRTUAL TABLE",
      "ALTER TABLE",  "DROP",         "INSERT",      "UPDATE",         "DELETE",
      "SELECT",       "PRAGMA",       "BEGIN",       "COMMIT",         "ROLLBACK",
      "SAVEPOINT",    "RELEASE",      "ATTACH",      "DETACH",         "VACUUM",
      "REINDEX",      "ANALYZE"};
  static_assert(std::size(words) == std::variant_size_v<decltype(ast::statement::node)>);
  return words[stmt.node.index()];
}

class builder {
 public:
  explicit builder(diag::sink& sink) : sink_(sink) {}

  void reserve(std::size_t n) { catalog_.reserve(n); }

  void add_statement(const ast::statement& stmt, source::file_id file) {
    std::optional<definition> def = definition_of(stmt);
    if (!def) {
      sink_.warning(diag::code::W0240, stmt.where,
                    fmt::format("{} statement ignored: schema files define objects with CREATE statements",
                                statement_word(stmt)));
      return;
    }
    const ast::qualified_name& qn = *def->name;
    bool temp = def->temp;
    if (qn.schema) {
      if (qn.schema->key == "temp") {
        temp = true;
      } else if (qn.schema->key != "main") {
        sink_.error(diag::code::E0202, qn.schema->where,
                    fmt::format("unknown database '{}': schema files describe the main database", qn.schema->text));
        return;
      }
    }
    if (temp) {
      sink_.warning(diag::code::W0241, qn.where,
                    fmt::format("TEMP {} '{}' ignored: it is not part of the database file's schema",
                                kind_name(def->kind), qn.name.text));
      return;
    }
    if (qn.name.key.starts_with("sqlite_")) {
      sink_.error(diag::code::E0203, qn.name.where,
                  fmt::format("object name reserved for internal use: '{}'", qn.name.text));
      return;
    }
    const object* taken =
        def->kind == object_kind::trigger ? catalog_.find_trigger(qn.name.key) : catalog_.find(qn.name.key);
    if (taken != nullptr) {
      if (def->if_not_exists && same_definition(*taken->statement, stmt)) return;
      auto& d = sink_.error(
          diag::code::E0201, qn.name.where,
          fmt::format("there is already {} {} named '{}'", article(taken->kind), kind_name(taken->kind), taken->name));
      d.notes.push_back({taken->name_id->where, fmt::format("'{}' first defined here", taken->name)});
      return;
    }

    object o;
    o.kind = def->kind;
    o.name = qn.name.text;
    o.key = qn.name.key;
    o.name_id = &qn.name;
    o.statement = &stmt;
    o.file = file;
    std::visit(
        [&](const auto& s) {
          using T = std::decay_t<decltype(s)>;
          if constexpr (std::is_same_v<T, ast::create_table>) {
            fill_table(o, s, sink_);
          } else if constexpr (std::is_same_v<T, ast::create_virtual_table>) {
            fill_virtual_table(o, s);
          } else if constexpr (std::is_same_v<T, ast::create_view>) {
            o.columns_known = false;  // resolve fills them
          } else if constexpr (std::is_same_v<T, ast::create_index>) {
            o.target_key = s.table.key;
          } else if constexpr (std::is_same_v<T, ast::create_trigger>) {
            o.target_key = s.table.name.key;
          }
        },
        stmt.node);
    catalog_.add(std::move(o));
  }

  catalog take() { return std::move(catalog_); }

 private:
  static std::string_view article(object_kind k) { return k == object_kind::index ? "an" : "a"; }

  // Two IF NOT EXISTS definitions are one object when they print alike.
  static bool same_definition(const ast::statement& a, const ast::statement& b) {
    auto first = definition_of(a);
    return first && first->if_not_exists && backend::sql::print_statement(a) == backend::sql::print_statement(b);
  }

  diag::sink& sink_;
  catalog catalog_;
};

}  // namespace

catalog build(std::span<const ast::script> scripts, diag::sink& sink) {
  builder b(sink);
  std::size_t statements = 0;
  for (const ast::script& script : scripts) statements += script.statements.size();
  b.reserve(statements);
  for (const ast::script& script : scripts) {
    for (const ast::statement& stmt : script.statements) b.add_statement(stmt, script.file);
  }
  return b.take();
}

}  // namespace migc::catalog
