// ORDER BY items and window specifications (partition, order, frame),
// which expressions, SELECT and CREATE INDEX share: parse-tree nodes of
// grammar/select.hpp to the AST, with the frame check SQLite makes in
// sqlite3WindowAlloc().
#include <cassert>

#include "compiler/parse/builder.hpp"

namespace migc::parse {

namespace g = grammar;

ast::sort_item builder::sort_item(const node& n) {
  ast::sort_item item;
  assert(!n.children.empty());
  item.value = expr(*n.children.front());
  for (const node* c : n.children.subspan(1)) {
    if (is<g::sort_asc>(*c)) item.direction = ast::sort_direction::asc;
    if (is<g::sort_desc>(*c)) item.direction = ast::sort_direction::desc;
    if (is<g::nulls_first>(*c)) item.nulls = ast::nulls_order::first;
    if (is<g::nulls_last>(*c)) item.nulls = ast::nulls_order::last;
  }
  return item;
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
          fb.kind = is<g::frame_preceding>(*k.children.back()) ? ast::frame_bound_kind::preceding
                                                               : ast::frame_bound_kind::following;
        }
        return fb;
      };
      for (const auto& p : c->children) {
        if (is<g::frame_range>(*p)) {
          f.unit = ast::frame_unit::range;
        } else if (is<g::frame_rows>(*p)) {
          f.unit = ast::frame_unit::rows;
        } else if (is<g::frame_groups>(*p)) {
          f.unit = ast::frame_unit::groups;
        } else if (is<g::frame_between>(*p)) {
          f.between = true;
          f.start = bound(*p->children[0]);
          f.end = bound(*p->children[1]);
        } else if (is<g::frame_start>(*p)) {
          f.start = bound(*p);
        } else if (is<g::exclude_no_others>(*p)) {
          f.exclude = ast::frame_exclude::no_others;
        } else if (is<g::exclude_current_row>(*p)) {
          f.exclude = ast::frame_exclude::current_row;
        } else if (is<g::exclude_group>(*p)) {
          f.exclude = ast::frame_exclude::group;
        } else if (is<g::exclude_ties>(*p)) {
          f.exclude = ast::frame_exclude::ties;
        }
      }
      check_frame(f, *c);
      w.frame = std::move(f);
    }
  }
  return w;
}

}  // namespace migc::parse
