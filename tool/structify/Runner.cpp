//===--- Runner.cpp - run the checks over translation units ---------------===//
//
// Worker processes, not threads: `structify check` runs analyse() in a
// `structify __worker` process per unit (Worker.cpp), from -j threads. The
// evidence, on this project's 2-core machine (the units of
// test/driver/failures.test; figures in bench/README.md):
//  - crash isolation: in threads, with an llvm::CrashRecoveryContext around
//    each unit, `#pragma clang __debug llvm_fatal_error` was survived, but
//    the trap of `#pragma clang __debug crash` left a dangling llvm::Timer
//    behind that crashed the process at exit, after the report, turning exit
//    code 1 into 139; a crash that corrupts the heap would take the other
//    threads down the same way. In a worker, a crash ends that worker only:
//    the unit is reported as crashed and the others go on; with --timeout a
//    unit that hangs is stopped too.
//  - speed: a cold run of cli11's 48 units at -j 2 (bench/README.md) took
//    34.6 s with workers and 32.5 s with threads (--in-process), against
//    35.9 s for run-clang-tidy: workers cost about 6%, for parsing dominates;
//    a warm run starts no worker for the units it finds in the cache.
// analyse() stays usable in-process (the worker, `--in-process` for
// debugging, and later subcommands that collect C++ objects per unit).
//
//===----------------------------------------------------------------------===//

#include "Runner.h"
#include "clang-tidy/ClangTidy.h"
#include "clang-tidy/ClangTidyDiagnosticConsumer.h"
#include "clang-tidy/ClangTidyModule.h"
#include "clang/Basic/DiagnosticOptions.h"
#include "clang/Basic/FileManager.h"
#include "clang/Frontend/CompilerInstance.h"
#include "clang/Frontend/CompilerInvocation.h"
#include "clang/Lex/PreprocessorOptions.h"
#include "clang/Options/OptionUtils.h"
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

/// clang-tidy's AST consumer, plus a record of every file the unit read.
class CheckAction : public ASTFrontendAction {
public:
  CheckAction(ClangTidyASTConsumerFactory &Factory,
              std::vector<std::string> &FilesRead)
      : Factory(Factory), FilesRead(FilesRead) {}

protected:
  std::unique_ptr<ASTConsumer> CreateASTConsumer(CompilerInstance &CI,
                                                 StringRef File) override {
    return Factory.createASTConsumer(CI, File);
  }

  void EndSourceFileAction() override {
    recordFilesRead(getCompilerInstance(), FilesRead);
  }

private:
  ClangTidyASTConsumerFactory &Factory;
  std::vector<std::string> &FilesRead;
};

class CheckActionFactory : public AnalysisActionFactory {
public:
  CheckActionFactory(ClangTidyContext &Context,
                     IntrusiveRefCntPtr<llvm::vfs::OverlayFileSystem> FS,
                     std::vector<std::string> &FilesRead)
      : ConsumerFactory(Context, std::move(FS)), FilesRead(FilesRead) {}

  std::unique_ptr<FrontendAction> create() override {
    return std::make_unique<CheckAction>(ConsumerFactory, FilesRead);
  }

private:
  ClangTidyASTConsumerFactory ConsumerFactory;
  std::vector<std::string> &FilesRead;
};

/// The real path, so that a header reached as "../include/a.h" from one unit
/// and "/src/include/a.h" from another is one file.
std::string absolute(StringRef Path, StringRef Directory) {
  if (Path.empty())
    return std::string();
  llvm::SmallString<256> Joined;
  if (llvm::sys::path::is_absolute(Path))
    Joined = Path;
  else
    llvm::sys::path::append(Joined, Directory, Path);
  llvm::SmallString<256> Real;
  if (!llvm::sys::fs::real_path(Joined, Real))
    return std::string(Real);
  llvm::sys::path::remove_dots(Joined, /*remove_dot_dot=*/false);
  return std::string(Joined);
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

bool isCompilerError(const ClangTidyError &Error) {
  return Error.DiagLevel == ClangTidyError::Error && !Error.IsWarningAsError &&
         StringRef(Error.DiagnosticName).starts_with("clang-diagnostic-");
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
  if (Opts.RemovedArgs)
    for (const std::string &Removed : *Opts.RemovedArgs)
      llvm::erase(Args, Removed);
  bool HasResourceDir = llvm::any_of(
      Args, [](StringRef Arg) { return Arg.starts_with("-resource-dir"); });
  if (!HasResourceDir && !Args.empty()) {
    static int Anchor;
    Args.insert(Args.begin() + 1,
                "-resource-dir=" + GetResourcesPath("structify", &Anchor));
  }
  return Args;
}

void recordFilesRead(CompilerInstance &CI, std::vector<std::string> &FilesRead) {
  const SourceManager &SM = CI.getSourceManager();
  for (auto It = SM.fileinfo_begin(); It != SM.fileinfo_end(); ++It) {
    const auto &[Entry, Content] = *It;
    StringRef Real = Entry.getFileEntry().tryGetRealPathName();
    llvm::SmallString<256> Path(Real.empty() ? Entry.getName() : Real);
    CI.getFileManager().makeAbsolutePath(Path);
    FilesRead.push_back(std::string(Path));
  }
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
  return FrontendActionFactory::runInvocation(Invocation, Files, PCHContainerOps,
                                              DiagConsumer);
}

void initializeRunner(bool RecoverFromCrashes) {
  llvm::InitializeAllTargetInfos();
  llvm::InitializeAllTargetMCs();
  llvm::InitializeAllAsmParsers();
  if (RecoverFromCrashes)
    llvm::CrashRecoveryContext::Enable();
}

UnitResult analyse(const TranslationUnit &Unit, const RunnerOptions &Options) {
  UnitResult Result;
  std::vector<ClangTidyError> Errors;
  bool Ran = false;
  llvm::CrashRecoveryContext CRC;
  bool Survived = CRC.RunSafely([&] {
    // A file system of its own: its working directory is this unit's, not
    // the process's, which other threads may share.
    auto FS = llvm::makeIntrusiveRefCnt<llvm::vfs::OverlayFileSystem>(
        llvm::vfs::createPhysicalFileSystem());
    // A missing directory makes the compile below fail with a clear error.
    [[maybe_unused]] std::error_code NoDirectory =
        FS->setCurrentWorkingDirectory(Unit.Command.Directory);
    ClangTidyContext Context(Options.MakeOptionsProvider(FS),
                             /*AllowEnablingAnalyzerAlphaCheckers=*/false,
                             /*EnableModuleHeadersParsing=*/false,
                             /*ExperimentalCustomChecks=*/false);
    ClangTidyOptions Opts = Context.getOptionsForFile(Unit.File);
    auto Files =
        llvm::makeIntrusiveRefCnt<FileManager>(FileSystemOptions(), FS);

    ClangTidyDiagnosticConsumer DiagConsumer(Context, nullptr,
                                             /*RemoveIncompatibleErrors=*/true,
                                             Options.FixesFromNotes);
    auto DiagOpts = std::make_unique<DiagnosticOptions>();
    DiagnosticsEngine Engine(llvm::makeIntrusiveRefCnt<DiagnosticIDs>(),
                             *DiagOpts, &DiagConsumer,
                             /*ShouldOwnClient=*/false);
    Context.setDiagnosticsEngine(std::move(DiagOpts), &Engine);

    CheckActionFactory Factory(Context, FS, Result.FilesRead);
    tooling::ToolInvocation Invocation(
        commandLineFor(Unit, Opts), &Factory, Files.get(),
        std::make_shared<PCHContainerOperations>());
    Invocation.setDiagnosticConsumer(&DiagConsumer);
    Ran = Invocation.run();
    Errors = DiagConsumer.take();
  });
  if (!Survived) {
    Result.Status = UnitResult::Outcome::Crashed;
    Result.Problem = "the analysis crashed";
    if (llvm::CrashRecoveryContext::isCrash(CRC.RetCode) && CRC.RetCode > 128)
      Result.Problem += " (signal " + std::to_string(CRC.RetCode - 128) + ")";
    Result.FilesRead.clear();
    return Result;
  }
  for (const ClangTidyError &Error : Errors) {
    if (isCompilerError(Error) &&
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
  llvm::sort(Result.FilesRead);
  Result.FilesRead.erase(llvm::unique(Result.FilesRead),
                         Result.FilesRead.end());
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
