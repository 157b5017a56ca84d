// Case folders, typed rows, affinity and schema comparison for the
// migration fixtures (see migration_case.hpp).
#include "tests/support/migration_case.hpp"

#include <algorithm>
#include <fmt/format.h>
#include <fstream>
#include <sstream>

#include "compiler/backend/sql/printer.hpp"
#include "compiler/normalize/model.hpp"

namespace migc::test {

namespace fs = std::filesystem;

namespace {

std::string trim(std::string s) {
  const auto not_space = [](unsigned char c) { return std::isspace(c) == 0; };
  s.erase(s.begin(), std::find_if(s.begin(), s.end(), not_space));
  s.erase(std::find_if(s.rbegin(), s.rend(), not_space).base(), s.end());
  return s;
}

// "a=1 b=2" into pairs; false when a word has no '='.
bool parse_pairs(const std::string& text, std::vector<std::pair<std::string, std::string>>& out) {
  std::istringstream words(text);
  std::string w;
  while (words >> w) {
    std::size_t eq = w.find('=');
    if (eq == std::string::npos || eq == 0 || eq + 1 == w.size()) return false;
    out.emplace_back(w.substr(0, eq), w.substr(eq + 1));
  }
  return !out.empty();
}

void read_directive(migration_case& c, const std::string& line) {
  std::size_t space = line.find(' ');
  const std::string word = line.substr(0, space);
  const std::string rest = space == std::string::npos ? "" : trim(line.substr(space + 1));
  std::vector<std::pair<std::string, std::string>> pairs;
  if (word == "allow-destructive" && rest.empty()) {
    c.allow_destructive = true;
  } else if (word == "plan-empty" && rest.empty()) {
    c.plan_empty = true;
  } else if (word == "apply-fails" && rest.empty()) {
    c.apply_fails = true;
  } else if (word == "refused" && (rest == "E0501" || rest == "E0502")) {
    c.refused.push_back(rest);
    std::sort(c.refused.begin(), c.refused.end());
    c.refused.erase(std::unique(c.refused.begin(), c.refused.end()), c.refused.end());
  } else if ((word == "steps" || word == "rows") && parse_pairs(rest, pairs)) {
    for (const auto& [k, v] : pairs) {
      if (word == "steps") {
        c.steps[k] = std::stoi(v);
      } else {
        c.rows[catalog::fold(k)] = std::stoll(v);
      }
    }
  } else if (word == "exec" && !rest.empty()) {
    c.after.emplace_back(rest, std::nullopt);
  } else if (word == "query" && rest.find(" => ") != std::string::npos) {
    std::size_t arrow = rest.find(" => ");
    c.after.emplace_back(rest.substr(0, arrow), trim(rest.substr(arrow + 4)));
  } else if (word == "query" && rest.ends_with(" =>")) {
    c.after.emplace_back(rest.substr(0, rest.size() - 3), "");
  } else if (word == "known-bug" && !rest.empty()) {
    c.known_bug = rest;
  } else {
    c.problems.push_back("unknown or malformed directive: " + line);
  }
}

}  // namespace

migration_case read_migration_case(const fs::path& dir) {
  migration_case c;
  c.name = dir.filename().string();
  c.from = dir / "from.sql";
  if (!fs::exists(c.from)) c.problems.push_back("no from.sql");
  if (fs::exists(dir / "data.sql")) c.data = dir / "data.sql";
  for (const fs::directory_entry& e : fs::directory_iterator(dir)) {
    const std::string file = e.path().filename().string();
    if (file.starts_with("to") && file.ends_with(".sql")) c.to.push_back(e.path().string());
  }
  std::sort(c.to.begin(), c.to.end());
  if (c.to.empty()) c.problems.push_back("no to.sql");
  std::ifstream expect(dir / "expect");
  for (std::string line; std::getline(expect, line);) {
    line = trim(line);
    if (line.empty() || line.starts_with('#')) continue;
    read_directive(c, line);
  }
  if (!c.refused.empty() && (c.plan_empty || c.apply_fails))
    c.problems.push_back("refused with plan-empty/apply-fails");
  return c;
}

std::string quote(const sql_value& v) {
  switch (v.type) {
    case SQLITE_INTEGER:
      return std::to_string(v.integer);
    case SQLITE_FLOAT:
      return fmt::format("{}", v.real);
    case SQLITE_TEXT: {
      std::string out = "'";
      for (char ch : v.bytes) out += ch == '\'' ? std::string("''") : std::string(1, ch);
      return out + "'";
    }
    case SQLITE_BLOB: {
      std::string out = "X'";
      for (unsigned char ch : v.bytes) out += fmt::format("{:02x}", ch);
      return out + "'";
    }
    default:
      return "NULL";
  }
}

namespace {

sql_value column_value(const rt::statement& s, int i) {
  sql_value v;
  v.type = s.column_type(i);
  if (v.type == SQLITE_INTEGER) v.integer = s.column_int64(i);
  if (v.type == SQLITE_FLOAT) v.real = s.column_double(i);
  if (v.type == SQLITE_TEXT) v.bytes = std::string(s.column_text(i));
  if (v.type == SQLITE_BLOB) {
    std::span<const std::byte> b = s.column_blob(i);
    v.bytes.assign(reinterpret_cast<const char*>(b.data()), b.size());
  }
  return v;
}

rt::result<void> bind_value(rt::statement& s, int i, const sql_value& v) {
  switch (v.type) {
    case SQLITE_INTEGER:
      return s.bind_int64(i, v.integer);
    case SQLITE_FLOAT:
      return s.bind_double(i, v.real);
    case SQLITE_TEXT:
      return s.bind_text(i, v.bytes);
    case SQLITE_BLOB:
      return s.bind_blob(i, std::as_bytes(std::span(v.bytes.data(), v.bytes.size())));
    default:
      return s.bind_null(i);
  }
}

}  // namespace

rt::result<std::vector<std::vector<sql_value>>> query_rows(rt::connection& db, const std::string& sql) {
  rt::result<rt::statement> s = db.prepare(sql);
  if (!s) return s.error();
  std::vector<std::vector<sql_value>> rows;
  for (;;) {
    rt::result<rt::step_result> r = s->step();
    if (!r) return r.error();
    if (*r == rt::step_result::done) break;
    std::vector<sql_value>& row = rows.emplace_back();
    for (int i = 0; i < s->column_count(); ++i) row.push_back(column_value(*s, i));
  }
  return rows;
}

std::string query_text(rt::connection& db, const std::string& sql) {
  rt::result<std::vector<std::vector<sql_value>>> rows = query_rows(db, sql);
  if (!rows) return "error: " + rows.error().message;
  std::string out;
  for (const std::vector<sql_value>& row : *rows) {
    if (!out.empty()) out += ";";
    for (std::size_t i = 0; i < row.size(); ++i) {
      if (i > 0) out += "|";
      out += row[i].type == SQLITE_NULL ? "NULL" : row[i].type == SQLITE_TEXT ? row[i].bytes : quote(row[i]);
    }
  }
  return out;
}

affinity_converter::affinity_converter() {
  rt::result<rt::connection> db = rt::connection::open(":memory:");
  assert(db.ok());
  db_ = std::move(db).value();
}

std::string affinity_converter::table_for(const std::string& type, bool strict) {
  // A STRICT table's ANY keeps values as they are, as no type does elsewhere.
  std::string declared = strict && catalog::fold(type) == "any" ? "" : type;
  auto [it, added] = tables_.try_emplace(declared, "a" + std::to_string(tables_.size()));
  if (added) {
    rt::result<void> made = db_.exec(fmt::format("CREATE TABLE {}(v {})", it->second, declared));
    assert(made.ok());
  }
  return it->second;
}

sql_value affinity_converter::convert(const sql_value& v, const std::string& type, bool strict) {
  const std::string table = table_for(type, strict);
  rt::result<rt::statement> insert = db_.prepare(fmt::format("INSERT INTO {}(v) VALUES (?1)", table));
  if (!insert || !bind_value(*insert, 1, v) || !insert->step()) return v;
  rt::result<std::vector<std::vector<sql_value>>> back = query_rows(db_, fmt::format("SELECT v FROM {}", table));
  (void)db_.exec(fmt::format("DELETE FROM {}", table));
  return back && back->size() == 1 ? back->front().front() : v;
}

std::optional<sql_value> affinity_converter::evaluate(const std::string& expr, const std::string& type, bool strict) {
  const std::string folded = catalog::fold(expr);
  if (folded.find("current_") != std::string::npos || folded.find("random") != std::string::npos) return std::nullopt;
  if (expr.empty()) return convert(sql_value{}, type, strict);
  rt::result<std::vector<std::vector<sql_value>>> rows = query_rows(db_, "SELECT " + expr);
  if (!rows || rows->size() != 1) return std::nullopt;
  return convert(rows->front().front(), type, strict);
}

namespace {

const catalog::object* counterpart(const catalog::catalog& c, const catalog::object& o) {
  const catalog::object* found = o.kind == catalog::object_kind::trigger ? c.find_trigger(o.key) : c.find(o.key);
  return found != nullptr && found->kind == o.kind ? found : nullptr;
}

std::string describe(const catalog::object& o) { return fmt::format("{} '{}'", catalog::kind_name(o.kind), o.name); }

std::string printed(const catalog::object& o) { return backend::sql::print_statement(*o.statement); }

}  // namespace

std::vector<std::string> schema_differences(const catalog::catalog& actual, const catalog::catalog& desired) {
  std::vector<std::string> out;
  const normalize::naming actual_names(actual);
  const normalize::naming desired_names(desired);
  for (const catalog::object& want : desired.objects()) {
    const catalog::object* have = counterpart(actual, want);
    if (have == nullptr) {
      out.push_back("missing " + describe(want));
    } else if (want.kind == catalog::object_kind::table) {
      if (!(normalize::model_table(*have, actual_names) == normalize::model_table(want, desired_names))) {
        out.push_back(
            fmt::format("{} differs:\n  live:    {}\n  desired: {}", describe(want), printed(*have), printed(want)));
      }
    } else {
      normalize::definition_model a = normalize::model_definition(*have, actual_names);
      normalize::definition_model b = normalize::model_definition(want, desired_names);
      if (a.text != b.text) {
        out.push_back(fmt::format("{} differs:\n  live:    {}\n  desired: {}", describe(want), a.text, b.text));
      }
    }
  }
  for (const catalog::object& have : actual.objects()) {
    if (counterpart(desired, have) == nullptr) out.push_back("unexpected " + describe(have));
  }
  return out;
}

std::string quote_name(const std::string& name) {
  std::string out = "\"";
  for (char ch : name) out += ch == '"' ? std::string("\"\"") : std::string(1, ch);
  return out + "\"";
}

}  // namespace migc::test
