//===--- UseCollector.cpp - one walk over a unit, recording references ----===//

#include "model/UseCollector.h"
#include "compat/Compat.h"
#include "model/FunctionParents.h"
#include "clang/AST/ASTLambda.h"
#include "clang/AST/DeclCXX.h"
#include "clang/AST/DeclTemplate.h"
#include "clang/AST/ExprCXX.h"
#include "clang/Basic/CharInfo.h"
#include "clang/Basic/OperatorKinds.h"
#include "clang/Basic/SourceManager.h"
#include "clang/Lex/Lexer.h"

namespace clang::tidy::structify::uses {

bool Collector::TraverseDecl(Decl *D) {
  if (!D)
    return true;
  if (!isa<TranslationUnitDecl>(D) && D->getLocation().isValid() &&
      SM.isInSystemHeader(SM.getExpansionLoc(D->getLocation())))
    return true;
  // Inside a function every declaration is entered: a variable is declared
  // away from where its elements are read.
  if (Within && !isa<TranslationUnitDecl>(D) &&
      !D->getDeclContext()->isFunctionOrMethod() && !Within->holds(D, SM))
    return true;
  const bool Instantiation = isInstantiation(D);
  InstantiationDepth += Instantiation;
  Stack.push_back(DynTypedNode::create(*D));
  const bool Result = Base::TraverseDecl(D);
  Stack.pop_back();
  InstantiationDepth -= Instantiation;
  return Result;
}

bool Collector::TraverseStmt(Stmt *S, DataRecursionQueue *) {
  if (!S)
    return true;
  Stack.push_back(DynTypedNode::create(*S));
  const bool Result = Base::TraverseStmt(S);
  Stack.pop_back();
  return Result;
}

bool Collector::TraverseTypeLoc(TypeLoc TL, bool TraverseQualifier) {
  if (TL.isNull())
    return true;
  Stack.push_back(DynTypedNode::create(TL));
  const bool Result = compat::traverseTypeLoc(static_cast<Base &>(*this), TL,
                                              TraverseQualifier);
  Stack.pop_back();
  return Result;
}

bool Collector::VisitDeclRefExpr(DeclRefExpr *E) {
  if (const auto *FD = dyn_cast<FunctionDecl>(E->getDecl()))
    recordFunctionReference(E, FD);
  else if (const auto *VD = dyn_cast<VarDecl>(E->getDecl())) {
    if (auto Closure = ClosureVariables.find(VD);
        Closure != ClosureVariables.end())
      recordClosureReference(E, Closure->second);
    recordVariableReference(E, VD);
  } else if (MemberFacts *M = trackedMember(E->getDecl())) {
    Use U;
    U.Value = E;
    U.Loc = E->getExprLoc();
    U.Reason = {NoFix::MemberPointer, M->Field->getNameAsString()};
    M->Uses.push_back(U);
  }
  return true;
}

bool Collector::VisitMemberExpr(MemberExpr *E) {
  if (const auto *FD = dyn_cast<FunctionDecl>(E->getMemberDecl()))
    recordFunctionReference(E, FD);
  else if (MemberFacts *M = trackedMember(E->getMemberDecl()))
    recordMemberReference(E, *M);
  else
    recordOtherAccess(E);
  return true;
}

bool Collector::VisitFieldDecl(FieldDecl *FD) {
  MemberFacts *Tracked = trackedMember(FD);
  if (!Tracked)
    return true;
  MemberFacts &M = *Tracked;
  if (M.Container)
    return visitContainer(FD, M);
  if (const TypeSourceInfo *TSI = FD->getTypeSourceInfo()) {
    TypeLoc TL = TSI->getTypeLoc().getUnqualifiedLoc();
    if (!TL.getType()->getContainedDeducedType())
      M.WrittenType = TL;
  }
  const auto *Class = cast<CXXRecordDecl>(FD->getParent());
  for (const FieldDecl *Other : Class->fields())
    if (Other != FD &&
        Other->getTypeSpecStartLoc() == FD->getTypeSpecStartLoc())
      M.Problem = {NoFix::DeclaredWithOtherMember, FD->getNameAsString()};
  if (Class->hasDefinition() && Class->isAggregate())
    M.Problem = {NoFix::AggregateClass, Class->getNameAsString()};
  for (const FunctionDecl *Method : Class->methods())
    if (Method->isDefaulted() && Method->isOverloadedOperator() &&
        (Method->getOverloadedOperator() == OO_EqualEqual ||
         Method->getOverloadedOperator() == OO_Spaceship))
      M.Problem = {NoFix::DefaultedComparison, Class->getNameAsString()};
  for (const FriendDecl *Friend : Class->friends())
    if (const auto *Fn =
            dyn_cast_or_null<FunctionDecl>(Friend->getFriendDecl()))
      if (Fn->isDefaulted())
        M.Problem = {NoFix::DefaultedComparison, Class->getNameAsString()};
  Origin O;
  if (const Expr *Init = FD->getInClassInitializer()) {
    O = classifyOrigin(Init, Types, Ctx);
  } else {
    O.Kind = OriginKind::Construction;
    O.Built.DefaultInitialized = true;
  }
  M.Origins.push_back(O);
  M.OriginFunctions.push_back(nullptr);
  return true;
}

bool Collector::visitContainer(const FieldDecl *FD, MemberFacts &M) {
  const std::string Name = FD->getNameAsString();
  if (const TypeSourceInfo *TSI = FD->getTypeSourceInfo()) {
    const auto Written =
        compat::withoutElaboration(TSI->getTypeLoc().getUnqualifiedLoc())
            .getAs<TemplateSpecializationTypeLoc>();
    // `std::map<K, V>`, `std::set<K>`: no comparator or allocator of K.
    const unsigned Arguments =
        containerKind(FD->getType()) == ContainerKind::Map ? 2 : 1;
    if (Written && Written.getNumArgs() == Arguments) {
      if (const TypeSourceInfo *Key = Written.getArgLoc(0).getTypeSourceInfo())
        M.WrittenType = Key->getTypeLoc().getUnqualifiedLoc();
    } else if (Written) {
      M.Problem = {NoFix::ContainerNamesComparator, Name};
    }
  }
  if (FD->hasInClassInitializer())
    M.Problem = {NoFix::ContainerInitialiser, Name};
  return true;
}

bool Collector::VisitCXXConstructorDecl(CXXConstructorDecl *Ctor) {
  if (Facts.Members.empty() || isInstantiation(Ctor))
    return true;
  for (const CXXCtorInitializer *Init : Ctor->inits()) {
    MemberFacts *M = Init->isMemberInitializer() && Init->isWritten()
                         ? trackedMember(Init->getMember())
                         : nullptr;
    if (!M)
      continue;
    if (M->Container) {
      M->Problem = {NoFix::ContainerConstructed, M->Field->getNameAsString()};
      continue;
    }
    Origin O = classifyOrigin(Init->getInit(), Types, Ctx);
    // `last_(a, b)`: the parentheses become braces.
    if (O.Kind == OriginKind::Construction)
      if (const auto *CE =
              dyn_cast<CXXConstructExpr>(ignoreTransparent(Init->getInit()));
          CE && CE->getParenOrBraceRange().isValid())
        O.Built.Range =
            CharSourceRange::getTokenRange(CE->getParenOrBraceRange());
    M->Origins.push_back(O);
    M->OriginFunctions.push_back(Ctor);
  }
  return true;
}

bool Collector::VisitCallExpr(CallExpr *E) {
  if (isStdFunction(E->getDirectCallee(), "get"))
    recordOtherAccess(E);
  else if (const auto *Member = dyn_cast<CXXMemberCallExpr>(E))
    recordFill(Member);
  else if (const auto *Op = dyn_cast<CXXOperatorCallExpr>(E);
           Op && Op->getOperator() == OO_Equal && Op->getNumArgs() == 2)
    recordMapAssignment(Op->getArg(0), Op->getArg(1));
  return true;
}

bool Collector::VisitBinaryOperator(BinaryOperator *E) {
  if (E->getOpcode() == BO_Assign)
    recordMapAssignment(E->getLHS(), E->getRHS());
  return true;
}

bool Collector::VisitOverloadExpr(OverloadExpr *E) {
  for (const NamedDecl *D : E->decls()) {
    const auto *FD = D->getAsFunction();
    if (!FD)
      continue;
    Use U;
    U.Value = E;
    U.Loc = E->getExprLoc();
    U.Reason = {NoFix::DependentCall, FD->getNameAsString()};
    // Both its result and its parameters are unknown there.
    if (auto *Taker = Facts.Parameters.find(writtenFunction(FD));
        Taker != Facts.Parameters.end())
      Taker->second.OtherReferences.push_back(U);
    if (auto *It = Facts.Functions.find(writtenFunction(FD));
        It != Facts.Functions.end())
      It->second.OtherReferences.push_back(U);
  }
  return true;
}

bool Collector::VisitVarDecl(VarDecl *VD) {
  if (!isTrackedVariable(VD))
    return true;
  VariableFacts &V = Facts.Variables[VD];
  V.Var = VD;
  // The stack ends [..., CXXForRangeStmt?, DeclStmt, VarDecl].
  if (Stack.size() >= 2)
    if (const auto *DS = Stack[Stack.size() - 2].get<DeclStmt>())
      V.SoleDeclaration = DS->isSingleDecl();
  if (VD->isCXXForRangeDecl() && Stack.size() >= 3)
    if (const auto *For = Stack[Stack.size() - 3].get<CXXForRangeStmt>()) {
      Facts.RangeFors[VD] = For;
      // An element of a followed container: it comes from the member.
      if (const MemberFacts *Container = trackedContainer(For->getRangeInit());
          Container && !Container->Map) {
        Origin O;
        O.Kind = OriginKind::Member;
        O.E = For->getRangeInit();
        O.Member = Container->Field;
        O.Reason = {NoFix::ElementOf, Container->Field->getNameAsString()};
        V.Origins.push_back(O);
        return true;
      }
    }
  if (const TypeSourceInfo *TSI = VD->getTypeSourceInfo()) {
    TypeLoc TL = TSI->getTypeLoc();
    if (auto R = TL.getAs<ReferenceTypeLoc>())
      TL = R.getPointeeLoc();
    TL = TL.getUnqualifiedLoc();
    if (!TL.getType()->getContainedDeducedType())
      V.WrittenType = TL;
  }
  if (isa<ParmVarDecl>(VD))
    return true;
  const Expr *Init = VD->getInit();
  if (!Init) {
    Origin O;
    O.Kind = OriginKind::Construction;
    O.Built.DefaultInitialized = true;
    V.Origins.push_back(O);
    return true;
  }
  Origin O = classifyOrigin(Init, Types, Ctx);
  // `T v(a, b)` and `T v{a, b}` initialise in place: rewrite the brackets.
  if (O.Kind == OriginKind::Construction)
    if (const auto *CE = dyn_cast<CXXConstructExpr>(ignoreTransparent(Init)))
      if (VD->getInitStyle() != VarDecl::CInit) {
        if (CE->getParenOrBraceRange().isValid())
          O.Built.Range =
              CharSourceRange::getTokenRange(CE->getParenOrBraceRange());
        else
          O.Built.DefaultInitialized = true;
      }
  V.Origins.push_back(O);
  return true;
}

bool Collector::VisitReturnStmt(ReturnStmt *S) {
  if (LambdaFacts *L = enclosingTrackedLambda(); L && S->getRetValue()) {
    L->Returns.push_back(classifyOrigin(S->getRetValue(), Types, Ctx));
    return true;
  }
  const FunctionDecl *Enclosing = enclosingFunction();
  if (!Enclosing || !S->getRetValue() || InstantiationDepth > 0)
    return true;
  auto *It = Facts.Functions.find(writtenFunction(Enclosing));
  if (It == Facts.Functions.end())
    return true;
  It->second.Returns.push_back(classifyOrigin(S->getRetValue(), Types, Ctx));
  return true;
}

bool Collector::isTrackedVariable(const VarDecl *VD) const {
  if (!VD->isLocalVarDeclOrParm() || isa<DecompositionDecl>(VD))
    return false;
  return Types.isTupleLike(VD->getType());
}

const FunctionDecl *Collector::enclosingFunction() const {
  for (auto It = Stack.rbegin(); It != Stack.rend(); ++It) {
    if (const auto *FD = It->get<FunctionDecl>())
      return FD;
    if (It->get<LambdaExpr>() || It->get<BlockExpr>())
      return nullptr;
  }
  return nullptr;
}

size_t Collector::climbTransparent(size_t I) const {
  while (I > 0) {
    const Expr *Parent = exprAt(I - 1);
    if (!Parent || transparentChild(Parent) != exprAt(I))
      break;
    --I;
  }
  return I;
}

size_t Collector::callOfCallee(size_t I) const {
  const Expr *Callee = exprAt(I);
  while (I > 0) {
    const Expr *Parent = exprAt(I - 1);
    if (!Parent)
      return 0;
    if (const auto *Call = dyn_cast<CallExpr>(Parent))
      return Call->getCallee()->IgnoreParenImpCasts() == Callee ? I - 1 : 0;
    if (!isa<ImplicitCastExpr>(Parent) && !isa<ParenExpr>(Parent))
      return 0;
    --I;
  }
  return 0;
}

void Collector::recordFunctionReference(const Expr *Ref,
                                        const FunctionDecl *FD) {
  if (const auto *Op = dyn_cast<CXXMethodDecl>(FD))
    if (auto *Lambda = Facts.Lambdas.find(Op); Lambda != Facts.Lambdas.end()) {
      if (size_t Call = callOfCallee(Stack.size() - 1))
        Lambda->second.CallUses.push_back(classifyUse(Call));
      else
        setProblem(Lambda->second, Ref->getExprLoc(),
                   NoFix::LambdaOperatorReferred);
      return;
    }
  if (auto *Taker = Facts.Parameters.find(writtenFunction(FD));
      Taker != Facts.Parameters.end())
    recordTakerReference(Ref, Taker->second);
  auto *It = Facts.Functions.find(writtenFunction(FD));
  if (It == Facts.Functions.end())
    return;
  const size_t Top = Stack.size() - 1;
  if (size_t Call = callOfCallee(Top)) {
    It->second.CallUses.push_back(classifyUse(Call));
    return;
  }
  Use U;
  U.Value = Ref;
  U.Loc = Ref->getExprLoc();
  U.InInstantiation = InstantiationDepth > 0;
  U.Reason = {NoFix::FunctionReferred, FD->getNameAsString()};
  It->second.OtherReferences.push_back(U);
}

MemberFacts *Collector::trackedMember(const ValueDecl *D) {
  const auto *FD = dyn_cast_or_null<FieldDecl>(D);
  if (!FD)
    return nullptr;
  auto *It = Facts.Members.find(cast<FieldDecl>(FD->getCanonicalDecl()));
  return It == Facts.Members.end() ? nullptr : &It->second;
}

void Collector::recordMemberReference(const MemberExpr *E, MemberFacts &M) {
  if (M.Container) {
    M.Uses.push_back(classifyContainerUse(Stack.size() - 1, M));
    return;
  }
  Use U = classifyUse(Stack.size() - 1);
  if (U.Kind == UseKind::StoreMember && U.Member == M.Field)
    return; // `last_ = last_`
  if (U.Kind == UseKind::Reassigned) {
    M.Origins.push_back(classifyOrigin(U.Access, Types, Ctx));
    const FunctionDecl *Where = nullptr;
    for (size_t I = Stack.size(); I-- > 0 && !Where;)
      Where = Stack[I].get<FunctionDecl>();
    M.OriginFunctions.push_back(Where);
  }
  M.Uses.push_back(U);
}

void Collector::recordTakerReference(const Expr *Ref, ParameterFacts &Taker) {
  const size_t Top = Stack.size() - 1;
  const size_t CallIndex = callOfCallee(Top);
  const auto *Call =
      CallIndex ? dyn_cast<CallExpr>(exprAt(CallIndex)) : nullptr;
  if (!Call || isa<CXXOperatorCallExpr>(Call)) {
    Use U;
    U.Value = Ref;
    U.Loc = Ref->getExprLoc();
    U.InInstantiation = InstantiationDepth > 0;
    U.Reason = {NoFix::FunctionReferred, Taker.Function->getNameAsString()};
    Taker.OtherReferences.push_back(U);
    return;
  }
  ParameterFacts::Call C;
  C.Loc = Call->getExprLoc();
  C.InInstantiation = InstantiationDepth > 0;
  for (size_t I = Stack.size(); I-- > 0;)
    if (const auto *FD = Stack[I].get<FunctionDecl>()) {
      C.Caller = FD;
      break;
    }
  C.Arguments.resize(Call->getNumArgs());
  for (unsigned I = 0; I < Call->getNumArgs(); ++I)
    if (Types.isTupleLike(Call->getArg(I)->getType()))
      C.Arguments[I] = classifyOrigin(Call->getArg(I), Types, Ctx);
  Taker.Calls.push_back(std::move(C));
}

void Collector::recordVariableReference(const DeclRefExpr *Ref,
                                        const VarDecl *VD) {
  if (!isTrackedVariable(VD))
    return;
  VariableFacts &V = Facts.Variables[VD];
  V.Var = VD;
  Use U = classifyUse(Stack.size() - 1);
  U.ThroughCapture = Ref->refersToEnclosingVariableOrCapture();
  if (U.Kind == UseKind::AssignVariable && U.Var == VD)
    return; // `v = v`
  if (U.Kind == UseKind::Reassigned)
    V.Origins.push_back(classifyOrigin(U.Access, Types, Ctx));
  V.Uses.push_back(U);
}

void Collector::recordOtherAccess(const Expr *Access) {
  const Expr *Object = nullptr;
  if (const auto *ME = dyn_cast<MemberExpr>(Access)) {
    if (!Types.pairElementIndex(dyn_cast<FieldDecl>(ME->getMemberDecl())))
      return;
    Object = ME->getBase();
  } else if (const auto *CE = dyn_cast<CallExpr>(Access)) {
    if (CE->getNumArgs() != 1)
      return;
    Object = CE->getArg(0);
  }
  const Expr *Inner = ignoreTransparent(Object);
  if (const auto *DRE = dyn_cast<DeclRefExpr>(Inner))
    if (const auto *VD = dyn_cast<VarDecl>(DRE->getDecl()))
      if (isTrackedVariable(VD))
        return; // recorded as a use of the variable
  if (const auto *CE = dyn_cast<CallExpr>(Inner))
    if (Facts.Functions.contains(writtenFunction(CE->getDirectCallee())))
      return; // recorded as a use of the call
  Use U;
  U.Value = Object;
  U.Access = Access;
  U.Loc = Access->getExprLoc();
  U.InInstantiation = InstantiationDepth > 0;
  if (!elementAccess(Access, Object, U))
    return;
  setReceiver(U, receiverName(Stack.size() - 1));
  recordPlace(U);
  Facts.OtherAccesses.push_back(U);
}

bool Collector::elementAccess(const Expr *Access, const Expr *Object,
                              Use &U) const {
  // A class derived from std::pair reaches `first` through a cast to its
  // base: those members are the class's own.
  if (const auto *Cast = dyn_cast<ImplicitCastExpr>(Object->IgnoreParens()))
    if (Cast->getCastKind() == CK_DerivedToBase ||
        Cast->getCastKind() == CK_UncheckedDerivedToBase)
      return false;
  if (const auto *ME = dyn_cast<MemberExpr>(Access)) {
    auto Index =
        Types.pairElementIndex(dyn_cast<FieldDecl>(ME->getMemberDecl()));
    if (!Index || ME->getBase() != Object)
      return false;
    QualType ObjectType = Object->getType();
    if (ME->isArrow())
      ObjectType = ObjectType->getPointeeType();
    if (!Types.isTupleLike(ObjectType))
      return false; // a class derived from std::pair
    U.Kind = UseKind::ElementMember;
    U.Index = *Index;
    U.Access = ME;
    return true;
  }
  const auto *CE = dyn_cast<CallExpr>(Access);
  if (!CE || !isStdFunction(CE->getDirectCallee(), "get") ||
      CE->getNumArgs() != 1 || CE->getArg(0) != Object)
    return false;
  const auto Shape = Types.shape(Object->getType());
  const TemplateArgumentList *Args =
      CE->getDirectCallee()->getTemplateSpecializationArgs();
  if (!Shape || !Args || Args->size() == 0)
    return false;
  const TemplateArgument &First = Args->get(0);
  if (First.getKind() == TemplateArgument::Integral) {
    U.Index = First.getAsIntegral().getZExtValue();
  } else if (First.getKind() == TemplateArgument::Type) {
    // std::get<T>: the element of that type, which the standard requires
    // to be unique.
    std::optional<unsigned> Found;
    for (unsigned I = 0; I < Shape->Elements.size(); ++I)
      if (Ctx.hasSameType(Shape->Elements[I], First.getAsType()))
        Found = I;
    if (!Found)
      return false;
    U.Index = *Found;
    U.ByType = true;
  } else {
    return false;
  }
  U.Kind = UseKind::ElementGet;
  U.Access = CE;
  return true;
}

} // namespace clang::tidy::structify::uses
