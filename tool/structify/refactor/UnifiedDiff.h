//===--- UnifiedDiff.h - a file's change as a unified diff ------*- C++ -*-===//
//
// `structify fix --dry-run` shows the rewrite as `diff -u` would, without
// needing diff: the lines of the old and the new text are compared with
// Myers' algorithm, and the changes printed in hunks with three lines of
// context.
//
//===----------------------------------------------------------------------===//

#ifndef STRUCTIFY_UNIFIEDDIFF_H
#define STRUCTIFY_UNIFIEDDIFF_H

#include "llvm/ADT/StringRef.h"
#include "llvm/Support/raw_ostream.h"
#include <utility>
#include <vector>

namespace structify {

/// Writes the change from \p Old to \p New as a unified diff with the
/// headers `--- OldName` and `+++ NewName`; nothing when they are equal.
void writeUnifiedDiff(llvm::StringRef Old, llvm::StringRef New,
                      llvm::StringRef OldName, llvm::StringRef NewName,
                      llvm::raw_ostream &OS, unsigned Context = 3);

/// The [begin, end) byte ranges of \p New whose lines differ from \p Old:
/// each run of added lines, and an empty range where lines were only
/// removed.
std::vector<std::pair<unsigned, unsigned>> changedRanges(llvm::StringRef Old,
                                                         llvm::StringRef New);

} // namespace structify

#endif
