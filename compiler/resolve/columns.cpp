// Column references: a qualified `t.x` against the source `t` names, an
// unqualified `x` against every source of its query and then of the
// enclosing ones, result-column aliases where SQLite allows them, and the
// rowid of rowid tables. Nothing is reported missing when a source in scope
// has columns migc cannot know.
#include <fmt/format.h>

#include "compiler/resolve/resolver.hpp"

namespace migc::resolve::detail {

bool is_rowid_name(std::string_view key) noexcept { return key == "rowid" || key == "oid" || key == "_rowid_"; }

std::uint32_t find_column(const shape& s, std::string_view key) {
  for (std::uint32_t i = 0; i < s.columns.size(); ++i) {
    if (s.columns[i].key == key) return i;
  }
  return ~0U;
}

namespace {

bool merged(const binding& b, std::string_view key) {
  for (const std::string& m : b.merged) {
    if (m == key) return true;
  }
  return false;
}

// Every column name of every source in scope, and the visible aliases, for
// "did you mean".
std::vector<std::string> names_in_scope(const scope& sc) {
  std::vector<std::string> names;
  for (const scope* s = &sc; s != nullptr; s = s->outer) {
    for (const binding& b : s->sources) {
      if (b.qualified_only) continue;
      for (const column& c : b.cols.columns) names.push_back(c.name);
    }
    if (s->aliases_visible) names.insert(names.end(), s->aliases.begin(), s->aliases.end());
  }
  return names;
}

bool lenient(const scope& sc) {
  for (const scope* s = &sc; s != nullptr; s = s->outer) {
    if (s->lenient) return true;
  }
  return false;
}

}  // namespace

void resolver::column_ref(const ast::expr& e, const ast::column_ref& ref, const scope& sc) {
  if (mode == expr_mode::constant) {
    if (!default_reported) {
      sink.error(diag::code::E0219, e.where,
                 fmt::format("default value of column '{}' is not constant: it refers to '{}'", default_column,
                             ref.column.text));
      default_reported = true;
    }
    return;
  }
  const std::string& key = ref.column.key;
  auto note_reference = [&](const binding& b, std::uint32_t col) {
    if (referenced != nullptr && b.table == own_table && col != ~0U) referenced->push_back(col);
    link_column(ref.column, b, col);
  };
  auto note_rowid = [&](const binding& b) {
    if (b.columns_of != nullptr)
      link(ref.column, catalog::link{nullptr, catalog::link_kind::rowid, b.columns_of->position});
  };

  if (ref.table) {
    const binding* found = nullptr;
    for (const scope* s = &sc; s != nullptr && found == nullptr; s = s->outer) {
      for (const binding& b : s->sources) {
        if (b.key == ref.table->key) {
          found = &b;
          break;
        }
      }
    }
    std::string written = fmt::format("{}.{}", ref.table->text, ref.column.text);
    if (found == nullptr) {
      if (lenient(sc)) return;
      if (mode == expr_mode::own_table) {
        sink.error(diag::code::E0226, e.where,
                   fmt::format("{} refers to '{}', but may only refer to columns of its own table '{}'", owner_text(),
                               written, own_table->name));
        return;
      }
      auto& d = sink.error(diag::code::E0205, ref.table->where,
                           fmt::format("{} references unknown column '{}': no table '{}' is in scope", owner_text(),
                                       written, ref.table->text));
      std::vector<std::string> names;
      for (const scope* s = &sc; s != nullptr; s = s->outer) {
        for (const binding& b : s->sources) names.push_back(b.name);
      }
      suggest(d, *ref.table, names);
      return;
    }
    if (found->self) link(*ref.table, *found->self);
    if (!found->unavailable.empty()) {
      sink.error(diag::code::E0212, e.where,
                 fmt::format("{} refers to '{}': {}", owner_text(), written, found->unavailable));
      return;
    }
    std::uint32_t col = find_column(found->cols, key);
    if (col != ~0U) {
      note_reference(*found, col);
      return;
    }
    if (is_rowid_name(key) && found->cols.has_rowid) {
      note_rowid(*found);
      return;
    }
    if (!found->cols.known || lenient(sc)) return;
    auto& d = sink.error(diag::code::E0205, ref.column.where,
                         fmt::format("{} references unknown column '{}'", owner_text(), written));
    std::vector<std::string> names;
    for (const column& c : found->cols.columns) names.push_back(c.name);
    suggest(d, ref.column, names);
    return;
  }

  for (const scope* s = &sc; s != nullptr; s = s->outer) {
    const binding* match = nullptr;
    const binding* second = nullptr;
    std::uint32_t match_col = ~0U;
    bool unknown = false;
    for (const binding& b : s->sources) {
      if (b.qualified_only) continue;
      unknown = unknown || !b.cols.known;
      std::uint32_t col = find_column(b.cols, key);
      if (col == ~0U || merged(b, key)) continue;
      if (match == nullptr) {
        match = &b;
        match_col = col;
      } else if (second == nullptr) {
        second = &b;
      }
    }
    if (match != nullptr && second != nullptr && !lenient(sc)) {
      sink.error(diag::code::E0206, ref.column.where,
                 fmt::format("{} references ambiguous column '{}': both '{}' and '{}' have one; qualify it",
                             owner_text(), ref.column.text, match->name, second->name));
      return;
    }
    if (match != nullptr) {
      note_reference(*match, match_col);
      return;
    }
    if (s->aliases_visible) {
      for (std::size_t i = 0; i < s->aliases.size(); ++i) {
        if (s->aliases[i] != key) continue;
        catalog::link to{nullptr, catalog::link_kind::alias};
        to.definition = s->alias_where[i];
        link(ref.column, to);
        return;
      }
    }
    if (is_rowid_name(key)) {
      for (const binding& b : s->sources) {
        if (b.qualified_only || !b.cols.has_rowid) continue;
        note_rowid(b);
        return;
      }
    }
    if (unknown) return;
  }
  if (lenient(sc)) return;
  // With no column of that name, SQLite reads TRUE and FALSE as 1 and 0.
  if (ref.column.quote == '\0' && (key == "true" || key == "false")) return;
  if (ref.column.quote == '"') {
    std::string literal = "'";
    for (char c : ref.column.text) {
      literal += c;
      if (c == '\'') literal += c;
    }
    literal += '\'';
    auto& d = sink.warning(diag::code::W0807, e.where,
                           fmt::format("\"{0}\" is read as the string {1} because no column {0} exists; write {1} "
                                       "for a string",
                                       ref.column.text, literal));
    d.fixits.push_back({e.where, literal});
    link(ref.column, catalog::link{nullptr, catalog::link_kind::string});
    return;
  }
  auto& d = sink.error(diag::code::E0205, ref.column.where,
                       fmt::format("{} references unknown column '{}'", owner_text(), ref.column.text));
  suggest(d, ref.column, names_in_scope(sc));
}

}  // namespace migc::resolve::detail
