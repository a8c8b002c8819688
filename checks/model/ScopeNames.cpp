//===--- ScopeNames.cpp - names a new local declaration must not take -----===//

#include "model/ScopeNames.h"
#include "compat/Compat.h"
#include "clang/AST/ASTContext.h"
#include "clang/AST/DeclCXX.h"
#include "clang/AST/ExprCXX.h"
#include "clang/AST/RecursiveASTVisitor.h"

namespace clang::tidy::structify {
namespace {

/// A statement whose declarations are not seen outside it.
bool opensScope(const Stmt *S) {
  return isa<CompoundStmt, ForStmt, CXXForRangeStmt, WhileStmt, DoStmt, IfStmt,
             SwitchStmt, CXXCatchStmt, LambdaExpr>(S);
}

class NameCollector : public RecursiveASTVisitor<NameCollector> {
public:
  NameCollector(const Decl *Function, const Stmt *Scope)
      : Function(Function), Scope(Scope), Inside(!Scope) {}
  llvm::StringSet<> Names;

  // With a scope: everything named inside it, and what is declared around
  // it before it (a new name there would shadow it). A block beside the
  // scope is skipped: nothing it declares is visible in the scope, and
  // nothing it names can be captured by the new name.
  //
  // Each statement is traversed here, recursively, not through
  // RecursiveASTVisitor's queue: Inside must hold while the scope's children
  // are visited, not only the scope itself.
  bool TraverseStmt(Stmt *S, DataRecursionQueue * = nullptr) {
    if (!S || Inside)
      return RecursiveASTVisitor::TraverseStmt(S);
    if (S == Scope) {
      Inside = true;
      const bool Result = RecursiveASTVisitor::TraverseStmt(S);
      Inside = false;
      return Result;
    }
    if (opensScope(S) && !overlapInSource(S, Scope, sourceManager()))
      return true;
    return RecursiveASTVisitor::TraverseStmt(S);
  }

  void add(DeclarationName Name) {
    // A structured binding's own declaration has an empty identifier.
    if (const IdentifierInfo *II = Name.getAsIdentifierInfo())
      Names.insert(II->getName());
  }
  /// A reference or a type name: it matters where the new name is visible.
  void addUse(DeclarationName Name) {
    if (Inside)
      add(Name);
  }
  bool VisitNamedDecl(NamedDecl *D) {
    // A local may take the function's own name (`int lower() { auto &[lower,
    // upper] = ...`); a call of the function in its body is a reference,
    // collected below.
    if (D == Function)
      return true;
    const SourceManager &SM = sourceManager();
    if (Inside || D->getLocation().isInvalid() ||
        SM.isBeforeInTranslationUnit(SM.getExpansionLoc(D->getLocation()),
                                     SM.getExpansionLoc(Scope->getBeginLoc())))
      add(D->getDeclName());
    return true;
  }
  bool VisitDeclRefExpr(DeclRefExpr *E) {
    addUse(E->getDecl()->getDeclName());
    return true;
  }
  bool VisitMemberExpr(MemberExpr *E) {
    if (E->isImplicitAccess())
      addUse(E->getMemberDecl()->getDeclName());
    return true;
  }
  bool VisitOverloadExpr(OverloadExpr *E) {
    addUse(E->getName());
    return true;
  }
  bool VisitCXXDependentScopeMemberExpr(CXXDependentScopeMemberExpr *E) {
    if (E->isImplicitAccess())
      addUse(E->getMember());
    return true;
  }
  // Type names as written: one written with a qualifier (`net::endpoint`)
  // is found whatever local names `endpoint`; an unqualified one would find
  // the local instead. (A deduced type is not written anywhere.)
  bool VisitTagTypeLoc(TagTypeLoc TL) {
    if (!afterQualifier(TL.getNameLoc()))
      addUse(TL.getDecl()->getDeclName());
    return true;
  }
  bool VisitTypedefTypeLoc(TypedefTypeLoc TL) {
    if (!afterQualifier(TL.getNameLoc()))
      addUse(TL.getTypePtr()->getDecl()->getDeclName());
    return true;
  }
  bool VisitUsingTypeLoc(UsingTypeLoc TL) {
    if (!afterQualifier(TL.getNameLoc()))
      addUse(
          ::structify::compat::usingTypeDecl(TL.getTypePtr())->getDeclName());
    return true;
  }
  bool VisitTemplateSpecializationTypeLoc(TemplateSpecializationTypeLoc TL) {
    const TemplateName Name = TL.getTypePtr()->getTemplateName();
    if (const TemplateDecl *Template = Name.getAsTemplateDecl();
        Template && !afterQualifier(TL.getTemplateNameLoc()))
      addUse(Template->getDeclName());
    return true;
  }

private:
  /// Is the name at \p NameLoc written after `::`? (LLVM 22 keeps the
  /// qualifier in the name's TypeLoc and older majors in an enclosing one:
  /// the source says it in both.)
  bool afterQualifier(SourceLocation NameLoc) const {
    const SourceManager &SM = Function->getASTContext().getSourceManager();
    if (NameLoc.isInvalid() || !NameLoc.isFileID())
      return false;
    const auto [File, Offset] = SM.getDecomposedLoc(NameLoc);
    return SM.getBufferData(File).take_front(Offset).rtrim().ends_with("::");
  }

  const SourceManager &sourceManager() const {
    return Function->getASTContext().getSourceManager();
  }

  const Decl *Function;
  const Stmt *Scope;
  bool Inside;
};

} // namespace

bool overlapInSource(const Stmt *A, const Stmt *B, const SourceManager &SM) {
  auto Begin = [&](const Stmt *S) {
    return SM.getExpansionLoc(S->getBeginLoc());
  };
  auto End = [&](const Stmt *S) {
    return SM.getExpansionRange(S->getEndLoc()).getEnd();
  };
  if (A == B)
    return true;
  if (Begin(A).isInvalid() || End(A).isInvalid() || Begin(B).isInvalid() ||
      End(B).isInvalid())
    return true;
  return !SM.isBeforeInTranslationUnit(End(A), Begin(B)) &&
         !SM.isBeforeInTranslationUnit(End(B), Begin(A));
}

llvm::StringSet<> namesUsedIn(const Decl *Function, const Stmt *Scope) {
  NameCollector Collector(Function, Scope);
  // The body, and the parameters' names: a local in the body cannot
  // redeclare one. The types of the signature are outside the body's scope.
  const auto *FD = dyn_cast_or_null<FunctionDecl>(Function);
  if (!FD || !FD->getBody()) {
    Collector.TraverseDecl(const_cast<Decl *>(Function));
    return std::move(Collector.Names);
  }
  for (const ParmVarDecl *Param : FD->parameters())
    Collector.add(Param->getDeclName());
  if (const auto *Ctor = dyn_cast<CXXConstructorDecl>(FD))
    for (const CXXCtorInitializer *Init : Ctor->inits())
      Collector.TraverseConstructorInitializer(
          const_cast<CXXCtorInitializer *>(Init));
  Collector.TraverseStmt(FD->getBody());
  return std::move(Collector.Names);
}

namespace {

/// Finds a declaration, a reference or a type spelled like a variable that
/// is not that variable.
class OtherMeaning : public RecursiveASTVisitor<OtherMeaning> {
public:
  explicit OtherMeaning(const VarDecl *Var) : Var(Var), Name(Var->getName()) {}
  bool Found = false;

  bool VisitNamedDecl(NamedDecl *D) {
    check(D, D->getDeclName());
    return !Found;
  }
  bool VisitDeclRefExpr(DeclRefExpr *E) {
    check(E->getDecl(), E->getDecl()->getDeclName());
    return !Found;
  }
  bool VisitMemberExpr(MemberExpr *E) {
    check(E->getMemberDecl(), E->getMemberDecl()->getDeclName());
    return !Found;
  }
  bool VisitOverloadExpr(OverloadExpr *E) {
    check(nullptr, E->getName());
    return !Found;
  }
  bool VisitTagTypeLoc(TagTypeLoc TL) {
    check(TL.getDecl(), TL.getDecl()->getDeclName());
    return !Found;
  }
  bool VisitTypedefTypeLoc(TypedefTypeLoc TL) {
    const TypedefNameDecl *D = TL.getTypePtr()->getDecl();
    check(D, D->getDeclName());
    return !Found;
  }

private:
  void check(const Decl *D, DeclarationName DN) {
    if (D != Var && DN.isIdentifier() &&
        DN.getAsIdentifierInfo()->getName() == Name)
      Found = true;
  }
  const VarDecl *Var;
  llvm::StringRef Name;
};

} // namespace

bool isOnlyMeaningOfName(const Decl *Function, const Stmt *Scope,
                         const VarDecl *Var) {
  const auto *FD = dyn_cast_or_null<FunctionDecl>(Function);
  if (!FD || !Scope || !Var->getDeclName().isIdentifier())
    return false;
  for (const ParmVarDecl *Param : FD->parameters())
    if (Param->getDeclName() == Var->getDeclName())
      return false;
  OtherMeaning Finder(Var);
  Finder.TraverseStmt(const_cast<Stmt *>(Scope));
  return !Finder.Found;
}

} // namespace clang::tidy::structify
