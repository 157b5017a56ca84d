// Fixture files with inline expectations; see fixture.hpp.
#include "tests/support/fixture.hpp"

#include <algorithm>
#include <fstream>
#include <regex>
#include <sstream>
#include <stdexcept>

#include "tests/support/sqlite_oracle.hpp"

namespace migc::test {

namespace {

// "-- expect-error@+1 E0101 {{message}}": severity, offset, code, message.
const std::regex& annotation_re() {
  static const std::regex re(R"(^\s*--\s*expect-(error|warning)(@[+-][0-9]+)?\s+([EW][0-9]{4})\s*(\{\{(.*)\}\})?\s*$)");
  return re;
}

const std::regex& no_diagnostics_re() {
  static const std::regex re(R"(^\s*--\s*expect-no-diagnostics\s*$)");
  return re;
}

// Any line that starts like an annotation, well-formed or not.
const std::regex& annotation_start_re() {
  static const std::regex re(R"(^\s*--\s*expect-)");
  return re;
}

std::vector<std::string> split_lines(const std::string& text) {
  std::vector<std::string> lines;
  std::string line;
  std::istringstream in(text);
  while (std::getline(in, line)) {
    if (!line.empty() && line.back() == '\r') line.pop_back();
    lines.push_back(line);
  }
  return lines;
}

}  // namespace

std::uint32_t line_of(const std::string& text, std::size_t offset) {
  offset = std::min(offset, text.size());
  return 1 +
         static_cast<std::uint32_t>(std::count(text.begin(), text.begin() + static_cast<std::ptrdiff_t>(offset), '\n'));
}

std::string one_line(const std::string& text, std::size_t max) {
  std::string out;
  bool space = false;
  for (char c : text) {
    if (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
      space = !out.empty();
      continue;
    }
    if (space) out += ' ';
    space = false;
    out += c;
  }
  if (out.size() > max) out = out.substr(0, max - 3) + "...";
  return out;
}

std::size_t fixture_file::expectation_count() const {
  std::size_t n = line_expectations.size();
  for (const fixture_statement& s : statements) n += s.expected.size();
  return n;
}

const fixture_statement* fixture_file::statement_at(std::size_t offset) const {
  for (const fixture_statement& s : statements) {
    if (offset >= s.begin && offset <= s.end) return &s;
  }
  return nullptr;
}

fixture_file parse_fixture(std::string name, std::string text) {
  fixture_file f;
  f.name = std::move(name);
  f.text = std::move(text);
  const std::vector<std::string> lines = split_lines(f.text);

  // Annotations by line; those without @ wait for the next statement.
  std::vector<expectation> pending;
  std::vector<std::pair<std::uint32_t, expectation>> unanchored;
  for (std::size_t i = 0; i < lines.size(); ++i) {
    const auto line = static_cast<std::uint32_t>(i + 1);
    const std::string& l = lines[i];
    if (std::regex_match(l, no_diagnostics_re())) {
      if (line != 1) f.problems.push_back("line " + std::to_string(line) + ": expect-no-diagnostics must be line 1");
      f.expect_no_diagnostics = true;
      continue;
    }
    if (!std::regex_search(l, annotation_start_re())) continue;
    std::smatch m;
    if (!std::regex_match(l, m, annotation_re())) {
      f.problems.push_back("line " + std::to_string(line) + ": malformed annotation: " + l);
      continue;
    }
    expectation e;
    e.severity = m[1].str();
    e.code = m[3].str();
    e.message = m[5].str();
    e.annotation_line = line;
    if (m[2].matched) {
      const long offset = std::stol(m[2].str().substr(1));
      if (static_cast<long>(line) + offset < 1) {
        f.problems.push_back("line " + std::to_string(line) + ": @" + m[2].str() + " points before the file");
        continue;
      }
      e.line = static_cast<std::uint32_t>(static_cast<long>(line) + offset);
      f.line_expectations.push_back(e);
    } else {
      unanchored.emplace_back(line, e);
    }
  }

  // Statements as SQLite splits the file; an unanchored annotation belongs to
  // the statement whose leading comments hold it.
  std::size_t next = 0;
  for (const statement_range& r : split_statement_ranges(f.text)) {
    fixture_statement s;
    s.begin = r.begin;
    s.end = r.end;
    s.text = f.text.substr(r.begin, r.end - r.begin);
    s.line = line_of(f.text, r.begin);
    s.end_line = line_of(f.text, r.end == 0 ? 0 : r.end - 1);
    const std::uint32_t chunk_line = line_of(f.text, r.chunk_begin);
    while (next < unanchored.size() && unanchored[next].first < s.line) {
      if (unanchored[next].first >= chunk_line) {
        s.expected.push_back(unanchored[next].second);
      } else {
        f.problems.push_back("line " + std::to_string(unanchored[next].first) + ": annotation inside a statement");
      }
      ++next;
    }
    f.statements.push_back(std::move(s));
  }
  for (; next < unanchored.size(); ++next) {
    f.problems.push_back("line " + std::to_string(unanchored[next].first) + ": annotation after the last statement");
  }
  if (f.expect_no_diagnostics && f.expectation_count() != 0) {
    f.problems.push_back("expect-no-diagnostics, but the file also expects diagnostics");
  }
  return f;
}

fixture_file load_fixture(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw std::runtime_error("cannot read fixture " + path.string());
  std::ostringstream text;
  text << in.rdbuf();
  fixture_file f = parse_fixture(path.filename().string(), text.str());
  f.path = path;
  return f;
}

std::vector<std::filesystem::path> fixture_paths(const std::filesystem::path& dir) {
  std::vector<std::filesystem::path> out;
  for (const auto& entry : std::filesystem::directory_iterator(dir)) {
    if (entry.is_regular_file() && entry.path().extension() == ".sql") out.push_back(entry.path());
  }
  std::sort(out.begin(), out.end());
  return out;
}

}  // namespace migc::test
