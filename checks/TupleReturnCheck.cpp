//===--- TupleReturnCheck.cpp - structify-tuple-return --------------------===//

#include "TupleReturnCheck.h"
#include "model/Analysis.h"
#include "model/Naming.h"
#include "model/ResultGroup.h"
#include "clang/AST/ASTContext.h"
#include "clang/AST/DeclCXX.h"
#include "clang/AST/DeclTemplate.h"
#include "clang/ASTMatchers/ASTMatchFinder.h"
#include "clang/ASTMatchers/ASTMatchers.h"
#include "clang/Lex/Preprocessor.h"

using namespace clang::ast_matchers;

namespace clang::tidy::structify {
namespace {

constexpr llvm::StringLiteral FunctionId = "function";

AST_MATCHER_P(FunctionDecl, returnsTupleLike, const TupleLikeTypes *, Types) {
  return Types->isTupleLike(Node.getReturnType());
}


} // namespace

struct TupleReturnCheck::Outcome {
  std::vector<FixItHint> Fixes;
  std::vector<Blocker> Blockers;
};

TupleReturnCheck::TupleReturnCheck(StringRef Name, ClangTidyContext *Context)
    : ClangTidyCheck(Name, Context),
      Policy(TupleReturnPolicy::fromOptions([&](StringRef Key, StringRef Default) {
        return Options.get(Key, Default).str();
      })),
      Types(Policy.Types),
      StructNameSuffix(Options.get("StructNameSuffix", "Result")),
      RawStructNameStyle(Options.get("StructNameStyle", "auto")),
      PlanPath(Options.get("Plan", "")) {
  if (!PlanPath.empty()) {
    if (auto Loaded = cachedPlan(PlanPath)) {
      ProjectPlan = std::move(*Loaded);
    } else {
      PlanUnusable = true;
      configurationDiag("%0; structify-tuple-return offers no fix without "
                        "a usable plan")
          << llvm::toString(Loaded.takeError());
    }
  }
  for (const auto &[Pattern, Error] : Policy.invalidPatterns())
    configurationDiag("invalid regular expression '%0' in option "
                      "'%1.IgnoredFunctions': %2")
        << Pattern << Name << Error;
  if (RawStructNameStyle != "auto" && RawStructNameStyle != "CamelCase" &&
      RawStructNameStyle != "lower_case")
    configurationDiag("invalid value '%0' for option '%1.StructNameStyle'; "
                      "expected 'auto', 'CamelCase' or 'lower_case'")
        << RawStructNameStyle << Name;
  if (!StructNameSuffix.empty() && !isIdentifier(StructNameSuffix))
    configurationDiag("invalid value '%0' for option '%1.StructNameSuffix'; "
                      "expected an identifier")
        << StructNameSuffix << Name;
}

void TupleReturnCheck::storeOptions(ClangTidyOptions::OptionMap &Opts) {
  Options.store(Opts, "TupleTypes", Policy.RawTupleTypes);
  Options.store(Opts, "IgnoredFunctions", Policy.RawIgnoredFunctions);
  Options.store(Opts, "IgnoredNamespaces", Policy.RawIgnoredNamespaces);
  Options.store(Opts, "IncludeNonPublic", Policy.IncludeNonPublic);
  Options.store(Opts, "IncludeParameterPacks", Policy.IncludeParameterPacks);
  Options.store(Opts, "StructNameSuffix", StructNameSuffix);
  Options.store(Opts, "StructNameStyle", RawStructNameStyle);
  Options.store(Opts, "Plan", PlanPath);
}

void TupleReturnCheck::registerMatchers(MatchFinder *Finder) {
  auto Candidate =
      functionDecl(returnsTupleLike(&Types), unless(isImplicit()),
                   unless(isExpansionInSystemHeader()), unless(isExternC()),
                   unless(cxxMethodDecl(ofClass(isLambda()))))
          .bind(FunctionId);
  Finder->addMatcher(Candidate, this);
}

void TupleReturnCheck::check(const MatchFinder::MatchResult &Result) {
  Context = Result.Context;
  const auto *FD = Result.Nodes.getNodeAs<FunctionDecl>(FunctionId);
  const FunctionDecl *Canonical = FD->getCanonicalDecl();
  if (Candidates.contains(Canonical) || !Policy.isCandidate(FD))
    return;
  // A deduced `auto` prints as what it deduced, without library internals.
  QualType Shown = FD->getReturnType();
  if (Shown->getContainedDeducedType())
    Shown = Shown.getCanonicalType();
  Candidates.insert({Canonical, Shown});
}

std::string TupleReturnCheck::freshStructName(const FunctionDecl *Function) {
  NameStyle Style = RawStructNameStyle == "lower_case" ? NameStyle::LowerCase
                    : RawStructNameStyle == "CamelCase"
                        ? NameStyle::CamelCase
                        : surroundingStyle(Function);
  const std::string Base =
      structNameFor(Function->getName(), Style, StructNameSuffix);
  // Any identifier the translation unit already spells could be hidden or
  // made ambiguous by a new declaration: take a name nobody uses.
  std::string Name = Base;
  for (unsigned N = 2; Context->Idents.find(Name) != Context->Idents.end() ||
                       GivenNames.contains(Name);
       ++N)
    Name = Base + std::to_string(N);
  GivenNames.insert(Name);
  return Name;
}

TupleReturnCheck::Outcome
TupleReturnCheck::rewrite(const FunctionDecl *Function, const TupleFacts &Facts) {
  Outcome Result;
  auto Block = [&](SourceLocation Loc, std::string Reason) {
    Result.Blockers.push_back({Loc, std::move(Reason)});
    return std::move(Result);
  };
  const SourceManager &SM = Context->getSourceManager();
  const std::string Name = Function->getNameAsString();
  FunctionAnalysis A = analyzeFunction(Function, Facts, Types, *Context);
  if (!A.Blockers.empty()) {
    Result.Blockers = std::move(A.Blockers);
    return Result;
  }
  if (PlanUnusable)
    return Block(Function->getLocation(), "the plan '" + PlanPath + "' cannot be used");

  StructSpec Spec;
  const PlanEntry *Planned = nullptr;
  if (ProjectPlan) {
    // The plan decided the names for the whole project.
    Planned = ProjectPlan->find(functionUsr(Function));
    if (!Planned)
      return Block(Function->getLocation(),
                   "the plan has no entry for '" + Name + "'; make the plan again");
    if (!Planned->rewrites())
      return Block(Function->getLocation(),
                   "the plan skips '" + Name + "'" +
                       (Planned->Reason.empty() ? "" : ": " + Planned->Reason));
    if (Planned->Fields.size() != A.Shape.Elements.size())
      return Block(Function->getLocation(),
                   "the plan names " + std::to_string(Planned->Fields.size()) +
                       " fields, but '" + Name + "' returns " +
                       std::to_string(A.Shape.Elements.size()) + " elements");
    Spec.Name = Planned->Struct;
    for (const PlanField &Field : Planned->Fields)
      Spec.Fields.push_back(Field.Name);
  } else {
    // Alone, a translation unit cannot see the callers a header has elsewhere.
    for (const FunctionDecl *Decl : Function->redecls())
      if (!SM.isInMainFile(SM.getExpansionLoc(Decl->getLocation())))
        return Block(Decl->getLocation(),
                     "'" + Name + "' is declared in a header, where other "
                     "translation units can call it; rewrite it across the "
                     "project with 'structify fix'");
    unsigned Missing = 0;
    Spec.Fields = chooseFieldNames(
        A.Evidence, A.KnownNames,
        [&](StringRef Field) { return isUsableIdentifier(Field, *Context); },
        Missing);
    if (Spec.Fields.empty())
      return Block(Function->getLocation(),
                   "nothing in this translation unit names element " +
                       std::to_string(Missing) + " ('" +
                       A.Shape.Elements[Missing].getAsString(
                           Context->getPrintingPolicy()) +
                       "'); name it in a return statement or a structured binding");
  }
  EditProblem Problem;
  if (!describeStructTypes(Function, A.Shape, *Context, Spec, Problem))
    return Block(Problem.Loc, Problem.Reason);
  if (Planned) {
    // Spelled as the plan says, so that every translation unit writes the
    // same struct.
    Spec.FieldTypes.clear();
    for (const PlanField &Field : Planned->Fields)
      Spec.FieldTypes.push_back(Field.Type);
  } else {
    Spec.Name = freshStructName(Function);
  }
  auto Edits = buildEdits(A.Group, Spec, *Context, Problem);
  if (!Edits)
    return Block(Problem.Loc, Problem.Reason);
  Result.Fixes = std::move(*Edits);
  return Result;
}

void TupleReturnCheck::onEndOfTranslationUnit() {
  if (Candidates.empty())
    return;
  llvm::SmallPtrSet<const FunctionDecl *, 8> Functions;
  for (const auto &[Function, ReturnType] : Candidates)
    Functions.insert(Function);
  const TupleFacts Facts = collectTupleFacts(*Context, Types, Functions);
  for (const auto &[Function, ReturnType] : Candidates) {
    Outcome Result = rewrite(Function, Facts);
    {
      auto Diag = diag(Function->getLocation(),
                       "%0 returns %1, whose elements have no names; return a "
                       "struct with named fields instead")
                  << Function << ReturnType;
      for (const FixItHint &Fix : Result.Fixes)
        Diag << Fix;
    }
    for (const Blocker &B : Result.Blockers)
      diag(B.Loc, "no fix: %0", DiagnosticIDs::Note) << B.Reason;
  }
  Candidates.clear();
  GivenNames.clear();
}

} // namespace clang::tidy::structify
