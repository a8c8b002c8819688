//===--- Verify.h - does the rewritten project still compile? ---*- C++ -*-===//

#ifndef STRUCTIFY_VERIFY_H
#define STRUCTIFY_VERIFY_H

#include "refactor/Apply.h"
#include "refactor/BodyFilter.h"
#include "refactor/Refactor.h"
#include <set>

namespace structify {

/// A compile error after the rewrite, and the function whose rewrite most
/// likely caused it.
struct VerifyError {
  std::string Where; ///< `file:line:col`
  std::string Message;
  /// `path:line` of the blamed function's first declaration, or empty.
  std::string Function;
};

struct Verification {
  /// How many units the edits affect (a file built in several
  /// configurations counted once).
  unsigned Units = 0;
  /// How many units were parsed in this round.
  unsigned Parsed = 0;
  std::vector<VerifyError> Errors;
  /// The units that compiled, and the new text of the files they compiled
  /// with: a later round parses one again only when a file it reads changes.
  std::set<size_t> Compiled;
  std::map<std::string, std::string> Contents;
};

/// What verification must parse after the rewrites of \p Plan, whose
/// functions \p Summaries describe, made the edits \p E: the bodies that
/// name a rewritten declaration or a struct, or hold a line that changes
/// (BodyFilter.h). Call it before the new text is written: it compares the
/// files' text with it. With \p ParseAll, every body.
BodyFilter bodyFilter(const clang::tidy::structify::Plan &Plan,
                      llvm::ArrayRef<FunctionSummary> Summaries, const Edits &E,
                      bool ParseAll);

/// The function whose edit is at, or else nearest to, \p Offset of the new
/// text of \p File: each edit's place in the new text is its old offset
/// shifted by the edits before it. Empty when no edit is in the file.
std::string blame(const std::vector<EditOrigin> &Origins, llvm::StringRef File,
                  unsigned Offset);

/// Parses again every unit that read a file the edits changed (their main
/// file or any header), except those in \p Failed (they did not compile
/// before) and those \p Previous, an earlier round, saw compile with the
/// same text of every file they read; parses the bodies \p Bodies keeps.
/// A unit whose own file neither changed nor names anything of \p Bodies
/// reads the changed code only in headers: it is parsed only when it reads
/// such a header (changed, or naming something) that no other unit parsed
/// with the same configuration reads (not with \p Bodies' ParseAll).
/// Reports each compile error with the function it blames: the one whose
/// edit is nearest to the error in the same file. With \p InMemory, the
/// units read the new text from \p E, not from the disk (nothing written).
Verification verify(const Project &P, const Edits &E,
                    const std::vector<std::vector<std::string>> &FilesRead,
                    const std::vector<FailedUnit> &Failed,
                    std::shared_ptr<const BodyFilter> Bodies,
                    const Verification *Previous = nullptr,
                    bool InMemory = false);

} // namespace structify

#endif
