//===--- BindingRewriter.cpp - the rewrites of structify-index-access -----===//

#include "model/indexaccess/BindingRewriter.h"
#include "model/Edits.h"
#include "model/Mutation.h"
#include "model/ScopeNames.h"
#include "model/indexaccess/BindingNames.h"
#include "model/indexaccess/ElementBinding.h"
#include "clang/AST/ASTContext.h"
#include "clang/AST/ExprCXX.h"
#include "clang/Basic/SourceManager.h"
#include "clang/Lex/Lexer.h"
#include "clang/Tooling/Transformer/SourceCode.h"
#include "llvm/ADT/StringExtras.h"

namespace clang::tidy::structify {
namespace {

/// Can `auto [a, b] = v;` unpack \p T into \p N names? std::pair and
/// std::tuple can; a type of the user's (TupleTypes) when its data members
/// are exactly the elements, public, in the class itself.
bool canBind(QualType T, size_t N) {
  const auto *Record = T.getNonReferenceType()->getAsCXXRecordDecl();
  if (!Record)
    return false;
  const std::string Name = Record->getQualifiedNameAsString();
  if (Name == "std::pair" || Name == "std::tuple")
    return true;
  if (Record->getNumBases() > 0)
    return false;
  size_t Fields = 0;
  for (const FieldDecl *Field : Record->fields()) {
    if (Field->getAccess() != AS_public || Field->isAnonymousStructOrUnion())
      return false;
    ++Fields;
  }
  return Fields == N;
}

/// Why `auto [...] = v;` cannot unpack \p T, if it cannot.
std::optional<NoFixReason>
whyNotUnpacked(QualType T, const std::optional<TupleShape> &Shape,
               const ASTContext &Ctx) {
  if (!Shape || Shape->HasPackExpansion || canBind(T, Shape->Elements.size()))
    return std::nullopt;
  return NoFixReason(NoFix::CannotUnpack, shortTypeName(T, Ctx),
                     std::to_string(Shape->Elements.size()));
}

/// The innermost statement around a variable's reads (\p Path, outermost
/// first) that holds its declaration: the block it is visible in.
const Stmt *declaringScope(const VarDecl *VD,
                           llvm::ArrayRef<const Stmt *> Path) {
  if (Path.empty())
    return nullptr;
  const SourceManager &SM = VD->getASTContext().getSourceManager();
  const SourceLocation Declared = SM.getExpansionLoc(VD->getLocation());
  for (const Stmt *S : llvm::reverse(Path)) {
    const SourceLocation Begin = SM.getExpansionLoc(S->getBeginLoc());
    const SourceLocation End = SM.getExpansionRange(S->getEndLoc()).getEnd();
    if (!SM.isBeforeInTranslationUnit(Declared, Begin) &&
        !SM.isBeforeInTranslationUnit(End, Declared))
      return S;
  }
  return Path.front();
}

/// The statement around \p Read that declares \p D and nothing else.
const DeclStmt *soleDeclaration(const Use &Read, const VarDecl *D) {
  const auto It = llvm::find_if(llvm::reverse(Read.Path),
                                [](const Stmt *S) { return isa<DeclStmt>(S); });
  const auto *Statement =
      It == Read.Path.rend() ? nullptr : cast<DeclStmt>(*It);
  if (!Statement || !Statement->isSingleDecl() ||
      Statement->getSingleDecl() != D)
    return nullptr;
  return Statement;
}

/// The file range of \p Range's tokens; invalid in a macro expansion.
CharSourceRange fileTokens(SourceRange Range, const ASTContext &Ctx) {
  return tooling::getFileRangeForEdit(CharSourceRange::getTokenRange(Range),
                                      Ctx.getSourceManager(), Ctx.getLangOpts())
      .value_or(CharSourceRange());
}

/// Removes \p Statement, with its line when it is alone on it. (Not
/// tooling::getAssociatedRange: its range starts after the indentation and
/// ends after the newline, which leaves the indentation to the next line,
/// and it takes the comments before the declaration with it.)
bool removeStatement(const DeclStmt *Statement, const ASTContext &Ctx,
                     std::vector<FixItHint> &Hints) {
  const SourceManager &SM = Ctx.getSourceManager();
  const CharSourceRange Range = fileTokens(Statement->getSourceRange(), Ctx);
  if (Range.isInvalid())
    return false;
  // The whole line when the declaration is alone on it: from the end of the
  // line before (an edit that ends at a line's end is merged wrongly).
  const auto [File, Begin] = SM.getDecomposedLoc(Range.getBegin());
  const unsigned End = SM.getFileOffset(Range.getEnd());
  const llvm::StringRef Buffer = SM.getBufferData(File);
  const size_t PreviousEnd = Buffer.rfind('\n', Begin);
  size_t LineEnd = Buffer.find('\n', End);
  if (LineEnd == llvm::StringRef::npos)
    LineEnd = Buffer.size();
  if (PreviousEnd != llvm::StringRef::npos &&
      Buffer.slice(PreviousEnd, Begin).trim().empty() &&
      Buffer.slice(End, LineEnd).trim().empty())
    Hints.push_back(FixItHint::CreateRemoval(CharSourceRange::getCharRange(
        Range.getBegin().getLocWithOffset(-int(Begin - PreviousEnd)),
        Range.getEnd().getLocWithOffset(int(LineEnd - End)))));
  else
    Hints.push_back(FixItHint::CreateRemoval(Range));
  return true;
}

} // namespace

const FunctionDecl *producer(const Expr *Object) {
  const Expr *E = ignoreTransparent(Object);
  // `std::pair<long, long> p = bounds(v);`: a converted pair keeps its
  // elements' meaning, and the call's names.
  if (const auto *Construct = dyn_cast_or_null<CXXConstructExpr>(E);
      Construct && Construct->getNumArgs() == 1 &&
      Construct->getArg(0)->getType()->isRecordType())
    E = ignoreTransparent(Construct->getArg(0));
  if (const auto *Call = dyn_cast_or_null<CallExpr>(E))
    return Call->getDirectCallee();
  return nullptr;
}

SelectedObject selectingExpr(const Use &Read) {
  const Expr *Object = accessedObject(Read)->IgnoreParenImpCasts();
  bool Deref = readsThroughPointer(Read);
  if (const auto *Arrow = dyn_cast<CXXOperatorCallExpr>(Object);
      Arrow && Deref && Arrow->getOperator() == OO_Arrow)
    Object = Arrow->getArg(0)->IgnoreParenImpCasts();
  if (!Deref) {
    if (const auto *UO = dyn_cast<UnaryOperator>(Object);
        UO && UO->getOpcode() == UO_Deref) {
      Object = UO->getSubExpr()->IgnoreParenImpCasts();
      Deref = true;
    } else if (const auto *Star = dyn_cast<CXXOperatorCallExpr>(Object);
               Star && Star->getOperator() == OO_Star &&
               Star->getNumArgs() == 1) {
      Object = Star->getArg(0)->IgnoreParenImpCasts();
      Deref = true;
    }
  }
  return {Object, Deref};
}

std::string shortTypeName(QualType T, const ASTContext &Ctx) {
  const std::string Full =
      T.getNonReferenceType().getUnqualifiedType().getAsString(
          Ctx.getPrintingPolicy());
  if (Full.size() <= 48)
    return "'" + Full + "'";
  const auto *Record = T.getNonReferenceType()->getAsCXXRecordDecl();
  return Record ? "a '" + Record->getQualifiedNameAsString() + "'" : "a tuple";
}

BindingFix bindTie(const TieAssignment &Tie, const CXXOperatorCallExpr &Assign,
                   const ASTContext &Ctx) {
  BindingFix Result;
  for (const VarDecl *Var : Tie.Vars)
    Result.Names.push_back(Var->getNameAsString());
  Result.WhyNot = Tie.WhyNot;
  if (Result.WhyNot)
    return Result;
  // The declarations go; the assignment declares the bindings.
  for (const DeclStmt *Declaration : Tie.Declarations)
    if (!removeStatement(Declaration, Ctx, Result.Hints))
      Result.WhyNot =
          Blocker{Declaration->getBeginLoc(), NoFix::DeclarationTextMissing};
  const std::optional<CharSourceRange> Head = tooling::getFileRangeForEdit(
      CharSourceRange::getCharRange(Assign.getBeginLoc(),
                                    Tie.Value->getBeginLoc()),
      Ctx.getSourceManager(), Ctx.getLangOpts());
  if (!Head)
    Result.WhyNot = Blocker{Assign.getBeginLoc(), NoFix::MacroExpansion};
  else
    Result.Hints.push_back(FixItHint::CreateReplacement(
        *Head, "auto [" + llvm::join(Result.Names, ", ") + "] = "));
  if (Result.WhyNot)
    Result.Hints.clear();
  return Result;
}

std::optional<Blocker> BindingRewriter::whyNotBindable(const VariableFacts &V,
                                                       bool IsRangeFor) const {
  const VarDecl *VD = V.Var;
  const std::string Name = VD->getNameAsString();
  auto At = [&](NoFixReason Reason, SourceLocation Loc = {}) {
    return Blocker{Loc.isValid() ? Loc : VD->getLocation(), std::move(Reason)};
  };
  const bool CPlusPlus20 = Context->getLangOpts().CPlusPlus20;
  if (isa<ParmVarDecl>(VD) || !VD->isLocalVarDecl())
    return At({NoFix::NotLocalVariable, Name});
  if (VD->isStaticLocal() || VD->isConstexpr() || VD->hasAttrs() ||
      VD->getType().getNonReferenceType().isVolatileQualified())
    return At({NoFix::BindingSpecifiers, Name});
  if (!V.SoleDeclaration)
    return At({NoFix::DeclaredTogether, Name});
  // Every use reads or writes one element, right on the variable.
  for (const Use &U : V.Uses) {
    if (U.InInstantiation || (U.Kind == UseKind::Captured && CPlusPlus20))
      continue;
    if (U.Kind == UseKind::Reassigned)
      return At(NoFix::VariableAssigned, U.Loc);
    if (U.Kind == UseKind::Captured)
      return At(NoFix::CapturedBeforeCxx20, U.Loc);
    if (U.Kind != UseKind::ElementMember && U.Kind != UseKind::ElementGet)
      return At(U.Kind == UseKind::Escape || U.Kind == UseKind::Compared
                    ? U.Reason
                    : NoFixReason(NoFix::VariableUsedAsWhole),
                U.Loc);
    if (!isa<DeclRefExpr>(accessedObject(U)->IgnoreParenImpCasts()))
      return At(NoFix::MovedOrCast, U.Loc);
    if (U.ThroughCapture && !CPlusPlus20)
      return At(NoFix::CapturedBeforeCxx20, U.Loc);
  }
  if (!IsRangeFor) {
    if (V.Origins.size() != 1 || !VD->getInit() ||
        VD->getInitStyle() != VarDecl::CInit)
      return At({NoFix::NotInitialisedOnce, Name});
    // `std::pair<int, int> v = {1, 2};`: `auto [a, b] = {1, 2};` is no pair.
    const Expr *Written = VD->getInit()->IgnoreImplicit();
    if (const auto *Construct = dyn_cast<CXXConstructExpr>(Written);
        isa<InitListExpr>(Written) ||
        (Construct && Construct->isListInitialization() &&
         !isa<CXXTemporaryObjectExpr>(Construct)))
      return At({NoFix::BracedInitialiser, Name});
    // `std::pair<long, long> v = f();` converts; `auto [a, b] = f();` would
    // not.
    const Expr *Init = ignoreTransparent(VD->getInit());
    if (const auto *Construct = dyn_cast_or_null<CXXConstructExpr>(Init))
      if (Construct->getNumArgs() == 1 &&
          Types.isTupleLike(Construct->getArg(0)->getType()))
        Init = ignoreTransparent(Construct->getArg(0));
    if (!Init || !Context->hasSameUnqualifiedType(
                     Init->getType(), VD->getType().getNonReferenceType()))
      return At({NoFix::ConvertsInitialiser, Name});
  }
  if (auto Reason =
          whyNotUnpacked(VD->getType(), Types.shape(VD->getType()), *Context))
    return At(*Reason);
  return std::nullopt;
}

BindingFix BindingRewriter::replaceVariable(const VariableFacts &V) {
  BindingFix Result;
  const VarDecl *VD = V.Var;
  auto Block = [&](Blocker WhyNot) {
    Result.Hints.clear(); // all of the rewrite or none of it
    Result.WhyNot = std::move(WhyNot);
    return Result;
  };
  const auto RangeFor = Facts.RangeFors.find(VD);
  const bool IsRangeFor = RangeFor != Facts.RangeFors.end();
  if (std::optional<Blocker> WhyNot = whyNotBindable(V, IsRangeFor))
    return Block(std::move(*WhyNot));

  Reads R;
  R.Var = VD;
  if (IsRangeFor)
    R.Range = RangeFor->second->getRangeInit();
  for (const Use &U : V.Uses)
    if (U.Kind == UseKind::ElementMember || U.Kind == UseKind::ElementGet)
      R.Uses.push_back(&U);
  if (R.Uses.empty())
    return Block({VD->getLocation(), NoFix::ReadOnlyInInstantiations});
  bool Const = VD->getType().getNonReferenceType().isConstQualified();
  // The binding's scope: the loop of a range-for variable, else the
  // innermost statement around the reads that holds the declaration.
  const Stmt *Scope = IsRangeFor ? static_cast<const Stmt *>(RangeFor->second)
                                 : declaringScope(VD, R.Uses.front()->Path);
  Result.Scope = Scope;
  const auto Shape = Types.shape(VD->getType());
  const std::vector<Adoption> Adopted =
      Shape ? adoptions(
                  R, *Shape, [] { return true; }, Scope, Const)
            : std::vector<Adoption>();
  Blocker WhyNot;
  const auto Names = chooseBindingNames(
      R, VD->getType(), IsRangeFor ? nullptr : producer(VD->getInit()), Scope,
      Adopted, WhyNot, /*Replaced=*/VD);
  if (!Names) {
    Result.Unnamed = true;
    return Block(WhyNot);
  }
  const std::optional<FixItHint> Declarator =
      bindingDeclarator(VD, Const, *Names);
  if (!Declarator)
    return Block({VD->getLocation(), NoFix::DeclarationInMacroExpansion});
  Result.Hints.push_back(*Declarator);
  for (const Adoption &A : Adopted)
    if (!removeStatement(A.Statement, *Context, Result.Hints))
      return Block({VD->getLocation(),
                    {NoFix::AdoptedInMacro, A.Var->getNameAsString()}});
  std::vector<const Use *> Renamed;
  for (const Use &U : V.Uses)
    if (!U.InInstantiation)
      Renamed.push_back(&U);
  if (std::optional<Blocker> WhyNot =
          renameReads(Renamed, Adopted, *Names, VD, Result.Hints))
    return Block(std::move(*WhyNot));
  removeDuplicateEdits(Result.Hints);
  Result.Names = *Names;
  return Result;
}

std::optional<FixItHint>
BindingRewriter::bindingDeclarator(const VarDecl *VD, bool Const,
                                   llvm::ArrayRef<std::string> Names) const {
  // `const auto &v` -> `const auto &[a, b]`.
  const CharSourceRange Declarator =
      fileTokens(SourceRange(VD->getBeginLoc(), VD->getLocation()), *Context);
  if (Declarator.isInvalid())
    return std::nullopt;
  const std::string Written = tooling::getText(Declarator, *Context).str();
  std::string Ref;
  if (VD->getType()->isLValueReferenceType())
    Ref = "&";
  else if (VD->getType()->isRValueReferenceType())
    Ref = "&&";
  const bool RefOnName =
      !Ref.empty() &&
      llvm::StringRef(Written).drop_back(VD->getName().size()).ends_with(Ref);
  std::string Binding = Const ? "const auto" : "auto";
  Binding += RefOnName ? " " + Ref : Ref + " ";
  Binding += "[" + llvm::join(Names, ", ") + "]";
  return FixItHint::CreateReplacement(Declarator, Binding);
}

std::optional<Blocker> BindingRewriter::renameReads(
    llvm::ArrayRef<const Use *> Uses, llvm::ArrayRef<Adoption> Adopted,
    llvm::ArrayRef<std::string> Names, const VarDecl *Captured,
    std::vector<FixItHint> &Hints) const {
  for (const Use *U : Uses) {
    if (llvm::any_of(Adopted, [&](const Adoption &A) {
          return A.Var == U->ReceiverVar && A.Index == U->Index;
        }))
      continue;
    // `[v]` -> `[a, b]`, `[&v]` -> `[&a, &b]`: each binding is captured alike.
    const bool Capture = U->Kind == UseKind::Captured;
    const CharSourceRange Range = fileTokens(
        Capture ? U->Value->getSourceRange() : U->Access->getSourceRange(),
        *Context);
    if (Range.isInvalid())
      return Blocker{U->Loc, NoFix::ReadInMacro};
    std::string Text = Capture ? "" : Names[U->Index];
    if (Capture) {
      const auto *Lambda = cast<LambdaExpr>(U->Statement);
      const bool ByReference = llvm::any_of(
          Lambda->explicit_captures(), [&](const LambdaCapture &C) {
            return C.capturesVariable() && C.getCapturedVar() == Captured &&
                   C.getCaptureKind() == LCK_ByRef;
          });
      Text = llvm::join(Names, ByReference ? ", &" : ", ");
    }
    Hints.push_back(FixItHint::CreateReplacement(Range, Text));
  }
  return std::nullopt;
}

BindingFix BindingRewriter::bindBeforeReads(const Reads &R, QualType Type,
                                            const FunctionDecl *Producer) {
  BindingFix Result;
  const Use &First = *R.Uses.front();
  auto Block = [&](Blocker WhyNot) {
    Result.Hints.clear();
    Result.WhyNot = std::move(WhyNot);
    return Result;
  };
  if (!First.Function || First.Path.empty())
    return Block({First.Loc, NoFix::ReadOutsideFunction});
  const auto Shape = Types.shape(Type);
  if (auto Reason = whyNotUnpacked(Type, Shape, *Context))
    return Block({First.Loc, *Reason});
  Blocker WhyNot;
  std::optional<BindingSite> Site = findBindingSite(R.Uses, *Context, WhyNot);
  if (!Site)
    return Block(WhyNot);
  const std::vector<Adoption> Adopted =
      Shape ? adoptions(
                  R, *Shape, [&] { return unchanging(*Site, *Context); },
                  Site->Block, Site->Const)
            : std::vector<Adoption>();
  Result.Scope = Site->Block;
  const auto Names =
      chooseBindingNames(R, Type, Producer, Site->Block, Adopted, WhyNot);
  if (!Names) {
    Result.Unnamed = true;
    return Block(WhyNot);
  }
  const std::string Declaration = bindingDeclaration(*Site, *Names);
  bool Declared = false;
  for (const Adoption &A : Adopted) {
    // The binding goes where the first adopted declaration was.
    const CharSourceRange Statement =
        fileTokens(A.Statement->getSourceRange(), *Context);
    if (Statement.isValid() && Statement.getBegin() == Site->Insert) {
      Result.Hints.push_back(FixItHint::CreateReplacement(
          Statement,
          llvm::StringRef(Declaration).drop_back(Site->Separator.size())));
      Declared = true;
    } else if (!removeStatement(A.Statement, *Context, Result.Hints)) {
      return Block({A.Var->getLocation(),
                    {NoFix::AdoptedInMacro, A.Var->getNameAsString()}});
    }
  }
  if (!Declared)
    Result.Hints.push_back(
        FixItHint::CreateInsertion(Site->Insert, Declaration));
  Result.AddsStatement = !Declared;
  if (std::optional<Blocker> WhyNot = renameReads(
          R.Uses, Adopted, *Names, /*Captured=*/nullptr, Result.Hints))
    return Block(std::move(*WhyNot));
  removeDuplicateEdits(Result.Hints);
  Result.Names = *Names;
  return Result;
}

BindingFix BindingRewriter::bindAtCall(const Reads &R, QualType Type,
                                       const CallExpr *Call) {
  const Use &Read = *R.Uses.front();
  const CharSourceRange CallRange =
      fileTokens(Call->getSourceRange(), *Context);
  const std::string CallText =
      CallRange.isValid() ? tooling::getText(CallRange, *Context).str() : "";
  const auto Shape = Types.shape(Type);
  if (CallText.empty() || !Shape || Shape->HasPackExpansion ||
      Read.Path.empty() || !canBind(Type, Shape->Elements.size()))
    return {};
  // The element of a temporary: only its own block can reach it (through a
  // reference declared in the statement), not the whole function.
  const Stmt *Block = Read.Path.front();
  for (const Stmt *S : Read.Path)
    if (isa<CompoundStmt>(S))
      Block = S;
  if (!Read.Access->getType().isConstQualified() &&
      Mutation(*Block, *Context).isMutated(Read.Access))
    return {};
  if (Read.ReceiverVar)
    return bindAtDeclaration(R, Type, Call, CallText,
                             Shape->Elements[Read.Index]);
  return bindInCondition(R, Type, Call, CallText);
}

BindingFix BindingRewriter::bindAtDeclaration(const Reads &R, QualType Type,
                                              const CallExpr *Call,
                                              const std::string &CallText,
                                              QualType Element) {
  // `bool added = seen.insert(x).second;` -> `auto [it, added] =
  // seen.insert(x);`
  BindingFix Result;
  const Use &Read = *R.Uses.front();
  const VarDecl *D = Read.ReceiverVar;
  const DeclStmt *Statement = soleDeclaration(Read, D);
  if (!Statement || !D->isLocalVarDecl() || D->isStaticLocal() ||
      D->hasAttrs() || D->isConstexpr() || D->getType()->isReferenceType() ||
      !Context->hasSameUnqualifiedType(D->getType(), Element))
    return Result;
  const auto *const StatementAt = llvm::find(Read.Path, Statement);
  Result.Scope =
      StatementAt == Read.Path.begin() ? Read.Path.front() : *(StatementAt - 1);
  Blocker WhyNot;
  const auto Names =
      chooseBindingNames(R, Type, Call->getDirectCallee(), Result.Scope,
                         {Adoption{Read.Index, D, Statement}}, WhyNot);
  const CharSourceRange Range = fileTokens(
      SourceRange(Statement->getBeginLoc(), D->getEndLoc()), *Context);
  if (!Names || Range.isInvalid())
    return Result;
  Result.Hints.push_back(FixItHint::CreateReplacement(
      Range,
      std::string(D->getType().isConstQualified() ? "const auto [" : "auto [") +
          llvm::join(*Names, ", ") + "] = " + CallText));
  Result.Names = *Names;
  return Result;
}

BindingFix BindingRewriter::bindInCondition(const Reads &R, QualType Type,
                                            const CallExpr *Call,
                                            const std::string &CallText) {
  // `if (!seen.insert(x).second)` -> `if (auto [it, inserted] = seen.insert(x);
  // !inserted)`
  BindingFix Result;
  const Use &Read = *R.Uses.front();
  for (size_t I = Read.Path.size(); I-- > 1;) {
    const auto *If = dyn_cast<IfStmt>(Read.Path[I - 1]);
    if (!If || Read.Path[I] != If->getCond())
      continue;
    if (If->getInit() || If->getConditionVariable() || If->isConstexpr() ||
        !isEvaluatedWhenever(Read.Path, I))
      return Result;
    Result.Scope = If;
    Blocker WhyNot;
    const auto Names =
        chooseBindingNames(R, Type, Call->getDirectCallee(), If, {}, WhyNot);
    const CharSourceRange Condition =
        fileTokens(If->getCond()->getSourceRange(), *Context);
    const CharSourceRange Access =
        fileTokens(Read.Access->getSourceRange(), *Context);
    if (!Names || Condition.isInvalid() || Access.isInvalid())
      return Result;
    Result.Hints.push_back(FixItHint::CreateInsertion(
        Condition.getBegin(),
        "auto [" + llvm::join(*Names, ", ") + "] = " + CallText + "; "));
    Result.Hints.push_back(
        FixItHint::CreateReplacement(Access, (*Names)[Read.Index]));
    Result.Names = *Names;
    return Result;
  }
  return Result;
}

std::vector<BindingRewriter::Adoption>
BindingRewriter::adoptions(const Reads &R, const TupleShape &Shape,
                           llvm::function_ref<bool()> Unchanging,
                           const Stmt *Scope, bool &ConstBinding) const {
  std::vector<Adoption> Result;
  const Use &First = *R.Uses.front();
  Mutation Analyzer(*Scope, *Context);
  // Copies keep the value they were made with: only when nothing writes an
  // element may a name that refers to the element replace a copy. Asked
  // only of a read that initialises a variable.
  std::optional<bool> NoWritesFound;
  auto NoWrites = [&] {
    if (!NoWritesFound)
      NoWritesFound = llvm::none_of(R.Uses, [&](const Use *U) {
        return !U->Access->getType().isConstQualified() &&
               Analyzer.isMutated(U->Access);
      });
    return *NoWritesFound;
  };
  for (const Use *U : R.Uses) {
    const VarDecl *D = U->ReceiverVar;
    if (!D || U->Index >= Shape.Elements.size() || !D->isLocalVarDecl() ||
        D->isStaticLocal() || D->hasAttrs() || isa<ParmVarDecl>(D) ||
        llvm::count_if(R.Uses,
                       [&](const Use *V) { return V->Index == U->Index; }) != 1)
      continue;
    const DeclStmt *Statement = soleDeclaration(*U, D);
    if (!Statement)
      continue;
    const QualType Element = Shape.Elements[U->Index];
    const QualType Declared = D->getType().getNonReferenceType();
    if (!Context->hasSameUnqualifiedType(Declared, Element))
      continue;
    const bool IsReference = D->getType()->isReferenceType();
    if (!IsReference &&
        (!NoWrites() || !Unchanging() ||
         (!Declared.isConstQualified() && Analyzer.isMutated(D))))
      continue;
    // A const name stays const: the binding becomes const when nothing
    // writes through it.
    const bool NeedsConst =
        Declared.isConstQualified() && !Element.isConstQualified();
    if (NeedsConst && !ConstBinding && !NoWrites())
      continue;
    if (!isOnlyMeaningOfName(First.Function, Scope, D))
      continue;
    ConstBinding |= NeedsConst;
    Result.push_back({U->Index, D, Statement});
  }
  return Result;
}

} // namespace clang::tidy::structify
