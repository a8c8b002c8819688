//===--- UseLambdas.cpp - lambdas whose results are followed --------------===//
//
// A lambda that returns a pair is followed like a function when the code only
// calls it: declared in a local variable, or called where it is written.
// Anything else (passed on, a named result type, a generic lambda) is the
// lambda's problem, which every use of its result reports.
//
//===----------------------------------------------------------------------===//

#include "model/UseCollector.h"
#include "clang/AST/ExprCXX.h"

namespace clang::tidy::structify::uses {

const CXXMethodDecl *Collector::enclosingLambda() const {
  for (auto It = Stack.rbegin(); It != Stack.rend(); ++It) {
    if (It->get<FunctionDecl>() || It->get<BlockExpr>())
      return nullptr;
    if (const auto *L = It->get<LambdaExpr>())
      return L->getCallOperator();
  }
  return nullptr;
}

LambdaFacts *Collector::enclosingTrackedLambda() {
  const CXXMethodDecl *Op = enclosingLambda();
  auto *It = Op ? Facts.Lambdas.find(Op) : Facts.Lambdas.end();
  return It == Facts.Lambdas.end() ? nullptr : &It->second;
}

bool Collector::VisitLambdaExpr(LambdaExpr *L) {
  LambdaFacts *Tracked = trackLambda(L);
  if (!Tracked)
    return true;
  LambdaFacts &F = *Tracked;
  const size_t I = climbTransparent(Stack.size() - 1);
  const DynTypedNode *Parent = I > 0 ? &Stack[I - 1] : nullptr;
  const Expr *E = exprAt(I);
  if (const auto *VD = Parent ? Parent->get<VarDecl>() : nullptr;
      VD && VD->isLocalVarDecl() && !VD->getType()->isReferenceType() &&
      VD->getInit() && VD->getInit()->IgnoreImplicit() == E->IgnoreImplicit())
    ClosureVariables[VD] = L->getCallOperator();
  else if (!(Parent && isCalledObject(*Parent, E)))
    setProblem(F, L->getBeginLoc(), NoFix::LambdaPassedOn);
  return true;
}

bool Collector::VisitCXXOperatorCallExpr(CXXOperatorCallExpr *Call) {
  if (Call->getOperator() == OO_Call && Call->getNumArgs() > 0)
    if (const auto *L =
            dyn_cast_or_null<LambdaExpr>(ignoreTransparent(Call->getArg(0))))
      trackLambda(L);
  return true;
}

LambdaFacts *Collector::trackLambda(const LambdaExpr *L) {
  const CXXMethodDecl *Op = L->getCallOperator();
  if (!Op || InstantiationDepth > 0 || Op->getReturnType()->isDependentType() ||
      !Types.isTupleLike(Op->getReturnType()))
    return nullptr;
  const bool Known = Facts.Lambdas.contains(Op);
  LambdaFacts &F = Facts.Lambdas[Op];
  if (Known)
    return &F;
  F.Lambda = L;
  if (L->hasExplicitResultType())
    setProblem(F, L->getBeginLoc(), NoFix::LambdaNamesResult);
  else if (L->isGenericLambda())
    setProblem(F, L->getBeginLoc(), NoFix::GenericLambda);
  return &F;
}

void Collector::setProblem(LambdaFacts &F, SourceLocation Loc,
                           NoFixReason Reason) {
  if (!F.Problem.empty())
    return;
  F.Problem = std::move(Reason);
  F.ProblemLoc = Loc;
}

bool Collector::isCalledObject(const DynTypedNode &Parent, const Expr *E) {
  const auto *Call = Parent.get<CXXOperatorCallExpr>();
  return Call && Call->getOperator() == OO_Call && Call->getNumArgs() > 0 &&
         Call->getArg(0) == E;
}

void Collector::recordClosureReference(const DeclRefExpr *Ref,
                                       const CXXMethodDecl *Op) {
  LambdaFacts &F = Facts.Lambdas[Op];
  const size_t I = climbTransparent(Stack.size() - 1);
  if (I > 0 && isCalledObject(Stack[I - 1], exprAt(I)))
    return;
  setProblem(F, Ref->getExprLoc(),
             {NoFix::LambdaUsedOtherwise, Ref->getDecl()->getNameAsString()});
}

} // namespace clang::tidy::structify::uses
