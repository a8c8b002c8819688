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
#include <optional>

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
  std::optional<double> Collect, Plan, Apply, Verify;
  /// `time: collect 1.2 s, plan 0.0 s`: the stages that ran.
  void print(llvm::raw_ostream &OS) const;
};

/// Adds \p Seconds to a stage's time.
inline void addTime(std::optional<double> &Stage, double Seconds) {
  Stage = Stage.value_or(0) + Seconds;
}


/// A plan, and what collecting it learnt about each unit.
struct ProjectPlan {
  clang::tidy::structify::Plan Plan;
  /// The files each unit read, by unit.
  std::vector<std::vector<std::string>> FilesRead;
};

/// Collect and plan: the plan for the whole project, with its files and their
/// hashes. Units that do not compile stop it: a plan that cannot see every
/// use is not safe.
llvm::Expected<ProjectPlan> makeProjectPlan(const Project &P, StageTimes &Times);

/// `structify fix`'s working directory: BUILD_DIR/.structify-fix.
std::string workDirectory(const Project &P);

/// Restores the files a killed `structify fix` left rewritten, from its
/// journal, and says so on stderr. Before planning too: a plan of
/// half-rewritten files would be wrong. An error leaves the journal as it is.
llvm::Error recoverInterruptedFix(const Project &P);

/// The content hash of a file, as the plan records it.
llvm::Expected<std::string> hashFile(llvm::StringRef Path);

/// `geo::bounds(int, int) -> BoundsResult { lo, hi }`.
std::string describeRewrite(const clang::tidy::structify::PlanEntry &Entry);

/// Prints what a plan decided: how many functions are rewritten, and each
/// skipped one with its reason.
void describePlan(const clang::tidy::structify::Plan &P, llvm::raw_ostream &OS);

} // namespace structify

#endif
