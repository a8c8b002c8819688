//===--- BodyFilter.h - the function bodies verification parses -*- C++ -*-===//
//
// `structify fix` verifies a rewrite by parsing again every unit that reads
// an edited file. Most of that time goes into function bodies (and the
// templates they instantiate) that the rewrite did not touch and that name
// nothing it changed: they compile as they did before. The verify stage
// parses with clang's SkipFunctionBodies and keeps a body only when
//
//   - it is a template's, or a class template member's (its instantiations
//     are checked where they are made, and the rewrite may reach them),
//   - its text (declaration and body) holds a line the rewrite changed, or
//     mentions by name a function, member or parameter's function of a
//     migration group, or a struct, or
//   - clang cannot skip it anyway (constexpr, deduced result types); a
//     function whose result type deduces to one of the structs adds its name.
//
// Warnings that a skipped body would have silenced (an unused static
// function, a private field no kept body reads) are turned off so that a
// `-Werror` build does not fail verification for them. `--full-verify` parses
// every body.
//
//===----------------------------------------------------------------------===//

#ifndef STRUCTIFY_BODYFILTER_H
#define STRUCTIFY_BODYFILTER_H

#include "clang/AST/ASTConsumer.h"
#include "clang/Frontend/CompilerInstance.h"
#include "llvm/ADT/StringSet.h"
#include "llvm/Support/JSON.h"
#include <map>
#include <memory>
#include <string>
#include <vector>

namespace structify {

struct BodyFilter {
  /// Parse every body: nothing is skipped.
  bool ParseAll = true;
  /// Names whose mention keeps a body.
  std::vector<std::string> Names;
  /// Per file (canonical path), the [begin, end) ranges of its new text
  /// that the edits wrote: a definition that holds one is kept.
  std::map<std::string, std::vector<std::pair<unsigned, unsigned>>> Edited;
};

llvm::json::Value toJSON(const BodyFilter &F);
bool fromJSON(const llvm::json::Value &V, BodyFilter &F, llvm::json::Path P);

/// Does \p Text spell one of \p Names as an identifier?
bool mentionsAny(llvm::StringRef Text, const llvm::StringSet<> &Names);

/// The compiler arguments that keep the warnings a skipped body causes
/// (unused functions, fields, variables) quiet.
std::vector<std::string> skippedBodyWarningArguments();

/// Makes \p CI skip the function bodies \p Filter lets go (it must outlive
/// the parse). With STRUCTIFY_DEBUG_VERIFY_BODIES set in the environment it
/// says on stderr which definitions it skips.
std::unique_ptr<clang::ASTConsumer>
makeBodyFilterConsumer(clang::CompilerInstance &CI, const BodyFilter &Filter);

} // namespace structify

#endif
