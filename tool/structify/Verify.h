//===--- Verify.h - does the rewritten project still compile? ---*- C++ -*-===//

#ifndef STRUCTIFY_VERIFY_H
#define STRUCTIFY_VERIFY_H

#include "Apply.h"

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

/// Parses again every unit that read a file the edits changed (their main
/// file or any header), and reports each compile error with the function it
/// blames: the one whose edit is nearest to the error in the same file.
Verification verify(const Project &P, const Edits &E);

} // namespace structify

#endif
