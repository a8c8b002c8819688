//===--- Mutation.cpp - is a variable or an element changed? --------------===//

#include "model/Mutation.h"
#include "clang/AST/ExprCXX.h"
#include "clang/Analysis/Analyses/ExprMutationAnalyzer.h"

namespace clang::tidy::structify {

namespace {

/// Does \p T bind to what it is given without allowing a change of it:
/// a reference to const?
bool isConstReference(QualType T) {
  return T->isLValueReferenceType() &&
         T.getNonReferenceType().isConstQualified();
}

} // namespace

Mutation::Mutation(const Stmt &Scope, ASTContext &Ctx)
    : Scope(Scope), Ctx(Ctx), Parents(const_cast<Stmt *>(&Scope)) {}

Mutation::~Mutation() = default;

namespace {

enum class Effect { Reads, Changes, Unknown };

/// Is \p P the object \p Cur itself, or a part of it: a field, a base?
bool isPartOf(const Stmt *P, const Stmt *Cur) {
  if (const auto *Member = dyn_cast<MemberExpr>(P))
    return !Member->isArrow() && Member->getBase()->IgnoreParens() == Cur &&
           isa<FieldDecl>(Member->getMemberDecl());
  if (const auto *Cast = dyn_cast<ImplicitCastExpr>(P))
    return Cast->getCastKind() == CK_DerivedToBase ||
           Cast->getCastKind() == CK_UncheckedDerivedToBase;
  return false;
}

Effect castEffect(const ImplicitCastExpr &Cast) {
  if (Cast.getCastKind() == CK_LValueToRValue)
    return Effect::Reads;
  return Cast.getCastKind() == CK_NoOp && Cast.getType().isConstQualified()
             ? Effect::Reads
             : Effect::Unknown;
}

/// \p Cur is the object of the method \p Method: `++it`, `p = q`, `v.size()`.
Effect methodEffect(const CXXMethodDecl *Method, OverloadedOperatorKind Op) {
  if (!Method)
    return Effect::Unknown;
  if (Method->isConst())
    return Effect::Reads;
  return Op == OO_Equal || Op == OO_PlusPlus || Op == OO_MinusMinus ||
                 (Op >= OO_PlusEqual && Op <= OO_PipeEqual) ||
                 Op == OO_LessLessEqual || Op == OO_GreaterGreaterEqual
             ? Effect::Changes
             : Effect::Unknown;
}

/// \p Cur is among \p Args, given to the parameters of \p Callee.
Effect argumentEffect(const FunctionDecl *Callee,
                      llvm::ArrayRef<const Expr *> Args, const Stmt *Cur) {
  if (!Callee)
    return Effect::Unknown;
  for (size_t I = 0; I < Args.size(); ++I)
    if (Args[I]->IgnoreParens() == Cur)
      return I < Callee->getNumParams() &&
                     isConstReference(Callee->getParamDecl(I)->getType())
                 ? Effect::Reads
                 : Effect::Unknown;
  return Effect::Unknown;
}

Effect callEffect(const CallExpr &Call, const Stmt *Cur) {
  const FunctionDecl *Callee = Call.getDirectCallee();
  llvm::ArrayRef<const Expr *> Args(Call.getArgs(), Call.getNumArgs());
  if (const auto *Op = dyn_cast<CXXOperatorCallExpr>(&Call);
      Op && isa_and_nonnull<CXXMethodDecl>(Callee)) {
    if (Op->getArg(0)->IgnoreParens() == Cur)
      return methodEffect(cast<CXXMethodDecl>(Callee), Op->getOperator());
    Args = Args.drop_front(); // the arguments after the object
  }
  return argumentEffect(Callee, Args, Cur);
}

Effect declarationEffect(const DeclStmt &Decls, const Stmt *Cur) {
  for (const Decl *D : Decls.decls())
    if (const auto *Var = dyn_cast<VarDecl>(D);
        Var && Var->getInit() && Var->getInit()->IgnoreParens() == Cur)
      return isConstReference(Var->getType()) ? Effect::Reads : Effect::Unknown;
  return Effect::Unknown;
}

/// What \p P, the parent of \p Cur, does to it.
Effect parentEffect(const Stmt *P, const Stmt *Cur, const ParentMap &Parents) {
  if (const auto *Member = dyn_cast<MemberExpr>(P)) {
    // A method named: what the call does decides.
    if (Member->isArrow() || Member->getBase()->IgnoreParens() != Cur)
      return Effect::Unknown;
    const auto *Call = dyn_cast_or_null<CXXMemberCallExpr>(
        Parents.getParentIgnoreParens(const_cast<MemberExpr *>(Member)));
    return methodEffect(Call ? Call->getMethodDecl() : nullptr, OO_None);
  }
  if (const auto *Cast = dyn_cast<ImplicitCastExpr>(P))
    return castEffect(*Cast);
  if (const auto *Unary = dyn_cast<UnaryOperator>(P))
    return Unary->isIncrementDecrementOp() ? Effect::Changes : Effect::Unknown;
  if (const auto *Binary = dyn_cast<BinaryOperator>(P))
    return Binary->isAssignmentOp() && Binary->getLHS()->IgnoreParens() == Cur
               ? Effect::Changes
               : Effect::Unknown;
  if (const auto *Call = dyn_cast<CallExpr>(P))
    return callEffect(*Call, Cur);
  if (const auto *Construct = dyn_cast<CXXConstructExpr>(P))
    return argumentEffect(
        Construct->getConstructor(),
        llvm::ArrayRef(Construct->getArgs(), Construct->getNumArgs()), Cur);
  if (const auto *Decls = dyn_cast<DeclStmt>(P))
    return declarationEffect(*Decls, Cur);
  return Effect::Unknown;
}

/// What the code around \p E does to the object it names.
Effect effect(const Expr *E, const ParentMap &Parents) {
  const Stmt *Cur = E;
  while (const Stmt *P =
             Parents.getParentIgnoreParens(const_cast<Stmt *>(Cur))) {
    if (!isPartOf(P, Cur))
      return parentEffect(P, Cur, Parents);
    Cur = P;
  }
  return Effect::Unknown;
}

} // namespace

bool Mutation::isMutated(const VarDecl *Var) {
  bool AllRead = true;
  llvm::SmallVector<const Stmt *, 32> Work{&Scope};
  while (!Work.empty()) {
    const Stmt *S = Work.pop_back_val();
    if (!S)
      continue;
    if (const auto *Ref = dyn_cast<DeclRefExpr>(S);
        Ref && Ref->getDecl() == Var) {
      switch (effect(Ref, Parents)) {
      case Effect::Changes:
        return true;
      case Effect::Unknown:
        AllRead = false;
        break;
      case Effect::Reads:
        break;
      }
    }
    for (const Stmt *Child : S->children())
      Work.push_back(Child);
  }
  return !AllRead && analyzer().isMutated(Var);
}

bool Mutation::isMutated(const Expr *E) {
  switch (effect(E, Parents)) {
  case Effect::Changes:
    return true;
  case Effect::Reads:
    return false;
  case Effect::Unknown:
    break;
  }
  return analyzer().isMutated(E);
}

ExprMutationAnalyzer &Mutation::analyzer() {
  if (!Analyzer)
    Analyzer = std::make_unique<ExprMutationAnalyzer>(Scope, Ctx);
  return *Analyzer;
}

} // namespace clang::tidy::structify
