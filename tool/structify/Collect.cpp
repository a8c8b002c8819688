//===--- Collect.cpp - what every translation unit knows ------------------===//

#include "Collect.h"
#include "Paths.h"
#include "model/Candidates.h"
#include "model/Options.h"
#include "clang/AST/ASTConsumer.h"
#include "clang/Frontend/CompilerInstance.h"
#include "clang/Frontend/FrontendAction.h"

namespace structify {
using namespace clang;
using clang::tidy::structify::TupleReturnPolicy;

/// structify-tuple-return's options, read as the check reads them.
static tidy::structify::TupleReturnOptions
tupleReturnOptions(const tidy::ClangTidyOptions &Options) {
  return tidy::structify::readTupleReturnOptions(tidy::structify::OptionMapView(
      tidy::structify::TupleReturnCheckName, Options.CheckOptions));
}

TupleReturnPolicy policyFor(const tidy::ClangTidyOptions &Options) {
  return tupleReturnOptions(Options).Policy;
}

SummaryOptions summaryOptionsFor(const tidy::ClangTidyOptions &Options) {
  const tidy::structify::TupleReturnOptions Read = tupleReturnOptions(Options);
  SummaryOptions S;
  S.StructNameSuffix = Read.StructNameSuffix;
  S.NameStyle = Read.NameStyle;
  return S;
}

llvm::StringRef outcomeKeyword(UnitResult::Outcome Status) {
  switch (Status) {
  case UnitResult::Outcome::Analysed:
    return "analysed";
  case UnitResult::Outcome::CompileError:
    return "compile-error";
  case UnitResult::Outcome::Crashed:
    return "crashed";
  }
  llvm_unreachable("an outcome without a name");
}

bool parseOutcomeKeyword(llvm::StringRef Name, UnitResult::Outcome &Status) {
  for (auto Candidate :
       {UnitResult::Outcome::Analysed, UnitResult::Outcome::CompileError,
        UnitResult::Outcome::Crashed})
    if (Name == outcomeKeyword(Candidate)) {
      Status = Candidate;
      return true;
    }
  return false;
}

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

StageRun runStageAction(const TranslationUnit &Unit,
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

void sortUnique(std::vector<std::string> &Files) {
  llvm::sort(Files);
  Files.erase(llvm::unique(Files), Files.end());
}

namespace {

class SummaryConsumer : public ASTConsumer {
public:
  SummaryConsumer(Preprocessor &PP, TupleReturnPolicy Policy, SummaryOptions Options,
                  std::vector<FunctionSummary> &Out)
      : PP(PP), Policy(std::move(Policy)), Options(std::move(Options)), Out(Out) {}
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

class SummaryAction : public ASTFrontendAction {
public:
  SummaryAction(const TupleReturnPolicy &Policy, const SummaryOptions &Options,
                CollectedUnit &Out)
      : Policy(Policy), Options(Options), Out(Out) {}

protected:
  std::unique_ptr<ASTConsumer> CreateASTConsumer(CompilerInstance &CI,
                                                 llvm::StringRef) override {
    return std::make_unique<SummaryConsumer>(CI.getPreprocessor(), Policy,
                                             Options, Out.Summaries);
  }
  void EndSourceFileAction() override {
    recordFilesRead(getCompilerInstance(), Out.FilesRead);
  }

private:
  const TupleReturnPolicy &Policy;
  const SummaryOptions &Options;
  CollectedUnit &Out;
};

class SummaryActionFactory : public AnalysisActionFactory {
public:
  SummaryActionFactory(const TupleReturnPolicy &Policy,
                       const SummaryOptions &Options, CollectedUnit &Out)
      : Policy(Policy), Options(Options), Out(Out) {}
  std::unique_ptr<FrontendAction> create() override {
    return std::make_unique<SummaryAction>(Policy, Options, Out);
  }

private:
  const TupleReturnPolicy &Policy;
  const SummaryOptions &Options;
  CollectedUnit &Out;
};

} // namespace

std::unique_ptr<ASTConsumer> makeSummaryConsumer(CompilerInstance &CI,
                                                 const tidy::ClangTidyOptions &Options,
                                                 std::vector<FunctionSummary> &Out) {
  return std::make_unique<SummaryConsumer>(CI.getPreprocessor(), policyFor(Options),
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
  SummaryActionFactory Factory(Policy, Naming, Result);
  const StageRun Run = runStageAction(Unit, Options, Factory);
  if (Run.Status == UnitResult::Outcome::Crashed)
    Result = CollectedUnit(); // what it found before is not to be trusted
  Result.Status = Run.Status;
  Result.Problem = Run.Problem;
  if (Run.Status != UnitResult::Outcome::Analysed)
    Result.Summaries.clear(); // the files it read say which functions it may use
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

bool fromJSON(const llvm::json::Value &V, CollectedUnit &U, llvm::json::Path P) {
  llvm::json::ObjectMapper O(V, P);
  std::string Status;
  return O && O.map("status", Status) && parseOutcomeKeyword(Status, U.Status) &&
         O.map("problem", U.Problem) && O.map("summaries", U.Summaries) &&
         O.map("filesRead", U.FilesRead);
}

} // namespace structify
