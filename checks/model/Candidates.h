//===--- Candidates.h - which functions structify-tuple-return flags ------===//
//
// The rule lives here, not in the check, so that structify-index-access can
// leave alone what structify-tuple-return rewrites, and so that the
// project-wide driver decides the same way the check does.
//
//===----------------------------------------------------------------------===//

#ifndef STRUCTIFY_MODEL_CANDIDATES_H
#define STRUCTIFY_MODEL_CANDIDATES_H

#include "model/PublicApi.h"
#include "model/TupleLike.h"
#include "llvm/ADT/STLFunctionalExtras.h"
#include "llvm/Support/Regex.h"
#include <string>
#include <vector>

namespace clang::tidy::structify {

inline constexpr llvm::StringLiteral TupleReturnCheckName = "structify-tuple-return";
inline constexpr llvm::StringLiteral DefaultIgnoredFunctions =
    "^(insert|emplace|emplace_hint|try_emplace|insert_or_assign|equal_range|"
    "minmax|minmax_element|mismatch|partition_copy|extract)$";
inline constexpr llvm::StringLiteral DefaultIgnoredNamespaces = "detail;internal;impl";

/// `a;b;c` -> {a, b, c}, trimmed.
std::vector<std::string> parseList(llvm::StringRef Option);

/// structify-tuple-return's options that decide what it flags.
struct TupleReturnPolicy {
  std::string RawTupleTypes;
  std::string RawIgnoredFunctions;
  std::string RawIgnoredNamespaces;
  bool IncludeNonPublic = false;
  bool IncludeParameterPacks = false;

  TupleLikeTypes Types{{}};
  PublicApiPolicy Api;
  std::vector<llvm::Regex> IgnoredFunctions;

  /// Reads the options through \p Get (name, default) -> value.
  static TupleReturnPolicy
  fromOptions(llvm::function_ref<std::string(llvm::StringRef, llvm::StringRef)> Get);

  /// Invalid regular expressions among IgnoredFunctions, with the error.
  std::vector<std::pair<std::string, std::string>> invalidPatterns() const;

  /// Does structify-tuple-return flag \p FD (a declaration as written, not
  /// an instantiation)?
  bool isCandidate(const FunctionDecl *FD) const;
};

} // namespace clang::tidy::structify

#endif
