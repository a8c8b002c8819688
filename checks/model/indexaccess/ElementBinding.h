//===--- ElementBinding.h - a binding declared next to the reads ----------===//
//
// When the code reads one object's elements by position and that object
// cannot itself become a structured binding (a parameter, a member, a map's
// entry through an iterator, `new_files_[i]` in a loop), structify-index-access
// declares a binding that refers to it, right before the first read:
//
//   auto &[level, meta] = new_files_[i];
//
// and renames the reads. A reference binding reads and writes the object
// itself, so every read sees what it saw before, provided that the
// expression names the same object at the binding as at every read, and
// that the binding is not evaluated where the code would not have read it.
//
//===----------------------------------------------------------------------===//

#ifndef STRUCTIFY_MODEL_ELEMENTBINDING_H
#define STRUCTIFY_MODEL_ELEMENTBINDING_H

#include "model/Blocker.h"
#include "model/UseSites.h"
#include "llvm/ADT/ArrayRef.h"
#include <optional>
#include <string>

namespace clang::tidy::structify {

/// The object an element access reads from: the base of `.first`, the
/// argument of `std::get`; for `->first`, the pointer or iterator.
const Expr *accessedObject(const Use &Read);

/// Does the access go through a pointer or an iterator (`it->second`)?
bool readsThroughPointer(const Use &Read);

/// Where `auto &[a, b] = <object>;` goes, and how it is spelled.
struct BindingSite {
  /// The declaration goes before this location, followed by Separator (a
  /// newline and the statement's indentation, or a space).
  SourceLocation Insert;
  std::string Separator;
  /// `new_files_[i]`, `*it`, `p`.
  std::string ObjectText;
  /// The object is const: `const auto &[...]`.
  bool Const = false;
  /// The block the binding goes in.
  const Stmt *Block = nullptr;
  /// Nothing that picks the object changes in the block (Selected), or the
  /// object is the variable Watched: a copy of an element made after the
  /// binding keeps the element's value when Watched does not change in the
  /// block either. Asked by unchanging(), only of a read that initialises a
  /// copy: a mutation analysis walks the whole block.
  bool Selected = false;
  const VarDecl *Watched = nullptr;
};

/// Does the object of \p Site keep its value in the block (see
/// BindingSite::Selected)?
bool unchanging(const BindingSite &Site, ASTContext &Ctx);

/// The site for a binding that names the elements \p Reads read (accesses of
/// one object: a variable, or the same expression in one function), or why
/// there is none.
std::optional<BindingSite> findBindingSite(llvm::ArrayRef<const Use *> Reads,
                                           ASTContext &Ctx, Blocker &WhyNot);

/// Is the last statement of \p Path evaluated whenever \p Path[From] is (no
/// branch, short circuit, loop body or lambda between them)?
bool isEvaluatedWhenever(llvm::ArrayRef<const Stmt *> Path, size_t From);

/// The text of `auto &[a, b] = object;` at \p Site.
std::string bindingDeclaration(const BindingSite &Site,
                               llvm::ArrayRef<std::string> Names);

} // namespace clang::tidy::structify

#endif
