//===--- ElementBinding.cpp - a binding declared next to the reads --------===//

#include "model/indexaccess/ElementBinding.h"
#include "clang-tidy/utils/FixItHintUtils.h"
#include "model/Edits.h"
#include "model/Mutation.h"
#include "model/TypeSpelling.h"
#include "clang/AST/ASTContext.h"
#include "clang/AST/DeclCXX.h"
#include "clang/AST/ExprCXX.h"
#include "clang/AST/RecursiveASTVisitor.h"
#include "clang/AST/StmtCXX.h"
#include "clang/Analysis/Analyses/ExprMutationAnalyzer.h"
#include "clang/Basic/SourceManager.h"
#include "clang/Lex/Lexer.h"
#include "clang/Tooling/Transformer/SourceCode.h"
#include "llvm/ADT/SmallPtrSet.h"
#include "llvm/ADT/StringExtras.h"

namespace clang::tidy::structify {

const Expr *accessedObject(const Use &Read) {
  if (const auto *ME = dyn_cast<MemberExpr>(Read.Access))
    return ME->getBase();
  return cast<CallExpr>(Read.Access)->getArg(0);
}

bool readsThroughPointer(const Use &Read) {
  const auto *ME = dyn_cast<MemberExpr>(Read.Access);
  return ME && ME->isArrow();
}

namespace {

/// What the object expression depends on.
struct Roots {
  llvm::SmallPtrSet<const VarDecl *, 4> Vars;
  llvm::SmallPtrSet<const FieldDecl *, 4> Fields;
  /// Something picks the object at run time: an index, a pointer, an
  /// iterator, a container's front(). Then nothing it depends on may
  /// change between the binding and the reads.
  bool Selected = false;
  /// What makes the expression give another object, or another value, each
  /// time it is evaluated (a call); null when there is none.
  const Expr *Unstable = nullptr;
};

bool isStdSelector(const CXXMethodDecl *Method) {
  if (!Method || !Method->getParent()->isInStdNamespace())
    return false;
  if (Method->isOverloadedOperator())
    return llvm::is_contained({OO_Subscript, OO_Star, OO_Arrow},
                              Method->getOverloadedOperator());
  return Method->getDeclName().isIdentifier() &&
         llvm::is_contained({llvm::StringRef("front"), llvm::StringRef("back"),
                             llvm::StringRef("top"), llvm::StringRef("at"),
                             llvm::StringRef("get")},
                            Method->getName());
}

/// A call that picks an object without changing anything: a standard
/// container's or iterator's selector, a const `*` or `->` (an iterator's),
/// or a const member returning a reference.
bool isSelector(const CXXMethodDecl *Method) {
  if (isStdSelector(Method))
    return true;
  if (!Method || !Method->isConst())
    return false;
  return Method->getReturnType()->isReferenceType() ||
         Method->getOverloadedOperator() == OO_Arrow;
}

void walk(const Expr *E, Roots &R) {
  if (R.Unstable)
    return;
  E = E->IgnoreParenImpCasts();
  if (const auto *DRE = dyn_cast<DeclRefExpr>(E)) {
    if (const auto *VD = dyn_cast<VarDecl>(DRE->getDecl()))
      R.Vars.insert(VD);
    else if (!isa<EnumConstantDecl>(DRE->getDecl()) &&
             !isa<NonTypeTemplateParmDecl>(DRE->getDecl()))
      R.Unstable = E;
    return;
  }
  if (isa<CXXThisExpr>(E) || isa<IntegerLiteral>(E) || isa<CharacterLiteral>(E))
    return;
  if (const auto *ME = dyn_cast<MemberExpr>(E)) {
    const auto *Field = dyn_cast<FieldDecl>(ME->getMemberDecl());
    if (!Field) {
      R.Unstable = E;
      return;
    }
    const Expr *Base = ME->getBase()->IgnoreParenImpCasts();
    if (isa<CXXThisExpr>(Base))
      R.Fields.insert(Field);
    else if (ME->isArrow())
      R.Selected = true;
    walk(Base, R);
    return;
  }
  if (const auto *Subscript = dyn_cast<ArraySubscriptExpr>(E)) {
    R.Selected = true;
    walk(Subscript->getBase(), R);
    walk(Subscript->getIdx(), R);
    return;
  }
  if (const auto *UO = dyn_cast<UnaryOperator>(E);
      UO && UO->getOpcode() == UO_Deref) {
    R.Selected = true;
    walk(UO->getSubExpr(), R);
    return;
  }
  // Casts of an index (`v[static_cast<size_t>(i)]`) compute nothing that
  // changes; `std::get<1>(t)` is a member by another name.
  if (const auto *Cast = dyn_cast<ExplicitCastExpr>(E)) {
    walk(Cast->getSubExpr(), R);
    return;
  }
  if (const auto *Call = dyn_cast<CallExpr>(E);
      Call && Call->getNumArgs() == 1 && Call->getDirectCallee() &&
      Call->getDirectCallee()->isInStdNamespace() &&
      Call->getDirectCallee()->getDeclName().isIdentifier() &&
      Call->getDirectCallee()->getName() == "get") {
    walk(Call->getArg(0), R);
    return;
  }
  if (const auto *Call = dyn_cast<CXXOperatorCallExpr>(E)) {
    if (!isSelector(dyn_cast_or_null<CXXMethodDecl>(Call->getDirectCallee()))) {
      R.Unstable = E;
      return;
    }
    R.Selected = true;
    for (const Expr *Arg : Call->arguments())
      walk(Arg, R);
    return;
  }
  if (const auto *Call = dyn_cast<CXXMemberCallExpr>(E)) {
    if (!isSelector(Call->getMethodDecl())) {
      R.Unstable = E;
      return;
    }
    R.Selected = true;
    walk(Call->getImplicitObjectArgument(), R);
    for (const Expr *Arg : Call->arguments())
      walk(Arg, R);
    return;
  }
  R.Unstable = E;
}

/// Is \p Child, a child of \p Parent, evaluated whenever \p Parent is?
bool isEvaluatedWithParent(const Stmt *Parent, const Stmt *Child) {
  if (const auto *CO = dyn_cast<AbstractConditionalOperator>(Parent))
    return Child == CO->getCond();
  if (const auto *BO = dyn_cast<BinaryOperator>(Parent))
    return !BO->isLogicalOp() || Child == BO->getLHS();
  if (isa<LambdaExpr>(Parent) || isa<CompoundStmt>(Parent) ||
      isa<StmtExpr>(Parent) || isa<CXXTryStmt>(Parent))
    return false;
  if (const auto *If = dyn_cast<IfStmt>(Parent))
    return Child == If->getCond() || Child == If->getInit() ||
           Child == If->getConditionVariableDeclStmt();
  if (const auto *While = dyn_cast<WhileStmt>(Parent))
    return Child == While->getCond() ||
           Child == While->getConditionVariableDeclStmt();
  if (const auto *For = dyn_cast<ForStmt>(Parent))
    return Child == For->getInit() || Child == For->getCond() ||
           Child == For->getConditionVariableDeclStmt();
  if (const auto *Switch = dyn_cast<SwitchStmt>(Parent))
    return Child == Switch->getCond() || Child == Switch->getInit() ||
           Child == Switch->getConditionVariableDeclStmt();
  if (const auto *Range = dyn_cast<CXXForRangeStmt>(Parent))
    return Child == Range->getRangeInit() || Child == Range->getInit() ||
           Child == Range->getRangeStmt();
  if (isa<DoStmt>(Parent) || isa<SwitchCase>(Parent) || isa<LabelStmt>(Parent))
    return false;
  return isa<Expr>(Parent) || isa<DeclStmt>(Parent) ||
         isa<ReturnStmt>(Parent) || isa<AttributedStmt>(Parent);
}

/// Does anything in \p Scope (but the reads' own objects) change what the
/// object expression depends on?
class MutationFinder : public RecursiveASTVisitor<MutationFinder> {
public:
  MutationFinder(const Roots &R,
                 const llvm::SmallPtrSetImpl<const Stmt *> &Skip,
                 const Stmt &Scope, ASTContext &Ctx)
      : R(R), Skip(Skip), Analyzer(Scope, Ctx) {}

  const Stmt *Found = nullptr;

  bool TraverseStmt(Stmt *S, DataRecursionQueue * = nullptr) {
    if (!S || Found || Skip.contains(S))
      return true;
    return RecursiveASTVisitor::TraverseStmt(S);
  }
  bool VisitDeclRefExpr(DeclRefExpr *E) {
    if (const auto *VD = dyn_cast<VarDecl>(E->getDecl()))
      if (R.Vars.contains(VD) && Analyzer.isMutated(E))
        Found = E;
    return true;
  }
  bool VisitMemberExpr(MemberExpr *E) {
    const auto *Field = dyn_cast<FieldDecl>(E->getMemberDecl());
    if (Field && R.Fields.contains(Field) &&
        isa<CXXThisExpr>(E->getBase()->IgnoreParenImpCasts()) &&
        Analyzer.isMutated(E))
      Found = E;
    if (isa<CXXThisExpr>(E->getBase()->IgnoreParenImpCasts()))
      ThisUsed.insert(E->getBase()->IgnoreParenImpCasts());
    return true;
  }
  bool VisitCXXMemberCallExpr(CXXMemberCallExpr *Call) {
    // A non-const member of the same object may change its members.
    const Expr *Object = Call->getImplicitObjectArgument();
    if (!Object || !isa<CXXThisExpr>(Object->IgnoreParenImpCasts()))
      return true;
    ThisUsed.insert(Object->IgnoreParenImpCasts());
    if (!R.Fields.empty() && Call->getMethodDecl() &&
        !Call->getMethodDecl()->isConst())
      Found = Call;
    return true;
  }
  bool VisitCXXThisExpr(CXXThisExpr *E) {
    AllThis.push_back(E);
    return true;
  }

  /// `this` handed to anything else.
  const Stmt *escapingThis() const {
    if (R.Fields.empty())
      return nullptr;
    for (const CXXThisExpr *E : AllThis)
      if (!ThisUsed.contains(E))
        return E;
    return nullptr;
  }

private:
  const Roots &R;
  const llvm::SmallPtrSetImpl<const Stmt *> &Skip;
  ExprMutationAnalyzer Analyzer;
  llvm::SmallPtrSet<const Expr *, 8> ThisUsed;
  std::vector<const CXXThisExpr *> AllThis;
};

class GotoFinder : public RecursiveASTVisitor<GotoFinder> {
public:
  bool Found = false;
  bool VisitGotoStmt(GotoStmt *) { return !(Found = true); }
  bool VisitIndirectGotoStmt(IndirectGotoStmt *) { return !(Found = true); }
};

std::string spelled(const Expr *E, const ASTContext &Ctx) {
  const std::optional<CharSourceRange> Range = tooling::getFileRangeForEdit(
      CharSourceRange::getTokenRange(E->getSourceRange()),
      Ctx.getSourceManager(), Ctx.getLangOpts());
  return Range ? tooling::getText(*Range, Ctx).str() : std::string();
}

} // namespace

namespace {

/// The index on the first read's path of the innermost block that holds
/// every read, not a switch's (a case label must not jump over the
/// declaration), when a binding can go there; else why not.
std::optional<size_t> commonBlock(llvm::ArrayRef<const Use *> Reads,
                                  const Use &First, const LangOptions &Lang,
                                  Blocker &WhyNot) {
  size_t Common = First.Path.size();
  for (const Use *Read : Reads) {
    size_t I = 0;
    while (I < Common && I < Read->Path.size() &&
           Read->Path[I] == First.Path[I])
      ++I;
    Common = I;
  }
  std::optional<size_t> Block;
  for (size_t I = Common; I-- > 0;)
    if (isa<CompoundStmt>(First.Path[I]) &&
        (I == 0 || !isa<SwitchStmt>(First.Path[I - 1]))) {
      Block = I;
      break;
    }
  if (!Block || *Block + 1 >= First.Path.size()) {
    WhyNot = {First.Loc, NoFix::NoCommonBlock};
    return std::nullopt;
  }
  for (const Use *Read : Reads)
    for (size_t I = *Block + 1; I < Read->Path.size(); ++I)
      if (isa<LambdaExpr>(Read->Path[I]) || isa<BlockExpr>(Read->Path[I])) {
        // From C++20 on a lambda can capture the binding, but its capture
        // list would have to name it.
        WhyNot = {Read->Loc, Lang.CPlusPlus20 ? NoFix::ReadInLambdaCaptures
                                              : NoFix::ReadInLambda};
        return std::nullopt;
      }
  GotoFinder Gotos;
  Gotos.TraverseStmt(const_cast<Stmt *>(First.Path.front()));
  if (Gotos.Found) {
    WhyNot = {First.Loc, NoFix::Goto};
    return std::nullopt;
  }
  return Block;
}

/// The object is picked at run time: the binding must pick it where the
/// first read did, and nothing may change the choice afterwards. Returns
/// why it cannot, or nothing.
std::optional<Blocker> whySelectionMoves(llvm::ArrayRef<const Use *> Reads,
                                         const Use &First, size_t Block,
                                         const Roots &R, ASTContext &Ctx) {
  const Expr *Object = accessedObject(First);
  if (!isEvaluatedWhenever(First.Path, Block + 1))
    return Blocker{
        First.Loc,
        {NoFix::ConditionalFirstRead, expressionForMessage(Object, Ctx)}};
  const Stmt *Scope = First.Path[Block];
  llvm::SmallPtrSet<const Stmt *, 8> Objects;
  for (const Use *Read : Reads)
    Objects.insert(accessedObject(*Read));
  MutationFinder Mutations(R, Objects, *Scope, Ctx);
  Mutations.TraverseStmt(const_cast<Stmt *>(Scope));
  const Stmt *Changed =
      Mutations.Found ? Mutations.Found : Mutations.escapingThis();
  if (Changed)
    return Blocker{Changed->getBeginLoc(),
                   {NoFix::ObjectMayChange, expressionForMessage(Object, Ctx)}};
  return std::nullopt;
}

/// A newline and the indentation of the statement at \p Loc when it starts
/// its line; else a space.
std::string separatorBefore(SourceLocation Loc, const SourceManager &SM) {
  const auto [File, Offset] = SM.getDecomposedLoc(Loc);
  const llvm::StringRef Buffer = SM.getBufferData(File);
  const size_t LineStart = Buffer.rfind('\n', Offset == 0 ? 0 : Offset - 1);
  const llvm::StringRef Before = Buffer.slice(
      LineStart == llvm::StringRef::npos ? 0 : LineStart + 1, Offset);
  return Before.trim().empty() ? "\n" + Before.str() : " ";
}

/// The object may be another one, or have another value, at each read (a
/// call makes it, or a variable that is not local picks it): why, or
/// nothing.
std::optional<Blocker> whyUnstable(const Roots &R,
                                   llvm::ArrayRef<const Use *> Reads,
                                   const Use &First, const ASTContext &Ctx) {
  if (R.Unstable) {
    const auto *Call = dyn_cast<CallExpr>(R.Unstable);
    if (Call && Reads.size() == 1 && Call->getDirectCallee() &&
        Call->getDirectCallee()->getDeclName().isIdentifier())
      return Blocker{
          First.Loc,
          {NoFix::MadeByCall, Call->getDirectCallee()->getName().str()}};
    return Blocker{
        R.Unstable->getExprLoc(),
        {NoFix::UnstableObject, expressionForMessage(R.Unstable, Ctx)}};
  }
  for (const VarDecl *VD : R.Vars)
    if (R.Selected && !VD->isLocalVarDeclOrParm())
      return Blocker{First.Loc, {NoFix::NotLocal, VD->getNameAsString()}};
  return std::nullopt;
}

} // namespace

std::optional<BindingSite> findBindingSite(llvm::ArrayRef<const Use *> Reads,
                                           ASTContext &Ctx, Blocker &WhyNot) {
  const SourceManager &SM = Ctx.getSourceManager();
  auto Fail = [&](SourceLocation Loc,
                  NoFixReason Reason) -> std::optional<BindingSite> {
    WhyNot = {Loc, std::move(Reason)};
    return std::nullopt;
  };
  const Use *First = Reads.front();
  for (const Use *Read : Reads)
    if (SM.isBeforeInTranslationUnit(Read->Loc, First->Loc))
      First = Read;
  const Expr *Object = accessedObject(*First);
  const bool Deref = readsThroughPointer(*First);

  Roots R;
  walk(Object, R);
  R.Selected |= Deref;
  if (std::optional<Blocker> Unstable = whyUnstable(R, Reads, *First, Ctx)) {
    WhyNot = std::move(*Unstable);
    return std::nullopt;
  }
  // `it->first` reads through `it.operator->()`, spelled `it->`: the
  // binding dereferences `it` itself.
  const Expr *Spelled = Object;
  if (const auto *Arrow =
          dyn_cast<CXXOperatorCallExpr>(Object->IgnoreParenImpCasts());
      Deref && Arrow && Arrow->getOperator() == OO_Arrow)
    Spelled = Arrow->getArg(0);
  const std::optional<std::string> ObjectText =
      Deref ? utils::fixit::formatDereference(*Spelled, Ctx)
            : spelled(Spelled, Ctx);
  if (!ObjectText || ObjectText->empty())
    return Fail(First->Loc, NoFix::ObjectInMacro);
  if (!Deref && !Object->isLValue())
    return Fail(First->Loc, NoFix::Temporary);

  const std::optional<size_t> Block =
      commonBlock(Reads, *First, Ctx.getLangOpts(), WhyNot);
  if (!Block)
    return std::nullopt;
  if (R.Selected)
    if (std::optional<Blocker> Moves =
            whySelectionMoves(Reads, *First, *Block, R, Ctx)) {
      WhyNot = std::move(*Moves);
      return std::nullopt;
    }
  const Stmt *Statement = First->Path[*Block + 1];
  const std::optional<CharSourceRange> StatementRange =
      tooling::getFileRangeForEdit(
          CharSourceRange::getTokenRange(Statement->getSourceRange()), SM,
          Ctx.getLangOpts());
  if (!StatementRange)
    return Fail(First->Loc, NoFix::StatementInMacro);
  // `for (auto span = next(0); span.first != npos; ...)`: the binding would
  // go before the declaration of what it names.
  for (const VarDecl *VD : R.Vars)
    if (!SM.isBeforeInTranslationUnit(VD->getLocation(),
                                      StatementRange->getBegin()))
      return Fail(First->Loc,
                  {NoFix::DeclaredByReadingStatement, VD->getNameAsString()});
  BindingSite Site;
  Site.Insert = StatementRange->getBegin();
  Site.Separator = separatorBefore(Site.Insert, SM);
  Site.ObjectText = *ObjectText;
  const QualType ObjectType =
      Deref ? Object->getType()->getPointeeType() : Object->getType();
  Site.Const = ObjectType.isConstQualified();
  Site.Block = First->Path[*Block];
  Site.Selected = R.Selected; // whySelectionMoves found nothing
  if (!R.Selected && R.Fields.empty() && R.Vars.size() == 1)
    Site.Watched = *R.Vars.begin();
  return Site;
}

bool unchanging(const BindingSite &Site, ASTContext &Ctx) {
  if (Site.Selected)
    return true;
  if (!Site.Watched)
    return false;
  if (Site.Watched->getType().getNonReferenceType().isConstQualified())
    return true; // std::pair and std::tuple have no mutable members
  return !Mutation(*Site.Block, Ctx).isMutated(Site.Watched);
}

bool isEvaluatedWhenever(llvm::ArrayRef<const Stmt *> Path, size_t From) {
  for (size_t I = From; I + 1 < Path.size(); ++I)
    if (!isEvaluatedWithParent(Path[I], Path[I + 1]))
      return false;
  return true;
}

std::string bindingDeclaration(const BindingSite &Site,
                               llvm::ArrayRef<std::string> Names) {
  return std::string(Site.Const ? "const auto &[" : "auto &[") +
         llvm::join(Names, ", ") + "] = " + Site.ObjectText + ";" +
         Site.Separator;
}

} // namespace clang::tidy::structify
