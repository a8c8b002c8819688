//===--- Findings.h - what a run found, once per place ----------*- C++ -*-===//

#ifndef STRUCTIFY_FINDINGS_H
#define STRUCTIFY_FINDINGS_H

#include "support/Paths.h"
#include "units/Unit.h"
#include "llvm/ADT/StringMap.h"
#include "llvm/ADT/StringSet.h"
#include "llvm/Support/JSON.h"
#include "llvm/Support/MemoryBuffer.h"
#include <memory>
#include <optional>

namespace structify {

/// One diagnostic, reported once however many units include its header.
struct Finding {
  clang::tooling::Diagnostic Diag;
  unsigned Line = 0, Column = 0; ///< 1-based, columns in bytes; 0: no place
  /// Survives edits elsewhere in the file; see Baseline.h.
  std::string Fingerprint;
  /// In the baseline: known, and does not fail the run.
  bool Baselined = false;

  /// The unit does not compile: never baselined.
  bool isCompilerError() const;
};

/// A unit that could not be analysed.
struct Failure {
  std::string File;
  std::string Problem;
  bool Crashed = false;
};

struct Results {
  std::string Root; ///< paths in baselines and SARIF are relative to it
  std::vector<Finding> Findings; ///< by file, then offset
  std::vector<Failure> Failures; ///< by file
  unsigned Units = 0, Cached = 0, Analysed = 0;
  /// Units left out: their configuration enables no check.
  unsigned Skipped = 0;

  size_t newFindings() const;
  /// File relative to Root when it is inside Root.
  std::string relative(llvm::StringRef File) const;
};

/// Collects the units' results into Results: one finding per place however
/// many units report it, in a stable order.
class ResultsBuilder {
public:
  explicit ResultsBuilder(std::string Root) { R.Root = std::move(Root); }
  void add(const TranslationUnit &Unit, const UnitResult &Result);
  void add(Finding F);
  void add(Failure F) { R.Failures.push_back(std::move(F)); }
  /// Sorts, and fills in lines and columns that are still missing.
  Results finish(SourceText &Sources);
  Results &results() { return R; }

private:
  Results R;
  llvm::StringMap<size_t> Seen; ///< a finding's or failure's key -> its index
  llvm::StringSet<> Files;      ///< the units' files
};

} // namespace structify

#endif
