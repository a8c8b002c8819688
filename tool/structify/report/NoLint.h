//===--- NoLint.h - NOLINT comments, as clang-tidy reads them ---*- C++ -*-===//
//
// clang-tidy drops a check's diagnostic, and its fix, when a NOLINT comment
// names the check at the diagnostic's line. The driver decides rewrites from
// its own analysis, not from diagnostics, so it reads the same comments:
// `NOLINT` and `NOLINT(globs)` on the line, `NOLINTNEXTLINE(...)` on the
// line before, and `NOLINTBEGIN(...)` ... `NOLINTEND(...)` around it.
//
//===----------------------------------------------------------------------===//

#ifndef STRUCTIFY_NOLINT_H
#define STRUCTIFY_NOLINT_H

#include "llvm/ADT/StringRef.h"
#include <optional>

namespace structify {

/// The line (1-based) of the NOLINT comment in \p Text that silences
/// \p Check at the line \p Line, if any.
std::optional<unsigned> noLintLine(llvm::StringRef Text, unsigned Line,
                                   llvm::StringRef Check);

} // namespace structify

#endif
