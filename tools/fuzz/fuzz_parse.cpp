// libFuzzer target of the front end: any bytes, as one file, through
// parse::parse_file(). The contract it checks is parse_file's: never throw,
// never crash, and every diagnostic points inside the file.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>

#include "compiler/diag/diagnostic.hpp"
#include "compiler/parse/parse.hpp"
#include "compiler/source/source.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  migc::source::source_manager sources;
  const migc::source::file_id file = sources.add("fuzz.sql", std::string(reinterpret_cast<const char*>(data), size));
  migc::diag::sink sink;
  (void)migc::parse::parse_file(sources, file, sink);
  for (const migc::diag::diagnostic& d : sink.all()) {
    // A diagnostic outside the file would crash the renderer later on.
    if (d.span.file != file || d.span.begin > d.span.end || d.span.end > size) std::abort();
  }
  return 0;
}
