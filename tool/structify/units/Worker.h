//===--- Worker.h - run a stage on a unit in a worker -----------*- C++ -*-===//
//
// Every stage of every subcommand works on one translation unit at a time:
// `check` analyses it with the checks, `plan` and `fix` collect its
// summaries (with the rewrite's edits, their names left to the plan), and
// `fix` verifies it after the files are written. Each runs in a worker
// process, `structify __worker`, which reads the request as JSON on stdin
// and writes the result as JSON on stdout.
//
// Why processes and not threads: a crash in clang must cost one unit, not
// the run (and, in `fix`, not the journal that can restore the files). In a
// thread, an llvm::CrashRecoveryContext survives `#pragma clang __debug
// llvm_fatal_error`, but the trap of `#pragma clang __debug crash` left a
// dangling llvm::Timer that crashed the process at exit, and a crash that
// corrupts the heap takes the other threads down with it. In a worker a
// crash ends that worker only, and with --timeout a unit that hangs is
// stopped too. The cost, measured in bench/README.md, is a few percent:
// parsing dominates. `--in-process` (hidden, for debugging) runs the same
// stages on threads of this process, through the same JSON.
//
//===----------------------------------------------------------------------===//

#ifndef STRUCTIFY_WORKER_H
#define STRUCTIFY_WORKER_H

#include "refactor/BodyFilter.h"
#include "refactor/Collect.h"
#include "support/Config.h"
#include "units/Runner.h"

namespace structify {

/// The argument that makes the structify executable a worker.
inline constexpr llvm::StringLiteral WorkerArgument = "__worker";

enum class Stage {
  Check,   ///< the configured checks: findings
  Collect, ///< summaries of structify-tuple-return's candidates, with edits
  Verify,  ///< does the unit compile? (no check runs)
};

struct StageRequest {
  Stage Kind = Stage::Check;
  TranslationUnit Unit;
  ConfigOptions Config;
  /// Verify: the function bodies to parse.
  std::shared_ptr<const BodyFilter> Bodies;
  /// Verify: files' new text, read instead of the disk's.
  std::shared_ptr<const std::map<std::string, std::string>> Overlay;
};

/// Runs one stage on one unit in this process; the result as JSON. A crash
/// that runProtected catches is a result too.
llvm::json::Value runStage(const StageRequest &Request);

/// Runs the stages of units in worker processes of Executable, or with
/// InProcess on the calling thread.
class UnitRunner {
public:
  UnitRunner(ConfigOptions Config, std::string Executable, bool InProcess,
             double Timeout = 0)
      : Config(std::move(Config)), Executable(std::move(Executable)),
        InProcess(InProcess), Timeout(Timeout) {}

  UnitResult check(const TranslationUnit &Unit) const;
  /// Does \p Unit compile, parsing the bodies \p Bodies keeps?
  UnitResult
  verify(const TranslationUnit &Unit, std::shared_ptr<const BodyFilter> Bodies,
         std::shared_ptr<const std::map<std::string, std::string>> Overlay =
             nullptr) const;
  CollectedUnit collect(const TranslationUnit &Unit) const;

private:
  /// The stage's result, or a result that says the unit crashed: a worker
  /// that dies, runs longer than Timeout seconds (0: no limit) or answers
  /// nonsense.
  llvm::json::Value
  run(Stage Kind, const TranslationUnit &Unit,
      std::shared_ptr<const BodyFilter> Bodies = nullptr,
      std::shared_ptr<const std::map<std::string, std::string>> Overlay =
          nullptr) const;

  ConfigOptions Config;
  std::string Executable;
  bool InProcess;
  double Timeout;
};

/// The worker's main(): one request on stdin, its result on stdout.
int runWorker();

} // namespace structify

#endif
