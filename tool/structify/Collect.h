//===--- Collect.h - what every translation unit knows ----------*- C++ -*-===//
//
// The first stage of `structify plan` and `structify fix`: in each unit,
// summarize every function structify-tuple-return would rewrite
// (Summary.h), and record the files the unit read.
//
//===----------------------------------------------------------------------===//

#ifndef STRUCTIFY_COLLECT_H
#define STRUCTIFY_COLLECT_H

#include "Runner.h"
#include "Summary.h"
#include "clang-tidy/ClangTidyOptions.h"
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

/// Keeps the first error of a compilation as `file:line:col: error: message`.
class FirstError : public clang::DiagnosticConsumer {
public:
  void HandleDiagnostic(clang::DiagnosticsEngine::Level Level,
                        const clang::Diagnostic &Info) override;
  std::string Text;
};

/// How a plan or fix stage's pass over one unit ended.
struct StageRun {
  UnitResult::Outcome Status = UnitResult::Outcome::Analysed;
  std::string Problem; ///< why not Analysed: the first error, or the crash
};

/// Runs \p Factory's action over \p Unit (runTool) under crash recovery
/// (runProtected), and says how it ended.
StageRun runStageAction(const TranslationUnit &Unit,
                        const clang::tidy::ClangTidyOptions &Options,
                        clang::tooling::FrontendActionFactory &Factory);

/// \p Files sorted, each once.
void sortUnique(std::vector<std::string> &Files);

/// structify-tuple-return's rule and naming options from a unit's options.
clang::tidy::structify::TupleReturnPolicy
policyFor(const clang::tidy::ClangTidyOptions &Options);
SummaryOptions summaryOptionsFor(const clang::tidy::ClangTidyOptions &Options);

/// `Outcome` as JSON, for the stages' results.
llvm::StringRef outcomeKeyword(UnitResult::Outcome Status);
bool parseOutcomeKeyword(llvm::StringRef Name, UnitResult::Outcome &Status);

} // namespace structify

#endif
