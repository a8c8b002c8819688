//===--- Collect.h - what every translation unit knows ----------*- C++ -*-===//
//
// The first stage of `structify plan` and `structify fix`: in each unit,
// summarize every function structify-tuple-return would rewrite
// (Summary.h), and record the files the unit read.
//
//===----------------------------------------------------------------------===//

#ifndef STRUCTIFY_COLLECT_H
#define STRUCTIFY_COLLECT_H

#include "clang-tidy/ClangTidyOptions.h"
#include "refactor/Summary.h"
#include "units/Runner.h"
#include "clang/Basic/Diagnostic.h"
#include "llvm/Support/JSON.h"

namespace structify {

/// One unit's summaries.
struct CollectedUnit {
  UnitResult::Outcome Status = UnitResult::Outcome::Analysed;
  /// Why the unit could not be summarized: "does not compile: ...".
  std::string Problem;
  std::vector<FunctionSummary> Summaries;
  std::vector<std::string> FilesRead;
};

/// Summarizes \p Unit under its clang-tidy options (structify-tuple-return's
/// options decide what is a candidate), in this process.
CollectedUnit collectUnit(const TranslationUnit &Unit,
                          const clang::tidy::ClangTidyOptions &Options);

/// An AST consumer that summarizes the unit into \p Out under \p Options,
/// as collectUnit does: for `check` to record what `fix` needs in the same
/// parse. \p Options must outlive it.
std::unique_ptr<clang::ASTConsumer>
makeSummaryConsumer(clang::CompilerInstance &CI,
                    const clang::tidy::ClangTidyOptions &Options,
                    std::vector<FunctionSummary> &Out);

/// \p Summaries as the records a cache entry keeps, and back.
llvm::json::Value recordsJSON(const std::vector<FunctionSummary> &Summaries);
bool fromRecordsJSON(const llvm::json::Value &Records,
                     std::vector<FunctionSummary> &Summaries);

llvm::json::Value toJSON(const CollectedUnit &U);
bool fromJSON(const llvm::json::Value &V, CollectedUnit &U, llvm::json::Path P);

} // namespace structify

#endif
