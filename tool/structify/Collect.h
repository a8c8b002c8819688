//===--- Collect.h - what every translation unit knows ----------*- C++ -*-===//
//
// The first stage of `structify plan` and `structify fix`: in parallel over
// the units, summarize every function structify-tuple-return would rewrite
// (model/Summary.h), and record the files each unit read.
//
//===----------------------------------------------------------------------===//

#ifndef STRUCTIFY_COLLECT_H
#define STRUCTIFY_COLLECT_H

#include "Progress.h"
#include "Runner.h"
#include "clang-tidy/ClangTidyOptions.h"
#include "model/Summary.h"
#include "clang/Basic/Diagnostic.h"

namespace structify {

struct CollectResult {
  std::vector<clang::tidy::structify::FunctionSummary> Summaries;
  /// One line per unit that could not be analysed: "file: does not compile: ...".
  std::vector<std::string> Failures;
  /// The files each unit read, by unit.
  std::vector<std::vector<std::string>> FilesRead;
};

/// \p Options holds each unit's clang-tidy options (the user's configuration:
/// structify-tuple-return's options decide what is a candidate).
CollectResult collect(const std::vector<TranslationUnit> &Units,
                      const std::vector<clang::tidy::ClangTidyOptions> &Options,
                      unsigned Jobs, Progress &Status);

/// Keeps the first error of a compilation as `file:line:col: error: message`.
class FirstError : public clang::DiagnosticConsumer {
public:
  void HandleDiagnostic(clang::DiagnosticsEngine::Level Level,
                        const clang::Diagnostic &Info) override;
  std::string Text;
};

/// structify-tuple-return's rule and naming options from a unit's options.
clang::tidy::structify::TupleReturnPolicy
policyFor(const clang::tidy::ClangTidyOptions &Options);
clang::tidy::structify::SummaryOptions
summaryOptionsFor(const clang::tidy::ClangTidyOptions &Options);

} // namespace structify

#endif
