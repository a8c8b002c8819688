//===--- Baseline.h - known findings that do not fail the run ---*- C++ -*-===//
//
// A baseline lists the fingerprints of accepted findings. A fingerprint hashes
// the check, the file (relative to the root), the message and the text of the
// flagged line with its surrounding whitespace trimmed, but not the line
// number: a finding keeps its fingerprint when lines above it come and go or
// the file is reindented. Equal findings in one file are told apart by their
// order (":1", ":2", ...).
//
//===----------------------------------------------------------------------===//

#ifndef STRUCTIFY_BASELINE_H
#define STRUCTIFY_BASELINE_H

#include "report/Findings.h"
#include "llvm/ADT/StringSet.h"
#include "llvm/Support/Error.h"

namespace structify {

/// Fills in every finding's fingerprint. Findings must be in Results order.
void fingerprint(Results &R, SourceText &Sources);

/// Reads a baseline; the error is one line naming the file and the problem.
llvm::Expected<llvm::StringSet<>> readBaseline(llvm::StringRef Path);

/// Marks the findings the baseline lists (never compiler errors).
void applyBaseline(Results &R, const llvm::StringSet<> &Baseline);

/// Writes every finding of R (but compiler errors) as the new baseline.
llvm::Error writeBaseline(const Results &R, llvm::StringRef Path);

} // namespace structify

#endif
