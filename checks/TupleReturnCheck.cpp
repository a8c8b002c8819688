//===--- TupleReturnCheck.cpp - structify-tuple-return --------------------===//

#include "TupleReturnCheck.h"
#include "model/Naming.h"
#include "model/TypeSpelling.h"
#include "model/tuplereturn/Analysis.h"
#include "model/tuplereturn/Placement.h"
#include "model/tuplereturn/ResultGroup.h"
#include "model/tuplereturn/Rewrite.h"
#include "clang/AST/ASTContext.h"
#include "clang/AST/DeclCXX.h"
#include "clang/AST/DeclTemplate.h"
#include "clang/ASTMatchers/ASTMatchFinder.h"
#include "clang/ASTMatchers/ASTMatchers.h"
#include "clang/Lex/Preprocessor.h"
#include "llvm/ADT/StringExtras.h"

using namespace clang::ast_matchers;

namespace clang::tidy::structify {
namespace {

constexpr llvm::StringLiteral FunctionId = "function";
constexpr llvm::StringLiteral Warning =
    "%0 returns %1; return a struct with named fields instead";
/// A warning is read in a terminal line or a CI annotation: long return types
/// are shortened so that it stays within this many characters.
constexpr size_t MessageBudget = 120;

AST_MATCHER_P(FunctionDecl, returnsTupleLike, const TupleLikeTypes *, Types) {
  return Types->isTupleLike(Node.getReturnType());
}

/// The return type for the warning, quoted, in at most \p Budget characters
/// when it can be: as written, with an `aka` when an alias hides the tuple and
/// both spellings fit (`'Triple' (aka 'std::tuple<int, int, int>')`); else the
/// template and its number of elements (`a 'std::tuple' of 5 elements`).
std::string writtenType(QualType T, const ASTContext &Ctx, size_t Budget) {
  // A deduced `auto` prints as what it deduced, without library internals.
  const std::string Written = T->getContainedDeducedType()
                                  ? spellResolvedType(T, Ctx)
                                  : T.getAsString(Ctx.getPrintingPolicy());
  const std::string Canonical = spellResolvedType(T, Ctx);
  std::string Text = "'" + Written + "'";
  // A dependent type resolves to compiler-made names (`type-parameter-0-0`).
  if (!T->isDependentType() && Canonical != Written &&
      Text.size() + Canonical.size() + 9 <= Budget)
    Text += " (aka '" + Canonical + "')";
  if (Text.size() <= Budget)
    return Text;
  auto Counted = [](llvm::ArrayRef<TemplateArgument> Args) {
    size_t Elements = 0;
    for (const TemplateArgument &Arg : Args)
      Elements += Arg.getKind() == TemplateArgument::Pack ? Arg.pack_size() : 1;
    return std::to_string(Elements) + " elements";
  };
  if (const auto *Spec = dyn_cast_or_null<ClassTemplateSpecializationDecl>(
          T.getCanonicalType()->getAsCXXRecordDecl()))
    return "a '" + Spec->getQualifiedNameAsString() + "' of " +
           Counted(Spec->getTemplateArgs().asArray());
  // A dependent type: its template and its arguments as written.
  if (const auto *TST = T->getAs<TemplateSpecializationType>())
    if (const TemplateDecl *Template =
            TST->getTemplateName().getAsTemplateDecl())
      return "a '" + Template->getQualifiedNameAsString() + "' of " +
             Counted(TST->template_arguments());
  return Text;
}

} // namespace

TupleReturnCheck::TupleReturnCheck(StringRef Name, ClangTidyContext *Context)
    : StructifyCheck(Name, Context),
      Settings(readOptions<TupleReturnOptions>(Options)),
      Policy(Settings.policy()), Types(Policy.Types) {
  for (llvm::StringRef Extension : Context->getHeaderFileExtensions())
    HeaderExtensions.push_back(Extension.str());
  if (!Settings.PlanPath.empty()) {
    if (auto Loaded = cachedPlan(Settings.PlanPath)) {
      ProjectPlan = std::move(*Loaded);
    } else {
      PlanUnusable = true;
      const std::string Problem = llvm::toString(Loaded.takeError()) +
                                  "; structify-tuple-return offers no fix "
                                  "without a usable plan";
      configurationDiag(Problem);
      addConfigurationProblem(Problem);
    }
  }
}

void TupleReturnCheck::storeOptions(ClangTidyOptions::OptionMap &Opts) {
  structify::storeOptions(Settings, Options, Opts);
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
  if (Candidates.contains(Canonical) ||
      (!Policy.isCandidate(FD) && !sharesPlannedStruct(FD)))
    return;
  Candidates.insert({Canonical, FD->getReturnType()});
}

void TupleReturnCheck::registerPPCallbacks(const SourceManager &SM,
                                           Preprocessor *PP,
                                           Preprocessor *ModuleExpanderPP) {
  StructifyCheck::registerPPCallbacks(SM, PP, ModuleExpanderPP);
  this->PP = PP;
}

void TupleReturnCheck::onEndOfTranslationUnit() {
  reportConfigurationInEditor();
  if (Candidates.empty())
    return;
  llvm::SmallPtrSet<const FunctionDecl *, 8> Functions;
  for (const auto &[Function, ReturnType] : Candidates)
    Functions.insert(Function);
  const TupleFacts Facts = collectTupleFacts(*Context, Types, Functions);
  RewriteSettings Rewrite;
  Rewrite.ProjectPlan = ProjectPlan.get();
  Rewrite.PlanUnusable = PlanUnusable;
  Rewrite.StructNameSuffix = Settings.StructNameSuffix;
  Rewrite.NameStyle = Settings.NameStyle;
  Rewrite.MainFileIsHeader = isHeaderMainFile(*Context, HeaderExtensions);
  FileTokens Tokens(Context->getSourceManager(), getLangOpts(), PP);
  FunctionRewriter Rewriter(*Context, Types, Rewrite, Tokens);
  llvm::SmallVector<const FunctionDecl *, 8> Rewritable;
  for (const auto &[Function, ReturnType] : Candidates)
    Rewritable.push_back(Function);
  Rewriter.setFunctions(Rewritable);
  for (const auto &[Function, ReturnType] : Candidates) {
    const RewriteOutcome Result = Rewriter.rewrite(Function, Facts);
    // The type gets what the rest of the warning leaves: its text without
    // the two placeholders, and the function's name in quotes.
    const size_t Rest =
        Warning.size() - 4 + Function->getNameAsString().size() + 2;
    emitWithFix(
        diag(Function->getLocation(), Warning)
            << Function
            << writtenType(ReturnType, *Context,
                           MessageBudget - std::min(MessageBudget, Rest)),
        Function->getLocation(),
        "return a struct: " + Result.StructName + " {" +
            llvm::join(Result.FieldNames, ", ") + "}",
        Result.Fixes);
    noteWhyNot(Function, Result);
  }
  Candidates.clear();
}

bool TupleReturnCheck::sharesPlannedStruct(const FunctionDecl *FD) const {
  // An override of a virtual function the plan rewrites takes its struct.
  if (!ProjectPlan || FD->isTemplateInstantiation() ||
      FD->getPrimaryTemplate() || !Types.isTupleLike(FD->getReturnType()) ||
      overriddenRoots(FD).empty())
    return false;
  const PlanEntry *Entry = ProjectPlan->find(functionUsr(FD));
  return Entry && Entry->Usr != functionUsr(FD);
}

void TupleReturnCheck::noteWhyNot(const FunctionDecl *Function,
                                  const RewriteOutcome &Result) {
  using Status = RewriteOutcome::Status;
  switch (Result.Kind) {
  case Status::Rewritten:
    return;
  case Status::Blocked:
    for (const Blocker &B : Result.Blockers)
      diag(B.Loc, "no fix: %0", DiagnosticIDs::Note) << B.Reason.str();
    return;
  case Status::PlanUnusable:
    diag(Function->getLocation(), "no fix: the plan '%0' cannot be used",
         DiagnosticIDs::Note)
        << Settings.PlanPath;
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
