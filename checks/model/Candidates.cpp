//===--- Candidates.cpp - which functions structify-tuple-return flags ----===//

#include "model/Candidates.h"
#include "clang-tidy/utils/OptionsUtils.h"
#include "model/Naming.h"
#include "clang/AST/ASTContext.h"
#include "clang/AST/Decl.h"
#include "clang/AST/DeclCXX.h"
#include "clang/AST/DeclTemplate.h"
#include "llvm/ADT/StringExtras.h"

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

/// The two elements of \p FD's pair as its return type writes them, through
/// alias templates: the `iterator` typedefs and the template parameters kept.
/// Else \p Shape's elements, or none.
static llvm::SmallVector<QualType, 2>
writtenPair(const FunctionDecl *FD, llvm::ArrayRef<QualType> Shape = {}) {
  const auto *Written =
      FD->getReturnType()->getAs<TemplateSpecializationType>();
  while (Written && Written->isTypeAlias())
    Written = Written->getAliasedType()->getAs<TemplateSpecializationType>();
  if (Written && Written->template_arguments().size() == 2 &&
      Written->template_arguments()[0].getKind() == TemplateArgument::Type &&
      Written->template_arguments()[1].getKind() == TemplateArgument::Type)
    return {Written->template_arguments()[0].getAsType(),
            Written->template_arguments()[1].getAsType()};
  if (Shape.size() == 2)
    return {Shape[0], Shape[1]};
  // An instantiation's pair, whatever spelled it (abseil's
  // `decltype(std::make_pair(...))`).
  if (const auto *Pair = dyn_cast_or_null<ClassTemplateSpecializationDecl>(
          FD->getReturnType()->getAsCXXRecordDecl());
      Pair && Pair->getTemplateArgs().size() == 2 &&
      Pair->getTemplateArgs()[0].getKind() == TemplateArgument::Type &&
      Pair->getTemplateArgs()[1].getKind() == TemplateArgument::Type)
    return {Pair->getTemplateArgs()[0].getAsType(),
            Pair->getTemplateArgs()[1].getAsType()};
  return {};
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
  const auto Elements = writtenPair(FD, Shape.Elements);
  return isIteratorType(Elements[0]) &&
         (Elements[1]->isBooleanType() || isIteratorType(Elements[1]));
}

namespace {
/// What the pair of a standard function holds. (`std::minmax`'s pair of
/// values is no convention: `get_min_max` is worth a struct `{min, max}`.)
enum class StandardPair { IteratorAndBool, Iterators };

/// The standard functions that return a pair, and what it holds.
struct StandardPairFunction {
  llvm::StringLiteral Name;
  StandardPair Holds;
};
constexpr StandardPairFunction StandardPairFunctions[] = {
    {"insert", StandardPair::IteratorAndBool},
    {"emplace", StandardPair::IteratorAndBool},
    {"try_emplace", StandardPair::IteratorAndBool},
    {"insert_or_assign", StandardPair::IteratorAndBool},
    {"equal_range", StandardPair::Iterators},
    {"minmax_element", StandardPair::Iterators},
    {"mismatch", StandardPair::Iterators},
    {"partition_copy", StandardPair::Iterators},
};
} // namespace

/// Does \p Words hold a run of words that spells \p Name, underscores
/// aside (`partition`, `copy` spell `partition_copy`; `min`, `max` spell
/// `minmax`)?
static bool spells(llvm::ArrayRef<std::string> Words, llvm::StringRef Name) {
  std::string Wanted = Name.str();
  llvm::erase(Wanted, '_');
  for (size_t Begin = 0; Begin < Words.size(); ++Begin) {
    std::string Run;
    for (size_t End = Begin; End < Words.size() && Run.size() < Wanted.size();
         ++End)
      Run += Words[End];
    if (Run == Wanted)
      return true;
  }
  return false;
}

/// An iterator, or a type that generic code names as one: a template
/// parameter, alias or dependent member named `It`, `OutputIterator1`,
/// `ContainerIter`, `typename C::const_iterator`...
static bool isIteratorLike(QualType T) {
  if (isIteratorType(T))
    return true;
  T = T.getNonReferenceType().getUnqualifiedType();
  std::string Name;
  // A template parameter as printed: LLVM 19 keeps no identifier on the
  // written parameter's type, but prints its name.
  if (T->getAs<TemplateTypeParmType>())
    Name = T.getAsString();
  else if (const auto *Typedef = T->getAs<TypedefType>())
    Name = Typedef->getDecl()->getName().str();
  else if (const auto *Member = T->getAs<DependentNameType>())
    Name = Member->getIdentifier()->getName().str(); // `C::const_iterator`
  else if (const auto *Specialization = T->getAs<TemplateSpecializationType>())
    if (const TemplateDecl *Template =
            Specialization->getTemplateName().getAsTemplateDecl())
      Name = Template->getName().str();
  // `OutputIt1`: numbered words count as the word.
  return llvm::any_of(splitWords(Name), [](llvm::StringRef W) {
    W = W.rtrim("0123456789");
    return W == "it" || W.starts_with("iter");
  });
}

/// Does a pair of \p Elements hold what \p Holds says?
static bool holds(llvm::ArrayRef<QualType> Elements, StandardPair Holds) {
  if (Elements.size() != 2)
    return false;
  switch (Holds) {
  case StandardPair::IteratorAndBool:
    return isIteratorLike(Elements[0]) && Elements[1]->isBooleanType();
  case StandardPair::Iterators:
    return isIteratorLike(Elements[0]) && isIteratorLike(Elements[1]);
  }
  return false;
}

static llvm::StringRef standardNamesake(const FunctionDecl *FD,
                                        llvm::ArrayRef<QualType> Shape) {
  if (!FD->getDeclName().isIdentifier())
    return "";
  const auto Words = splitWords(FD->getName());
  const auto Elements = writtenPair(FD, Shape);
  for (const StandardPairFunction &Standard : StandardPairFunctions)
    if (spells(Words, Standard.Name) && holds(Elements, Standard.Holds))
      return Standard.Name;
  return "";
}

llvm::StringRef standardNamesake(const FunctionDecl *FD) {
  // The template as written first (its parameters' names), else the
  // instantiation's own pair.
  if (const FunctionDecl *Pattern = FD->getTemplateInstantiationPattern())
    if (llvm::StringRef Name = standardNamesake(Pattern, {}); !Name.empty())
      return Name;
  return standardNamesake(FD, {});
}

/// A wrapper or a re-implementation of a standard function that returns a
/// pair, under a name that contains the standard one and with the pair the
/// standard one returns (`c_partition_copy`, `insert_at_position`,
/// `MinMaxElement`): its callers read it as the standard's.
static bool followsStandardConvention(const FunctionDecl *FD,
                                      const TupleShape &Shape) {
  return Shape.Elements.size() == 2 &&
         !standardNamesake(FD, Shape.Elements).empty();
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
         !(IgnoreStandardConventions &&
           (followsContainerConvention(FD, *Shape) ||
            followsStandardConvention(FD, *Shape)));
}

} // namespace clang::tidy::structify
