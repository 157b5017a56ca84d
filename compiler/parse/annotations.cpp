// One scan over a file for its comments: strings ('...'), quoted names
// ("...", `...`, [...]) are stepped over so that "--" inside them is text.
#include "compiler/parse/annotations.hpp"

#include <cassert>

namespace migc::parse {

namespace {

std::string_view trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == '\r')) s.remove_suffix(1);
  return s;
}

bool is_name_char(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' || c == '$' ||
         static_cast<unsigned char>(c) >= 0x80;
}

// The offset just past the quoted token opened at `at` (its closing quote
// doubled inside it, except for ']'), or the end of the text.
std::size_t skip_quoted(std::string_view text, std::size_t at) {
  const char close = text[at] == '[' ? ']' : text[at];
  for (std::size_t i = at + 1; i < text.size(); ++i) {
    if (text[i] != close) continue;
    if (close != ']' && i + 1 < text.size() && text[i + 1] == close) {
      ++i;
      continue;
    }
    return i + 1;
  }
  return text.size();
}

void annotate(std::string_view text, ast::script& script) {
  const ast::comment& c = script.comments.back();
  const std::string_view body = text.substr(c.where.begin, c.where.size());
  const auto index = static_cast<std::uint32_t>(script.comments.size() - 1);
  if (!c.block) {
    if (std::vector<std::string> names = allow_names(body); !names.empty()) {
      script.annotations.push_back({ast::annotation::kind::allow, std::move(names), index, c.where});
    }
  }
  if (std::optional<std::string> old = renamed_from(body)) {
    script.annotations.push_back({ast::annotation::kind::renamed, {std::move(*old)}, index, c.where});
  }
}

}  // namespace

void scan_comments(std::string_view text, ast::script& script) {
  std::size_t line_start = 0;
  bool blank_so_far = true;  // only spaces and tabs since line_start
  std::size_t i = 0;
  auto record = [&](std::size_t begin, std::size_t end, bool block) {
    source::span where{script.file, static_cast<std::uint32_t>(begin), static_cast<std::uint32_t>(end)};
    script.comments.push_back({where, block, blank_so_far});
    annotate(text, script);
  };
  while (i < text.size()) {
    const char c = text[i];
    if (c == '\n') {
      line_start = ++i;
      blank_so_far = true;
      continue;
    }
    if (c == '-' && i + 1 < text.size() && text[i + 1] == '-') {
      std::size_t end = text.find('\n', i);
      if (end == std::string_view::npos) end = text.size();
      record(i, end, false);
      i = end;
      continue;
    }
    if (c == '/' && i + 1 < text.size() && text[i + 1] == '*') {
      std::size_t close = text.find("*/", i + 2);
      std::size_t end = close == std::string_view::npos ? text.size() : close + 2;
      record(i, end, true);
      // A block comment may span lines: what follows it is not at a line's start.
      for (std::size_t j = i; j < end; ++j) {
        if (text[j] == '\n') line_start = j + 1;
      }
      blank_so_far = false;
      i = end;
      continue;
    }
    if (c != ' ' && c != '\t' && c != '\r') blank_so_far = false;
    if (c == '\'' || c == '"' || c == '`' || c == '[') {
      std::size_t end = skip_quoted(text, i);
      for (std::size_t j = i; j < end; ++j) {
        if (text[j] == '\n') line_start = j + 1;
      }
      i = end;
      continue;
    }
    ++i;
  }
  (void)line_start;
}

std::vector<std::string> allow_names(std::string_view comment) {
  std::vector<std::string> names;
  std::string_view line = trim(comment);
  if (!line.starts_with("--")) return names;
  line = trim(line.substr(2));
  constexpr std::string_view marker = "migc:allow";
  if (!line.starts_with(marker)) return names;
  line = line.substr(marker.size());
  if (!line.empty() && line.front() != ' ' && line.front() != '\t') return names;
  std::string current;
  for (char c : line) {
    if (c == ' ' || c == '\t' || c == ',') {
      if (!current.empty()) names.push_back(std::move(current));
      current.clear();
    } else {
      current += c;
    }
  }
  if (!current.empty()) names.push_back(std::move(current));
  return names;
}

std::optional<std::string> renamed_from(std::string_view text) {
  constexpr std::string_view marker = "@renamed";
  std::size_t at = text.find(marker);
  if (at == std::string_view::npos) return std::nullopt;
  std::string_view rest = text.substr(at + marker.size());
  auto skip_blanks = [&] {
    while (!rest.empty() && (rest.front() == ' ' || rest.front() == '\t')) rest.remove_prefix(1);
  };
  skip_blanks();
  if (!rest.starts_with("from")) return std::nullopt;
  rest.remove_prefix(4);
  skip_blanks();
  if (rest.empty() || rest.front() != '=') return std::nullopt;
  rest.remove_prefix(1);
  skip_blanks();
  if (rest.empty()) return std::nullopt;
  std::string name;
  const char open = rest.front();
  if (open == '"' || open == '\'' || open == '`' || open == '[') {
    const char close = open == '[' ? ']' : open;
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
    if (!is_name_char(c)) break;
    name += c;
  }
  return name.empty() ? std::nullopt : std::optional<std::string>(name);
}

}  // namespace migc::parse
