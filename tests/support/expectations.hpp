// Matching reported diagnostics against a fixture's inline annotations, both
// ways: every diagnostic must be expected and every expectation met.
#pragma once

#include <span>
#include <string>
#include <vector>

#include "compiler/diag/diagnostic.hpp"
#include "compiler/source/source.hpp"
#include "tests/support/fixture.hpp"

namespace migc::test {

/// Matches `diagnostics` (those located in `file` of `sources`; notes are
/// skipped) against the annotations of `f`, the fixture read from that file.
/// Returns one line per mismatch, "name:line: what: statement"; within one
/// statement an unexpected diagnostic and a missing one are reported
/// together as a wrong code.
[[nodiscard]] std::vector<std::string> match_expectations(const fixture_file& f, const source::source_manager& sources,
                                                          source::file_id file,
                                                          std::span<const diag::diagnostic* const> diagnostics);

}  // namespace migc::test
