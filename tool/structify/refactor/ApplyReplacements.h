//===--- ApplyReplacements.h - clang-apply-replacements' library ----------===//
//
// structify merges and de-duplicates the edits of every translation unit with
// clang-apply-replacements' own library (libclangApplyReplacements, shipped by
// Debian's libclang-22-dev), whose header Debian does not install. These are
// its declarations, as LLVM 22 defines them
// (clang-apply-replacements/Tooling/ApplyReplacements.h).
//
//===----------------------------------------------------------------------===//

#ifndef STRUCTIFY_APPLYREPLACEMENTS_H
#define STRUCTIFY_APPLYREPLACEMENTS_H

#include "clang/Basic/FileEntry.h"
#include "clang/Tooling/Core/Diagnostic.h"
#include "clang/Tooling/Refactoring.h"
#include "clang/Tooling/Refactoring/AtomicChange.h"
#include "llvm/ADT/DenseMap.h"
#include <string>
#include <vector>

namespace clang {
class DiagnosticsEngine;
class SourceManager;
namespace replace {

using TUReplacements = std::vector<tooling::TranslationUnitReplacements>;
using TUDiagnostics = std::vector<tooling::TranslationUnitDiagnostics>;
using FileToChangesMap =
    llvm::DenseMap<FileEntryRef, std::vector<tooling::AtomicChange>>;

/// Groups every replacement by file, drops duplicates, reports conflicts
/// through SM's diagnostics and returns false when there are any.
bool mergeAndDeduplicate(const TUReplacements &TUs, const TUDiagnostics &TUDs,
                         FileToChangesMap &FileChanges, SourceManager &SM,
                         bool IgnoreInsertConflict = false);

/// File's new text, with Changes applied.
llvm::Expected<std::string>
applyChanges(llvm::StringRef File,
             const std::vector<tooling::AtomicChange> &Changes,
             const tooling::ApplyChangesSpec &Spec,
             DiagnosticsEngine &Diagnostics);

} // namespace replace
} // namespace clang

#endif
