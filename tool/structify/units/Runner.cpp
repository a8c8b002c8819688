//===--- Runner.cpp - run the checks over translation units ---------------===//
//
// Why units run in worker processes, and what that costs: see Worker.h and
// bench/README.md.
//
//===----------------------------------------------------------------------===//

#include "units/Runner.h"
#include "clang-tidy/ClangTidy.h"
#include "clang-tidy/ClangTidyDiagnosticConsumer.h"
#include "clang-tidy/ClangTidyModule.h"
#include "report/DiagnosticJson.h"
#include "support/DriverCompat.h"
#include "support/Paths.h"
#include "clang/Basic/DiagnosticOptions.h"
#include "clang/Basic/FileManager.h"
#include "clang/Frontend/CompilerInstance.h"
#include "clang/Frontend/CompilerInvocation.h"
#include "clang/Frontend/MultiplexConsumer.h"
#include "clang/Lex/PreprocessorOptions.h"
#include "clang/Tooling/ArgumentsAdjusters.h"
#include "clang/Tooling/Tooling.h"
#include "llvm/Support/CrashRecoveryContext.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/TargetSelect.h"
#include "llvm/Support/ThreadPool.h"
#include "llvm/Support/Threading.h"
#include "llvm/Support/VirtualFileSystem.h"
#include <algorithm>

namespace structify {
using namespace clang;
using namespace clang::tidy;

namespace {

/// An action that makes its consumer with Make and records every file the
/// unit read.
class ConsumerAction : public ASTFrontendAction {
public:
  ConsumerAction(const ConsumerMaker &Make, std::vector<std::string> &FilesRead)
      : Make(Make), FilesRead(FilesRead) {}

protected:
  std::unique_ptr<ASTConsumer> CreateASTConsumer(CompilerInstance &CI,
                                                 StringRef File) override {
    return Make(CI, File);
  }
  void EndSourceFileAction() override {
    recordFilesRead(getCompilerInstance(), FilesRead);
  }

private:
  const ConsumerMaker &Make;
  std::vector<std::string> &FilesRead;
};

/// The canonical path, so that a header reached as "../include/a.h" from one
/// unit and "/src/include/a.h" from another is one file.
std::string absolute(StringRef Path, StringRef Directory) {
  return canonicalPath(Path, Directory);
}

tooling::Replacements absolute(const tooling::Replacements &Replacements,
                               StringRef Directory) {
  tooling::Replacements Result;
  for (const tooling::Replacement &R : Replacements)
    llvm::consumeError(Result.add(tooling::Replacement(
        absolute(R.getFilePath(), Directory), R.getOffset(), R.getLength(),
        R.getReplacementText())));
  return Result;
}

void makeAbsolute(tooling::DiagnosticMessage &Message, StringRef Directory) {
  Message.FilePath = absolute(Message.FilePath, Directory);
  for (tooling::FileByteRange &Range : Message.Ranges)
    Range.FilePath = absolute(Range.FilePath, Directory);
  llvm::StringMap<tooling::Replacements> Fix;
  for (const auto &[File, Replacements] : Message.Fix)
    Fix[absolute(File, Directory)] = absolute(Replacements, Directory);
  Message.Fix = std::move(Fix);
}

/// Diagnostics with absolute paths, so that they mean the same thing from
/// every unit and every directory; configured warnings-as-errors are errors.
tooling::Diagnostic normalize(const ClangTidyError &Error) {
  tooling::Diagnostic Diag = Error;
  if (Error.IsWarningAsError)
    Diag.DiagLevel = tooling::Diagnostic::Error;
  makeAbsolute(Diag.Message, Error.BuildDirectory);
  for (tooling::DiagnosticMessage &Note : Diag.Notes)
    makeAbsolute(Note, Error.BuildDirectory);
  return Diag;
}

} // namespace

/// The unit's compile command as clang-tidy would run it: syntax only, no
/// output files, the configuration's extra and removed arguments.
std::vector<std::string> commandLineFor(const TranslationUnit &Unit,
                                        const ClangTidyOptions &Opts) {
  using namespace tooling;
  ArgumentsAdjuster Adjust =
      combineAdjusters(combineAdjusters(getClangStripOutputAdjuster(),
                                        getClangSyntaxOnlyAdjuster()),
                       getClangStripDependencyFileAdjuster());
  if (Opts.ExtraArgsBefore)
    Adjust = combineAdjusters(
        Adjust, getInsertArgumentAdjuster(*Opts.ExtraArgsBefore,
                                          ArgumentInsertPosition::BEGIN));
  if (Opts.ExtraArgs)
    Adjust = combineAdjusters(
        Adjust, getInsertArgumentAdjuster(*Opts.ExtraArgs,
                                          ArgumentInsertPosition::END));
  Adjust = combineAdjusters(Adjust, getStripPluginsAdjuster());
  std::vector<std::string> Args = Adjust(Unit.Command.CommandLine, Unit.File);
  if (const auto &RemovedArgs = compat::removedArgs(Opts))
    for (const std::string &Removed : *RemovedArgs)
      llvm::erase(Args, Removed);
  bool HasResourceDir = llvm::any_of(
      Args, [](StringRef Arg) { return Arg.starts_with("-resource-dir"); });
  if (!HasResourceDir && !Args.empty()) {
    static int Anchor;
    Args.insert(Args.begin() + 1,
                "-resource-dir=" + compat::resourcesPath("structify", &Anchor));
  }
  return Args;
}

void recordFilesRead(CompilerInstance &CI,
                     std::vector<std::string> &FilesRead) {
  const SourceManager &SM = CI.getSourceManager();
  for (auto It = SM.fileinfo_begin(); It != SM.fileinfo_end(); ++It)
    FilesRead.push_back(canonicalFileName(It->first, CI.getFileManager()));
  // A precompiled header the unit used: the cache must see it rebuilt, even
  // when none of its headers' lines was looked at.
  if (const std::string &Pch = CI.getPreprocessorOpts().ImplicitPCHInclude;
      !Pch.empty()) {
    llvm::SmallString<256> Path(Pch);
    CI.getFileManager().makeAbsolutePath(Path);
    FilesRead.push_back(std::string(Path));
  }
}

bool AnalysisActionFactory::runInvocation(
    std::shared_ptr<CompilerInvocation> Invocation, FileManager *Files,
    std::shared_ptr<PCHContainerOperations> PCHContainerOps,
    DiagnosticConsumer *DiagConsumer) {
  Invocation->getPreprocessorOpts().SetUpStaticAnalyzer = true;
  // The report says what was found.
  Invocation->getDiagnosticOpts().ShowCarets = false;
  return FrontendActionFactory::runInvocation(Invocation, Files,
                                              PCHContainerOps, DiagConsumer);
}

std::unique_ptr<FrontendAction> ConsumerActionFactory::create() {
  return std::make_unique<ConsumerAction>(Make, FilesRead);
}

void initializeRunner(bool RecoverFromCrashes) {
  llvm::InitializeAllTargetInfos();
  llvm::InitializeAllTargetMCs();
  llvm::InitializeAllAsmParsers();
  if (RecoverFromCrashes)
    llvm::CrashRecoveryContext::Enable();
}

bool runTool(const TranslationUnit &Unit, const ClangTidyOptions &Opts,
             tooling::FrontendActionFactory &Factory,
             DiagnosticConsumer &Diagnostics,
             IntrusiveRefCntPtr<llvm::vfs::OverlayFileSystem> FS) {
  if (!FS) {
    FS = llvm::makeIntrusiveRefCnt<llvm::vfs::OverlayFileSystem>(
        llvm::vfs::createPhysicalFileSystem());
    // A missing directory makes the compilation fail with a clear error.
    [[maybe_unused]] std::error_code NoDirectory =
        FS->setCurrentWorkingDirectory(Unit.Command.Directory);
  }
  auto Files = llvm::makeIntrusiveRefCnt<FileManager>(FileSystemOptions(), FS);
  tooling::ToolInvocation Invocation(
      commandLineFor(Unit, Opts), &Factory, Files.get(),
      std::make_shared<PCHContainerOperations>());
  Invocation.setDiagnosticConsumer(&Diagnostics);
  return Invocation.run();
}

std::optional<std::string> runProtected(llvm::function_ref<void()> Work) {
  llvm::CrashRecoveryContext CRC;
  if (CRC.RunSafely(Work))
    return std::nullopt;
  std::string Problem = "the analysis crashed";
  if (llvm::CrashRecoveryContext::isCrash(CRC.RetCode) && CRC.RetCode > 128)
    Problem += " (signal " + std::to_string(CRC.RetCode - 128) + ")";
  return Problem;
}

UnitResult analyse(const TranslationUnit &Unit, const RunnerOptions &Options) {
  UnitResult Result;
  std::vector<ClangTidyError> Errors;
  bool Ran = false;
  const std::optional<std::string> Crash = runProtected([&] {
    auto FS = llvm::makeIntrusiveRefCnt<llvm::vfs::OverlayFileSystem>(
        llvm::vfs::createPhysicalFileSystem());
    [[maybe_unused]] std::error_code NoDirectory =
        FS->setCurrentWorkingDirectory(Unit.Command.Directory);
    if (Options.Overlay) {
      auto Memory = llvm::makeIntrusiveRefCnt<llvm::vfs::InMemoryFileSystem>();
      for (const auto &[Path, Text] : *Options.Overlay)
        Memory->addFile(Path, /*ModificationTime=*/0,
                        llvm::MemoryBuffer::getMemBufferCopy(Text, Path));
      FS->pushOverlay(Memory);
    }
    ClangTidyContext Context(Options.MakeOptionsProvider(FS));
    ClangTidyOptions Opts = Context.getOptionsForFile(Unit.File);
    ClangTidyDiagnosticConsumer DiagConsumer(Context, nullptr,
                                             /*RemoveIncompatibleErrors=*/true,
                                             Options.FixesFromNotes);
    compat::DiagnosticOptionsHolder DiagOpts;
    DiagnosticsEngine Engine(llvm::makeIntrusiveRefCnt<DiagnosticIDs>(),
                             DiagOpts, &DiagConsumer,
                             /*ShouldOwnClient=*/false);
    compat::setDiagnosticsEngine(Context, std::move(DiagOpts), &Engine);
    ClangTidyASTConsumerFactory Checks(Context, FS);
    ConsumerActionFactory Factory(
        [&](CompilerInstance &CI,
            StringRef File) -> std::unique_ptr<ASTConsumer> {
          std::unique_ptr<ASTConsumer> Consumer =
              Checks.createASTConsumer(CI, File);
          if (!Options.ExtraConsumer)
            return Consumer;
          std::vector<std::unique_ptr<ASTConsumer>> Both;
          Both.push_back(std::move(Consumer));
          Both.push_back(Options.ExtraConsumer(CI));
          return std::make_unique<MultiplexConsumer>(std::move(Both));
        },
        Result.FilesRead);
    Ran = runTool(Unit, Opts, Factory, DiagConsumer, FS);
    Errors = DiagConsumer.take();
  });
  if (Crash) {
    Result.Status = UnitResult::Outcome::Crashed;
    Result.Problem = *Crash;
    Result.FilesRead.clear();
    return Result;
  }
  for (const ClangTidyError &Error : Errors) {
    // A warning the configuration makes an error is a finding, not a
    // reason the unit failed.
    if (!Error.IsWarningAsError && isCompilerError(Error) &&
        Result.Status == UnitResult::Outcome::Analysed) {
      Result.Status = UnitResult::Outcome::CompileError;
      Result.Problem = "does not compile: " + Error.Message.Message;
    }
    Result.Diagnostics.push_back(normalize(Error));
  }
  if (!Ran && Result.Status == UnitResult::Outcome::Analysed) {
    Result.Status = UnitResult::Outcome::CompileError;
    Result.Problem = "the compiler rejected its command";
  }
  sortUnique(Result.FilesRead);
  return Result;
}

void runInParallel(size_t Count, unsigned Jobs,
                   llvm::function_ref<void(size_t)> Work) {
  if (Count == 0)
    return;
  llvm::ThreadPoolStrategy Strategy = llvm::hardware_concurrency(Jobs);
  Strategy.ThreadsRequested =
      std::min<unsigned>(Strategy.compute_thread_count(), Count);
  llvm::DefaultThreadPool Pool(Strategy);
  for (size_t I = 0; I < Count; ++I)
    Pool.async([&Work, I] { Work(I); });
  Pool.wait();
}

} // namespace structify
