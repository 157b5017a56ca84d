// gen_bindings: the C++ bindings of the benchmark's schema, generated at
// build time. The migc executable is declared after tools/ in the top-level
// meson.build, so a custom_target here cannot run it; this program calls the
// same stages `migc gen cpp` does (driver::compile, model::build,
// cpp::generate) without its write-if-changed and depfile handling.
//
//   gen_bindings OUTDIR NAME NAMESPACE FILE...
//
// Writes OUTDIR/NAME.hpp and OUTDIR/NAME.cpp. Diagnostics go to stderr;
// exits 1 when the schema has errors, 2 on bad arguments or I/O errors.
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <string>
#include <vector>

#include "compiler/backend/cpp/cpp.hpp"
#include "compiler/backend/model/model.hpp"
#include "compiler/diag/diagnostic.hpp"
#include "compiler/diag/render.hpp"
#include "compiler/driver/driver.hpp"
#include "compiler/source/source.hpp"

int main(int argc, char** argv) {
  using namespace migc;
  if (argc < 5) {
    std::cerr << "usage: gen_bindings OUTDIR NAME NAMESPACE FILE...\n";
    return 2;
  }
  const std::filesystem::path out_dir(argv[1]);
  source::source_manager sources;
  std::vector<source::file_id> ids;
  for (int i = 4; i < argc; ++i) {
    std::string why;
    if (auto id = sources.add_file(argv[i], &why)) {
      ids.push_back(*id);
    } else {
      std::cerr << "gen_bindings: cannot read '" << argv[i] << "': " << why << "\n";
      return 2;
    }
  }

  diag::sink sink;
  driver::compilation schema = driver::compile(sources, ids, driver::options{}, sink);
  std::vector<backend::generated_file> files;
  if (!sink.has_errors() && schema.passes_ran) {
    backend::model::model m = backend::model::build(schema, sources, backend::model::options{}, sink);
    if (!sink.has_errors()) {
      backend::cpp::options o;
      o.name = argv[2];
      o.name_space = argv[3];
      files = backend::cpp::generate(m, o, sink);
    }
  }
  sink.sort_by_location();
  if (!sink.empty()) std::cerr << diag::render_text(sources, sink.all(), false);
  if (sink.has_errors()) return 1;

  for (const backend::generated_file& f : files) {
    std::ofstream out(out_dir / f.name, std::ios::binary | std::ios::trunc);
    out << f.content;
    if (!out.flush()) {
      std::cerr << "gen_bindings: cannot write '" << (out_dir / f.name).string() << "'\n";
      return 2;
    }
  }
  return 0;
}
