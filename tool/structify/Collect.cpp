//===--- Collect.cpp - what every translation unit knows ------------------===//

#include "Collect.h"
#include "model/Candidates.h"
#include "clang/AST/ASTConsumer.h"
#include "clang/Basic/DiagnosticOptions.h"
#include "clang/Frontend/CompilerInstance.h"
#include "clang/Frontend/FrontendAction.h"
#include "clang/Tooling/Tooling.h"
#include "llvm/Support/CrashRecoveryContext.h"
#include <mutex>

namespace structify {
using namespace clang;
using clang::tidy::structify::FunctionSummary;
using clang::tidy::structify::SummaryOptions;
using clang::tidy::structify::TupleReturnPolicy;

static std::string option(const tidy::ClangTidyOptions &Options,
                          llvm::StringRef Name, llvm::StringRef Default) {
  auto It = Options.CheckOptions.find(
      (tidy::structify::TupleReturnCheckName + "." + Name).str());
  return It == Options.CheckOptions.end() ? Default.str() : It->getValue().Value;
}

TupleReturnPolicy policyFor(const tidy::ClangTidyOptions &Options) {
  return TupleReturnPolicy::fromOptions(
      [&](llvm::StringRef Name, llvm::StringRef Default) {
        return option(Options, Name, Default);
      });
}

SummaryOptions summaryOptionsFor(const tidy::ClangTidyOptions &Options) {
  SummaryOptions S;
  S.StructNameSuffix = option(Options, "StructNameSuffix", S.StructNameSuffix);
  S.StructNameStyle = option(Options, "StructNameStyle", S.StructNameStyle);
  return S;
}

namespace {

class SummaryConsumer : public ASTConsumer {
public:
  SummaryConsumer(Preprocessor &PP, const TupleReturnPolicy &Policy,
                  const SummaryOptions &Options, std::vector<FunctionSummary> &Out)
      : PP(PP), Policy(Policy), Options(Options), Out(Out) {}
  void HandleTranslationUnit(ASTContext &Ctx) override {
    // A unit with errors has an incomplete AST: the caller reports it.
    if (Ctx.getDiagnostics().hasErrorOccurred())
      return;
    Out = tidy::structify::summarizeTranslationUnit(Ctx, &PP, Policy, Options);
  }

private:
  Preprocessor &PP;
  const TupleReturnPolicy &Policy;
  const SummaryOptions &Options;
  std::vector<FunctionSummary> &Out;
};

class SummaryAction : public ASTFrontendAction {
public:
  SummaryAction(const TupleReturnPolicy &Policy, const SummaryOptions &Options,
                std::vector<FunctionSummary> &Out,
                std::vector<std::string> &FilesRead)
      : Policy(Policy), Options(Options), Out(Out), FilesRead(FilesRead) {}

protected:
  std::unique_ptr<ASTConsumer> CreateASTConsumer(CompilerInstance &CI,
                                                 llvm::StringRef) override {
    return std::make_unique<SummaryConsumer>(CI.getPreprocessor(), Policy,
                                             Options, Out);
  }
  void EndSourceFileAction() override {
    recordFilesRead(getCompilerInstance(), FilesRead);
  }

private:
  const TupleReturnPolicy &Policy;
  const SummaryOptions &Options;
  std::vector<FunctionSummary> &Out;
  std::vector<std::string> &FilesRead;
};

} // namespace

void FirstError::HandleDiagnostic(DiagnosticsEngine::Level Level,
                                  const Diagnostic &Info) {
  DiagnosticConsumer::HandleDiagnostic(Level, Info);
  if (Level < DiagnosticsEngine::Error || !Text.empty())
    return;
  llvm::SmallString<128> Message;
  Info.FormatDiagnostic(Message);
  if (Info.hasSourceManager() && Info.getLocation().isValid()) {
    const PresumedLoc P = Info.getSourceManager().getPresumedLoc(
        Info.getSourceManager().getFileLoc(Info.getLocation()));
    if (P.isValid())
      Text = std::string(P.getFilename()) + ":" + std::to_string(P.getLine()) +
             ":" + std::to_string(P.getColumn()) + ": ";
  }
  Text += "error: " + std::string(Message);
}

namespace {

class SummaryActionFactory : public AnalysisActionFactory {
public:
  SummaryActionFactory(const TupleReturnPolicy &Policy,
                       const SummaryOptions &Options,
                       std::vector<FunctionSummary> &Out,
                       std::vector<std::string> &FilesRead)
      : Policy(Policy), Options(Options), Out(Out), FilesRead(FilesRead) {}
  std::unique_ptr<FrontendAction> create() override {
    return std::make_unique<SummaryAction>(Policy, Options, Out, FilesRead);
  }

private:
  const TupleReturnPolicy &Policy;
  const SummaryOptions &Options;
  std::vector<FunctionSummary> &Out;
  std::vector<std::string> &FilesRead;
};

/// Summarizes one unit; returns the first error when it does not compile.
std::string summarizeUnit(const TranslationUnit &Unit,
                          const tidy::ClangTidyOptions &Options,
                          std::vector<FunctionSummary> &Out,
                          std::vector<std::string> &FilesRead) {
  const TupleReturnPolicy Policy = policyFor(Options);
  const SummaryOptions Naming = summaryOptionsFor(Options);
  auto FS = llvm::makeIntrusiveRefCnt<llvm::vfs::OverlayFileSystem>(
      llvm::vfs::createPhysicalFileSystem());
  [[maybe_unused]] std::error_code NoDirectory =
      FS->setCurrentWorkingDirectory(Unit.Command.Directory);
  auto Files = llvm::makeIntrusiveRefCnt<FileManager>(FileSystemOptions(), FS);
  FirstError Diagnostics;
  SummaryActionFactory Factory(Policy, Naming, Out, FilesRead);
  tooling::ToolInvocation Invocation(commandLineFor(Unit, Options), &Factory,
                                     Files.get(),
                                     std::make_shared<PCHContainerOperations>());
  Invocation.setDiagnosticConsumer(&Diagnostics);
  std::string Problem;
  llvm::CrashRecoveryContext CRC;
  const bool Survived = CRC.RunSafely([&] {
    if (!Invocation.run() && Diagnostics.Text.empty())
      Problem = "the compiler rejected its command";
  });
  if (!Survived)
    return "the analysis crashed";
  if (!Diagnostics.Text.empty())
    Problem = "does not compile: " + Diagnostics.Text;
  return Problem;
}

} // namespace

CollectResult collect(const std::vector<TranslationUnit> &Units,
                      const std::vector<tidy::ClangTidyOptions> &Options,
                      unsigned Jobs, Progress &Status) {
  std::vector<std::vector<FunctionSummary>> PerUnit(Units.size());
  std::vector<std::string> Problems(Units.size());
  CollectResult Result;
  Result.FilesRead.resize(Units.size());
  runInParallel(Units.size(), Jobs, [&](size_t I) {
    Status.started(Units[I].File);
    Problems[I] =
        summarizeUnit(Units[I], Options[I], PerUnit[I], Result.FilesRead[I]);
    UnitResult Shown;
    if (!Problems[I].empty())
      Shown.Status = UnitResult::Outcome::CompileError;
    Status.finished(Units[I].File, Shown);
  });
  for (size_t I = 0; I < Units.size(); ++I) {
    if (!Problems[I].empty())
      Result.Failures.push_back(Units[I].File + ": " + Problems[I]);
    for (FunctionSummary &S : PerUnit[I])
      Result.Summaries.push_back(std::move(S));
  }
  return Result;
}

} // namespace structify
