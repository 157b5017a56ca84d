// Source buffers and locations: the source_manager owns every text the
// compiler reads, hands out stable views of it, and turns byte offsets into
// lines and columns only when something is printed.
#pragma once

#include <cstdint>
#include <limits>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace migc::source {

using file_id = std::uint32_t;

/// The file of a span that points nowhere (e.g. "cannot read 'x.sql'").
inline constexpr file_id no_file = std::numeric_limits<file_id>::max();

/// A half-open byte range [begin, end) of one file.
struct span {
  file_id file = no_file;
  std::uint32_t begin = 0;
  std::uint32_t end = 0;

  [[nodiscard]] constexpr bool valid() const noexcept { return file != no_file; }
  [[nodiscard]] constexpr std::uint32_t size() const noexcept { return end - begin; }
  friend constexpr bool operator==(const span&, const span&) = default;
};

/// A decoded position, all 1-based. `column` counts Unicode code points of
/// the UTF-8 line up to the offset (what editors show; an invalid byte counts
/// as one); `byte_column` counts bytes.
struct line_col {
  std::uint32_t line = 0;
  std::uint32_t column = 0;
  std::uint32_t byte_column = 0;
  friend constexpr bool operator==(const line_col&, const line_col&) = default;
};

/// Owns source buffers. Views returned by text() and line_text() stay valid
/// for the manager's lifetime. Lines end at "\n", "\r\n" or a lone "\r". Const
/// member functions may be called from several threads at once.
class source_manager {
 public:
  source_manager();
  ~source_manager();
  source_manager(const source_manager&) = delete;
  source_manager& operator=(const source_manager&) = delete;
  source_manager(source_manager&&) noexcept;
  source_manager& operator=(source_manager&&) noexcept;

  /// Adds a buffer named `name` (used in diagnostics as given). Ids are
  /// dense and given in order, starting at 0. The text must be shorter than
  /// 4 GiB (asserted).
  file_id add(std::string name, std::string text);

  /// Reads the file at `path` ("-" reads standard input, named "<stdin>").
  /// On failure returns nullopt, adds nothing, and if `error` is non-null
  /// stores the reason there (e.g. "No such file or directory").
  std::optional<file_id> add_file(const std::string& path, std::string* error = nullptr);

  [[nodiscard]] std::size_t file_count() const noexcept;
  [[nodiscard]] const std::string& name(file_id file) const;
  [[nodiscard]] std::string_view text(file_id file) const;

  /// The position of byte `offset` of `file`; `offset` may equal the text's
  /// size (end of file). Builds the file's line table on first use.
  [[nodiscard]] line_col position(file_id file, std::uint32_t offset) const;

  /// Number of lines of `file`; an empty file and a file ending in a line
  /// break both count the (empty) last line.
  [[nodiscard]] std::uint32_t line_count(file_id file) const;

  /// The byte offset where 1-based `line` starts.
  [[nodiscard]] std::uint32_t line_start(file_id file, std::uint32_t line) const;

  /// The text of 1-based `line` without its line break; empty past the end.
  [[nodiscard]] std::string_view line_text(file_id file, std::uint32_t line) const;

 private:
  struct file_entry;
  [[nodiscard]] const file_entry& entry(file_id file) const;
  [[nodiscard]] const std::vector<std::uint32_t>& line_starts(file_id file) const;

  std::vector<std::unique_ptr<file_entry>> files_;
};

/// Length in bytes of the UTF-8 code point that starts at byte `i` of `text`
/// (i < text.size()): 1 for a byte that starts no valid sequence; a sequence
/// cut short by the end of `text` counts whole.
[[nodiscard]] std::size_t code_point_length(std::string_view text, std::size_t i) noexcept;

/// Number of code points in UTF-8 `text`, as code_point_length() steps.
[[nodiscard]] std::uint32_t count_code_points(std::string_view text) noexcept;

}  // namespace migc::source
