// Unit tests of compiler/source: buffers, file reading, offset decoding.
#include <unistd.h>

#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>
#include <string>

#include "compiler/source/source.hpp"

using migc::source::line_col;
using migc::source::source_manager;

namespace {

// A fresh path in the temporary directory, removed with everything below it
// when the guard goes.
struct temp_path {
  std::filesystem::path path;
  explicit temp_path(const std::string& stem)
      : path(std::filesystem::temp_directory_path() / (stem + "-" + std::to_string(::getpid()))) {}
  ~temp_path() {
    std::error_code ec;
    std::filesystem::remove_all(path, ec);
  }
  temp_path(const temp_path&) = delete;
  temp_path& operator=(const temp_path&) = delete;
};

}  // namespace

TEST_CASE("source_manager gives dense ids and keeps names and text", "[source]") {
  source_manager sm;
  auto a = sm.add("a.sql", "CREATE TABLE a(x);");
  auto b = sm.add("b.sql", "");
  CHECK(a == 0);
  CHECK(b == 1);
  CHECK(sm.file_count() == 2);
  CHECK(sm.name(a) == "a.sql");
  CHECK(sm.text(a) == "CREATE TABLE a(x);");
  CHECK(sm.text(b).empty());
}

TEST_CASE("text views stay valid while files are added", "[source]") {
  source_manager sm;
  auto first = sm.add("short.sql", "x");  // short enough for SSO
  std::string_view view = sm.text(first);
  for (int i = 0; i < 1000; ++i) sm.add("f" + std::to_string(i), "y");
  CHECK(view == "x");
  CHECK(view.data() == sm.text(first).data());
}

TEST_CASE("positions with LF line breaks", "[source]") {
  source_manager sm;
  auto f = sm.add("t.sql", "ab\ncd\n");
  CHECK(sm.position(f, 0) == line_col{1, 1, 1});
  CHECK(sm.position(f, 1) == line_col{1, 2, 2});
  CHECK(sm.position(f, 2) == line_col{1, 3, 3});  // the '\n'
  CHECK(sm.position(f, 3) == line_col{2, 1, 1});
  CHECK(sm.position(f, 4) == line_col{2, 2, 2});
  CHECK(sm.position(f, 6) == line_col{3, 1, 1});  // end of file
  CHECK(sm.line_count(f) == 3);
  CHECK(sm.line_text(f, 1) == "ab");
  CHECK(sm.line_text(f, 2) == "cd");
  CHECK(sm.line_text(f, 3).empty());
  CHECK(sm.line_text(f, 4).empty());
  CHECK(sm.line_start(f, 2) == 3);
}

TEST_CASE("positions with CRLF and lone CR line breaks", "[source]") {
  source_manager sm;
  auto f = sm.add("t.sql", "ab\r\ncd\re\r\n");
  CHECK(sm.position(f, 2) == line_col{1, 3, 3});  // '\r'
  CHECK(sm.position(f, 3) == line_col{1, 4, 4});  // '\n' of the same break
  CHECK(sm.position(f, 4) == line_col{2, 1, 1});  // 'c'
  CHECK(sm.position(f, 6) == line_col{2, 3, 3});  // lone '\r'
  CHECK(sm.position(f, 7) == line_col{3, 1, 1});  // 'e'
  CHECK(sm.position(f, 10) == line_col{4, 1, 1});
  CHECK(sm.line_count(f) == 4);
  CHECK(sm.line_text(f, 1) == "ab");
  CHECK(sm.line_text(f, 2) == "cd");
  CHECK(sm.line_text(f, 3) == "e");
  CHECK(sm.line_text(f, 4).empty());
}

TEST_CASE("columns count code points of UTF-8 text", "[source]") {
  source_manager sm;
  // "é" is 2 bytes, "€" 3, "😀" 4.
  auto f = sm.add("u.sql", "-- x\n'é€😀' x");
  std::uint32_t x = static_cast<std::uint32_t>(sm.text(f).rfind('x'));
  CHECK(x == 5 + 1 + 2 + 3 + 4 + 1 + 1);
  CHECK(sm.position(f, x) == line_col{2, 7, 13});
  // Offset 7 lies inside "é": the code point counts once begun.
  CHECK(sm.position(f, 7) == line_col{2, 3, 3});
}

TEST_CASE("invalid UTF-8 bytes count one column each", "[source]") {
  source_manager sm;
  auto f = sm.add("bad.sql", "\xff\xc3(x");  // 0xff never valid; 0xc3 cut short by '('
  CHECK(sm.position(f, 3) == line_col{1, 4, 4});
  CHECK(migc::source::count_code_points("\xe2\x82") == 1);   // cut short by the end
  CHECK(migc::source::count_code_points("a\x80\x62") == 3);  // a, stray continuation byte, b
  CHECK(migc::source::count_code_points("\xf0\x9f\x98\x80\xf0\x9f\x98\x80") == 2);
}

TEST_CASE("an empty file has one empty line", "[source]") {
  source_manager sm;
  auto f = sm.add("empty.sql", "");
  CHECK(sm.position(f, 0) == line_col{1, 1, 1});
  CHECK(sm.line_count(f) == 1);
  CHECK(sm.line_text(f, 1).empty());
}

TEST_CASE("add_file reads files and reports why it cannot", "[source]") {
  temp_path dir("migc-test-source");
  std::filesystem::create_directories(dir.path);
  auto file = dir.path / "schema.sql";
  {
    std::ofstream out(file, std::ios::binary);
    out << "CREATE TABLE t(x);\r\n";
  }
  source_manager sm;
  std::string why;
  auto id = sm.add_file(file.string(), &why);
  REQUIRE(id.has_value());
  CHECK(why.empty());
  CHECK(sm.name(*id) == file.string());
  CHECK(sm.text(*id) == "CREATE TABLE t(x);\r\n");

  auto missing = sm.add_file((dir.path / "missing.sql").string(), &why);
  CHECK_FALSE(missing.has_value());
  CHECK(why == "No such file or directory");

  why.clear();
  CHECK_FALSE(sm.add_file(dir.path.string(), &why).has_value());
  CHECK(why == "Is a directory");
  CHECK(sm.file_count() == 1);
}
