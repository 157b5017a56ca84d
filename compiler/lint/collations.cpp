// W0811 unknown_collation: COLLATE names other than SQLite's built-in
// BINARY, NOCASE and RTRIM, wherever an object's statement writes one:
// column definitions, key lists, index columns, and expressions in CHECKs,
// defaults, generated columns, views and triggers.
#include <fmt/format.h>

#include "compiler/lint/lint_internal.hpp"

namespace migc::lint::detail {

namespace {

// Walks every expression, query and statement below an object's statement
// and reports each unknown collation name it meets.
class collation_walker {
 public:
  collation_walker(const context& ctx, const catalog::object& o) : ctx_(ctx), object_(o) {}

  void statement(const ast::statement& s) {
    std::visit([this](const auto& node) { this->visit(node); }, s.node);
  }

 private:
  void name(const ast::identifier& collation) {
    const std::string& k = collation.key;
    if (k == "binary" || k == "nocase" || k == "rtrim") return;
    ctx_.sink.emit(diag::code::unknown_collation, collation.where,
                   fmt::format("collation '{}' in {} '{}' is not built into SQLite; the application must register "
                               "it before using the schema, or SQLite fails with 'no such collation sequence'",
                               collation.text, catalog::kind_name(object_.kind), object_.name));
  }

  // -- expressions --------------------------------------------------------------
  void expr(const ast::expr_ptr& e) {
    if (e) std::visit([this](const auto& node) { this->visit(node); }, e->node);
  }
  void exprs(const std::vector<ast::expr_ptr>& es) {
    for (const ast::expr_ptr& e : es) expr(e);
  }
  void sort_items(const std::vector<ast::sort_item>& items) {
    for (const ast::sort_item& item : items) expr(item.value);
  }

  static void visit(const ast::literal&) {}
  static void visit(const ast::parameter&) {}
  static void visit(const ast::column_ref&) {}
  void visit(const ast::unary& u) { expr(u.operand); }
  void visit(const ast::binary& b) {
    expr(b.lhs);
    expr(b.rhs);
  }
  void visit(const ast::null_test& n) { expr(n.operand); }
  void visit(const ast::between& b) {
    expr(b.operand);
    expr(b.low);
    expr(b.high);
  }
  void visit(const ast::in_list& in) {
    expr(in.operand);
    if (const auto* list = std::get_if<std::vector<ast::expr_ptr>>(&in.rhs)) exprs(*list);
    if (const auto* q = std::get_if<ast::select_ptr>(&in.rhs)) query(*q);
    if (const auto* t = std::get_if<std::unique_ptr<ast::in_table>>(&in.rhs); t != nullptr && *t && (*t)->arguments) {
      exprs(*(*t)->arguments);
    }
  }
  void visit(const ast::like& l) {
    expr(l.operand);
    expr(l.pattern);
    expr(l.escape);
  }
  void visit(const ast::collate& c) {
    expr(c.operand);
    name(c.collation);
  }
  void visit(const ast::cast& c) { expr(c.operand); }
  void visit(const ast::case_expr& c) {
    expr(c.operand);
    for (const ast::case_when& w : c.whens) {
      expr(w.when);
      expr(w.then);
    }
    expr(c.otherwise);
  }
  void visit(const ast::exists& e) { query(e.query); }
  void visit(const ast::subquery& s) { query(s.query); }
  void visit(const ast::paren& p) { exprs(p.items); }
  void visit(const ast::function_call& f) {
    exprs(f.arguments);
    sort_items(f.order_by);
    expr(f.filter);
    if (f.over) window(*f.over);
  }
  void visit(const ast::raise& r) { expr(r.message); }

  void window(const ast::window_spec& w) {
    exprs(w.partition_by);
    sort_items(w.order_by);
    if (w.frame) {
      expr(w.frame->start.offset);
      expr(w.frame->end.offset);
    }
  }

  // -- queries --------------------------------------------------------------------
  void query(const ast::select_ptr& s) {
    if (!s) return;
    with(s->with);
    for (const ast::select_core& core : s->cores) {
      for (const std::vector<ast::expr_ptr>& row : core.rows) exprs(row);
      returning(core.columns);
      if (core.from) from(*core.from);
      expr(core.where_clause);
      exprs(core.group_by);
      expr(core.having);
      for (const ast::window_definition& w : core.windows) window(w.spec);
      sort_items(core.order_by);
      limit(core.limit);
    }
  }
  void with(const std::optional<ast::with_clause>& w) {
    if (!w) return;
    for (const ast::common_table& cte : w->tables) query(cte.query);
  }
  void from(const ast::from_clause& f) {
    for (const ast::from_item& item : f.items) {
      exprs(item.arguments);
      query(item.query);
      if (item.nested) from(*item.nested);
      expr(item.on);
    }
  }
  void returning(const std::vector<ast::result_column>& columns) {
    for (const ast::result_column& rc : columns) expr(rc.value);
  }
  void returning(const std::optional<std::vector<ast::result_column>>& columns) {
    if (columns) returning(*columns);
  }
  void limit(const std::optional<ast::limit_clause>& l) {
    if (!l) return;
    expr(l->count);
    expr(l->offset);
  }
  void set(const std::vector<ast::set_clause>& clauses) {
    for (const ast::set_clause& s : clauses) expr(s.value);
  }

  // -- statements -----------------------------------------------------------------
  void visit(const ast::create_table& t) {
    for (const ast::column_definition& def : t.columns) {
      for (const ast::column_constraint& cc : def.constraints) {
        if (cc.collation) name(*cc.collation);
        expr(cc.expression);
        if (cc.default_) expr(cc.default_->value);
      }
    }
    for (const ast::table_constraint& tc : t.constraints) {
      sort_items(tc.columns);
      expr(tc.check);
    }
    query(t.as_select);
  }
  void visit(const ast::create_index& i) {
    sort_items(i.columns);
    expr(i.where_clause);
  }
  void visit(const ast::create_view& v) { query(v.query); }
  void visit(const ast::create_trigger& t) {
    expr(t.when);
    for (const ast::statement& s : t.body) statement(s);
  }
  void visit(const ast::insert& s) {
    with(s.with);
    query(s.source);
    for (const ast::upsert_clause& u : s.upserts) {
      sort_items(u.target);
      expr(u.target_where);
      set(u.set);
      expr(u.where_clause);
    }
    returning(s.returning);
  }
  void visit(const ast::update& s) {
    with(s.with);
    set(s.set);
    if (s.from) from(*s.from);
    expr(s.where_clause);
    returning(s.returning);
    sort_items(s.order_by);
    limit(s.limit);
  }
  void visit(const ast::delete_& s) {
    with(s.with);
    expr(s.where_clause);
    returning(s.returning);
    sort_items(s.order_by);
    limit(s.limit);
  }
  void visit(const ast::select_statement& s) { query(s.query); }
  // Statements that hold no collation, or define no object.
  template <typename Other>
  void visit(const Other&) {}

  const context& ctx_;
  const catalog::object& object_;
};

}  // namespace

void check_collations(const context& ctx) {
  for (const catalog::object& o : ctx.cat.objects()) {
    if (o.statement != nullptr) collation_walker(ctx, o).statement(*o.statement);
  }
}

}  // namespace migc::lint::detail
