//===--- StructifyCheck.h - what structify's checks share -----------------===//

#ifndef STRUCTIFY_STRUCTIFYCHECK_H
#define STRUCTIFY_STRUCTIFYCHECK_H

#include "clang-tidy/ClangTidyCheck.h"
#include <string>
#include <vector>

namespace clang::tidy::structify {

/// The base of structify's checks: their options are checked against the
/// known ones in every front end, and their fixes carry a title in an editor.
class StructifyCheck : public ClangTidyCheck {
public:
  StructifyCheck(StringRef Name, ClangTidyContext *Context);
  void registerPPCallbacks(const SourceManager &SM, Preprocessor *PP,
                           Preprocessor *ModuleExpanderPP) override;

protected:
  /// A configuration problem the check finds itself (an unusable plan).
  void addConfigurationProblem(std::string Message);

  /// In an editor (clangd, which drops diagnostics that have no location),
  /// the configuration problems as warnings at the start of the main file,
  /// once per translation unit. Elsewhere the constructor reported them.
  void reportConfigurationInEditor();

  /// Attaches \p Fixes to \p Warning and emits it. In an editor the fixes go
  /// on a note instead, whose message \p Title says what they do: clangd
  /// titles the quick fix of a note by the note, and that of a warning by
  /// the warning. clang-tidy's --fix applies only fixes on warnings.
  void emitWithFix(const DiagnosticBuilder &Warning, SourceLocation Loc,
                   StringRef Title, llvm::ArrayRef<FixItHint> Fixes);

private:
  std::vector<std::string> Problems;
  const SourceManager *Sources = nullptr;
};

} // namespace clang::tidy::structify

#endif
