//===--- Placement.h - where a declaration begins, as written -------------===//
//
// A struct that replaces a function's pair goes right before the function's
// first declaration. Every translation unit that reads the header must put
// it at the same byte, or their edits conflict; yet units parse the header
// differently: `LIB_EXPORT std::pair<...> f();` is an attribute and part of
// the declaration where the library defines LIB_BUILDING, and nothing at all
// elsewhere. So the place is decided from the file's own tokens: before the
// attributes and the macros that stand where attributes go (whatever they
// expand to here), and before the comment block right above.
//
//===----------------------------------------------------------------------===//

#ifndef STRUCTIFY_MODEL_PLACEMENT_H
#define STRUCTIFY_MODEL_PLACEMENT_H

#include "clang/Basic/SourceLocation.h"
#include "clang/Lex/Token.h"
#include "llvm/ADT/ArrayRef.h"
#include "llvm/ADT/DenseMap.h"
#include <vector>

namespace clang {
class Decl;
class LangOptions;
class Preprocessor;
class SourceManager;
} // namespace clang

namespace clang::tidy::structify {

/// The raw tokens, comments included, of the files of one translation unit,
/// each file lexed once and only when asked for.
class FileTokens {
public:
  FileTokens(const SourceManager &SM, const LangOptions &LangOpts,
             Preprocessor *PP)
      : SM(SM), LangOpts(LangOpts), PP(PP) {}

  struct LexedFile {
    std::vector<Token> Tokens;
    /// Whether each token is part of a preprocessor directive.
    std::vector<bool> Directive;
  };
  const LexedFile &of(FileID File);
  const SourceManager &sourceManager() const { return SM; }
  const LangOptions &langOpts() const { return LangOpts; }
  /// The unit's preprocessor, to tell which identifiers are macros; null
  /// when unknown (then no identifier counts as one).
  Preprocessor *preprocessor() const { return PP; }

private:
  const SourceManager &SM;
  const LangOptions &LangOpts;
  Preprocessor *PP;
  llvm::DenseMap<FileID, LexedFile> Lexed;
};

/// Where \p D begins as written, the same in every translation unit that
/// reads its file: before its template header, its attributes, the macros in
/// their place and the comment block right above it. Invalid when the
/// declaration itself comes from a macro.
SourceLocation writtenDeclarationStart(const Decl *D, FileTokens &Tokens);

} // namespace clang::tidy::structify

#endif
