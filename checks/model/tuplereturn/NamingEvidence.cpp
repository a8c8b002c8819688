//===--- NamingEvidence.cpp - what the code calls each element ------------===//

#include "model/Naming.h"
#include "model/tuplereturn/ResultGroup.h"
#include "clang/AST/ASTContext.h"
#include "clang/AST/DeclCXX.h"
#include "clang/AST/ExprCXX.h"
#include "clang/Basic/SourceManager.h"

namespace clang::tidy::structify {

std::string elementExpressionName(const Expr *E) {
  E = ignoreTransparent(E);
  if (!E)
    return {};
  E = E->IgnoreImplicit();
  // `*lo`: the value an iterator or pointer named `lo` points to.
  if (const auto *Deref = dyn_cast<UnaryOperator>(E);
      Deref && Deref->getOpcode() == UO_Deref)
    return elementExpressionName(Deref->getSubExpr());
  if (const auto *Op = dyn_cast<CXXOperatorCallExpr>(E);
      Op && Op->getOperator() == OO_Star && Op->getNumArgs() == 1)
    return elementExpressionName(Op->getArg(0));
  if (isa<DeclRefExpr, MemberExpr>(E))
    return referencedName(E);
  if (const auto *ME = dyn_cast<CXXDependentScopeMemberExpr>(E))
    return ME->getMember().isIdentifier() ? ME->getMember().getAsString()
                                          : std::string();
  return {};
}

NamingEvidence gatherNamingEvidence(const ResultGroup &Group, size_t Elements,
                                    const ASTContext &Ctx) {
  NamingEvidence Evidence(Elements);
  auto Add = [&](std::vector<std::vector<std::string>> &To, size_t Index,
                 std::string Name) {
    if (Index < Elements && !Name.empty())
      To[Index].push_back(std::move(Name));
  };
  // `return {side, side};` names neither element.
  for (const Construction &Built : Group.ReturnedConstructions) {
    std::vector<std::string> Names;
    for (const Expr *Element : Built.Elements)
      Names.push_back(elementExpressionName(Element));
    for (size_t I = 0; I < Names.size(); ++I)
      if (llvm::count(Names, Names[I]) == 1)
        Add(Evidence.FromDefinition, I, Names[I]);
  }
  // Inside the function's own definition, element writes describe what the
  // function returns; elsewhere, element reads describe what callers need.
  const FunctionDecl *Definition = Group.Parameter < 0 && Group.Function
                                       ? Group.Function->getDefinition()
                                       : nullptr;
  const SourceRange Body = Definition && Definition->getBody()
                               ? Definition->getBody()->getSourceRange()
                               : SourceRange();
  const SourceManager &SM = Ctx.getSourceManager();
  for (const Use &Access : Group.Accesses) {
    const bool InDefinition =
        Body.isValid() &&
        !SM.isBeforeInTranslationUnit(Access.Loc, Body.getBegin()) &&
        !SM.isBeforeInTranslationUnit(Body.getEnd(), Access.Loc);
    Add(Access.Receiver == ReceiverKind::Parameter ? Evidence.FromParameters
        : InDefinition                             ? Evidence.FromDefinition
                                                   : Evidence.FromCallers,
        Access.Index, Access.ReceiverName);
  }
  for (const DecompositionDecl *Binding : Group.Bindings)
    for (size_t I = 0; I < Binding->bindings().size(); ++I)
      Add(Evidence.FromCallers, I, Binding->bindings()[I]->getName().str());
  for (const Use &Tie : Group.Ties)
    for (unsigned I = 0; I < Tie.Tie->getNumArgs(); ++I) {
      const Expr *Target = Tie.Tie->getArg(I)->IgnoreParenImpCasts();
      if (const auto *DRE = dyn_cast<DeclRefExpr>(Target))
        if (DRE->getDecl()->isInStdNamespace())
          continue; // std::ignore
      Add(Evidence.FromCallers, I, elementExpressionName(Target));
    }
  return Evidence;
}

} // namespace clang::tidy::structify
