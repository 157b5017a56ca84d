// The names of generated C++ code (docs/bindings-cpp.md, "Names"): row and
// insert structs in PascalCase, the singular of the relation's name;
// namespaces, members, parameters and functions in snake_case. Names come
// from naming::scope, so they are valid identifiers, never keywords and
// unique where they must be; a collision is reported as W0604.
#include <algorithm>
#include <cctype>
#include <fmt/format.h>
#include <map>
#include <optional>

#include "compiler/backend/cpp/cpp_internal.hpp"
#include "compiler/backend/model/naming.hpp"

namespace migc::backend::cpp::detail {

namespace {

constexpr std::string_view keyword_suffix = "_";
constexpr std::string_view digit_prefix = "_";

bool is_keyword(std::string_view name) {
  const auto keywords = naming::cpp_keywords();
  return std::ranges::find(keywords, name) != keywords.end();
}

// What scope::claim makes of `wanted` before it looks for a free name.
std::string repaired(std::string wanted, std::string_view empty_name) {
  if (wanted.empty()) wanted = empty_name;
  if (std::isdigit(static_cast<unsigned char>(wanted.front())) != 0) wanted = std::string(digit_prefix) + wanted;
  if (is_keyword(wanted)) wanted += keyword_suffix;
  return wanted;
}

// A naming::scope that remembers which SQL object took each name, to word
// W0604 when a later one has to take a suffix.
class namer {
 public:
  explicit namer(std::string_view empty_name)
      : scope_(naming::cpp_keywords(), keyword_suffix, digit_prefix, empty_name), empty_name_(empty_name) {}

  void reserve(std::string_view name) {
    scope_.reserve(std::string(name));
    owners_.emplace(std::string(name), std::nullopt);
  }

  /// A unique name for `wanted`; reports W0604 when the repaired name was
  /// taken by another object (`what` names the object: "table 'x'").
  std::string claim(std::string wanted, const std::string& what, source::span where, diag::sink& sink) {
    std::string base = repaired(wanted, empty_name_);
    std::string name = scope_.claim(std::move(wanted));
    auto [it, fresh] = owners_.try_emplace(base, owner{what, where});
    if (!fresh && name != base) {
      if (it->second) {
        auto& d =
            sink.emit(diag::code::W0604, where,
                      fmt::format("{} is named '{}' in C++: '{}' is taken by {}", what, name, base, it->second->what));
        if (it->second->where.valid()) d.notes.push_back({it->second->where, "'" + base + "' is taken here"});
      } else {
        sink.emit(diag::code::W0604, where,
                  fmt::format("{} is named '{}' in C++: '{}' is reserved by the generated code", what, name, base));
      }
    }
    owners_.try_emplace(name, owner{what, where});
    return name;
  }

  /// A unique name without reporting (function names).
  std::string claim(std::string wanted) { return scope_.claim(std::move(wanted)); }

 private:
  struct owner {
    std::string what;
    source::span where;
  };
  naming::scope scope_;
  std::string empty_name_;
  std::map<std::string, std::optional<owner>, std::less<>> owners_;
};

std::string describe(const model::relation& r) {
  return fmt::format("{} '{}'", model::relation_kind_name(r.kind), r.name);
}

// "Customer" from "customers": PascalCase with the last word singular.
std::string struct_base(const model::relation& r) {
  std::vector<std::string> w = naming::words(r.name);
  if (!w.empty()) w.back() = naming::singular(w.back());
  return naming::pascal_case(w);
}

std::string joined(const relation_names& r, const std::vector<std::uint32_t>& fields) {
  std::string out;
  for (std::uint32_t f : fields) {
    if (!out.empty()) out += "_and_";
    out += r.words[f];
  }
  return out;
}

// The role a foreign key gives the parent, for with_<role>: its column
// without a trailing "id" ("customer_id" → "customer", "manager" →
// "manager"), else the parent's singular name.
std::string role(const model::model& m, const model::relation& child, const model::foreign_key& fk) {
  if (fk.fields.size() == 1) {
    std::vector<std::string> w = naming::words(child.fields[fk.fields[0]].name);
    if (w.size() > 1 && w.back() == "id") w.pop_back();
    if (!w.empty() && !(w.size() == 1 && w[0] == "id")) return naming::snake_case(w);
  }
  std::vector<std::string> w = naming::words(m.relations[fk.parent].name);
  if (!w.empty()) w.back() = naming::singular(w.back());
  return naming::snake_case(w);
}

void name_members(relation_names& r, diag::sink& sink) {
  namer members("column");
  for (const model::field& f : r.rel->fields) {
    std::string words = naming::snake_case(naming::words(f.name));
    std::string member = members.claim(words, fmt::format("column '{}' of '{}'", f.name, r.rel->name), f.where, sink);
    r.words.push_back(words.empty() ? member : words);
    r.members.push_back(std::move(member));
  }
}

void name_functions(const model::model& m, relation_names& r) {
  const model::relation& rel = *r.rel;
  r.insert = rel.kind != model::relation_kind::view;
  r.get = rel.kind == model::relation_kind::table && rel.primary_key.has_value();
  r.update = r.get && !updatable_fields(rel).empty();
  if (rel.kind != model::relation_kind::table) return;

  namer functions("function");
  for (std::string_view fixed : {"insert", "get", "get_all", "update", "remove"}) functions.reserve(fixed);
  for (const model::key& k : rel.unique_keys) {
    r.lookups.push_back({&k, functions.claim("find_by_" + joined(r, k.fields))});
  }
  for (const model::foreign_key& fk : rel.foreign_keys) {
    parent_link link;
    link.fk = &fk;
    link.nullable = std::ranges::any_of(fk.fields, [&](std::uint32_t f) { return rel.fields[f].nullable; });
    link.list_by = functions.claim("list_by_" + joined(r, fk.fields));
    if (fk.parent_unique) link.join = functions.claim("with_" + role(m, rel, fk));
    r.links.push_back(std::move(link));
  }
}

}  // namespace

std::vector<relation_names> choose_names(const model::model& m, diag::sink& sink) {
  std::vector<relation_names> out(m.relations.size());
  namer top("table");
  top.reserve(impl_namespace);
  // Row structs first, so that they keep the plain names; then the
  // namespaces and the insert structs, which share the scope.
  for (std::size_t i = 0; i < m.relations.size(); ++i) {
    out[i].rel = &m.relations[i];
    out[i].row = top.claim(struct_base(m.relations[i]), describe(m.relations[i]), m.relations[i].where, sink);
  }
  for (relation_names& r : out) {
    r.space = top.claim(naming::snake_case(naming::words(r.rel->name)), describe(*r.rel), r.rel->where, sink);
  }
  for (relation_names& r : out) {
    if (r.rel->kind == model::relation_kind::view) continue;
    r.insert_row = top.claim("New" + r.row, describe(*r.rel), r.rel->where, sink);
  }
  for (relation_names& r : out) {
    name_members(r, sink);
    name_functions(m, r);
  }
  return out;
}

std::vector<std::string> parameter_names(const relation_names& r, const std::vector<std::uint32_t>& fields) {
  naming::scope params(naming::cpp_keywords(), keyword_suffix, digit_prefix, "value");
  for (std::string_view reserved : {std::string_view("db"), std::string_view("row"), impl_namespace}) {
    params.reserve(std::string(reserved));
  }
  std::vector<std::string> out;
  out.reserve(fields.size());
  for (std::uint32_t f : fields) out.push_back(params.claim(r.members[f]));
  return out;
}

}  // namespace migc::backend::cpp::detail
