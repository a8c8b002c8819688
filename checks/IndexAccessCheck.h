//===--- IndexAccessCheck.h - structify-index-access ----------------------===//

#ifndef STRUCTIFY_INDEXACCESSCHECK_H
#define STRUCTIFY_INDEXACCESSCHECK_H

#include "clang-tidy/ClangTidyCheck.h"
#include "model/Candidates.h"
#include "model/UseSites.h"
#include "llvm/ADT/DenseMap.h"
#include "llvm/ADT/StringSet.h"
#include "llvm/Support/Regex.h"
#include <optional>

namespace clang::tidy::structify {

/// Finds code that reads a pair or tuple by position (`std::get<1>(t)`,
/// `p.second`, `it->first`) and, for local variables, rewrites it into a
/// structured binding with names.
///
/// For the user-facing documentation see: docs/checks/index-access.md
class IndexAccessCheck : public ClangTidyCheck {
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
  struct Fix;
  bool isIgnored(QualType TupleType, const Expr *Object) const;
  bool isLeftToTupleReturn(const Expr *Object) const;
  Fix bindVariable(const VariableFacts &V, const TupleFacts &Facts);
  void reportVariable(const VariableFacts &V, const TupleFacts &Facts);
  void reportAccess(const Use &Access);

  const std::string RawTupleTypes;
  const bool IgnoreMapIterators;
  const std::string RawIgnoredTypes;
  const std::string RawIgnoredFunctions;
  TupleLikeTypes Types;
  std::vector<llvm::Regex> IgnoredTypes;
  std::vector<llvm::Regex> IgnoredFunctions;
  /// structify-tuple-return's rule, when that check runs too: the values of
  /// the functions it rewrites are its to name.
  std::optional<TupleReturnPolicy> TupleReturn;

  ASTContext *Context = nullptr;
  bool SawAccess = false;
  /// The names of the bindings given out in each function of this unit.
  llvm::DenseMap<const Decl *, llvm::StringSet<>> NamesGiven;
};

} // namespace clang::tidy::structify

#endif
