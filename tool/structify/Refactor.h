//===--- Refactor.h - the project and its plan, for plan and fix -*- C++ -*-===//

#ifndef STRUCTIFY_REFACTOR_H
#define STRUCTIFY_REFACTOR_H

#include "Collect.h"
#include "Config.h"
#include "Progress.h"
#include "Runner.h"
#include "clang-tidy/ClangTidyOptions.h"
#include "model/Plan.h"
#include "llvm/Support/CommandLine.h"
#include "llvm/Support/Error.h"
#include <chrono>

namespace structify {

llvm::cl::SubCommand &planCommand();
llvm::cl::SubCommand &fixCommand();

/// The project a refactoring works on: every unit of the compile database,
/// each with its clang-tidy options, and where its sources live.
struct Project {
  std::string BuildDir;
  /// The user's clang-tidy configuration.
  std::shared_ptr<Config> Configuration;
  std::vector<TranslationUnit> Units;
  std::vector<clang::tidy::ClangTidyOptions> Options;
  clang::tidy::structify::ProjectLayout Layout;
  unsigned Jobs = 0;
  bool Quiet = false;
  /// How to format the changed code: `file` (the nearest .clang-format, none
  /// without one), a style name, or `none`.
  std::string FormatStyle = "file";
};

/// From -p, --config-file, --source-root, -j and --quiet. The error is one
/// line naming the file and the problem.
llvm::Expected<Project> loadProject();

/// Wall-clock seconds spent in each stage.
struct StageTimes {
  double Collect = 0, Plan = 0, Apply = 0, Verify = 0;
  void print(llvm::raw_ostream &OS) const;
};

/// Seconds since it started, or since the last lap.
class Stopwatch {
public:
  double lap() {
    const auto Now = std::chrono::steady_clock::now();
    const double Seconds = std::chrono::duration<double>(Now - Last).count();
    Last = Now;
    return Seconds;
  }

private:
  std::chrono::steady_clock::time_point Last = std::chrono::steady_clock::now();
};

/// Collect and plan: the plan for the whole project, its files with their
/// hashes, and the summaries it was made from. Units that do not compile stop
/// it: a plan that cannot see every use is not safe.
llvm::Expected<clang::tidy::structify::Plan> makeProjectPlan(const Project &P,
                                                             StageTimes &Times);

/// The content hash of a file, as the plan records it.
llvm::Expected<std::string> hashFile(llvm::StringRef Path);

/// Prints what a plan decided: how many functions are rewritten, and each
/// skipped one with its reason.
void describePlan(const clang::tidy::structify::Plan &P, llvm::raw_ostream &OS);

} // namespace structify

#endif
