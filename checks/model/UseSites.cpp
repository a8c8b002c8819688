//===--- UseSites.cpp - every use of a tuple value in a translation unit --===//

#include "model/UseSites.h"
#include "compat/Compat.h"
#include "clang/AST/ASTContext.h"
#include "clang/AST/ASTLambda.h"
#include "clang/AST/DeclCXX.h"
#include "clang/AST/DeclTemplate.h"
#include "clang/AST/ExprCXX.h"
#include "clang/AST/ParentMapContext.h"
#include "clang/AST/RecursiveASTVisitor.h"
#include "clang/Basic/CharInfo.h"
#include "clang/Basic/OperatorKinds.h"
#include "clang/Basic/SourceManager.h"
#include "clang/Lex/Lexer.h"

namespace clang::tidy::structify {

const FunctionDecl *writtenFunction(const FunctionDecl *FD) {
  if (!FD)
    return nullptr;
  if (const FunctionDecl *Pattern = FD->getTemplateInstantiationPattern())
    FD = Pattern;
  return FD->getCanonicalDecl();
}

static bool isCopyOrMove(const CXXConstructExpr *CE) {
  return CE->getNumArgs() == 1 && CE->getConstructor()->isCopyOrMoveConstructor();
}

static bool isStdMoveOrForward(const CallExpr *CE) {
  const auto *FD = CE->getDirectCallee();
  return CE->getNumArgs() == 1 &&
         (isStdFunction(FD, "move") || isStdFunction(FD, "forward"));
}

/// One step of ignoreTransparent: the child that holds the same value.
static const Expr *transparentChild(const Expr *E) {
  if (const auto *ICE = dyn_cast<ImplicitCastExpr>(E))
    return ICE->getSubExpr();
  if (const auto *PE = dyn_cast<ParenExpr>(E))
    return PE->getSubExpr();
  if (const auto *MTE = dyn_cast<MaterializeTemporaryExpr>(E))
    return MTE->getSubExpr();
  if (const auto *BTE = dyn_cast<CXXBindTemporaryExpr>(E))
    return BTE->getSubExpr();
  if (const auto *EWC = dyn_cast<ExprWithCleanups>(E))
    return EWC->getSubExpr();
  if (const auto *CE = dyn_cast<CXXConstructExpr>(E))
    if (isCopyOrMove(CE) && !isa<CXXTemporaryObjectExpr>(CE))
      return CE->getArg(0);
  if (const auto *CE = dyn_cast<CallExpr>(E))
    if (isStdMoveOrForward(CE))
      return CE->getArg(0);
  return nullptr;
}

const ValueDecl *containerDecl(const Expr *E) {
  E = E->IgnoreParenImpCasts();
  if (const auto *DRE = dyn_cast<DeclRefExpr>(E))
    return dyn_cast<VarDecl>(DRE->getDecl());
  if (const auto *ME = dyn_cast<MemberExpr>(E))
    return dyn_cast<FieldDecl>(ME->getMemberDecl());
  return nullptr;
}

const Expr *ignoreTransparent(const Expr *E) {
  while (E)
    if (const Expr *Child = transparentChild(E))
      E = Child;
    else
      break;
  return E;
}

static std::string printed(const Expr *E, ASTContext &Ctx) {
  return Lexer::getSourceText(
             CharSourceRange::getTokenRange(E->getSourceRange()),
             Ctx.getSourceManager(), Ctx.getLangOpts())
      .str();
}

static bool isMakeFunction(const FunctionDecl *FD) {
  return isStdFunction(FD, "make_pair") || isStdFunction(FD, "make_tuple") ||
         isStdFunction(FD, "forward_as_tuple");
}

/// A construction of \p Built from \p Elements, replacing its whole text.
template <typename Range>
static Origin built(const Expr *Built, Range &&Elements) {
  Origin O;
  O.Kind = OriginKind::Construction;
  O.E = Built;
  O.Built.E = Built;
  O.Built.Range = CharSourceRange::getTokenRange(Built->getSourceRange());
  for (const Expr *Element : Elements)
    if (!isa<CXXDefaultArgExpr>(Element))
      O.Built.Elements.push_back(Element);
  return O;
}

Origin classifyOrigin(const Expr *E, const TupleLikeTypes &Types,
                      ASTContext &Ctx) {
  Origin O;
  O.E = E;
  const Expr *Inner = ignoreTransparent(E);
  if (!Inner) {
    O.Reason = "the value has no initialiser structify can see";
    return O;
  }
  if (const auto *DRE = dyn_cast<DeclRefExpr>(Inner)) {
    if (const auto *VD = dyn_cast<VarDecl>(DRE->getDecl())) {
      O.Kind = OriginKind::Variable;
      O.Var = VD;
      return O;
    }
  }
  if (const auto *CE = dyn_cast<CallExpr>(Inner)) {
    const FunctionDecl *Callee = CE->getDirectCallee();
    if (isMakeFunction(Callee))
      return built(CE, CE->arguments());
    if (Callee && (!isa<CXXOperatorCallExpr>(CE) || isLambdaCallOperator(Callee))) {
      O.Kind = OriginKind::Call;
      O.Callee = writtenFunction(Callee);
      return O;
    }
    // `std::make_pair(lo, hi)` with dependent arguments, in a template.
    if (const auto *ULE =
            dyn_cast<UnresolvedLookupExpr>(CE->getCallee()->IgnoreParenImpCasts()))
      if (llvm::any_of(ULE->decls(), [](const NamedDecl *D) {
            return isMakeFunction(D->getAsFunction());
          }))
        return built(CE, CE->arguments());
  }
  if (const auto *UCE = dyn_cast<CXXUnresolvedConstructExpr>(Inner))
    return built(UCE, UCE->arguments());
  if (const auto *PLE = dyn_cast<ParenListExpr>(Inner))
    return built(PLE, const_cast<ParenListExpr *>(PLE)->exprs());
  if (const auto *CE = dyn_cast<CXXConstructExpr>(Inner)) {
    if (CE->getNumArgs() == 1 && Types.isTupleLike(CE->getArg(0)->getType())) {
      // `std::pair<short, bool> f() { return std::make_pair(n, p); }`: a
      // converted construction is still a construction of the elements.
      Origin Converted = classifyOrigin(CE->getArg(0), Types, Ctx);
      if (Converted.Kind == OriginKind::Construction)
        return Converted;
      O.Reason = "the value is converted from '" +
                 CE->getArg(0)->getType().getCanonicalType().getAsString(
                     Ctx.getPrintingPolicy()) +
                 "'";
      return O;
    }
    return built(CE, CE->arguments());
  }
  if (const auto *FCE = dyn_cast<CXXFunctionalCastExpr>(Inner)) {
    // `std::pair<int, int>{a, b}` spelled as a functional cast of a braced list.
    O = classifyOrigin(FCE->getSubExpr(), Types, Ctx);
    if (O.Kind == OriginKind::Construction)
      O.Built.Range = CharSourceRange::getTokenRange(FCE->getSourceRange());
    return O;
  }
  if (const auto *ILE = dyn_cast<InitListExpr>(Inner))
    return built(ILE, ILE->inits());
  if (const auto *Choice = dyn_cast<ConditionalOperator>(Inner)) {
    // `c ? f() : g()`: either branch, when both have the value's own type.
    const QualType Value = Choice->getType().getNonReferenceType();
    for (const Expr *Branch : {Choice->getTrueExpr(), Choice->getFalseExpr()}) {
      if (!Ctx.hasSameUnqualifiedType(Branch->getType().getNonReferenceType(), Value)) {
        O.Reason = "the value is chosen by a conditional expression whose branches "
                   "differ in type";
        O.Branches.clear();
        return O;
      }
      O.Branches.push_back(classifyOrigin(Branch, Types, Ctx));
    }
    O.Kind = OriginKind::Choice;
    return O;
  }
  if (isa<BinaryConditionalOperator>(Inner)) {
    O.Reason = "the value is chosen by a conditional expression";
    return O;
  }
  O.Reason = "the value comes from '" + printed(Inner, Ctx) + "'";
  if (const auto *ME = dyn_cast<MemberExpr>(Inner))
    if (const auto *FD = dyn_cast<FieldDecl>(ME->getMemberDecl());
        FD && Types.isTupleLike(FD->getType())) {
      O.Kind = OriginKind::Member;
      O.Member = FD->getCanonicalDecl();
    }
  return O;
}

namespace {
/// The standard containers structify follows: ordered ones keyed by a tuple,
/// sequences of tuples.
enum class ContainerKind { None, Map, Set, Sequence };
} // namespace

static ContainerKind containerKind(QualType T) {
  const auto *Spec = dyn_cast_or_null<ClassTemplateSpecializationDecl>(
      T.getCanonicalType()->getAsCXXRecordDecl());
  if (!Spec || !Spec->isInStdNamespace() || !Spec->getDeclName().isIdentifier() ||
      Spec->getTemplateArgs().size() == 0)
    return ContainerKind::None;
  const llvm::StringRef Name = Spec->getName();
  if (Name == "map" || Name == "multimap")
    return ContainerKind::Map;
  if (Name == "set" || Name == "multiset")
    return ContainerKind::Set;
  if (Name == "vector" || Name == "deque" || Name == "list")
    return ContainerKind::Sequence;
  return ContainerKind::None;
}

QualType containerElementType(QualType T) {
  if (containerKind(T) == ContainerKind::None)
    return {};
  const TemplateArgument &Key = cast<ClassTemplateSpecializationDecl>(
                                    T.getCanonicalType()->getAsCXXRecordDecl())
                                    ->getTemplateArgs()[0];
  return Key.getKind() == TemplateArgument::Type ? Key.getAsType() : QualType();
}

/// Does \p T hold or refer to a \p Key (an iterator over keys, a pair with
/// one)?
static bool mentionsType(QualType T, QualType Key, unsigned Depth = 0) {
  if (T.isNull() || Depth > 8)
    return Depth > 8;
  T = T.getCanonicalType().getNonReferenceType().getUnqualifiedType();
  if (T == Key.getCanonicalType().getUnqualifiedType())
    return true;
  if (const auto *Pointer = T->getAs<PointerType>())
    return mentionsType(Pointer->getPointeeType(), Key, Depth + 1);
  if (const auto *Spec =
          dyn_cast_or_null<ClassTemplateSpecializationDecl>(T->getAsCXXRecordDecl()))
    for (const TemplateArgument &Arg : Spec->getTemplateArgs().asArray())
      if (Arg.getKind() == TemplateArgument::Type &&
          mentionsType(Arg.getAsType(), Key, Depth + 1))
        return true;
  return false;
}

QualType memberTupleType(const FieldDecl *FD, const TupleLikeTypes &Types) {
  const QualType T = FD->getType();
  if (Types.isTupleLike(T))
    return T;
  const QualType Key = containerElementType(T);
  return !Key.isNull() && Types.isTupleLike(Key) ? Key : QualType();
}

bool isKeyedContainer(const FieldDecl *FD, const TupleLikeTypes &Types) {
  return !Types.isTupleLike(FD->getType()) && !memberTupleType(FD, Types).isNull();
}

namespace {

using Base = RecursiveASTVisitor<class Collector>;

class Collector : public RecursiveASTVisitor<Collector> {
public:
  Collector(ASTContext &Ctx, const TupleLikeTypes &Types,
            const llvm::SmallPtrSetImpl<const FunctionDecl *> &Functions,
            bool VisitInstantiations, const FlowTargets *Targets)
      : Ctx(Ctx), SM(Ctx.getSourceManager()), Types(Types),
        VisitInstantiations(VisitInstantiations) {
    for (const FunctionDecl *FD : Functions)
      Facts.Functions[FD].Function = FD;
    if (!Targets)
      return;
    for (const FunctionDecl *FD : Targets->Takers)
      Facts.Parameters[FD].Function = FD;
    // Registered before the walk: a member function defined in the class
    // can use a member declared below it.
    for (const FieldDecl *FD : Targets->Members) {
      Facts.Members[FD].Field = FD;
      Facts.Members[FD].Container = isKeyedContainer(FD, Types);
      Facts.Members[FD].Sequence =
          containerKind(FD->getType()) == ContainerKind::Sequence;
      Facts.Members[FD].Map = containerKind(FD->getType()) == ContainerKind::Map;
    }
  }

  TupleFacts take() { return std::move(Facts); }

  bool shouldVisitTemplateInstantiations() const { return VisitInstantiations; }
  bool shouldVisitImplicitCode() const { return false; }

  bool TraverseDecl(Decl *D) {
    if (!D)
      return true;
    if (!isa<TranslationUnitDecl>(D) && D->getLocation().isValid() &&
        SM.isInSystemHeader(SM.getExpansionLoc(D->getLocation())))
      return true;
    const bool Instantiation = isInstantiation(D);
    InstantiationDepth += Instantiation;
    Stack.push_back(DynTypedNode::create(*D));
    const bool Result = Base::TraverseDecl(D);
    Stack.pop_back();
    InstantiationDepth -= Instantiation;
    return Result;
  }

  // Traverse recursively (not through RecursiveASTVisitor's queue) so that
  // the stack holds every ancestor of the node being visited.
  bool TraverseStmt(Stmt *S, DataRecursionQueue * = nullptr) {
    if (!S)
      return true;
    Stack.push_back(DynTypedNode::create(*S));
    const bool Result = Base::TraverseStmt(S);
    Stack.pop_back();
    return Result;
  }

  bool TraverseTypeLoc(TypeLoc TL, bool TraverseQualifier = true) {
    if (TL.isNull())
      return true;
    Stack.push_back(DynTypedNode::create(TL));
    const bool Result = compat::traverseTypeLoc(static_cast<Base &>(*this), TL, TraverseQualifier);
    Stack.pop_back();
    return Result;
  }

  bool VisitDeclRefExpr(DeclRefExpr *E) {
    if (const auto *FD = dyn_cast<FunctionDecl>(E->getDecl()))
      recordFunctionReference(E, FD);
    else if (const auto *VD = dyn_cast<VarDecl>(E->getDecl())) {
      if (auto Closure = ClosureVariables.find(VD); Closure != ClosureVariables.end())
        recordClosureReference(E, Closure->second);
      recordVariableReference(E, VD);
    }
    else if (MemberFacts *M = trackedMember(E->getDecl())) {
      Use U;
      U.Value = E;
      U.Loc = E->getExprLoc();
      U.Reason = "a pointer to member '" + M->Field->getNameAsString() + "' is taken";
      M->Uses.push_back(U);
    }
    return true;
  }

  bool VisitMemberExpr(MemberExpr *E) {
    if (const auto *FD = dyn_cast<FunctionDecl>(E->getMemberDecl()))
      recordFunctionReference(E, FD);
    else if (MemberFacts *M = trackedMember(E->getMemberDecl()))
      recordMemberReference(E, *M);
    else
      recordOtherAccess(E);
    return true;
  }

  bool VisitFieldDecl(FieldDecl *FD) {
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
      if (Other != FD && Other->getTypeSpecStartLoc() == FD->getTypeSpecStartLoc())
        M.Problem = "'" + FD->getNameAsString() + "' is declared with another member, "
                    "which would change type too";
    if (Class->hasDefinition() && Class->isAggregate())
      M.Problem = "'" + Class->getNameAsString() +
                  "' is an aggregate, whose braced initialisations structify does not follow";
    for (const FunctionDecl *Method : Class->methods())
      if (Method->isDefaulted() && Method->isOverloadedOperator() &&
          (Method->getOverloadedOperator() == OO_EqualEqual ||
           Method->getOverloadedOperator() == OO_Spaceship))
        M.Problem = "'" + Class->getNameAsString() + "' compares its members with a "
                    "defaulted operator";
    for (const FriendDecl *Friend : Class->friends())
      if (const auto *Fn = dyn_cast_or_null<FunctionDecl>(Friend->getFriendDecl()))
        if (Fn->isDefaulted())
          M.Problem = "'" + Class->getNameAsString() + "' compares its members with a "
                      "defaulted operator";
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

  /// `std::map<std::pair<int, int>, int> seen_;`: the key as written, and
  /// no value of its own to follow.
  bool visitContainer(const FieldDecl *FD, MemberFacts &M) {
    const std::string Name = FD->getNameAsString();
    if (const TypeSourceInfo *TSI = FD->getTypeSourceInfo()) {
      const auto Written = compat::withoutElaboration(TSI->getTypeLoc().getUnqualifiedLoc())
                               .getAs<TemplateSpecializationTypeLoc>();
      // `std::map<K, V>`, `std::set<K>`: no comparator or allocator of K.
      const unsigned Arguments = containerKind(FD->getType()) == ContainerKind::Map ? 2 : 1;
      if (Written && Written.getNumArgs() == Arguments) {
        if (const TypeSourceInfo *Key = Written.getArgLoc(0).getTypeSourceInfo())
          M.WrittenType = Key->getTypeLoc().getUnqualifiedLoc();
      } else if (Written) {
        M.Problem = "'" + Name + "' names its comparator or allocator, which would "
                    "change with its key";
      }
    }
    if (FD->hasInClassInitializer())
      M.Problem = "'" + Name + "' has an initialiser, whose keys structify does not follow";
    return true;
  }

  bool VisitCXXConstructorDecl(CXXConstructorDecl *Ctor) {
    if (Facts.Members.empty() || isInstantiation(Ctor))
      return true;
    for (const CXXCtorInitializer *Init : Ctor->inits()) {
      MemberFacts *M = Init->isMemberInitializer() && Init->isWritten()
                           ? trackedMember(Init->getMember())
                           : nullptr;
      if (!M)
        continue;
      if (M->Container) {
        M->Problem = "'" + M->Field->getNameAsString() +
                     "' is initialised by a constructor, whose keys structify does not "
                     "follow";
        continue;
      }
      Origin O = classifyOrigin(Init->getInit(), Types, Ctx);
      // `last_(a, b)`: the parentheses become braces.
      if (O.Kind == OriginKind::Construction)
        if (const auto *CE = dyn_cast<CXXConstructExpr>(ignoreTransparent(Init->getInit()));
            CE && CE->getParenOrBraceRange().isValid())
          O.Built.Range = CharSourceRange::getTokenRange(CE->getParenOrBraceRange());
      M->Origins.push_back(O);
      M->OriginFunctions.push_back(Ctor);
    }
    return true;
  }

  bool VisitCallExpr(CallExpr *E) {
    if (isStdFunction(E->getDirectCallee(), "get"))
      recordOtherAccess(E);
    else if (const auto *Member = dyn_cast<CXXMemberCallExpr>(E))
      recordFill(Member);
    else if (const auto *Op = dyn_cast<CXXOperatorCallExpr>(E);
             Op && Op->getOperator() == OO_Equal && Op->getNumArgs() == 2)
      recordMapAssignment(Op->getArg(0), Op->getArg(1));
    return true;
  }

  bool VisitBinaryOperator(BinaryOperator *E) {
    if (E->getOpcode() == BO_Assign)
      recordMapAssignment(E->getLHS(), E->getRHS());
    return true;
  }

  bool VisitOverloadExpr(OverloadExpr *E) {
    for (const NamedDecl *D : E->decls()) {
      const auto *FD = D->getAsFunction();
      if (!FD)
        continue;
      Use U;
      U.Value = E;
      U.Loc = E->getExprLoc();
      U.Reason = "'" + FD->getNameAsString() +
                 "' is called with dependent arguments in template code";
      // Both its result and its parameters are unknown there.
      if (auto *Taker = Facts.Parameters.find(writtenFunction(FD));
          Taker != Facts.Parameters.end())
        Taker->second.OtherReferences.push_back(U);
      if (auto *It = Facts.Functions.find(writtenFunction(FD)); It != Facts.Functions.end())
        It->second.OtherReferences.push_back(U);
    }
    return true;
  }

  bool VisitVarDecl(VarDecl *VD) {
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
          O.Reason = "the value is an element of '" + Container->Field->getNameAsString() + "'";
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
            O.Built.Range = CharSourceRange::getTokenRange(CE->getParenOrBraceRange());
          else
            O.Built.DefaultInitialized = true;
        }
    V.Origins.push_back(O);
    return true;
  }

  bool VisitReturnStmt(ReturnStmt *S) {
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

private:
  static bool isInstantiation(const Decl *D) {
    if (const auto *FD = dyn_cast<FunctionDecl>(D))
      return FD->isTemplateInstantiation();
    if (const auto *Spec = dyn_cast<ClassTemplateSpecializationDecl>(D))
      return Spec->getSpecializationKind() != TSK_ExplicitSpecialization;
    return false;
  }

  bool isTrackedVariable(const VarDecl *VD) const {
    if (!VD->isLocalVarDeclOrParm() || isa<DecompositionDecl>(VD))
      return false;
    return Types.isTupleLike(VD->getType());
  }

  /// The call operator of the innermost lambda around the node being
  /// visited, when no named function is nearer, or null.
  const CXXMethodDecl *enclosingLambda() const {
    for (auto It = Stack.rbegin(); It != Stack.rend(); ++It) {
      if (It->get<FunctionDecl>() || It->get<BlockExpr>())
        return nullptr;
      if (const auto *L = It->get<LambdaExpr>())
        return L->getCallOperator();
    }
    return nullptr;
  }

  LambdaFacts *enclosingTrackedLambda() {
    const CXXMethodDecl *Op = enclosingLambda();
    auto *It = Op ? Facts.Lambdas.find(Op) : Facts.Lambdas.end();
    return It == Facts.Lambdas.end() ? nullptr : &It->second;
  }

public:
  /// A lambda that returns a tuple-like value: its calls are followed when
  /// it is called at once or kept in a local variable that is only called.
  bool VisitLambdaExpr(LambdaExpr *L) {
    LambdaFacts *Tracked = trackLambda(L);
    if (!Tracked)
      return true;
    LambdaFacts &F = *Tracked;
    const size_t I = climbTransparent(Stack.size() - 1);
    const DynTypedNode *Parent = I > 0 ? &Stack[I - 1] : nullptr;
    const Expr *E = exprAt(I);
    if (const auto *VD = Parent ? Parent->get<VarDecl>() : nullptr;
        VD && VD->isLocalVarDecl() && !VD->getType()->isReferenceType() && VD->getInit() &&
        VD->getInit()->IgnoreImplicit() == E->IgnoreImplicit())
      ClosureVariables[VD] = L->getCallOperator();
    else if (!(Parent && isCalledObject(*Parent, E)))
      setProblem(F, L->getBeginLoc(), "the value is returned from a lambda that is passed on, "
                                      "where structify cannot follow its calls");
    return true;
  }

  /// `[&] { ... }()`: the lambda is known before its call operator is
  /// seen, as the callee.
  bool VisitCXXOperatorCallExpr(CXXOperatorCallExpr *Call) {
    if (Call->getOperator() == OO_Call && Call->getNumArgs() > 0)
      if (const auto *L = dyn_cast_or_null<LambdaExpr>(ignoreTransparent(Call->getArg(0))))
        trackLambda(L);
    return true;
  }

private:
  /// The facts of \p L when it returns a tuple-like value, made on first
  /// sight; null for other lambdas.
  LambdaFacts *trackLambda(const LambdaExpr *L) {
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
      setProblem(F, L->getBeginLoc(),
                 "the value is returned from a lambda that names its result type");
    else if (L->isGenericLambda())
      setProblem(F, L->getBeginLoc(), "the value is returned from a generic lambda");
    return &F;
  }

  /// The first reason \p F's calls cannot all be followed is the one told.
  static void setProblem(LambdaFacts &F, SourceLocation Loc, std::string Reason) {
    if (!F.Problem.empty())
      return;
    F.Problem = std::move(Reason);
    F.ProblemLoc = Loc;
  }

  /// Is \p Parent the call `E(...)`?
  static bool isCalledObject(const DynTypedNode &Parent, const Expr *E) {
    const auto *Call = Parent.get<CXXOperatorCallExpr>();
    return Call && Call->getOperator() == OO_Call && Call->getNumArgs() > 0 &&
           Call->getArg(0) == E;
  }

  /// A reference to the variable that holds a followed lambda: fine when it
  /// is called.
  void recordClosureReference(const DeclRefExpr *Ref, const CXXMethodDecl *Op) {
    LambdaFacts &F = Facts.Lambdas[Op];
    const size_t I = climbTransparent(Stack.size() - 1);
    if (I > 0 && isCalledObject(Stack[I - 1], exprAt(I)))
      return;
    setProblem(F, Ref->getExprLoc(),
               "the value is returned from lambda '" + Ref->getDecl()->getNameAsString() +
                   "', which is used other than by calling it");
  }

  const FunctionDecl *enclosingFunction() const {
    for (auto It = Stack.rbegin(); It != Stack.rend(); ++It) {
      if (const auto *FD = It->get<FunctionDecl>())
        return FD;
      if (It->get<LambdaExpr>() || It->get<BlockExpr>())
        return nullptr;
    }
    return nullptr;
  }

  const Expr *exprAt(size_t I) const { return Stack[I].get<Expr>(); }

  /// The index of the outermost ancestor of Stack[I] that holds the same value.
  size_t climbTransparent(size_t I) const {
    while (I > 0) {
      const Expr *Parent = exprAt(I - 1);
      if (!Parent || transparentChild(Parent) != exprAt(I))
        break;
      --I;
    }
    return I;
  }

  /// `f(...)`: is the reference at Stack[I] the callee of a call? Returns the
  /// index of the call, or 0.
  size_t callOfCallee(size_t I) const {
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

  void recordFunctionReference(const Expr *Ref, const FunctionDecl *FD) {
    if (const auto *Op = dyn_cast<CXXMethodDecl>(FD))
      if (auto *Lambda = Facts.Lambdas.find(Op); Lambda != Facts.Lambdas.end()) {
        if (size_t Call = callOfCallee(Stack.size() - 1))
          Lambda->second.CallUses.push_back(classifyUse(Call));
        else
          setProblem(Lambda->second, Ref->getExprLoc(),
                     "the value is returned from a lambda whose call operator is referred to");
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
    U.Reason = "'" + FD->getNameAsString() +
               "' is referred to without being called (its address is taken)";
    It->second.OtherReferences.push_back(U);
  }

  MemberFacts *trackedMember(const ValueDecl *D) {
    const auto *FD = dyn_cast_or_null<FieldDecl>(D);
    if (!FD)
      return nullptr;
    auto *It = Facts.Members.find(cast<FieldDecl>(FD->getCanonicalDecl()));
    return It == Facts.Members.end() ? nullptr : &It->second;
  }

  void recordMemberReference(const MemberExpr *E, MemberFacts &M) {
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

  /// A call of a function that takes a tuple-like parameter: where each
  /// such argument comes from.
  void recordTakerReference(const Expr *Ref, ParameterFacts &Taker) {
    const size_t Top = Stack.size() - 1;
    const size_t CallIndex = callOfCallee(Top);
    const auto *Call = CallIndex ? dyn_cast<CallExpr>(exprAt(CallIndex)) : nullptr;
    if (!Call || isa<CXXOperatorCallExpr>(Call)) {
      Use U;
      U.Value = Ref;
      U.Loc = Ref->getExprLoc();
      U.InInstantiation = InstantiationDepth > 0;
      U.Reason = "'" + Taker.Function->getNameAsString() +
                 "' is referred to without being called (its address is taken)";
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

  void recordVariableReference(const DeclRefExpr *Ref, const VarDecl *VD) {
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

  /// Element reads of values that are not tracked: recorded for
  /// structify-index-access.
  void recordOtherAccess(const Expr *Access) {
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

  void addFill(const ValueDecl *Container, const Expr *At,
               llvm::ArrayRef<const Expr *> Stored) {
    Fill F;
    F.Loc = At->getExprLoc();
    for (const Expr *Element : Stored)
      F.Names.push_back(nameOf(ignoreTransparent(Element)).Name);
    if (llvm::all_of(F.Names, [](const std::string &N) { return N.empty(); }))
      return;
    Facts.Fills[cast<ValueDecl>(Container->getCanonicalDecl())].push_back(std::move(F));
  }

  /// `c.push_back(std::make_pair(a, b))`, `c.insert({a, b})`,
  /// `c.emplace_back(a, b)`, `m.try_emplace(k, v)`.
  void recordFill(const CXXMemberCallExpr *Call) {
    const CXXMethodDecl *Method = Call->getMethodDecl();
    const ValueDecl *Container =
        Method ? containerDecl(Call->getImplicitObjectArgument()) : nullptr;
    if (!Container || !Method->getDeclName().isIdentifier() ||
        SM.isInSystemHeader(SM.getExpansionLoc(Call->getExprLoc())))
      return;
    const llvm::StringRef Name = Method->getName();
    const auto Args = llvm::ArrayRef(Call->getArgs(), Call->getNumArgs());
    if (llvm::is_contained({"push_back", "push_front", "push", "insert"}, Name) &&
        Args.size() == 1) {
      const Origin O = classifyOrigin(Args[0], Types, Ctx);
      if (O.Kind == OriginKind::Construction && !O.Built.Elements.empty())
        addFill(Container, Call, O.Built.Elements);
      return;
    }
    if (llvm::is_contained({"emplace_back", "emplace_front", "emplace", "try_emplace"},
                           Name) &&
        Args.size() >= 2 && !isa<CXXDefaultArgExpr>(Args.back()))
      addFill(Container, Call, Args);
  }

  /// `m[key] = value` on a map.
  void recordMapAssignment(const Expr *LHS, const Expr *RHS) {
    const auto *Subscript = dyn_cast<CXXOperatorCallExpr>(LHS->IgnoreParenImpCasts());
    if (!Subscript || Subscript->getOperator() != OO_Subscript ||
        Subscript->getNumArgs() != 2)
      return;
    const ValueDecl *Container = containerDecl(Subscript->getArg(0));
    const auto *Record = Subscript->getArg(0)->getType()->getAsCXXRecordDecl();
    if (!Container || !Record || !Record->getDeclName().isIdentifier() ||
        !Record->getName().contains("map") ||
        SM.isInSystemHeader(SM.getExpansionLoc(Subscript->getExprLoc())))
      return;
    addFill(Container, Subscript, {Subscript->getArg(1), RHS});
  }

  /// Fills Kind, Index and Access when \p Access reads an element of the
  /// tuple value \p Object.
  bool elementAccess(const Expr *Access, const Expr *Object, Use &U) const {
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

  /// Does \p P's name say what it takes? Not a reserved name
  /// (`std::to_string(int __val)`): the standard library's say nothing.
  static bool isTellingParameter(const ParmVarDecl *P) {
    if (!P->getDeclName().isIdentifier())
      return false;
    const llvm::StringRef Name = P->getName();
    const bool Reserved =
        Name.starts_with("__") || (Name.size() > 1 && Name[0] == '_' && isUppercase(Name[1]));
    return !Name.empty() && !Reserved;
  }

  /// The name a getter or setter gives its value: `port()`, `get_port()`,
  /// `getPort()`, `set_port(v)`, `setPort(v)` -> `port`.
  static std::string accessorName(const FunctionDecl *Method, bool Setter) {
    if (!Method || !Method->getDeclName().isIdentifier())
      return {};
    llvm::StringRef Name = Method->getName();
    for (llvm::StringRef Prefix : {"set_", "get_", "set", "get"}) {
      if ((Prefix.starts_with("set") != Setter) || !Name.starts_with(Prefix) ||
          Name.size() == Prefix.size())
        continue;
      llvm::StringRef Rest = Name.drop_front(Prefix.size());
      if (!Prefix.ends_with("_") && !isUppercase(Rest.front()))
        continue; // `settle`, `getaway`
      std::string Word = Rest.str();
      if (!Prefix.ends_with("_"))
        Word[0] = toLowercase(Word[0]);
      return Word;
    }
    // A getter without a prefix: a const member without parameters whose
    // name says what it returns, not how (`data`, `begin`, `c_str`).
    static const char *const Generic[] = {
        "get",   "data",  "begin", "end",  "cbegin", "cend", "rbegin", "rend",
        "c_str", "str",   "empty", "front", "back",  "top",  "release", "lock",
        "clone", "copy",  "next",  "prev"};
    const auto *Const = dyn_cast<CXXMethodDecl>(Method);
    if (Setter || !Const || !Const->isConst() || Method->getNumParams() != 0 ||
        llvm::is_contained(Generic, Name))
      return {};
    return Name.str();
  }

  struct Receiver {
    std::string Name;
    ReceiverKind Kind = ReceiverKind::None;
    const VarDecl *Declared = nullptr;
  };

  /// What an expression is called: a variable, a member, a getter call.
  static Receiver nameOf(const Expr *Target) {
    Target = Target->IgnoreParenImpCasts();
    if (const auto *DRE = dyn_cast<DeclRefExpr>(Target))
      if (DRE->getDecl()->getDeclName().isIdentifier())
        return {DRE->getDecl()->getName().str(), ReceiverKind::Variable};
    if (const auto *ME = dyn_cast<MemberExpr>(Target))
      if (ME->getMemberDecl()->getDeclName().isIdentifier())
        return {ME->getMemberDecl()->getName().str(), ReceiverKind::Variable};
    if (const auto *Call = dyn_cast<CXXMemberCallExpr>(Target))
      if (Call->getNumArgs() == 0)
        return {accessorName(Call->getMethodDecl(), /*Setter=*/false),
                ReceiverKind::Accessor};
    return {};
  }

  /// Is the token at Loc written in a macro's definition rather than in the
  /// code (directly or as a macro argument)? A name a macro writes
  /// (`auto const y_ = y;` in a test macro, the `lhs` of the helper it calls)
  /// says nothing about what an element of the user's value is.
  bool writtenByMacro(SourceLocation Loc) const {
    while (Loc.isMacroID()) {
      if (!SM.isMacroArgExpansion(Loc))
        return true;
      Loc = SM.getImmediateSpellingLoc(Loc);
    }
    return false;
  }

  /// nameOf, when the name is the code's own rather than a macro's.
  Receiver nameInCode(const Expr *Target) const {
    return writtenByMacro(Target->IgnoreParenImpCasts()->getExprLoc()) ? Receiver()
                                                                        : nameOf(Target);
  }

  /// What names the value of the expression at Stack[I]: what receives it
  /// (`int count = <e>;`, `total = <e>;`, `set_total(<e>)`, `draw(<e>)`),
  /// what it is compared with for equality, the getter that returns it.
  Receiver receiverName(size_t I) const {
    I = climbTransparent(I);
    // `draw(int(r.first))`, `static_cast<long>(r.second)`: a conversion the
    // code spells out still passes the element on.
    while (I > 0) {
      const auto *Cast = dyn_cast_or_null<ExplicitCastExpr>(exprAt(I - 1));
      if (!Cast || Cast->getSubExpr()->IgnoreParenImpCasts() !=
                       exprAt(I)->IgnoreParenImpCasts())
        break;
      I = climbTransparent(I - 1);
    }
    if (I == 0)
      return {};
    const Expr *E = exprAt(I);
    const DynTypedNode &Parent = Stack[I - 1];
    if (const auto *VD = Parent.get<VarDecl>())
      if (VD->getInit() && VD->getInit()->IgnoreImplicit() == E->IgnoreImplicit())
        return writtenByMacro(VD->getLocation())
                   ? Receiver()
                   : Receiver{VD->getName().str(), ReceiverKind::Variable, VD};
    // `x = <e>` names the element x; `<e> = x` (an element write) too;
    // `<e> == x` names it x.
    auto Other = [&](const Expr *LHS, const Expr *RHS, bool Compared) {
      Receiver Named = nameInCode(RHS == E ? LHS : RHS);
      if (Compared && !Named.Name.empty())
        Named.Kind = ReceiverKind::Compared;
      return Named;
    };
    if (const auto *BO = Parent.get<BinaryOperator>()) {
      if (BO->getOpcode() == BO_Assign || BO->isEqualityOp())
        return Other(BO->getLHS(), BO->getRHS(), BO->isEqualityOp());
      // `std::get<0>(ret) += payload`: the element adds up payloads.
      if (BO->isCompoundAssignmentOp() && BO->getLHS() == E)
        return nameInCode(BO->getRHS());
      return {};
    }
    if (const auto *OC = Parent.get<CXXOperatorCallExpr>()) {
      const OverloadedOperatorKind Op = OC->getOperator();
      if (OC->getNumArgs() == 2 &&
          (Op == OO_Equal || Op == OO_EqualEqual || Op == OO_ExclaimEqual))
        return Other(OC->getArg(0), OC->getArg(1), Op != OO_Equal);
      return {};
    }
    if (const auto *Call = Parent.get<CallExpr>()) {
      if (writtenByMacro(Call->getExprLoc()))
        return {};
      const FunctionDecl *Callee = Call->getDirectCallee();
      if (const auto *Member = dyn_cast<CXXMemberCallExpr>(Call))
        if (Call->getNumArgs() == 1 && Call->getArg(0) == E) {
          std::string Set = accessorName(Member->getMethodDecl(), /*Setter=*/true);
          if (!Set.empty())
            return {Set, ReceiverKind::Accessor};
        }
      for (unsigned Arg = 0; Callee && Arg < Call->getNumArgs(); ++Arg)
        if (Call->getArg(Arg) == E && Arg < Callee->getNumParams() &&
            isTellingParameter(Callee->getParamDecl(Arg)))
          return {Callee->getParamDecl(Arg)->getName().str(), ReceiverKind::Parameter};
      return {};
    }
    if (const auto *Construct = Parent.get<CXXConstructExpr>()) {
      if (writtenByMacro(Construct->getLocation()))
        return {};
      const CXXConstructorDecl *Ctor = Construct->getConstructor();
      for (unsigned Arg = 0; Arg < Construct->getNumArgs(); ++Arg)
        if (Construct->getArg(Arg) == E && Arg < Ctor->getNumParams() &&
            !Ctor->isCopyOrMoveConstructor() && isTellingParameter(Ctor->getParamDecl(Arg)))
          return {Ctor->getParamDecl(Arg)->getName().str(), ReceiverKind::Parameter};
      return {};
    }
    if (Parent.get<ReturnStmt>())
      if (const FunctionDecl *Getter = enclosingFunction())
        if (Getter->getNumParams() == 0 && !isa<CXXConversionDecl>(Getter))
          return {accessorName(Getter, /*Setter=*/false), ReceiverKind::Returned};
    return {};
  }

  static bool isComparison(OverloadedOperatorKind Op) {
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

  /// Is the statement-level parent at Stack[I] one that ignores the value of
  /// its child (a full-expression statement)?
  bool isFullStatement(size_t I) const {
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

  /// What the code does with the tuple value of the expression at Stack[I].
  static void setReceiver(Use &U, Receiver R) {
    U.ReceiverName = std::move(R.Name);
    U.Receiver = R.Kind;
    U.ReceiverVar = R.Declared;
  }

  /// The innermost function on the stack, and the statements below it.
  void recordPlace(Use &U) const {
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

  /// The conditional expression at Stack[I - 1] has the value at Stack[I]
  /// as a branch, and the value's type: returns the other branch, or null.
  const Expr *otherBranch(size_t I) const {
    if (I == 0)
      return nullptr;
    const auto *Choice = dyn_cast_or_null<ConditionalOperator>(exprAt(I - 1));
    const Expr *E = exprAt(I);
    if (!Choice || !Ctx.hasSameUnqualifiedType(Choice->getType().getNonReferenceType(),
                                               E->getType().getNonReferenceType()))
      return nullptr;
    if (Choice->getTrueExpr() == E)
      return Choice->getFalseExpr();
    if (Choice->getFalseExpr() == E)
      return Choice->getTrueExpr();
    return nullptr;
  }

  Use classifyUse(size_t ValueIndex) {
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
    const Expr *E = exprAt(I);
    auto Escape = [&](std::string Reason) {
      U.Kind = UseKind::Escape;
      U.Reason = std::move(Reason);
      return U;
    };
    if (I == 0)
      return Escape("the value is used where structify cannot see it");
    const DynTypedNode &Parent = Stack[I - 1];

    if (const auto *ME = Parent.get<MemberExpr>()) {
      if (elementAccess(ME, E, U)) {
        setReceiver(U, receiverName(I - 1));
        recordPlace(U);
        return U;
      }
      return Escape("the value's member '" + ME->getMemberNameInfo().getAsString() +
                    "' is used");
    }
    if (const auto *OC = Parent.get<CXXOperatorCallExpr>()) {
      const OverloadedOperatorKind Op = OC->getOperator();
      const std::string Spelling = getOperatorSpelling(Op);
      if (Op == OO_Equal && OC->getNumArgs() == 2 && OC->getArg(1) == E)
        return classifyAssignment(OC, I - 1, U);
      if (Op == OO_Equal && OC->getNumArgs() == 2 && OC->getArg(0) == E &&
          (isa<DeclRefExpr>(E->IgnoreParenImpCasts()) ||
           isTrackedMemberExpr(E->IgnoreParenImpCasts()))) {
        U.Kind = UseKind::Reassigned;
        U.Access = OC->getArg(1);
        return U;
      }
      if (isComparison(Op) && OC->getNumArgs() == 2)
        return compared(U, Spelling, OC->getArg(OC->getArg(0) == E ? 1 : 0));
      if (Op == OO_Subscript && OC->getNumArgs() == 2 && OC->getArg(1) == E &&
          keyOfTrackedContainer(OC->getArg(0), E, U)) {
        recordPlace(U);
        return U;
      }
      // `seen[value]`, `hash(value)`: say what takes it.
      if (Op == OO_Subscript && OC->getNumArgs() == 2 && OC->getArg(1) == E)
        return Escape("the value is a key or index of '" + printed(OC->getArg(0), Ctx) +
                      "'");
      if (Op == OO_Call && OC->getNumArgs() > 1 && OC->getArg(0) != E)
        return Escape("the value is passed to '" + printed(OC->getArg(0), Ctx) + "'");
      return Escape("the value is an operand of '" + Spelling + "'");
    }
    if (const auto *Rewritten = Parent.get<CXXRewrittenBinaryOperator>())
      return compared(U, Rewritten->getOpcodeStr().str(),
                      Rewritten->getLHS()->IgnoreImplicit() == E->IgnoreImplicit()
                          ? Rewritten->getRHS()
                          : Rewritten->getLHS());
    if (const auto *Call = Parent.get<CallExpr>()) {
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
      if (Callee && Callee->getDeclName().isIdentifier()) {
        U.Reason = "the value is passed to '" + Callee->getNameAsString() + "'";
        if (std::optional<unsigned> Parameter = takerParameter(Call, E)) {
          U.Kind = UseKind::Argument;
          U.ArgumentOf = writtenFunction(Callee);
          U.Parameter = *Parameter;
          recordPlace(U);
          return U;
        }
        return Escape(U.Reason);
      }
      return Escape("the value is passed to a function");
    }
    if (const auto *Ctor = Parent.get<CXXConstructorDecl>())
      for (const CXXCtorInitializer *Init : Ctor->inits())
        if (Init->getInit() == E && Init->isMemberInitializer()) {
          if (isTrackedMemberExpr(nullptr, Init->getMember())) {
            U.Kind = UseKind::StoreMember;
            U.Member = cast<FieldDecl>(Init->getMember()->getCanonicalDecl());
            return U;
          }
          return Escape("the value initialises member '" +
                        Init->getMember()->getNameAsString() + "'");
        }
    if (const auto *Construct = Parent.get<CXXConstructExpr>())
      return Escape("the value is converted to '" +
                    Construct->getType().getAsString(Ctx.getPrintingPolicy()) +
                    "'");
    if (const auto *DD = Parent.get<DecompositionDecl>()) {
      U.Kind = UseKind::StructuredBinding;
      U.Binding = DD;
      return U;
    }
    if (const auto *VD = Parent.get<VarDecl>()) {
      if (VD->getInit() && VD->getInit()->IgnoreImplicit() == E->IgnoreImplicit()) {
        U.Kind = UseKind::InitVariable;
        U.Var = VD;
        return U;
      }
      return Escape("the value is used in the declaration of '" +
                    VD->getNameAsString() + "'");
    }
    if (Parent.get<ReturnStmt>()) {
      U.Kind = UseKind::Return;
      U.ReturnOf = enclosingFunction();
      if (!U.ReturnOf)
        U.ReturnOfLambda = enclosingLambda();
      return U;
    }
    if (const auto *Cast = Parent.get<ExplicitCastExpr>()) {
      if (Cast->getType()->isVoidType()) {
        U.Kind = UseKind::Discarded;
        return U;
      }
      return Escape("the value is cast to '" +
                    Cast->getType().getAsString(Ctx.getPrintingPolicy()) + "'");
    }
    if (const auto *BO = Parent.get<BinaryOperator>()) {
      if (BO->getOpcode() == BO_Comma && BO->getLHS() == E) {
        U.Kind = UseKind::Discarded;
        return U;
      }
      return Escape("the value is an operand of '" + BO->getOpcodeStr().str() + "'");
    }
    if (const auto *UO = Parent.get<UnaryOperator>())
      return Escape(UO->getOpcode() == UO_AddrOf
                        ? std::string("the value's address is taken")
                        : "the value is an operand of '" +
                              UnaryOperator::getOpcodeStr(UO->getOpcode()).str() +
                              "'");
    if (Parent.get<ConditionalOperator>() || Parent.get<BinaryConditionalOperator>())
      return Escape("the value is used in a conditional expression");
    if (Parent.get<InitListExpr>())
      return Escape("the value initialises an element of a braced list");
    if (const auto *Lambda = Parent.get<LambdaExpr>()) {
      U.Kind = UseKind::Captured;
      U.Statement = Lambda;
      return U;
    }
    if (Parent.get<TypeLoc>() || Parent.get<UnaryExprOrTypeTraitExpr>() ||
        Parent.get<CXXTypeidExpr>())
      return Escape("the value's type is used (decltype, sizeof, typeid)");
    if (Parent.get<Stmt>() && !Parent.get<Expr>() && isFullStatement(I)) {
      U.Kind = UseKind::Discarded;
      return U;
    }
    return Escape("the value is used in a way structify cannot rewrite");
  }

  /// The function around the node being visited, or null.
  const FunctionDecl *functionOnStack() const {
    for (size_t I = Stack.size(); I-- > 0;)
      if (const auto *FD = Stack[I].get<FunctionDecl>())
        return FD;
    return nullptr;
  }

  /// The keyed container member \p E names (`seen_`, `other.seen_`) whose
  /// facts are recorded, or null.
  const MemberFacts *trackedContainer(const Expr *E) const {
    const auto *ME = dyn_cast_or_null<MemberExpr>(E ? E->IgnoreParenImpCasts() : nullptr);
    const auto *FD = ME ? dyn_cast<FieldDecl>(ME->getMemberDecl()) : nullptr;
    if (!FD)
      return nullptr;
    const auto *It = Facts.Members.find(cast<FieldDecl>(FD->getCanonicalDecl()));
    return It != Facts.Members.end() && It->second.Container ? &It->second : nullptr;
  }

  /// `seen_[value]`, `seen_.count(value)`: the value \p E is a key of a
  /// keyed container member that changes type with it.
  bool keyOfTrackedContainer(const Expr *Object, const Expr *E, Use &U) const {
    const MemberFacts *Container = trackedContainer(Object);
    if (!Container ||
        !Ctx.hasSameUnqualifiedType(E->getType().getNonReferenceType(),
                                    memberTupleType(Container->Field, Types)))
      return false;
    U.Kind = UseKind::StoreMember;
    U.Member = Container->Field;
    U.Reason = std::string(Container->Sequence ? "the value is an element of '"
                                               : "the value is a key of '") +
               Container->Field->getNameAsString() + "'";
    return true;
  }

  /// What the code does with the keyed container at Stack[I]: looks up,
  /// stores or erases by key (each key an origin of \p M), asks its size.
  /// Anything that could reach a key (iteration, a copy, an iterator that
  /// is read) is an Escape.
  Use classifyContainerUse(size_t I, MemberFacts &M) {
    Use U;
    U.Value = exprAt(I);
    U.Loc = U.Value->getExprLoc();
    U.InInstantiation = InstantiationDepth > 0;
    U.Kind = UseKind::Discarded;
    const std::string Name = M.Field->getNameAsString();
    const QualType Key = memberTupleType(M.Field, Types);
    auto Escape = [&](const std::string &Reason) {
      U.Kind = UseKind::Escape;
      U.Reason = "'" + Name + "' " + Reason + ", where structify cannot follow its " +
                 (M.Sequence ? "elements" : "keys");
      return U;
    };
    I = climbTransparent(I);
    const Expr *E = exprAt(I);
    if (I < 2)
      return Escape("is used outside a function");
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
      if (OC->getOperator() == OO_Subscript && OC->getNumArgs() == 2 && OC->getArg(0) == E &&
          !mentionsType(OC->getType(), Key)) {
        addKey(M, OC->getArg(1));
        return U;
      }
      return Escape("is an operand of '" +
                    std::string(getOperatorSpelling(OC->getOperator())) + "'");
    }
    const auto *Callee = Stack[I - 1].get<MemberExpr>();
    const auto *Call = Callee ? Stack[I - 2].get<CXXMemberCallExpr>() : nullptr;
    const CXXMethodDecl *Method = Call ? Call->getMethodDecl() : nullptr;
    if (!Method || Call->getCallee()->IgnoreParenImpCasts() != Callee ||
        !Method->getDeclName().isIdentifier())
      return Escape("is used as a whole");
    const llvm::StringRef Called = Method->getName();
    const bool Stores =
        M.Sequence ? llvm::is_contained({"push_back", "push_front", "emplace_back",
                                         "emplace_front", "resize"},
                                        Called)
                   : llvm::is_contained({"insert", "emplace", "try_emplace"}, Called);
    const bool Follows =
        M.Sequence ? llvm::is_contained({"size", "empty", "clear", "pop_back", "pop_front",
                                         "reserve", "capacity", "shrink_to_fit"},
                                        Called)
                   : llvm::is_contained({"count", "contains", "erase", "find", "lower_bound",
                                         "upper_bound", "equal_range", "at", "size", "empty",
                                         "clear", "begin", "end", "cbegin", "cend"},
                                        Called);
    if (!Stores && !Follows)
      return Escape("is used through '" + Called.str() + "'");
    // `cells_.resize(n)`: value-initialised elements, as the struct's are.
    if (Called == "resize" && Call->getNumArgs() == 1)
      return U;
    for (unsigned Arg = 0; Arg < Call->getNumArgs(); ++Arg) {
      const Expr *Value = Call->getArg(Arg);
      if (isa<CXXDefaultArgExpr>(Value))
        continue;
      if (Ctx.hasSameUnqualifiedType(Value->getType().getNonReferenceType(), Key))
        addKey(M, Value);
      else if ((Stores && Arg == 0) || mentionsType(Value->getType(), Key))
        return Escape("is given a value through '" + Called.str() + "'");
    }
    const size_t CallIndex = climbTransparent(I - 2);
    if (!mentionsType(Call->getType(), Key) || isFullStatement(CallIndex))
      return U;
    // `seen_.insert(key).second`: whether the key was new.
    if (const auto *Second = CallIndex > 0 ? Stack[CallIndex - 1].get<MemberExpr>() : nullptr;
        Second && Stores &&
        Types.pairElementIndex(dyn_cast<FieldDecl>(Second->getMemberDecl())) == 1u &&
        Second->getType()->isBooleanType())
      return U;
    // `seen_.find(key) != seen_.end()`.
    if (CallIndex > 0 && isIteratorComparison(Stack[CallIndex - 1], exprAt(CallIndex), M))
      return U;
    return Escape("is read through what '" + Called.str() + "' returns");
  }

  /// The index on the stack of `E[i]`, `E.at(i)`, `E.front()` or
  /// `E.back()` over the sequence \p E at Stack[I]: an element; else 0.
  size_t sequenceElementAt(size_t I, const Expr *E) const {
    if (const auto *OC = Stack[I - 1].get<CXXOperatorCallExpr>())
      return OC->getOperator() == OO_Subscript && OC->getArg(0) == E ? I - 1 : 0;
    const auto *Callee = Stack[I - 1].get<MemberExpr>();
    const auto *Call = Callee ? Stack[I - 2].get<CXXMemberCallExpr>() : nullptr;
    const CXXMethodDecl *Method = Call ? Call->getMethodDecl() : nullptr;
    if (!Method || !Method->getDeclName().isIdentifier() ||
        Call->getCallee()->IgnoreParenImpCasts() != Callee)
      return 0;
    return llvm::is_contained({"at", "front", "back"}, Method->getName()) ? I - 2 : 0;
  }

  /// Is \p Parent a `==` or `!=` of \p Operand with another iterator of the
  /// container of \p M?
  bool isIteratorComparison(const DynTypedNode &Parent, const Expr *Operand,
                            const MemberFacts &M) const {
    const Expr *Other = nullptr;
    if (const auto *OC = Parent.get<CXXOperatorCallExpr>();
        OC && OC->getNumArgs() == 2 &&
        (OC->getOperator() == OO_EqualEqual || OC->getOperator() == OO_ExclaimEqual))
      Other = OC->getArg(OC->getArg(0) == Operand ? 1 : 0);
    else if (const auto *Rewritten = Parent.get<CXXRewrittenBinaryOperator>();
             Rewritten && (Rewritten->getOpcode() == BO_EQ || Rewritten->getOpcode() == BO_NE))
      Other = Rewritten->getLHS()->IgnoreImplicit() == Operand->IgnoreImplicit()
                  ? Rewritten->getRHS()
                  : Rewritten->getLHS();
    const auto *OtherCall = dyn_cast_or_null<CXXMemberCallExpr>(ignoreTransparent(Other));
    return OtherCall && trackedContainer(OtherCall->getImplicitObjectArgument()) == &M;
  }

  void addKey(MemberFacts &M, const Expr *Key) {
    M.Origins.push_back(classifyOrigin(Key, Types, Ctx));
    M.OriginFunctions.push_back(functionOnStack());
  }

  /// The parameter \p Arg initialises when \p Call calls a function whose
  /// calls are recorded (ParameterFacts) and the parameter has the
  /// argument's type (by value or by reference).
  std::optional<unsigned> takerParameter(const CallExpr *Call, const Expr *Arg) const {
    const FunctionDecl *Callee = Call->getDirectCallee();
    if (!Callee || isa<CXXOperatorCallExpr>(Call) ||
        !Facts.Parameters.contains(writtenFunction(Callee)))
      return std::nullopt;
    for (unsigned I = 0; I < Call->getNumArgs() && I < Callee->getNumParams(); ++I)
      if (Call->getArg(I) == Arg &&
          Ctx.hasSameUnqualifiedType(
              Callee->getParamDecl(I)->getType().getNonReferenceType(),
              Arg->getType().getNonReferenceType()))
        return I;
    return std::nullopt;
  }

  /// `value == other`: what the struct needs to compare the same way.
  Use compared(Use U, std::string Operator, const Expr *Other) {
    U.Kind = UseKind::Compared;
    U.Reason = "the value is compared with '" + Operator + "'";
    U.Operator = std::move(Operator);
    U.ComparedWith = classifyOrigin(Other, Types, Ctx);
    recordPlace(U);
    return U;
  }

  /// `<lhs> = <value>`, with the value at Stack[OperatorIndex + 1].
  Use classifyAssignment(const CXXOperatorCallExpr *OC, size_t OperatorIndex,
                         Use U) {
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
          U.Reason = "the value is assigned through 'std::tie' inside an "
                     "expression whose value is used";
          return U;
        }
        U.Kind = UseKind::TieAssign;
        U.Tie = Tie;
        U.Statement = Stack[Statement].get<Stmt>();
        return U;
      }
    U.Kind = UseKind::Escape;
    U.Reason = "the value is assigned to '" + printed(OC->getArg(0), Ctx) + "'";
    return U;
  }

  /// Is \p E (or \p Field) a data member whose facts are recorded?
  bool isTrackedMemberExpr(const Expr *E, const ValueDecl *Field = nullptr) const {
    if (const auto *ME = dyn_cast_or_null<MemberExpr>(E))
      Field = ME->getMemberDecl();
    const auto *FD = dyn_cast_or_null<FieldDecl>(Field);
    return FD && Facts.Members.contains(cast<FieldDecl>(FD->getCanonicalDecl()));
  }

  ASTContext &Ctx;
  const SourceManager &SM;
  const TupleLikeTypes &Types;
  const bool VisitInstantiations;
  TupleFacts Facts;
  /// The local variables that hold a followed lambda.
  llvm::DenseMap<const VarDecl *, const CXXMethodDecl *> ClosureVariables;
  llvm::SmallVector<DynTypedNode, 64> Stack;
  unsigned InstantiationDepth = 0;
};

} // namespace

bool isMigratableMember(const FieldDecl *FD, const TupleLikeTypes &Types) {
  const CXXRecordDecl *Class = dyn_cast<CXXRecordDecl>(FD->getParent());
  return Class && !FD->isBitField() && !FD->isTemplated() &&
         FD->getDeclName().isIdentifier() && !FD->getType()->isReferenceType() &&
         !memberTupleType(FD, Types).isNull() && !Class->isUnion() && !Class->isLocalClass() &&
         Class->getTemplateSpecializationKind() == TSK_Undeclared &&
         Class->getDeclName().isIdentifier();
}

TupleFacts collectTupleFacts(ASTContext &Ctx, const TupleLikeTypes &Types,
                             const llvm::SmallPtrSetImpl<const FunctionDecl *> &Functions,
                             bool VisitInstantiations, const FlowTargets *Targets) {
  Collector C(Ctx, Types, Functions, VisitInstantiations, Targets);
  C.TraverseAST(Ctx);
  return C.take();
}

} // namespace clang::tidy::structify
