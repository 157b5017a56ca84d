// Names: parse.y's `nm`, `id`, `ids`, `idj`, qualified names, and the tags
// that tell the AST builder which rules become parse-tree nodes.
//
// SQLite accepts a fallback keyword as an identifier only where the keyword
// itself cannot be shifted. A PEG grammar would happily backtrack and take
// the word as a name where SQLite has already committed to the keyword, so
// each such place guards the name with `not_at<kw_...>` (see `committed`).
#pragma once

#include "grammar/lexical.hpp"

namespace migc::grammar {

using namespace pegtl;  // NOLINT(google-build-using-namespace): grammar headers read as grammar

/// Rules deriving from node_tag become nodes of the parse tree.
struct node_tag {};

/// nm ::= id | STRING | JOIN_KW   (id = ID | INDEXED)
using nm_token = name_token<nc_id | nc_string | nc_indexed | nc_join>;
struct nm : nm_token, node_tag {};
/// ids ::= ID | STRING
struct ids : name_token<nc_id | nc_string>, node_tag {};
/// A bare alias after a result column: `ids`, except the fallback keywords
/// that SQLite shifts as operators in that position.
struct alias_ids : name_token<nc_id | nc_string, kw::like, kw::glob, kw::regexp, kw::match>, node_tag {};
/// idj ::= ID | INDEXED | JOIN_KW, as a column reference: RAISE and CAST
/// start expressions of their own there.
struct column_id : name_token<nc_id | nc_indexed | nc_join, kw::raise, kw::cast, kw::current_date, kw::current_time,
                              kw::current_timestamp>,
                   node_tag {};
/// Function name: id (ID | INDEXED), not RAISE or CAST.
struct function_name
    : name_token<nc_id | nc_indexed, kw::raise, kw::cast, kw::current_date, kw::current_time, kw::current_timestamp>,
      node_tag {};
/// A plain ID token (the STORED / VIRTUAL word of a generated column).
using id_only_token = name_token<nc_id>;
struct id_token : id_only_token, node_tag {};
/// id ::= ID | INDEXED (DEFAULT <identifier>).
struct id_name : name_token<nc_id | nc_indexed>, node_tag {};

/// `K` followed by the rest, or no `K` at all: once SQLite has seen the
/// keyword it does not reconsider it as a name.
template <typename K, typename... Rest>
struct committed : sor<seq<K, Rest...>, not_at<K>> {};

/// nm [. nm]: an optionally schema-qualified object name.
struct qualified_name : seq<nm, opt<dot, nm>>, node_tag {};

/// IF NOT EXISTS / IF EXISTS: IF is committed where it may appear.
struct if_not_exists : seq<kw_if_, kw_not_, kw_exists>, node_tag {};
struct if_not_exists_opt : sor<if_not_exists, not_at<kw_if_>> {};
struct if_exists : seq<kw_if_, kw_exists>, node_tag {};
struct if_exists_opt : sor<if_exists, not_at<kw_if_>> {};

}  // namespace migc::grammar
