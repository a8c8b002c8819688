//===--- Planner.h - one decision for the whole project ---------*- C++ -*-===//
//
// From every unit's summaries, `structify plan` decides which functions
// become structs, what the structs and their fields are called, and why the
// others are left alone; the plan is then written as YAML for review.
//
//===----------------------------------------------------------------------===//

#ifndef STRUCTIFY_PLANNER_H
#define STRUCTIFY_PLANNER_H

#include "model/tuplereturn/Plan.h"
#include "refactor/Summary.h"
#include <functional>

namespace structify {

/// A unit that does not compile: the functions it may call are left alone.
struct FailedUnit {
  std::string File;
  std::string Problem;
  /// The files it read before it failed (possibly none).
  std::vector<std::string> FilesRead;
};

struct PlanInputs {
  std::vector<FunctionSummary> Summaries;
  /// Why the rewrite may not edit a file (generated, outside the project,
  /// read-only, or its configuration disables structify-tuple-return), as a
  /// clause that follows "'FILE', ", or empty when it may.
  std::function<std::string(llvm::StringRef File)> WhyNotEditable;
  /// Whether the configuration for a file disables structify-tuple-return:
  /// the functions declared there are not in the plan at all.
  std::function<bool(llvm::StringRef File)> Disabled;
  std::vector<FailedUnit> Failed;
};

/// Decides, once for the whole project: which functions are rewritten and
/// what their structs and fields are called, and why the others are
/// skipped. Files is left empty (the driver hashes them).
clang::tidy::structify::Plan makePlan(const PlanInputs &Inputs);

/// The unit in \p Failed that may use the function \p Name declared in
/// \p File: it read the file, or its code names the function. Null if none.
const FailedUnit *failedUnitUsing(llvm::StringRef File, llvm::StringRef Name,
                                  const std::vector<FailedUnit> &Failed);
const FailedUnit *
failedUnitUsing(const clang::tidy::structify::PlanEntry &Entry,
                const std::vector<FailedUnit> &Failed);

/// Every file the rewrites of \p P touch, according to \p Summaries.
std::vector<std::string>
touchedFiles(const clang::tidy::structify::Plan &P,
             const std::vector<FunctionSummary> &Summaries);

/// Turns \p E into a skip, for \p Reason.
void skipEntry(clang::tidy::structify::PlanEntry &E, llvm::StringRef Reason);

/// The plan as YAML, with a header comment that says how to use it.
std::string planToYaml(const clang::tidy::structify::Plan &P);

} // namespace structify

#endif
