// Plans as text, JSON and sqlite3 scripts.
#include "compiler/workflow/render.hpp"

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "runtime/script.hpp"

#ifndef MIGC_VERSION
#error "MIGC_VERSION must be defined by the build"
#endif

namespace migc::workflow {

char marker(plan::step_kind k) noexcept {
  switch (k) {
    case plan::step_kind::create_table:
    case plan::step_kind::add_column:
    case plan::step_kind::create_index:
    case plan::step_kind::create_view:
    case plan::step_kind::create_trigger:
      return '+';
    case plan::step_kind::drop_trigger:
    case plan::step_kind::drop_view:
    case plan::step_kind::drop_index:
    case plan::step_kind::drop_table:
    case plan::step_kind::drop_column:
      return '-';
    default:
      return '~';
  }
}

std::string problem_text(const plan::check_result& r) {
  std::string what;
  switch (r.check->what) {
    case plan::data_check::kind::loses_rows:
      what = fmt::format("{} holds {} row(s)", r.check->subject, r.count);
      break;
    case plan::data_check::kind::loses_values:
      what = fmt::format("{} holds {} non-NULL value(s)", r.check->subject, r.count);
      break;
    case plan::data_check::kind::null_in_not_null:
      what = fmt::format("{}: {} row(s) hold NULL", r.check->subject, r.count);
      break;
    case plan::data_check::kind::duplicate_in_unique:
      what = fmt::format("{}: {} value(s) are duplicated", r.check->subject, r.count);
      break;
    case plan::data_check::kind::check_violation:
      what = fmt::format("{}: {} row(s) violate it", r.check->subject, r.count);
      break;
    case plan::data_check::kind::foreign_key_violation:
      what = fmt::format("{}: {} row(s) have no parent", r.check->subject, r.count);
      break;
    case plan::data_check::kind::strict_type_violation:
      what = fmt::format("{}: {} value(s) cannot be stored", r.check->subject, r.count);
      break;
  }
  if (!r.sample.empty()) {
    what += " (rowid";
    what += r.sample.size() > 1 ? "s " : " ";
    for (std::size_t i = 0; i < r.sample.size(); ++i) what += (i ? ", " : "") + std::to_string(r.sample[i]);
    what += r.count > static_cast<std::int64_t>(r.sample.size()) ? ", ...)" : ")";
  }
  return what;
}

std::string plan_text(const migration_setup& m, const std::string& db, bool color) {
  auto paint = [&](char mark, const std::string& s) {
    if (!color) return s;
    const char* code = mark == '+' ? "\033[32m" : mark == '-' ? "\033[31m" : "\033[33m";
    return code + s + "\033[0m";
  };
  if (m.plan.empty()) return fmt::format("'{}' matches the schema: nothing to do\n", db);
  std::size_t destructive = 0;
  std::size_t rebuilds = 0;
  for (const plan::step& s : m.plan.steps) {
    destructive += s.level == plan::safety::destructive ? 1 : 0;
    rebuilds += s.kind == plan::step_kind::rebuild_table ? 1 : 0;
  }
  std::string out = fmt::format("plan for '{}': {} step(s), {} rebuild(s), {} destructive\n", db, m.plan.steps.size(),
                                rebuilds, destructive);
  for (const plan::step& s : m.plan.steps) {
    char mark = marker(s.kind);
    std::string line = fmt::format("{} {}", mark, s.description);
    if (s.level != plan::safety::safe) line += fmt::format(" [{}]", plan::safety_name(s.level));
    out += "\n" + paint(mark, line) + "\n";
    for (const std::string& r : s.reasons) out += "    because " + r + "\n";
    for (const std::string& sql : s.sql) {
      std::string indented = "    ";
      for (char c : sql) {
        indented += c;
        if (c == '\n') indented += "    ";
      }
      out += indented + ";\n";
    }
    for (const plan::check_result& r : m.problems) {
      if (r.at == &s) out += (is_loss(r) ? "    warning: " : "    error: ") + problem_text(r) + "\n";
    }
  }
  return out;
}

std::string plan_json(const migration_setup& m, const std::string& db) {
  nlohmann::ordered_json j;
  j["database"] = db;
  j["schema_hash"] = m.schema_hash;
  nlohmann::ordered_json steps = nlohmann::ordered_json::array();
  for (const plan::step& s : m.plan.steps) {
    nlohmann::ordered_json js;
    js["kind"] = std::string(plan::step_name(s.kind));
    js["safety"] = std::string(plan::safety_name(s.level));
    js["object"] = s.object;
    js["description"] = s.description;
    js["reasons"] = s.reasons;
    js["sql"] = s.sql;
    nlohmann::ordered_json problems = nlohmann::ordered_json::array();
    for (const plan::check_result& r : m.problems) {
      if (r.at != &s) continue;
      nlohmann::ordered_json p;
      p["loses_data"] = is_loss(r);
      p["subject"] = r.check->subject;
      p["count"] = r.count;
      p["rowids"] = r.sample;
      p["message"] = problem_text(r);
      problems.push_back(std::move(p));
    }
    js["problems"] = std::move(problems);
    steps.push_back(std::move(js));
  }
  j["steps"] = std::move(steps);
  return j.dump(2) + "\n";
}

std::string sql_script(const migration_setup& m, const std::string& db) {
  std::string out = fmt::format("-- migc {} plan for {}: apply with sqlite3 {} < this-file\n", MIGC_VERSION, db, db);
  if (m.plan.empty()) return out + "-- nothing to do\n";
  return out + rt::shell_script(to_migration(m));
}

std::string status_text(const migration_setup& m, const std::string& db) {
  if (m.plan.empty()) return fmt::format("'{}' is in sync with the schema\n", db);
  std::string out = fmt::format("'{}' is out of sync: {} pending step(s)\n", db, m.plan.steps.size());
  for (const plan::step& s : m.plan.steps) out += fmt::format("  {} {}\n", marker(s.kind), s.description);
  return out;
}

}  // namespace migc::workflow
