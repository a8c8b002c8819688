//===--- ResultGroup.h - the values that become one function's struct -----===//
//
// When a function stops returning a pair, everything that holds its result
// changes type with it: the calls, the local variables they initialise, the
// variables the function returns. A ResultGroup gathers them from the facts of
// one translation unit, with every edit the rewrite needs and every use that
// blocks it.
//
//===----------------------------------------------------------------------===//

#ifndef STRUCTIFY_MODEL_RESULTGROUP_H
#define STRUCTIFY_MODEL_RESULTGROUP_H

#include "model/Blocker.h"
#include "model/Naming.h"
#include "model/UseSites.h"
#include "llvm/ADT/SetVector.h"

namespace clang::tidy::structify {

struct ResultGroup {
  const FunctionDecl *Function = nullptr;
  llvm::SetVector<const VarDecl *> Variables;
  /// Element reads and writes to rename: `.first`, `std::get<1>(x)`.
  std::vector<Use> Accesses;
  /// `std::tie(a, b) = value;` statements.
  std::vector<Use> Ties;
  /// Structured bindings: they keep working unchanged (naming evidence).
  std::vector<const DecompositionDecl *> Bindings;
  /// `std::make_pair(a, b)`, `{a, b}`, ... that must become `{a, b}`, with the
  /// variable each one initialises when it has no initialiser at all.
  std::vector<std::pair<Construction, const VarDecl *>> Constructions;
  /// Constructions in the function's own return statements (naming evidence).
  std::vector<Construction> ReturnedConstructions;
  /// Explicitly typed variables whose type must be respelled.
  std::vector<const VariableFacts *> TypesToRespell;
  std::vector<Blocker> Blockers;
};

/// What the code of the group calls each element: the definition's return
/// statements and element writes, the callers' bindings, ties and receivers.
/// The name an element expression carries: `lo`, `this->hi_`, `m_count`.
std::string elementExpressionName(const Expr *E);

NamingEvidence gatherNamingEvidence(const ResultGroup &Group, size_t Elements,
                                    const ASTContext &Ctx);

/// Gathers the group of \p Function from the facts of its translation unit.
ResultGroup buildResultGroup(const FunctionFacts &Function, const TupleFacts &Facts,
                             ASTContext &Ctx);

} // namespace clang::tidy::structify

#endif
