//===--- BindingNames.h - names for the elements a binding unpacks --------===//
//
// structify-index-access names the elements of a pair or tuple it unpacks
// from what the code says about them, strongest evidence first: the API that
// produced the value, what receives each element or is compared with it, a
// map's key and value, well-known names for the producing function, the
// element types, and last the parameters the elements are passed to.
//
//===----------------------------------------------------------------------===//

#ifndef STRUCTIFY_MODEL_BINDINGNAMES_H
#define STRUCTIFY_MODEL_BINDINGNAMES_H

#include "model/TupleLike.h"
#include "model/UseSites.h"
#include "model/indexaccess/KnownApis.h"
#include "llvm/ADT/ArrayRef.h"
#include <string>
#include <vector>

namespace clang::tidy::structify {

/// What is known about the value a binding unpacks.
struct BindingSubject {
  /// The pair or tuple type, as the code spells it.
  QualType Type;
  TupleShape Shape;
  /// The type of the container the value is an element of, when known (a
  /// range-for's range, the vector of `v[i]`): its template arguments keep
  /// the element types as written (`udp::endpoint`, not what it aliases).
  QualType Container;
  /// What the code calls that container (`m_map`, `file_map_`).
  std::string ContainerName;
  /// The function whose call produced the value, if it is a call.
  const FunctionDecl *Producer = nullptr;
  /// What the producer's definition calls each element, when every unit that
  /// sees the reads sees it (`return std::make_pair(payload, error);`,
  /// `std::get<0>(ret) += payload; ... return ret;`).
  std::vector<std::vector<std::string>> FromProducer;
  /// The name of what holds the value: a variable, a member (`m_bounds`).
  std::string HolderName;
  /// Every positional read and write of the value.
  llvm::ArrayRef<const Use *> Reads;
  /// What the code stores in the container, from code every unit that sees
  /// the reads sees too (the reads' file, the container's declaring file).
  std::vector<const Fill *> Fills;
  /// The function the binding goes in: its locals show the naming style.
  const Decl *Function = nullptr;
};

/// Does a name say "a map's entry" (`m_map`, `kv_pair`, `KeyValue`,
/// `name_to_id`)?
bool soundsLikeMap(llvm::StringRef Name);

/// For each element, the names the code suggests, best first, normalised
/// (`m_count` -> `count`) and meaningful; the caller picks with chooseNames.
ElementNames bindingCandidates(const BindingSubject &Subject);

/// A name for a value of type \p T from the type's own name, in the style of
/// \p Function's locals: `udp::endpoint` -> `endpoint`, `FileMetaData` ->
/// `file_meta_data` (or `fileMetaData`, `FileMetaData`), `Entry *` ->
/// `entry`, `std::unique_ptr<Session>` -> `session`. Empty for the standard
/// library's own types and builtins.
std::string nameFromType(QualType T, const Decl *Function);

} // namespace clang::tidy::structify

#endif
