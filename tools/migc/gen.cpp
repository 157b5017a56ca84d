// migc gen cpp|fsharp: bindings from the schema files, written only when
// their content changes, with a depfile for build systems and a --check mode
// for CI.
#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <fmt/format.h>
#include <fstream>
#include <iostream>
#include <iterator>
#include <optional>

#include "compiler/backend/cpp/cpp.hpp"
#include "compiler/backend/fsharp/fsharp.hpp"
#include "compiler/backend/model/model.hpp"
#include "compiler/backend/sql/printer.hpp"
#include "tools/migc/commands.hpp"

#ifndef MIGC_VERSION
#error "MIGC_VERSION must be defined by the build"
#endif

namespace migc::tool {

namespace {

namespace fs = std::filesystem;

// FNV-1a, 64 bits, over everything that decides the output: migc's version,
// the language and its options, and the schema as compiled: each object's
// canonical CREATE statement with the name of its file. Paths are reduced
// to file names so that the hash does not depend on where the tree or the
// build directory lives; comments and layout are left out so that editing
// them does not churn the generated files (and everything built on them).
std::string input_hash(const gen_options& o, const source::source_manager& sources,
                       const std::vector<source::file_id>& ids, const driver::compilation& schema) {
  std::uint64_t h = 14695981039346656037ULL;
  auto mix = [&h](std::string_view s) {
    for (unsigned char c : s) {
      h ^= c;
      h *= 1099511628211ULL;
    }
    h ^= 0xffU;  // a separator no UTF-8 text contains
    h *= 1099511628211ULL;
  };
  mix(MIGC_VERSION);
  mix(o.language);
  mix(o.language == "cpp" ? o.name_space + "\n" + o.name : o.project);
  for (const std::string& e : o.exclude) mix(e);
  for (source::file_id id : ids) mix(fs::path(sources.name(id)).filename().string());
  for (const catalog::object& obj : schema.catalog.objects()) {
    mix(fs::path(sources.name(obj.file)).filename().string());
    mix(backend::sql::print_statement(*obj.statement));
  }
  return fmt::format("{:016x}", h);
}

std::optional<std::string> read_file(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return std::nullopt;
  return std::string{std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

// Writes `content` to `path` through a temporary file in the same directory
// and a rename, so that a reader (or a build interrupted midway) never sees
// half a file. On failure stores the reason in `why` and leaves `path` as
// it was.
bool write_atomically(const fs::path& path, const std::string& content, std::string& why) {
  fs::path tmp = path;
  tmp += fmt::format(".tmp{}", ::getpid());
  errno = 0;
  std::FILE* out = std::fopen(tmp.c_str(), "wb");
  if (out == nullptr) {
    why = std::strerror(errno != 0 ? errno : EIO);
    return false;
  }
  bool ok = std::fwrite(content.data(), 1, content.size(), out) == content.size();
  int saved = errno;
  ok = std::fclose(out) == 0 && ok;
  if (ok) {
    std::error_code ec;
    fs::rename(tmp, path, ec);
    if (!ec) return true;
    why = ec.message();
  } else {
    why = std::strerror(saved != 0 ? saved : (errno != 0 ? errno : EIO));
  }
  std::error_code ignored;
  fs::remove(tmp, ignored);
  return false;
}

// A path as Make and Ninja read it in a depfile.
std::string depfile_escape(std::string_view path) {
  std::string out;
  for (char c : path) {
    if (c == ' ' || c == '#' || c == '\\') out.push_back('\\');
    if (c == '$') out.push_back('$');
    out.push_back(c);
  }
  return out;
}

}  // namespace

int run_gen(const gen_options& options) {
  std::optional<driver::options> opts = detail::driver_options(options.warnings, false);
  if (!opts) return exit_code::usage;
  source::source_manager sources;
  diag::sink sink;
  std::vector<source::file_id> ids = detail::load(sources, sink, options.files);
  driver::compilation schema = driver::compile(sources, ids, *opts, sink);
  std::vector<backend::generated_file> files;
  if (!sink.has_errors() && schema.passes_ran) {
    backend::model::options model_opts;
    model_opts.exclude = options.exclude;
    backend::model::model m = backend::model::build(schema, sources, model_opts, sink);
    if (!sink.has_errors()) {
      std::string hash = input_hash(options, sources, ids, schema);
      if (options.language == "cpp") {
        backend::cpp::options o;
        o.name = options.name;
        o.name_space = options.name_space;
        o.input_hash = hash;
        files = backend::cpp::generate(m, o, sink);
      } else {
        backend::fsharp::options o;
        o.project = options.project;
        o.input_hash = hash;
        files = backend::fsharp::generate(m, o, sink);
      }
    }
  }
  sink.sort_by_location();
  detail::print_text(sources, sink);
  if (int status = detail::exit_status(sink); status != exit_code::ok) return status;

  const fs::path dir(options.output_dir);
  if (options.check) {
    int stale = 0;
    for (const backend::generated_file& f : files) {
      std::optional<std::string> old = read_file(dir / f.name);
      if (old && *old == f.content) continue;
      std::cerr << "migc: " << (dir / f.name).generic_string() << (old ? " is out of date" : " is missing") << "\n";
      ++stale;
    }
    if (stale > 0) {
      std::cerr << fmt::format("migc: {} generated file{} stale; run 'migc gen {}' again\n", stale,
                               stale == 1 ? " is" : "s are", options.language);
      return exit_code::errors;
    }
    return exit_code::ok;
  }

  std::error_code ec;
  fs::create_directories(dir, ec);
  if (ec) {
    std::cerr << "migc: error: cannot create '" << dir.generic_string() << "': " << ec.message() << "\n";
    return exit_code::usage;
  }
  for (const backend::generated_file& f : files) {
    const fs::path path = dir / f.name;
    if (std::optional<std::string> old = read_file(path); old && *old == f.content) continue;
    std::string why;
    if (!write_atomically(path, f.content, why)) {
      std::cerr << "migc: error: cannot write '" << path.generic_string() << "': " << why << "\n";
      return exit_code::usage;
    }
  }

  if (!options.depfile.empty()) {
    // Every output depends on every input; the depfile is rewritten only
    // when it changes, like the outputs.
    std::string targets;
    for (const backend::generated_file& f : files) {
      if (!targets.empty()) targets += ' ';
      targets += depfile_escape((dir / f.name).generic_string());
    }
    std::string text = targets + ":";
    for (source::file_id id : ids) text += " \\\n  " + depfile_escape(sources.name(id));
    text += "\n";
    if (std::optional<std::string> old = read_file(options.depfile); !old || *old != text) {
      std::string why;
      if (!write_atomically(options.depfile, text, why)) {
        std::cerr << "migc: error: cannot write '" << options.depfile << "': " << why << "\n";
        return exit_code::usage;
      }
    }
  }
  return exit_code::ok;
}

}  // namespace migc::tool
