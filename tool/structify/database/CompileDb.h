//===--- CompileDb.h - the compile database and its units -------*- C++ -*-===//

#ifndef STRUCTIFY_COMPILEDB_H
#define STRUCTIFY_COMPILEDB_H

#include "database/CommandAdapter.h"
#include "units/Unit.h"
#include "llvm/ADT/ArrayRef.h"
#include "llvm/Support/Error.h"
#include <optional>

namespace structify {

/// One part of a project split across CI machines: part Index (1-based) of
/// Count.
struct Shard {
  unsigned Index = 1;
  unsigned Count = 1;
};

/// Parses "i/N"; nullopt unless 1 <= i <= N.
std::optional<Shard> parseShard(llvm::StringRef Text);

/// The translation units of BuildDir/compile_commands.json that Selectors pick
/// (each one a file, or a regular expression searched for in the absolute
/// path; none picks every unit), in path order, this shard's share only. Each
/// command is adapted for clang (CommandAdapter.h), and Changes, when given,
/// learns what changed. A file compiled in several configurations (a static
/// and a shared build) is one unit per distinct configuration, in a row; a
/// command that only makes a precompiled header is none. The error is one line
/// naming the file and the problem: no database, a malformed one, a selected
/// file missing on disk or absent from the database.
llvm::Expected<std::vector<TranslationUnit>>
loadUnits(llvm::StringRef BuildDir, llvm::ArrayRef<std::string> Selectors,
          Shard Part = Shard(), const AdapterOptions &Adapt = AdapterOptions(),
          ChangeSummary *Changes = nullptr);

} // namespace structify

#endif
