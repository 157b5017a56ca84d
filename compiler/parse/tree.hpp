// Internal to compiler/parse: the parse tree of one statement.
//
// PEGTL's parse_tree allocates a node for every attempt of every rule whose
// subtree holds a selected rule, and the grammar backtracks a lot; that
// dominated parsing time. Here a PEGTL control records only the grammar's
// node_tag rules, in completion order, into one vector: a failed attempt
// truncates the vector, unselected rules cost nothing. After a successful
// parse the flat record becomes a tree whose child lists are spans into one
// array.
#pragma once

#include <cstdint>
#include <span>
#include <string_view>
#include <tao/pegtl.hpp>
#include <type_traits>
#include <vector>

#include "grammar/names.hpp"

namespace migc::parse {

namespace pegtl = tao::pegtl;

/// Identity of a grammar rule: the address of a per-type variable.
template <typename Rule>
inline constexpr char rule_tag_v = 0;

struct node {
  const void* tag = nullptr;
  const char* begin = nullptr;  // where the rule started (before separators)
  const char* end = nullptr;    // just past its last token
  std::span<const node* const> children;

  template <typename R>
  [[nodiscard]] bool is_type() const noexcept {
    return tag == &rule_tag_v<R>;
  }
};

/// The flat record built while parsing, and the tree made from it.
class tree {
 public:
  struct entry {
    const void* tag;
    const char* begin;
    const char* end;
    std::uint32_t descendants;
  };

  void clear() noexcept {
    entries_.clear();
    marks_.clear();
  }
  void mark(const char* at) { marks_.push_back({static_cast<std::uint32_t>(entries_.size()), at}); }
  void commit(const void* tag, const char* end) {
    const mark_t m = marks_.back();
    marks_.pop_back();
    entries_.push_back({tag, m.begin, end, static_cast<std::uint32_t>(entries_.size() - m.size)});
  }
  void rollback() {
    entries_.resize(marks_.back().size);
    marks_.pop_back();
  }

  /// Builds the nodes; returns the top-level nodes in source order. Valid
  /// until the next clear().
  std::span<const node* const> build();

 private:
  struct mark_t {
    std::uint32_t size;
    const char* begin;
  };
  std::vector<entry> entries_;
  std::vector<mark_t> marks_;
  std::vector<node> nodes_;
  std::vector<const node*> links_;
};

/// PEGTL control: records node_tag rules into the tree passed as state;
/// every other rule runs without any bookkeeping.
template <typename Rule>
struct tree_control : pegtl::normal<Rule> {
  static constexpr bool selected = std::is_base_of_v<grammar::node_tag, Rule>;
  static constexpr bool enable = selected;

  template <typename ParseInput>
  static void start(const ParseInput& in, tree& t) {
    t.mark(in.current());
  }
  template <typename ParseInput>
  static void success(const ParseInput& in, tree& t) {
    t.commit(&rule_tag_v<Rule>, in.current());
  }
  template <typename ParseInput>
  static void failure(const ParseInput& /*unused*/, tree& t) {
    t.rollback();
  }
  template <typename ParseInput>
  static void unwind(const ParseInput& /*unused*/, tree& t) {
    t.rollback();
  }
};

}  // namespace migc::parse
