//===--- PublicApi.cpp - is this declaration part of a public API? --------===//

#include "model/PublicApi.h"
#include "clang/AST/Decl.h"
#include "clang/AST/DeclCXX.h"
#include "llvm/ADT/STLExtras.h"

namespace clang::tidy::structify {

bool isInIgnoredNamespace(const FunctionDecl *FD,
                          const std::vector<std::string> &Namespaces) {
  for (const DeclContext *DC = FD->getDeclContext(); DC; DC = DC->getParent()) {
    const auto *NS = dyn_cast<NamespaceDecl>(DC);
    if (!NS || NS->isAnonymousNamespace())
      continue;
    // `Internal` (exiv2) is `internal`.
    if (llvm::any_of(Namespaces, [&](const std::string &Name) {
          return NS->getName().equals_insensitive(Name);
        }))
      return true;
  }
  return false;
}

/// A class is reachable when code outside it can name it: not local to a
/// function, not anonymous, and every enclosing class exposes it.
static bool isReachableClass(const CXXRecordDecl *RD) {
  for (; RD; RD = dyn_cast<CXXRecordDecl>(RD->getDeclContext())) {
    if (RD->isLocalClass() || !RD->isExternallyVisible())
      return false;
    if (RD->getAccess() == AS_private)
      return false;
  }
  return true;
}

bool isPublicApi(const FunctionDecl *FD, const PublicApiPolicy &Policy) {
  if (isInIgnoredNamespace(FD, Policy.IgnoredNamespaces))
    return false;
  if (Policy.IncludeNonPublic)
    return true;
  if (FD->getStorageClass() == SC_Static && !isa<CXXMethodDecl>(FD))
    return false;
  if (!FD->isExternallyVisible() || FD->isInAnonymousNamespace())
    return false;
  if (const auto *Method = dyn_cast<CXXMethodDecl>(FD)) {
    if (Method->getAccess() == AS_private)
      return false;
    return isReachableClass(Method->getParent());
  }
  return true;
}

} // namespace clang::tidy::structify
