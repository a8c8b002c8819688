//===--- Apply.h - every unit's edits, merged into new files ----*- C++ -*-===//
//
// Runs structify-tuple-return with the plan (its Plan option) over every unit,
// so that each unit edits the shared headers exactly as every other does and
// its own code as only it can; then merges and de-duplicates all of the edits
// with clang-apply-replacements' library, and computes each file's new text.
// Nothing is written here.
//
//===----------------------------------------------------------------------===//

#ifndef STRUCTIFY_APPLY_H
#define STRUCTIFY_APPLY_H

#include "Refactor.h"
#include <map>

namespace structify {

/// One edit, and the function whose rewrite made it.
struct EditOrigin {
  std::string File;
  /// Where the edit replaces Length bytes of the old text with NewLength.
  unsigned Offset = 0;
  unsigned Length = 0;
  unsigned NewLength = 0;
  /// `path:line` of the function's first declaration (the plan's DeclaredAt).
  std::string Function;
};

/// A rewrite a unit cannot make.
struct BlockedRewrite {
  /// `path:line` of the function's first declaration (the plan's DeclaredAt).
  std::string Function;
  /// `path:line:col: reason`, as the unit's note says.
  std::string Reason;
};

/// `path:line:col` (or `path:line` without \p Column) of a byte offset in
/// the file's current content.
std::string position(llvm::StringRef File, unsigned Offset, bool Column = true);

struct Edits {
  /// The new text of every file that changes.
  std::map<std::string, std::string> NewContents;
  std::vector<EditOrigin> Origins;
  /// The files each unit read, by unit.
  std::vector<std::vector<std::string>> FilesRead;
  /// Why the edits cannot be made: a unit that does not compile, conflicting
  /// edits, an edit outside the project.
  std::vector<std::string> Problems;
  /// Functions the plan rewrites that some unit cannot (a use the plan did
  /// not know of, e.g. after a hand edit).
  std::vector<BlockedRewrite> Blocked;
  unsigned Count = 0;
};

/// \p FilesRead, when known from collecting, spares the units that read none
/// of \p Edited: they have nothing to edit.
Edits computeEdits(const Project &P, llvm::StringRef PlanPath,
                   const std::vector<std::vector<std::string>> *FilesRead,
                   const std::vector<std::string> &Edited);

} // namespace structify

#endif
