// Renderers for diagnostics: human-readable text with the source line and a
// caret underline (optionally coloured), and JSON for tools.
#pragma once

#include <string>
#include <vector>

#include "compiler/diag/diagnostic.hpp"
#include "compiler/source/source.hpp"

namespace migc::diag {

/// Renders each diagnostic as
///   path:line:col: error: message [E0101]
///   <the source line>
///   <caret line: '^' under the first character, '~' under the rest of the
///    span on that line; tabs of the source line are kept so it aligns>
/// followed by its notes in the same form ("note:", no code) and one
/// "fix-it: replace 'x' with 'y'" line per fix-it ("fix-it: insert 'y' at
/// line:col", "fix-it: remove 'x'"). A diagnostic without a location prints
/// as "migc: error: message [E0190]" alone. Columns count code points. With
/// `color`, ANSI escapes mark the location (bold), the severity (red error,
/// magenta warning, cyan note) and the caret (green).
[[nodiscard]] std::string render_text(const source::source_manager& sources, const std::vector<diagnostic>& diagnostics,
                                      bool color);

/// Whether output to file descriptor `fd` should be coloured: it is a
/// terminal, NO_COLOR is unset or empty, and TERM is not "dumb".
[[nodiscard]] bool use_color(int fd);

/// Renders
///   {"diagnostics": [{"code", "severity", "message", "file", "range",
///                     "notes": [{"message", "file", "range"}],
///                     "fixits": [{"file", "range", "replacement"}]}],
///    "errors": N, "warnings": N}
/// where a range is {"begin": {"offset", "line", "column"}, "end": {...}}
/// (byte offsets, 1-based lines and code-point columns); "file" and "range"
/// are null for a diagnostic without a location. Keys keep this order;
/// indented by 2 spaces, ends with a newline.
[[nodiscard]] std::string render_json(const source::source_manager& sources,
                                      const std::vector<diagnostic>& diagnostics);

}  // namespace migc::diag
