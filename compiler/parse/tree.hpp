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
  [[nodiscard]] std::size_t size() const noexcept { return entries_.size(); }
  void truncate(std::size_t n) noexcept {
    if (n < entries_.size()) entries_.resize(n);
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

/// PEGTL's input marker, extended to the tree: when the grammar rewinds the
/// input after a failed attempt, the nodes recorded during that attempt go
/// too, even when the attempt's own rule was not a selected one.
template <typename Iterator, pegtl::rewind_mode M>
class [[nodiscard]] tree_marker {
 public:
  static constexpr pegtl::rewind_mode next_rewind_mode = M;
  tree_marker(const Iterator& /*unused*/, tree& /*unused*/) noexcept {}
  tree_marker(const tree_marker&) = delete;
  tree_marker& operator=(const tree_marker&) = delete;
  ~tree_marker() = default;
  [[nodiscard]] bool operator()(bool result) const noexcept { return result; }
};

template <typename Iterator>
class [[nodiscard]] tree_marker<Iterator, pegtl::rewind_mode::required> {
 public:
  static constexpr pegtl::rewind_mode next_rewind_mode = pegtl::rewind_mode::active;
  tree_marker(Iterator& i, tree& t) noexcept : saved_(i), input_(&i), tree_(&t), size_(t.size()) {}
  tree_marker(const tree_marker&) = delete;
  tree_marker& operator=(const tree_marker&) = delete;
  ~tree_marker() {
    if (input_ != nullptr) {
      *input_ = saved_;
      tree_->truncate(size_);
    }
  }
  [[nodiscard]] bool operator()(bool result) noexcept {
    if (result) {
      input_ = nullptr;
      return true;
    }
    return false;
  }
  [[nodiscard]] const Iterator& iterator() const noexcept { return saved_; }

 private:
  const Iterator saved_;
  Iterator* input_;
  tree* tree_;
  std::size_t size_;
};

/// The input the grammar runs on: SQL text in memory, positions decoded
/// only when printed, and rewinding that keeps the tree in step.
class tree_input : public pegtl::memory_input<pegtl::tracking_mode::lazy, pegtl::eol::lf_crlf, const char*> {
 public:
  tree_input(const char* begin, const char* end, tree& t) noexcept : memory_input(begin, end, ""), tree_(&t) {}

  template <pegtl::rewind_mode M>
  [[nodiscard]] tree_marker<iterator_t, M> mark() noexcept {
    return tree_marker<iterator_t, M>(iterator(), *tree_);
  }

 private:
  tree* tree_;
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
