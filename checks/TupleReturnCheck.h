//===--- TupleReturnCheck.h - structify-tuple-return ----------------------===//

#ifndef STRUCTIFY_TUPLERETURNCHECK_H
#define STRUCTIFY_TUPLERETURNCHECK_H

#include "StructifyCheck.h"
#include "model/Candidates.h"
#include "model/Edits.h"
#include "model/Options.h"
#include "model/UseSites.h"
#include "model/tuplereturn/Plan.h"
#include "model/tuplereturn/Rewrite.h"
#include "llvm/ADT/MapVector.h"

namespace clang::tidy::structify {

/// Finds functions in public APIs that return `std::pair` / `std::tuple` and
/// rewrites them to return a struct whose fields have names.
///
/// For the user-facing documentation see: docs/checks/tuple-return.md
class TupleReturnCheck : public StructifyCheck {
public:
  TupleReturnCheck(StringRef Name, ClangTidyContext *Context);
  /// The rewrite needs braced returns (`return {lo, hi};`): C++11.
  bool isLanguageVersionSupported(const LangOptions &LangOpts) const override {
    return LangOpts.CPlusPlus11;
  }
  void storeOptions(ClangTidyOptions::OptionMap &Opts) override;
  void registerMatchers(ast_matchers::MatchFinder *Finder) override;
  void check(const ast_matchers::MatchFinder::MatchResult &Result) override;
  void registerPPCallbacks(const SourceManager &SM, Preprocessor *PP,
                           Preprocessor *ModuleExpanderPP) override;
  void onEndOfTranslationUnit() override;

private:
  /// With a plan: does \p FD take the struct of another function's plan
  /// entry (an override of a virtual function the plan rewrites)?
  bool sharesPlannedStruct(const FunctionDecl *FD) const;
  void noteWhyNot(const FunctionDecl *Function, const RewriteOutcome &Result);

  const TupleReturnOptions Settings;
  const TupleReturnPolicy Policy;
  const TupleLikeTypes &Types;
  /// The plan to follow; null without one. With a plan that cannot be read,
  /// PlanUnusable is set and no fix is offered at all.
  std::shared_ptr<const Plan> ProjectPlan;
  bool PlanUnusable = false;

  /// Candidates in the order they were first seen, keyed by canonical decl.
  llvm::MapVector<const FunctionDecl *, QualType> Candidates;
  ASTContext *Context = nullptr;
  Preprocessor *PP = nullptr;
  /// clang-tidy's HeaderFileExtensions: a main file named so is a header.
  std::vector<std::string> HeaderExtensions;
};

} // namespace clang::tidy::structify

#endif
