// The driver: runs the stages in order over one schema and filters the
// warnings they report through the policy and the allow comments.
#include "compiler/driver/driver.hpp"

#include <algorithm>
#include <fmt/format.h>
#include <unordered_map>

#include "compiler/graph/graph.hpp"
#include "compiler/lint/lint.hpp"
#include "compiler/parse/parse.hpp"
#include "compiler/resolve/resolve.hpp"

namespace migc::driver {

std::string warning_name(diag::code c) {
  std::string name(diag::code_symbol(c));
  std::replace(name.begin(), name.end(), '_', '-');
  return name;
}

namespace {

std::optional<diag::code> find_warning(std::string_view name) {
  std::string symbol(name);
  std::replace(symbol.begin(), symbol.end(), '-', '_');
  std::optional<diag::code> c = diag::find_code(symbol);
  if (!c || diag::default_severity(*c) != diag::severity::warning) return std::nullopt;
  return c;
}

}  // namespace

std::optional<std::string> warning_policy::apply(std::string_view argument) {
  if (argument == "error" || argument == "no-error") {
    as_errors = argument == "error";
    return std::nullopt;
  }
  bool disable = argument.starts_with("no-");
  std::string_view name = disable ? argument.substr(3) : argument;
  std::optional<diag::code> c = find_warning(name);
  if (!c) return fmt::format("unknown warning '{}' (see 'migc help lints')", name);
  std::erase(disabled, *c);
  if (disable) disabled.push_back(*c);
  return std::nullopt;
}

bool warning_policy::enabled(diag::code c) const noexcept {
  return std::find(disabled.begin(), disabled.end(), c) == disabled.end();
}

namespace {

// Finds the statement a diagnostic belongs to and the allow annotations in
// the comment lines right above it (the front end recorded them).
class allow_index {
 public:
  allow_index(const source::source_manager& sources, const std::vector<ast::script>& scripts) : sources_(sources) {
    for (const ast::script& s : scripts) scripts_[s.file] = &s;
  }

  [[nodiscard]] bool allowed(const diag::diagnostic& d) const {
    if (!d.span.valid()) return false;
    auto it = scripts_.find(d.span.file);
    if (it == scripts_.end()) return false;
    const ast::script& script = *it->second;
    const std::vector<ast::statement>& stmts = script.statements;
    auto next = std::upper_bound(stmts.begin(), stmts.end(), d.span.begin,
                                 [](std::uint32_t offset, const ast::statement& s) { return offset < s.where.begin; });
    if (next == stmts.begin()) return false;
    const ast::statement& stmt = *std::prev(next);
    if (d.span.begin > stmt.where.end) return false;
    // The `--` comments that fill the lines right above the statement, from
    // the nearest up.
    const std::uint32_t file = d.span.file;
    std::uint32_t line = sources_.position(file, stmt.where.begin).line;
    auto c = std::lower_bound(script.comments.begin(), script.comments.end(), stmt.where.begin,
                              [](const ast::comment& x, std::uint32_t offset) { return x.where.begin < offset; });
    while (c != script.comments.begin()) {
      --c;
      if (c->block || !c->own_line || sources_.position(file, c->where.begin).line + 1 != line) break;
      --line;
      const auto index = static_cast<std::uint32_t>(c - script.comments.begin());
      auto a = std::lower_bound(script.annotations.begin(), script.annotations.end(), index,
                                [](const ast::annotation& x, std::uint32_t i) { return x.comment < i; });
      for (; a != script.annotations.end() && a->comment == index; ++a) {
        if (a->what != ast::annotation::kind::allow) continue;
        for (const std::string& name : a->names) {
          std::optional<diag::code> code = find_warning(name);
          if (!code) code = diag::find_code(name);
          if (code && *code == d.id) return true;
        }
      }
    }
    return false;
  }

 private:
  const source::source_manager& sources_;
  std::unordered_map<source::file_id, const ast::script*> scripts_;
};

}  // namespace

compilation compile(const source::source_manager& sources, std::span<const source::file_id> files, const options& opts,
                    diag::sink& sink) {
  compilation result;
  diag::sink raw;
  result.scripts.reserve(files.size());
  for (source::file_id id : files) result.scripts.push_back(parse::parse_file(sources, id, raw));

  if (!opts.syntax_only && !raw.has_errors()) {
    result.catalog = catalog::build(result.scripts, raw);
    resolve::run(result.catalog, raw);
    result.order = graph::creation_order(result.catalog, raw).create;
    // Like rustc, lint only a schema without errors: warnings about a
    // half-understood schema would mostly be noise.
    if (!raw.has_errors()) lint::run(result.catalog, raw);
    result.passes_ran = true;
  }

  allow_index allows(sources, result.scripts);
  for (const diag::diagnostic& d : raw.all()) {
    if (d.level == diag::severity::warning) {
      if (!opts.warnings.enabled(d.id) || allows.allowed(d)) continue;
      if (opts.warnings.as_errors) {
        diag::diagnostic copy = d;
        copy.level = diag::severity::error;
        sink.report(std::move(copy));
        continue;
      }
    }
    sink.report(d);
  }
  sink.sort_by_location();
  return result;
}

}  // namespace migc::driver
