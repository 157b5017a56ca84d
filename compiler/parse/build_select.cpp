// SELECT: parse-tree nodes of grammar/select.hpp to ast::select, with the
// checks SQLite makes in its parser's actions (clause order in compounds,
// join types, ON/USING on the first table).
#include <cassert>
#include <fmt/format.h>

#include "compiler/parse/builder.hpp"

namespace migc::parse {

namespace g = grammar;

namespace {

constexpr std::size_t max_compound_terms = 500;  // SQLITE_MAX_COMPOUND_SELECT

std::string_view compound_name(ast::compound_op op) {
  switch (op) {
    case ast::compound_op::union_:
      return "UNION";
    case ast::compound_op::union_all:
      return "UNION ALL";
    case ast::compound_op::intersect:
      return "INTERSECT";
    case ast::compound_op::except:
      return "EXCEPT";
  }
  return "UNION";
}

/// The join word of node `n`, or nullopt for a name that is none
/// (join_other_word).
std::optional<ast::join_word> join_word_of(const node& n) {
  if (is<g::join_natural>(n)) return ast::join_word::natural;
  if (is<g::join_left>(n)) return ast::join_word::left;
  if (is<g::join_right>(n)) return ast::join_word::right;
  if (is<g::join_full>(n)) return ast::join_word::full;
  if (is<g::join_outer>(n)) return ast::join_word::outer;
  if (is<g::join_inner>(n)) return ast::join_word::inner;
  if (is<g::join_cross>(n)) return ast::join_word::cross;
  assert(is<g::join_other_word>(n));
  return std::nullopt;
}

/// Sets `op.kind` and `op.natural` from `op.words` by sqlite3JoinType's
/// rules; false if SQLite rejects the combination.
bool classify_join(ast::join_operator& op) {
  enum : unsigned { inner = 1, cross = 2, natural = 4, left = 8, outer = 16, right = 32 };
  unsigned flags = 0;
  for (const ast::join_word w : op.words) {
    switch (w) {
      case ast::join_word::natural:
        flags |= natural;
        break;
      case ast::join_word::left:
        flags |= left | outer;
        break;
      case ast::join_word::right:
        flags |= right | outer;
        break;
      case ast::join_word::full:
        flags |= left | right | outer;
        break;
      case ast::join_word::outer:
        flags |= outer;
        break;
      case ast::join_word::inner:
        flags |= inner;
        break;
      case ast::join_word::cross:
        flags |= inner | cross;
        break;
    }
  }
  op.natural = (flags & natural) != 0;
  using k = ast::join_kind;
  op.kind = (flags & (left | right)) == (left | right) ? k::full
            : (flags & left) != 0                      ? k::left
            : (flags & right) != 0                     ? k::right
            : (flags & cross) != 0                     ? k::cross
                                                       : k::inner;
  if ((flags & (inner | outer)) == (inner | outer)) return false;
  return (flags & (outer | left | right)) != outer;
}

ast::compound_op compound_of(const node& n) {
  if (is<g::compound_union>(n)) return ast::compound_op::union_;
  if (is<g::compound_union_all>(n)) return ast::compound_op::union_all;
  if (is<g::compound_intersect>(n)) return ast::compound_op::intersect;
  assert(is<g::compound_except>(n));
  return ast::compound_op::except;
}

bool is_compound_op(const node& n) {
  return is<g::compound_union>(n) || is<g::compound_union_all>(n) || is<g::compound_intersect>(n) ||
         is<g::compound_except>(n);
}

}  // namespace

std::vector<ast::identifier> builder::idlist(const node& n) {
  std::vector<ast::identifier> out;
  out.reserve(n.children.size());
  for (const auto& c : n.children) out.push_back(identifier(*c));
  return out;
}

std::vector<ast::identifier> builder::eidlist(const node& n) {
  std::vector<ast::identifier> out;
  for (const auto& item : n.children) {
    out.push_back(identifier(*item->children.front()));
    // A COLLATE name or ASC/DESC after the name.
    if (item->children.size() > 1) {
      error(diag::code::E0108, *item,
            fmt::format("syntax error after column name '{}': COLLATE, ASC and DESC are not allowed here",
                        out.back().text));
    }
  }
  return out;
}

ast::with_clause builder::with(const node& n) {
  ast::with_clause w;
  for (const auto& c : n.children) {
    if (is<g::recursive_marker>(*c)) {
      w.recursive = true;
      continue;
    }
    ast::common_table t;
    for (const auto& p : c->children) {
      if (is<g::nm>(*p)) {
        t.name = identifier(*p);
      } else if (is<g::eidlist>(*p)) {
        t.columns = eidlist(*p);
      } else if (is<g::materialized>(*p)) {
        t.hint = p->children.empty() ? ast::materialization::materialized : ast::materialization::not_materialized;
      } else {
        t.query = select(*p);
      }
    }
    w.tables.push_back(std::move(t));
  }
  return w;
}

std::vector<ast::result_column> builder::result_columns(const node& n) {
  std::vector<ast::result_column> out;
  out.reserve(n.children.size());
  for (const auto& c : n.children) {
    ast::result_column r;
    if (is<g::result_star>(*c)) {
      r.what = ast::result_column::kind::star;
    } else if (is<g::result_table_star>(*c)) {
      r.what = ast::result_column::kind::table_star;
      r.table = identifier(*c->children.front());
    } else {
      r.value = expr(*c->children.front());
      if (c->children.size() > 1) {
        const node& a = *c->children.back();
        r.alias = identifier(*a.children.front());
        r.alias_as = !is<g::alias_ids>(*a.children.front());
      }
    }
    out.push_back(std::move(r));
  }
  return out;
}

ast::limit_clause builder::limit(const node& n) {
  ast::limit_clause l;
  l.count = expr(*n.children.front());
  if (n.children.size() > 1) {
    const node& o = *n.children.back();
    l.comma_form = is<g::limit_comma>(o);
    l.offset = expr(*o.children.front());
    // LIMIT a, b: a is the offset and b the count, as in SQLite.
    if (l.comma_form) std::swap(l.count, l.offset);
  }
  return l;
}

ast::from_clause builder::from(const node& n) {
  assert(is<g::seltablist>(n));
  ast::from_clause f;
  for (const auto& c : n.children) {
    if (is<g::join_op>(*c)) {
      ast::join_operator op;
      bool known = true;
      for (const auto& w : c->children) {
        if (is<g::join_comma>(*w)) {
          op.kind = ast::join_kind::comma;
        } else if (const auto word = join_word_of(*w)) {
          op.words.push_back(*word);
        } else {
          known = false;
        }
      }
      if (op.kind != ast::join_kind::comma && !classify_join(op)) known = false;
      if (!known) {
        std::string words;
        for (const auto& w : c->children) words += (words.empty() ? "" : " ") + identifier(*w).text;
        error(diag::code::E0105, *c, fmt::format("unknown join type: '{}'", words));
      }
      f.joins.push_back(std::move(op));
      continue;
    }
    ast::from_item item;
    item.where = span_of(*c);
    if (is<g::from_table>(*c)) {
      item.what = ast::from_item::kind::table;
    } else if (is<g::from_table_function>(*c)) {
      item.what = ast::from_item::kind::table_function;
    } else if (is<g::from_subquery>(*c)) {
      item.what = ast::from_item::kind::subquery;
    } else {
      item.what = ast::from_item::kind::nested;
    }
    for (const auto& p : c->children) {
      if (is<g::qualified_name>(*p)) {
        item.table = qualified(*p);
      } else if (is<g::expr_list>(*p)) {
        item.arguments = expr_list(*p);
      } else if (is<g::select_stmt>(*p)) {
        item.query = select(*p);
      } else if (is<g::seltablist>(*p)) {
        item.nested = std::make_unique<ast::from_clause>(from(*p));
      } else if (is<g::from_alias>(*p)) {
        item.alias = identifier(*p->children.front());
        item.alias_as = !is<g::ids>(*p->children.front());
      } else if (is<g::indexed_by>(*p)) {
        item.indexed = ast::indexed_kind::indexed_by;
        item.index = identifier(*p->children.front());
      } else if (is<g::not_indexed>(*p)) {
        item.indexed = ast::indexed_kind::not_indexed;
      } else if (is<g::join_on>(*p) || is<g::join_using>(*p)) {
        if (f.items.empty()) {
          error(diag::code::E0112, *p,
                fmt::format("a JOIN clause is required before {}", is<g::join_on>(*p) ? "ON" : "USING"));
        }
        if (is<g::join_on>(*p)) {
          item.on = expr(*p->children.front());
        } else {
          item.using_columns = idlist(*p->children.front());
        }
      }
    }
    f.items.push_back(std::move(item));
  }
  return f;
}

ast::select_ptr builder::select(const node& n) {
  assert(is<g::select_stmt>(n));
  auto s = std::make_unique<ast::select>();
  s->where = span_of(n);
  for (const auto& c : n.children) {
    if (is<g::with_clause>(*c)) {
      s->with = with(*c);
    } else if (is_compound_op(*c)) {
      s->ops.push_back(compound_of(*c));
    } else if (is<g::values_clause>(*c)) {
      ast::select_core core;
      core.values = true;
      core.where = span_of(*c);
      for (const auto& row : c->children) core.rows.push_back(expr_list(*row));
      s->cores.push_back(std::move(core));
    } else {
      assert(is<g::select_core>(*c));
      ast::select_core core;
      core.where = span_of(*c);
      for (const auto& p : c->children) {
        if (is<g::quantifier_distinct>(*p)) {
          core.quantifier = ast::set_quantifier::distinct;
        } else if (is<g::quantifier_all>(*p)) {
          core.quantifier = ast::set_quantifier::all;
        } else if (is<g::result_columns>(*p)) {
          core.columns = result_columns(*p);
        } else if (is<g::from_clause>(*p)) {
          core.from = from(*p->children.front());
        } else if (is<g::where_clause>(*p)) {
          core.where_clause = expr(*p->children.front());
        } else if (is<g::group_by>(*p)) {
          core.group_by = expr_list(*p);
        } else if (is<g::having_clause>(*p)) {
          core.having = expr(*p->children.front());
        } else if (is<g::window_clause>(*p)) {
          for (const auto& d : p->children) {
            core.windows.push_back({identifier(*d->children.front()), window_spec(*d->children.back())});
          }
        } else if (is<g::order_by>(*p)) {
          for (const auto& i : p->children) core.order_by.push_back(sort_item(*i));
        } else if (is<g::limit_clause>(*p)) {
          core.limit = limit(*p);
        }
      }
      s->cores.push_back(std::move(core));
    }
  }
  // Only the last simple select may carry ORDER BY or LIMIT.
  for (std::size_t i = 0; i + 1 < s->cores.size(); ++i) {
    const auto& core = s->cores[i];
    if (!core.order_by.empty() || core.limit) {
      const node* at = nullptr;
      std::size_t k = 0;
      for (const auto& c : n.children) {
        if (is<g::select_core>(*c) || is<g::values_clause>(*c)) {
          if (k++ == i) at = c;
        }
      }
      assert(at != nullptr);
      error(diag::code::E0106, *at,
            fmt::format("{} clause should come after {} not before", core.order_by.empty() ? "LIMIT" : "ORDER BY",
                        compound_name(s->ops[i])));
      break;
    }
  }
  if (s->cores.size() > max_compound_terms && !s->cores.back().values) {
    error(diag::code::E0111, n, "too many terms in compound SELECT");
  }
  return s;
}

}  // namespace migc::parse
