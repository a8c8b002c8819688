//===--- KnownApis.cpp - conventional names for standard pair results -----===//

#include "model/KnownApis.h"
#include "clang/AST/Decl.h"
#include "clang/AST/DeclTemplate.h"
#include "llvm/ADT/StringSwitch.h"

namespace clang::tidy::structify {

/// In namespace std, directly or as a member of one of its classes.
static bool isInStd(const Decl *D) {
  const DeclContext *Namespace = D->getDeclContext()->getEnclosingNamespaceContext();
  return Namespace && Namespace->isStdNamespace();
}

ElementNames knownStandardNames(const FunctionDecl *Callee) {
  if (!Callee || !isInStd(Callee) || !Callee->getDeclName().isIdentifier())
    return {};
  return llvm::StringSwitch<ElementNames>(Callee->getName())
      .Cases({"insert", "emplace", "try_emplace", "insert_or_assign"},
             {{"it", "pos", "where"}, {"inserted", "is_new", "added"}})
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
