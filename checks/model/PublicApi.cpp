//===--- PublicApi.cpp - is this declaration part of a public API? --------===//

#include "model/PublicApi.h"
#include "model/Naming.h"
#include "clang/AST/ASTContext.h"
#include "clang/AST/Decl.h"
#include "clang/AST/DeclCXX.h"
#include "clang/AST/DeclTemplate.h"
#include "clang/Basic/CharInfo.h"
#include "clang/Basic/SourceManager.h"
#include "llvm/ADT/STLExtras.h"

namespace clang::tidy::structify {

bool isInIgnoredNamespace(const FunctionDecl *FD,
                          const std::vector<std::string> &Namespaces) {
  for (const DeclContext *DC = FD->getDeclContext(); DC; DC = DC->getParent()) {
    const auto *NS = dyn_cast<NamespaceDecl>(DC);
    if (!NS || NS->isAnonymousNamespace())
      continue;
    // `Internal` (exiv2) is `internal`, and so is a part of a name:
    // `container_internal` (abseil), `detail_v2`, `ImplDetails`.
    const std::vector<std::string> Parts = splitWords(NS->getName());
    if (llvm::any_of(Namespaces, [&](const std::string &Name) {
          return NS->getName().equals_insensitive(Name) ||
                 llvm::any_of(Parts, [&](const std::string &Part) {
                   return llvm::StringRef(Part).equals_insensitive(Name);
                 });
        }))
      return true;
  }
  return false;
}

/// Is one of \p Macros a word of the source from the statement before
/// \p Begin (the previous `;`, `{`, `}` or access specifier's `:`) to \p End?
static bool writtenWith(SourceLocation Begin, SourceLocation End,
                        const SourceManager &SM,
                        const std::vector<std::string> &Macros) {
  Begin = SM.getExpansionLoc(Begin);
  End = SM.getExpansionLoc(End);
  if (Begin.isInvalid() || End.isInvalid() ||
      SM.getFileID(Begin) != SM.getFileID(End))
    return false;
  bool Invalid = false;
  const llvm::StringRef Buffer =
      SM.getBufferData(SM.getFileID(Begin), &Invalid);
  const unsigned To = SM.getFileOffset(End);
  if (Invalid || To > Buffer.size())
    return false;
  const size_t From =
      Buffer.take_front(SM.getFileOffset(Begin)).find_last_of(";{}:");
  llvm::StringRef Text =
      Buffer.slice(From == llvm::StringRef::npos ? 0 : From + 1, To);
  while (!Text.empty()) {
    Text = Text.drop_until([](char C) { return isAsciiIdentifierStart(C); });
    const llvm::StringRef Word =
        Text.take_while([](char C) { return isAsciiIdentifierContinue(C); });
    if (llvm::is_contained(Macros, Word))
      return true;
    Text = Text.drop_front(Word.size());
  }
  return false;
}

bool isDeclaredWithMacro(const FunctionDecl *FD,
                         const std::vector<std::string> &Macros) {
  const SourceManager &SM = FD->getASTContext().getSourceManager();
  for (const FunctionDecl *Redecl : FD->redecls()) {
    const Decl *Written = Redecl;
    if (const FunctionTemplateDecl *Template =
            Redecl->getDescribedFunctionTemplate())
      Written = Template;
    if (writtenWith(Written->getBeginLoc(), Redecl->getLocation(), SM, Macros))
      return true;
  }
  for (const auto *RD = dyn_cast<CXXRecordDecl>(FD->getDeclContext()); RD;
       RD = dyn_cast<CXXRecordDecl>(RD->getDeclContext())) {
    if (const CXXRecordDecl *Pattern = RD->getTemplateInstantiationPattern())
      RD = Pattern;
    for (const TagDecl *Redecl : RD->redecls())
      if (writtenWith(Redecl->getBeginLoc(), Redecl->getLocation(), SM, Macros))
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
  if (!Policy.ExportMacros.empty() &&
      !isDeclaredWithMacro(FD, Policy.ExportMacros))
    return false;
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
