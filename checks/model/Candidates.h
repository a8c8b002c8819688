//===--- Candidates.h - which functions structify-tuple-return flags ------===//
//
// The rule lives here, not in the check, so that structify-index-access can
// leave alone what structify-tuple-return rewrites, and so that the
// project-wide driver decides the same way the check does.
//
//===----------------------------------------------------------------------===//

#ifndef STRUCTIFY_MODEL_CANDIDATES_H
#define STRUCTIFY_MODEL_CANDIDATES_H

#include "compat/Compat.h"
#include "model/PublicApi.h"
#include "model/TupleLike.h"
#include <memory>
#include <string>
#include <vector>

namespace clang::tidy::structify {

inline constexpr llvm::StringLiteral TupleReturnCheckName =
    "structify-tuple-return";
inline constexpr llvm::StringLiteral DefaultIgnoredFunctions =
    "^(insert|emplace|emplace_hint|try_emplace|insert_or_assign|equal_range|"
    "minmax|minmax_element|mismatch|partition_copy|extract)$";
inline constexpr llvm::StringLiteral DefaultIgnoredNamespaces =
    "detail;details;internal;impl;aux";

/// `a;b;c` -> {a, b, c}, trimmed.
std::vector<std::string> parseList(llvm::StringRef Option);

/// A list of regular expressions on declarations' names, matched as
/// clang-tidy's own checks match theirs (matchers::matchesAnyListedRegexName):
/// a pattern with a `:` is matched against the qualified name
/// (`std::map::insert`), one that starts with `::` or `^::` against the fully
/// qualified one, any other against the plain name (`insert`). Invalid patterns
/// match nothing (the option check reports them).
class NameFilter {
public:
  explicit NameFilter(llvm::StringRef Option = "");
  bool matches(const NamedDecl &D) const;

private:
  /// Shared: a filter is copied with the options that hold it.
  std::shared_ptr<const ::structify::compat::AnyListedNameMatcher> Patterns;
};

/// The standard function that returns a pair whose convention \p FD (or its
/// template) follows under its own name, by its shape: `c_minmax_element`
/// returning a pair of iterators -> "minmax_element"; `insert_at_position`
/// returning an iterator and a bool -> "insert". Empty when it follows none.
llvm::StringRef standardNamesake(const FunctionDecl *FD);

/// structify-tuple-return's options that decide what it flags.
struct TupleReturnPolicy {
  std::string RawTupleTypes = DefaultTupleTypes.str();
  std::string RawIgnoredFunctions = DefaultIgnoredFunctions.str();
  std::string RawIgnoredNamespaces = DefaultIgnoredNamespaces.str();
  bool IncludeNonPublic = false;
  bool IncludeParameterPacks = false;
  /// Leave out what follows the standard library's conventions for pairs:
  /// containers' `insert`-like members, and wrappers and re-implementations
  /// of the standard functions that return a pair (`c_partition_copy`).
  bool IgnoreStandardConventions = true;
  std::string RawExportMacros;

  TupleLikeTypes Types{parseList(DefaultTupleTypes)};
  PublicApiPolicy Api;
  NameFilter IgnoredFunctions{DefaultIgnoredFunctions};

  TupleReturnPolicy();
  TupleReturnPolicy(std::string RawTupleTypes, std::string RawIgnoredFunctions,
                    std::string RawIgnoredNamespaces, bool IncludeNonPublic,
                    bool IncludeParameterPacks,
                    std::string RawExportMacros = "");

  /// Does structify-tuple-return flag \p FD (a declaration as written, not
  /// an instantiation)?
  bool isCandidate(const FunctionDecl *FD) const;
};

} // namespace clang::tidy::structify

#endif
