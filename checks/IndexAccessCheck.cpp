//===--- IndexAccessCheck.cpp - structify-index-access --------------------===//

#include "IndexAccessCheck.h"
#include "model/Edits.h"
#include "model/KnownApis.h"
#include "model/Naming.h"
#include "model/ScopeNames.h"
#include "clang/AST/ASTContext.h"
#include "clang/AST/ExprCXX.h"
#include "clang/ASTMatchers/ASTMatchFinder.h"
#include "clang/ASTMatchers/ASTMatchers.h"
#include "clang/Basic/SourceManager.h"
#include "clang/Lex/Lexer.h"
#include "llvm/ADT/StringExtras.h"

using namespace clang::ast_matchers;

namespace clang::tidy::structify {
namespace {

constexpr llvm::StringLiteral AccessId = "access";

std::vector<llvm::Regex> compile(const std::string &Raw) {
  std::vector<llvm::Regex> Patterns;
  for (const std::string &Pattern : parseList(Raw))
    Patterns.emplace_back(Pattern);
  return Patterns;
}

bool matchesAny(const std::vector<llvm::Regex> &Patterns, StringRef Text) {
  return llvm::any_of(Patterns, [&](const llvm::Regex &Pattern) {
    return Pattern.isValid() && Pattern.match(Text);
  });
}

/// The expression an element access reads from: the base of `.first`, the
/// argument of `std::get`.
const Expr *accessedObject(const Use &U) {
  if (const auto *ME = dyn_cast<MemberExpr>(U.Access))
    return ME->getBase();
  return cast<CallExpr>(U.Access)->getArg(0);
}

/// The function whose call produced \p Object, if it is a call.
const FunctionDecl *producer(const Expr *Object) {
  if (const auto *Call = dyn_cast_or_null<CallExpr>(ignoreTransparent(Object)))
    return Call->getDirectCallee();
  return nullptr;
}

std::string accessSpelling(const Use &U) {
  if (isa<MemberExpr>(U.Access))
    return U.Index == 0 ? "'.first'" : "'.second'";
  return "'std::get<" + std::to_string(U.Index) + ">'";
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

} // namespace

struct IndexAccessCheck::Fix {
  std::vector<FixItHint> Hints;
  std::string Blocker;
  SourceLocation BlockerLoc;
};

IndexAccessCheck::IndexAccessCheck(StringRef Name, ClangTidyContext *Context)
    : ClangTidyCheck(Name, Context),
      RawTupleTypes(Options.get("TupleTypes", DefaultTupleTypes)),
      IgnoreMapIterators(Options.get("IgnoreMapIterators", false)),
      RawIgnoredTypes(Options.get("IgnoredTypes", "")),
      RawIgnoredFunctions(Options.get("IgnoredFunctions", "")),
      Types(parseList(RawTupleTypes)), IgnoredTypes(compile(RawIgnoredTypes)),
      IgnoredFunctions(compile(RawIgnoredFunctions)) {
  for (const auto *Option : {&RawIgnoredTypes, &RawIgnoredFunctions})
    for (const std::string &Pattern : parseList(*Option)) {
      std::string Error;
      if (!llvm::Regex(Pattern).isValid(Error))
        configurationDiag("invalid regular expression '%0' in option "
                          "'%1.%2': %3")
            << Pattern << Name
            << (Option == &RawIgnoredTypes ? "IgnoredTypes" : "IgnoredFunctions")
            << Error;
    }
  if (Context->isCheckEnabled(TupleReturnCheckName)) {
    const ClangTidyOptions::OptionMap &All = Context->getOptions().CheckOptions;
    TupleReturn = TupleReturnPolicy::fromOptions([&](StringRef Key, StringRef Default) {
      auto It = All.find((TupleReturnCheckName + "." + Key).str());
      return It == All.end() ? Default.str() : It->getValue().Value;
    });
  }
}

void IndexAccessCheck::storeOptions(ClangTidyOptions::OptionMap &Opts) {
  Options.store(Opts, "TupleTypes", RawTupleTypes);
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
}

void IndexAccessCheck::check(const MatchFinder::MatchResult &Result) {
  Context = Result.Context;
  SawAccess = true;
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
  if (matchesAny(IgnoredTypes, TypeName))
    return true;
  if (const FunctionDecl *Callee = producer(Object))
    if (matchesAny(IgnoredFunctions,
                   writtenFunction(Callee)->getQualifiedNameAsString()))
      return true;
  return isLeftToTupleReturn(Object);
}

IndexAccessCheck::Fix
IndexAccessCheck::bindVariable(const VariableFacts &V, const TupleFacts &Facts) {
  Fix Result;
  const VarDecl *VD = V.Var;
  auto Block = [&](std::string Reason, SourceLocation Loc = {}) {
    Result.Hints.clear(); // all of the rewrite or none of it
    Result.Blocker = std::move(Reason);
    Result.BlockerLoc = Loc.isValid() ? Loc : VD->getLocation();
    return Result;
  };
  const LangOptions &LangOpts = Context->getLangOpts();
  const auto RangeFor = Facts.RangeFors.find(VD);
  const bool IsRangeFor = RangeFor != Facts.RangeFors.end();

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
      return Block(U.Kind == UseKind::Escape ? U.Reason
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

  // Names: the standard API's own, a map entry's key and value, then what
  // the code does with each element.
  const auto Shape = Types.shape(VD->getType());
  if (!Shape || Shape->HasPackExpansion)
    return Block("the number of elements is not known");
  const size_t N = Shape->Elements.size();
  if (!canBind(VD->getType(), N))
    return Block("a structured binding cannot unpack '" +
                 VD->getType().getNonReferenceType().getUnqualifiedType().getAsString(
                     Context->getPrintingPolicy()) +
                 "' into its " + std::to_string(N) + " elements");
  ElementNames Candidates(N);
  auto AddAll = [&](const ElementNames &Names) {
    for (size_t I = 0; I < N && I < Names.size(); ++I)
      llvm::append_range(Candidates[I], Names[I]);
  };
  if (!IsRangeFor)
    AddAll(knownStandardNames(producer(VD->getInit())));
  if (isMapEntryType(VD->getType()))
    AddAll(mapEntryNames());
  for (const Use &U : V.Uses)
    if (!U.ReceiverName.empty() && U.Index < N) {
      std::string Name = normalizeName(U.ReceiverName);
      if (isMeaningfulName(Name))
        Candidates[U.Index].push_back(std::move(Name));
    }
  const Decl *Function = cast<Decl>(VD->getParentFunctionOrMethod());
  llvm::StringSet<> Taken = namesUsedIn(Function);
  Taken.erase(VD->getName());
  // The bindings this run gives other variables of the function: applying
  // every fix at once must not declare a name twice.
  const llvm::StringSet<> &Given = NamesGiven[Function];
  std::vector<std::string> Names(N);
  auto Usable = [&](const std::string &Candidate) {
    const auto Ident = Context->Idents.find(Candidate);
    const bool Reserved = Ident != Context->Idents.end() &&
                          (Ident->getValue()->isKeyword(LangOpts) ||
                           Ident->getValue()->hasMacroDefinition());
    return !Taken.contains(Candidate) && !Given.contains(Candidate) &&
           !Reserved && !llvm::is_contained(Names, Candidate);
  };
  // When another binding of this run took the name (two `insert`s in one
  // function both want `it` and `inserted`), the variable's own name, or a
  // number, tells them apart.
  const std::string Prefix = normalizeName(VD->getName());
  auto Alternatives = [&](const std::string &Candidate) {
    std::vector<std::string> More;
    if (isMeaningfulName(Prefix))
      More.push_back(Prefix + "_" + Candidate);
    for (int Counter = 2; Counter <= 9; ++Counter)
      More.push_back(Candidate + std::to_string(Counter));
    return More;
  };
  for (size_t I = 0; I < N; ++I) {
    for (const std::string &Candidate : Candidates[I])
      if (Usable(Candidate)) {
        Names[I] = Candidate;
        break;
      }
    for (const std::string &Candidate : Candidates[I]) {
      if (!Names[I].empty() || !Given.contains(Candidate))
        continue;
      for (const std::string &Alternative : Alternatives(Candidate))
        if (Usable(Alternative)) {
          Names[I] = Alternative;
          break;
        }
    }
    if (Names[I].empty())
      return Block(Candidates[I].empty()
                       ? "nothing in the code names element " + std::to_string(I)
                       : "every name for element " + std::to_string(I) + " ('" +
                             llvm::join(Candidates[I], "', '") +
                             "') clashes with a name in scope");
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
  std::string Binding =
      VD->getType().getNonReferenceType().isConstQualified() ? "const auto" : "auto";
  Binding += RefOnName ? " " + Ref : Ref + " ";
  Binding += "[" + llvm::join(Names, ", ") + "]";
  Result.Hints.push_back(FixItHint::CreateReplacement(Declarator, Binding));

  for (const Use &U : V.Uses) {
    if (U.InInstantiation)
      continue;
    // `[v]` -> `[a, b]`, `[&v]` -> `[&a, &b]`: each binding is captured alike.
    const bool Capture = U.Kind == UseKind::Captured;
    const CharSourceRange Range = Lexer::makeFileCharRange(
        CharSourceRange::getTokenRange(Capture ? U.Value->getSourceRange()
                                               : U.Access->getSourceRange()),
        SM, LangOpts);
    if (Range.isInvalid())
      return Block("the element is read in a macro expansion", U.Loc);
    std::string Text = Names[U.Index];
    if (Capture) {
      const auto *Lambda = cast<LambdaExpr>(U.Statement);
      const bool ByReference = llvm::any_of(
          Lambda->explicit_captures(), [&](const LambdaCapture &C) {
            return C.capturesVariable() && C.getCapturedVar() == VD &&
                   C.getCaptureKind() == LCK_ByRef;
          });
      Text = llvm::join(Names, ByReference ? ", &" : ", ");
    }
    Result.Hints.push_back(FixItHint::CreateReplacement(Range, Text));
  }
  removeDuplicateEdits(Result.Hints);
  for (const std::string &Name : Names)
    NamesGiven[Function].insert(Name);
  return Result;
}

void IndexAccessCheck::reportVariable(const VariableFacts &V,
                                      const TupleFacts &Facts) {
  std::vector<const Use *> Positional;
  for (const Use &U : V.Uses)
    if (isPositional(U))
      Positional.push_back(&U);
  if (Positional.empty())
    return;
  const VarDecl *VD = V.Var;
  if (isIgnored(VD->getType(), VD->getInit()))
    return;
  const Fix Result = bindVariable(V, Facts);
  {
    auto Diag = diag(VD->getLocation(), "the elements of %0 are read by "
                                        "position; name them with a "
                                        "structured binding")
                << VD;
    for (const FixItHint &Hint : Result.Hints)
      Diag << Hint;
  }
  // One note per spelling, however many times a macro expands it.
  llvm::SmallVector<SourceLocation, 8> Noted;
  const SourceManager &SM = Context->getSourceManager();
  for (const Use *U : Positional) {
    const SourceLocation Spelled = SM.getFileLoc(U->Loc);
    if (llvm::is_contained(Noted, Spelled))
      continue;
    Noted.push_back(Spelled);
    diag(U->Loc, "element %0 is read by position here", DiagnosticIDs::Note)
        << U->Index;
  }
  if (!Result.Blocker.empty())
    diag(Result.BlockerLoc, "no fix: %0", DiagnosticIDs::Note) << Result.Blocker;
}

void IndexAccessCheck::reportAccess(const Use &Access) {
  const Expr *Object = accessedObject(Access);
  QualType TupleType = Object->getType();
  if (const auto *ME = dyn_cast<MemberExpr>(Access.Access); ME && ME->isArrow()) {
    TupleType = TupleType->getPointeeType();
    // `it->second`: through an iterator (or a pointer, which is one).
    if (IgnoreMapIterators)
      return;
  }
  if (isIgnored(TupleType, Object))
    return;
  diag(Access.Loc, "%0 reads element %1 of %2 by position; name the elements "
                   "with a structured binding")
      << accessSpelling(Access) << Access.Index
      << TupleType.getUnqualifiedType();
}

void IndexAccessCheck::onEndOfTranslationUnit() {
  if (!SawAccess)
    return;
  SawAccess = false;
  const llvm::SmallPtrSet<const FunctionDecl *, 1> NoFunctions;
  // Reads inside instantiations are reported through their template's own
  // code: walking the instantiations would add work and nothing else.
  const TupleFacts Facts =
      collectTupleFacts(*Context, Types, NoFunctions, /*VisitInstantiations=*/false);
  for (const auto &[VD, V] : Facts.Variables) {
    const auto *Function =
        dyn_cast_or_null<FunctionDecl>(VD->getParentFunctionOrMethod());
    if (Function && Function->isTemplateInstantiation())
      continue; // reported through the template
    reportVariable(V, Facts);
  }
  for (const Use &Access : Facts.OtherAccesses)
    if (isPositional(Access))
      reportAccess(Access);
  NamesGiven.clear();
}

} // namespace clang::tidy::structify
