// Expressions: parse-tree nodes of grammar/expr.hpp to ast::expr.
#include <cassert>
#include <cstdlib>
#include <fmt/format.h>

#include "compiler/parse/builder.hpp"

namespace migc::parse {

namespace g = grammar;
using ast::expr_ptr;

namespace {

std::uint32_t height(const expr_ptr& e) { return e ? e->height : 0; }
std::uint32_t height(const std::vector<expr_ptr>& v) {
  std::uint32_t h = 0;
  for (const auto& e : v) h = std::max(h, height(e));
  return h;
}

/// The height of an expression's tallest operand (subqueries not counted).
std::uint32_t operand_height(const ast::expr& e) {
  return std::visit(
      [](const auto& n) -> std::uint32_t {
        using T = std::decay_t<decltype(n)>;
        if constexpr (std::is_same_v<T, ast::unary> || std::is_same_v<T, ast::null_test> ||
                      std::is_same_v<T, ast::collate> || std::is_same_v<T, ast::cast>) {
          return height(n.operand);
        } else if constexpr (std::is_same_v<T, ast::binary>) {
          return std::max(height(n.lhs), height(n.rhs));
        } else if constexpr (std::is_same_v<T, ast::between>) {
          return std::max({height(n.operand), height(n.low), height(n.high)});
        } else if constexpr (std::is_same_v<T, ast::like>) {
          return std::max({height(n.operand), height(n.pattern), height(n.escape)});
        } else if constexpr (std::is_same_v<T, ast::in_list>) {
          const auto* list = std::get_if<std::vector<expr_ptr>>(&n.rhs);
          return std::max(height(n.operand), list != nullptr ? height(*list) : 0U);
        } else if constexpr (std::is_same_v<T, ast::case_expr>) {
          std::uint32_t h = std::max(height(n.operand), height(n.otherwise));
          for (const auto& w : n.whens) h = std::max({h, height(w.when), height(w.then)});
          return h;
        } else if constexpr (std::is_same_v<T, ast::paren>) {
          return height(n.items);
        } else if constexpr (std::is_same_v<T, ast::function_call>) {
          return std::max(height(n.arguments), height(n.filter));
        } else if constexpr (std::is_same_v<T, ast::raise>) {
          return height(n.message);
        } else {
          return 0;
        }
      },
      e.node);
}

template <typename T>
expr_ptr make(source::span where, T&& value) {
  auto e = std::make_unique<ast::expr>();
  e->where = where;
  e->node = std::forward<T>(value);
  e->height = 1 + operand_height(*e);
  return e;
}

source::span join(source::span a, source::span b) { return {a.file, a.begin, b.end}; }

ast::binary_op binary_from(std::string_view op) {
  if (op == "||") return ast::binary_op::concat;
  if (op == "->") return ast::binary_op::ptr;
  if (op == "->>") return ast::binary_op::ptr2;
  if (op == "*") return ast::binary_op::mul;
  if (op == "/") return ast::binary_op::div;
  if (op == "%") return ast::binary_op::mod;
  if (op == "+") return ast::binary_op::add;
  if (op == "-") return ast::binary_op::sub;
  if (op == "&") return ast::binary_op::bitand_;
  if (op == "|") return ast::binary_op::bitor_;
  if (op == "<<") return ast::binary_op::lshift;
  if (op == ">>") return ast::binary_op::rshift;
  if (op == "<") return ast::binary_op::lt;
  if (op == "<=") return ast::binary_op::le;
  if (op == ">") return ast::binary_op::gt;
  if (op == ">=") return ast::binary_op::ge;
  if (op == "=") return ast::binary_op::eq;
  if (op == "==") return ast::binary_op::eq2;
  if (op == "!=") return ast::binary_op::ne;
  assert(op == "<>");
  return ast::binary_op::ne2;
}

ast::literal_kind literal_kind_of(std::string_view text) {
  if (text.empty()) return ast::literal_kind::integer;
  if (text.size() > 2 && (text[0] == '0') && (text[1] == 'x' || text[1] == 'X')) return ast::literal_kind::integer;
  for (const char c : text) {
    if (c == '.' || c == 'e' || c == 'E') return ast::literal_kind::real;
  }
  return ast::literal_kind::integer;
}

}  // namespace

std::vector<expr_ptr> builder::expr_list(const node& n) {
  std::vector<expr_ptr> out;
  out.reserve(n.children.size());
  for (const auto& c : n.children) out.push_back(expr(*c));
  return out;
}

ast::sort_item builder::sort_item(const node& n) {
  ast::sort_item item;
  assert(!n.children.empty());
  item.value = expr(*n.children.front());
  if (const node* d = child<g::sort_order>(n)) {
    item.direction =
        starts_with_keyword(text_of(*d), g::kw::asc) ? ast::sort_direction::asc : ast::sort_direction::desc;
  }
  if (const node* o = child<g::nulls_order>(n)) {
    item.nulls = has_keyword(text_of(*o), g::kw::first) ? ast::nulls_order::first : ast::nulls_order::last;
  }
  return item;
}

ast::type_name builder::type_name(const node& n) {
  ast::type_name t;
  t.where = span_of(n);
  for (const auto& c : n.children) {
    if (is<g::type_words>(*c)) {
      for (const auto& w : c->children) t.words.push_back(identifier(*w));
    } else if (is<g::signed_number>(*c)) {
      t.arguments.emplace_back(text_of(*c));
    }
  }
  return t;
}

void builder::check_frame(const ast::window_frame& f, const node& at) {
  using k = ast::frame_bound_kind;
  const k start = f.start.kind;
  const k end = f.between ? f.end.kind : k::current_row;
  if ((start == k::current_row && end == k::preceding) ||
      (start == k::following && (end == k::preceding || end == k::current_row))) {
    error(diag::code::E0113, at, "unsupported frame specification: the frame ends before it starts");
  }
}

ast::window_spec builder::window_spec(const node& n) {
  ast::window_spec w;
  for (const auto& c : n.children) {
    if (is<g::base_window>(*c)) {
      w.base = identifier(*c->children.front());
    } else if (is<g::partition_by>(*c)) {
      w.partition_by = expr_list(*c);
    } else if (is<g::order_by>(*c)) {
      for (const auto& s : c->children) w.order_by.push_back(sort_item(*s));
    } else if (is<g::frame_spec>(*c)) {
      ast::window_frame f;
      auto bound = [this](const node& b) {
        ast::frame_bound fb;
        const node& k = *b.children.front();
        if (is<g::frame_current_row>(k)) {
          fb.kind = ast::frame_bound_kind::current_row;
        } else if (is<g::frame_unbounded_preceding>(k)) {
          fb.kind = ast::frame_bound_kind::unbounded_preceding;
        } else if (is<g::frame_unbounded_following>(k)) {
          fb.kind = ast::frame_bound_kind::unbounded_following;
        } else {
          fb.offset = expr(*k.children.front());
          fb.kind = starts_with_keyword(text_of(*k.children.back()), g::kw::preceding)
                        ? ast::frame_bound_kind::preceding
                        : ast::frame_bound_kind::following;
        }
        return fb;
      };
      for (const auto& p : c->children) {
        if (is<g::frame_unit>(*p)) {
          const auto t = text_of(*p);
          f.unit = starts_with_keyword(t, g::kw::range)  ? ast::frame_unit::range
                   : starts_with_keyword(t, g::kw::rows) ? ast::frame_unit::rows
                                                         : ast::frame_unit::groups;
        } else if (is<g::frame_between>(*p)) {
          f.between = true;
          f.start = bound(*p->children[0]);
          f.end = bound(*p->children[1]);
        } else if (is<g::frame_start>(*p)) {
          f.start = bound(*p);
        } else if (is<g::frame_exclude>(*p)) {
          const auto t = text_of(*p);
          f.exclude = has_keyword(t, g::kw::others)  ? ast::frame_exclude::no_others
                      : has_keyword(t, g::kw::row)   ? ast::frame_exclude::current_row
                      : has_keyword(t, g::kw::group) ? ast::frame_exclude::group
                                                     : ast::frame_exclude::ties;
        }
      }
      check_frame(f, *c);
      w.frame = std::move(f);
    }
  }
  return w;
}

namespace {

ast::function_call function_call(builder& b, const node& n) {
  ast::function_call f;
  for (const auto& c : n.children) {
    if (is<g::function_name>(*c)) {
      f.name = b.identifier(*c);
    } else if (is<g::star_argument>(*c)) {
      f.star = true;
    } else if (is<g::distinct_all>(*c)) {
      f.quantifier = starts_with_keyword(b.text_of(*c), g::kw::distinct) ? ast::set_quantifier::distinct
                                                                         : ast::set_quantifier::all;
    } else if (is<g::expr_list>(*c)) {
      f.arguments = b.expr_list(*c);
    } else if (is<g::function_order_by>(*c)) {
      for (const auto& s : c->children) f.order_by.push_back(b.sort_item(*s));
    } else if (is<g::filter_clause>(*c)) {
      f.filter = b.expr(*c->children.front());
    } else if (is<g::over_clause>(*c)) {
      const node& w = *c->children.front();
      if (is<g::window_ref>(w)) {
        f.over_name = b.identifier(w);
      } else {
        f.over = std::make_unique<ast::window_spec>(b.window_spec(w));
      }
    }
  }
  return f;
}

}  // namespace

namespace {

// Binding strength of the flat operators (higher binds tighter).
constexpr int prec_or = 1;
constexpr int prec_and = 2;
constexpr int prec_eq = 4;
constexpr int prec_rel = 5;
constexpr int prec_bit = 6;
constexpr int prec_add = 7;
constexpr int prec_mul = 8;
constexpr int prec_concat = 9;

/// Precedence of the binary operator node `n`, or 0 if it is not one.
int binary_precedence(const node& n) {
  if (is<g::or_op>(n)) return prec_or;
  if (is<g::and_op>(n)) return prec_and;
  if (is<g::rel_op>(n)) return prec_rel;
  if (is<g::bit_op>(n)) return prec_bit;
  if (is<g::add_op>(n)) return prec_add;
  if (is<g::mul_op>(n)) return prec_mul;
  if (is<g::concat_op>(n)) return prec_concat;
  return 0;
}

bool is_eq_suffix(const node& n) {
  return is<g::null_test>(n) || is<g::is_suffix>(n) || is<g::between_suffix>(n) || is<g::in_suffix>(n) ||
         is<g::like_suffix>(n) || is<g::compare_suffix>(n);
}

}  // namespace

bool builder::too_tall(const expr_ptr& e, const node& at) {
  if (e->height <= max_expr_height) return false;
  if (!too_tall_reported_) {
    const source::span where = span_of(at);
    sink_.error(diag::code::E0103, {where.file, where.begin, where.begin + 1},
                fmt::format("expression tree is too large (maximum depth {}, as in SQLite)", max_expr_height));
    too_tall_reported_ = true;
  }
  return true;
}

expr_ptr builder::climb(const node& parent, std::size_t& pos, std::size_t end, int min) {
  assert(pos < end);
  expr_ptr lhs = expr(*parent.children[pos++]);
  // A tree taller than SQLite's limit is an error; building stops growing it
  // so that no AST is deep enough to strain recursion.
  const auto skip_rest = [&] {
    pos = end;
    return std::move(lhs);
  };
  if (too_tall(lhs, parent)) return skip_rest();
  while (pos < end && is<g::collate_suffix>(*parent.children[pos])) {
    if (too_tall(lhs, parent)) return skip_rest();
    const node& s = *parent.children[pos++];
    const source::span w = join(lhs->where, span_of(s));
    lhs = make(w, ast::collate{std::move(lhs), identifier(*s.children.front())});
  }
  while (pos < end) {
    if (too_tall(lhs, parent)) return skip_rest();
    const node& op = *parent.children[pos];
    if (is<g::collate_suffix>(op)) {
      // After a postfix term: COLLATE applies to all of it.
      ++pos;
      const source::span w = join(lhs->where, span_of(op));
      lhs = make(w, ast::collate{std::move(lhs), identifier(*op.children.front())});
      continue;
    }
    if (is_eq_suffix(op)) {
      if (prec_eq < min) break;
      ++pos;
      lhs = suffix(std::move(lhs), op);
      continue;
    }
    const int p = binary_precedence(op);
    assert(p != 0);
    if (p < min) break;
    ++pos;
    expr_ptr rhs = climb(parent, pos, end, p + 1);
    const auto kind = p == prec_or    ? ast::binary_op::logical_or
                      : p == prec_and ? ast::binary_op::logical_and
                                      : binary_from(text_of(op));
    const source::span w = join(lhs->where, rhs->where);
    lhs = make(w, ast::binary{kind, std::move(lhs), std::move(rhs)});
  }
  return lhs;
}

/// The flat expression that makes up all children of `n` from `first` on.
expr_ptr builder::flat(const node& n, std::size_t first) {
  std::size_t pos = first;
  expr_ptr e = climb(n, pos, n.children.size(), 0);
  assert(pos == n.children.size());
  (void)too_tall(e, n);
  return e;
}

expr_ptr builder::suffix(expr_ptr lhs, const node& s) {
  const source::span w = join(lhs->where, span_of(s));
  const bool negated = !s.children.empty() && is<g::not_marker>(*s.children.front());
  if (is<g::null_test>(s)) {
    const auto t = text_of(s);
    const auto k = starts_with_keyword(t, g::kw::isnull)    ? ast::null_test_kind::isnull
                   : starts_with_keyword(t, g::kw::notnull) ? ast::null_test_kind::notnull
                                                            : ast::null_test_kind::not_null;
    return make(w, ast::null_test{k, std::move(lhs)});
  }
  if (is<g::is_suffix>(s)) {
    std::size_t first = 0;
    bool distinct = false;
    while (first < s.children.size() &&
           (is<g::not_marker>(*s.children[first]) || is<g::distinct_marker>(*s.children[first]))) {
      distinct = distinct || is<g::distinct_marker>(*s.children[first]);
      ++first;
    }
    const auto op = distinct ? (negated ? ast::binary_op::is_not_distinct_from : ast::binary_op::is_distinct_from)
                             : (negated ? ast::binary_op::is_not : ast::binary_op::is);
    return make(w, ast::binary{op, std::move(lhs), flat(s, first)});
  }
  if (is<g::between_suffix>(s)) {
    const std::size_t k = negated ? 1 : 0;
    expr_ptr low = flat(*s.children[k], 0);
    return make(w, ast::between{negated, std::move(lhs), std::move(low), flat(s, k + 1)});
  }
  if (is<g::in_suffix>(s)) {
    ast::in_list in;
    in.negated = negated;
    in.operand = std::move(lhs);
    const node& r = *s.children.back();
    if (is<g::in_select>(r)) {
      in.rhs = select(*r.children.front());
    } else if (is<g::in_list>(r)) {
      in.rhs = expr_list(*r.children.front());
    } else {
      auto t = std::make_unique<ast::in_table>();
      t->table = qualified(*r.children.front());
      if (r.children.size() > 1) t->arguments = expr_list(*r.children.back());
      in.rhs = std::move(t);
    }
    return make(w, std::move(in));
  }
  if (is<g::like_suffix>(s)) {
    ast::like l;
    l.negated = negated;
    l.operand = std::move(lhs);
    std::size_t i = negated ? 1 : 0;
    const auto t = text_of(*s.children[i]);
    l.op = starts_with_keyword(t, g::kw::like)     ? ast::like_op::like
           : starts_with_keyword(t, g::kw::glob)   ? ast::like_op::glob
           : starts_with_keyword(t, g::kw::regexp) ? ast::like_op::regexp
                                                   : ast::like_op::match;
    ++i;
    std::size_t end = s.children.size();
    if (is<g::escape_clause>(*s.children.back())) {
      l.escape = flat(*s.children.back(), 0);
      --end;
    }
    l.pattern = climb(s, i, end, 0);
    return make(w, std::move(l));
  }
  assert(is<g::compare_suffix>(s));
  const auto op = binary_from(text_of(*s.children.front()));
  return make(w, ast::binary{op, std::move(lhs), flat(s, 1)});
}

expr_ptr builder::expr(const node& n) {
  const source::span where = span_of(n);
  if (is<g::expr>(n)) return flat(n, 0);
  if (is<g::literal>(n)) {
    const auto t = text_of(n);
    ast::literal_kind kind = ast::literal_kind::integer;
    const char c = t.empty() ? '\0' : t.front();
    if (c == '\'') {
      kind = ast::literal_kind::string;
    } else if ((c == 'x' || c == 'X') && t.size() > 1 && t[1] == '\'') {
      kind = ast::literal_kind::blob;
    } else if (g::is_digit(c) || c == '.') {
      kind = literal_kind_of(t);
    } else if (starts_with_keyword(t, g::kw::null)) {
      kind = ast::literal_kind::null;
    } else if (starts_with_keyword(t, g::kw::current_timestamp)) {
      kind = ast::literal_kind::current_timestamp;
    } else if (starts_with_keyword(t, g::kw::current_date)) {
      kind = ast::literal_kind::current_date;
    } else {
      kind = ast::literal_kind::current_time;
    }
    return make(where, ast::literal{kind, std::string(t)});
  }
  if (is<g::lit_parameter>(n)) {
    const auto t = text_of(n);
    if (t.size() > 1 && t[0] == '?') {
      const long v = std::strtol(std::string(t.substr(1)).c_str(), nullptr, 10);
      if (v < 1 || v > 250000 || t.size() > 8) {
        error(diag::code::E0107, n, fmt::format("variable number must be between ?1 and ?250000, found '{}'", t));
      }
    }
    return make(where, ast::parameter{std::string(t)});
  }
  if (is<g::column_ref>(n)) {
    ast::column_ref r;
    if (n.children.size() == 1) {
      r.column = identifier(*n.children[0]);
    } else if (n.children.size() == 2) {
      r.table = identifier(*n.children[0]);
      r.column = identifier(*n.children[1]);
    } else {
      r.schema = identifier(*n.children[0]);
      r.table = identifier(*n.children[1]);
      r.column = identifier(*n.children[2]);
    }
    return make(where, std::move(r));
  }
  if (is<g::function_call>(n)) {
    ast::function_call f = function_call(*this, n);
    if (f.quantifier == ast::set_quantifier::distinct && (f.over || f.over_name)) {
      error(diag::code::E0114, n, "DISTINCT is not supported for window functions");
    }
    return make(where, std::move(f));
  }
  if (is<g::cast_expr>(n)) {
    ast::cast c;
    c.operand = expr(*n.children.front());
    if (n.children.size() > 1) c.type = type_name(*n.children.back());
    return make(where, std::move(c));
  }
  if (is<g::case_expr>(n)) {
    ast::case_expr c;
    for (const auto& p : n.children) {
      if (is<g::case_operand>(*p)) {
        c.operand = expr(*p->children.front());
      } else if (is<g::case_when>(*p)) {
        c.whens.push_back({expr(*p->children[0]), expr(*p->children[1])});
      } else if (is<g::case_else>(*p)) {
        c.otherwise = expr(*p->children.front());
      }
    }
    return make(where, std::move(c));
  }
  if (is<g::exists_expr>(n)) return make(where, ast::exists{select(*n.children.front())});
  if (is<g::subquery_expr>(n)) return make(where, ast::subquery{select(*n.children.front())});
  if (is<g::paren_expr>(n)) return make(where, ast::paren{expr_list(n)});
  if (is<g::raise_expr>(n)) {
    ast::raise r;
    const node& k = *n.children.front();
    if (is<g::raise_ignore>(k)) {
      r.kind = ast::raise_kind::ignore;
    } else {
      const auto t = text_of(k);
      r.kind = starts_with_keyword(t, g::kw::rollback) ? ast::raise_kind::rollback
               : starts_with_keyword(t, g::kw::abort)  ? ast::raise_kind::abort
                                                       : ast::raise_kind::fail;
      const node& m = *n.children[1];
      const auto msg = text_of(m);
      r.message = make(span_of(m), ast::literal{!msg.empty() && msg.front() == '\'' ? ast::literal_kind::string
                                                                                    : ast::literal_kind::identifier,
                                                std::string(msg)});
    }
    return make(where, std::move(r));
  }
  if (is<g::unary_expr>(n)) {
    const auto op = text_of(*n.children.front());
    const auto kind = op == "-" ? ast::unary_op::negate : op == "+" ? ast::unary_op::plus : ast::unary_op::bitnot;
    return make(where, ast::unary{kind, expr(*n.children.back())});
  }
  if (is<g::not_expr>(n)) return make(where, ast::unary{ast::unary_op::logical_not, flat(n, 0)});
  assert(false && "unhandled expression node");
  return make(where, ast::literal{ast::literal_kind::null, "NULL"});
}

}  // namespace migc::parse
