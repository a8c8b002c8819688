//===--- TupleReturnCheck.cpp - structify-tuple-return --------------------===//

#include "TupleReturnCheck.h"
#include "model/Analysis.h"
#include "model/Naming.h"
#include "model/Placement.h"
#include "model/ResultGroup.h"
#include "model/Rewrite.h"
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

TupleReturnCheck::TupleReturnCheck(StringRef Name, ClangTidyContext *Context)
    : ClangTidyCheck(Name, Context),
      Policy(TupleReturnPolicy::fromOptions([&](StringRef Key, StringRef Default) {
        return Options.get(Key, Default).str();
      })),
      Types(Policy.Types),
      StructNameSuffix(Options.get("StructNameSuffix", "Result")),
      RawStructNameStyle(Options.get("StructNameStyle", "auto")),
      PlanPath(Options.get("Plan", "")) {
  for (llvm::StringRef Extension : Context->getHeaderFileExtensions())
    HeaderExtensions.push_back(Extension.str());
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

void TupleReturnCheck::registerPPCallbacks(const SourceManager &,
                                           Preprocessor *PP, Preprocessor *) {
  this->PP = PP;
}

void TupleReturnCheck::onEndOfTranslationUnit() {
  if (Candidates.empty())
    return;
  llvm::SmallPtrSet<const FunctionDecl *, 8> Functions;
  for (const auto &[Function, ReturnType] : Candidates)
    Functions.insert(Function);
  const TupleFacts Facts = collectTupleFacts(*Context, Types, Functions);
  RewriteSettings Settings;
  Settings.ProjectPlan = ProjectPlan.get();
  Settings.PlanUnusable = PlanUnusable;
  Settings.StructNameSuffix = StructNameSuffix;
  Settings.StructNameStyle = RawStructNameStyle;
  Settings.MainFileIsHeader = isHeaderMainFile(*Context, HeaderExtensions);
  FileTokens Tokens(Context->getSourceManager(), getLangOpts(), PP);
  FunctionRewriter Rewriter(*Context, Types, Settings, Tokens);
  for (const auto &[Function, ReturnType] : Candidates) {
    const RewriteOutcome Result = Rewriter.rewrite(Function, Facts);
    {
      auto Diag = diag(Function->getLocation(),
                       "%0 returns %1, whose elements have no names; return a "
                       "struct with named fields instead")
                  << Function << ReturnType;
      for (const FixItHint &Fix : Result.Fixes)
        Diag << Fix;
    }
    noteWhyNot(Function, Result);
  }
  Candidates.clear();
}

void TupleReturnCheck::noteWhyNot(const FunctionDecl *Function,
                                  const RewriteOutcome &Result) {
  using Status = RewriteOutcome::Status;
  switch (Result.Kind) {
  case Status::Rewritten:
    return;
  case Status::Blocked:
    for (const Blocker &B : Result.Blockers)
      diag(B.Loc, "no fix: %0", DiagnosticIDs::Note) << B.Reason;
    return;
  case Status::PlanUnusable:
    diag(Function->getLocation(), "no fix: the plan '%0' cannot be used",
         DiagnosticIDs::Note)
        << PlanPath;
    return;
  case Status::NotInPlan:
    diag(Function->getLocation(),
         "no fix: the plan has no entry for %0; make the plan again",
         DiagnosticIDs::Note)
        << Function;
    return;
  case Status::SkippedByPlan:
    diag(Function->getLocation(), "no fix: the plan skips %0%select{|: %2}1",
         DiagnosticIDs::Note)
        << Function << !Result.PlanReason.empty() << Result.PlanReason;
    return;
  }
}

} // namespace clang::tidy::structify
