//===--- Naming.h - struct and field names from the code's own evidence ---===//

#ifndef STRUCTIFY_MODEL_NAMING_H
#define STRUCTIFY_MODEL_NAMING_H

#include "llvm/ADT/ArrayRef.h"
#include "llvm/ADT/STLFunctionalExtras.h"
#include "llvm/ADT/StringRef.h"
#include <optional>
#include <string>
#include <vector>

namespace clang {
class ASTContext;
class Expr;
} // namespace clang

namespace clang::tidy::structify {

/// Names the code suggests for each element, by strength of evidence.
struct NamingEvidence {
  /// What the function's own definition calls each element: the variables
  /// and members its return statements pass (`return {lo, hi};`), the values
  /// it stores into the variable it returns (`r.first = count;`).
  std::vector<std::vector<std::string>> FromDefinition;
  /// What callers call each element: structured bindings
  /// (`auto [ok, left] = f();`), `std::tie(ok, left) = f();`, and what
  /// receives an element (`int count = r.first;`).
  std::vector<std::vector<std::string>> FromCallers;
  /// The names of the parameters elements are passed to (`draw(r.first)`),
  /// in the definition or elsewhere: the weakest evidence, after well-known
  /// names.
  std::vector<std::vector<std::string>> FromParameters;

  explicit NamingEvidence(size_t Elements = 0)
      : FromDefinition(Elements), FromCallers(Elements),
        FromParameters(Elements) {}
  void merge(const NamingEvidence &Other);
};

/// How the surrounding code spells type names.
enum class NameStyle { CamelCase, LowerCase };

/// The one rule for a name structify gives a new declaration (a struct, a
/// field, a structured binding), wherever it is written: an identifier, not
/// reserved to the implementation (`__x`, `_X`), not a keyword of any C++
/// standard (not `concept` either, even in C++17 code).
bool isValidNewName(llvm::StringRef Name);

/// isValidNewName, and not a macro in the translation unit of \p Ctx.
bool isUsableName(llvm::StringRef Name, const ASTContext &Ctx);

/// The name \p E refers to when it is a variable, a function or a member
/// (`count`, `bounds_` in `this->bounds_`); empty for anything else.
std::string referencedName(const Expr *E);

/// For each element, the first of its candidates (in order) that \p IsFree
/// accepts and no earlier element took. When every candidate of an element
/// is taken, \p Alternatives of each candidate (if given) are tried in turn:
/// how a second `insert` in one function gets `seen_it` (its holder's name
/// and the candidate) rather than nothing.
/// Empty when some element gets no name; then \p Missing says which.
std::vector<std::string> chooseNames(
    llvm::ArrayRef<std::vector<std::string>> Candidates,
    llvm::function_ref<bool(llvm::StringRef)> IsFree, unsigned &Missing,
    llvm::function_ref<std::vector<std::string>(llvm::StringRef)> Alternatives =
        nullptr);

/// \p Base, or else `Base2` ... `Base9`: the first that \p IsFree accepts;
/// empty when none is.
std::string numberedName(llvm::StringRef Base,
                         llvm::function_ref<bool(llvm::StringRef)> IsFree);

/// `m_count` -> `count`, `hi_` -> `hi`, `_lo` -> `lo`.
std::string normalizeName(llvm::StringRef Name);

/// Not `tmp`, `result`, `first`, single letters other than coordinates...
bool isMeaningfulName(llvm::StringRef Name);

/// The words of an identifier: `minMax`, `min_max`, `MinMax` -> {min, max}.
std::vector<std::string> splitWords(llvm::StringRef Identifier);

/// Well-known names for well-known APIs, chosen from the function's name and
/// its element types: `minmax` -> {min, max}, `divmod` -> {quotient,
/// remainder}, `dimensions` -> {width, height}...
std::vector<std::string>
knownApiNames(llvm::StringRef FunctionName,
              llvm::ArrayRef<std::string> ElementKinds);

/// Field names for every element, through chooseNames: for each element the
/// best-supported meaningful name, definition evidence first, then callers,
/// then the well-known names, then parameters. Distinct, and each one
/// accepted by \p IsUsable. Empty when some element has no name; then
/// \p MissingElement tells which.
std::vector<std::string>
chooseFieldNames(const NamingEvidence &Evidence,
                 llvm::ArrayRef<std::string> Known,
                 llvm::function_ref<bool(llvm::StringRef)> IsUsable,
                 unsigned &MissingElement);

/// `min_max` -> `MinMaxResult` (CamelCase) or `min_max_result` (LowerCase);
/// with \p Prefix `const`, `GetBlock` -> `ConstBlockResult`.
std::string structNameFor(llvm::StringRef FunctionName, NameStyle Style,
                          llvm::StringRef Suffix, llvm::StringRef Prefix = {});

} // namespace clang::tidy::structify

#endif
