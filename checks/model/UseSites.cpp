//===--- UseSites.cpp - every use of a tuple value in a translation unit --===//

#include "model/UseSites.h"
#include "compat/Compat.h"
#include "model/TypeSpelling.h"
#include "model/UseCollector.h"
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
  return CE->getNumArgs() == 1 &&
         CE->getConstructor()->isCopyOrMoveConstructor();
}

static bool isStdMoveOrForward(const CallExpr *CE) {
  const auto *FD = CE->getDirectCallee();
  return CE->getNumArgs() == 1 &&
         (isStdFunction(FD, "move") || isStdFunction(FD, "forward"));
}

const Expr *transparentChild(const Expr *E) {
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

/// A call's value: a `make_pair`-like construction or a function's result;
/// else nothing (a call of an overloaded operator).
static std::optional<Origin> callOrigin(const CallExpr *CE, Origin O) {
  const FunctionDecl *Callee = CE->getDirectCallee();
  if (isMakeFunction(Callee))
    return built(CE, CE->arguments());
  if (Callee &&
      (!isa<CXXOperatorCallExpr>(CE) || isLambdaCallOperator(Callee))) {
    O.Kind = OriginKind::Call;
    O.Callee = writtenFunction(Callee);
    return O;
  }
  // `std::make_pair(lo, hi)` with dependent arguments, in a template.
  if (const auto *ULE = dyn_cast<UnresolvedLookupExpr>(
          CE->getCallee()->IgnoreParenImpCasts()))
    if (llvm::any_of(ULE->decls(), [](const NamedDecl *D) {
          return isMakeFunction(D->getAsFunction());
        }))
      return built(CE, CE->arguments());
  return std::nullopt;
}

static Origin constructedOrigin(const CXXConstructExpr *CE, Origin O,
                                const TupleLikeTypes &Types, ASTContext &Ctx) {
  if (CE->getNumArgs() != 1 || !Types.isTupleLike(CE->getArg(0)->getType()))
    return built(CE, CE->arguments());
  // `std::pair<short, bool> f() { return std::make_pair(n, p); }`: a
  // converted construction is still a construction of the elements.
  Origin Converted = classifyOrigin(CE->getArg(0), Types, Ctx);
  if (Converted.Kind == OriginKind::Construction)
    return Converted;
  O.Reason = {
      NoFix::ConvertedFrom,
      spellTypeForMessage(
          CE->getArg(0)->getType().getNonReferenceType().getUnqualifiedType(),
          Ctx)};
  return O;
}

/// `c ? f() : g()`: either branch, when both have the value's own type.
static Origin chosenOrigin(const ConditionalOperator *Choice, Origin O,
                           const TupleLikeTypes &Types, ASTContext &Ctx) {
  const QualType Value = Choice->getType().getNonReferenceType();
  for (const Expr *Branch : {Choice->getTrueExpr(), Choice->getFalseExpr()}) {
    if (!Ctx.hasSameUnqualifiedType(Branch->getType().getNonReferenceType(),
                                    Value)) {
      O.Reason = NoFix::BranchesDiffer;
      O.Branches.clear();
      return O;
    }
    O.Branches.push_back(classifyOrigin(Branch, Types, Ctx));
  }
  O.Kind = OriginKind::Choice;
  return O;
}

Origin classifyOrigin(const Expr *E, const TupleLikeTypes &Types,
                      ASTContext &Ctx) {
  Origin O;
  O.E = E;
  const Expr *Inner = ignoreTransparent(E);
  if (!Inner) {
    O.Reason = NoFix::NoInitialiser;
    return O;
  }
  if (const auto *DRE = dyn_cast<DeclRefExpr>(Inner)) {
    if (const auto *VD = dyn_cast<VarDecl>(DRE->getDecl())) {
      O.Kind = OriginKind::Variable;
      O.Var = VD;
      return O;
    }
  }
  if (const auto *CE = dyn_cast<CallExpr>(Inner))
    if (std::optional<Origin> FromCall = callOrigin(CE, O))
      return std::move(*FromCall);
  if (const auto *UCE = dyn_cast<CXXUnresolvedConstructExpr>(Inner))
    return built(UCE, UCE->arguments());
  if (const auto *PLE = dyn_cast<ParenListExpr>(Inner))
    return built(PLE, const_cast<ParenListExpr *>(PLE)->exprs());
  if (const auto *CE = dyn_cast<CXXConstructExpr>(Inner))
    return constructedOrigin(CE, std::move(O), Types, Ctx);
  if (const auto *FCE = dyn_cast<CXXFunctionalCastExpr>(Inner)) {
    // `std::pair<int, int>{a, b}` spelled as a functional cast of a braced
    // list.
    O = classifyOrigin(FCE->getSubExpr(), Types, Ctx);
    if (O.Kind == OriginKind::Construction)
      O.Built.Range = CharSourceRange::getTokenRange(FCE->getSourceRange());
    return O;
  }
  if (const auto *ILE = dyn_cast<InitListExpr>(Inner))
    return built(ILE, ILE->inits());
  if (const auto *Choice = dyn_cast<ConditionalOperator>(Inner))
    return chosenOrigin(Choice, std::move(O), Types, Ctx);
  if (isa<BinaryConditionalOperator>(Inner)) {
    O.Reason = NoFix::ChosenByConditional;
    return O;
  }
  O.Reason = {NoFix::ComesFrom, expressionForMessage(Inner, Ctx)};
  if (const auto *ME = dyn_cast<MemberExpr>(Inner))
    if (const auto *FD = dyn_cast<FieldDecl>(ME->getMemberDecl());
        FD && Types.isTupleLike(FD->getType())) {
      O.Kind = OriginKind::Member;
      O.Member = FD->getCanonicalDecl();
    }
  return O;
}

ContainerKind containerKind(QualType T) {
  const auto *Spec = dyn_cast_or_null<ClassTemplateSpecializationDecl>(
      T.getCanonicalType()->getAsCXXRecordDecl());
  if (!Spec || !Spec->isInStdNamespace() ||
      !Spec->getDeclName().isIdentifier() ||
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

bool mentionsType(QualType T, QualType Key, unsigned Depth) {
  if (T.isNull() || Depth > 8)
    return Depth > 8;
  T = T.getCanonicalType().getNonReferenceType().getUnqualifiedType();
  if (T == Key.getCanonicalType().getUnqualifiedType())
    return true;
  if (const auto *Pointer = T->getAs<PointerType>())
    return mentionsType(Pointer->getPointeeType(), Key, Depth + 1);
  if (const auto *Spec = dyn_cast_or_null<ClassTemplateSpecializationDecl>(
          T->getAsCXXRecordDecl()))
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
  return !Types.isTupleLike(FD->getType()) &&
         !memberTupleType(FD, Types).isNull();
}

using uses::Collector;

bool isMigratableMember(const FieldDecl *FD, const TupleLikeTypes &Types) {
  const CXXRecordDecl *Class = dyn_cast<CXXRecordDecl>(FD->getParent());
  return Class && !FD->isBitField() && !FD->isTemplated() &&
         FD->getDeclName().isIdentifier() &&
         !FD->getType()->isReferenceType() &&
         !memberTupleType(FD, Types).isNull() && !Class->isUnion() &&
         !Class->isLocalClass() &&
         Class->getTemplateSpecializationKind() == TSK_Undeclared &&
         Class->getDeclName().isIdentifier();
}

bool isTestAssertion(const CallExpr &Call) {
  const FunctionDecl *Callee = Call.getDirectCallee();
  return Callee && llvm::StringRef(Callee->getQualifiedNameAsString())
                       .starts_with("testing::");
}

void Sightings::add(SourceLocation Loc, const SourceManager &SM) {
  if (const auto [At, Inserted] = Added.insert(Loc); !Inserted)
    return;
  Locations.push_back(SM.getExpansionLoc(Loc));
  Files.insert(SM.getFileID(Locations.back()));
  Sorted = false;
}

bool Sightings::addFileOf(const Decl *D, const SourceManager &SM) {
  return D->getLocation().isValid() &&
         Files.insert(SM.getFileID(SM.getExpansionLoc(D->getLocation())))
             .second;
}

bool Sightings::holds(const Decl *D, const SourceManager &SM) {
  const SourceRange Range = D->getSourceRange();
  if (Range.isInvalid())
    return true;
  auto Before = [&SM](SourceLocation A, SourceLocation B) {
    return SM.isBeforeInTranslationUnit(A, B);
  };
  if (!Sorted) {
    llvm::sort(Locations, Before);
    Locations.erase(llvm::unique(Locations), Locations.end());
    Sorted = true;
  }
  const SourceLocation Begin = SM.getExpansionLoc(Range.getBegin());
  if (Files.contains(SM.getFileID(Begin)))
    return true;
  const SourceLocation End = SM.getExpansionRange(Range.getEnd()).getEnd();
  const auto First = llvm::lower_bound(Locations, Begin, Before);
  return First != Locations.end() && !Before(End, *First);
}

TupleFacts
collectTupleFacts(ASTContext &Ctx, const TupleLikeTypes &Types,
                  const llvm::SmallPtrSetImpl<const FunctionDecl *> &Functions,
                  bool VisitInstantiations, const FlowTargets *Targets,
                  Sightings *Within) {
  Collector C(Ctx, Types, Functions, VisitInstantiations, Targets, Within);
  C.TraverseAST(Ctx);
  return C.take();
}

} // namespace clang::tidy::structify
