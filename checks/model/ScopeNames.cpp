//===--- ScopeNames.cpp - names a new local declaration must not take -----===//

#include "model/ScopeNames.h"
#include "clang/AST/ExprCXX.h"
#include "clang/AST/RecursiveASTVisitor.h"

namespace clang::tidy::structify {
namespace {

class NameCollector : public RecursiveASTVisitor<NameCollector> {
public:
  llvm::StringSet<> Names;

  void add(DeclarationName Name) {
    // A structured binding's own declaration has an empty identifier.
    if (const IdentifierInfo *II = Name.getAsIdentifierInfo())
      Names.insert(II->getName());
  }
  bool VisitNamedDecl(NamedDecl *D) {
    add(D->getDeclName());
    return true;
  }
  bool VisitDeclRefExpr(DeclRefExpr *E) {
    add(E->getDecl()->getDeclName());
    return true;
  }
  bool VisitMemberExpr(MemberExpr *E) {
    if (E->isImplicitAccess())
      add(E->getMemberDecl()->getDeclName());
    return true;
  }
  bool VisitOverloadExpr(OverloadExpr *E) {
    add(E->getName());
    return true;
  }
  bool VisitCXXDependentScopeMemberExpr(CXXDependentScopeMemberExpr *E) {
    if (E->isImplicitAccess())
      add(E->getMember());
    return true;
  }
  bool VisitTagType(TagType *T) {
    add(T->getDecl()->getDeclName());
    return true;
  }
  bool VisitTypedefType(TypedefType *T) {
    add(T->getDecl()->getDeclName());
    return true;
  }
  bool VisitTemplateSpecializationType(TemplateSpecializationType *T) {
    if (const TemplateDecl *Template = T->getTemplateName().getAsTemplateDecl())
      add(Template->getDeclName());
    return true;
  }
};

} // namespace

llvm::StringSet<> namesUsedIn(const Decl *Function) {
  NameCollector Collector;
  Collector.TraverseDecl(const_cast<Decl *>(Function));
  return std::move(Collector.Names);
}

} // namespace clang::tidy::structify
