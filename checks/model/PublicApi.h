//===--- PublicApi.h - is a declaration public API? -------------*- C++ -*-===//

#ifndef STRUCTIFY_MODEL_PUBLICAPI_H
#define STRUCTIFY_MODEL_PUBLICAPI_H

#include "llvm/ADT/StringRef.h"
#include <string>
#include <vector>

namespace clang {
class FunctionDecl;
} // namespace clang

namespace clang::tidy::structify {

/// What makes a function part of a public API, as the options say.
struct PublicApiPolicy {
  /// Namespaces whose contents are implementation details (`detail`, ...).
  std::vector<std::string> IgnoredNamespaces;
  /// Flag functions that are not public too.
  bool IncludeNonPublic = false;
  /// When not empty, a public function is declared with one of these macros
  /// (`LIB_EXPORT`), on itself or on its class: the project says what its
  /// library exports.
  std::vector<std::string> ExportMacros;
};

/// True when callers outside the function's own translation unit or class can
/// call \p FD: external linkage, not in an anonymous or ignored namespace, and,
/// for members, public or protected in a class that is itself reachable.
bool isPublicApi(const FunctionDecl *FD, const PublicApiPolicy &Policy);

/// True when a declaration of \p FD, or of a class it is a member of, is
/// written with one of \p Macros: `LIB_EXPORT std::pair<int, int> f();`,
/// `class LIB_EXPORT Shape { ... };`. Read from the source as written, so
/// the answer is the same whatever the macro expands to in this unit.
bool isDeclaredWithMacro(const FunctionDecl *FD,
                         const std::vector<std::string> &Macros);

/// True when \p FD is declared inside a namespace named in \p Namespaces.
bool isInIgnoredNamespace(const FunctionDecl *FD,
                          const std::vector<std::string> &Namespaces);

} // namespace clang::tidy::structify

#endif
