// "Did you mean" notes: the one known name close to a misspelt one, offered
// with a fix-it only when no other name is as close.
#include <algorithm>
#include <fmt/format.h>

#include "compiler/backend/sql/print_internal.hpp"
#include "compiler/resolve/resolver.hpp"

namespace migc::resolve::detail {

namespace {

// Levenshtein distance of two folded names, or `limit + 1` once it is
// certain to exceed `limit`.
std::size_t distance(std::string_view a, std::string_view b, std::size_t limit) {
  if ((a.size() > b.size() ? a.size() - b.size() : b.size() - a.size()) > limit) return limit + 1;
  std::vector<std::size_t> row(b.size() + 1);
  for (std::size_t j = 0; j <= b.size(); ++j) row[j] = j;
  for (std::size_t i = 1; i <= a.size(); ++i) {
    std::size_t diagonal = row[0];
    row[0] = i;
    std::size_t best = row[0];
    for (std::size_t j = 1; j <= b.size(); ++j) {
      std::size_t up = row[j];
      row[j] = std::min({row[j] + 1, row[j - 1] + 1, diagonal + (a[i - 1] == b[j - 1] ? 0 : 1)});
      diagonal = up;
      best = std::min(best, row[j]);
    }
    if (best > limit) return limit + 1;
  }
  return row[b.size()];
}

// The name as it must be written to replace `written`: with its quotes if
// the original had them or the name is not a bare identifier.
std::string spelled(std::string_view name, const ast::identifier& written) {
  char open = written.quote;
  if (open == '\0' && backend::sql::detail::is_bare_identifier(name)) return std::string(name);
  if (open == '\0' || open == '\'') open = '"';
  char close = open == '[' ? ']' : open;
  std::string out(1, open);
  for (char c : name) {
    out += c;
    if (c == close && close != ']') out += c;
  }
  out += close;
  return out;
}

}  // namespace

void resolver::suggest(diag::diagnostic& d, const ast::identifier& written,
                       const std::vector<std::string>& candidates) {
  const std::string& key = written.key;
  // At most 2 edits, and fewer than half the name's length.
  std::size_t limit = std::min<std::size_t>(2, (key.size() - 1) / 2);
  if (key.size() < 3) return;
  const std::string* best = nullptr;
  std::size_t best_distance = limit + 1;
  bool tie = false;
  std::string best_key;
  for (const std::string& candidate : candidates) {
    if ((candidate.size() > key.size() ? candidate.size() - key.size() : key.size() - candidate.size()) > limit) {
      continue;
    }
    std::string folded = catalog::fold(candidate);
    if (folded == key) continue;
    std::size_t dist = distance(key, folded, limit);
    if (dist > limit) continue;
    if (dist < best_distance) {
      best = &candidate;
      best_distance = dist;
      best_key = folded;
      tie = false;
    } else if (dist == best_distance && folded != best_key) {
      tie = true;
    }
  }
  if (best == nullptr || tie) return;
  d.notes.push_back({written.where, fmt::format("did you mean '{}'?", *best)});
  d.fixits.push_back({written.where, spelled(*best, written)});
}

const std::vector<std::string>& resolver::relation_names() {
  if (!relation_names_built_) {
    relation_names_built_ = true;
    for (const object& o : cat.objects()) {
      if (o.is_relation()) relation_names_.push_back(o.name);
    }
  }
  return relation_names_;
}

}  // namespace migc::resolve::detail
