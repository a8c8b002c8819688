//===--- Verify.h - does the rewritten project still compile? ---*- C++ -*-===//

#ifndef STRUCTIFY_VERIFY_H
#define STRUCTIFY_VERIFY_H

#include "Apply.h"
#include "Refactor.h"

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
  /// How many units were parsed again.
  unsigned Units = 0;
  std::vector<VerifyError> Errors;
};

/// The function whose edit is at, or else nearest to, \p Offset of the new
/// text of \p File: each edit's place in the new text is its old offset
/// shifted by the edits before it. Empty when no edit is in the file.
std::string blame(const std::vector<EditOrigin> &Origins, llvm::StringRef File,
                  unsigned Offset);

/// Parses again every unit that read a file the edits changed (their main
/// file or any header), except those in \p Failed (they did not compile
/// before), and reports each compile error with the function it blames: the
/// one whose edit is nearest to the error in the same file.
Verification verify(const Project &P, const Edits &E,
                    const std::vector<std::vector<std::string>> &FilesRead,
                    const std::vector<FailedUnit> &Failed);

} // namespace structify

#endif
