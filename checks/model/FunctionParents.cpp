//===--- FunctionParents.cpp - a parent map of one function ---------------===//

#include "model/FunctionParents.h"
#include "clang/AST/DeclCXX.h"
#include "clang/AST/DeclTemplate.h"

namespace clang::tidy::structify {

FunctionParents::FunctionParents(ASTContext &Ctx)
    : Ctx(Ctx), Saved(Ctx.getTraversalScope()) {}

FunctionParents::~FunctionParents() {
  if (Narrowed)
    Ctx.setTraversalScope(Saved);
}

void FunctionParents::focus(const Decl *D) {
  const FunctionDecl *Function = outermostFunction(D);
  if (Function == Focused)
    return;
  Focused = Function;
  Narrowed = Function != nullptr;
  if (Function)
    Ctx.setTraversalScope({const_cast<FunctionDecl *>(Function)});
  else
    Ctx.setTraversalScope(Saved);
}

const FunctionDecl *outermostFunction(const Decl *D) {
  const FunctionDecl *Outermost = dyn_cast_or_null<FunctionDecl>(D);
  for (const DeclContext *DC = D ? D->getLexicalDeclContext() : nullptr;
       DC && !DC->isFileContext(); DC = DC->getLexicalParent())
    if (const auto *Function = dyn_cast<FunctionDecl>(DC))
      Outermost = Function;
  return Outermost;
}

bool isInstantiation(const Decl *D) {
  if (const auto *FD = dyn_cast<FunctionDecl>(D))
    return FD->isTemplateInstantiation();
  if (const auto *Spec = dyn_cast<ClassTemplateSpecializationDecl>(D))
    return Spec->getSpecializationKind() != TSK_ExplicitSpecialization;
  return false;
}

bool isInInstantiation(const Decl *D) {
  for (const DeclContext *DC = D ? D->getDeclContext() : nullptr; DC;
       DC = DC->getParent())
    if (isInstantiation(cast<Decl>(DC)))
      return true;
  return false;
}

} // namespace clang::tidy::structify
