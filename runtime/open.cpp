// open_database: the probe that tells a database from any other file.
#include "runtime/open.hpp"

#include <filesystem>

namespace migc::rt {

result<std::optional<connection>> open_database(const std::string& path, open_mode mode) {
  std::error_code ec;
  if (mode == open_mode::read_only && !std::filesystem::exists(path, ec)) return std::optional<connection>();
  const int flags = mode == open_mode::create ? SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE : SQLITE_OPEN_READONLY;
  result<connection> db = connection::open(path, flags);
  if (!db) return error{db.error().code, "cannot open '" + path + "': " + db.error().message, ""};
  // SQLite reads the header lazily: ask for the schema to find out.
  result<statement> probe = db->prepare("SELECT count(*) FROM sqlite_schema");
  result<step_result> step = probe ? probe->step() : result<step_result>(probe.error());
  if (!step) {
    const error& e = probe ? step.error() : probe.error();
    if ((e.code & 0xff) == SQLITE_NOTADB) return error{e.code, "'" + path + "' is not an SQLite database", e.sql};
    return error{e.code, "cannot read '" + path + "': " + e.message, e.sql};
  }
  return std::optional<connection>(std::move(db).value());
}

bool is_not_a_database(const error& e) noexcept { return (e.code & 0xff) == SQLITE_NOTADB; }

}  // namespace migc::rt
