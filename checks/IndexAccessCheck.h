//===--- IndexAccessCheck.h - structify-index-access ----------------------===//

#ifndef STRUCTIFY_INDEXACCESSCHECK_H
#define STRUCTIFY_INDEXACCESSCHECK_H

#include "StructifyCheck.h"
#include "model/Blocker.h"
#include "model/Candidates.h"
#include "model/FunctionParents.h"
#include "model/Options.h"
#include "model/UseSites.h"
#include "model/indexaccess/BindingRewriter.h"
#include "llvm/ADT/StringSet.h"
#include "llvm/Support/Regex.h"
#include <optional>

namespace clang::tidy::structify {

/// Finds code that reads a pair or tuple by position (`std::get<1>(t)`,
/// `p.second`, `it->first`) and names the elements with a structured
/// binding: the variable itself becomes one, or a binding that refers to the
/// value is declared before the first read.
///
/// For the user-facing documentation see: docs/checks/index-access.md
class IndexAccessCheck : public StructifyCheck {
public:
  IndexAccessCheck(StringRef Name, ClangTidyContext *Context);
  /// The rewrite writes structured bindings: C++17.
  bool isLanguageVersionSupported(const LangOptions &LangOpts) const override {
    return LangOpts.CPlusPlus17;
  }
  void storeOptions(ClangTidyOptions::OptionMap &Opts) override;
  void registerMatchers(ast_matchers::MatchFinder *Finder) override;
  void check(const ast_matchers::MatchFinder::MatchResult &Result) override;
  void onEndOfTranslationUnit() override;

private:
  bool isIgnored(QualType TupleType, const Expr *Object) const;
  bool isLeftToTupleReturn(const Expr *Object) const;
  void reportVariable(const VariableFacts &V, const TupleFacts &Facts,
                      BindingRewriter &Rewriter);
  /// `int lo, hi; std::tie(lo, hi) = bounds();` -> `auto [lo, hi] = bounds();`
  void reportTie(const CXXOperatorCallExpr &Assign, FunctionParents &Parents);
  /// The uses of the tuples in the files \p Within (and the files that
  /// declare the containers read there).
  TupleFacts collectFacts(Sightings &Within) const;
  /// Each variable read by position, then each group of other reads.
  void reportReads(TupleFacts &Facts, FunctionParents &Parents);
  void reportGroup(const Reads &R, BindingRewriter &Rewriter);
  void report(SourceLocation Loc, const std::string &What, const Reads &R,
              const BindingFix &F, BindingRewriter &Rewriter);

  const IndexAccessOptions Settings;
  TupleLikeTypes Types;
  std::vector<llvm::Regex> IgnoredTypes;
  NameFilter IgnoredFunctions;
  /// structify-tuple-return's rule, when that check runs too: the values of
  /// the functions it rewrites are its to name.
  std::optional<TupleReturnPolicy> TupleReturn;

  ASTContext *Context = nullptr;
  /// Where the matchers saw element reads.
  Sightings Seen;
  /// The tie assignments seen, reported at the end of the unit.
  std::vector<const CXXOperatorCallExpr *> Ties;
};

} // namespace clang::tidy::structify

#endif
