//===--- Plan.h - the project-wide naming plan, as YAML -------------------===//
//
// `structify plan` decides, once for a whole project, which functions become
// structs and what the struct and its fields are called. People review and
// edit the plan; `structify fix --plan` and structify-tuple-return's Plan
// option follow it, so every translation unit makes the same edits.
//
//===----------------------------------------------------------------------===//

#ifndef STRUCTIFY_MODEL_PLAN_H
#define STRUCTIFY_MODEL_PLAN_H

#include "llvm/ADT/StringRef.h"
#include "llvm/Support/Error.h"
#include <memory>
#include <string>
#include <vector>

namespace clang::tidy::structify {

struct PlanField {
  std::string Name;
  std::string Type;
};

/// What the plan does with a function; `rewrite` or `skip` in the YAML.
enum class PlanAction { Rewrite, Skip };

struct PlanEntry {
  /// The function's USR: its identity in every translation unit.
  std::string Usr;
  /// For people: `geo::bounds(int, int)` and where it is declared.
  std::string Function;
  std::string DeclaredAt;
  PlanAction Action = PlanAction::Rewrite;
  std::string Struct;
  std::vector<PlanField> Fields;
  /// Why the function is skipped.
  std::string Reason;
  /// Calls across the project: each call site once.
  unsigned Uses = 0;

  bool rewrites() const { return Action == PlanAction::Rewrite; }
};

/// A file the plan will edit, and its content's hash when the plan was made.
struct PlanFile {
  std::string Path;
  std::string Hash;
};

struct Plan {
  unsigned Version = 1;
  std::vector<PlanEntry> Functions;
  std::vector<PlanFile> Files;

  const PlanEntry *find(llvm::StringRef Usr) const;
};

/// Reads and validates a plan. Errors are one line that names the file, the
/// line when there is one, and the problem.
llvm::Expected<Plan> readPlan(llvm::StringRef Path);

/// readPlan, once per path and file modification for the whole process:
/// checks are created anew for every translation unit.
llvm::Expected<std::shared_ptr<const Plan>> cachedPlan(llvm::StringRef Path);

} // namespace clang::tidy::structify

#endif
