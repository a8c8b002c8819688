//===--- FastChecks.cpp - clangd runs structify's checks by default -------===//
//
// clangd keeps a table of clang-tidy checks it has timed. With its default
// `FastCheckFilter: Strict` it silently drops every check missing from that
// table, which would be all of ours. The link wraps clangd's lookup
// (`--wrap`, see tool/CMakeLists.txt): structify's checks answer "fast" (their
// cost is measured in bench/), and every other check gets clangd's own answer.
// A user's FastCheckFilter setting keeps its meaning for all other checks.
//
//===----------------------------------------------------------------------===//

#include "llvm/ADT/StringRef.h"
#include <optional>

#define STRUCTIFY_STR2(X) #X
#define STRUCTIFY_STR(X) STRUCTIFY_STR2(X)

// clangd's own lookup, and the replacement the linker substitutes for it.
std::optional<bool> clangdIsFastTidyCheck(llvm::StringRef Check) asm(
    "__real_" STRUCTIFY_STR(STRUCTIFY_FAST_CHECK_SYMBOL));
// The linker finds the replacement by its symbol name: it must stay external.
// NOLINTNEXTLINE(misc-use-internal-linkage)
std::optional<bool> structifyIsFastTidyCheck(llvm::StringRef Check) asm(
    "__wrap_" STRUCTIFY_STR(STRUCTIFY_FAST_CHECK_SYMBOL));

std::optional<bool> structifyIsFastTidyCheck(llvm::StringRef Check) {
  if (Check.starts_with("structify-"))
    return true;
  return clangdIsFastTidyCheck(Check);
}
