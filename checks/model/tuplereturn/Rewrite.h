//===--- Rewrite.h - one function's rewrite in one translation unit -------===//
//
// The decision structify-tuple-return makes for each candidate, and the same
// decision `structify fix` makes when it applies a plan: either every edit
// that turns the function's pair into a struct, or why there is none. The
// check turns the outcome into a warning and notes; the driver reads it as
// data, never from a diagnostic's words.
//
//===----------------------------------------------------------------------===//

#ifndef STRUCTIFY_MODEL_REWRITE_H
#define STRUCTIFY_MODEL_REWRITE_H

#include "model/Blocker.h"
#include "model/Options.h"
#include "model/TupleLike.h"
#include "model/tuplereturn/Plan.h"
#include "model/tuplereturn/ResultGroup.h"
#include "clang/Basic/Diagnostic.h"
#include "llvm/ADT/DenseMap.h"
#include "llvm/ADT/StringSet.h"
#include <optional>
#include <string>
#include <vector>

namespace clang::tidy::structify {

class FileTokens;
struct FunctionAnalysis;
struct StructSpec;

struct RewriteOutcome {
  enum class Status {
    Rewritten,     ///< Fixes hold every edit of the rewrite
    Blocked,       ///< Blockers say why it cannot be made here
    SkippedByPlan, ///< the plan skips the function (PlanReason says why)
    NotInPlan,     ///< the plan has no entry for the function
    PlanUnusable,  ///< the plan cannot be read
  };
  Status Kind = Status::Blocked;
  std::vector<FixItHint> Fixes;
  /// Rewritten: the struct and its fields.
  std::string StructName;
  std::vector<std::string> FieldNames;
  std::vector<Blocker> Blockers;
  std::string PlanReason;
};

struct RewriteSettings {
  /// The plan to follow, or null: then names come from this unit alone and
  /// a function declared in a header is not rewritten.
  const Plan *ProjectPlan = nullptr;
  /// A plan was asked for and cannot be read: no rewrite at all.
  bool PlanUnusable = false;
  std::string StructNameSuffix = "Result";
  StructNameStyle NameStyle = StructNameStyle::Auto;
  /// The main file is a header (clangd opens headers as their own unit):
  /// every function in it can be called from other units.
  bool MainFileIsHeader = false;
};

/// Rewrites the functions of one translation unit, one at a time, giving
/// each struct a name the unit does not use yet.
class FunctionRewriter {
public:
  FunctionRewriter(ASTContext &Ctx, const TupleLikeTypes &Types,
                   const RewriteSettings &Settings, FileTokens &Tokens)
      : Ctx(Ctx), Types(Types), Settings(Settings), Tokens(Tokens) {}

  /// The functions of the unit that may be rewritten: with a plan, those
  /// of one plan entry share its struct (a migration group).
  void setFunctions(llvm::ArrayRef<const FunctionDecl *> Functions);

  RewriteOutcome rewrite(const FunctionDecl *Function, const TupleFacts &Facts);

private:
  std::string freshStructName(const FunctionDecl *Function);
  /// The struct the plan decided for the whole project, or why \p Function
  /// cannot return it.
  std::optional<Blocker> specFromPlan(const FunctionDecl *Function,
                                      const PlanEntry &Planned,
                                      const std::string &Usr,
                                      const FunctionAnalysis &A,
                                      StructSpec &Spec) const;
  /// The struct's fields named from what this unit sees, or why not (a
  /// header's function: other units call it).
  std::optional<Blocker> specFromUnit(const FunctionDecl *Function,
                                      const FunctionAnalysis &A,
                                      StructSpec &Spec) const;
  /// Drops from \p Edits what another function of the plan entry's group
  /// already gave out in this unit.
  void keepGroupEditsOnce(const PlanEntry &Planned,
                          std::vector<FixItHint> &Edits);
  /// The plan's scope for \p Function: the functions of its group here.
  MigrationScope scopeFor(const FunctionDecl *Function,
                          const PlanEntry *Planned) const;

  ASTContext &Ctx;
  const TupleLikeTypes &Types;
  const RewriteSettings &Settings;
  FileTokens &Tokens;
  /// Struct names given out in this translation unit.
  llvm::StringSet<> GivenNames;
  std::vector<std::pair<const FunctionDecl *, std::string>> FunctionUsrs;
  /// The edits given out for each plan entry's group in this unit.
  llvm::DenseMap<const PlanEntry *, std::vector<FixItHint>> GroupEdits;
};

/// clang-tidy's default HeaderFileExtensions.
inline const std::vector<std::string> &defaultHeaderExtensions() {
  static const std::vector<std::string> Extensions{"", "h", "hh", "hpp", "hxx"};
  return Extensions;
}

/// Whether the main file of the unit is a header: parsed in header mode
/// (`-x c++-header`, as clangd opens a header), or named with one of
/// \p HeaderExtensions (without the dot; "" for no extension).
bool isHeaderMainFile(const ASTContext &Ctx,
                      const std::vector<std::string> &HeaderExtensions);

} // namespace clang::tidy::structify

#endif
