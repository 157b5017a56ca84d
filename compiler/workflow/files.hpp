// Writing the files migc produces (compile -o, schema -o, generated
// bindings, depfiles): atomically, and only when their content changes, so
// that readers never see half a file and build systems see no change when
// there is none.
#pragma once

#include <optional>
#include <string>

namespace migc::workflow {

/// The content of `path`, or nullopt when it cannot be read.
[[nodiscard]] std::optional<std::string> read_file(const std::string& path);

/// Writes `content` to `path` through a temporary file in the same directory
/// and a rename. Returns nullopt on success, else the reason (strerror or
/// the filesystem's message); `path` is then as it was and the temporary
/// file removed.
[[nodiscard]] std::optional<std::string> write_atomically(const std::string& path, const std::string& content);

/// write_atomically, unless `path` already holds exactly `content`, in
/// which case nothing is touched (timestamps included).
[[nodiscard]] std::optional<std::string> write_if_changed(const std::string& path, const std::string& content);

}  // namespace migc::workflow
