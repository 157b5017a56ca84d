// The canonical printer's names (when an identifier is quoted), type names
// and expressions.
#include <cassert>
#include <variant>

#include "compiler/backend/sql/print_internal.hpp"
#include "grammar/keywords.hpp"

namespace migc::backend::sql::detail {

thread_local bool normalizing = false;
thread_local const name_map* names_in_use = nullptr;

namespace {

std::string folded(std::string_view text) { return ast::fold(text); }

// In normalized text every operator is parenthesized, so the source's own
// parentheses can go: `(a + b) * c` and `a + b * c` still differ.
struct operator_parens {
  explicit operator_parens(std::string& out) : out_(out) {
    if (normalizing) out_ += '(';
  }
  ~operator_parens() {
    if (normalizing) out_ += ')';
  }
  operator_parens(const operator_parens&) = delete;
  operator_parens& operator=(const operator_parens&) = delete;
  std::string& out_;
};

// tokenize.c's IdChar: letters, '_', and every byte >= 0x80; digits and '$'
// after the first character.
constexpr bool is_id_start(char c) noexcept {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_' || static_cast<unsigned char>(c) >= 0x80;
}
constexpr bool is_id_char(char c) noexcept { return is_id_start(c) || (c >= '0' && c <= '9') || c == '$'; }

std::string_view binary_spelling(ast::binary_op op) {
  using enum ast::binary_op;
  switch (op) {
    case logical_or:
      return "OR";
    case logical_and:
      return "AND";
    case eq:
      return "=";
    case eq2:
      return "==";
    case ne:
      return "!=";
    case ne2:
      return "<>";
    case is:
      return "IS";
    case is_not:
      return "IS NOT";
    case is_distinct_from:
      return "IS DISTINCT FROM";
    case is_not_distinct_from:
      return "IS NOT DISTINCT FROM";
    case lt:
      return "<";
    case le:
      return "<=";
    case gt:
      return ">";
    case ge:
      return ">=";
    case bitand_:
      return "&";
    case bitor_:
      return "|";
    case lshift:
      return "<<";
    case rshift:
      return ">>";
    case add:
      return "+";
    case sub:
      return "-";
    case mul:
      return "*";
    case div:
      return "/";
    case mod:
      return "%";
    case concat:
      return "||";
    case ptr:
      return "->";
    case ptr2:
      return "->>";
  }
  assert(false && "unknown binary operator");
  return "?";
}

std::string_view like_spelling(ast::like_op op) {
  switch (op) {
    case ast::like_op::like:
      return "LIKE";
    case ast::like_op::glob:
      return "GLOB";
    case ast::like_op::regexp:
      return "REGEXP";
    case ast::like_op::match:
      return "MATCH";
  }
  assert(false && "unknown LIKE operator");
  return "LIKE";
}

// A RAISE message written as a name ("msg", [msg], msg): SQLite dequotes it,
// so it is printed by the identifier rules.
void print_name_literal(std::string& out, std::string_view text) {
  ast::identifier id;
  if (!text.empty() && (text.front() == '"' || text.front() == '`' || text.front() == '[')) {
    assert(text.size() >= 2);
    const char close = text.front() == '[' ? ']' : text.front();
    const std::string_view inner = text.substr(1, text.size() - 2);
    for (std::size_t i = 0; i < inner.size(); ++i) {
      id.text += inner[i];
      if (close != ']' && inner[i] == close && i + 1 < inner.size() && inner[i + 1] == close) ++i;
    }
  } else {
    id.text = text;
  }
  print_identifier(out, id);
}

void print_literal(std::string& out, const ast::literal& lit) {
  using enum ast::literal_kind;
  switch (lit.kind) {
    case integer:
    case real:
    case string:
    case blob:
      assert(!lit.text.empty());
      out += lit.text;  // verbatim: quotes, escapes, digit separators
      return;
    case identifier:
      print_name_literal(out, lit.text);
      return;
    case null:
      out += "NULL";
      return;
    case current_time:
      out += "CURRENT_TIME";
      return;
    case current_date:
      out += "CURRENT_DATE";
      return;
    case current_timestamp:
      out += "CURRENT_TIMESTAMP";
      return;
  }
}

void print_column_ref(std::string& out, const ast::column_ref& ref) {
  assert(!ref.schema || ref.table);
  if (ref.schema) {
    print_identifier(out, *ref.schema);
    out += '.';
  }
  if (ref.table) {
    print_identifier(out, *ref.table);
    out += '.';
  }
  print_identifier(out, ref.column);
}

void print_unary(std::string& out, const ast::unary& u) {
  operator_parens parens(out);
  switch (u.op) {
    case ast::unary_op::negate:
      out += '-';
      break;
    case ast::unary_op::plus:
      out += '+';
      break;
    case ast::unary_op::bitnot:
      out += '~';
      break;
    case ast::unary_op::logical_not:
      out += "NOT ";
      break;
  }
  const std::size_t at = out.size();
  print_expr(out, *u.operand);
  // "- -x" must not become the comment "--x".
  if (u.op == ast::unary_op::negate && at < out.size() && out[at] == '-') out.insert(at, 1, ' ');
}

void print_binary(std::string& out, const ast::binary& b) {
  operator_parens parens(out);
  print_expr(out, *b.lhs);
  out += ' ';
  ast::binary_op op = b.op;
  if (normalizing && op == ast::binary_op::eq2) op = ast::binary_op::eq;
  if (normalizing && op == ast::binary_op::ne2) op = ast::binary_op::ne;
  out += binary_spelling(op);
  out += ' ';
  print_expr(out, *b.rhs);
}

void print_null_test(std::string& out, const ast::null_test& t) {
  operator_parens parens(out);
  print_expr(out, *t.operand);
  switch (t.kind) {
    case ast::null_test_kind::isnull:
      out += " ISNULL";
      break;
    case ast::null_test_kind::notnull:
      out += " NOTNULL";
      break;
    case ast::null_test_kind::not_null:
      out += " NOT NULL";
      break;
  }
}

void print_between(std::string& out, const ast::between& b) {
  operator_parens parens(out);
  print_expr(out, *b.operand);
  out += b.negated ? " NOT BETWEEN " : " BETWEEN ";
  print_expr(out, *b.low);
  out += " AND ";
  print_expr(out, *b.high);
}

void print_in(std::string& out, const ast::in_list& in) {
  operator_parens parens(out);
  print_expr(out, *in.operand);
  out += in.negated ? " NOT IN " : " IN ";
  std::visit(overloaded{[&](const std::vector<ast::expr_ptr>& list) {
                          out += '(';
                          print_exprs(out, list);
                          out += ')';
                        },
                        [&](const ast::select_ptr& query) {
                          out += '(';
                          print_select(out, *query);
                          out += ')';
                        },
                        [&](const std::unique_ptr<ast::in_table>& table) {
                          print_qualified_name(out, table->table);
                          if (table->arguments) {
                            out += '(';
                            print_exprs(out, *table->arguments);
                            out += ')';
                          }
                        }},
             in.rhs);
}

void print_like(std::string& out, const ast::like& l) {
  operator_parens parens(out);
  print_expr(out, *l.operand);
  out += l.negated ? " NOT " : " ";
  out += like_spelling(l.op);
  out += ' ';
  print_expr(out, *l.pattern);
  if (l.escape) {
    out += " ESCAPE ";
    print_expr(out, *l.escape);
  }
}

void print_cast(std::string& out, const ast::cast& c) {
  out += "CAST(";
  print_expr(out, *c.operand);
  out += " AS";
  if (c.type) {
    out += ' ';
    print_type_name(out, *c.type);
  }
  out += ')';
}

void print_case(std::string& out, const ast::case_expr& c) {
  out += "CASE";
  if (c.operand) {
    out += ' ';
    print_expr(out, *c.operand);
  }
  for (const ast::case_when& w : c.whens) {
    out += " WHEN ";
    print_expr(out, *w.when);
    out += " THEN ";
    print_expr(out, *w.then);
  }
  if (c.otherwise) {
    out += " ELSE ";
    print_expr(out, *c.otherwise);
  }
  out += " END";
}

void print_raise(std::string& out, const ast::raise& r) {
  out += "RAISE(";
  switch (r.kind) {
    case ast::raise_kind::ignore:
      out += "IGNORE";
      break;
    case ast::raise_kind::rollback:
      out += "ROLLBACK";
      break;
    case ast::raise_kind::abort:
      out += "ABORT";
      break;
    case ast::raise_kind::fail:
      out += "FAIL";
      break;
  }
  if (r.kind != ast::raise_kind::ignore) {
    assert(r.message);
    out += ", ";
    print_expr(out, *r.message);
  }
  out += ')';
}

// The inside of f(...): `*`, or [DISTINCT|ALL] args [ORDER BY ...], each
// part separated from the next by one space.
void print_call_arguments(std::string& out, const ast::function_call& f) {
  if (f.star) {
    out += '*';
    return;
  }
  const std::size_t start = out.size();
  auto space = [&] {
    if (out.size() != start) out += ' ';
  };
  if (f.quantifier != ast::set_quantifier::none) {
    out += f.quantifier == ast::set_quantifier::distinct ? "DISTINCT" : "ALL";
  }
  if (!f.arguments.empty()) {
    space();
    print_exprs(out, f.arguments);
  }
  if (!f.order_by.empty()) {
    space();
    out += "ORDER BY ";
    print_sort_items(out, f.order_by);
  }
}

void print_function_call(std::string& out, const ast::function_call& f) {
  // Functions named by fallback keywords (replace, like, glob, if, ...) are
  // written bare: the grammar takes them as names there.
  const grammar::kw k =
      is_word(f.name.text) ? grammar::lookup_keyword(f.name.text.data(), f.name.text.size()) : grammar::kw::none;
  if (normalizing) {
    out += folded(f.name.text);
  } else if (k != grammar::kw::none && grammar::keyword_class(k) == grammar::kw_class::fallback &&
             k != grammar::kw::raise && k != grammar::kw::cast && k != grammar::kw::current_date &&
             k != grammar::kw::current_time && k != grammar::kw::current_timestamp) {
    out += f.name.text;
  } else {
    print_identifier(out, f.name);
  }
  out += '(';
  print_call_arguments(out, f);
  out += ')';
  if (f.filter) {
    out += " FILTER (WHERE ";
    print_expr(out, *f.filter);
    out += ')';
  }
  if (f.over_name) {
    out += " OVER ";
    print_identifier(out, *f.over_name);
  } else if (f.over) {
    out += " OVER (";
    print_window_spec(out, *f.over);
    out += ')';
  }
}

void print_quoted(std::string& out, std::string_view text) {
  out += '"';
  for (const char c : text) {
    if (c == '"') out += '"';
    out += c;
  }
  out += '"';
}

}  // namespace

void append_upper(std::string& out, std::string_view text) {
  for (const char c : text) out += ast::ascii_upper(c);
}

bool is_word(std::string_view text) noexcept {
  if (text.empty() || !is_id_start(text.front())) return false;
  for (const char c : text) {
    if (!is_id_char(c)) return false;
  }
  return true;
}

bool is_bare_identifier(std::string_view text) noexcept {
  return is_word(text) && grammar::lookup_keyword(text.data(), text.size()) == grammar::kw::none;
}

void print_identifier(std::string& out, const ast::identifier& id) {
  if (names_in_use != nullptr) {
    name_map::use u = names_in_use->find(id);
    if (u.what == name_map::use::kind::string) {
      out += '\'';
      for (const char c : id.text) {
        if (c == '\'') out += '\'';
        out += c;
      }
      out += '\'';
      return;
    }
    if (u.what == name_map::use::kind::renamed) {
      print_quoted(out, folded(u.text));
      return;
    }
  }
  if (normalizing) {
    print_quoted(out, folded(id.text));
    return;
  }
  if (is_bare_identifier(id.text)) {
    out += id.text;
    return;
  }
  // A '...' name is printed as "..." too: SQLite reads both as the name.
  print_quoted(out, id.text);
}

void print_name_as_written(std::string& out, const ast::identifier& id) {
  if (normalizing) {
    append_upper(out, id.text);
    return;
  }
  if (id.quote == '\0' && is_word(id.text)) {
    out += id.text;
  } else {
    print_quoted(out, id.text);
  }
}

void print_identifiers(std::string& out, const std::vector<ast::identifier>& ids) {
  print_list(out, ids, print_identifier);
}

void print_qualified_name(std::string& out, const ast::qualified_name& name) {
  if (name.schema) {
    print_identifier(out, *name.schema);
    out += '.';
  }
  print_identifier(out, name.name);
}

void print_type_name(std::string& out, const ast::type_name& type) {
  assert(!type.words.empty() && type.arguments.size() <= 2);
  // SQLite keeps the type's text as the declared type, quotes included, so
  // each word keeps its quoting.
  bool first = true;
  for (const ast::identifier& w : type.words) {
    if (!first) out += ' ';
    first = false;
    print_name_as_written(out, w);
  }
  if (type.arguments.empty()) return;
  out += '(';
  // No space after the comma: `DECIMAL(10,2)` is how type names are written.
  for (std::size_t i = 0; i < type.arguments.size(); ++i) {
    if (i != 0) out += ',';
    out += type.arguments[i];
  }
  out += ')';
}

void print_expr(std::string& out, const ast::expr& e) {
  std::visit(overloaded{
                 [&](const ast::literal& n) { print_literal(out, n); },
                 [&](const ast::parameter& n) { out += n.text; },
                 [&](const ast::column_ref& n) { print_column_ref(out, n); },
                 [&](const ast::unary& n) { print_unary(out, n); },
                 [&](const ast::binary& n) { print_binary(out, n); },
                 [&](const ast::null_test& n) { print_null_test(out, n); },
                 [&](const ast::between& n) { print_between(out, n); },
                 [&](const ast::in_list& n) { print_in(out, n); },
                 [&](const ast::like& n) { print_like(out, n); },
                 [&](const ast::collate& n) {
                   operator_parens parens(out);
                   print_expr(out, *n.operand);
                   out += " COLLATE ";
                   print_identifier(out, n.collation);
                 },
                 [&](const ast::cast& n) { print_cast(out, n); },
                 [&](const ast::case_expr& n) { print_case(out, n); },
                 [&](const ast::exists& n) {
                   out += "EXISTS (";
                   print_select(out, *n.query);
                   out += ')';
                 },
                 [&](const ast::subquery& n) {
                   out += '(';
                   print_select(out, *n.query);
                   out += ')';
                 },
                 [&](const ast::paren& n) {
                   if (normalizing && n.items.size() == 1) {
                     print_expr(out, *n.items.front());
                     return;
                   }
                   out += '(';
                   print_exprs(out, n.items);
                   out += ')';
                 },
                 [&](const ast::function_call& n) { print_function_call(out, n); },
                 [&](const ast::raise& n) { print_raise(out, n); },
             },
             e.node);
}

void print_exprs(std::string& out, const std::vector<ast::expr_ptr>& list) {
  print_list(out, list, [](std::string& o, const ast::expr_ptr& e) { print_expr(o, *e); });
}

}  // namespace migc::backend::sql::detail
