// Unit tests of compiler/diag: the code table, the sink, the text and JSON
// renderers and the colour decision.
#include <fcntl.h>
#include <unistd.h>

#include <catch2/catch.hpp>
#include <cstdlib>
#include <nlohmann/json.hpp>
#include <set>
#include <string>
#include <vector>

#include "compiler/diag/diagnostic.hpp"
#include "compiler/diag/render.hpp"
#include "compiler/source/source.hpp"

using migc::diag::code;
using migc::diag::diagnostic;
using migc::diag::severity;
using migc::diag::sink;
using migc::source::source_manager;
using migc::source::span;

namespace {

// The span of the first occurrence of `needle` in file `f`.
span find(const source_manager& sm, migc::source::file_id f, std::string_view needle) {
  auto at = sm.text(f).find(needle);
  REQUIRE(at != std::string_view::npos);
  return {f, static_cast<std::uint32_t>(at), static_cast<std::uint32_t>(at + needle.size())};
}

// Sets or unsets an environment variable for the scope; restores it after.
class env_guard {
 public:
  explicit env_guard(const char* name) : name_(name) {
    const char* old = std::getenv(name);
    if (old != nullptr) old_ = old;
  }
  ~env_guard() {
    if (old_) {
      ::setenv(name_, old_->c_str(), 1);
    } else {
      ::unsetenv(name_);
    }
  }
  env_guard(const env_guard&) = delete;
  env_guard& operator=(const env_guard&) = delete;
  void set(const char* value) const { ::setenv(name_, value, 1); }
  void unset() const { ::unsetenv(name_); }

 private:
  const char* name_;
  std::optional<std::string> old_;
};

}  // namespace

TEST_CASE("the code table", "[diag]") {
  CHECK(migc::diag::code_name(code::E0101) == "E0101");
  CHECK(code::syntax_error == code::E0101);
  CHECK(code::cannot_read_input == code::E0190);
  CHECK(migc::diag::code_name(code::nesting_too_deep) == "E0103");
  CHECK(migc::diag::code_symbol(code::E0102) == "unrecognized_token");
  CHECK(migc::diag::code_title(code::E0101) == "syntax error");
  CHECK_FALSE(migc::diag::code_doc(code::E0101).empty());
  CHECK(migc::diag::default_severity(code::E0190) == severity::error);
  CHECK(migc::diag::find_code("E0110") == code::E0110);
  CHECK(migc::diag::find_code("invalid_join_type") == code::E0105);
  CHECK_FALSE(migc::diag::find_code("E9999").has_value());

  // Every code is well formed, unique, and the table is sorted.
  std::set<std::string_view> names;
  std::string_view previous;
  for (code c : migc::diag::all_codes()) {
    std::string_view name = migc::diag::code_name(c);
    REQUIRE(name.size() == 5);
    CHECK((name[0] == 'E' || name[0] == 'W'));
    CHECK(name.substr(1).find_first_not_of("0123456789") == std::string_view::npos);
    CHECK(names.insert(name).second);
    CHECK(name.substr(1) > previous.substr(previous.empty() ? 0 : 1));
    previous = name;
  }
  CHECK(names.size() >= 12);  // the seed table; later rows only add
}

TEST_CASE("the sink counts, keeps order and sorts by location", "[diag]") {
  sink s;
  CHECK_FALSE(s.has_errors());
  s.warning(code::E0104, {1, 5, 6}, "w");
  auto& e = s.error(code::E0101, {0, 9, 10}, "second");
  e.notes.push_back({{0, 1, 2}, "note"});
  s.error(code::E0190, {}, "no location");
  s.error(code::E0102, {0, 9, 9}, "first");
  s.emit(code::E0103, {0, 9, 10}, "third");
  CHECK(s.has_errors());
  CHECK(s.error_count() == 4);
  CHECK(s.warning_count() == 1);
  CHECK(s.all()[1].notes.size() == 1);

  s.sort_by_location();
  std::vector<std::string> order;
  for (const diagnostic& d : s.all()) order.push_back(d.message);
  CHECK(order == std::vector<std::string>{"first", "second", "third", "w", "no location"});
}

TEST_CASE("text rendering: location, source line, caret aligned through tabs", "[diag]") {
  source_manager sm;
  auto f = sm.add("schema.sql", "CREATE TABLE t(\n\tid INTEGER PRIMAY KEY\n);\n");
  sink s;
  s.error(code::E0101, find(sm, f, "PRIMAY"), "expected 'PRIMARY', found 'PRIMAY'");
  CHECK(migc::diag::render_text(sm, s.all(), false) ==
        "schema.sql:2:13: error: expected 'PRIMARY', found 'PRIMAY' [E0101]\n"
        "\tid INTEGER PRIMAY KEY\n"
        "\t           ^~~~~~\n");
}

TEST_CASE("text rendering: multi-byte characters before the caret", "[diag]") {
  source_manager sm;
  auto f = sm.add("u.sql", "SELECT 'héllo€' # 1;\r\n");
  sink s;
  s.error(code::E0102, find(sm, f, "#"), "unrecognized token: '#'");
  CHECK(migc::diag::render_text(sm, s.all(), false) ==
        "u.sql:1:17: error: unrecognized token: '#' [E0102]\n"
        "SELECT 'héllo€' # 1;\n"
        "                ^\n");
}

TEST_CASE("text rendering: notes, fix-its, spans past the line, no location", "[diag]") {
  source_manager sm;
  auto f = sm.add("a.sql", "CREATE TABLE t(a, a);\nCREATE VIEW v AS SELECT * FROM user\n  WHERE 1;");
  sink s;
  auto& d = s.error(code::E0101, {f, 22, 67}, "view 'v' spans lines");
  d.notes.push_back({find(sm, f, "t("), "table 't' here"});
  d.fixits.push_back({find(sm, f, "user"), "users"});
  d.fixits.push_back({{f, 13, 13}, "main."});
  d.fixits.push_back({find(sm, f, "  WHERE"), ""});
  s.warning(code::E0104, {f, 68, 68}, "at the end of the file");
  s.error(code::E0190, {}, "cannot read 'x.sql': No such file or directory");
  CHECK(migc::diag::render_text(sm, s.all(), false) ==
        "a.sql:2:1: error: view 'v' spans lines [E0101]\n"
        "CREATE VIEW v AS SELECT * FROM user\n"
        "^~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~\n"
        "a.sql:1:14: note: table 't' here\n"
        "CREATE TABLE t(a, a);\n"
        "             ^~\n"
        "fix-it: replace 'user' with 'users'\n"
        "fix-it: insert 'main.' at 1:14\n"
        "fix-it: remove '  WHERE'\n"
        "a.sql:3:11: warning: at the end of the file [E0104]\n"
        "  WHERE 1;\n"
        "          ^\n"
        "migc: error: cannot read 'x.sql': No such file or directory [E0190]\n");
}

TEST_CASE("text rendering with colour", "[diag]") {
  source_manager sm;
  auto f = sm.add("c.sql", "x y");
  sink s;
  s.error(code::E0101, find(sm, f, "y"), "bad").notes.push_back({find(sm, f, "x"), "here"});
  CHECK(migc::diag::render_text(sm, s.all(), true) ==
        "\x1b[1mc.sql:1:3:\x1b[0m \x1b[1;31merror:\x1b[0m bad [E0101]\n"
        "x y\n"
        "  \x1b[1;32m^\x1b[0m\n"
        "\x1b[1mc.sql:1:1:\x1b[0m \x1b[1;36mnote:\x1b[0m here\n"
        "x y\n"
        "\x1b[1;32m^\x1b[0m\n");
}

TEST_CASE("JSON rendering", "[diag]") {
  source_manager sm;
  auto f = sm.add("j.sql", "CREATE TABLE é(\n  x INTEGER PRIMAY\n);");
  sink s;
  auto& d = s.error(code::E0101, find(sm, f, "PRIMAY"), "expected 'PRIMARY'");
  d.notes.push_back({find(sm, f, "é"), "table 'é' here"});
  d.fixits.push_back({find(sm, f, "PRIMAY"), "PRIMARY"});
  s.warning(code::E0104, {}, "no location \xff");

  std::string text = migc::diag::render_json(sm, s.all());
  CHECK(text.back() == '\n');
  CHECK(text.find("\n  \"diagnostics\": [") != std::string::npos);  // two-space indent
  auto j = nlohmann::ordered_json::parse(text);

  std::vector<std::string> keys;
  for (const auto& [key, value] : j.items()) keys.push_back(key);
  CHECK(keys == std::vector<std::string>{"diagnostics", "errors", "warnings"});
  CHECK(j["errors"] == 1);
  CHECK(j["warnings"] == 1);
  REQUIRE(j["diagnostics"].size() == 2);

  const auto& e = j["diagnostics"][0];
  keys.clear();
  for (const auto& [key, value] : e.items()) keys.push_back(key);
  CHECK(keys == std::vector<std::string>{"code", "severity", "message", "file", "range", "notes", "fixits"});
  CHECK(e["code"] == "E0101");
  CHECK(e["severity"] == "error");
  CHECK(e["message"] == "expected 'PRIMARY'");
  CHECK(e["file"] == "j.sql");
  CHECK(e["range"] == nlohmann::ordered_json::parse(R"({"begin": {"offset": 29, "line": 2, "column": 13},
                                                        "end": {"offset": 35, "line": 2, "column": 19}})"));
  REQUIRE(e["notes"].size() == 1);
  CHECK(e["notes"][0]["message"] == "table 'é' here");
  CHECK(e["notes"][0]["range"]["begin"]["column"] == 14);
  CHECK(e["notes"][0]["range"]["end"]["offset"] == 15);
  CHECK(e["notes"][0]["range"]["end"]["column"] == 15);
  REQUIRE(e["fixits"].size() == 1);
  CHECK(e["fixits"][0]["replacement"] == "PRIMARY");
  CHECK(e["fixits"][0]["range"]["begin"]["offset"] == 29);

  const auto& w = j["diagnostics"][1];
  CHECK(w["severity"] == "warning");
  CHECK(w["file"].is_null());
  CHECK(w["range"].is_null());
  CHECK(w["message"] == "no location \xef\xbf\xbd");  // invalid UTF-8 replaced
}

TEST_CASE("JSON rendering of no diagnostics", "[diag]") {
  source_manager sm;
  CHECK(migc::diag::render_json(sm, {}) == "{\n  \"diagnostics\": [],\n  \"errors\": 0,\n  \"warnings\": 0\n}\n");
}

TEST_CASE("use_color needs a terminal, no NO_COLOR and a TERM other than dumb", "[diag]") {
  env_guard no_color("NO_COLOR");
  env_guard term("TERM");
  no_color.unset();
  term.set("xterm-256color");

  int pipe_fds[2];
  REQUIRE(::pipe(pipe_fds) == 0);
  CHECK_FALSE(migc::diag::use_color(pipe_fds[1]));
  ::close(pipe_fds[0]);
  ::close(pipe_fds[1]);

  int master = ::posix_openpt(O_RDWR | O_NOCTTY);
  if (master < 0 || ::grantpt(master) != 0 || ::unlockpt(master) != 0) {
    WARN("no pseudo-terminal available; terminal cases skipped");
    if (master >= 0) ::close(master);
    return;
  }
  int tty = ::open(::ptsname(master), O_RDWR | O_NOCTTY);
  REQUIRE(tty >= 0);

  CHECK(migc::diag::use_color(tty));
  no_color.set("");
  CHECK(migc::diag::use_color(tty));  // empty NO_COLOR does not count
  no_color.set("1");
  CHECK_FALSE(migc::diag::use_color(tty));
  no_color.unset();
  term.set("dumb");
  CHECK_FALSE(migc::diag::use_color(tty));
  term.unset();
  CHECK(migc::diag::use_color(tty));

  ::close(tty);
  ::close(master);
}
