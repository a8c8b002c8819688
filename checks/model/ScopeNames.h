//===--- ScopeNames.h - names a new local declaration must not take -------===//

#ifndef STRUCTIFY_MODEL_SCOPENAMES_H
#define STRUCTIFY_MODEL_SCOPENAMES_H

#include "llvm/ADT/StringSet.h"

namespace clang {
class Decl;
class SourceManager;
class Stmt;
class VarDecl;
} // namespace clang

namespace clang::tidy::structify {

/// Every name a new variable in \p Function's body could clash with or
/// shadow: its parameters, what its body declares, and what the body names
/// without a qualifier (variables, functions, implicit members, types,
/// templates). With \p Scope (the statement the new variable is visible in),
/// what sibling blocks declare and name is left out: a variable in one loop
/// does not see what another loop calls its own.
llvm::StringSet<> namesUsedIn(const Decl *Function,
                              const Stmt *Scope = nullptr);

/// Do \p A and \p B overlap in the source (one holds the other, or they are
/// the same)? Statements of different files or macro expansions compare by
/// where they are expanded.
bool overlapInSource(const Stmt *A, const Stmt *B, const SourceManager &SM);

/// Is \p Var the only thing its name stands for in \p Scope (a part of
/// \p Function's body): no parameter, no other declaration, reference or
/// type spelled so?
bool isOnlyMeaningOfName(const Decl *Function, const Stmt *Scope,
                         const VarDecl *Var);

} // namespace clang::tidy::structify

#endif
