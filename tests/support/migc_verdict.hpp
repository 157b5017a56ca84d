// migc's side of the differential tests: whether migc's front end accepts a
// piece of SQL, and the diagnostics it reports for a file. Every test that
// compares migc with SQLite asks migc_accepts(), so "accepts" means one
// thing everywhere: parse_file() reports no error.
#pragma once

#include <string>
#include <string_view>

#include "compiler/diag/diagnostic.hpp"
#include "compiler/source/source.hpp"

namespace migc::test {

/// True when migc::parse::parse_file() reports no error for `sql` (any
/// number of statements).
[[nodiscard]] bool migc_accepts(std::string_view sql);

/// True when the grammar alone (grammar::script, no AST builder) matches all
/// of `sql`; nesting beyond the grammar's bound counts as a rejection. Only
/// to tell grammar bugs from builder checks when reporting disagreements.
[[nodiscard]] bool grammar_accepts(std::string_view sql);

/// A file run through parse_file(), with everything its diagnostics point into.
struct parsed_file {
  source::source_manager sources;
  source::file_id file = source::no_file;
  diag::sink sink;
};

/// Adds `text` as `name` to a fresh source manager and parses it.
[[nodiscard]] parsed_file migc_parse(std::string name, std::string text);

/// The first error parse_file() reported, as "E0101 message", or empty.
[[nodiscard]] std::string first_error(const parsed_file& parsed);

}  // namespace migc::test
