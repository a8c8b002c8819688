//===--- Collect.cpp - what every translation unit knows ------------------===//

#include "refactor/Collect.h"
#include "model/Candidates.h"
#include "model/Options.h"
#include "support/Paths.h"
#include "clang/AST/ASTConsumer.h"
#include "clang/Frontend/CompilerInstance.h"
#include "clang/Frontend/FrontendAction.h"

namespace structify {
using namespace clang;
using clang::tidy::structify::TupleReturnPolicy;

/// structify-tuple-return's options, read as the check reads them.
static tidy::structify::TupleReturnOptions
tupleReturnOptions(const tidy::ClangTidyOptions &Options) {
  return tidy::structify::readOptions<tidy::structify::TupleReturnOptions>(
      tidy::structify::OptionMapView(tidy::structify::TupleReturnCheckName,
                                     Options.CheckOptions));
}

static TupleReturnPolicy policyFor(const tidy::ClangTidyOptions &Options) {
  return tupleReturnOptions(Options).policy();
}

static SummaryOptions summaryOptionsFor(const tidy::ClangTidyOptions &Options) {
  const tidy::structify::TupleReturnOptions Read = tupleReturnOptions(Options);
  SummaryOptions S;
  S.StructNameSuffix = Read.StructNameSuffix;
  S.NameStyle = Read.NameStyle;
  return S;
}

namespace {

/// Keeps the first error of a compilation as `file:line:col: error: message`.
class FirstError : public DiagnosticConsumer {
public:
  void HandleDiagnostic(DiagnosticsEngine::Level Level,
                        const Diagnostic &Info) override;
  std::string Text;
};

/// How the stage's pass over one unit ended.
struct StageRun {
  UnitResult::Outcome Status = UnitResult::Outcome::Analysed;
  std::string Problem; ///< why not Analysed: the first error, or the crash
};

} // namespace

void FirstError::HandleDiagnostic(DiagnosticsEngine::Level Level,
                                  const Diagnostic &Info) {
  DiagnosticConsumer::HandleDiagnostic(Level, Info);
  if (Level < DiagnosticsEngine::Error || !Text.empty())
    return;
  llvm::SmallString<128> Message;
  Info.FormatDiagnostic(Message);
  if (Info.hasSourceManager() && Info.getLocation().isValid())
    Text = describeLocation(Info.getLocation(), Info.getSourceManager()) + ": ";
  Text += "error: " + std::string(Message);
}

/// Runs \p Factory's action over \p Unit (runTool) under crash recovery
/// (runProtected), and says how it ended.
static StageRun runStageAction(const TranslationUnit &Unit,
                               const tidy::ClangTidyOptions &Options,
                               tooling::FrontendActionFactory &Factory) {
  FirstError Diagnostics;
  bool Ran = false;
  StageRun Result;
  if (std::optional<std::string> Crash = runProtected(
          [&] { Ran = runTool(Unit, Options, Factory, Diagnostics); })) {
    Result.Status = UnitResult::Outcome::Crashed;
    Result.Problem = *Crash;
  } else if (!Diagnostics.Text.empty() || !Ran) {
    Result.Status = UnitResult::Outcome::CompileError;
    Result.Problem = Diagnostics.Text.empty()
                         ? "the compiler rejected its command"
                         : "does not compile: " + Diagnostics.Text;
  }
  return Result;
}

namespace {

class SummaryConsumer : public ASTConsumer {
public:
  SummaryConsumer(Preprocessor &PP, TupleReturnPolicy Policy,
                  SummaryOptions Options, std::vector<FunctionSummary> &Out)
      : PP(PP), Policy(std::move(Policy)), Options(std::move(Options)),
        Out(Out) {}
  void HandleTranslationUnit(ASTContext &Ctx) override {
    // A unit with errors has an incomplete AST: the caller reports it.
    if (Ctx.getDiagnostics().hasErrorOccurred())
      return;
    Out = summarizeTranslationUnit(Ctx, &PP, Policy, Options);
  }

private:
  Preprocessor &PP;
  const TupleReturnPolicy Policy;
  const SummaryOptions Options;
  std::vector<FunctionSummary> &Out;
};

} // namespace

std::unique_ptr<ASTConsumer>
makeSummaryConsumer(CompilerInstance &CI, const tidy::ClangTidyOptions &Options,
                    std::vector<FunctionSummary> &Out) {
  return std::make_unique<SummaryConsumer>(CI.getPreprocessor(),
                                           policyFor(Options),
                                           summaryOptionsFor(Options), Out);
}

llvm::json::Value recordsJSON(const std::vector<FunctionSummary> &Summaries) {
  llvm::json::Array Records;
  for (const FunctionSummary &S : Summaries)
    Records.push_back(toJSON(S));
  return Records;
}

bool fromRecordsJSON(const llvm::json::Value &Records,
                     std::vector<FunctionSummary> &Summaries) {
  llvm::json::Path::Root Root;
  return fromJSON(Records, Summaries, Root);
}

CollectedUnit collectUnit(const TranslationUnit &Unit,
                          const tidy::ClangTidyOptions &Options) {
  CollectedUnit Result;
  const TupleReturnPolicy Policy = policyFor(Options);
  const SummaryOptions Naming = summaryOptionsFor(Options);
  ConsumerActionFactory Factory(
      [&](CompilerInstance &CI, llvm::StringRef) {
        return std::make_unique<SummaryConsumer>(CI.getPreprocessor(), Policy,
                                                 Naming, Result.Summaries);
      },
      Result.FilesRead);
  const StageRun Run = runStageAction(Unit, Options, Factory);
  if (Run.Status == UnitResult::Outcome::Crashed)
    Result = CollectedUnit(); // what it found before is not to be trusted
  Result.Status = Run.Status;
  Result.Problem = Run.Problem;
  if (Run.Status != UnitResult::Outcome::Analysed)
    Result.Summaries
        .clear(); // the files it read say which functions it may use
  sortUnique(Result.FilesRead);
  return Result;
}

llvm::json::Value toJSON(const CollectedUnit &U) {
  llvm::json::Array Summaries;
  for (const FunctionSummary &S : U.Summaries)
    Summaries.push_back(toJSON(S));
  return llvm::json::Object{{"status", outcomeKeyword(U.Status)},
                            {"problem", U.Problem},
                            {"summaries", std::move(Summaries)},
                            {"filesRead", U.FilesRead}};
}

bool fromJSON(const llvm::json::Value &V, CollectedUnit &U,
              llvm::json::Path P) {
  llvm::json::ObjectMapper O(V, P);
  std::string Status;
  return O && O.map("status", Status) &&
         parseOutcomeKeyword(Status, U.Status) && O.map("problem", U.Problem) &&
         O.map("summaries", U.Summaries) && O.map("filesRead", U.FilesRead);
}

} // namespace structify
