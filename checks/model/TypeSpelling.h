//===--- TypeSpelling.h - types as the code spells them ---------*- C++ -*-===//
//
// A struct's fields and a message's types are spelled as the code spells
// them, never as the compiler resolves them: `Lib::Token`, not the private
// class it aliases; `std::uint32_t`, not `unsigned int`; `std::string`, not
// `std::basic_string<char, std::char_traits<char>, std::allocator<char>>`;
// `U`, not `type-parameter-0-0`. The spelling is fully qualified, so it is
// valid wherever the struct goes, and it depends only on the declarations,
// so every unit that reads a header spells its types alike.
//
//===----------------------------------------------------------------------===//

#ifndef STRUCTIFY_MODEL_TYPESPELLING_H
#define STRUCTIFY_MODEL_TYPESPELLING_H

#include "model/TupleLike.h"
#include "clang/AST/Expr.h"
#include "clang/AST/Type.h"
#include "llvm/ADT/SmallVector.h"
#include <optional>
#include <string>

namespace clang {
class ASTContext;
} // namespace clang

namespace clang::tidy::structify {

/// The element types of \p Tuple with the sugar the code wrote: found by
/// looking through typedefs, alias templates and a deduced `auto` for the
/// specialization of \p Shape's template whose arguments the code spelled.
/// \p Shape's own (canonical) elements when there is none.
llvm::SmallVector<QualType, 4> writtenElementTypes(QualType Tuple,
                                                   const TupleShape &Shape,
                                                   const ASTContext &Ctx);

/// \p T spelled for code: fully qualified, its typedefs and aliases kept;
/// the standard library's string types by their usual names when only the
/// resolved type is known. nullopt when the only spelling names an
/// implementation detail (`std::_Rb_tree_iterator<...>`), a lambda or an
/// unnamed type: no code can write it.
std::optional<std::string> spellTypeForCode(QualType T, const ASTContext &Ctx);

/// The type \p T resolves to, with the standard's string types by their
/// usual names (`std::pair<std::string, int>`): for a message about a deduced
/// type, or an alias's `aka`.
std::string spellResolvedType(QualType T, const ASTContext &Ctx);

/// \p T spelled for a message: as for code when that works, else the
/// resolved type (with the string types by their usual names).
std::string spellTypeForMessage(QualType T, const ASTContext &Ctx);

/// \p E as a message shows it: its text on one line, and at most 40
/// characters (`std::partition_copy(c.begin(), c.e...`); empty when the code
/// does not spell it in a file.
std::string expressionForMessage(const Expr *E, const ASTContext &Ctx);

} // namespace clang::tidy::structify

#endif
