//===--- TupleReturnCheck.cpp - structify-tuple-return --------------------===//

#include "TupleReturnCheck.h"
#include "clang/AST/ASTContext.h"
#include "clang/ASTMatchers/ASTMatchFinder.h"
#include "clang/ASTMatchers/ASTMatchers.h"
#include "clang-tidy/utils/OptionsUtils.h"
#include "llvm/Support/Regex.h"

using namespace clang::ast_matchers;

namespace clang::tidy::structify {
namespace {

constexpr llvm::StringLiteral FunctionId = "function";

constexpr llvm::StringLiteral DefaultIgnoredFunctions =
    "^(insert|emplace|emplace_hint|try_emplace|insert_or_assign|equal_range|"
    "minmax|minmax_element|mismatch|partition_copy|extract)$";
constexpr llvm::StringLiteral DefaultIgnoredNamespaces = "detail;internal;impl";

std::vector<std::string> parseList(StringRef Option) {
  std::vector<std::string> Items;
  for (StringRef Item : utils::options::parseStringList(Option))
    Items.emplace_back(Item.trim());
  return Items;
}

AST_MATCHER_P(FunctionDecl, returnsTupleLike, const TupleLikeTypes *, Types) {
  return Types->isTupleLike(Node.getReturnType());
}

} // namespace

TupleReturnCheck::TupleReturnCheck(StringRef Name, ClangTidyContext *Context)
    : ClangTidyCheck(Name, Context),
      RawTupleTypes(Options.get("TupleTypes", DefaultTupleTypes)),
      RawIgnoredFunctions(
          Options.get("IgnoredFunctions", DefaultIgnoredFunctions)),
      RawIgnoredNamespaces(
          Options.get("IgnoredNamespaces", DefaultIgnoredNamespaces)),
      IncludeNonPublic(Options.get("IncludeNonPublic", false)),
      IncludeParameterPacks(Options.get("IncludeParameterPacks", false)),
      Types(parseList(RawTupleTypes)) {
  Policy.IgnoredNamespaces = parseList(RawIgnoredNamespaces);
  Policy.IncludeNonPublic = IncludeNonPublic;
  IgnoredFunctions = parseList(RawIgnoredFunctions);
  for (const std::string &Pattern : IgnoredFunctions) {
    std::string Error;
    if (!llvm::Regex(Pattern).isValid(Error))
      configurationDiag("invalid regular expression '%0' in option "
                        "'%1.IgnoredFunctions': %2")
          << Pattern << Name << Error;
  }
}

void TupleReturnCheck::storeOptions(ClangTidyOptions::OptionMap &Opts) {
  Options.store(Opts, "TupleTypes", RawTupleTypes);
  Options.store(Opts, "IgnoredFunctions", RawIgnoredFunctions);
  Options.store(Opts, "IgnoredNamespaces", RawIgnoredNamespaces);
  Options.store(Opts, "IncludeNonPublic", IncludeNonPublic);
  Options.store(Opts, "IncludeParameterPacks", IncludeParameterPacks);
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
  const auto *FD = Result.Nodes.getNodeAs<FunctionDecl>(FunctionId);
  // Instantiations are judged through the template they come from.
  if (FD->isTemplateInstantiation())
    return;
  const FunctionDecl *Canonical = FD->getCanonicalDecl();
  if (Candidates.count(Canonical))
    return;
  // A reference to a pair is stored data (a container's element, a member):
  // only values made for the caller are candidates.
  if (FD->getReturnType()->isReferenceType() || !isPublicApi(FD, Policy))
    return;
  const auto Shape = Types.shape(FD->getReturnType());
  if (!Shape || (Shape->HasPackExpansion && !IncludeParameterPacks))
    return;
  if (FD->getDeclName().isIdentifier())
    for (const std::string &Pattern : IgnoredFunctions)
      if (llvm::Regex(Pattern).match(FD->getName()))
        return;
  Candidates.insert({Canonical, FD->getReturnType()});
}

void TupleReturnCheck::onEndOfTranslationUnit() {
  for (const auto &[FD, ReturnType] : Candidates)
    diag(FD->getLocation(),
         "%0 returns %1, whose elements have no names; return a struct with "
         "named fields instead")
        << FD << ReturnType;
  Candidates.clear();
}

} // namespace clang::tidy::structify
