//===--- IndexAccessCheck.cpp - structify-index-access --------------------===//

#include "IndexAccessCheck.h"
#include "model/Edits.h"
#include "model/Naming.h"
#include "model/TypeSpelling.h"
#include "model/indexaccess/BindingNames.h"
#include "model/indexaccess/ElementBinding.h"
#include "model/indexaccess/KnownApis.h"
#include "model/indexaccess/ScopeNames.h"
#include "model/indexaccess/TieAssignment.h"
#include "model/tuplereturn/ResultGroup.h"
#include "clang/AST/ASTContext.h"
#include "clang/AST/ExprCXX.h"
#include "clang/ASTMatchers/ASTMatchFinder.h"
#include "clang/ASTMatchers/ASTMatchers.h"
#include "clang/Analysis/Analyses/ExprMutationAnalyzer.h"
#include "clang/Basic/SourceManager.h"
#include "clang/Lex/Lexer.h"
#include "llvm/ADT/FoldingSet.h"
#include "llvm/ADT/SmallPtrSet.h"
#include "llvm/ADT/StringExtras.h"
#include <map>

using namespace clang::ast_matchers;

namespace clang::tidy::structify {
namespace {

constexpr llvm::StringLiteral AccessId = "access";
constexpr llvm::StringLiteral TieId = "tie";

/// `'lo' and 'hi'`, `'a', 'b' and 'c'`, or `4 variables`.
std::string describeVariables(llvm::ArrayRef<std::string> Names) {
  if (Names.size() > 3)
    return std::to_string(Names.size()) + " variables";
  std::string Text;
  for (size_t I = 0; I < Names.size(); ++I) {
    if (I > 0)
      Text += I + 1 == Names.size() ? " and " : ", ";
    Text += "'" + Names[I] + "'";
  }
  return Text;
}

/// The function whose call produced \p Object, if it is a call.
const FunctionDecl *producer(const Expr *Object) {
  if (const auto *Call = dyn_cast_or_null<CallExpr>(ignoreTransparent(Object)))
    return Call->getDirectCallee();
  return nullptr;
}

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

bool isPositional(const Use &U) {
  return (U.Kind == UseKind::ElementMember ||
          (U.Kind == UseKind::ElementGet && !U.ByType)) &&
         !U.InInstantiation;
}

/// The expression that picks the object an access reads, and whether the
/// object is what it points to: `it->first` and `(*it).first` are both `it`.
std::pair<const Expr *, bool> selectingExpr(const Use &Read) {
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
               Star && Star->getOperator() == OO_Star && Star->getNumArgs() == 1) {
      Object = Star->getArg(0)->IgnoreParenImpCasts();
      Deref = true;
    }
  }
  return {Object, Deref};
}

/// The function or lambda the read is in: reads are grouped within it.
const void *readScope(const Use &Read) {
  for (auto It = Read.Path.rbegin(); It != Read.Path.rend(); ++It)
    if (isa<LambdaExpr>(*It))
      return *It;
  return Read.Function;
}

/// The last name in an expression: `m_bounds`, `entry` in `e.entry`.
std::string holderName(const Expr *E) {
  E = E->IgnoreParenImpCasts();
  if (const auto *DRE = dyn_cast<DeclRefExpr>(E))
    return DRE->getDecl()->getDeclName().isIdentifier() ? DRE->getDecl()->getName().str()
                                                        : std::string();
  if (const auto *ME = dyn_cast<MemberExpr>(E))
    return ME->getMemberDecl()->getDeclName().isIdentifier()
               ? ME->getMemberDecl()->getName().str()
               : std::string();
  return {};
}

/// `'std::pair<int, int>'`, or `a 'std::tuple'` when spelling the element
/// types would make the message long.
std::string shortTypeName(QualType T, const ASTContext &Ctx) {
  const std::string Full =
      T.getNonReferenceType().getUnqualifiedType().getAsString(Ctx.getPrintingPolicy());
  if (Full.size() <= 48)
    return "'" + Full + "'";
  const auto *Record = T.getNonReferenceType()->getAsCXXRecordDecl();
  return Record ? "a '" + Record->getQualifiedNameAsString() + "'" : "a tuple";
}

/// Does \p E, or an expression in it, read an element by position?
bool readsAnElement(const Stmt *E,
                    const llvm::SmallPtrSetImpl<const Expr *> &PositionalAccesses) {
  if (!E)
    return false;
  if (const auto *Ex = dyn_cast<Expr>(E); Ex && PositionalAccesses.contains(Ex))
    return true;
  return llvm::any_of(E->children(), [&](const Stmt *Child) {
    return readsAnElement(Child, PositionalAccesses);
  });
}

/// Is the code at \p Evidence seen by every unit that compiles the read at
/// \p Read: in the read's own file, or in the file of \p Declared (the
/// first declaration of what the read uses, which such a unit must see)?
/// Names taken only from such code are the same in every unit, so every
/// unit that compiles a header proposes the same edits for it.
bool seenWithReads(SourceLocation Evidence, SourceLocation Read, SourceLocation Declared,
                   const SourceManager &SM) {
  auto FileOf = [&](SourceLocation Loc) { return SM.getFileID(SM.getExpansionLoc(Loc)); };
  const FileID File = FileOf(Evidence);
  return File == FileOf(Read) || File == FileOf(Declared);
}

/// The innermost statement around a variable's reads (\p Path, outermost
/// first) that holds its declaration: the block it is visible in.
const Stmt *declaringScope(const VarDecl *VD, llvm::ArrayRef<const Stmt *> Path) {
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

} // namespace

IndexAccessCheck::IndexAccessCheck(StringRef Name, ClangTidyContext *Context)
    : StructifyCheck(Name, Context),
      RawTupleTypes(Options.get("TupleTypes", DefaultTupleTypes)),
      ExpressionReads(Options.get("ExpressionReads", ExpressionReadsOption::Fixable)),
      IgnoreMapIterators(Options.get("IgnoreMapIterators", false)),
      RawIgnoredTypes(Options.get("IgnoredTypes", "")),
      RawIgnoredFunctions(Options.get("IgnoredFunctions", "")),
      Types(parseList(RawTupleTypes)), IgnoredFunctions(RawIgnoredFunctions) {
  for (const std::string &Pattern : parseList(RawIgnoredTypes))
    IgnoredTypes.emplace_back(Pattern);
  if (Context->isCheckEnabled(TupleReturnCheckName))
    TupleReturn = readTupleReturnOptions(OptionMapView(
                                             TupleReturnCheckName,
                                             Context->getOptions().CheckOptions))
                      .Policy;
}

void IndexAccessCheck::storeOptions(ClangTidyOptions::OptionMap &Opts) {
  Options.store(Opts, "TupleTypes", RawTupleTypes);
  Options.store(Opts, "ExpressionReads", ExpressionReads);
  Options.store(Opts, "IgnoreMapIterators", IgnoreMapIterators);
  Options.store(Opts, "IgnoredTypes", RawIgnoredTypes);
  Options.store(Opts, "IgnoredFunctions", RawIgnoredFunctions);
}

void IndexAccessCheck::registerMatchers(MatchFinder *Finder) {
  // Only a cheap sighting here: the whole translation unit is analysed once,
  // at its end, when there is anything to analyse.
  Finder->addMatcher(
      memberExpr(member(fieldDecl(hasAnyName("first", "second"))),
                 unless(isExpansionInSystemHeader()))
          .bind(AccessId),
      this);
  Finder->addMatcher(callExpr(callee(functionDecl(hasName("::std::get"))),
                              argumentCountIs(1),
                              unless(isExpansionInSystemHeader()))
                         .bind(AccessId),
                     this);
  // `int lo, hi; std::tie(lo, hi) = bounds();`
  Finder->addMatcher(
      cxxOperatorCallExpr(
          hasOverloadedOperatorName("="),
          hasArgument(0, ignoringImplicit(callExpr(callee(functionDecl(hasName("::std::tie")))))),
          unless(isInTemplateInstantiation()), unless(isExpansionInSystemHeader()))
          .bind(TieId),
      this);
}

void IndexAccessCheck::check(const MatchFinder::MatchResult &Result) {
  Context = Result.Context;
  if (const auto *Assign = Result.Nodes.getNodeAs<CXXOperatorCallExpr>(TieId)) {
    reportTie(*Assign);
    return;
  }
  SawAccess = true;
}

void IndexAccessCheck::reportTie(const CXXOperatorCallExpr &Assign) {
  const std::optional<TieAssignment> Tie = tieAssignment(Assign, *Context, Types);
  if (!Tie || isIgnored(Tie->Value->getType(), Tie->Value))
    return;
  std::vector<std::string> Names;
  for (const VarDecl *Var : Tie->Vars)
    Names.push_back(Var->getNameAsString());
  std::optional<Blocker> WhyNot = Tie->WhyNot;
  std::vector<FixItHint> Hints;
  if (!WhyNot) {
    // The declarations go; the assignment declares the bindings.
    for (const DeclStmt *Declaration : Tie->Declarations)
      if (!removeDeclaration(Adoption{0, nullptr, Declaration}, Hints))
        WhyNot = Blocker{Declaration->getBeginLoc(), "the declaration's text cannot be found"};
    const CharSourceRange Head = Lexer::makeFileCharRange(
        CharSourceRange::getCharRange(Assign.getBeginLoc(), Tie->Value->getBeginLoc()),
        Context->getSourceManager(), Context->getLangOpts());
    if (Head.isInvalid())
      WhyNot = Blocker{Assign.getBeginLoc(), "the code to rewrite is in a macro expansion"};
    else
      Hints.push_back(
          FixItHint::CreateReplacement(Head, "auto [" + llvm::join(Names, ", ") + "] = "));
    if (WhyNot)
      Hints.clear();
  }
  const SourceLocation Loc = Assign.getBeginLoc();
  emitWithFix(diag(Loc, "%0 %select{is|are}1 declared only for 'std::tie'; declare "
                        "%select{it|them}1 with a structured binding")
                  << describeVariables(Names) << (Names.size() > 1),
              Loc, "declare them with a structured binding: [" + llvm::join(Names, ", ") + "]",
              Hints);
  if (WhyNot)
    diag(WhyNot->Loc, "no fix: %0", DiagnosticIDs::Note) << WhyNot->Reason;
}

bool IndexAccessCheck::isLeftToTupleReturn(const Expr *Object) const {
  const FunctionDecl *Callee = producer(Object);
  if (!TupleReturn || !Callee)
    return false;
  const FunctionDecl *Written = writtenFunction(Callee);
  return !Context->getSourceManager().isInSystemHeader(Written->getLocation()) &&
         TupleReturn->isCandidate(Written);
}

bool IndexAccessCheck::isIgnored(QualType TupleType, const Expr *Object) const {
  const std::string TypeName =
      TupleType.getCanonicalType().getUnqualifiedType().getAsString(
          Context->getPrintingPolicy());
  if (llvm::any_of(IgnoredTypes, [&](const llvm::Regex &Pattern) {
        return Pattern.isValid() && Pattern.match(TypeName);
      }))
    return true;
  if (const FunctionDecl *Callee = producer(Object))
    if (IgnoredFunctions.matches(*writtenFunction(Callee)))
      return true;
  return isLeftToTupleReturn(Object);
}

std::vector<IndexAccessCheck::Adoption>
IndexAccessCheck::adoptions(const Reads &R, const TupleShape &Shape, bool Unchanging,
                            const Stmt *Scope, bool &ConstBinding) const {
  std::vector<Adoption> Result;
  const Use &First = *R.Uses.front();
  ExprMutationAnalyzer Analyzer(*Scope, *Context);
  // Copies keep the value they were made with: only when nothing writes an
  // element may a name that refers to the element replace a copy.
  const bool NoWrites = llvm::none_of(
      R.Uses, [&](const Use *U) { return Analyzer.isMutated(U->Access); });
  for (const Use *U : R.Uses) {
    const VarDecl *D = U->ReceiverVar;
    if (!D || U->Index >= Shape.Elements.size() || !D->isLocalVarDecl() ||
        D->isStaticLocal() || D->hasAttrs() || isa<ParmVarDecl>(D) ||
        llvm::count_if(R.Uses, [&](const Use *V) { return V->Index == U->Index; }) != 1)
      continue;
    const auto DeclIt = llvm::find_if(llvm::reverse(U->Path), [](const Stmt *S) {
      return isa<DeclStmt>(S);
    });
    const auto *Statement =
        DeclIt == U->Path.rend() ? nullptr : cast<DeclStmt>(*DeclIt);
    if (!Statement || !Statement->isSingleDecl() || Statement->getSingleDecl() != D)
      continue;
    const QualType Element = Shape.Elements[U->Index];
    const QualType Declared = D->getType().getNonReferenceType();
    if (!Context->hasSameUnqualifiedType(Declared, Element))
      continue;
    const bool IsReference = D->getType()->isReferenceType();
    if (!IsReference &&
        (!NoWrites || !Unchanging || (!Declared.isConstQualified() && Analyzer.isMutated(D))))
      continue;
    // A const name stays const: the binding becomes const when nothing
    // writes through it.
    const bool NeedsConst = Declared.isConstQualified() && !Element.isConstQualified();
    if (NeedsConst && !ConstBinding && !NoWrites)
      continue;
    if (!isOnlyMeaningOfName(First.Function, Scope, D))
      continue;
    ConstBinding |= NeedsConst;
    Result.push_back({U->Index, D, Statement});
  }
  return Result;
}

bool IndexAccessCheck::removeDeclaration(const Adoption &A,
                                         std::vector<FixItHint> &Hints) const {
  const SourceManager &SM = Context->getSourceManager();
  const CharSourceRange Range = Lexer::makeFileCharRange(
      CharSourceRange::getTokenRange(A.Statement->getSourceRange()), SM,
      Context->getLangOpts());
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

std::optional<std::vector<std::string>>
IndexAccessCheck::chooseBindingNames(const Reads &R, QualType Type,
                                     const FunctionDecl *Producer, const Stmt *Scope,
                                     llvm::ArrayRef<Adoption> Adopted, Blocker &WhyNot,
                                     const VarDecl *Replaced) {
  const auto Shape = Types.shape(Type);
  const SourceLocation Where =
      R.Var ? R.Var->getLocation() : R.Uses.front()->Loc;
  if (!Shape || Shape->HasPackExpansion) {
    WhyNot = {Where, "the number of elements is not known"};
    return std::nullopt;
  }
  BindingSubject Subject;
  Subject.Type = Type;
  Subject.Shape = *Shape;
  Subject.Producer = Producer;
  if (R.Var) {
    Subject.HolderName = R.Var->getName().str();
  } else {
    const auto [Object, Deref] = selectingExpr(*R.Uses.front());
    Subject.HolderName = holderName(Object);
  }
  Subject.Reads = R.Uses;
  if (const Expr *Container = containerOf(R)) {
    Subject.Container = Container->getType();
    Subject.ContainerName = holderName(Container);
    Subject.Fills = fillsOf(Container, *R.Uses.front());
  }
  Subject.Function = R.Uses.front()->Function;
  Subject.FromProducer = producerNames(Producer, *R.Uses.front(), Shape->Elements.size());
  ElementNames Candidates = bindingCandidates(Subject);
  // An adopted declaration's name is the element's, and no other: its uses
  // stay as they are. (Nothing else in the binding's block has the name.)
  llvm::StringSet<> AdoptedNames;
  for (const Adoption &A : Adopted)
    AdoptedNames.insert(A.Var->getName());
  for (auto &Names : Candidates)
    llvm::erase_if(Names, [&](const std::string &N) { return AdoptedNames.contains(N); });
  for (const Adoption &A : Adopted)
    Candidates[A.Index] = {A.Var->getName().str()};
  const Decl *Function = R.Uses.front()->Function;
  llvm::StringSet<> Taken = namesUsedIn(Function, Scope);
  // The variable the binding replaces gives its name up.
  if (Replaced)
    Taken.erase(Replaced->getName());
  auto Given = [&](llvm::StringRef Name) { return isGiven(Function, Scope, Name); };
  // When another binding of this run took the name (two `insert`s in one
  // function both want `it` and `inserted`), the holder's name tells them
  // apart. Never a number: `value2` says nothing `value` does not.
  const std::string Prefix = normalizeName(Subject.HolderName);
  auto Alternatives = [&](llvm::StringRef Candidate) {
    std::vector<std::string> More;
    if (Given(Candidate) && isMeaningfulName(Prefix))
      More.push_back(Prefix + "_" + Candidate.str());
    return More;
  };
  // From C++26 an element nothing reads and nothing names is `_`, the
  // placeholder that may appear any number of times (unless `_` is a macro,
  // or names something the binding's scope uses).
  const bool Placeholder = Context->getLangOpts().CPlusPlus26 && !Taken.contains("_") &&
                           isUsableName("_", *Context);
  std::vector<size_t> Named;
  for (size_t I = 0; I < Candidates.size(); ++I)
    if (!Placeholder || !Candidates[I].empty() ||
        llvm::any_of(R.Uses, [&](const Use *U) { return U->Index == I; }))
      Named.push_back(I);
  std::vector<std::vector<std::string>> ToName;
  ToName.reserve(Named.size());
  for (size_t I : Named)
    ToName.push_back(Candidates[I]);
  unsigned Missing = 0;
  std::vector<std::string> Chosen = chooseNames(
      ToName,
      [&](llvm::StringRef Name) {
        return AdoptedNames.contains(Name) ||
               (isUsableName(Name, *Context) && !Taken.contains(Name) && !Given(Name));
      },
      Missing, Alternatives);
  if (!Chosen.empty() || Named.empty()) {
    std::vector<std::string> Names(Candidates.size(), "_");
    for (size_t K = 0; K < Named.size(); ++K)
      Names[Named[K]] = Chosen[K];
    return Names;
  }
  Missing = Named[Missing];
  const std::string Element = spellTypeForMessage(
      writtenElementTypes(Type, *Shape, *Context)[Missing], *Context);
  if (Candidates[Missing].empty())
    WhyNot = {Where, "nothing in the code names element " + std::to_string(Missing) +
                         (Element.size() <= 30 ? " ('" + Element + "')" : "") +
                         "; store it in a named variable, or write the binding "
                         "yourself"};
  else
    WhyNot = {Where,
              "every name for element " + std::to_string(Missing) + " ('" +
                  llvm::join(llvm::ArrayRef(Candidates[Missing]).take_front(2), "', '") +
                  (Candidates[Missing].size() > 2 ? "', ..." : "'") +
                  ") is taken here; write the binding yourself with another name"};
  return std::nullopt;
}

bool IndexAccessCheck::isGiven(const Decl *Function, const Stmt *Scope,
                               llvm::StringRef Name) const {
  const auto It = NamesGiven.find(Function);
  if (It == NamesGiven.end())
    return false;
  const SourceManager &SM = Context->getSourceManager();
  return llvm::any_of(It->second, [&](const auto &Given) {
    return Given.first == Name &&
           (!Scope || !Given.second || overlapInSource(Given.second, Scope, SM));
  });
}

std::vector<std::vector<std::string>>
IndexAccessCheck::producerNames(const FunctionDecl *Producer, const Use &Read,
                                size_t Elements) const {
  std::vector<std::vector<std::string>> Names(Elements);
  const FunctionDecl *Definition = Producer ? Producer->getDefinition() : nullptr;
  if (!Definition || !Definition->getBody() || !UnitFacts)
    return Names;
  if (!seenWithReads(Definition->getLocation(), Read.Loc,
                     Producer->getCanonicalDecl()->getLocation(),
                     Context->getSourceManager()))
    return Names;
  llvm::SmallVector<const Stmt *, 16> Work{Definition->getBody()};
  while (!Work.empty()) {
    const Stmt *S = Work.pop_back_val();
    if (!S || isa<LambdaExpr>(S))
      continue;
    llvm::append_range(Work, S->children());
    const auto *Return = dyn_cast<ReturnStmt>(S);
    if (!Return || !Return->getRetValue())
      continue;
    const Origin O = classifyOrigin(Return->getRetValue(), Types, *Context);
    if (O.Kind == OriginKind::Construction && O.Built.Elements.size() == Elements)
      for (size_t I = 0; I < Elements; ++I)
        Names[I].push_back(elementExpressionName(O.Built.Elements[I]));
    if (O.Kind != OriginKind::Variable)
      continue;
    // `ret`, whose elements the function writes: `std::get<0>(ret) += payload`.
    const auto *Facts = UnitFacts->Variables.find(O.Var);
    if (Facts == UnitFacts->Variables.end())
      continue;
    for (const Use &U : Facts->second.Uses)
      if ((U.Kind == UseKind::ElementMember || U.Kind == UseKind::ElementGet) &&
          U.Index < Elements && U.Receiver != ReceiverKind::Parameter)
        Names[U.Index].push_back(U.ReceiverName);
  }
  return Names;
}

std::vector<const Fill *> IndexAccessCheck::fillsOf(const Expr *Container,
                                                    const Use &Read) const {
  std::vector<const Fill *> Found;
  const ValueDecl *D = containerDecl(Container);
  if (!D || !UnitFacts)
    return Found;
  D = cast<ValueDecl>(D->getCanonicalDecl());
  const auto It = UnitFacts->Fills.find(D);
  if (It == UnitFacts->Fills.end())
    return Found;
  for (const Fill &F : It->second)
    if (seenWithReads(F.Loc, Read.Loc, D->getLocation(), Context->getSourceManager()))
      Found.push_back(&F);
  return Found;
}

const Expr *IndexAccessCheck::containerOf(const Reads &R) {
  if (R.Range)
    return R.Range->IgnoreParenImpCasts();
  if (R.Var)
    return nullptr;
  // `v[i]`, `v.at(i)`, `v.front()`: `v`.
  const auto [Object, Deref] = selectingExpr(*R.Uses.front());
  if (const auto *Subscript = dyn_cast<CXXOperatorCallExpr>(Object);
      Subscript && Subscript->getOperator() == OO_Subscript)
    return Subscript->getArg(0)->IgnoreParenImpCasts();
  if (const auto *Call = dyn_cast<CXXMemberCallExpr>(Object))
    return Call->getImplicitObjectArgument()->IgnoreParenImpCasts();
  return nullptr;
}

IndexAccessCheck::Fix
IndexAccessCheck::replaceVariable(const VariableFacts &V, const TupleFacts &Facts) {
  Fix Result;
  const VarDecl *VD = V.Var;
  auto Block = [&](std::string Reason, SourceLocation Loc = {}) {
    Result.Hints.clear(); // all of the rewrite or none of it
    Result.WhyNot = Blocker{Loc.isValid() ? Loc : VD->getLocation(), std::move(Reason)};
    return Result;
  };
  const LangOptions &LangOpts = Context->getLangOpts();
  const bool IsRangeFor = Facts.RangeFors.contains(VD);

  if (isa<ParmVarDecl>(VD) || !VD->isLocalVarDecl())
    return Block("'" + VD->getNameAsString() + "' is not a local variable");
  if (VD->isStaticLocal() || VD->isConstexpr() || VD->hasAttrs() ||
      VD->getType().getNonReferenceType().isVolatileQualified())
    return Block("a structured binding cannot be declared with the "
                 "specifiers of '" + VD->getNameAsString() + "'");
  if (!V.SoleDeclaration)
    return Block("'" + VD->getNameAsString() +
                 "' is declared together with other variables");
  // Every use reads or writes one element, right on the variable.
  for (const Use &U : V.Uses) {
    if (U.InInstantiation)
      continue;
    if (U.Kind == UseKind::Reassigned)
      return Block("the variable is assigned as a whole", U.Loc);
    if (U.Kind == UseKind::Captured) {
      if (!LangOpts.CPlusPlus20)
        return Block("a lambda captures the variable, and before C++20 a "
                     "lambda cannot capture a structured binding",
                     U.Loc);
      continue;
    }
    if (U.Kind != UseKind::ElementMember && U.Kind != UseKind::ElementGet)
      return Block(U.Kind == UseKind::Escape || U.Kind == UseKind::Compared
                       ? U.Reason
                       : "the variable is used as a whole",
                   U.Loc);
    if (!isa<DeclRefExpr>(accessedObject(U)->IgnoreParenImpCasts()))
      return Block("the variable is moved or cast before its element is read",
                   U.Loc);
    if (U.ThroughCapture && !LangOpts.CPlusPlus20)
      return Block("a lambda captures the variable, and before C++20 a lambda "
                   "cannot capture a structured binding",
                   U.Loc);
  }

  if (!IsRangeFor) {
    if (V.Origins.size() != 1 || !VD->getInit() ||
        VD->getInitStyle() != VarDecl::CInit)
      return Block("'" + VD->getNameAsString() +
                   "' is not initialised once with '='");
    // `std::pair<long, long> v = f();` converts; `auto [a, b] = f();` would not.
    const Expr *Init = ignoreTransparent(VD->getInit());
    if (const auto *Construct = dyn_cast_or_null<CXXConstructExpr>(Init))
      if (Construct->getNumArgs() == 1 &&
          Types.isTupleLike(Construct->getArg(0)->getType()))
        Init = ignoreTransparent(Construct->getArg(0));
    if (!Init || !Context->hasSameUnqualifiedType(
                     Init->getType(), VD->getType().getNonReferenceType()))
      return Block("'" + VD->getNameAsString() + "' converts its initialiser");
  }
  const auto Shape = Types.shape(VD->getType());
  if (Shape && !Shape->HasPackExpansion && !canBind(VD->getType(), Shape->Elements.size()))
    return Block("a structured binding cannot unpack " +
                 shortTypeName(VD->getType(), *Context) + " into its " +
                 std::to_string(Shape->Elements.size()) + " elements");

  Reads R;
  R.Var = VD;
  if (IsRangeFor)
    R.Range = Facts.RangeFors.find(VD)->second->getRangeInit();
  for (const Use &U : V.Uses)
    if (U.Kind == UseKind::ElementMember || U.Kind == UseKind::ElementGet)
      R.Uses.push_back(&U);
  if (R.Uses.empty())
    return Block("the variable's elements are only read in template instantiations");
  bool Const = VD->getType().getNonReferenceType().isConstQualified();
  // The binding's scope: the loop of a range-for variable, else the
  // innermost statement around the reads that holds the declaration.
  const Stmt *Scope = IsRangeFor ? static_cast<const Stmt *>(Facts.RangeFors.find(VD)->second)
                                 : declaringScope(VD, R.Uses.front()->Path);
  Result.Scope = Scope;
  const std::vector<Adoption> Adopted =
      Shape ? adoptions(R, *Shape, /*Unchanging=*/true, Scope, Const)
            : std::vector<Adoption>();
  Blocker WhyNot;
  const auto Names =
      chooseBindingNames(R, VD->getType(), IsRangeFor ? nullptr : producer(VD->getInit()),
                         Scope, Adopted, WhyNot, /*Replaced=*/VD);
  if (!Names) {
    Result.Unnamed = true;
    return Block(WhyNot.Reason, WhyNot.Loc);
  }

  // `const auto &v` -> `const auto &[a, b]`.
  const SourceManager &SM = Context->getSourceManager();
  CharSourceRange Declarator = Lexer::makeFileCharRange(
      CharSourceRange::getTokenRange(VD->getBeginLoc(), VD->getLocation()), SM,
      LangOpts);
  if (Declarator.isInvalid())
    return Block("the declaration is in a macro expansion");
  const std::string Written = sourceText(Declarator, *Context);
  std::string Ref;
  if (VD->getType()->isLValueReferenceType())
    Ref = "&";
  else if (VD->getType()->isRValueReferenceType())
    Ref = "&&";
  const bool RefOnName =
      !Ref.empty() && llvm::StringRef(Written).drop_back(VD->getName().size())
                          .ends_with(Ref);
  std::string Binding = Const ? "const auto" : "auto";
  Binding += RefOnName ? " " + Ref : Ref + " ";
  Binding += "[" + llvm::join(*Names, ", ") + "]";
  Result.Hints.push_back(FixItHint::CreateReplacement(Declarator, Binding));

  for (const Adoption &A : Adopted)
    if (!removeDeclaration(A, Result.Hints))
      return Block("the declaration of '" + A.Var->getNameAsString() +
                   "' is in a macro expansion");
  for (const Use &U : V.Uses) {
    if (U.InInstantiation || llvm::any_of(Adopted, [&](const Adoption &A) {
          return A.Var == U.ReceiverVar && A.Index == U.Index;
        }))
      continue;
    // `[v]` -> `[a, b]`, `[&v]` -> `[&a, &b]`: each binding is captured alike.
    const bool Capture = U.Kind == UseKind::Captured;
    const CharSourceRange Range = Lexer::makeFileCharRange(
        CharSourceRange::getTokenRange(Capture ? U.Value->getSourceRange()
                                               : U.Access->getSourceRange()),
        SM, LangOpts);
    if (Range.isInvalid())
      return Block("the element is read in a macro expansion", U.Loc);
    std::string Text = (*Names)[U.Index];
    if (Capture) {
      const auto *Lambda = cast<LambdaExpr>(U.Statement);
      const bool ByReference = llvm::any_of(
          Lambda->explicit_captures(), [&](const LambdaCapture &C) {
            return C.capturesVariable() && C.getCapturedVar() == VD &&
                   C.getCaptureKind() == LCK_ByRef;
          });
      Text = llvm::join(*Names, ByReference ? ", &" : ", ");
    }
    Result.Hints.push_back(FixItHint::CreateReplacement(Range, Text));
  }
  removeDuplicateEdits(Result.Hints);
  Result.Names = *Names;
  return Result;
}

IndexAccessCheck::Fix IndexAccessCheck::bindBeforeReads(const Reads &R, QualType Type,
                                                        const FunctionDecl *Producer) {
  Fix Result;
  const Use &First = *R.Uses.front();
  auto Block = [&](Blocker WhyNot) {
    Result.Hints.clear();
    Result.WhyNot = std::move(WhyNot);
    return Result;
  };
  if (!First.Function || First.Path.empty())
    return Block({First.Loc, "the value is not read inside a function"});
  const auto Shape = Types.shape(Type);
  if (Shape && !Shape->HasPackExpansion && !canBind(Type, Shape->Elements.size()))
    return Block({First.Loc, "a structured binding cannot unpack " +
                                 shortTypeName(Type, *Context) + " into its " +
                                 std::to_string(Shape->Elements.size()) + " elements"});
  Blocker WhyNot;
  std::optional<BindingSite> Site = findBindingSite(R.Uses, *Context, WhyNot);
  if (!Site)
    return Block(WhyNot);
  const std::vector<Adoption> Adopted =
      Shape ? adoptions(R, *Shape, Site->Unchanging, Site->Block, Site->Const)
            : std::vector<Adoption>();
  Result.Scope = Site->Block;
  const auto Names = chooseBindingNames(R, Type, Producer, Site->Block, Adopted, WhyNot);
  if (!Names) {
    Result.Unnamed = true;
    return Block(WhyNot);
  }
  const SourceManager &SM = Context->getSourceManager();
  const std::string Declaration = bindingDeclaration(*Site, *Names);
  bool Declared = false;
  for (const Adoption &A : Adopted) {
    // The binding goes where the first adopted declaration was.
    const CharSourceRange Statement = Lexer::makeFileCharRange(
        CharSourceRange::getTokenRange(A.Statement->getSourceRange()), SM,
        Context->getLangOpts());
    if (Statement.isValid() && Statement.getBegin() == Site->Insert) {
      Result.Hints.push_back(FixItHint::CreateReplacement(
          Statement, llvm::StringRef(Declaration).drop_back(Site->Separator.size())));
      Declared = true;
    } else if (!removeDeclaration(A, Result.Hints)) {
      return Block({A.Var->getLocation(), "the declaration of '" +
                                              A.Var->getNameAsString() +
                                              "' is in a macro expansion"});
    }
  }
  if (!Declared)
    Result.Hints.push_back(FixItHint::CreateInsertion(Site->Insert, Declaration));
  Result.AddsStatement = !Declared;
  for (const Use *U : R.Uses) {
    if (llvm::any_of(Adopted, [&](const Adoption &A) {
          return A.Var == U->ReceiverVar && A.Index == U->Index;
        }))
      continue;
    const CharSourceRange Range = Lexer::makeFileCharRange(
        CharSourceRange::getTokenRange(U->Access->getSourceRange()), SM,
        Context->getLangOpts());
    if (Range.isInvalid())
      return Block({U->Loc, "the element is read in a macro expansion"});
    Result.Hints.push_back(FixItHint::CreateReplacement(Range, (*Names)[U->Index]));
  }
  removeDuplicateEdits(Result.Hints);
  Result.Names = *Names;
  return Result;
}

IndexAccessCheck::Fix IndexAccessCheck::bindAtCall(const Reads &R, QualType Type,
                                                   const CallExpr *Call) {
  Fix Result;
  const Use &Read = *R.Uses.front();
  const SourceManager &SM = Context->getSourceManager();
  const LangOptions &LangOpts = Context->getLangOpts();
  auto Text = [&](SourceRange Range) {
    const CharSourceRange File = Lexer::makeFileCharRange(
        CharSourceRange::getTokenRange(Range), SM, LangOpts);
    return File.isValid() ? sourceText(File, *Context) : std::string();
  };
  const std::string CallText = Text(Call->getSourceRange());
  const auto Shape = Types.shape(Type);
  if (CallText.empty() || !Shape || Shape->HasPackExpansion || Read.Path.empty() ||
      !canBind(Type, Shape->Elements.size()))
    return Result;
  ExprMutationAnalyzer Analyzer(*Read.Path.front(), *Context);
  if (Analyzer.isMutated(Read.Access))
    return Result;
  Blocker WhyNot;
  // `bool added = seen.insert(x).second;` -> `auto [it, added] = seen.insert(x);`
  if (const VarDecl *D = Read.ReceiverVar) {
    const auto DeclIt = llvm::find_if(llvm::reverse(Read.Path),
                                      [](const Stmt *S) { return isa<DeclStmt>(S); });
    const auto *Statement =
        DeclIt == Read.Path.rend() ? nullptr : cast<DeclStmt>(*DeclIt);
    if (!Statement || !Statement->isSingleDecl() || Statement->getSingleDecl() != D ||
        !D->isLocalVarDecl() || D->isStaticLocal() || D->hasAttrs() || D->isConstexpr() ||
        D->getType()->isReferenceType() ||
        !Context->hasSameUnqualifiedType(D->getType(), Shape->Elements[Read.Index]))
      return Result;
    const auto *const StatementAt = llvm::find(Read.Path, Statement);
    Result.Scope = StatementAt == Read.Path.begin() ? Read.Path.front() : *(StatementAt - 1);
    const auto Names = chooseBindingNames(R, Type, Call->getDirectCallee(), Result.Scope,
                                          {Adoption{Read.Index, D, Statement}}, WhyNot);
    if (!Names)
      return Result;
    const CharSourceRange Range = Lexer::makeFileCharRange(
        CharSourceRange::getTokenRange(Statement->getBeginLoc(), D->getEndLoc()), SM,
        LangOpts);
    if (Range.isInvalid())
      return Result;
    Result.Hints.push_back(FixItHint::CreateReplacement(
        Range, std::string(D->getType().isConstQualified() ? "const auto [" : "auto [") +
                   llvm::join(*Names, ", ") + "] = " + CallText));
    Result.Names = *Names;
    return Result;
  }
  // `if (!seen.insert(x).second)` -> `if (auto [it, inserted] = seen.insert(x); !inserted)`
  for (size_t I = Read.Path.size(); I-- > 1;) {
    const auto *If = dyn_cast<IfStmt>(Read.Path[I - 1]);
    if (!If || Read.Path[I] != If->getCond())
      continue;
    if (If->getInit() || If->getConditionVariable() || If->isConstexpr() ||
        !isEvaluatedWhenever(Read.Path, I))
      return Result;
    Result.Scope = If;
    const auto Names =
        chooseBindingNames(R, Type, Call->getDirectCallee(), If, {}, WhyNot);
    const CharSourceRange Condition = Lexer::makeFileCharRange(
        CharSourceRange::getTokenRange(If->getCond()->getSourceRange()), SM, LangOpts);
    const CharSourceRange Access = Lexer::makeFileCharRange(
        CharSourceRange::getTokenRange(Read.Access->getSourceRange()), SM, LangOpts);
    if (!Names || Condition.isInvalid() || Access.isInvalid())
      return Result;
    Result.Hints.push_back(FixItHint::CreateInsertion(
        Condition.getBegin(),
        "auto [" + llvm::join(*Names, ", ") + "] = " + CallText + "; "));
    Result.Hints.push_back(FixItHint::CreateReplacement(Access, (*Names)[Read.Index]));
    Result.Names = *Names;
    return Result;
  }
  return Result;
}

void IndexAccessCheck::report(SourceLocation Loc, const std::string &What,
                              const Reads &R, const Fix &F) {
  if (!F.Hints.empty())
    for (const std::string &Name : F.Names)
      NamesGiven[R.Uses.front()->Function].emplace_back(Name, F.Scope);
  emitWithFix(diag(Loc, "the elements of %0 are read by position; name them "
                        "with a structured binding")
                  << What,
              Loc, "name the elements: [" + llvm::join(F.Names, ", ") + "]", F.Hints);
  // One note per spelling, however many times a macro expands it.
  llvm::SmallVector<SourceLocation, 8> Noted;
  const SourceManager &SM = Context->getSourceManager();
  for (const Use *U : R.Uses) {
    if (!isPositional(*U))
      continue;
    const SourceLocation Spelled = SM.getFileLoc(U->Loc);
    if (llvm::is_contained(Noted, Spelled))
      continue;
    Noted.push_back(Spelled);
    diag(U->Loc, "element %0 is read by position here", DiagnosticIDs::Note)
        << U->Index;
  }
  if (F.WhyNot)
    diag(F.WhyNot->Loc, "no fix: %0", DiagnosticIDs::Note) << F.WhyNot->Reason;
}

void IndexAccessCheck::reportVariable(const VariableFacts &V,
                                      const TupleFacts &Facts) {
  if (llvm::none_of(V.Uses, isPositional))
    return;
  const VarDecl *VD = V.Var;
  if (isIgnored(VD->getType(), VD->getInit()))
    return;
  Fix Result = replaceVariable(V, Facts);
  Reads R;
  R.Var = VD;
  if (const auto It = Facts.RangeFors.find(VD); It != Facts.RangeFors.end())
    R.Range = It->second->getRangeInit();
  for (const Use &U : V.Uses)
    if ((U.Kind == UseKind::ElementMember || U.Kind == UseKind::ElementGet) &&
        !U.InInstantiation)
      R.Uses.push_back(&U);
  // The variable cannot become the binding (a parameter, a value used as a
  // whole too): a binding that refers to it can still name its elements.
  // Without one, the reason is the one the user can act on: a missing name,
  // else why the variable itself cannot be the binding.
  if (Result.WhyNot && !Result.Unnamed && !R.Uses.empty()) {
    Fix Alias = bindBeforeReads(R, VD->getType(),
                                Facts.RangeFors.contains(VD) ? nullptr
                                                             : producer(VD->getInit()));
    if (!Alias.WhyNot || Alias.Unnamed || isa<ParmVarDecl>(VD) || !VD->isLocalVarDecl())
      Result = std::move(Alias);
  }
  if (R.Uses.empty())
    for (const Use &U : V.Uses)
      if (isPositional(U))
        R.Uses.push_back(&U);
  report(VD->getLocation(), "'" + VD->getNameAsString() + "'", R, Result);
}

void IndexAccessCheck::reportGroup(const Reads &R) {
  const Use &First = *R.Uses.front();
  const auto [Selecting, Deref] = selectingExpr(First);
  QualType Type = accessedObject(First)->getType();
  if (readsThroughPointer(First))
    Type = Type->getPointeeType();
  if (isIgnored(Type, accessedObject(First)))
    return;
  if ((Deref && IgnoreMapIterators) || ExpressionReads == ExpressionReadsOption::None)
    return;
  Fix Result = bindBeforeReads(R, Type, producer(accessedObject(First)));
  // A pair read once, right where a call makes it: the binding takes the
  // call's result there.
  if (const auto *Call = dyn_cast<CallExpr>(ignoreTransparent(accessedObject(First)));
      Result.WhyNot && !Deref && R.Uses.size() == 1 && Call &&
      !isa<CXXOperatorCallExpr>(Call)) {
    Fix AtCall = bindAtCall(R, Type, Call);
    if (!AtCall.Hints.empty())
      Result = std::move(AtCall);
  }
  // A read with no variable behind it that the check cannot rewrite is how
  // the code has to read that value (`it != m.end() ? it->second : d`,
  // `CHECK(v[0].first == 1)`): reported only when asked for.
  if (Result.WhyNot && ExpressionReads == ExpressionReadsOption::Fixable)
    return;
  // One read (`return it->second;` after a `find`) is as clear as the
  // binding a fix would add before it: reported only when the fix rewrites
  // what is there (`const Meta &m = it->second;`, `bool ok = s.insert(x).second;`),
  // or when asked for.
  if (R.Uses.size() == 1 && Result.AddsStatement &&
      ExpressionReads == ExpressionReadsOption::Fixable)
    return;
  // What the reader sees: `new_files_[i]`, `*it`; the type when the
  // expression is long or in a macro.
  const CharSourceRange Range = Lexer::makeFileCharRange(
      CharSourceRange::getTokenRange(Selecting->getSourceRange()),
      Context->getSourceManager(), Context->getLangOpts());
  std::string Text = Range.isValid() ? sourceText(Range, *Context) : std::string();
  if (Deref && !Text.empty())
    Text = "*" + Text;
  const std::string What = !Text.empty() && Text.size() <= 40 &&
                                   !llvm::StringRef(Text).contains('\n')
                               ? "'" + Text + "'"
                               : shortTypeName(Type, *Context);
  report(First.Loc, What, R, Result);
}

void IndexAccessCheck::onEndOfTranslationUnit() {
  reportConfigurationInEditor();
  if (!SawAccess)
    return;
  SawAccess = false;
  const llvm::SmallPtrSet<const FunctionDecl *, 1> NoFunctions;
  // Reads inside instantiations are reported through their template's own
  // code: walking the instantiations would add work and nothing else.
  TupleFacts Facts =
      collectTupleFacts(*Context, Types, NoFunctions, /*VisitInstantiations=*/false);
  // A variable that is a branch of `c ? a : b` is used as a whole, whatever
  // the conditional's use: a binding of its elements cannot stand for it.
  for (auto &[VD, V] : Facts.Variables)
    for (Use &U : V.Uses)
      if (!U.Alternatives.empty()) {
        U.Kind = UseKind::Escape;
        U.Reason = "the value is used in a conditional expression";
      }
  UnitFacts = &Facts;
  for (const auto &[VD, V] : Facts.Variables) {
    const auto *Function =
        dyn_cast_or_null<FunctionDecl>(VD->getParentFunctionOrMethod());
    if (Function && Function->isTemplateInstantiation())
      continue; // reported through the template
    reportVariable(V, Facts);
  }
  // Reads of the same object in one function are one finding: the same
  // expression (`new_files_[i]`), through the same iterator (`it->first`,
  // `(*it).second`).
  // An expression that itself reads an element by position
  // (`added.first->first`) is left to that read's finding: its fix renames
  // the inner read, and the two fixes would overlap.
  llvm::SmallPtrSet<const Expr *, 32> PositionalAccesses;
  for (const auto &[VD, V] : Facts.Variables)
    for (const Use &U : V.Uses)
      if (isPositional(U))
        PositionalAccesses.insert(U.Access);
  for (const Use &U : Facts.OtherAccesses)
    if (isPositional(U))
      PositionalAccesses.insert(U.Access);
  std::map<llvm::FoldingSetNodeID, size_t> GroupOf;
  std::vector<Reads> Groups;
  for (const Use &Access : Facts.OtherAccesses) {
    if (!isPositional(Access))
      continue;
    const auto [Selecting, Deref] = selectingExpr(Access);
    if (readsAnElement(Selecting, PositionalAccesses))
      continue;
    llvm::FoldingSetNodeID Key;
    Key.AddPointer(readScope(Access));
    Key.AddBoolean(Deref);
    Selecting->Profile(Key, *Context, /*Canonical=*/true);
    auto [It, New] = GroupOf.try_emplace(Key, Groups.size());
    if (New)
      Groups.emplace_back();
    Groups[It->second].Uses.push_back(&Access);
  }
  for (const Reads &R : Groups)
    reportGroup(R);
  NamesGiven.clear();
  UnitFacts = nullptr;
}

} // namespace clang::tidy::structify
