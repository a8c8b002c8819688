//===--- TieAssignment.cpp - variables declared only for std::tie ---------===//

#include "model/indexaccess/TieAssignment.h"
#include "model/TypeSpelling.h"
#include "clang/AST/ASTContext.h"
#include "clang/AST/ParentMapContext.h"
#include "clang/ASTMatchers/ASTMatchFinder.h"
#include "clang/ASTMatchers/ASTMatchers.h"
#include "llvm/ADT/STLExtras.h"

namespace clang::tidy::structify {
using namespace ast_matchers;

namespace {

/// The local variable \p E names, if it is one (no static, no extern).
const VarDecl *localVariable(const Expr *E) {
  const auto *Ref = dyn_cast<DeclRefExpr>(E->IgnoreParenImpCasts());
  const auto *Var = Ref ? dyn_cast<VarDecl>(Ref->getDecl()) : nullptr;
  if (!Var || isa<ParmVarDecl>(Var) || !Var->isLocalVarDecl() ||
      Var->getStorageClass() != SC_None ||
      Var->getTLSKind() != VarDecl::TLS_None ||
      Var->getType()->isReferenceType())
    return nullptr;
  return Var;
}

/// Does dropping \p Var's initialiser change nothing (none, a default
/// construction, or one without side effects)?
bool initialiserDoesNothing(const VarDecl &Var, const ASTContext &Ctx) {
  const Expr *Init = Var.getInit();
  if (!Init)
    return true;
  if (const auto *Construct =
          dyn_cast<CXXConstructExpr>(Init->IgnoreImplicit()))
    if (Construct->getNumArgs() == 0 &&
        Construct->getConstructor()->isDefaultConstructor())
      return true;
  return !Init->HasSideEffects(Ctx);
}

/// The statement of the block \p E is, with its cleanups, and the block.
std::pair<const Stmt *, const CompoundStmt *> blockStatement(const Expr &E,
                                                             ASTContext &Ctx) {
  const Stmt *Statement = &E;
  for (int Steps = 0; Steps < 2; ++Steps) {
    const auto Parents = Ctx.getParents(*Statement);
    if (Parents.size() != 1)
      return {};
    if (const auto *Block = Parents[0].get<CompoundStmt>())
      return {Statement, Block};
    const auto *Cleanups = Parents[0].get<ExprWithCleanups>();
    if (!Cleanups)
      return {};
    Statement = Cleanups;
  }
  return {};
}

bool inMacro(SourceRange Range) {
  return Range.getBegin().isMacroID() || Range.getEnd().isMacroID();
}

/// Why the bindings cannot replace \p Tie's variables, if they cannot.
std::optional<Blocker> whyNot(const TieAssignment &Tie, const TupleShape &Shape,
                              ASTContext &Ctx) {
  if (inMacro(Tie.Assignment->getSourceRange()) ||
      llvm::any_of(Tie.Declarations, [](const DeclStmt *D) {
        return inMacro(D->getSourceRange());
      }))
    return Blocker{Tie.Assignment->getBeginLoc(), NoFix::MacroExpansion};
  for (size_t I = 0; I < Tie.Vars.size(); ++I) {
    const VarDecl *Var = Tie.Vars[I];
    const QualType Element = Shape.Elements[I];
    if (Element->isReferenceType())
      return Blocker{Var->getLocation(),
                     {NoFix::ReferenceElement, std::to_string(I)}};
    if (!Ctx.hasSameUnqualifiedType(Var->getType(), Element) ||
        Var->getType().isVolatileQualified())
      return Blocker{Var->getLocation(),
                     {NoFix::TiedTypeDiffers, Var->getNameAsString(),
                      spellTypeForMessage(Var->getType(), Ctx),
                      std::to_string(I), spellTypeForMessage(Element, Ctx)}};
    if (Var->hasAttrs())
      return Blocker{Var->getLocation(),
                     {NoFix::TiedAttributes, Var->getNameAsString()}};
    if (!match(findAll(declRefExpr(to(varDecl(equalsNode(Var))))), *Tie.Value,
               Ctx)
             .empty())
      return Blocker{Tie.Value->getBeginLoc(),
                     {NoFix::ValueReadsTied, Var->getNameAsString()}};
  }
  // A lambda captures a structured binding only from C++20 on.
  if (!Ctx.getLangOpts().CPlusPlus20)
    if (const auto *Function = dyn_cast_or_null<FunctionDecl>(
            Tie.Vars.front()->getParentFunctionOrMethod());
        Function && Function->getBody())
      for (const BoundNodes &Node : match(findAll(lambdaExpr().bind("lambda")),
                                          *Function->getBody(), Ctx))
        for (const LambdaCapture &Capture :
             Node.getNodeAs<LambdaExpr>("lambda")->captures())
          if (Capture.capturesVariable() &&
              llvm::is_contained(Tie.Vars, Capture.getCapturedVar()))
            return Blocker{Capture.getLocation(),
                           {NoFix::TiedCaptured,
                            Capture.getCapturedVar()->getNameAsString()}};
  return std::nullopt;
}

} // namespace

const VarDecl *firstTiedVariable(const CXXOperatorCallExpr &Assign) {
  if (Assign.getNumArgs() != 2)
    return nullptr;
  const auto *Tie = dyn_cast<CallExpr>(Assign.getArg(0)->IgnoreImplicit());
  if (!Tie || Tie->getNumArgs() == 0)
    return nullptr;
  return localVariable(Tie->getArg(0));
}

std::optional<TieAssignment> tieAssignment(const CXXOperatorCallExpr &Assign,
                                           ASTContext &Ctx,
                                           const TupleLikeTypes &Types) {
  if (Assign.getOperator() != OO_Equal || Assign.getNumArgs() != 2)
    return std::nullopt;
  const auto *Tie = dyn_cast<CallExpr>(Assign.getArg(0)->IgnoreImplicit());
  if (!Tie || !isStdFunction(Tie->getDirectCallee(), "tie") ||
      Tie->getNumArgs() == 0)
    return std::nullopt;
  TieAssignment Result;
  Result.Assignment = &Assign;
  Result.Value = Assign.getArg(1);
  for (const Expr *Arg : Tie->arguments()) {
    const VarDecl *Var = localVariable(Arg);
    if (!Var || llvm::is_contained(Result.Vars, Var))
      return std::nullopt;
    Result.Vars.push_back(Var);
  }
  const auto Shape = Types.shape(Result.Value->getType());
  if (!Shape || Shape->HasPackExpansion ||
      Shape->Elements.size() != Result.Vars.size())
    return std::nullopt;
  const std::string Template = Shape->Template->getQualifiedNameAsString();
  if (Template != "std::pair" && Template != "std::tuple")
    return std::nullopt;
  // The statements right before it declare the variables, and only them.
  const auto [Statement, Block] = blockStatement(Assign, Ctx);
  if (!Statement)
    return std::nullopt;
  Result.Statement = Statement;
  const auto *Here = llvm::find(Block->body(), Statement);
  size_t Declared = 0;
  while (Declared < Result.Vars.size() && Here != Block->body_begin()) {
    const auto *Declaration = dyn_cast<DeclStmt>(*--Here);
    if (!Declaration)
      return std::nullopt;
    for (const Decl *D : Declaration->decls()) {
      const auto *Var = dyn_cast<VarDecl>(D);
      if (!Var || !llvm::is_contained(Result.Vars, Var) ||
          !initialiserDoesNothing(*Var, Ctx))
        return std::nullopt;
      ++Declared;
    }
    Result.Declarations.insert(Result.Declarations.begin(), Declaration);
  }
  if (Declared != Result.Vars.size())
    return std::nullopt;
  Result.WhyNot = whyNot(Result, *Shape, Ctx);
  return Result;
}

} // namespace clang::tidy::structify
