//===--- ScopeNames.h - names a new local declaration must not take -------===//

#ifndef STRUCTIFY_MODEL_SCOPENAMES_H
#define STRUCTIFY_MODEL_SCOPENAMES_H

#include "llvm/ADT/StringSet.h"

namespace clang {
class Decl;
} // namespace clang

namespace clang::tidy::structify {

/// Every name a new variable in \p Function's body could clash with or
/// shadow: what the function declares, and what it names without a
/// qualifier (variables, functions, implicit members, types, templates).
llvm::StringSet<> namesUsedIn(const Decl *Function);

} // namespace clang::tidy::structify

#endif
