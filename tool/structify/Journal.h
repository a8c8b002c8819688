//===--- Journal.h - every file as it was, or every file as planned -*- C++ -*-===//
//
// `structify fix` never loses a user's code. Before it writes anything it
// records each file's old content in a journal under the build directory;
// each file is then replaced atomically (a new file renamed over the old), so
// an interrupted run leaves each file either old or new. The journal is
// removed once the rewrite is verified, or once every file is restored; a run
// that finds a journal restores what it lists before anything else.
//
//===----------------------------------------------------------------------===//

#ifndef STRUCTIFY_JOURNAL_H
#define STRUCTIFY_JOURNAL_H

#include "llvm/Support/Error.h"
#include <map>
#include <string>

namespace structify {

class Journal {
public:
  explicit Journal(std::string Directory) : Directory(std::move(Directory)) {}

  /// A journal left by an interrupted run: restores every file it lists and
  /// removes it. Returns how many files were restored (0: no journal).
  llvm::Expected<unsigned> recover();

  /// Records the old content of every file in \p NewContents, then writes
  /// the new contents, each file atomically.
  llvm::Error write(const std::map<std::string, std::string> &NewContents);

  /// Puts back every file as it was, and removes the journal.
  llvm::Error restore();

  /// Keeps the new contents: removes the journal.
  llvm::Error commit();

private:
  std::string manifestPath() const;
  std::string Directory;
  /// Path -> old content, of the files written.
  std::map<std::string, std::string> Originals;
};

/// Replaces \p Path's content with \p Content atomically.
llvm::Error writeFileAtomically(llvm::StringRef Path, llvm::StringRef Content);

} // namespace structify

#endif
