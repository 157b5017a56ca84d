// Matching diagnostics against inline fixture annotations.
#include "tests/support/expectations.hpp"

namespace migc::test {

namespace {

bool fits(const expectation& e, const diag::diagnostic& d) {
  return e.code == diag::code_name(d.id) && e.severity == diag::severity_name(d.level) &&
         d.message.find(e.message) != std::string::npos;
}

std::string describe(const expectation& e) {
  std::string s = "expect-" + e.severity + " " + e.code;
  if (!e.message.empty()) s += " {{" + e.message + "}}";
  return s;
}

}  // namespace

std::vector<std::string> match_expectations(const fixture_file& f, const source::source_manager& sources,
                                            source::file_id file,
                                            std::span<const diag::diagnostic* const> diagnostics) {
  std::vector<std::string> out;
  auto where = [&](std::uint32_t line) { return f.name + ":" + std::to_string(line) + ": "; };
  auto what = [](const diag::diagnostic& d) {
    return std::string(diag::severity_name(d.level)) + " " + std::string(diag::code_name(d.id)) + " '" + d.message +
           "'";
  };

  std::vector<bool> line_used(f.line_expectations.size(), false);
  std::vector<std::vector<bool>> stmt_used;
  for (const fixture_statement& s : f.statements) stmt_used.emplace_back(s.expected.size(), false);
  // Unmatched diagnostics, by statement (index f.statements.size(): none).
  std::vector<std::vector<const diag::diagnostic*>> unmatched(f.statements.size() + 1);

  for (const diag::diagnostic* dp : diagnostics) {
    const diag::diagnostic& d = *dp;
    if (d.level == diag::severity::note) continue;
    if (d.span.file != file) {
      out.push_back(f.name + ": unexpected " + what(d) + " without a location in the file");
      continue;
    }
    const std::uint32_t line = sources.position(file, d.span.begin).line;
    bool matched = false;
    for (std::size_t i = 0; i < f.line_expectations.size() && !matched; ++i) {
      if (!line_used[i] && f.line_expectations[i].line == line && fits(f.line_expectations[i], d)) {
        line_used[i] = matched = true;
      }
    }
    const fixture_statement* s = f.statement_at(d.span.begin);
    const std::size_t k = s == nullptr ? f.statements.size() : static_cast<std::size_t>(s - f.statements.data());
    if (!matched && s != nullptr) {
      for (std::size_t i = 0; i < s->expected.size() && !matched; ++i) {
        if (!stmt_used[k][i] && fits(s->expected[i], d)) stmt_used[k][i] = matched = true;
      }
    }
    if (!matched) unmatched[k].push_back(&d);
  }

  for (std::size_t k = 0; k < f.statements.size(); ++k) {
    const fixture_statement& s = f.statements[k];
    std::size_t next = 0;  // next unmatched diagnostic of the statement
    for (std::size_t i = 0; i < s.expected.size(); ++i) {
      if (stmt_used[k][i]) continue;
      if (next < unmatched[k].size()) {
        const diag::diagnostic& d = *unmatched[k][next++];
        out.push_back(where(sources.position(file, d.span.begin).line) + "expected " + describe(s.expected[i]) +
                      ", got " + what(d) + ": " + one_line(s.text));
      } else {
        out.push_back(where(s.line) + "missing " + describe(s.expected[i]) + ": " + one_line(s.text));
      }
    }
    for (; next < unmatched[k].size(); ++next) {
      const diag::diagnostic& d = *unmatched[k][next];
      out.push_back(where(sources.position(file, d.span.begin).line) + "unexpected " + what(d) + ": " +
                    one_line(s.text));
    }
  }
  for (const diag::diagnostic* d : unmatched.back()) {
    out.push_back(where(sources.position(file, d->span.begin).line) + "unexpected " + what(*d) +
                  " outside any statement");
  }
  for (std::size_t i = 0; i < f.line_expectations.size(); ++i) {
    const expectation& e = f.line_expectations[i];
    if (!line_used[i]) {
      out.push_back(where(*e.line) + "missing " + describe(e) + " (annotation on line " +
                    std::to_string(e.annotation_line) + ")");
    }
  }
  return out;
}

}  // namespace migc::test
