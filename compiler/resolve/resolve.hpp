// Name resolution: links every reference of the schema to the object it
// names, or reports it. Fills what the catalog leaves open: the parents of
// foreign keys, the columns of views and of CREATE TABLE ... AS SELECT, the
// targets of indexes and triggers, and each object's dependency edges.
#pragma once

#include "compiler/catalog/catalog.hpp"
#include "compiler/diag/diagnostic.hpp"

namespace migc::resolve {

/// Resolves every reference of every object of `cat`, in catalog order
/// (views in dependency order where they refer to each other).
///
/// On return: each foreign key's parent and parent_columns are set when the
/// parent exists; each view's columns are known unless its query refers to
/// something unknown; each index's and trigger's `target` is set when the
/// target exists; `dependencies` lists every object each object needs (one
/// edge per referenced object and kind, at its first reference).
///
/// Reports the E02xx resolve errors (unknown tables and columns with "did
/// you mean" notes and fix-its, foreign-key shape errors, trigger and index
/// target errors, NEW/OLD misuse, generated-column cycles, non-constant
/// defaults, misplaced references, column count mismatches) and W0807 for a
/// double-quoted name that SQLite would read as a string literal.
void run(catalog::catalog& cat, diag::sink& sink);

}  // namespace migc::resolve
