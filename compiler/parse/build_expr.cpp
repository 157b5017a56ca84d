// Expressions: parse-tree nodes of grammar/expr.hpp to ast::expr.
#include <array>
#include <cassert>
#include <cstdlib>
#include <fmt/format.h>
#include <optional>
#include <utility>

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

/// INTEGER or FLOAT: which of the two a numeric token is, by its spelling.
ast::literal_kind number_kind_of(std::string_view text) {
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

namespace {

ast::function_call function_call(builder& b, const node& n) {
  ast::function_call f;
  for (const auto& c : n.children) {
    if (is<g::function_name>(*c)) {
      f.name = b.identifier(*c);
    } else if (is<g::star_argument>(*c)) {
      f.star = true;
    } else if (is<g::quantifier_distinct>(*c)) {
      f.quantifier = ast::set_quantifier::distinct;
    } else if (is<g::quantifier_all>(*c)) {
      f.quantifier = ast::set_quantifier::all;
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

struct binary_info {
  int precedence;  // 0: not a binary operator
  ast::binary_op op;
};

template <typename Rule>
constexpr std::pair<const void*, binary_info> binop(int precedence, ast::binary_op op) {
  return {&rule_tag_v<Rule>, {precedence, op}};
}

/// The binary operator rules of grammar/expr.hpp, most frequent first.
constexpr std::array binary_operators = {
    binop<g::and_op>(prec_and, ast::binary_op::logical_and),
    binop<g::or_op>(prec_or, ast::binary_op::logical_or),
    binop<g::binop_eq>(prec_eq, ast::binary_op::eq),
    binop<g::binop_concat>(prec_concat, ast::binary_op::concat),
    binop<g::binop_add>(prec_add, ast::binary_op::add),
    binop<g::binop_sub>(prec_add, ast::binary_op::sub),
    binop<g::binop_mul>(prec_mul, ast::binary_op::mul),
    binop<g::binop_div>(prec_mul, ast::binary_op::div),
    binop<g::binop_lt>(prec_rel, ast::binary_op::lt),
    binop<g::binop_le>(prec_rel, ast::binary_op::le),
    binop<g::binop_gt>(prec_rel, ast::binary_op::gt),
    binop<g::binop_ge>(prec_rel, ast::binary_op::ge),
    binop<g::binop_ne>(prec_eq, ast::binary_op::ne),
    binop<g::binop_ne2>(prec_eq, ast::binary_op::ne2),
    binop<g::binop_eq2>(prec_eq, ast::binary_op::eq2),
    binop<g::binop_mod>(prec_mul, ast::binary_op::mod),
    binop<g::binop_bitand>(prec_bit, ast::binary_op::bitand_),
    binop<g::binop_bitor>(prec_bit, ast::binary_op::bitor_),
    binop<g::binop_lshift>(prec_bit, ast::binary_op::lshift),
    binop<g::binop_rshift>(prec_bit, ast::binary_op::rshift),
    binop<g::binop_ptr>(prec_concat, ast::binary_op::ptr),
    binop<g::binop_ptr2>(prec_concat, ast::binary_op::ptr2),
};

/// Precedence and operator of the binary operator node `n` (the operators
/// of compare_suffix included); precedence 0 if it is none.
binary_info binary_of(const node& n) {
  for (const auto& [tag, info] : binary_operators) {
    if (n.tag == tag) return info;
  }
  return {0, ast::binary_op::eq};
}

bool is_null_test(const node& n) {
  return is<g::null_test_isnull>(n) || is<g::null_test_notnull>(n) || is<g::null_test_not_null>(n);
}

bool is_eq_suffix(const node& n) {
  return is_null_test(n) || is<g::is_suffix>(n) || is<g::between_suffix>(n) || is<g::in_suffix>(n) ||
         is<g::like_suffix>(n) || is<g::compare_suffix>(n);
}

ast::like_op like_op_of(const node& n) {
  if (is<g::like_like>(n)) return ast::like_op::like;
  if (is<g::like_glob>(n)) return ast::like_op::glob;
  if (is<g::like_regexp>(n)) return ast::like_op::regexp;
  assert(is<g::like_match>(n));
  return ast::like_op::match;
}

/// The kind of a literal node; nullopt if `n` is no literal.
std::optional<ast::literal_kind> literal_kind_of(const node& n, std::string_view text) {
  if (is<g::literal_number>(n)) return number_kind_of(text);
  if (is<g::literal_string>(n)) return ast::literal_kind::string;
  if (is<g::literal_null>(n)) return ast::literal_kind::null;
  if (is<g::literal_blob>(n)) return ast::literal_kind::blob;
  if (is<g::literal_current_timestamp>(n)) return ast::literal_kind::current_timestamp;
  if (is<g::literal_current_date>(n)) return ast::literal_kind::current_date;
  if (is<g::literal_current_time>(n)) return ast::literal_kind::current_time;
  return std::nullopt;
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
    const binary_info b = binary_of(op);
    assert(b.precedence != 0);
    if (b.precedence < min) break;
    ++pos;
    expr_ptr rhs = climb(parent, pos, end, b.precedence + 1);
    const source::span w = join(lhs->where, rhs->where);
    lhs = make(w, ast::binary{b.op, std::move(lhs), std::move(rhs)});
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
  if (is_null_test(s)) {
    const auto k = is<g::null_test_isnull>(s)    ? ast::null_test_kind::isnull
                   : is<g::null_test_notnull>(s) ? ast::null_test_kind::notnull
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
    l.op = like_op_of(*s.children[i]);
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
  const binary_info b = binary_of(*s.children.front());
  assert(b.precedence == prec_eq);
  return make(w, ast::binary{b.op, std::move(lhs), flat(s, 1)});
}

expr_ptr builder::expr(const node& n) {
  const source::span where = span_of(n);
  if (is<g::expr>(n)) return flat(n, 0);
  if (const auto kind = literal_kind_of(n, text_of(n))) {
    return make(where, ast::literal{*kind, std::string(text_of(n))});
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
      r.kind = is<g::raise_rollback>(k) ? ast::raise_kind::rollback
               : is<g::raise_abort>(k)  ? ast::raise_kind::abort
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
    const node& op = *n.children.front();
    const auto kind = is<g::unary_minus>(op)  ? ast::unary_op::negate
                      : is<g::unary_plus>(op) ? ast::unary_op::plus
                                              : ast::unary_op::bitnot;
    return make(where, ast::unary{kind, expr(*n.children.back())});
  }
  if (is<g::not_expr>(n)) return make(where, ast::unary{ast::unary_op::logical_not, flat(n, 0)});
  assert(false && "unhandled expression node");
  return make(where, ast::literal{ast::literal_kind::null, "NULL"});
}

}  // namespace migc::parse
