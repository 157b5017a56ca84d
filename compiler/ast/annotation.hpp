// Comments, and the ones that mean something to migc: `-- migc:allow NAME`
// silences warnings on the statement below it, `@renamed from=OLD` states a
// rename. The front end records them once, with their spans, as SQLite's
// tokenizer would see them (never inside a string literal or a quoted
// name); the passes that need them read these records.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "compiler/source/source.hpp"

namespace migc::ast {

struct comment {
  source::span where{};   // from "--" to the end of the line (newline excluded), or "/*" to "*/"
  bool block = false;     // /* ... */
  bool own_line = false;  // nothing but spaces or tabs before it on its line
};

struct annotation {
  enum class kind : std::uint8_t {
    allow,    // -- migc:allow name[, name]...: names as written
    renamed,  // @renamed from=NAME: names holds the old name, unquoted
  } what{};
  std::vector<std::string> names;
  std::uint32_t comment = 0;  // index in the script's comments
  source::span where{};       // the comment's span
};

}  // namespace migc::ast
