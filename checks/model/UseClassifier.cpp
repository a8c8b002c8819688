//===--- UseClassifier.cpp - what the code does with each use -------------===//

#include "compat/Compat.h"
#include "model/TypeSpelling.h"
#include "model/UseCollector.h"
#include "clang/AST/ASTLambda.h"
#include "clang/AST/DeclCXX.h"
#include "clang/AST/DeclTemplate.h"
#include "clang/AST/ExprCXX.h"
#include "clang/Basic/CharInfo.h"
#include "clang/Basic/OperatorKinds.h"
#include "clang/Basic/SourceManager.h"
#include "clang/Lex/Lexer.h"

namespace clang::tidy::structify::uses {

bool Collector::isComparison(OverloadedOperatorKind Op) {
  switch (Op) {
  case OO_EqualEqual:
  case OO_ExclaimEqual:
  case OO_Less:
  case OO_Greater:
  case OO_LessEqual:
  case OO_GreaterEqual:
  case OO_Spaceship:
    return true;
  default:
    return false;
  }
}

bool Collector::isFullStatement(size_t I) const {
  if (I == 0)
    return false;
  const Stmt *Child = Stack[I].get<Stmt>();
  const DynTypedNode &Parent = Stack[I - 1];
  if (Parent.get<CompoundStmt>() || Parent.get<LabelStmt>() ||
      Parent.get<AttributedStmt>() || Parent.get<SwitchCase>())
    return true;
  if (const auto *If = Parent.get<IfStmt>())
    return If->getThen() == Child || If->getElse() == Child;
  if (const auto *While = Parent.get<WhileStmt>())
    return While->getBody() == Child;
  if (const auto *Do = Parent.get<DoStmt>())
    return Do->getBody() == Child;
  if (const auto *For = Parent.get<ForStmt>())
    return For->getBody() == Child || For->getInc() == Child ||
           For->getInit() == Child;
  if (const auto *Range = Parent.get<CXXForRangeStmt>())
    return Range->getBody() == Child;
  return false;
}

void Collector::recordPlace(Use &U) const {
  U.Path.clear();
  size_t Start = 0;
  for (size_t I = Stack.size(); I-- > 0;)
    if (const auto *FD = Stack[I].get<FunctionDecl>()) {
      U.Function = FD;
      Start = I + 1;
      break;
    }
  for (size_t I = Start; I < Stack.size(); ++I)
    if (const auto *S = Stack[I].get<Stmt>())
      U.Path.push_back(S);
}

const Expr *Collector::otherBranch(size_t I) const {
  if (I == 0)
    return nullptr;
  const auto *Choice = dyn_cast_or_null<ConditionalOperator>(exprAt(I - 1));
  const Expr *E = exprAt(I);
  if (!Choice ||
      !Ctx.hasSameUnqualifiedType(Choice->getType().getNonReferenceType(),
                                  E->getType().getNonReferenceType()))
    return nullptr;
  if (Choice->getTrueExpr() == E)
    return Choice->getFalseExpr();
  if (Choice->getFalseExpr() == E)
    return Choice->getTrueExpr();
  return nullptr;
}

namespace {
Use escaped(Use U, NoFixReason Reason) {
  U.Kind = UseKind::Escape;
  U.Reason = std::move(Reason);
  return U;
}

Use classified(Use U, UseKind Kind) {
  U.Kind = Kind;
  return U;
}
} // namespace

Use Collector::classifyUse(size_t ValueIndex) {
  Use U;
  U.Value = exprAt(ValueIndex);
  U.Loc = U.Value->getExprLoc();
  U.InInstantiation = InstantiationDepth > 0;
  size_t I = climbTransparent(ValueIndex);
  // `c ? f() : g()`: the conditional's use is the value's, and the other
  // branch flows with it.
  for (const Expr *Other = otherBranch(I); Other; Other = otherBranch(I)) {
    U.Alternatives.push_back(classifyOrigin(Other, Types, Ctx));
    I = climbTransparent(I - 1);
  }
  if (!U.Alternatives.empty())
    recordPlace(U);
  if (I == 0)
    return escaped(std::move(U), NoFix::UsedOutOfSight);
  const DynTypedNode &Parent = Stack[I - 1];
  if (const auto *OC = Parent.get<CXXOperatorCallExpr>())
    return classifyOperand(OC, I, std::move(U));
  if (const auto *Call = Parent.get<CallExpr>())
    return classifyArgument(Call, I, std::move(U));
  if (std::optional<Use> InDeclaration = classifyInDeclaration(I, U))
    return std::move(*InDeclaration);
  return classifyInExpression(I, std::move(U));
}

Use Collector::classifyOperand(const CXXOperatorCallExpr *OC, size_t I, Use U) {
  const Expr *E = exprAt(I);
  const OverloadedOperatorKind Op = OC->getOperator();
  const std::string Spelling = getOperatorSpelling(Op);
  if (Op == OO_Equal && OC->getNumArgs() == 2 && OC->getArg(1) == E)
    return classifyAssignment(OC, I - 1, std::move(U));
  if (Op == OO_Equal && OC->getNumArgs() == 2 && OC->getArg(0) == E &&
      (isa<DeclRefExpr>(E->IgnoreParenImpCasts()) ||
       isTrackedMemberExpr(E->IgnoreParenImpCasts()))) {
    U.Access = OC->getArg(1);
    return classified(std::move(U), UseKind::Reassigned);
  }
  if (isComparison(Op) && OC->getNumArgs() == 2)
    return compared(std::move(U), Spelling,
                    OC->getArg(OC->getArg(0) == E ? 1 : 0));
  if (Op == OO_Subscript && OC->getNumArgs() == 2 && OC->getArg(1) == E &&
      keyOfTrackedContainer(OC->getArg(0), E, U)) {
    recordPlace(U);
    return U;
  }
  // `seen[value]`, `hash(value)`: say what takes it.
  if (Op == OO_Subscript && OC->getNumArgs() == 2 && OC->getArg(1) == E)
    return escaped(std::move(U), {NoFix::KeyOrIndex,
                                  expressionForMessage(OC->getArg(0), Ctx)});
  if (Op == OO_Call && OC->getNumArgs() > 1 && OC->getArg(0) != E)
    return escaped(std::move(U),
                   {NoFix::PassedTo, expressionForMessage(OC->getArg(0), Ctx)});
  return escaped(std::move(U), {NoFix::OperandOf, Spelling});
}

Use Collector::classifyArgument(const CallExpr *Call, size_t I, Use U) {
  const Expr *E = exprAt(I);
  if (elementAccess(Call, E, U)) {
    setReceiver(U, receiverName(I - 1));
    recordPlace(U);
    return U;
  }
  if (const auto *MC = dyn_cast<CXXMemberCallExpr>(Call);
      MC && keyOfTrackedContainer(MC->getImplicitObjectArgument(), E, U)) {
    recordPlace(U);
    return U;
  }
  const FunctionDecl *Callee = Call->getDirectCallee();
  if (!Callee || !Callee->getDeclName().isIdentifier())
    return escaped(std::move(U), NoFix::PassedToFunction);
  NoFixReason Reason(NoFix::PassedTo, Callee->getNameAsString());
  std::optional<unsigned> Parameter = takerParameter(Call, E);
  if (!Parameter)
    return escaped(std::move(U), std::move(Reason));
  U.Reason = std::move(Reason);
  U.Kind = UseKind::Argument;
  U.ArgumentOf = writtenFunction(Callee);
  U.Parameter = *Parameter;
  recordPlace(U);
  return U;
}

std::optional<Use> Collector::classifyInDeclaration(size_t I, const Use &U) {
  const Expr *E = exprAt(I);
  const DynTypedNode &Parent = Stack[I - 1];
  if (const auto *Ctor = Parent.get<CXXConstructorDecl>())
    for (const CXXCtorInitializer *Init : Ctor->inits())
      if (Init->getInit() == E && Init->isMemberInitializer()) {
        if (!isTrackedMemberExpr(nullptr, Init->getMember()))
          return escaped(U, {NoFix::InitialisesMember,
                             Init->getMember()->getNameAsString()});
        Use Stored = classified(U, UseKind::StoreMember);
        Stored.Member = cast<FieldDecl>(Init->getMember()->getCanonicalDecl());
        return Stored;
      }
  if (const auto *DD = Parent.get<DecompositionDecl>()) {
    Use Bound = classified(U, UseKind::StructuredBinding);
    Bound.Binding = DD;
    return Bound;
  }
  if (const auto *VD = Parent.get<VarDecl>()) {
    if (!VD->getInit() ||
        VD->getInit()->IgnoreImplicit() != E->IgnoreImplicit())
      return escaped(U, {NoFix::UsedInDeclaration, VD->getNameAsString()});
    Use Initialises = classified(U, UseKind::InitVariable);
    Initialises.Var = VD;
    return Initialises;
  }
  if (Parent.get<ReturnStmt>()) {
    Use Returned = classified(U, UseKind::Return);
    Returned.ReturnOf = enclosingFunction();
    if (!Returned.ReturnOf)
      Returned.ReturnOfLambda = enclosingLambda();
    return Returned;
  }
  if (const auto *Lambda = Parent.get<LambdaExpr>()) {
    Use Captured = classified(U, UseKind::Captured);
    Captured.Statement = Lambda;
    return Captured;
  }
  return std::nullopt;
}

Use Collector::classifyInExpression(size_t I, Use U) {
  const Expr *E = exprAt(I);
  const DynTypedNode &Parent = Stack[I - 1];
  const PrintingPolicy &Policy = Ctx.getPrintingPolicy();
  if (const auto *ME = Parent.get<MemberExpr>()) {
    if (!elementAccess(ME, E, U))
      return escaped(std::move(U), {NoFix::MemberUsed,
                                    ME->getMemberNameInfo().getAsString()});
    setReceiver(U, receiverName(I - 1));
    recordPlace(U);
    return U;
  }
  if (const auto *Rewritten = Parent.get<CXXRewrittenBinaryOperator>())
    return compared(std::move(U), Rewritten->getOpcodeStr().str(),
                    Rewritten->getLHS()->IgnoreImplicit() == E->IgnoreImplicit()
                        ? Rewritten->getRHS()
                        : Rewritten->getLHS());
  if (const auto *Construct = Parent.get<CXXConstructExpr>())
    return escaped(std::move(U), {NoFix::ConvertedTo,
                                  Construct->getType().getAsString(Policy)});
  if (const auto *Cast = Parent.get<ExplicitCastExpr>())
    return Cast->getType()->isVoidType()
               ? classified(std::move(U), UseKind::Discarded)
               : escaped(std::move(U),
                         {NoFix::CastTo, Cast->getType().getAsString(Policy)});
  if (const auto *BO = Parent.get<BinaryOperator>())
    return BO->getOpcode() == BO_Comma && BO->getLHS() == E
               ? classified(std::move(U), UseKind::Discarded)
               : escaped(std::move(U),
                         {NoFix::OperandOf, BO->getOpcodeStr().str()});
  if (const auto *UO = Parent.get<UnaryOperator>())
    return escaped(std::move(U), UO->getOpcode() == UO_AddrOf
                                     ? NoFixReason(NoFix::AddressTaken)
                                     : NoFixReason(NoFix::OperandOf,
                                                   UnaryOperator::getOpcodeStr(
                                                       UO->getOpcode())));
  if (Parent.get<ConditionalOperator>() ||
      Parent.get<BinaryConditionalOperator>())
    return escaped(std::move(U), NoFix::InConditional);
  if (Parent.get<InitListExpr>())
    return escaped(std::move(U), NoFix::InBracedList);
  if (Parent.get<TypeLoc>() || Parent.get<UnaryExprOrTypeTraitExpr>() ||
      Parent.get<CXXTypeidExpr>())
    return escaped(std::move(U), NoFix::TypeUsed);
  if (Parent.get<Stmt>() && !Parent.get<Expr>() && isFullStatement(I))
    return classified(std::move(U), UseKind::Discarded);
  return escaped(std::move(U), NoFix::UsedOtherwise);
}

const FunctionDecl *Collector::functionOnStack() const {
  for (size_t I = Stack.size(); I-- > 0;)
    if (const auto *FD = Stack[I].get<FunctionDecl>())
      return FD;
  return nullptr;
}

const MemberFacts *Collector::trackedContainer(const Expr *E) const {
  const auto *ME =
      dyn_cast_or_null<MemberExpr>(E ? E->IgnoreParenImpCasts() : nullptr);
  const auto *FD = ME ? dyn_cast<FieldDecl>(ME->getMemberDecl()) : nullptr;
  if (!FD)
    return nullptr;
  const auto *It = Facts.Members.find(cast<FieldDecl>(FD->getCanonicalDecl()));
  return It != Facts.Members.end() && It->second.Container ? &It->second
                                                           : nullptr;
}

bool Collector::keyOfTrackedContainer(const Expr *Object, const Expr *E,
                                      Use &U) const {
  const MemberFacts *Container = trackedContainer(Object);
  if (!Container ||
      !Ctx.hasSameUnqualifiedType(E->getType().getNonReferenceType(),
                                  memberTupleType(Container->Field, Types)))
    return false;
  U.Kind = UseKind::StoreMember;
  U.Member = Container->Field;
  U.Reason = {Container->Sequence ? NoFix::ElementOf : NoFix::KeyOf,
              Container->Field->getNameAsString()};
  return true;
}

namespace {
/// \p Kind's message says what the code does with the container (%0) and
/// ends "where structify cannot follow its %1" (elements or keys).
Use containerEscape(Use U, const MemberFacts &M, NoFix Kind,
                    std::string Detail = "") {
  U.Kind = UseKind::Escape;
  U.Reason = {Kind, M.Field->getNameAsString(),
              M.Sequence ? "elements" : "keys", std::move(Detail)};
  return U;
}

/// What a member function of a keyed container does with its keys: stores
/// one, or only looks up, erases, or asks the size.
struct ContainerMethod {
  bool Stores = false;
  bool Follows = false;
};

ContainerMethod containerMethod(llvm::StringRef Called, const MemberFacts &M) {
  ContainerMethod Method;
  Method.Stores =
      M.Sequence
          ? llvm::is_contained({"push_back", "push_front", "emplace_back",
                                "emplace_front", "resize"},
                               Called)
          : llvm::is_contained({"insert", "emplace", "try_emplace"}, Called);
  Method.Follows =
      M.Sequence ? llvm::is_contained({"size", "empty", "clear", "pop_back",
                                       "pop_front", "reserve", "capacity",
                                       "shrink_to_fit"},
                                      Called)
                 : llvm::is_contained(
                       {"count", "contains", "erase", "find", "lower_bound",
                        "upper_bound", "equal_range", "at", "size", "empty",
                        "clear", "begin", "end", "cbegin", "cend"},
                       Called);
  return Method;
}
} // namespace

Use Collector::classifyContainerUse(size_t I, MemberFacts &M) {
  Use U;
  U.Value = exprAt(I);
  U.Loc = U.Value->getExprLoc();
  U.InInstantiation = InstantiationDepth > 0;
  U.Kind = UseKind::Discarded;
  I = climbTransparent(I);
  const Expr *E = exprAt(I);
  if (I < 2)
    return containerEscape(std::move(U), M, NoFix::ContainerOutsideFunction);
  // `for (const auto &cell : cells_)`: each element is the loop's variable.
  if (const auto *For = Stack[I - 1].get<CXXForRangeStmt>();
      For && !M.Map && For->getRangeInit() &&
      For->getRangeInit()->IgnoreParenImpCasts() == E->IgnoreParenImpCasts()) {
    const VarDecl *Element = For->getLoopVariable();
    if (const auto *Binding = dyn_cast<DecompositionDecl>(Element)) {
      U.Kind = UseKind::StructuredBinding;
      U.Binding = Binding;
      return U;
    }
    U.Kind = UseKind::InitVariable;
    U.Var = Element;
    return U;
  }
  // `cells_[i]`, `cells_.back()`: an element, whose uses are the group's.
  if (M.Sequence)
    if (size_t Element = sequenceElementAt(I, E))
      return classifyUse(Element);
  if (const auto *OC = Stack[I - 1].get<CXXOperatorCallExpr>()) {
    if (OC->getOperator() == OO_Subscript && OC->getNumArgs() == 2 &&
        OC->getArg(0) == E &&
        !mentionsType(OC->getType(), memberTupleType(M.Field, Types))) {
      addKey(M, OC->getArg(1));
      return U;
    }
    return containerEscape(std::move(U), M, NoFix::ContainerOperand,
                           getOperatorSpelling(OC->getOperator()));
  }
  return classifyContainerCall(I, M, std::move(U));
}

Use Collector::classifyContainerCall(size_t I, MemberFacts &M, Use U) {
  const QualType Key = memberTupleType(M.Field, Types);
  const auto *Callee = Stack[I - 1].get<MemberExpr>();
  const auto *Call = Callee ? Stack[I - 2].get<CXXMemberCallExpr>() : nullptr;
  const CXXMethodDecl *Method = Call ? Call->getMethodDecl() : nullptr;
  if (!Method || Call->getCallee()->IgnoreParenImpCasts() != Callee ||
      !Method->getDeclName().isIdentifier())
    return containerEscape(std::move(U), M, NoFix::ContainerAsWhole);
  const llvm::StringRef Called = Method->getName();
  const ContainerMethod Role = containerMethod(Called, M);
  if (!Role.Stores && !Role.Follows)
    return containerEscape(std::move(U), M, NoFix::ContainerMethod,
                           Called.str());
  // `cells_.resize(n)`: value-initialised elements, as the struct's are.
  if (Called == "resize" && Call->getNumArgs() == 1)
    return U;
  for (unsigned Arg = 0; Arg < Call->getNumArgs(); ++Arg) {
    const Expr *Value = Call->getArg(Arg);
    if (isa<CXXDefaultArgExpr>(Value))
      continue;
    if (Ctx.hasSameUnqualifiedType(Value->getType().getNonReferenceType(), Key))
      addKey(M, Value);
    else if ((Role.Stores && Arg == 0) || mentionsType(Value->getType(), Key))
      return containerEscape(std::move(U), M, NoFix::ContainerStoreMethod,
                             Called.str());
  }
  const size_t CallIndex = climbTransparent(I - 2);
  if (!mentionsType(Call->getType(), Key) || isFullStatement(CallIndex))
    return U;
  // `seen_.insert(key).second`: whether the key was new.
  if (const auto *Second =
          CallIndex > 0 ? Stack[CallIndex - 1].get<MemberExpr>() : nullptr;
      Second && Role.Stores &&
      Types.pairElementIndex(dyn_cast<FieldDecl>(Second->getMemberDecl())) ==
          1u &&
      Second->getType()->isBooleanType())
    return U;
  // `seen_.find(key) != seen_.end()`.
  if (CallIndex > 0 &&
      isIteratorComparison(Stack[CallIndex - 1], exprAt(CallIndex), M))
    return U;
  return containerEscape(std::move(U), M, NoFix::ContainerMethodResult,
                         Called.str());
}

size_t Collector::sequenceElementAt(size_t I, const Expr *E) const {
  if (const auto *OC = Stack[I - 1].get<CXXOperatorCallExpr>())
    return OC->getOperator() == OO_Subscript && OC->getArg(0) == E ? I - 1 : 0;
  const auto *Callee = Stack[I - 1].get<MemberExpr>();
  const auto *Call = Callee ? Stack[I - 2].get<CXXMemberCallExpr>() : nullptr;
  const CXXMethodDecl *Method = Call ? Call->getMethodDecl() : nullptr;
  if (!Method || !Method->getDeclName().isIdentifier() ||
      Call->getCallee()->IgnoreParenImpCasts() != Callee)
    return 0;
  return llvm::is_contained({"at", "front", "back"}, Method->getName()) ? I - 2
                                                                        : 0;
}

bool Collector::isIteratorComparison(const DynTypedNode &Parent,
                                     const Expr *Operand,
                                     const MemberFacts &M) const {
  const Expr *Other = nullptr;
  if (const auto *OC = Parent.get<CXXOperatorCallExpr>();
      OC && OC->getNumArgs() == 2 &&
      (OC->getOperator() == OO_EqualEqual ||
       OC->getOperator() == OO_ExclaimEqual))
    Other = OC->getArg(OC->getArg(0) == Operand ? 1 : 0);
  else if (const auto *Rewritten = Parent.get<CXXRewrittenBinaryOperator>();
           Rewritten &&
           (Rewritten->getOpcode() == BO_EQ || Rewritten->getOpcode() == BO_NE))
    Other = Rewritten->getLHS()->IgnoreImplicit() == Operand->IgnoreImplicit()
                ? Rewritten->getRHS()
                : Rewritten->getLHS();
  const auto *OtherCall =
      dyn_cast_or_null<CXXMemberCallExpr>(ignoreTransparent(Other));
  return OtherCall &&
         trackedContainer(OtherCall->getImplicitObjectArgument()) == &M;
}

std::optional<unsigned> Collector::takerParameter(const CallExpr *Call,
                                                  const Expr *Arg) const {
  const FunctionDecl *Callee = Call->getDirectCallee();
  if (!Callee || isa<CXXOperatorCallExpr>(Call) ||
      !Facts.Parameters.contains(writtenFunction(Callee)))
    return std::nullopt;
  for (unsigned I = 0; I < Call->getNumArgs() && I < Callee->getNumParams();
       ++I)
    if (Call->getArg(I) == Arg &&
        Ctx.hasSameUnqualifiedType(
            Callee->getParamDecl(I)->getType().getNonReferenceType(),
            Arg->getType().getNonReferenceType()))
      return I;
  return std::nullopt;
}

Use Collector::compared(Use U, std::string Operator, const Expr *Other) {
  U.Kind = UseKind::Compared;
  U.Reason = {NoFix::Compared, Operator};
  U.Operator = std::move(Operator);
  U.ComparedWith = classifyOrigin(Other, Types, Ctx);
  recordPlace(U);
  return U;
}

Use Collector::classifyAssignment(const CXXOperatorCallExpr *OC,
                                  size_t OperatorIndex, Use U) {
  const Expr *LHS = OC->getArg(0)->IgnoreParenImpCasts();
  if (isTrackedMemberExpr(LHS)) {
    U.Kind = UseKind::StoreMember;
    U.Member = cast<FieldDecl>(
        cast<MemberExpr>(LHS)->getMemberDecl()->getCanonicalDecl());
    return U;
  }
  if (const auto *DRE = dyn_cast<DeclRefExpr>(LHS))
    if (const auto *VD = dyn_cast<VarDecl>(DRE->getDecl()))
      if (isTrackedVariable(VD)) {
        U.Kind = UseKind::AssignVariable;
        U.Var = VD;
        return U;
      }
  const Expr *TieCall = ignoreTransparent(OC->getArg(0));
  if (const auto *Tie = dyn_cast_or_null<CallExpr>(TieCall))
    if (isStdFunction(Tie->getDirectCallee(), "tie")) {
      size_t Statement = climbTransparent(OperatorIndex);
      if (!isFullStatement(Statement)) {
        U.Kind = UseKind::Escape;
        U.Reason = NoFix::TieInExpression;
        return U;
      }
      U.Kind = UseKind::TieAssign;
      U.Tie = Tie;
      U.Statement = Stack[Statement].get<Stmt>();
      recordPlace(U); // the function, where the rewrite picks fresh names
      return U;
    }
  U.Kind = UseKind::Escape;
  U.Reason = {NoFix::AssignedTo, expressionForMessage(OC->getArg(0), Ctx)};
  return U;
}

bool Collector::isTrackedMemberExpr(const Expr *E,
                                    const ValueDecl *Field) const {
  if (const auto *ME = dyn_cast_or_null<MemberExpr>(E))
    Field = ME->getMemberDecl();
  const auto *FD = dyn_cast_or_null<FieldDecl>(Field);
  return FD && Facts.Members.contains(cast<FieldDecl>(FD->getCanonicalDecl()));
}

} // namespace clang::tidy::structify::uses
