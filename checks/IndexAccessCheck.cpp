//===--- IndexAccessCheck.cpp - structify-index-access --------------------===//

#include "IndexAccessCheck.h"
#include "model/Edits.h"
#include "model/FunctionParents.h"
#include "model/indexaccess/BindingRewriter.h"
#include "model/indexaccess/ElementBinding.h"
#include "model/indexaccess/KnownApis.h"
#include "model/indexaccess/TieAssignment.h"
#include "clang/AST/ASTContext.h"
#include "clang/AST/ExprCXX.h"
#include "clang/ASTMatchers/ASTMatchFinder.h"
#include "clang/ASTMatchers/ASTMatchers.h"
#include "clang/Basic/SourceManager.h"
#include "clang/Lex/Lexer.h"
#include "clang/Tooling/Transformer/SourceCode.h"
#include "llvm/ADT/FoldingSet.h"
#include "llvm/ADT/SmallPtrSet.h"
#include "llvm/ADT/StringExtras.h"
#include <map>
#include <set>
#include <tuple>
#include <utility>

using namespace clang::ast_matchers;

namespace clang::tidy::structify {
namespace {

constexpr llvm::StringLiteral AccessId = "access";
constexpr llvm::StringLiteral TieId = "tie";

// The sighting matchers run on every member expression and call of the unit,
// instantiations included: one test each, cheapest first, instead of a
// composition of generic matchers (which cost 2.5% of the parse of a large
// template-heavy unit).

bool isExpandedInSystemHeader(SourceLocation Loc, ASTContext &Ctx) {
  const SourceManager &SM = Ctx.getSourceManager();
  return SM.isInSystemHeader(SM.getExpansionLoc(Loc));
}

/// `p.first`, `it->second` outside system headers, not seen before (in
/// another instantiation of the same template).
AST_MATCHER_P(MemberExpr, isPairElementRead, const Sightings *, Seen) {
  const auto *Field = dyn_cast<FieldDecl>(Node.getMemberDecl());
  if (!Field || !Field->getIdentifier())
    return false;
  const llvm::StringRef Name = Field->getName();
  return (Name == "first" || Name == "second") &&
         !Seen->sighted(Node.getBeginLoc()) &&
         !isExpandedInSystemHeader(Node.getBeginLoc(), Finder->getASTContext());
}

bool callsStd(const CallExpr &Call, llvm::StringRef Name) {
  const auto *Callee = dyn_cast_or_null<FunctionDecl>(Call.getCalleeDecl());
  return Callee && Callee->getIdentifier() && Callee->getName() == Name &&
         Callee->isInStdNamespace();
}

/// `std::get<N>(t)` (and `std::get<T>(t)`) outside system headers, not
/// seen before.
AST_MATCHER_P(CallExpr, isStdGetCall, const Sightings *, Seen) {
  return Node.getNumArgs() == 1 && callsStd(Node, "get") &&
         !Seen->sighted(Node.getBeginLoc()) &&
         !isExpandedInSystemHeader(Node.getBeginLoc(), Finder->getASTContext());
}

/// `std::tie(a, b) = ...` outside system headers (no ancestor matcher such
/// as isInTemplateInstantiation: one would build the unit's parent map).
AST_MATCHER(CXXOperatorCallExpr, isTieAssignment) {
  if (Node.getOperator() != OO_Equal || Node.getNumArgs() != 2)
    return false;
  const auto *Tie = dyn_cast<CallExpr>(Node.getArg(0)->IgnoreImplicit());
  return Tie && callsStd(*Tie, "tie") &&
         !isExpandedInSystemHeader(Node.getBeginLoc(), Finder->getASTContext());
}

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

bool isPositional(const Use &U) {
  return (U.Kind == UseKind::ElementMember ||
          (U.Kind == UseKind::ElementGet && !U.ByType)) &&
         !U.InInstantiation;
}

/// A parameter read once by position in a function whose body is that one
/// statement: a projection or a predicate (`[](const auto &kv) { return
/// kv.first; }`, `bool FirstIsEven(std::pair<const int, int> p) { return
/// p.first % 2 == 0; }`). The read is the parameter's whole use; a binding
/// would add a statement to name what the function's own name says.
bool isProjection(const VariableFacts &V) {
  const auto *Param = dyn_cast<ParmVarDecl>(V.Var);
  if (!Param || llvm::count_if(V.Uses, isPositional) != 1)
    return false;
  const auto *Function = dyn_cast<FunctionDecl>(Param->getDeclContext());
  const auto *Body =
      Function ? dyn_cast_or_null<CompoundStmt>(Function->getBody()) : nullptr;
  return Body && Body->size() == 1;
}

bool isLiteral(const Expr *E) {
  E = E->IgnoreImplicit()->IgnoreParens();
  if (const auto *Minus = dyn_cast<UnaryOperator>(E))
    E = Minus->getSubExpr()->IgnoreParens();
  return isa<StringLiteral, IntegerLiteral, FloatingLiteral, CharacterLiteral,
             CXXBoolLiteralExpr, CXXNullPtrLiteralExpr>(E);
}

/// `EXPECT_EQ("a", p.first)`: a GoogleTest assertion checks the element
/// against a literal. Which position holds which value is what the test
/// states; a name would hide it.
bool isCheckedAgainstLiteral(const Use &U) {
  for (size_t I = U.Path.size(); I-- > 1;) {
    const auto *Call = dyn_cast<CallExpr>(U.Path[I - 1]);
    if (!Call)
      continue;
    if (!isTestAssertion(*Call))
      return false;
    const Stmt *Holder = U.Path[I];
    return llvm::all_of(Call->arguments(), [&](const Expr *Arg) {
      return Arg == Holder || isLiteral(Arg);
    });
  }
  return false;
}

/// `explicit Model(std::tuple<double, double> p) : alpha_(std::get<0>(p)),
/// beta_(std::get<1>(p)) {}`: every read initialises a member of the
/// constructor's, which names the element where it is read; no binding can
/// go in a member initialiser list.
bool initialisesMembers(const VariableFacts &V) {
  const auto *Param = dyn_cast<ParmVarDecl>(V.Var);
  const auto *Ctor =
      Param ? dyn_cast<CXXConstructorDecl>(Param->getDeclContext()) : nullptr;
  if (!Ctor)
    return false;
  auto InitialisesMember = [&](const Use &U) {
    return !U.Path.empty() &&
           llvm::any_of(Ctor->inits(), [&](const CXXCtorInitializer *Init) {
             if (!Init->isMemberInitializer() || Init->getInit() != U.Path[0])
               return false;
             const Expr *E = Init->getInit()->IgnoreImplicit();
             if (const auto *Copy = dyn_cast<CXXConstructExpr>(E);
                 Copy && Copy->getNumArgs() == 1)
               E = Copy->getArg(0)->IgnoreImplicit();
             return E->IgnoreParens() == U.Access;
           });
  };
  return llvm::all_of(llvm::make_filter_range(V.Uses, isPositional),
                      InitialisesMember);
}

/// The operator whose operand the read is (through implicit conversions and
/// parentheses), and which operand: 0 left, 1 right.
std::optional<std::pair<BinaryOperatorKind, unsigned>> operandOf(const Use &U) {
  const auto *At = llvm::find(U.Path, U.Access);
  for (auto It = std::make_reverse_iterator(At); It != U.Path.rend(); ++It) {
    if (isa<ImplicitCastExpr, ParenExpr>(*It))
      continue;
    const auto *Op = dyn_cast<BinaryOperator>(*It);
    if (!Op)
      return std::nullopt;
    const Stmt *Operand = It.base() == U.Path.end() ? nullptr : *It.base();
    return std::make_pair(Op->getOpcode(), Op->getRHS() == Operand ? 1U : 0U);
  }
  return std::nullopt;
}

/// `pair.first + pair.second` and `pair.second + pair.first` in one place:
/// the code reads the two elements in both orders as the operands of one
/// operator (a table of operands checked both ways): their positions are
/// interchangeable, and no name would say more than `a` and `b`.
bool readsBothOrders(const VariableFacts &V) {
  std::set<std::tuple<BinaryOperatorKind, unsigned, unsigned>> Seen;
  for (const Use &U : V.Uses)
    if (isPositional(U))
      if (const auto Operand = operandOf(U))
        Seen.emplace(Operand->first, Operand->second, U.Index);
  return llvm::any_of(Seen, [&](const auto &Entry) {
    const BinaryOperatorKind Op = std::get<0>(Entry);
    return Seen.count({Op, 0, 0}) && Seen.count({Op, 1, 1}) &&
           Seen.count({Op, 0, 1}) && Seen.count({Op, 1, 0});
  });
}

/// The function or lambda the read is in: reads are grouped within it.
const void *readScope(const Use &Read) {
  for (auto It = Read.Path.rbegin(); It != Read.Path.rend(); ++It)
    if (isa<LambdaExpr>(*It))
      return *It;
  return Read.Function;
}

/// Does \p E, or an expression in it, read an element by position?
bool readsAnElement(
    const Stmt *E,
    const llvm::SmallPtrSetImpl<const Expr *> &PositionalAccesses) {
  if (!E)
    return false;
  if (const auto *Ex = dyn_cast<Expr>(E); Ex && PositionalAccesses.contains(Ex))
    return true;
  return llvm::any_of(E->children(), [&](const Stmt *Child) {
    return readsAnElement(Child, PositionalAccesses);
  });
}

/// Adds to \p Within the files that declare the containers the reads of
/// \p Facts read from; says whether there was one it did not hold.
bool addContainerFiles(const TupleFacts &Facts, Sightings &Within,
                       const SourceManager &SM) {
  bool Added = false;
  auto Add = [&](const Reads &R) {
    if (const Expr *Container = BindingRewriter::containerOf(R))
      if (const ValueDecl *D = containerDecl(Container))
        Added |= Within.addFileOf(D, SM);
  };
  for (const auto &[VD, Loop] : Facts.RangeFors) {
    Reads R;
    R.Var = VD;
    R.Range = Loop->getRangeInit();
    Add(R);
  }
  for (const Use &U : Facts.OtherAccesses)
    if (isPositional(U)) {
      Reads R;
      R.Uses.push_back(&U);
      Add(R);
    }
  return Added;
}

} // namespace

IndexAccessCheck::IndexAccessCheck(StringRef Name, ClangTidyContext *Context)
    : StructifyCheck(Name, Context),
      Settings(readOptions<IndexAccessOptions>(Options)),
      Types(parseList(Settings.TupleTypes)),
      IgnoredFunctions(Settings.IgnoredFunctions) {
  for (const std::string &Pattern : parseList(Settings.IgnoredTypes))
    IgnoredTypes.emplace_back(Pattern);
  if (Context->isCheckEnabled(TupleReturnCheckName))
    TupleReturn = readOptions<TupleReturnOptions>(
                      OptionMapView(TupleReturnCheckName,
                                    Context->getOptions().CheckOptions))
                      .policy();
}

void IndexAccessCheck::storeOptions(ClangTidyOptions::OptionMap &Opts) {
  structify::storeOptions(Settings, Options, Opts);
}

void IndexAccessCheck::registerMatchers(MatchFinder *Finder) {
  // Only a cheap sighting here: the whole translation unit is analysed once,
  // at its end, when there is anything to analyse.
  Finder->addMatcher(memberExpr(isPairElementRead(&Seen)).bind(AccessId), this);
  Finder->addMatcher(callExpr(isStdGetCall(&Seen)).bind(AccessId), this);
  // `int lo, hi; std::tie(lo, hi) = bounds();`
  Finder->addMatcher(cxxOperatorCallExpr(isTieAssignment()).bind(TieId), this);
}

void IndexAccessCheck::check(const MatchFinder::MatchResult &Result) {
  Context = Result.Context;
  if (const auto *Assign = Result.Nodes.getNodeAs<CXXOperatorCallExpr>(TieId)) {
    Ties.push_back(Assign);
    return;
  }
  Seen.add(Result.Nodes.getNodeAs<Expr>(AccessId)->getBeginLoc(),
           *Result.SourceManager);
}

void IndexAccessCheck::reportTie(const CXXOperatorCallExpr &Assign,
                                 FunctionParents &Parents) {
  const VarDecl *Tied = firstTiedVariable(Assign);
  if (!Tied || isInInstantiation(Tied))
    return;
  Parents.focus(Tied);
  const std::optional<TieAssignment> Tie =
      tieAssignment(Assign, *Context, Types);
  if (!Tie || isIgnored(Tie->Value->getType(), Tie->Value))
    return;
  const BindingFix Fix = bindTie(*Tie, Assign, *Context);
  const SourceLocation Loc = Assign.getBeginLoc();
  emitWithFix(diag(Loc,
                   "%0 %select{is|are}1 declared only for 'std::tie'; declare "
                   "%select{it|them}1 with a structured binding")
                  << describeVariables(Fix.Names) << (Fix.Names.size() > 1),
              Loc,
              "declare them with a structured binding: [" +
                  llvm::join(Fix.Names, ", ") + "]",
              Fix.Hints);
  if (Fix.WhyNot)
    diag(Fix.WhyNot->Loc, "no fix: %0", DiagnosticIDs::Note)
        << Fix.WhyNot->Reason.str();
}

bool IndexAccessCheck::isLeftToTupleReturn(const Expr *Object) const {
  const FunctionDecl *Callee = producer(Object);
  if (!TupleReturn || !Callee)
    return false;
  const FunctionDecl *Written = writtenFunction(Callee);
  return !Context->getSourceManager().isInSystemHeader(
             Written->getLocation()) &&
         TupleReturn->isCandidate(Written);
}

bool IndexAccessCheck::isIgnored(QualType TupleType, const Expr *Object) const {
  // `std::get<0>(t)` of a `std::tuple<double>`: one element, no position to
  // mistake for another.
  if (const std::optional<TupleShape> Shape = Types.shape(TupleType);
      Shape && !Shape->HasPackExpansion && Shape->Elements.size() == 1)
    return true;
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

void IndexAccessCheck::report(SourceLocation Loc, const std::string &What,
                              const Reads &R, const BindingFix &F,
                              BindingRewriter &Rewriter) {
  Rewriter.recordNames(R, F);
  emitWithFix(diag(Loc, "the elements of %0 are read by position; name them "
                        "with a structured binding")
                  << What,
              Loc, "name the elements: [" + llvm::join(F.Names, ", ") + "]",
              F.Hints);
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
    diag(F.WhyNot->Loc, "no fix: %0", DiagnosticIDs::Note)
        << F.WhyNot->Reason.str();
}

void IndexAccessCheck::reportVariable(const VariableFacts &V,
                                      const TupleFacts &Facts,
                                      BindingRewriter &Rewriter) {
  if (llvm::none_of(V.Uses, isPositional))
    return;
  const VarDecl *VD = V.Var;
  if (isIgnored(VD->getType(), VD->getInit()) ||
      (Settings.IgnoreProjections && isProjection(V)) || readsBothOrders(V) ||
      initialisesMembers(V) ||
      llvm::all_of(llvm::make_filter_range(V.Uses, isPositional),
                   isCheckedAgainstLiteral))
    return;
  BindingFix Result = Rewriter.replaceVariable(V);
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
    BindingFix Alias = Rewriter.bindBeforeReads(
        R, VD->getType(),
        Facts.RangeFors.contains(VD) ? nullptr : producer(VD->getInit()));
    if (!Alias.WhyNot || Alias.Unnamed || isa<ParmVarDecl>(VD) ||
        !VD->isLocalVarDecl())
      Result = std::move(Alias);
  }
  if (R.Uses.empty())
    for (const Use &U : V.Uses)
      if (isPositional(U))
        R.Uses.push_back(&U);
  report(VD->getLocation(), "'" + VD->getNameAsString() + "'", R, Result,
         Rewriter);
}

void IndexAccessCheck::reportGroup(const Reads &R, BindingRewriter &Rewriter) {
  const Use &First = *R.Uses.front();
  const auto [Selecting, Deref] = selectingExpr(First);
  QualType Type = accessedObject(First)->getType();
  if (readsThroughPointer(First))
    Type = Type->getPointeeType();
  if (isIgnored(Type, accessedObject(First)))
    return;
  if ((Deref && Settings.IgnoreMapIterators) ||
      Settings.ExpressionReads == ExpressionReadsOption::None)
    return;
  BindingFix Result =
      Rewriter.bindBeforeReads(R, Type, producer(accessedObject(First)));
  // A pair read once, right where a call makes it: the binding takes the
  // call's result there.
  if (const auto *Call =
          dyn_cast<CallExpr>(ignoreTransparent(accessedObject(First)));
      Result.WhyNot && !Deref && R.Uses.size() == 1 && Call &&
      !isa<CXXOperatorCallExpr>(Call)) {
    BindingFix AtCall = Rewriter.bindAtCall(R, Type, Call);
    if (!AtCall.Hints.empty())
      Result = std::move(AtCall);
  }
  // A read with no variable behind it that the check cannot rewrite is how
  // the code has to read that value (`it != m.end() ? it->second : d`,
  // `CHECK(v[0].first == 1)`): reported only when asked for.
  if (Result.WhyNot &&
      Settings.ExpressionReads == ExpressionReadsOption::Fixable)
    return;
  // One read (`return it->second;` after a `find`) is as clear as the
  // binding a fix would add before it: reported only when the fix rewrites
  // what is there (`const Meta &m = it->second;`, `bool ok =
  // s.insert(x).second;`), or when asked for.
  if (R.Uses.size() == 1 && Result.AddsStatement &&
      Settings.ExpressionReads == ExpressionReadsOption::Fixable)
    return;
  // What the reader sees: `new_files_[i]`, `*it`; the type when the
  // expression is long or in a macro.
  const std::optional<CharSourceRange> Range = tooling::getFileRangeForEdit(
      CharSourceRange::getTokenRange(Selecting->getSourceRange()),
      Context->getSourceManager(), Context->getLangOpts());
  std::string Text =
      Range ? tooling::getText(*Range, *Context).str() : std::string();
  if (Deref && !Text.empty())
    Text = "*" + Text;
  const std::string What = !Text.empty() && Text.size() <= 40 &&
                                   !llvm::StringRef(Text).contains('\n')
                               ? "'" + Text + "'"
                               : shortTypeName(Type, *Context);
  report(First.Loc, What, R, Result, Rewriter);
}

void IndexAccessCheck::onEndOfTranslationUnit() {
  reportConfigurationInEditor();
  if (Ties.empty() && Seen.empty())
    return;
  // The use walk goes over the context's traversal scope, which focusing
  // the parents narrows to one function: it runs before any focus.
  std::optional<TupleFacts> Facts;
  if (!Seen.empty()) {
    Sightings Within = std::exchange(Seen, {});
    Facts = collectFacts(Within);
  }
  FunctionParents Parents(*Context);
  for (const CXXOperatorCallExpr *Assign : std::exchange(Ties, {}))
    reportTie(*Assign, Parents);
  if (Facts)
    reportReads(*Facts, Parents);
}

TupleFacts IndexAccessCheck::collectFacts(Sightings &Within) const {
  const llvm::SmallPtrSet<const FunctionDecl *, 1> NoFunctions;
  // Reads inside instantiations are reported through their template's own
  // code: walking the instantiations would add work and nothing else; so
  // would walking the functions and classes where no read was seen.
  TupleFacts Facts =
      collectTupleFacts(*Context, Types, NoFunctions,
                        /*VisitInstantiations=*/false, nullptr, &Within);
  // How the code fills a container names its elements, in the reads' files
  // and in the file that declares the container (a class's inline methods
  // in its header): when that file was not walked, walk again with it.
  if (addContainerFiles(Facts, Within, Context->getSourceManager()))
    Facts = collectTupleFacts(*Context, Types, NoFunctions,
                              /*VisitInstantiations=*/false, nullptr, &Within);
  // A variable that is a branch of `c ? a : b` is used as a whole, whatever
  // the conditional's use: a binding of its elements cannot stand for it.
  for (auto &[VD, V] : Facts.Variables)
    for (Use &U : V.Uses)
      if (!U.Alternatives.empty()) {
        U.Kind = UseKind::Escape;
        U.Reason = NoFix::InConditional;
      }
  return Facts;
}

void IndexAccessCheck::reportReads(TupleFacts &Facts,
                                   FunctionParents &Parents) {
  BindingRewriter Rewriter(*Context, Types, Facts);
  for (const auto &[VD, V] : Facts.Variables) {
    const auto *Function =
        dyn_cast_or_null<FunctionDecl>(VD->getParentFunctionOrMethod());
    if (Function && Function->isTemplateInstantiation())
      continue; // reported through the template
    Parents.focus(VD);
    reportVariable(V, Facts, Rewriter);
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
  for (const Reads &R : Groups) {
    Parents.focus(R.Uses.front()->Function);
    reportGroup(R, Rewriter);
  }
}

} // namespace clang::tidy::structify
