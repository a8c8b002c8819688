//===--- KnownApis.cpp - conventional names for standard pair results -----===//

#include "model/indexaccess/KnownApis.h"
#include "model/Candidates.h"
#include "clang/AST/Decl.h"
#include "clang/AST/DeclTemplate.h"
#include "llvm/ADT/STLExtras.h"
#include "llvm/ADT/StringSwitch.h"

namespace clang::tidy::structify {

/// In namespace std, directly or as a member of one of its classes.
static bool isInStd(const Decl *D) {
  const DeclContext *Namespace =
      D->getDeclContext()->getEnclosingNamespaceContext();
  return Namespace && Namespace->isStdNamespace();
}

/// `insert` and friends: they return an iterator and whether they inserted.
static bool isInsertName(llvm::StringRef Name) {
  return llvm::is_contained(
      {llvm::StringRef("insert"), llvm::StringRef("emplace"),
       llvm::StringRef("try_emplace"), llvm::StringRef("insert_or_assign")},
      Name);
}

/// `insert` and friends of a container, standard or not.
static bool isContainerStyleInsert(const FunctionDecl *Callee) {
  if (!isInsertName(Callee->getName()))
    return false;
  const auto *Spec = dyn_cast_or_null<ClassTemplateSpecializationDecl>(
      Callee->getReturnType()->getAsCXXRecordDecl());
  return Spec && Spec->getTemplateArgs().size() == 2 &&
         Spec->getTemplateArgs()[1].getKind() == TemplateArgument::Type &&
         Spec->getTemplateArgs()[1].getAsType()->isBooleanType();
}

ElementNames knownStandardNames(const FunctionDecl *Callee) {
  if (!Callee || !Callee->getDeclName().isIdentifier())
    return {};
  // A wrapper of a standard function, under a name of its own
  // (`c_minmax_element`, `insert_at_position`), is read as the standard one.
  const llvm::StringRef Name =
      isInStd(Callee) ? Callee->getName() : standardNamesake(Callee);
  if (isContainerStyleInsert(Callee) || isInsertName(Name))
    return {{"it", "pos", "where"}, {"inserted", "is_new", "added"}};
  return llvm::StringSwitch<ElementNames>(Name)
      .Case("minmax", {{"min", "lo", "smallest"}, {"max", "hi", "largest"}})
      .Case("minmax_element", {{"min_it"}, {"max_it"}})
      .Case("equal_range", {{"lower", "range_begin"}, {"upper", "range_end"}})
      .Case("mismatch", {{"in1"}, {"in2"}})
      .Case("partition_copy", {{"out_true"}, {"out_false"}})
      .Default({});
}

ElementNames mapEntryNames() { return {{"key", "k"}, {"value", "val"}}; }

bool isMapEntryType(QualType T) {
  const auto *Spec = dyn_cast_or_null<ClassTemplateSpecializationDecl>(
      T.getNonReferenceType()->getAsCXXRecordDecl());
  if (!Spec || Spec->getQualifiedNameAsString() != "std::pair")
    return false;
  const TemplateArgumentList &Args = Spec->getTemplateArgs();
  return Args.size() == 2 && Args[0].getKind() == TemplateArgument::Type &&
         Args[0].getAsType().isConstQualified();
}

} // namespace clang::tidy::structify
