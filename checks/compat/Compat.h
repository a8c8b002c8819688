//===--- Compat.h - the API differences between LLVM majors ---*- C++ -*-===//
//
// structify builds from one source tree against each LLVM major listed in
// STRUCTIFY_SUPPORTED_LLVM_MAJORS (CMakeLists.txt). Every difference between
// those majors' APIs is bridged here, and only here, so that the rest of the
// code is written once against LLVM 22's API. Each entry says which release
// changed what; its guard compares with the first supported major that has
// the change (22), as 20 and 21 are not built. docs/install.md lists the
// differences users can see.
//
// What only the structify driver needs is in its own
// tool/structify/support/DriverCompat.h, so that the checks and the plugin
// neither see nor parse it.
//
// When a supported major is dropped, delete the branches only it needed.
//
//===----------------------------------------------------------------------===//

#ifndef STRUCTIFY_COMPAT_COMPAT_H
#define STRUCTIFY_COMPAT_COMPAT_H

#include "clang-tidy/utils/Matchers.h"
#include "clang/AST/TypeLoc.h"
#include "llvm/Config/llvm-config.h"

#if LLVM_VERSION_MAJOR < 22
// LLVM 22 moved ClangTidyModuleRegistry into ClangTidyModule.h and deprecated
// this header (it warns on inclusion; LLVM 24 deletes it).
#include "clang-tidy/ClangTidyModuleRegistry.h" // IWYU pragma: export
#endif

namespace structify::compat {

/// Whether a declaration's qualifier (`Box::` in `Box::get`) is dependent:
/// LLVM 22 made NestedNameSpecifier a value; before, a possibly null pointer.
template <typename QualifierT>
bool isDependentQualifier(const QualifierT &Qualifier) {
#if LLVM_VERSION_MAJOR >= 22
  return Qualifier.isDependent();
#else
  return Qualifier && Qualifier->isDependent();
#endif
}

/// A written type without the ElaboratedTypeLoc that Clang before 22 wraps
/// around a qualified name (`std::pair<int, int>`): LLVM 22 keeps the
/// qualifier in the type itself, and has no ElaboratedType.
inline clang::TypeLoc withoutElaboration(clang::TypeLoc TL) {
#if LLVM_VERSION_MAJOR < 22
  if (auto Elaborated = TL.getAs<clang::ElaboratedTypeLoc>())
    return Elaborated.getNamedTypeLoc();
#endif
  return TL;
}

/// The using-declaration a type names (`std::uint32_t`, brought into `std`
/// by `using ::uint32_t;`), looking through the ElaboratedType that Clang
/// before 22 wraps around a qualified name; null for any other type.
inline const clang::UsingShadowDecl *usingShadowNamed(clang::QualType T) {
  const clang::Type *Ty = T.getTypePtr();
#if LLVM_VERSION_MAJOR < 22
  if (const auto *Elaborated = llvm::dyn_cast<clang::ElaboratedType>(Ty))
    Ty = Elaborated->getNamedType().getTypePtr();
  if (const auto *Using = llvm::dyn_cast<clang::UsingType>(Ty))
    return Using->getFoundDecl();
#else
  if (const auto *Using = llvm::dyn_cast<clang::UsingType>(Ty))
    return Using->getDecl();
#endif
  return nullptr;
}

/// RecursiveASTVisitor::TraverseTypeLoc: LLVM 22 added whether to traverse
/// the type's qualifier; before, it always did.
template <typename VisitorT, typename TypeLocT>
bool traverseTypeLoc(VisitorT &Base, TypeLocT TL, bool TraverseQualifier) {
#if LLVM_VERSION_MAJOR >= 22
  return Base.TraverseTypeLoc(TL, TraverseQualifier);
#else
  (void)TraverseQualifier;
  return Base.TraverseTypeLoc(TL);
#endif
}

/// clang-tidy's matcher for a list of name regexes (IgnoredFunctions and
/// friends): LLVM 22 renamed MatchesAnyListedNameMatcher to
/// MatchesAnyListedRegexNameMatcher (and made its NameMatcher public).
#if LLVM_VERSION_MAJOR >= 22
using AnyListedNameMatcher =
    clang::tidy::matchers::MatchesAnyListedRegexNameMatcher;
#else
using AnyListedNameMatcher = clang::tidy::matchers::MatchesAnyListedNameMatcher;
#endif

/// The using-declaration a UsingType names: LLVM 22 renamed
/// UsingType::getFoundDecl to getDecl.
template <typename UsingTypeT> auto *usingTypeDecl(const UsingTypeT *T) {
#if LLVM_VERSION_MAJOR >= 22
  return T->getDecl();
#else
  return T->getFoundDecl();
#endif
}

} // namespace structify::compat

// The checks live in clang::tidy::structify: `compat::` there too.
namespace clang::tidy::structify {
namespace compat = ::structify::compat;
} // namespace clang::tidy::structify

#endif // STRUCTIFY_COMPAT_COMPAT_H
