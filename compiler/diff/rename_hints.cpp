// Finding the "@renamed from=NAME" annotations next to a definition.
#include "compiler/diff/rename_hints.hpp"

#include <algorithm>

namespace migc::diff {

namespace {

// The old name of the first rename annotation of `script` whose comment
// starts in [begin, end), or nullopt.
std::optional<std::string> hint_in(const ast::script& script, std::uint32_t begin, std::uint32_t end) {
  auto a = std::lower_bound(script.annotations.begin(), script.annotations.end(), begin,
                            [](const ast::annotation& x, std::uint32_t offset) { return x.where.begin < offset; });
  for (; a != script.annotations.end() && a->where.begin < end; ++a) {
    if (a->what == ast::annotation::kind::renamed && !a->names.empty()) return a->names.front();
  }
  return std::nullopt;
}

// The offset where the line after the one holding `offset` starts (the
// file's end for its last line).
std::uint32_t line_end(const source::source_manager& sources, source::file_id file, std::uint32_t offset) {
  const std::uint32_t line = sources.position(file, offset).line;
  return line < sources.line_count(file) ? sources.line_start(file, line + 1)
                                         : static_cast<std::uint32_t>(sources.text(file).size());
}

}  // namespace

rename_hints read_rename_hints(const source::source_manager& sources, std::span<const ast::script> scripts,
                               const catalog::catalog& desired) {
  rename_hints hints;
  auto script_of = [&](source::file_id file) -> const ast::script* {
    for (const ast::script& s : scripts) {
      if (s.file == file) return &s;
    }
    return nullptr;
  };
  const ast::script* script = nullptr;
  for (const catalog::object& o : desired.objects()) {
    if (o.kind != catalog::object_kind::table && o.kind != catalog::object_kind::index) continue;
    const source::span name = o.name_id->where;
    if (script == nullptr || script->file != name.file) script = script_of(name.file);
    if (script == nullptr) continue;
    // From the start of the statement's line through the end of the name's
    // line, but not into the first column.
    const std::uint32_t begin =
        sources.line_start(name.file, sources.position(name.file, o.statement->where.begin).line);
    std::uint32_t end = line_end(sources, name.file, name.end);
    const auto* t = std::get_if<ast::create_table>(&o.statement->node);
    if (t != nullptr && !t->columns.empty()) end = std::min(end, t->columns.front().where.begin);
    if (std::optional<std::string> old = hint_in(*script, begin, end)) {
      std::string key = catalog::fold(*old);
      if (key != o.key) {
        hints.objects[o.key] = key;
        hints.spelling[key] = *old;
      }
    }
    if (t == nullptr) continue;
    for (std::size_t i = 0; i < t->columns.size(); ++i) {
      const ast::column_definition& c = t->columns[i];
      // After the definition, on the line where it ends: the next column
      // may share the line.
      std::uint32_t after = line_end(sources, name.file, c.where.end);
      if (i + 1 < t->columns.size()) after = std::min(after, t->columns[i + 1].where.begin);
      if (std::optional<std::string> old = hint_in(*script, c.where.end, after)) {
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
