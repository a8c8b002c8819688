//===--- Refactor.h - the project and its plan ------------------*- C++ -*-===//

#ifndef STRUCTIFY_REFACTOR_H
#define STRUCTIFY_REFACTOR_H

#include "clang-tidy/ClangTidyOptions.h"
#include "database/CompileDb.h"
#include "model/tuplereturn/Plan.h"
#include "refactor/Collect.h"
#include "refactor/Journal.h"
#include "refactor/Planner.h"
#include "support/Config.h"
#include "units/Cache.h"
#include "units/Progress.h"
#include "units/Worker.h"
#include "llvm/Support/CommandLine.h"
#include "llvm/Support/Error.h"
#include <map>
#include <optional>

namespace structify {

llvm::cl::SubCommand &planCommand();
llvm::cl::SubCommand &fixCommand();

/// Where the project lives: what may be edited.
struct ProjectLayout {
  /// Files under it belong to the project.
  std::string SourceRoot;
  /// Files under it are generated; never edited.
  std::string BuildDir;
};

/// The project a refactoring works on: every unit of the compile database,
/// each with its clang-tidy options, and where its sources live.
struct Project {
  std::string BuildDir;
  ConfigOptions ConfigOpts;
  /// The user's clang-tidy configuration.
  std::shared_ptr<Config> Configuration;
  std::vector<TranslationUnit> Units;
  std::vector<clang::tidy::ClangTidyOptions> Options;
  ProjectLayout Layout;
  unsigned Jobs = 0;
  bool Quiet = false;
  /// How to format the changed code: `file` (the nearest .clang-format, none
  /// without one), a style name, or `none`.
  std::string FormatStyle = "file";
  /// Stop when a unit does not compile, instead of leaving alone what it
  /// may use.
  bool RequireAllUnits = false;
  /// Where the stages run: worker processes of Executable, or this one.
  std::string Executable;
  bool InProcess = false;
  /// BUILD_DIR/.structify-fix.lock, held while the project is open.
  std::shared_ptr<RunLock> Lock;
  /// The results cache `structify check` fills (unless --no-cache): a unit
  /// whose entry is fresh is not parsed to collect it; and each unit's
  /// configuration as text, part of its key.
  std::shared_ptr<Cache> ResultsCache;
  std::vector<std::string> ConfigTexts;
  /// Records collected by `structify fix --shard=i/n --records=DIR` on other
  /// machines, read like the cache.
  std::vector<std::shared_ptr<Cache>> RecordCaches;

  UnitRunner runner() const {
    return UnitRunner(ConfigOpts, Executable, InProcess);
  }
  /// Why a rewrite may not edit \p File, as a clause that follows "'FILE',
  /// " (generated, outside the project, read-only, or its configuration
  /// disables structify-tuple-return), or empty when it may.
  std::string whyNotEditable(llvm::StringRef File) const;
  /// Whether the configuration for \p File disables structify-tuple-return.
  bool disables(llvm::StringRef File) const;

private:
  mutable std::map<std::string, bool> Disabled;
};

/// From -p, --config-file, --source-root, -j and --quiet. The error is one
/// line naming the file and the problem.
/// Loads the project and locks its build directory (lockBuildDirectory) for
/// as long as the Project lives.
llvm::Expected<Project> loadProject(const char *Argv0, Shard Part = Shard());

/// Wall-clock seconds spent in each stage.
struct StageTimes {
  std::optional<double> Collect, Plan, Edit, Verify;
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
  /// Every unit's summaries, with the edits each records.
  std::vector<FunctionSummary> Summaries;
  /// The files each unit read, by unit.
  std::vector<std::vector<std::string>> FilesRead;
  /// The units that do not compile.
  std::vector<FailedUnit> Failed;
};

/// The collect stage: every unit's summaries and recorded edits, from the
/// caches where fresh, else parsed (and stored in ResultsCache).
std::vector<CollectedUnit> collectUnits(const Project &P, StageTimes &Times);

/// Collect and plan: the plan for the whole project, with its files and their
/// hashes. A unit that does not compile stops it only with RequireAllUnits;
/// otherwise the functions it may use are skipped.
llvm::Expected<ProjectPlan> makeProjectPlan(const Project &P,
                                            StageTimes &Times);

/// Says which units do not compile, and what that means for the rewrite.
void reportFailedUnits(const std::vector<FailedUnit> &Failed,
                       llvm::raw_ostream &OS);

/// Locks BUILD_DIR/.structify-fix.lock for this run; the error names the
/// lock when another run holds it.
llvm::Expected<std::unique_ptr<RunLock>> lockBuildDirectory(const Project &P);

/// `structify fix`'s working directory: BUILD_DIR/.structify-fix.
std::string workDirectory(const Project &P);

/// Restores the files a killed `structify fix` left rewritten, from its
/// journal, and says so on stderr. Before planning too: a plan of
/// half-rewritten files would be wrong. An error leaves the journal as it is.
llvm::Error recoverInterruptedFix(const Project &P);

/// The content hash of a file, as the plan records it.
llvm::Expected<std::string> hashFile(llvm::StringRef Path);

/// `f(int)`, or `Shape::extent() const (with Circle::extent() const)` for a
/// migration group.
std::string describeGroup(const clang::tidy::structify::PlanEntry &Entry);

/// How many functions \p Entries rewrite or skip, their groups' included.
size_t functionCount(
    llvm::ArrayRef<const clang::tidy::structify::PlanEntry *> Entries);

/// `geo::bounds(int, int) -> BoundsResult { lo, hi }`.
std::string describeRewrite(const clang::tidy::structify::PlanEntry &Entry);

/// Prints what a plan decided: how many functions are rewritten, and each
/// skipped one with its reason.
void describePlan(const clang::tidy::structify::Plan &P, llvm::raw_ostream &OS);

} // namespace structify

#endif
