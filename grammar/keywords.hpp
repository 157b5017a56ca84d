// SQLite's keyword table, as its tokenizer (tokenize.c, mkkeywordhash.c)
// knows it, with the class each keyword has in the parser (parse.y):
//   reserved    never an identifier unless quoted
//   fallback    listed in parse.y's `%fallback ID`: an identifier wherever
//               the keyword itself cannot be shifted
//   join        JOIN_KW (NATURAL LEFT ...): a name (`nm`), never a bare `id`
//   indexed     INDEXED: part of the `id` token class
//   contextual  WINDOW, OVER, FILTER: the tokenizer emits them as plain
//               identifiers unless the neighbouring tokens make them keywords
#pragma once

#include <array>
#include <cstddef>
#include <cstdint>
#include <string_view>

namespace migc::grammar {

// Alphabetical: lookup_keyword() relies on the order.
#define MIGC_KEYWORDS(X)         \
  X(abort, fallback)             \
  X(action, fallback)            \
  X(add, reserved)               \
  X(after, fallback)             \
  X(all, reserved)               \
  X(alter, reserved)             \
  X(always, fallback)            \
  X(analyze, fallback)           \
  X(and_, reserved)              \
  X(as, reserved)                \
  X(asc, fallback)               \
  X(attach, fallback)            \
  X(autoincrement, reserved)     \
  X(before, fallback)            \
  X(begin, fallback)             \
  X(between, reserved)           \
  X(by, fallback)                \
  X(cascade, fallback)           \
  X(case_, reserved)             \
  X(cast, fallback)              \
  X(check, reserved)             \
  X(collate, reserved)           \
  X(column, fallback)            \
  X(commit, reserved)            \
  X(conflict, fallback)          \
  X(constraint, reserved)        \
  X(create, reserved)            \
  X(cross, join)                 \
  X(current, fallback)           \
  X(current_date, fallback)      \
  X(current_time, fallback)      \
  X(current_timestamp, fallback) \
  X(database, fallback)          \
  X(default_, reserved)          \
  X(deferrable, reserved)        \
  X(deferred, fallback)          \
  X(delete_, reserved)           \
  X(desc, fallback)              \
  X(detach, fallback)            \
  X(distinct, reserved)          \
  X(do_, fallback)               \
  X(drop, reserved)              \
  X(each, fallback)              \
  X(else_, reserved)             \
  X(end, fallback)               \
  X(escape, reserved)            \
  X(except, reserved)            \
  X(exclude, fallback)           \
  X(exclusive, fallback)         \
  X(exists, reserved)            \
  X(explain, fallback)           \
  X(fail, fallback)              \
  X(filter, contextual)          \
  X(first, fallback)             \
  X(following, fallback)         \
  X(for_, fallback)              \
  X(foreign, reserved)           \
  X(from, reserved)              \
  X(full, join)                  \
  X(generated, fallback)         \
  X(glob, fallback)              \
  X(group, reserved)             \
  X(groups, fallback)            \
  X(having, reserved)            \
  X(if_, fallback)               \
  X(ignore, fallback)            \
  X(immediate, fallback)         \
  X(in, reserved)                \
  X(index, reserved)             \
  X(indexed, indexed)            \
  X(initially, fallback)         \
  X(inner, join)                 \
  X(insert, reserved)            \
  X(instead, fallback)           \
  X(intersect, reserved)         \
  X(into, reserved)              \
  X(is, reserved)                \
  X(isnull, reserved)            \
  X(join, reserved)              \
  X(key, fallback)               \
  X(last, fallback)              \
  X(left, join)                  \
  X(like, fallback)              \
  X(limit, reserved)             \
  X(match, fallback)             \
  X(materialized, fallback)      \
  X(natural, join)               \
  X(no, fallback)                \
  X(not_, reserved)              \
  X(nothing, reserved)           \
  X(notnull, reserved)           \
  X(null, reserved)              \
  X(nulls, fallback)             \
  X(of, fallback)                \
  X(offset, fallback)            \
  X(on, reserved)                \
  X(or_, reserved)               \
  X(order, reserved)             \
  X(others, fallback)            \
  X(outer, join)                 \
  X(over, contextual)            \
  X(partition, fallback)         \
  X(plan, fallback)              \
  X(pragma, fallback)            \
  X(preceding, fallback)         \
  X(primary, reserved)           \
  X(query, fallback)             \
  X(raise, fallback)             \
  X(range, fallback)             \
  X(recursive, fallback)         \
  X(references, reserved)        \
  X(regexp, fallback)            \
  X(reindex, fallback)           \
  X(release, fallback)           \
  X(rename, fallback)            \
  X(replace, fallback)           \
  X(restrict, fallback)          \
  X(returning, reserved)         \
  X(right, join)                 \
  X(rollback, fallback)          \
  X(row, fallback)               \
  X(rows, fallback)              \
  X(savepoint, fallback)         \
  X(select, reserved)            \
  X(set, reserved)               \
  X(table, reserved)             \
  X(temp, fallback)              \
  X(temporary, fallback)         \
  X(then, reserved)              \
  X(ties, fallback)              \
  X(to, reserved)                \
  X(transaction, reserved)       \
  X(trigger, fallback)           \
  X(unbounded, fallback)         \
  X(union_, reserved)            \
  X(unique, reserved)            \
  X(update, reserved)            \
  X(using_, reserved)            \
  X(vacuum, fallback)            \
  X(values, reserved)            \
  X(view, fallback)              \
  X(virtual_, fallback)          \
  X(when, reserved)              \
  X(where, reserved)             \
  X(window, contextual)          \
  X(with, fallback)              \
  X(without, fallback)

enum class kw_class : std::uint8_t { reserved, fallback, join, indexed, contextual };

enum class kw : std::uint8_t {
#define MIGC_KW_ENUM(name, cls) name,
  MIGC_KEYWORDS(MIGC_KW_ENUM)
#undef MIGC_KW_ENUM
      none
};

namespace detail {
// Upper-case spelling of a keyword from its enumerator name (trailing '_'
// only avoids C++ keywords).
constexpr std::string_view strip(std::string_view s) { return s.ends_with('_') ? s.substr(0, s.size() - 1) : s; }
inline constexpr std::array keyword_names = {
#define MIGC_KW_NAME(name, cls) strip(#name),
    MIGC_KEYWORDS(MIGC_KW_NAME)
#undef MIGC_KW_NAME
};
inline constexpr std::array keyword_classes = {
#define MIGC_KW_CLASS(name, cls) kw_class::cls,
    MIGC_KEYWORDS(MIGC_KW_CLASS)
#undef MIGC_KW_CLASS
};
constexpr bool sorted() {
  for (std::size_t i = 1; i < keyword_names.size(); ++i) {
    if (!(keyword_names[i - 1] < keyword_names[i])) return false;
  }
  return true;
}
static_assert(sorted(), "MIGC_KEYWORDS must be in alphabetical order");
inline constexpr std::size_t longest_keyword = 17;  // current_timestamp
}  // namespace detail

/// Lower-case spelling of `k` ("select").
constexpr std::string_view keyword_text(kw k) { return detail::keyword_names[static_cast<std::size_t>(k)]; }
constexpr kw_class keyword_class(kw k) { return detail::keyword_classes[static_cast<std::size_t>(k)]; }

namespace detail {
/// Keywords grouped by (length, first letter): a lookup compares against the
/// few keywords of its group only.
struct keyword_index {
  // first[len][c] .. first[len][c + 1]: positions in `order`.
  std::array<std::array<std::uint8_t, 27>, longest_keyword + 1> first{};
  std::array<std::uint8_t, keyword_names.size()> order{};
};
constexpr keyword_index make_keyword_index() {
  keyword_index ix;
  std::size_t pos = 0;
  for (std::size_t len = 0; len <= longest_keyword; ++len) {
    for (std::size_t c = 0; c < 26; ++c) {
      ix.first[len][c] = static_cast<std::uint8_t>(pos);
      for (std::size_t k = 0; k < keyword_names.size(); ++k) {
        if (keyword_names[k].size() == len && keyword_names[k][0] == static_cast<char>('a' + c)) {
          ix.order[pos++] = static_cast<std::uint8_t>(k);
        }
      }
    }
    ix.first[len][26] = static_cast<std::uint8_t>(pos);
  }
  return ix;
}
inline constexpr keyword_index keyword_lookup = make_keyword_index();
}  // namespace detail

/// The keyword spelled by the `n` bytes at `p` (any case), or kw::none.
inline kw lookup_keyword(const char* p, std::size_t n) noexcept {
  if (n < 2 || n > detail::longest_keyword) return kw::none;
  char buf[detail::longest_keyword];
  for (std::size_t i = 0; i < n; ++i) {
    const char c = p[i];
    buf[i] = (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
  }
  if (buf[0] < 'a' || buf[0] > 'z') return kw::none;
  const auto c = static_cast<std::size_t>(buf[0] - 'a');
  const auto& row = detail::keyword_lookup.first[n];
  for (std::size_t i = row[c]; i < row[c + 1]; ++i) {
    const std::uint8_t k = detail::keyword_lookup.order[i];
    const std::string_view name = detail::keyword_names[k];
    bool same = true;
    for (std::size_t j = 1; j < n && same; ++j) same = name[j] == buf[j];
    if (same) return static_cast<kw>(k);
  }
  return kw::none;
}

}  // namespace migc::grammar
