//===--- TupleLike.cpp - which types are pair/tuple-like ------------------===//

#include "model/TupleLike.h"
#include "clang/AST/Decl.h"
#include "clang/AST/DeclTemplate.h"
#include "clang/AST/Type.h"

namespace clang::tidy::structify {

TupleLikeTypes::TupleLikeTypes(std::vector<std::string> QualifiedNames)
    : Names(std::move(QualifiedNames)) {
  for (std::string &Name : Names)
    if (llvm::StringRef(Name).starts_with("::"))
      Name.erase(0, 2);
}

bool TupleLikeTypes::isTupleLikeTemplate(const NamedDecl *D) const {
  if (!D)
    return false;
  const std::string Qualified = D->getQualifiedNameAsString();
  for (const std::string &Name : Names)
    if (Qualified == Name)
      return true;
  // libstdc++ and libc++ put std in an inline namespace (std::__1, ...);
  // getQualifiedNameAsString already drops inline namespaces.
  return false;
}

static void appendArgument(const TemplateArgument &Arg, TupleShape &Shape) {
  switch (Arg.getKind()) {
  case TemplateArgument::Type:
    if (Arg.getAsType()->getAs<PackExpansionType>())
      Shape.HasPackExpansion = true;
    else
      Shape.Elements.push_back(Arg.getAsType());
    return;
  case TemplateArgument::Pack:
    for (const TemplateArgument &Element : Arg.pack_elements())
      appendArgument(Element, Shape);
    return;
  default:
    // A non-type argument, or a template template argument: not an element.
    Shape.HasPackExpansion = true;
    return;
  }
}

std::optional<TupleShape> TupleLikeTypes::shape(QualType T) const {
  if (T.isNull())
    return std::nullopt;
  // Through references, and through deduced `auto`, typedefs and aliases,
  // which are sugar (but not `auto *`: a pointer is not a tuple). A dependent
  // specialization (`std::pair<T, U>` in a template) is a
  // TemplateSpecializationType.
  T = T.getNonReferenceType();
  if (const auto *Record = T->getAsCXXRecordDecl()) {
    const auto *Spec = dyn_cast<ClassTemplateSpecializationDecl>(Record);
    if (!Spec || !isTupleLikeTemplate(Spec->getSpecializedTemplate()))
      return std::nullopt;
    TupleShape Shape;
    Shape.Template = Spec->getSpecializedTemplate();
    for (const TemplateArgument &Arg : Spec->getTemplateArgs().asArray())
      appendArgument(Arg, Shape);
    return Shape;
  }
  if (const auto *TST = T->getAs<TemplateSpecializationType>()) {
    const auto *Template = dyn_cast_or_null<ClassTemplateDecl>(
        TST->getTemplateName().getAsTemplateDecl());
    if (!Template || !isTupleLikeTemplate(Template))
      return std::nullopt;
    TupleShape Shape;
    Shape.Template = Template;
    for (const TemplateArgument &Arg : TST->template_arguments())
      appendArgument(Arg, Shape);
    return Shape;
  }
  return std::nullopt;
}

std::optional<unsigned>
TupleLikeTypes::pairElementIndex(const FieldDecl *Field) const {
  if (!Field || !Field->getDeclName().isIdentifier())
    return std::nullopt;
  // A specialization, or the pattern itself when the access is in a template.
  const RecordDecl *Parent = Field->getParent();
  const ClassTemplateDecl *Template = nullptr;
  if (const auto *Spec = dyn_cast<ClassTemplateSpecializationDecl>(Parent))
    Template = Spec->getSpecializedTemplate();
  else if (const auto *Record = dyn_cast<CXXRecordDecl>(Parent))
    Template = Record->getDescribedClassTemplate();
  if (Parent->getQualifiedNameAsString() != "std::pair" &&
      !isTupleLikeTemplate(Template))
    return std::nullopt;
  if (Field->getName() == "first")
    return 0U;
  if (Field->getName() == "second")
    return 1U;
  return std::nullopt;
}

std::vector<std::string> elementKinds(const TupleShape &Shape) {
  std::vector<std::string> Kinds;
  Kinds.reserve(Shape.Elements.size());
  for (QualType Element : Shape.Elements)
    Kinds.emplace_back(Element->isBooleanType()      ? "bool"
                       : Element->isArithmeticType() ? "arithmetic"
                                                     : "other");
  return Kinds;
}

bool isStdFunction(const FunctionDecl *FD, llvm::StringRef Name) {
  if (!FD || !FD->getDeclName().isIdentifier() || FD->getName() != Name)
    return false;
  return FD->isInStdNamespace();
}

} // namespace clang::tidy::structify
