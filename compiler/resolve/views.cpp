// Views and CREATE TABLE ... AS SELECT: their query resolved, their columns
// filled (named by the explicit list, else as SQLite names them). A view is
// resolved the first time anything needs it; a view met again while it is
// being resolved (a cycle, which graph reports) counts as unknown.
#include <fmt/format.h>

#include "compiler/resolve/resolver.hpp"

namespace migc::resolve::detail {

namespace {

enum : std::uint8_t { pending, resolving, done };

// The declared type SQLite gives a CREATE TABLE ... AS SELECT column.
std::string_view ctas_type(catalog::affinity a) {
  switch (a) {
    case catalog::affinity::integer:
      return "INT";
    case catalog::affinity::text:
      return "TEXT";
    case catalog::affinity::real:
      return "REAL";
    case catalog::affinity::numeric:
      return "NUM";
    case catalog::affinity::blob:
      break;
  }
  return "";
}

}  // namespace

void resolver::view(std::uint32_t position) {
  if (view_state[position] != pending) return;
  object& o = cat.at(position);
  const ast::select* query = nullptr;
  const std::vector<ast::identifier>* names = nullptr;
  if (const auto* v = std::get_if<ast::create_view>(&o.statement->node)) {
    query = v->query.get();
    names = &v->columns;
  } else if (const auto* t = std::get_if<ast::create_table>(&o.statement->node)) {
    query = t->as_select.get();
  }
  if (query == nullptr) {
    view_state[position] = done;
    return;
  }
  view_state[position] = resolving;
  object* saved_owner = owner_;
  const expr_mode saved_mode = mode;
  const object* saved_table = own_table;
  const bool saved_index = index_expression;
  std::vector<std::uint32_t>* saved_referenced = referenced;
  mode = expr_mode::normal;
  index_expression = false;
  referenced = nullptr;
  set_owner(&o);

  const bool saved_nulls = may_add_nulls;
  may_add_nulls = false;
  shape s = select(*query, nullptr, nullptr);
  const bool maybe_null = may_add_nulls;
  may_add_nulls = saved_nulls;
  if (names != nullptr && !names->empty()) {
    if (s.known && s.columns.size() != names->size()) {
      sink.error(diag::code::E0224, o.name_id->where,
                 fmt::format("expected {} columns for view '{}' but its query returns {}", names->size(), o.name,
                             s.columns.size()));
    }
    std::vector<column> listed;
    for (std::size_t i = 0; i < names->size(); ++i) {
      column c;
      c.name = (*names)[i].text;
      c.key = (*names)[i].key;
      c.where = (*names)[i].where;
      if (s.known && i < s.columns.size()) {
        c.aff = s.columns[i].aff;
        c.type = s.columns[i].type;
        c.not_null = s.columns[i].not_null;
        c.origin_type = s.columns[i].origin_type;
        c.origin_not_null = s.columns[i].origin_not_null;
      }
      listed.push_back(std::move(c));
    }
    s.columns = std::move(listed);
    s.known = true;
  }
  const bool table = o.kind == catalog::object_kind::table;
  for (column& c : s.columns) {
    // A table column passes on its own type; a view column its origin's.
    if (!c.type.empty()) c.origin_type = c.type;
    c.origin_not_null = !maybe_null && (c.not_null || c.origin_not_null);
    c.definition = nullptr;
    c.collation = nullptr;
    c.not_null = false;
    c.hidden = false;
    if (!c.where.valid()) c.where = o.name_id->where;
    c.type = table ? std::string(ctas_type(c.aff)) : std::string();
  }
  o.columns = std::move(s.columns);
  o.columns_known = s.known;

  view_state[position] = done;
  set_owner(saved_owner);
  mode = saved_mode;
  own_table = saved_table;
  index_expression = saved_index;
  referenced = saved_referenced;
}

}  // namespace migc::resolve::detail
