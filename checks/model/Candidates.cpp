//===--- Candidates.cpp - which functions structify-tuple-return flags ----===//

#include "model/Candidates.h"
#include "clang-tidy/utils/OptionsUtils.h"
#include "clang/AST/ASTContext.h"
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

NameFilter::NameFilter(llvm::StringRef Option) {
  const std::vector<std::string> List = parseList(Option);
  const std::vector<llvm::StringRef> Names(List.begin(), List.end());
  Patterns =
      std::make_shared<const ::structify::compat::AnyListedNameMatcher>(Names);
}

bool NameFilter::matches(const NamedDecl &D) const {
  return Patterns->matches(D, /*Finder=*/nullptr, /*Builder=*/nullptr);
}

TupleReturnPolicy::TupleReturnPolicy() {
  Api.IgnoredNamespaces = parseList(RawIgnoredNamespaces);
}

TupleReturnPolicy::TupleReturnPolicy(std::string RawTupleTypes,
                                     std::string RawIgnoredFunctions,
                                     std::string RawIgnoredNamespaces,
                                     bool IncludeNonPublic,
                                     bool IncludeParameterPacks,
                                     std::string RawExportMacros)
    : RawTupleTypes(std::move(RawTupleTypes)),
      RawIgnoredFunctions(std::move(RawIgnoredFunctions)),
      RawIgnoredNamespaces(std::move(RawIgnoredNamespaces)),
      IncludeNonPublic(IncludeNonPublic),
      IncludeParameterPacks(IncludeParameterPacks),
      RawExportMacros(std::move(RawExportMacros)),
      Types(parseList(this->RawTupleTypes)),
      IgnoredFunctions(this->RawIgnoredFunctions) {
  Api.IgnoredNamespaces = parseList(this->RawIgnoredNamespaces);
  Api.IncludeNonPublic = IncludeNonPublic;
  Api.ExportMacros = parseList(this->RawExportMacros);
}

/// An iterator: a pointer, a class with an `iterator_category` (every
/// standard iterator), or a type named so (`iterator`, `const_iterator`).
static bool isIteratorType(QualType T) {
  T = T.getNonReferenceType();
  if (T->isPointerType())
    return true;
  if (const auto *Typedef = T->getAs<TypedefType>())
    if (Typedef->getDecl()->getName().ends_with_insensitive("iterator"))
      return true;
  const auto *Record = T->getAsCXXRecordDecl();
  if (!Record)
    return false;
  if (Record->getDeclName().isIdentifier() &&
      Record->getName().ends_with_insensitive("iterator"))
    return true;
  const IdentifierInfo *Category =
      &Record->getASTContext().Idents.get("iterator_category");
  return Record->hasDefinition() && !Record->lookup(Category).empty();
}

/// A class that holds elements the way a container does: it names an
/// `iterator` type, or it has `begin()` and `end()`.
static bool isContainerLike(const CXXRecordDecl *Class) {
  IdentifierTable &Idents = Class->getASTContext().Idents;
  auto Has = [&](llvm::StringRef Name) {
    return !Class->lookup(&Idents.get(Name)).empty();
  };
  return Has("iterator") || Has("const_iterator") ||
         (Has("begin") && Has("end"));
}

/// The standard containers' convention, under any name: a container's
/// `insert` returns `pair<iterator, bool>`, its `equal_range`
/// `pair<iterator, iterator>`; so do `insert_at_position`, `find_peers`...
/// Their callers know what `.first` and `.second` are.
static bool followsContainerConvention(const FunctionDecl *FD,
                                       const TupleShape &Shape) {
  const auto *Method = dyn_cast<CXXMethodDecl>(FD);
  if (!Method || Shape.Elements.size() != 2 ||
      !isContainerLike(Method->getParent()))
    return false;
  // The return type as written keeps the `iterator` typedefs.
  llvm::SmallVector<QualType, 2> Elements(Shape.Elements.begin(),
                                          Shape.Elements.end());
  if (const auto *Written =
          FD->getReturnType()->getAs<TemplateSpecializationType>())
    if (Written->template_arguments().size() == 2 &&
        Written->template_arguments()[0].getKind() == TemplateArgument::Type &&
        Written->template_arguments()[1].getKind() == TemplateArgument::Type)
      Elements = {Written->template_arguments()[0].getAsType(),
                  Written->template_arguments()[1].getAsType()};
  return isIteratorType(Elements[0]) &&
         (Elements[1]->isBooleanType() || isIteratorType(Elements[1]));
}

bool TupleReturnPolicy::isCandidate(const FunctionDecl *FD) const {
  // Instantiations and specializations are judged through their template;
  // operators and conversions are not named APIs.
  if (FD->isTemplateInstantiation() || FD->getPrimaryTemplate() ||
      FD->getTemplateSpecializationKind() == TSK_ExplicitSpecialization ||
      !FD->getDeclName().isIdentifier() || FD->isExternC())
    return false;
  // `Box<int>::with<U>`, the member template `Box<T>::with<U>` instantiated
  // with its class: one declaration, judged once, through the pattern.
  if (const FunctionTemplateDecl *Template = FD->getDescribedFunctionTemplate();
      Template && Template->getInstantiatedFromMemberTemplate())
    return false;
  if (const auto *Method = dyn_cast<CXXMethodDecl>(FD)) {
    // An override's return type is its base's to decide; a lambda is not an
    // API.
    if (Method->size_overridden_methods() > 0 ||
        Method->getParent()->isLambda())
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
  return !IgnoredFunctions.matches(*FD) &&
         !followsContainerConvention(FD, *Shape);
}

} // namespace clang::tidy::structify
