//===--- Runner.h - run the checks over translation units -------*- C++ -*-===//
//
// What every stage shares: one way to compile a translation unit (runTool),
// one way to survive a crash (runProtected), clang-tidy's analysis of one
// unit (analyse: the diagnostics with their fixes, and every file the unit
// read), and many units in parallel (runInParallel).
//
//===----------------------------------------------------------------------===//

#ifndef STRUCTIFY_RUNNER_H
#define STRUCTIFY_RUNNER_H

#include "clang-tidy/ClangTidyOptions.h"
#include "units/Unit.h"
#include "clang/Frontend/CompilerInstance.h"
#include "clang/Tooling/CompilationDatabase.h"
#include "clang/Tooling/Core/Diagnostic.h"
#include "clang/Tooling/Tooling.h"
#include "llvm/ADT/STLFunctionalExtras.h"
#include "llvm/Support/JSON.h"
#include "llvm/Support/VirtualFileSystem.h"
#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace structify {

/// Makes the options provider for one analysis, reading through FS (whose
/// working directory is the unit's, for relative file names). Each analysis
/// gets its own: clang-tidy's providers cache what they read and are not
/// thread-safe.
using OptionsProviderFactory =
    std::function<std::unique_ptr<clang::tidy::ClangTidyOptionsProvider>(
        llvm::IntrusiveRefCntPtr<llvm::vfs::FileSystem> FS)>;

struct RunnerOptions {
  OptionsProviderFactory MakeOptionsProvider;
  /// Take fixes from notes too (clang-tidy's --fix-notes).
  bool FixesFromNotes = false;
  /// Another consumer of the same AST, beside the checks: what `structify
  /// fix` records, made in `check`'s parse for its cache.
  std::function<std::unique_ptr<clang::ASTConsumer>(clang::CompilerInstance &)>
      ExtraConsumer;
  /// The text of files as they would be, read instead of the disk's:
  /// verification of a rewrite that is not written (`fix --edits-json`).
  std::shared_ptr<const std::map<std::string, std::string>> Overlay;
};

/// Appends the absolute real path of every file the compilation read.
void recordFilesRead(clang::CompilerInstance &CI,
                     std::vector<std::string> &FilesRead);

/// Runs its actions as clang-tidy does: with __clang_analyzer__ defined (code
/// may test for it), and without "N warnings generated." on stderr.
class AnalysisActionFactory : public clang::tooling::FrontendActionFactory {
public:
  bool
  runInvocation(std::shared_ptr<clang::CompilerInvocation> Invocation,
                clang::FileManager *Files,
                std::shared_ptr<clang::PCHContainerOperations> PCHContainerOps,
                clang::DiagnosticConsumer *DiagConsumer) override;
};

/// Makes the AST consumer of one unit's analysis.
using ConsumerMaker = std::function<std::unique_ptr<clang::ASTConsumer>(
    clang::CompilerInstance &CI, llvm::StringRef File)>;

/// Actions whose consumer Make makes, each recording in FilesRead every file
/// its unit read (recordFilesRead). Both must outlive the factory.
class ConsumerActionFactory : public AnalysisActionFactory {
public:
  ConsumerActionFactory(ConsumerMaker Make, std::vector<std::string> &FilesRead)
      : Make(std::move(Make)), FilesRead(FilesRead) {}
  std::unique_ptr<clang::FrontendAction> create() override;

private:
  ConsumerMaker Make;
  std::vector<std::string> &FilesRead;
};

/// The unit's compile command as clang-tidy would run it: syntax only, no
/// output files, the configuration's extra and removed arguments.
std::vector<std::string>
commandLineFor(const TranslationUnit &Unit,
               const clang::tidy::ClangTidyOptions &Opts);

/// Runs \p Factory's action over \p Unit with its command as clang-tidy
/// would run it (commandLineFor), on a file system of its own whose working
/// directory is the unit's (other threads may share the process). The one
/// place a compilation is set up. Returns whether the compiler ran it.
bool runTool(
    const TranslationUnit &Unit, const clang::tidy::ClangTidyOptions &Opts,
    clang::tooling::FrontendActionFactory &Factory,
    clang::DiagnosticConsumer &Diagnostics,
    llvm::IntrusiveRefCntPtr<llvm::vfs::OverlayFileSystem> FS = nullptr);

/// Runs \p Work, recovering from a crash when initializeRunner allowed it:
/// returns why it crashed, or nothing.
std::optional<std::string> runProtected(llvm::function_ref<void()> Work);

/// Call once, before the first analysis, from the main thread. With
/// RecoverFromCrashes, runProtected() catches what crash it can (see
/// Worker.h).
void initializeRunner(bool RecoverFromCrashes);

/// Analyses one unit on the calling thread. A crash that the recovery context
/// catches is reported as Outcome::Crashed.
UnitResult analyse(const TranslationUnit &Unit, const RunnerOptions &Options);

/// Calls Work(I) for every I in [0, Count) on up to Jobs threads (0: one per
/// core), and returns when all are done.
void runInParallel(size_t Count, unsigned Jobs,
                   llvm::function_ref<void(size_t)> Work);

} // namespace structify

#endif
