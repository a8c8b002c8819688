//===--- IndexAccessCheck.h - structify-index-access ----------------------===//

#ifndef STRUCTIFY_INDEXACCESSCHECK_H
#define STRUCTIFY_INDEXACCESSCHECK_H

#include "StructifyCheck.h"
#include "model/Blocker.h"
#include "model/Candidates.h"
#include "model/Options.h"
#include "model/UseSites.h"
#include "llvm/ADT/DenseMap.h"
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
  /// A rewrite, or why there is none.
  struct Fix {
    std::vector<FixItHint> Hints;
    std::vector<std::string> Names;
    std::optional<Blocker> WhyNot;
    /// The statement the binding is visible in.
    const Stmt *Scope = nullptr;
    /// The fix adds a statement of its own (a binding before the reads)
    /// rather than rewriting a declaration that is there.
    bool AddsStatement = false;
    /// WhyNot is that some element has no name: whatever else changes, the
    /// user has to give it one.
    bool Unnamed = false;
  };
  /// Reads of one value in one function: a variable's, or one expression's.
  struct Reads {
    const VarDecl *Var = nullptr;
    std::vector<const Use *> Uses;
    /// For a range-for variable, its range.
    const Expr *Range = nullptr;
  };

  /// `const int level = p.first;`: a declaration that only takes one
  /// element. The binding takes its name, and the declaration goes.
  struct Adoption {
    unsigned Index = 0;
    const VarDecl *Var = nullptr;
    const DeclStmt *Statement = nullptr;
  };

  bool isIgnored(QualType TupleType, const Expr *Object) const;
  std::vector<Adoption> adoptions(const Reads &R, const TupleShape &Shape,
                                  bool Unchanging, const Stmt *Scope,
                                  bool &ConstBinding) const;
  bool removeDeclaration(const Adoption &A, std::vector<FixItHint> &Hints) const;
  bool isLeftToTupleReturn(const Expr *Object) const;
  Fix replaceVariable(const VariableFacts &V, const TupleFacts &Facts);
  Fix bindBeforeReads(const Reads &R, QualType Type, const FunctionDecl *Producer);
  Fix bindAtCall(const Reads &R, QualType Type, const CallExpr *Call);
  std::optional<std::vector<std::string>>
  chooseBindingNames(const Reads &R, QualType Type, const FunctionDecl *Producer,
                     const Stmt *Scope, llvm::ArrayRef<Adoption> Adopted,
                     Blocker &WhyNot, const VarDecl *Replaced = nullptr);
  /// Has another binding of this unit, visible where \p Scope is, \p Name?
  bool isGiven(const Decl *Function, const Stmt *Scope, llvm::StringRef Name) const;
  /// The container the value of \p R is an element of, when the code says.
  static const Expr *containerOf(const Reads &R);
  /// What the code stores in \p Container, from the files every unit that
  /// compiles \p Read sees.
  std::vector<const Fill *> fillsOf(const Expr *Container, const Use &Read) const;
  /// What the definition of \p Producer calls each element, from the files
  /// every unit that compiles \p Read sees.
  std::vector<std::vector<std::string>>
  producerNames(const FunctionDecl *Producer, const Use &Read, size_t Elements) const;
  void reportVariable(const VariableFacts &V, const TupleFacts &Facts);
  /// `int lo, hi; std::tie(lo, hi) = bounds();` -> `auto [lo, hi] = bounds();`
  void reportTie(const CXXOperatorCallExpr &Assign);
  void reportGroup(const Reads &R);
  void report(SourceLocation Loc, const std::string &What, const Reads &R,
              const Fix &F);

  const std::string RawTupleTypes;
  const ExpressionReadsOption ExpressionReads;
  /// The option of old: no reads through iterators or pointers at all.
  const bool IgnoreMapIterators;
  const std::string RawIgnoredTypes;
  const std::string RawIgnoredFunctions;
  TupleLikeTypes Types;
  std::vector<llvm::Regex> IgnoredTypes;
  NameFilter IgnoredFunctions;
  /// structify-tuple-return's rule, when that check runs too: the values of
  /// the functions it rewrites are its to name.
  std::optional<TupleReturnPolicy> TupleReturn;

  ASTContext *Context = nullptr;
  /// The unit's facts, while onEndOfTranslationUnit reports them.
  const TupleFacts *UnitFacts = nullptr;
  bool SawAccess = false;
  /// The names of the bindings given out in each function of this unit,
  /// with the statement each is visible in.
  llvm::DenseMap<const Decl *, std::vector<std::pair<std::string, const Stmt *>>>
      NamesGiven;
};

} // namespace clang::tidy::structify

#endif
