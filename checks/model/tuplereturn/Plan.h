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

/// Another function of a migration group: it takes the group's struct (an
/// override of a virtual function, a function that returns another's result)
/// without declaring its own.
struct PlanMember {
  std::string Usr;
  std::string Function;
  std::string DeclaredAt;
};

/// One migration group: the function whose declaration gets the struct,
/// and the functions that share it.
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
  /// The group's other functions.
  std::vector<PlanMember> SharedBy;
  /// The comparisons the struct defines because the code compares the
  /// values: `==` (and `!=`), `<` (and `>`, `<=`, `>=`).
  std::vector<std::string> Operators;
  /// The member of the group whose declaration gets the struct, when one is
  /// declared before the function (its USR); empty: the function's.
  std::string StructAt;

  bool rewrites() const { return Action == PlanAction::Rewrite; }
  /// Is \p FunctionUsr this entry's function or one that shares its struct?
  bool covers(llvm::StringRef FunctionUsr) const;
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

  /// The entry of the group \p Usr belongs to: its own, or the one whose
  /// struct it shares.
  const PlanEntry *find(llvm::StringRef Usr) const;
};

/// Is \p Usr a parameter's (`<function USR>|param|N`), not a function's?
bool isParameterUsr(llvm::StringRef Usr);

/// Is \p Usr a data member's?
bool isMemberUsr(llvm::StringRef Usr);

/// Reads and validates a plan. Errors are one line that names the file, the
/// line when there is one, and the problem.
llvm::Expected<Plan> readPlan(llvm::StringRef Path);

/// readPlan, once per path and file modification for the whole process:
/// checks are created anew for every translation unit.
llvm::Expected<std::shared_ptr<const Plan>> cachedPlan(llvm::StringRef Path);

} // namespace clang::tidy::structify

#endif
