// A synthetic schema for the parse benchmark: N tables with foreign keys,
// CHECK constraints and indexes, and about one view (CTE, UNION or window)
// and one trigger per five tables. Deterministic: the same N gives the same
// text on every platform.
#pragma once

#include <cstddef>
#include <string>

namespace migc::bench {

/// The schema of `tables` tables as SQL text; SQLite 3.40 loads it without
/// error into an empty database.
[[nodiscard]] std::string generate_schema(std::size_t tables);

}  // namespace migc::bench
