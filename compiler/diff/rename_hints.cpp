// Finding "@renamed from=NAME" in the comments next to a definition.
#include "compiler/diff/rename_hints.hpp"

namespace migc::diff {

std::optional<std::string> renamed_from(std::string_view text) {
  constexpr std::string_view marker = "@renamed";
  std::size_t at = text.find(marker);
  if (at == std::string_view::npos) return std::nullopt;
  std::string_view rest = text.substr(at + marker.size());
  while (!rest.empty() && (rest.front() == ' ' || rest.front() == '\t')) rest.remove_prefix(1);
  if (!rest.starts_with("from")) return std::nullopt;
  rest.remove_prefix(4);
  while (!rest.empty() && (rest.front() == ' ' || rest.front() == '\t')) rest.remove_prefix(1);
  if (rest.empty() || rest.front() != '=') return std::nullopt;
  rest.remove_prefix(1);
  while (!rest.empty() && (rest.front() == ' ' || rest.front() == '\t')) rest.remove_prefix(1);
  if (rest.empty()) return std::nullopt;
  std::string name;
  char open = rest.front();
  if (open == '"' || open == '\'' || open == '`' || open == '[') {
    char close = open == '[' ? ']' : open;
    for (std::size_t i = 1; i < rest.size(); ++i) {
      if (rest[i] == close) {
        if (close != ']' && i + 1 < rest.size() && rest[i + 1] == close) {
          name += close;
          ++i;
          continue;
        }
        return name.empty() ? std::nullopt : std::optional<std::string>(name);
      }
      name += rest[i];
    }
    return std::nullopt;  // unterminated
  }
  for (char c : rest) {
    bool word = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' || c == '$' ||
                static_cast<unsigned char>(c) >= 0x80;
    if (!word) break;
    name += c;
  }
  return name.empty() ? std::nullopt : std::optional<std::string>(name);
}

namespace {

// The text of the whole line(s) from the line of `from` to the line of `to`.
std::string_view lines_of(const source::source_manager& sources, source::file_id file, std::uint32_t from,
                          std::uint32_t to) {
  std::string_view text = sources.text(file);
  std::uint32_t first = sources.position(file, from).line;
  std::uint32_t last = sources.position(file, to).line;
  std::uint32_t begin = sources.line_start(file, first);
  std::uint32_t end =
      last < sources.line_count(file) ? sources.line_start(file, last + 1) : static_cast<std::uint32_t>(text.size());
  return text.substr(begin, end - begin);
}

// The part of `line` that is a comment: after "--" or inside "/* */".
// Hints in string literals or names do not count.
std::string_view comment_part(std::string_view line) {
  std::size_t dash = line.find("--");
  std::size_t star = line.find("/*");
  std::size_t at = std::min(dash, star);
  return at == std::string_view::npos ? std::string_view() : line.substr(at);
}

}  // namespace

rename_hints read_rename_hints(const source::source_manager& sources, const catalog::catalog& desired) {
  rename_hints hints;
  for (const catalog::object& o : desired.objects()) {
    if (o.kind != catalog::object_kind::table && o.kind != catalog::object_kind::index) continue;
    const source::span name = o.name_id->where;
    std::uint32_t limit = name.end;
    if (const auto* t = std::get_if<ast::create_table>(&o.statement->node); t != nullptr && !t->columns.empty()) {
      limit = t->columns.front().where.begin;
    }
    // From the statement's start through the end of the name's line, but
    // not into the first column's line.
    std::string_view head = lines_of(sources, name.file, o.statement->where.begin, name.end);
    std::uint32_t head_start =
        sources.line_start(name.file, sources.position(name.file, o.statement->where.begin).line);
    if (limit > head_start && limit - head_start < head.size()) head = head.substr(0, limit - head_start);
    if (std::optional<std::string> old = renamed_from(comment_part(head))) {
      std::string key = catalog::fold(*old);
      if (key != o.key) {
        hints.objects[o.key] = key;
        hints.spelling[key] = *old;
      }
    }
    const auto* t = std::get_if<ast::create_table>(&o.statement->node);
    if (t == nullptr) continue;
    for (std::size_t i = 0; i < t->columns.size(); ++i) {
      const ast::column_definition& c = t->columns[i];
      std::string_view line = lines_of(sources, name.file, c.where.end, c.where.end);
      // Only the text after the definition: the next column may share the line.
      std::uint32_t line_start = sources.line_start(name.file, sources.position(name.file, c.where.end).line);
      std::string_view after = line.substr(c.where.end - line_start);
      if (i + 1 < t->columns.size()) {
        std::uint32_t next = t->columns[i + 1].where.begin;
        if (next >= c.where.end && next - c.where.end < after.size()) after = after.substr(0, next - c.where.end);
      }
      if (std::optional<std::string> old = renamed_from(comment_part(after))) {
        std::string key = catalog::fold(*old);
        if (key != c.name.key) {
          hints.columns[{o.key, c.name.key}] = key;
          hints.spelling[key] = *old;
        }
      }
    }
  }
  return hints;
}

}  // namespace migc::diff
