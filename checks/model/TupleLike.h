//===--- TupleLike.h - which types are pair/tuple-like ----------*- C++ -*-===//
//
// The types structify treats as "a value whose elements have no names":
// std::pair, std::tuple, and whatever the user adds with the TupleTypes option.
//
//===----------------------------------------------------------------------===//

#ifndef STRUCTIFY_MODEL_TUPLELIKE_H
#define STRUCTIFY_MODEL_TUPLELIKE_H

#include "clang/AST/Type.h"
#include "llvm/ADT/SmallVector.h"
#include "llvm/ADT/StringRef.h"
#include <optional>
#include <string>
#include <vector>

namespace clang {
class ClassTemplateDecl;
class FieldDecl;
class FunctionDecl;
class NamedDecl;
} // namespace clang

namespace clang::tidy::structify {

/// The default value of the TupleTypes option.
inline constexpr llvm::StringLiteral DefaultTupleTypes =
    "::std::pair;::std::tuple";

/// The element types of one tuple-like type.
struct TupleShape {
  const ClassTemplateDecl *Template = nullptr;
  llvm::SmallVector<QualType, 4> Elements;
  /// True when an element comes from an unexpanded parameter pack
  /// (`std::tuple<Ts...>`): the number of elements is not known.
  bool HasPackExpansion = false;
};

class TupleLikeTypes {
public:
  explicit TupleLikeTypes(std::vector<std::string> QualifiedNames);

  /// The shape of \p T when it is (through typedefs, aliases and deduced
  /// `auto`) a specialization of a recognised template, dependent or not.
  std::optional<TupleShape> shape(QualType T) const;

  bool isTupleLike(QualType T) const { return shape(T).has_value(); }
  bool isTupleLikeTemplate(const NamedDecl *D) const;

  /// The element index that \p Field stands for (`first` is 0, `second` 1),
  /// or nullopt when it is not an element of a recognised pair-like type
  /// (std::pair, or one of the user's with members first and second).
  std::optional<unsigned> pairElementIndex(const FieldDecl *Field) const;

  const std::vector<std::string> &names() const { return Names; }

private:
  std::vector<std::string> Names;
};

/// For each element, "bool", "arithmetic" or "other": what well-known names
/// depend on.
std::vector<std::string> elementKinds(const TupleShape &Shape);

/// True for `std::get`, `std::tie`, `std::make_pair`, ... in namespace std.
bool isStdFunction(const FunctionDecl *FD, llvm::StringRef Name);

} // namespace clang::tidy::structify

#endif
