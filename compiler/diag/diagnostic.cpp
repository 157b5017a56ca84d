// The code table's accessors and the diagnostic sink.
#include "compiler/diag/diagnostic.hpp"

#include <algorithm>
#include <array>
#include <cassert>
#include <tuple>
#include <utility>

namespace migc::diag {

namespace {

struct code_info {
  code id;
  severity level;
  std::string_view name;
  std::string_view symbol;
  std::string_view title;
  std::string_view doc;
};

constexpr std::array<code_info, detail::code_count> table{{
#define MIGC_DIAG(id, sev, name, title, doc) {code::id, severity::sev, #id, #name, title, doc},
#include "compiler/diag/codes.def"
#undef MIGC_DIAG
}};

constexpr std::array<code, detail::code_count> codes{{
#define MIGC_DIAG(id, sev, name, title, doc) code::id,
#include "compiler/diag/codes.def"
#undef MIGC_DIAG
}};

// The table is indexed by the enumerator's value.
constexpr bool table_in_order() {
  for (std::size_t i = 0; i < table.size(); ++i) {
    if (static_cast<std::size_t>(table[i].id) != i) return false;
  }
  return true;
}
static_assert(table_in_order());

const code_info& info(code c) noexcept {
  auto i = static_cast<std::size_t>(c);
  assert(i < table.size());
  return table[i];
}

}  // namespace

std::string_view code_name(code c) noexcept { return info(c).name; }
std::string_view code_symbol(code c) noexcept { return info(c).symbol; }
std::string_view code_title(code c) noexcept { return info(c).title; }
std::string_view code_doc(code c) noexcept { return info(c).doc; }
severity default_severity(code c) noexcept { return info(c).level; }

std::optional<code> find_code(std::string_view name) noexcept {
  for (const code_info& row : table) {
    if (row.name == name || row.symbol == name) return row.id;
  }
  return std::nullopt;
}

std::span<const code> all_codes() noexcept { return codes; }

std::string_view severity_name(severity s) noexcept {
  switch (s) {
    case severity::note:
      return "note";
    case severity::warning:
      return "warning";
    case severity::error:
      return "error";
  }
  return "error";
}

void sink::report(diagnostic d) { diagnostics_.push_back(std::move(d)); }

diagnostic& sink::add(code c, severity level, source::span at, std::string message) {
  diagnostic d;
  d.id = c;
  d.level = level;
  d.span = at;
  d.message = std::move(message);
  diagnostics_.push_back(std::move(d));
  return diagnostics_.back();
}

diagnostic& sink::error(code c, source::span at, std::string message) {
  return add(c, severity::error, at, std::move(message));
}

diagnostic& sink::warning(code c, source::span at, std::string message) {
  return add(c, severity::warning, at, std::move(message));
}

diagnostic& sink::emit(code c, source::span at, std::string message) {
  return add(c, default_severity(c), at, std::move(message));
}

bool sink::has_errors() const noexcept { return error_count() != 0; }

std::size_t sink::error_count() const noexcept {
  return static_cast<std::size_t>(std::ranges::count(diagnostics_, severity::error, &diagnostic::level));
}

std::size_t sink::warning_count() const noexcept {
  return static_cast<std::size_t>(std::ranges::count(diagnostics_, severity::warning, &diagnostic::level));
}

void sink::sort_by_location() {
  // no_file is the largest file id, so location-less diagnostics sort last.
  std::ranges::stable_sort(diagnostics_, [](const diagnostic& a, const diagnostic& b) {
    return std::tie(a.span.file, a.span.begin, a.span.end) < std::tie(b.span.file, b.span.begin, b.span.end);
  });
}

}  // namespace migc::diag
