//===--- FunctionParents.h - a parent map of one function -------*- C++ -*-===//
//
// ExprMutationAnalyzer and ASTContext::getParents answer from the context's
// parent map, which is built on first use over the whole traversal scope: in
// clang-tidy, every declaration of the translation unit, headers and template
// instantiations included. On a large unit that costs a tenth of the parse,
// for questions that never leave one function. FunctionParents narrows the
// scope to the outermost function around the code asked about, and puts the
// scope it found back when it goes.
//
//===----------------------------------------------------------------------===//

#ifndef STRUCTIFY_MODEL_FUNCTIONPARENTS_H
#define STRUCTIFY_MODEL_FUNCTIONPARENTS_H

#include "clang/AST/ASTContext.h"
#include <vector>

namespace clang::tidy::structify {

class FunctionParents {
public:
  explicit FunctionParents(ASTContext &Ctx);
  ~FunctionParents();
  FunctionParents(const FunctionParents &) = delete;
  FunctionParents &operator=(const FunctionParents &) = delete;

  /// From here on, parents are those within the outermost function around
  /// \p D (a lambda's, a local class's function: the function they are in).
  /// A declaration outside any function gets the scope found at the start.
  void focus(const Decl *D);

private:
  ASTContext &Ctx;
  std::vector<Decl *> Saved;
  const Decl *Focused = nullptr;
  bool Narrowed = false;
};

/// The outermost function \p D is in, or \p D itself; null for null and for
/// a declaration outside any function.
const FunctionDecl *outermostFunction(const Decl *D);

/// Is \p D itself an instantiation: an instantiated function or member
/// function, a class template specialization the compiler made?
bool isInstantiation(const Decl *D);

/// Is \p D in a template instantiation (an instantiated function, a member
/// of an instantiated class, a lambda in one)?
bool isInInstantiation(const Decl *D);

} // namespace clang::tidy::structify

#endif
