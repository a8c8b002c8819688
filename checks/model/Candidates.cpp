//===--- Candidates.cpp - which functions structify-tuple-return flags ----===//

#include "model/Candidates.h"
#include "clang-tidy/utils/OptionsUtils.h"
#include "clang/AST/Decl.h"
#include "clang/AST/DeclCXX.h"

namespace clang::tidy::structify {

std::vector<std::string> parseList(llvm::StringRef Option) {
  std::vector<std::string> Items;
  for (llvm::StringRef Item : utils::options::parseStringList(Option))
    if (!Item.trim().empty())
      Items.emplace_back(Item.trim());
  return Items;
}

TupleReturnPolicy TupleReturnPolicy::fromOptions(
    llvm::function_ref<std::string(llvm::StringRef, llvm::StringRef)> Get) {
  TupleReturnPolicy P;
  P.RawTupleTypes = Get("TupleTypes", DefaultTupleTypes);
  P.RawIgnoredFunctions = Get("IgnoredFunctions", DefaultIgnoredFunctions);
  P.RawIgnoredNamespaces = Get("IgnoredNamespaces", DefaultIgnoredNamespaces);
  auto Flag = [&](llvm::StringRef Name) {
    const std::string Value = Get(Name, "false");
    return Value == "true" || Value == "1";
  };
  P.IncludeNonPublic = Flag("IncludeNonPublic");
  P.IncludeParameterPacks = Flag("IncludeParameterPacks");
  P.Types = TupleLikeTypes(parseList(P.RawTupleTypes));
  P.Api.IgnoredNamespaces = parseList(P.RawIgnoredNamespaces);
  P.Api.IncludeNonPublic = P.IncludeNonPublic;
  for (const std::string &Pattern : parseList(P.RawIgnoredFunctions))
    P.IgnoredFunctions.emplace_back(Pattern);
  return P;
}

std::vector<std::pair<std::string, std::string>>
TupleReturnPolicy::invalidPatterns() const {
  std::vector<std::pair<std::string, std::string>> Invalid;
  for (const std::string &Pattern : parseList(RawIgnoredFunctions)) {
    std::string Error;
    if (!llvm::Regex(Pattern).isValid(Error))
      Invalid.emplace_back(Pattern, Error);
  }
  return Invalid;
}

bool TupleReturnPolicy::isCandidate(const FunctionDecl *FD) const {
  // Instantiations and specializations are judged through their template;
  // operators and conversions are not named APIs.
  if (FD->isTemplateInstantiation() || FD->getPrimaryTemplate() ||
      FD->getTemplateSpecializationKind() == TSK_ExplicitSpecialization ||
      !FD->getDeclName().isIdentifier() || FD->isExternC())
    return false;
  if (const auto *Method = dyn_cast<CXXMethodDecl>(FD)) {
    // An override's return type is its base's to decide; a lambda is not an API.
    if (Method->size_overridden_methods() > 0 || Method->getParent()->isLambda())
      return false;
  }
  // A reference to a pair is stored data (a container's element, a member):
  // only values made for the caller are candidates.
  if (FD->getReturnType()->isReferenceType() || !isPublicApi(FD, Api))
    return false;
  const auto Shape = Types.shape(FD->getReturnType());
  if (!Shape || (Shape->HasPackExpansion ? !IncludeParameterPacks
                                         : Shape->Elements.size() < 2))
    return false;
  for (const llvm::Regex &Pattern : IgnoredFunctions)
    if (Pattern.isValid() && Pattern.match(FD->getName()))
      return false;
  return true;
}

} // namespace clang::tidy::structify
