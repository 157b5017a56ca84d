// Text and JSON rendering of diagnostics.
#include "compiler/diag/render.hpp"

#include <unistd.h>

#include <algorithm>
#include <cstdlib>
#include <fmt/format.h>
#include <iterator>
#include <nlohmann/json.hpp>
#include <string_view>

namespace migc::diag {

namespace {

constexpr std::string_view reset = "\x1b[0m";
constexpr std::string_view bold = "\x1b[1m";
constexpr std::string_view green = "\x1b[1;32m";

std::string_view severity_color(severity s) {
  switch (s) {
    case severity::note:
      return "\x1b[1;36m";
    case severity::warning:
      return "\x1b[1;35m";
    case severity::error:
      return "\x1b[1;31m";
  }
  return "";
}

class text_renderer {
 public:
  text_renderer(const source::source_manager& sources, bool color) : sources_(sources), color_(color) {}

  void add(const diagnostic& d) {
    header(d.span, d.level, d.message, code_name(d.id));
    snippet(d.span);
    for (const note& n : d.notes) {
      header(n.span, severity::note, n.message, {});
      snippet(n.span);
    }
    for (const fixit& f : d.fixits) fix(f);
  }

  std::string take() { return std::move(out_); }

 private:
  void paint(std::string_view escape, std::string_view text) {
    if (color_) {
      fmt::format_to(std::back_inserter(out_), "{}{}{}", escape, text, reset);
    } else {
      out_ += text;
    }
  }

  void header(source::span at, severity level, std::string_view message, std::string_view code) {
    if (at.valid()) {
      source::line_col pos = sources_.position(at.file, at.begin);
      paint(bold, fmt::format("{}:{}:{}:", sources_.name(at.file), pos.line, pos.column));
    } else {
      paint(bold, "migc:");
    }
    out_ += ' ';
    paint(severity_color(level), fmt::format("{}:", severity_name(level)));
    out_ += ' ';
    out_ += message;
    if (!code.empty()) fmt::format_to(std::back_inserter(out_), " [{}]", code);
    out_ += '\n';
  }

  // The line where `at` begins, and a caret line under the part of `at` that
  // lies on it. A long line (generated SQL often is one) is shown as a window
  // of about 120 columns around the caret, elided with "...".
  void snippet(source::span at) {
    if (!at.valid()) return;
    static constexpr std::size_t window_before = 50;
    static constexpr std::size_t window_after = 70;
    source::line_col pos = sources_.position(at.file, at.begin);
    std::string_view line = sources_.line_text(at.file, pos.line);
    std::size_t begin = std::min<std::size_t>(pos.byte_column - 1, line.size());
    std::size_t end = std::min<std::size_t>(begin + (at.end > at.begin ? at.end - at.begin : 0), line.size());

    std::string_view prefix;
    std::string_view suffix;
    if (line.size() > window_before + window_after) {
      std::size_t from = begin > window_before ? begin - window_before : 0;
      std::size_t to = std::min(line.size(), begin + window_after);
      // Keep multi-byte characters whole.
      while (from > 0 && (static_cast<unsigned char>(line[from]) & 0xC0) == 0x80) --from;
      while (to < line.size() && (static_cast<unsigned char>(line[to]) & 0xC0) == 0x80) ++to;
      if (from > 0) prefix = "...";
      if (to < line.size()) suffix = "...";
      line = line.substr(from, to - from);
      begin -= from;
      end = std::min(end - std::min(end, from), line.size());
      end = std::max(end, begin);
    }
    out_ += prefix;
    out_ += line;
    out_ += suffix;
    out_ += '\n';

    std::string indent(prefix.size(), ' ');
    for (std::size_t i = 0; i < begin; i += source::code_point_length(line, i)) indent += line[i] == '\t' ? '\t' : ' ';
    std::uint32_t width = source::count_code_points(line.substr(begin, end - begin));
    std::string caret = "^";
    if (width > 1) caret.append(width - 1, '~');
    out_ += indent;
    paint(green, caret);
    out_ += '\n';
  }

  void fix(const fixit& f) {
    if (!f.span.valid()) return;
    std::string_view old = sources_.text(f.span.file).substr(f.span.begin, f.span.size());
    if (old.empty()) {
      source::line_col pos = sources_.position(f.span.file, f.span.begin);
      fmt::format_to(std::back_inserter(out_), "fix-it: insert '{}' at {}:{}\n", f.replacement, pos.line, pos.column);
    } else if (f.replacement.empty()) {
      fmt::format_to(std::back_inserter(out_), "fix-it: remove '{}'\n", old);
    } else {
      fmt::format_to(std::back_inserter(out_), "fix-it: replace '{}' with '{}'\n", old, f.replacement);
    }
  }

  const source::source_manager& sources_;
  bool color_;
  std::string out_;
};

using json = nlohmann::ordered_json;

json position_json(const source::source_manager& sources, source::file_id file, std::uint32_t offset) {
  source::line_col pos = sources.position(file, offset);
  json j;
  j["offset"] = offset;
  j["line"] = pos.line;
  j["column"] = pos.column;
  return j;
}

// Adds "file" and "range" of `at` to `j`.
void location_json(json& j, const source::source_manager& sources, source::span at) {
  if (!at.valid()) {
    j["file"] = nullptr;
    j["range"] = nullptr;
    return;
  }
  j["file"] = sources.name(at.file);
  json range;
  range["begin"] = position_json(sources, at.file, at.begin);
  range["end"] = position_json(sources, at.file, at.end);
  j["range"] = std::move(range);
}

}  // namespace

std::string render_text(const source::source_manager& sources, const std::vector<diagnostic>& diagnostics, bool color) {
  text_renderer r(sources, color);
  for (const diagnostic& d : diagnostics) r.add(d);
  return r.take();
}

bool use_color(int fd) {
  if (isatty(fd) == 0) return false;
  // NO_COLOR (no-color.org): any non-empty value disables colour.
  const char* no_color = std::getenv("NO_COLOR");
  if (no_color != nullptr && *no_color != '\0') return false;
  const char* term = std::getenv("TERM");
  return term == nullptr || std::string_view(term) != "dumb";
}

std::string render_json(const source::source_manager& sources, const std::vector<diagnostic>& diagnostics) {
  json list = json::array();
  std::size_t errors = 0;
  std::size_t warnings = 0;
  for (const diagnostic& d : diagnostics) {
    errors += d.level == severity::error ? 1 : 0;
    warnings += d.level == severity::warning ? 1 : 0;
    json j;
    j["code"] = code_name(d.id);
    j["severity"] = severity_name(d.level);
    j["message"] = d.message;
    location_json(j, sources, d.span);
    json notes = json::array();
    for (const note& n : d.notes) {
      json jn;
      jn["message"] = n.message;
      location_json(jn, sources, n.span);
      notes.push_back(std::move(jn));
    }
    j["notes"] = std::move(notes);
    json fixits = json::array();
    for (const fixit& f : d.fixits) {
      json jf;
      location_json(jf, sources, f.span);
      jf["replacement"] = f.replacement;
      fixits.push_back(std::move(jf));
    }
    j["fixits"] = std::move(fixits);
    list.push_back(std::move(j));
  }
  json root;
  root["diagnostics"] = std::move(list);
  root["errors"] = errors;
  root["warnings"] = warnings;
  // Messages quote source text, which need not be valid UTF-8.
  return root.dump(2, ' ', false, json::error_handler_t::replace) + "\n";
}

}  // namespace migc::diag
