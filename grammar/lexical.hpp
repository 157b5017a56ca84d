// Terminals of SQLite's dialect, exactly as its tokenizer (tokenize.c) forms
// them: separators, keywords, identifiers in all four quotings, string and
// blob literals, numbers, bind parameters and operators.
//
// Departures from a textbook PEG grammar, and why:
// - Every terminal skips the separators (whitespace, comments) that PRECEDE
//   it, so a matched rule ends exactly at its last token; the start of a rule
//   is found by skipping separators forward from where it began
//   (skip_separators()).
// - Terminals are hand-written rule classes, not combinators: an identifier
//   must be scanned whole before it can be told from a keyword, and doing so
//   once per attempt keeps backtracking cheap.
// - Each failing terminal records what it expected at the furthest position
//   reached (parse_tracker), which is how syntax errors are reported.
#pragma once

#include <array>
#include <cstddef>
#include <cstdint>
#include <string_view>
#include <tao/pegtl.hpp>
#include <tao/pegtl/contrib/analyze_traits.hpp>
#include <type_traits>

#include "grammar/keywords.hpp"

namespace migc::grammar {

namespace pegtl = tao::pegtl;

/// What the grammar learnt while failing; one per parse, installed by the
/// caller through `tracker_scope`. A first parse only moves `furthest`;
/// when it fails, the caller parses again with `collect_at` set to that
/// position to learn what was expected there, so the common, successful
/// parse pays two comparisons per failed token.
struct parse_tracker {
  static constexpr std::size_t max_expected = 24;
  const char* furthest = nullptr;
  const char* collect_at = nullptr;
  std::array<const char*, max_expected> expected{};
  std::size_t expected_count = 0;
  std::size_t depth = 0;

  void expect(const char* at, const char* what) noexcept {
    if (at > furthest) furthest = at;
    if (at == collect_at) add(what);
  }
  void reached(const char* at) noexcept {
    if (at > furthest) furthest = at;
  }

 private:
  void add(const char* what) noexcept {
    for (std::size_t i = 0; i < expected_count; ++i) {
      if (expected[i] == what) return;
    }
    if (expected_count < max_expected) expected[expected_count++] = what;
  }
};

inline constinit thread_local parse_tracker* current_tracker = nullptr;

/// Installs `t` as the tracker of the parses run on this thread in its scope.
class tracker_scope {
 public:
  explicit tracker_scope(parse_tracker& t) noexcept : saved_(current_tracker) { current_tracker = &t; }
  ~tracker_scope() { current_tracker = saved_; }
  tracker_scope(const tracker_scope&) = delete;
  tracker_scope& operator=(const tracker_scope&) = delete;

 private:
  parse_tracker* saved_;
};

inline void expect_at(const char* at, const char* what) noexcept {
  if (current_tracker != nullptr) current_tracker->expect(at, what);
}

// ---------------------------------------------------------------------------
// Character classes (tokenize.c's aiClass / IdChar)

constexpr bool is_space(char c) noexcept { return c == ' ' || c == '\t' || c == '\n' || c == '\f' || c == '\r'; }
constexpr bool is_digit(char c) noexcept { return c >= '0' && c <= '9'; }
constexpr bool is_xdigit(char c) noexcept { return is_digit(c) || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F'); }
constexpr bool is_id_start(char c) noexcept {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_' || static_cast<unsigned char>(c) >= 0x80;
}
constexpr bool is_id_char(char c) noexcept { return is_id_start(c) || is_digit(c) || c == '$'; }

/// Skips whitespace and comments from `p`; an unterminated block comment
/// runs to the end of input, as in SQLite.
constexpr const char* skip_separators(const char* p, const char* e) noexcept {
  for (;;) {
    while (p != e && is_space(*p)) ++p;
    if (e - p >= 2 && p[0] == '-' && p[1] == '-') {
      p += 2;
      while (p != e && *p != '\n') ++p;
      continue;
    }
    if (e - p >= 2 && p[0] == '/' && p[1] == '*') {
      p += 2;
      while (p != e && !(p[0] == '*' && e - p >= 2 && p[1] == '/')) ++p;
      p = (p == e) ? e : p + 2;
      continue;
    }
    return p;
  }
}

/// Length of the unquoted word at `p` (0 if none starts there).
constexpr std::size_t word_length(const char* p, const char* e) noexcept {
  if (p == e || !is_id_start(*p)) return 0;
  // x'...' is a blob literal (or an unrecognized token), never the name x.
  if ((*p == 'x' || *p == 'X') && e - p >= 2 && p[1] == '\'') return 0;
  const char* q = p + 1;
  while (q != e && is_id_char(*q)) ++q;
  return static_cast<std::size_t>(q - p);
}

/// Length of the quoted token at `p` that opens with `open` and closes with
/// `close` (doubling `close` escapes it unless open is '['), or 0 when the
/// quote is unterminated.
constexpr std::size_t quoted_length(const char* p, const char* e, char close) noexcept {
  const char* q = p + 1;
  while (q != e) {
    if (*q == close) {
      if (close != ']' && q + 1 != e && q[1] == close) {
        q += 2;
        continue;
      }
      return static_cast<std::size_t>(q + 1 - p);
    }
    ++q;
  }
  return 0;
}

/// Token classes of parse.y that a name may belong to.
enum name_class : unsigned {
  nc_id = 1,       // ID (including fallback keywords and quoted identifiers)
  nc_string = 2,   // STRING ('...')
  nc_indexed = 4,  // INDEXED
  nc_join = 8,     // JOIN_KW
};

struct token_info {
  std::size_t length = 0;  // 0: no token of the wanted class here
  unsigned cls = 0;
  kw keyword = kw::none;
};

/// The token class an identifier-like token at `p` has for SQLite's
/// tokenizer, including the contextual WINDOW / OVER / FILTER rules of
/// tokenize.c (analyzeWindowKeyword and friends).
token_info classify_name(const char* begin, const char* p, const char* e) noexcept;

/// True if the token at `p` is identifier-like in tokenize.c's getToken()
/// sense: ID, STRING, JOIN_KW, a fallback keyword, WINDOW or OVER.
inline bool idlike_at(const char* p, const char* e) noexcept {
  if (p == e) return false;
  if (*p == '"' || *p == '`' || *p == '[') return true;
  if (*p == '\'') return true;
  const std::size_t n = word_length(p, e);
  if (n == 0) return false;
  const kw k = lookup_keyword(p, n);
  if (k == kw::none) return true;
  const kw_class c = keyword_class(k);
  return c == kw_class::fallback || c == kw_class::join || k == kw::window || k == kw::over;
}

inline token_info classify_name(const char* begin, const char* p, const char* e) noexcept {
  token_info t;
  if (p == e) return t;
  switch (*p) {
    case '"':
      t.length = quoted_length(p, e, '"');
      t.cls = nc_id;
      return t;
    case '`':
      t.length = quoted_length(p, e, '`');
      t.cls = nc_id;
      return t;
    case '[':
      t.length = quoted_length(p, e, ']');
      t.cls = nc_id;
      return t;
    case '\'':
      t.length = quoted_length(p, e, '\'');
      t.cls = nc_string;
      return t;
    default:
      break;
  }
  const std::size_t n = word_length(p, e);
  if (n == 0) return t;
  // A word glued to a preceding number ("1abc") never reaches here: the
  // number terminal rejects it, as tokenize.c does.
  t.length = n;
  t.keyword = lookup_keyword(p, n);
  if (t.keyword == kw::none) {
    t.cls = nc_id;
    return t;
  }
  switch (keyword_class(t.keyword)) {
    case kw_class::reserved:
      t.cls = 0;
      break;
    case kw_class::fallback:
      t.cls = nc_id;
      break;
    case kw_class::join:
      t.cls = nc_join;
      break;
    case kw_class::indexed:
      t.cls = nc_indexed;
      break;
    case kw_class::contextual: {
      const char* next = skip_separators(p + n, e);
      t.cls = nc_id;
      if (t.keyword == kw::window) {
        // WINDOW is a keyword when followed by an identifier and AS.
        if (idlike_at(next, e)) {
          const token_info name = classify_name(begin, next, e);
          const char* after = skip_separators(next + name.length, e);
          const std::size_t m = word_length(after, e);
          if (name.length != 0 && m != 0 && lookup_keyword(after, m) == kw::as) t.cls = 0;
        }
      } else {
        // OVER and FILTER are keywords right after ')' when followed by '('
        // (or, for OVER, by an identifier).
        const char* prev = p;
        while (prev != begin && is_space(prev[-1])) --prev;
        if (prev != begin && prev[-1] == ')') {
          if (next != e && *next == '(') t.cls = 0;
          if (t.keyword == kw::over && idlike_at(next, e)) t.cls = 0;
        }
      }
      break;
    }
  }
  return t;
}

// ---------------------------------------------------------------------------
// Terminal rule classes. Each skips leading separators, matches one token or
// fails without consuming anything, and records what it expected on failure.

template <typename Derived>
struct terminal {
  using rule_t = Derived;
  using subs_t = pegtl::empty_list;

  template <pegtl::apply_mode, pegtl::rewind_mode, template <typename...> class, template <typename...> class,
            typename ParseInput, typename... States>
  [[nodiscard]] static bool match(ParseInput& in, States&&... /*unused*/) {
    const char* const start = in.current();
    const char* const e = in.end();
    const char* const p = skip_separators(start, e);
    const std::size_t n = Derived::scan(in.begin(), p, e);
    if (n == 0) {
      expect_at(p, Derived::expected);
      return false;
    }
    if (current_tracker != nullptr) current_tracker->reached(p);
    in.bump(static_cast<std::size_t>(p - start) + n);
    return true;
  }
};

/// A keyword, any case, not followed by an identifier character.
template <kw K>
struct kw_ : terminal<kw_<K>> {
  static constexpr const char* expected = detail::keyword_names[static_cast<std::size_t>(K)].data();
  static std::size_t scan(const char* begin, const char* p, const char* e) noexcept {
    const std::size_t n = word_length(p, e);
    const std::string_view text = keyword_text(K);
    if (n != text.size()) return 0;
    for (std::size_t i = 0; i < n; ++i) {
      char c = p[i];
      if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
      if (c != text[i]) return 0;
    }
    if constexpr (keyword_class(K) == kw_class::contextual) {
      // Only where the tokenizer makes it a keyword.
      if (classify_name(begin, p, e).cls != 0) return 0;
    }
    return n;
  }
};

/// A keyword that SQLite's fallback would turn into an identifier if the
/// keyword could not be shifted: never is one in itself, kept for reading.
template <unsigned Classes, kw... Excluded>
struct name_token : terminal<name_token<Classes, Excluded...>> {
  static constexpr const char* expected = (Classes & nc_string) != 0 && (Classes & nc_id) == 0 ? "string" : "name";
  static std::size_t scan(const char* begin, const char* p, const char* e) noexcept {
    const token_info t = classify_name(begin, p, e);
    if (t.length == 0 || (t.cls & Classes) == 0) return 0;
    if constexpr (sizeof...(Excluded) != 0) {
      if (t.keyword != kw::none && ((t.keyword == Excluded) || ...)) return 0;
    }
    return t.length;
  }
};

enum class punct_kind : std::uint8_t {
  lp,
  rp,
  semi,
  comma,
  dot,
  plus,
  minus,
  star,
  slash,
  rem,
  eq,
  ne,
  lt,
  le,
  gt,
  ge,
  lshift,
  rshift,
  bitand_,
  bitor_,
  bitnot,
  concat,
  ptr
};

template <punct_kind P>
struct punct : terminal<punct<P>> {
  static constexpr const char* expected_text() {
    constexpr std::array names = {"'('",  "')'",  "';'", "','",  "'.'", "'+'",  "'-'", "'*'",
                                  "'/'",  "'%'",  "'='", "'!='", "'<'", "'<='", "'>'", "'>='",
                                  "'<<'", "'>>'", "'&'", "'|'",  "'~'", "'||'", "'->'"};
    return names[static_cast<std::size_t>(P)];
  }
  static constexpr const char* expected = expected_text();
  static std::size_t scan(const char* /*begin*/, const char* p, const char* e) noexcept {
    if (p == e) return 0;
    const char c = *p;
    const char d = (e - p >= 2) ? p[1] : '\0';
    switch (P) {
      case punct_kind::lp:
        return c == '(' ? 1 : 0;
      case punct_kind::rp:
        return c == ')' ? 1 : 0;
      case punct_kind::semi:
        return c == ';' ? 1 : 0;
      case punct_kind::comma:
        return c == ',' ? 1 : 0;
      case punct_kind::dot:
        return c == '.' && !is_digit(d) ? 1 : 0;
      case punct_kind::plus:
        return c == '+' ? 1 : 0;
      case punct_kind::minus:
        return c == '-' && d != '>' ? 1 : 0;
      case punct_kind::star:
        return c == '*' ? 1 : 0;
      case punct_kind::slash:
        return c == '/' ? 1 : 0;
      case punct_kind::rem:
        return c == '%' ? 1 : 0;
      case punct_kind::eq:
        return c == '=' ? (d == '=' ? 2 : 1) : 0;
      case punct_kind::ne:
        return (c == '!' && d == '=') || (c == '<' && d == '>') ? 2 : 0;
      case punct_kind::lt:
        return c == '<' && d != '=' && d != '>' && d != '<' ? 1 : 0;
      case punct_kind::le:
        return c == '<' && d == '=' ? 2 : 0;
      case punct_kind::gt:
        return c == '>' && d != '=' && d != '>' ? 1 : 0;
      case punct_kind::ge:
        return c == '>' && d == '=' ? 2 : 0;
      case punct_kind::lshift:
        return c == '<' && d == '<' ? 2 : 0;
      case punct_kind::rshift:
        return c == '>' && d == '>' ? 2 : 0;
      case punct_kind::bitand_:
        return c == '&' ? 1 : 0;
      case punct_kind::bitor_:
        return c == '|' && d != '|' ? 1 : 0;
      case punct_kind::bitnot:
        return c == '~' ? 1 : 0;
      case punct_kind::concat:
        return c == '|' && d == '|' ? 2 : 0;
      case punct_kind::ptr:
        return c == '-' && d == '>' ? ((e - p >= 3 && p[2] == '>') ? 3 : 2) : 0;
    }
    return 0;
  }
};

/// One spelling of a punctuation token that SQLite writes two ways ('=' or
/// '==', '!=' or '<>', '->' or '->>'), so that the AST builder learns which
/// from the rule that matched. It fails as the token itself does, expecting
/// the same thing, so syntax errors read the same.
template <punct_kind P, char... Spelling>
struct punct_spelling : terminal<punct_spelling<P, Spelling...>> {
  static constexpr const char* expected = punct<P>::expected;
  static std::size_t scan(const char* begin, const char* p, const char* e) noexcept {
    constexpr char text[] = {Spelling...};
    const std::size_t n = punct<P>::scan(begin, p, e);
    if (n != sizeof...(Spelling)) return 0;
    for (std::size_t i = 0; i < n; ++i) {
      if (p[i] != text[i]) return 0;
    }
    return n;
  }
};

/// String literal: '...' with '' as the escaped quote.
struct string_literal : terminal<string_literal> {
  static constexpr const char* expected = "string";
  static std::size_t scan(const char* /*begin*/, const char* p, const char* e) noexcept {
    return (p != e && *p == '\'') ? quoted_length(p, e, '\'') : 0;
  }
};

/// Blob literal: x'0A1b', an even number of hex digits.
struct blob_literal : terminal<blob_literal> {
  static constexpr const char* expected = "blob";
  static std::size_t scan(const char* /*begin*/, const char* p, const char* e) noexcept {
    if (e - p < 3 || (*p != 'x' && *p != 'X') || p[1] != '\'') return 0;
    const char* q = p + 2;
    while (q != e && is_xdigit(*q)) ++q;
    if (q == e || *q != '\'' || (q - (p + 2)) % 2 != 0) return 0;
    return static_cast<std::size_t>(q + 1 - p);
  }
};

/// Integer or real literal (tokenize.c's number scanner), with digit
/// separators ('1_000', SQLite 3.46) allowed between two digits.
struct numeric_literal : terminal<numeric_literal> {
  static constexpr const char* expected = "number";
  static const char* digits(const char* q, const char* e, bool hex) noexcept {
    auto ok = [hex](char c) { return hex ? is_xdigit(c) : is_digit(c); };
    while (q != e) {
      if (ok(*q)) {
        ++q;
      } else if (*q == '_' && q + 1 != e && ok(q[1]) && ok(q[-1])) {
        ++q;
      } else {
        break;
      }
    }
    return q;
  }
  static std::size_t scan(const char* /*begin*/, const char* p, const char* e) noexcept {
    if (p == e) return 0;
    const char* q = p;
    if (*q == '0' && e - q >= 3 && (q[1] == 'x' || q[1] == 'X') && is_xdigit(q[2])) {
      // A hex literal ends at the first non-hex character: "0x1G" is 0x1
      // followed by the name G.
      return static_cast<std::size_t>(digits(q + 2, e, true) - p);
    }
    {
      if (is_digit(*q)) {
        q = digits(q, e, false);
        if (q != e && *q == '.') q = digits(q + 1, e, false);
      } else if (*q == '.' && e - q >= 2 && is_digit(q[1])) {
        q = digits(q + 1, e, false);
      } else {
        return 0;
      }
      if (q != e && (*q == 'e' || *q == 'E')) {
        const char* r = q + 1;
        if (r != e && (*r == '+' || *r == '-')) ++r;
        if (r != e && is_digit(*r)) q = digits(r, e, false);
      }
    }
    if (q != e && is_id_char(*q)) return 0;  // "1abc", "0x", "1e": unrecognized token
    return static_cast<std::size_t>(q - p);
  }
};

/// Bind parameter: ?, ?NNN, :name, @name, #name, $name, $a::b(c).
struct bind_parameter : terminal<bind_parameter> {
  static constexpr const char* expected = "parameter";
  static std::size_t scan(const char* /*begin*/, const char* p, const char* e) noexcept {
    if (p == e) return 0;
    if (*p == '?') {
      const char* q = p + 1;
      while (q != e && is_digit(*q)) ++q;
      return static_cast<std::size_t>(q - p);
    }
    if (*p != ':' && *p != '@' && *p != '#' && *p != '$') return 0;
    const char* q = p + 1;
    std::size_t n = 0;
    while (q != e) {
      const char c = *q;
      if (is_id_char(c)) {
        ++n;
        ++q;
      } else if (c == '(' && n > 0) {
        do {
          ++q;
        } while (q != e && !is_space(*q) && *q != ')');
        if (q == e || *q != ')') return 0;
        ++q;
        break;
      } else if (c == ':' && q + 1 != e && q[1] == ':') {
        q += 2;
      } else {
        break;
      }
    }
    if (n == 0) return 0;
    // "#1" is a register reference, only valid in SQLite's nested parses.
    if (*p == '#' && is_digit(p[1])) return 0;
    return static_cast<std::size_t>(q - p);
  }
};

/// End of input, after trailing separators.
struct end_of_input : terminal<end_of_input> {
  static constexpr const char* expected = "end of input";
  static std::size_t scan(const char* /*begin*/, const char* p, const char* e) noexcept { return p == e ? 1 : 0; }
  template <pegtl::apply_mode, pegtl::rewind_mode, template <typename...> class, template <typename...> class,
            typename ParseInput, typename... States>
  [[nodiscard]] static bool match(ParseInput& in, States&&... /*unused*/) {
    const char* const p = skip_separators(in.current(), in.end());
    if (p != in.end()) {
      expect_at(p, expected);
      return false;
    }
    in.bump(static_cast<std::size_t>(p - in.current()));
    return true;
  }
};

/// Bounds the nesting of `Rule` (expressions, subqueries): deeper input
/// raises a parse_error instead of exhausting the stack.
inline constexpr std::size_t max_nesting = 200;

struct nesting_too_deep {};

template <typename Rule>
struct nested {
  using rule_t = nested;
  using subs_t = pegtl::type_list<Rule>;

  template <pegtl::apply_mode A, pegtl::rewind_mode M, template <typename...> class Action,
            template <typename...> class Control, typename ParseInput, typename... States>
  [[nodiscard]] static bool match(ParseInput& in, States&&... st) {
    parse_tracker* t = current_tracker;
    if (t != nullptr) {
      if (++t->depth > max_nesting) {
        --t->depth;
        throw nesting_too_deep{};
      }
    }
    struct guard {
      parse_tracker* t;
      ~guard() {
        if (t != nullptr) --t->depth;
      }
    } g{t};
    return Control<Rule>::template match<A, M, Action, Control>(in, st...);
  }
};

// Keyword and punctuation shorthands used by the grammar headers.
#define MIGC_KW_ALIAS(name, cls) using kw_##name = kw_<kw::name>;
MIGC_KEYWORDS(MIGC_KW_ALIAS)
#undef MIGC_KW_ALIAS

using lp = punct<punct_kind::lp>;
using rp = punct<punct_kind::rp>;
using semi = punct<punct_kind::semi>;
using comma = punct<punct_kind::comma>;
using dot = punct<punct_kind::dot>;
using op_plus = punct<punct_kind::plus>;
using op_minus = punct<punct_kind::minus>;
using op_star = punct<punct_kind::star>;
using op_slash = punct<punct_kind::slash>;
using op_rem = punct<punct_kind::rem>;
using op_eq = punct<punct_kind::eq>;
using op_ne = punct<punct_kind::ne>;
using op_lt = punct<punct_kind::lt>;
using op_le = punct<punct_kind::le>;
using op_gt = punct<punct_kind::gt>;
using op_ge = punct<punct_kind::ge>;
using op_lshift = punct<punct_kind::lshift>;
using op_rshift = punct<punct_kind::rshift>;
using op_bitand = punct<punct_kind::bitand_>;
using op_bitor = punct<punct_kind::bitor_>;
using op_bitnot = punct<punct_kind::bitnot>;
using op_concat = punct<punct_kind::concat>;
using op_ptr = punct<punct_kind::ptr>;
using op_eq_single = punct_spelling<punct_kind::eq, '='>;
using op_eq_double = punct_spelling<punct_kind::eq, '=', '='>;
using op_ne_bang = punct_spelling<punct_kind::ne, '!', '='>;
using op_ne_angle = punct_spelling<punct_kind::ne, '<', '>'>;
using op_ptr_text = punct_spelling<punct_kind::ptr, '-', '>'>;
using op_ptr_value = punct_spelling<punct_kind::ptr, '-', '>', '>'>;

}  // namespace migc::grammar

// analyze(): every terminal consumes input when it succeeds.
namespace tao::pegtl {
template <typename Name, typename D>
struct analyze_traits<Name, D, std::enable_if_t<std::is_base_of_v<migc::grammar::terminal<D>, D>>>
    : analyze_any_traits<> {};
template <typename Name, typename R>
struct analyze_traits<Name, migc::grammar::nested<R>> : analyze_seq_traits<R> {};
}  // namespace tao::pegtl
