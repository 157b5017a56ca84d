// Atomic, write-if-changed output files.
#include "compiler/workflow/files.hpp"

#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <iterator>

namespace migc::workflow {

namespace fs = std::filesystem;

std::optional<std::string> read_file(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return std::nullopt;
  return std::string{std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

std::optional<std::string> write_atomically(const std::string& path, const std::string& content) {
  // The process id keeps two writers of the same file apart.
  const std::string tmp = path + ".tmp" + std::to_string(::getpid());
  errno = 0;
  std::FILE* out = std::fopen(tmp.c_str(), "wb");
  if (out == nullptr) return std::string(std::strerror(errno != 0 ? errno : EIO));
  bool ok = std::fwrite(content.data(), 1, content.size(), out) == content.size();
  const int saved = errno;
  ok = std::fclose(out) == 0 && ok;
  std::string why;
  if (ok) {
    std::error_code ec;
    fs::rename(tmp, path, ec);
    if (!ec) return std::nullopt;
    why = ec.message();
  } else {
    why = std::strerror(saved != 0 ? saved : (errno != 0 ? errno : EIO));
  }
  std::error_code ignored;
  fs::remove(tmp, ignored);
  return why;
}

std::optional<std::string> write_if_changed(const std::string& path, const std::string& content) {
  if (std::optional<std::string> old = read_file(path); old && *old == content) return std::nullopt;
  return write_atomically(path, content);
}

}  // namespace migc::workflow
