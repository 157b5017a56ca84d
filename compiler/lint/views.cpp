// W0810 view_select_star: a view whose result columns include `*` or `t.*`
// that expands a table or view. Stars are followed into the common table
// expressions and FROM subqueries whose columns reach the view's result;
// each star is reported where it names the table it expands.
#include <algorithm>
#include <fmt/format.h>

#include "compiler/lint/lint_internal.hpp"

namespace migc::lint::detail {

namespace {

using catalog::object;

class star_finder {
 public:
  star_finder(const context& ctx, const object& view) : ctx_(ctx), view_(view) {}

  // The result columns of every core of `s` (its WITH in scope).
  void query(const ast::select& s) {
    if (std::find(active_.begin(), active_.end(), &s) != active_.end()) return;  // a recursive CTE
    active_.push_back(&s);
    if (s.with) scopes_.push_back(&*s.with);
    for (const ast::select_core& core : s.cores) result_columns(core);
    if (s.with) scopes_.pop_back();
    active_.pop_back();
  }

 private:
  void result_columns(const ast::select_core& core) {
    if (!core.from) return;
    std::vector<const ast::from_item*> items;
    flatten(*core.from, items);
    for (const ast::result_column& rc : core.columns) {
      if (rc.what == ast::result_column::kind::star) {
        for (const ast::from_item* item : items) expand(*item, nullptr);
      } else if (rc.what == ast::result_column::kind::table_star && rc.table) {
        for (const ast::from_item* item : items) {
          if (names(*item, rc.table->key)) expand(*item, &*rc.table);
        }
      }
    }
  }

  static void flatten(const ast::from_clause& from, std::vector<const ast::from_item*>& out) {
    for (const ast::from_item& item : from.items) {
      if (item.what == ast::from_item::kind::nested && item.nested) {
        flatten(*item.nested, out);
      } else {
        out.push_back(&item);
      }
    }
  }

  // Whether `t` in `t.*` refers to `item`.
  static bool names(const ast::from_item& item, const std::string& key) {
    if (item.alias) return item.alias->key == key;
    return item.what == ast::from_item::kind::table && item.table.name.key == key;
  }

  const ast::common_table* find_cte(const ast::qualified_name& name) const {
    if (name.schema) return nullptr;
    for (auto scope = scopes_.rbegin(); scope != scopes_.rend(); ++scope) {
      for (const ast::common_table& cte : (*scope)->tables) {
        if (cte.name.key == name.name.key) return &cte;
      }
    }
    return nullptr;
  }

  // A star over `item`; `qualifier` is the `t` of `t.*`, or nullptr.
  void expand(const ast::from_item& item, const ast::identifier* qualifier) {
    if (item.what == ast::from_item::kind::subquery && item.query) {
      query(*item.query);
      return;
    }
    if (item.what != ast::from_item::kind::table) return;
    if (const ast::common_table* cte = find_cte(item.table)) {
      if (cte->query) query(*cte->query);
      return;
    }
    const object* relation = ctx_.cat.find_relation(item.table.name.key);
    if (relation == nullptr) return;
    source::span at = qualifier != nullptr ? qualifier->where : item.table.name.where;
    if (std::find(reported_.begin(), reported_.end(), at) != reported_.end()) return;
    reported_.push_back(at);
    std::string star = qualifier != nullptr ? qualifier->text + ".*" : "*";
    ctx_.sink.emit(diag::code::view_select_star, at,
                   fmt::format("view '{}' selects {} from {} '{}'; its columns change whenever those of '{}' do",
                               view_.name, star, catalog::kind_name(relation->kind), relation->name, relation->name));
  }

  const context& ctx_;
  const object& view_;
  std::vector<const ast::with_clause*> scopes_;
  std::vector<const ast::select*> active_;
  std::vector<source::span> reported_;
};

}  // namespace

void check_views(const context& ctx) {
  for (const object& o : ctx.cat.objects()) {
    if (o.kind != catalog::object_kind::view || o.statement == nullptr) continue;
    const auto* view = std::get_if<ast::create_view>(&o.statement->node);
    if (view == nullptr || !view->query) continue;
    star_finder(ctx, o).query(*view->query);
  }
}

}  // namespace migc::lint::detail
