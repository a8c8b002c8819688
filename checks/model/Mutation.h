//===--- Mutation.h - is a variable or an element changed? -------*- C++
//-*-===//
//
// clang's ExprMutationAnalyzer answers "is this changed in that statement?"
// by matching over the statement once per reference, and follows a reference
// passed by non-const reference into the callee's body. On a long test
// function full of assertion macros, one question costs tens of millions of
// instructions. Most questions a fix asks have an answer in the code around
// each reference: `++it` and `ret = f()` change the variable; a value read,
// a const member called, a const reference bound do not. Mutation answers
// those from a parent map of the statement, and asks the analyzer only when
// some reference is neither.
//
//===----------------------------------------------------------------------===//

#ifndef STRUCTIFY_MODEL_MUTATION_H
#define STRUCTIFY_MODEL_MUTATION_H

#include "clang/AST/ASTContext.h"
#include "clang/AST/ParentMap.h"
#include <memory>

namespace clang {
class ExprMutationAnalyzer;
} // namespace clang

namespace clang::tidy::structify {

class Mutation {
public:
  Mutation(const Stmt &Scope, ASTContext &Ctx);
  ~Mutation();

  /// Is \p Var changed in the scope (through a field of it included)?
  bool isMutated(const VarDecl *Var);
  /// Is the object \p E names changed by the expression around it?
  bool isMutated(const Expr *E);

private:
  ExprMutationAnalyzer &analyzer();

  const Stmt &Scope;
  ASTContext &Ctx;
  ParentMap Parents;
  std::unique_ptr<ExprMutationAnalyzer> Analyzer; ///< made when first asked
};

} // namespace clang::tidy::structify

#endif
