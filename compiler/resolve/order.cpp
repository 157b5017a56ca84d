// The order in which views and CREATE TABLE ... AS SELECT are resolved:
// each after the ones its query names, found by a plain syntactic scan
// (CTE names may add edges that are not real; they only change the order).
// Resolving in this order keeps view()'s on-demand recursion shallow even
// for long chains of views, which would otherwise exhaust the stack.
#include "compiler/ast/names.hpp"
#include "compiler/backend/sql/print_internal.hpp"
#include "compiler/resolve/resolver.hpp"

namespace migc::resolve::detail {

namespace {

using ast::overloaded;

void scan_select(const ast::select& s, std::vector<std::string>& out);

void scan_expr(const ast::expr* e, std::vector<std::string>& out) {
  if (e == nullptr) return;
  auto sub = [&](const ast::expr_ptr& x) { scan_expr(x.get(), out); };
  std::visit(overloaded{
                 [](const ast::literal&) {},
                 [](const ast::parameter&) {},
                 [](const ast::column_ref&) {},
                 [](const ast::raise&) {},
                 [&](const ast::unary& u) { sub(u.operand); },
                 [&](const ast::binary& b) {
                   sub(b.lhs);
                   sub(b.rhs);
                 },
                 [&](const ast::null_test& n) { sub(n.operand); },
                 [&](const ast::between& b) {
                   sub(b.operand);
                   sub(b.low);
                   sub(b.high);
                 },
                 [&](const ast::in_list& in) {
                   sub(in.operand);
                   if (const auto* list = std::get_if<std::vector<ast::expr_ptr>>(&in.rhs)) {
                     for (const ast::expr_ptr& x : *list) sub(x);
                   } else if (const auto* q = std::get_if<ast::select_ptr>(&in.rhs)) {
                     if (*q) scan_select(**q, out);
                   } else if (const auto* t = std::get_if<std::unique_ptr<ast::in_table>>(&in.rhs)) {
                     if (*t) out.push_back((*t)->table.name.key);
                   }
                 },
                 [&](const ast::like& l) {
                   sub(l.operand);
                   sub(l.pattern);
                   sub(l.escape);
                 },
                 [&](const ast::collate& c) { sub(c.operand); },
                 [&](const ast::cast& c) { sub(c.operand); },
                 [&](const ast::case_expr& c) {
                   sub(c.operand);
                   for (const ast::case_when& w : c.whens) {
                     sub(w.when);
                     sub(w.then);
                   }
                   sub(c.otherwise);
                 },
                 [&](const ast::exists& x) {
                   if (x.query) scan_select(*x.query, out);
                 },
                 [&](const ast::subquery& x) {
                   if (x.query) scan_select(*x.query, out);
                 },
                 [&](const ast::paren& p) {
                   for (const ast::expr_ptr& x : p.items) sub(x);
                 },
                 [&](const ast::function_call& f) {
                   for (const ast::expr_ptr& x : f.arguments) sub(x);
                   sub(f.filter);
                 },
             },
             e->node);
}

void scan_from(const ast::from_clause& from, std::vector<std::string>& out) {
  for (const ast::from_item& item : from.items) {
    if (item.query) scan_select(*item.query, out);
    if (item.nested) scan_from(*item.nested, out);
    if (item.what == ast::from_item::kind::table) out.push_back(item.table.name.key);
    scan_expr(item.on.get(), out);
  }
}

void scan_select(const ast::select& s, std::vector<std::string>& out) {
  if (s.with) {
    for (const ast::common_table& t : s.with->tables) {
      if (t.query) scan_select(*t.query, out);
    }
  }
  for (const ast::select_core& core : s.cores) {
    for (const ast::result_column& rc : core.columns) scan_expr(rc.value.get(), out);
    if (core.from) scan_from(*core.from, out);
    scan_expr(core.where_clause.get(), out);
    scan_expr(core.having.get(), out);
  }
}

const ast::select* query_of(const object& o) {
  if (const auto* v = std::get_if<ast::create_view>(&o.statement->node)) return v->query.get();
  if (const auto* t = std::get_if<ast::create_table>(&o.statement->node)) return t->as_select.get();
  return nullptr;
}

}  // namespace

std::vector<std::uint32_t> query_order(const catalog::catalog& cat) {
  const auto count = static_cast<std::uint32_t>(cat.objects().size());
  // Edges: each query object to the query objects it names.
  std::vector<std::vector<std::uint32_t>> needs(count);
  std::vector<std::string> names;
  for (const object& o : cat.objects()) {
    const ast::select* q = query_of(o);
    if (q == nullptr) continue;
    names.clear();
    scan_select(*q, names);
    for (const std::string& n : names) {
      const object* target = cat.find_relation(n);
      if (target != nullptr && target->position != o.position && query_of(*target) != nullptr) {
        needs[o.position].push_back(target->position);
      }
    }
  }
  // Iterative depth-first post-order.
  std::vector<std::uint32_t> order;
  std::vector<std::uint8_t> seen(count, 0);
  std::vector<std::pair<std::uint32_t, std::size_t>> stack;
  for (const object& o : cat.objects()) {
    if (seen[o.position] != 0 || query_of(o) == nullptr) continue;
    stack.emplace_back(o.position, 0);
    seen[o.position] = 1;
    while (!stack.empty()) {
      auto& [node, edge] = stack.back();
      if (edge < needs[node].size()) {
        std::uint32_t next = needs[node][edge++];
        if (seen[next] == 0) {
          seen[next] = 1;
          stack.emplace_back(next, 0);
        }
        continue;
      }
      order.push_back(node);
      stack.pop_back();
    }
  }
  return order;
}

}  // namespace migc::resolve::detail
