// migc's verdicts; see migc_verdict.hpp.
#include "tests/support/migc_verdict.hpp"

#include <tao/pegtl.hpp>

#include "compiler/parse/parse.hpp"
#include "grammar/script.hpp"

namespace migc::test {

parsed_file migc_parse(std::string name, std::string text) {
  parsed_file p;
  p.file = p.sources.add(std::move(name), std::move(text));
  (void)parse::parse_file(p.sources, p.file, p.sink);
  return p;
}

bool migc_accepts(std::string_view sql) { return !migc_parse("<test>", std::string(sql)).sink.has_errors(); }

bool grammar_accepts(std::string_view sql) {
  grammar::parse_tracker tracker;
  const grammar::tracker_scope scope(tracker);
  try {
    tao::pegtl::memory_input<tao::pegtl::tracking_mode::lazy> in(sql.data(), sql.size(), "");
    return tao::pegtl::parse<grammar::script>(in);
  } catch (const grammar::nesting_too_deep&) {
    return false;
  }
}

std::string first_error(const parsed_file& parsed) {
  for (const diag::diagnostic& d : parsed.sink.all()) {
    if (d.level == diag::severity::error) return std::string(diag::code_name(d.id)) + " " + d.message;
  }
  return {};
}

}  // namespace migc::test
