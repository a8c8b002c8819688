//===--- Unit.h - a translation unit and what analysing it gave -*- C++ -*-===//
//
// The types every stage passes around: the unit to compile and the result of
// analysing it. Kept apart from Runner.h, which says how units are run, so
// that the compile database, the cache and the reports need not include it.
//
//===----------------------------------------------------------------------===//

#ifndef STRUCTIFY_UNIT_H
#define STRUCTIFY_UNIT_H

#include "database/CommandAdapter.h"
#include "clang/Tooling/CompilationDatabase.h"
#include "clang/Tooling/Core/Diagnostic.h"
#include "llvm/ADT/StringRef.h"
#include "llvm/Support/JSON.h"
#include <optional>
#include <string>
#include <vector>

namespace structify {

/// A source file and the command that compiles it.
struct TranslationUnit {
  std::string File; ///< absolute path
  /// The database's command, adapted for clang (CommandAdapter.h).
  clang::tooling::CompileCommand Command;
  /// How it differs from the database's.
  std::vector<CommandChange> Changes;
};

/// What analysing one translation unit produced.
struct UnitResult {
  enum class Outcome {
    Analysed,     ///< the checks ran over the whole unit
    CompileError, ///< the unit does not compile; its diagnostics say why
    Crashed,      ///< the analysis crashed; Problem says how
  };
  Outcome Status = Outcome::Analysed;
  /// Check findings and compiler errors, with their fixes. A warning that the
  /// configuration turns into an error has the error level.
  std::vector<clang::tooling::Diagnostic> Diagnostics;
  /// Every file the unit read (the main file, each header), absolute.
  std::vector<std::string> FilesRead;
  /// One line saying why the unit failed, for CompileError and Crashed.
  std::string Problem;
  /// Whether the result came from the results cache.
  bool Cached = false;
  /// What `structify fix` records of the unit (Collect.h's summaries, as
  /// JSON), when the stage made them: the cache keeps them for `fix`.
  std::optional<llvm::json::Value> Records;
};

/// `Outcome` as JSON, for the stages' results.
llvm::StringRef outcomeKeyword(UnitResult::Outcome Status);
bool parseOutcomeKeyword(llvm::StringRef Name, UnitResult::Outcome &Status);

/// \p Files sorted, each once.
void sortUnique(std::vector<std::string> &Files);

} // namespace structify

#endif
