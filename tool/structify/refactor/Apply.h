//===--- Apply.h - every unit's edits, merged into new files ----*- C++ -*-===//
//
// The edit stage of `structify fix`, with no parse: each unit recorded, as
// it was collected, the edits every rewrite makes there with the struct's
// and fields' names left as placeholders (Summary.h's RecordedEdit); the
// plan's names finish them here. The edits of all units are then merged
// group by group, once, into one tooling::Replacements per file: identical
// edits (a header every unit edits alike) once, a group whose edits conflict
// with another's or among units skipped with the reason, and the rest turned
// into new file contents with tooling::applyAtomicChanges. Nothing is
// written here.
//
//===----------------------------------------------------------------------===//

#ifndef STRUCTIFY_APPLY_H
#define STRUCTIFY_APPLY_H

#include "model/tuplereturn/Plan.h"
#include "refactor/Summary.h"
#include "clang/Tooling/Core/Replacement.h"
#include "llvm/ADT/ArrayRef.h"
#include "llvm/ADT/StringMap.h"
#include <functional>
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

/// New file contents, and where each edit came from.
struct Edits {
  /// The new text of every file that changes.
  std::map<std::string, std::string> NewContents;
  std::vector<EditOrigin> Origins;
  /// Why no file can be written (a format style that cannot be read, a
  /// file that cannot be read): nothing is.
  std::vector<std::string> Problems;
  unsigned Count = 0;
};

/// A planned rewrite that cannot be made, and why.
struct Skip {
  std::string Usr;
  std::string Reason;
};

/// Every unit's edits, gathered function by function.
class ProjectEdits {
public:
  /// The edits of every rewrite \p P plans, from every unit's records in
  /// \p Summaries, with the plan's names.
  static ProjectEdits fromRecords(const clang::tidy::structify::Plan &P,
                                  llvm::ArrayRef<FunctionSummary> Summaries);

  /// The planned rewrites some unit cannot make (a use the plan did not
  /// know of), with the first reason.
  std::vector<Skip> blocked(const clang::tidy::structify::Plan &P) const;

  /// Merges the edits of every function \p P still rewrites, in the plan's
  /// order: a function whose edits conflict (among the units, or with an
  /// earlier function's) goes into \p Conflicts and is left out, and so is
  /// one whose edits reach a file \p WhyNotEditable refuses. The new text
  /// of each file is formatted with \p FormatStyle ('none': not at all).
  Edits merge(const clang::tidy::structify::Plan &P,
              llvm::StringRef FormatStyle,
              const std::function<std::string(llvm::StringRef)> &WhyNotEditable,
              std::vector<Skip> &Conflicts) const;

private:
  /// Per function: its edits from every unit, once each.
  llvm::StringMap<std::vector<clang::tooling::Replacement>> ByFunction;
  llvm::StringMap<std::string> Blocked;
};

} // namespace structify

#endif
