// Source buffers, file reading and the lazy offset -> line/column decoding.
#include "compiler/source/source.hpp"

#include <algorithm>
#include <cassert>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <iterator>
#include <mutex>

namespace migc::source {

struct source_manager::file_entry {
  std::string name;
  std::string text;
  mutable std::once_flag lines_once;
  mutable std::vector<std::uint32_t> line_starts;  // offsets; [0] == 0
};

source_manager::source_manager() = default;
source_manager::~source_manager() = default;
source_manager::source_manager(source_manager&&) noexcept = default;
source_manager& source_manager::operator=(source_manager&&) noexcept = default;

file_id source_manager::add(std::string name, std::string text) {
  assert(text.size() < std::numeric_limits<std::uint32_t>::max());
  assert(files_.size() < no_file);
  auto entry = std::make_unique<file_entry>();
  entry->name = std::move(name);
  entry->text = std::move(text);
  files_.push_back(std::move(entry));
  return static_cast<file_id>(files_.size() - 1);
}

namespace {

// Reads all of `in`; false with errno's reason on a read error.
bool read_all(std::FILE* in, std::string& out, std::string* error) {
  char buffer[65536];
  for (;;) {
    std::size_t n = std::fread(buffer, 1, sizeof buffer, in);
    out.append(buffer, n);
    if (out.size() >= std::numeric_limits<std::uint32_t>::max()) {
      if (error != nullptr) *error = "file too large (4 GiB or more)";
      return false;
    }
    if (n < sizeof buffer) break;
  }
  if (std::ferror(in) != 0) {
    if (error != nullptr) *error = std::strerror(errno);
    return false;
  }
  return true;
}

}  // namespace

std::optional<file_id> source_manager::add_file(const std::string& path, std::string* error) {
  std::string text;
  if (path == "-") {
    if (!read_all(stdin, text, error)) return std::nullopt;
    return add("<stdin>", std::move(text));
  }
  errno = 0;
  std::FILE* in = std::fopen(path.c_str(), "rb");
  if (in == nullptr) {
    if (error != nullptr) *error = std::strerror(errno != 0 ? errno : ENOENT);
    return std::nullopt;
  }
  bool ok = read_all(in, text, error);
  (void)std::fclose(in);  // read-only: nothing to flush
  // fopen succeeds on a directory; reading it fails with EISDIR above.
  if (!ok) return std::nullopt;
  return add(path, std::move(text));
}

std::size_t source_manager::file_count() const noexcept { return files_.size(); }

const source_manager::file_entry& source_manager::entry(file_id file) const {
  assert(file < files_.size());
  return *files_[file];
}

const std::string& source_manager::name(file_id file) const { return entry(file).name; }

std::string_view source_manager::text(file_id file) const { return entry(file).text; }

const std::vector<std::uint32_t>& source_manager::line_starts(file_id file) const {
  const file_entry& e = entry(file);
  std::call_once(e.lines_once, [&e] {
    const std::string& t = e.text;
    e.line_starts.push_back(0);
    for (std::size_t i = 0; i < t.size(); ++i) {
      if (t[i] == '\n' || (t[i] == '\r' && (i + 1 == t.size() || t[i + 1] != '\n'))) {
        e.line_starts.push_back(static_cast<std::uint32_t>(i + 1));
      }
    }
  });
  return e.line_starts;
}

line_col source_manager::position(file_id file, std::uint32_t offset) const {
  std::string_view t = text(file);
  assert(offset <= t.size());
  offset = std::min<std::uint32_t>(offset, static_cast<std::uint32_t>(t.size()));
  const auto& starts = line_starts(file);
  // The last line start <= offset; starts[0] == 0 so there always is one.
  auto it = std::upper_bound(starts.begin(), starts.end(), offset);
  auto line = static_cast<std::uint32_t>(std::distance(starts.begin(), it));
  std::uint32_t start = *std::prev(it);
  return {line, count_code_points(t.substr(start, offset - start)) + 1, offset - start + 1};
}

std::uint32_t source_manager::line_count(file_id file) const {
  return static_cast<std::uint32_t>(line_starts(file).size());
}

std::uint32_t source_manager::line_start(file_id file, std::uint32_t line) const {
  const auto& starts = line_starts(file);
  assert(line >= 1 && line <= starts.size());
  return starts[line - 1];
}

std::string_view source_manager::line_text(file_id file, std::uint32_t line) const {
  assert(line >= 1);
  const auto& starts = line_starts(file);
  if (line == 0 || line > starts.size()) return {};
  std::string_view t = text(file);
  std::uint32_t begin = starts[line - 1];
  std::uint32_t end = line < starts.size() ? starts[line] : static_cast<std::uint32_t>(t.size());
  std::string_view s = t.substr(begin, end - begin);
  if (!s.empty() && s.back() == '\n') s.remove_suffix(1);
  if (!s.empty() && s.back() == '\r') s.remove_suffix(1);
  return s;
}

std::size_t code_point_length(std::string_view text, std::size_t i) noexcept {
  assert(i < text.size());
  auto continuation = [](char c) { return (static_cast<unsigned char>(c) & 0xC0U) == 0x80U; };
  auto lead = static_cast<unsigned char>(text[i]);
  std::size_t length = 1;
  if (lead >= 0xC2 && lead <= 0xDF) {
    length = 2;
  } else if (lead >= 0xE0 && lead <= 0xEF) {
    length = 3;
  } else if (lead >= 0xF0 && lead <= 0xF4) {
    length = 4;
  }
  // Callers count the prefix of a line up to an offset, so a sequence cut
  // short by the end of `text` still counts as one code point.
  std::size_t k = 1;
  while (k < length && i + k < text.size() && continuation(text[i + k])) ++k;
  return k == length || i + k == text.size() ? k : 1;
}

std::uint32_t count_code_points(std::string_view text) noexcept {
  std::uint32_t count = 0;
  for (std::size_t i = 0; i < text.size(); i += code_point_length(text, i)) ++count;
  return count;
}

}  // namespace migc::source
