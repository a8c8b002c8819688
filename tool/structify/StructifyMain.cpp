//===--- StructifyMain.cpp - the structify command ------------------------===//
//
// Dispatches to a subcommand; the work is in structifyDriver.
//
//===----------------------------------------------------------------------===//

#include "clang-tidy/ClangTidyForceLinker.h"
#include "commands/CommandLine.h"
#include "commands/Commands.h"
#include "refactor/Journal.h"
#include "refactor/Refactor.h"
#include "units/Worker.h"
#include "llvm/Config/llvm-config.h"
#include "llvm/Support/InitLLVM.h"
#include "llvm/Support/raw_ostream.h"

int main(int argc, const char **argv) {
  // A worker process analyses one unit for `structify check` (Worker.h). It
  // skips InitLLVM: a crash should end it quietly, the parent reports it.
  if (argc == 2 && llvm::StringRef(argv[1]) == structify::WorkerArgument) {
    // The parent may have blocked Ctrl-C for itself (Journal.h): a worker
    // stops at once.
    structify::unblockInterrupts();
    return structify::runWorker();
  }
  llvm::InitLLVM X(argc, argv);
  llvm::cl::SetVersionPrinter([](llvm::raw_ostream &OS) {
    OS << "structify " << STRUCTIFY_VERSION << " (LLVM " << LLVM_VERSION_STRING
       << ")\n";
  });
  llvm::cl::HideUnrelatedOptions(structify::structifyCategory());
  if (!llvm::cl::ParseCommandLineOptions(
          argc, argv,
          "structify: a C++ linter for API ergonomics\n\n"
          "  structify check -p <build-dir> [<file or regex>...]\n"
          "  structify merge <shard.json>...\n"
          "  structify plan -p <build-dir> [-o plan.yaml]\n"
          "  structify fix -p <build-dir> [--plan plan.yaml] [--dry-run]\n",
          &llvm::errs()))
    return structify::ExitUsage;
  if (structify::checkCommand())
    return structify::runCheck(argv[0]);
  if (structify::mergeCommand())
    return structify::runMerge();
  if (structify::planCommand())
    return structify::runPlan(argv[0]);
  if (structify::fixCommand())
    return structify::runFix(argv[0]);
  llvm::errs() << "structify: error: expected a subcommand: check, merge, plan "
                  "or fix; see structify --help\n";
  return structify::ExitUsage;
}
