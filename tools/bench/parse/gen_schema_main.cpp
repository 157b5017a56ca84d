// gen_schema N: writes the benchmark's synthetic schema of N tables to
// standard output (to time `migc check` or sqlite3 on it by hand).
#include <cstdio>
#include <cstdlib>
#include <string>

#include "tools/bench/parse/gen_schema.hpp"

int main(int argc, char** argv) {
  if (argc != 2 || std::atol(argv[1]) <= 0) {
    std::fprintf(stderr, "usage: gen_schema TABLES\n");
    return 2;
  }
  const std::string schema = migc::bench::generate_schema(static_cast<std::size_t>(std::atol(argv[1])));
  std::fwrite(schema.data(), 1, schema.size(), stdout);
  return 0;
}
