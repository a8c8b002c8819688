//===--- Journal.h - every file as it was, or as planned --------*- C++ -*-===//
//
// `structify fix` never loses a user's code. Before it writes anything it
// records each file's old content in a journal under the build directory;
// each file is then replaced atomically (a new file, with the old one's mode
// and owner, renamed over the old), so an interrupted run leaves each file
// either old or new. The journal is removed once the rewrite is verified, or
// once every file is restored; a run that finds a journal restores what it
// lists before anything else. A SIGINT, SIGTERM or SIGHUP while files are
// rewritten restores them at once (InterruptGuard).
//
//===----------------------------------------------------------------------===//

#ifndef STRUCTIFY_JOURNAL_H
#define STRUCTIFY_JOURNAL_H

#include "llvm/Support/Error.h"
#include <map>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

namespace structify {

class Journal {
public:
  explicit Journal(std::string Directory) : Directory(std::move(Directory)) {}

  /// A journal left by an interrupted run: restores every file it lists and
  /// removes it. Returns how many files were restored (0: no journal).
  llvm::Expected<unsigned> recover();

  /// Records the old content of every file in \p NewContents, then writes
  /// the new contents, each file atomically. On an error every file is as
  /// it was, and the error names the file.
  llvm::Error write(const std::map<std::string, std::string> &NewContents);

  /// Puts back every file as it was, and removes the journal.
  llvm::Error restore();

  /// Keeps the new contents: removes the journal.
  llvm::Error commit();

  /// How many files are written and not yet restored or committed.
  size_t pending();

private:
  std::string manifestPath() const;
  llvm::Error restoreLocked();
  std::string Directory;
  /// Path -> old content, of the files written.
  std::map<std::string, std::string> Originals;
  /// Held while files change: a signal waits for a write to finish.
  std::recursive_mutex Lock;
};

/// Replaces \p Path's content with \p Content atomically, keeping its mode
/// and owner. The error names the file.
llvm::Error writeFileAtomically(llvm::StringRef Path, llvm::StringRef Content);

/// While it lives, SIGINT, SIGTERM and SIGHUP no longer stop the process at
/// once: a thread of its own takes them, restores every file \p Log has
/// written, removes \p Leftovers (the run's working files) once nothing of
/// the user's depends on them, says so on stderr, and exits with 128 + the
/// signal's number. Create it before any other thread, so that they inherit
/// the blocked signals; worker processes unblock them (see Worker.cpp).
class InterruptGuard {
public:
  explicit InterruptGuard(Journal &Log,
                          std::vector<std::string> Leftovers = {});
  ~InterruptGuard();
  InterruptGuard(const InterruptGuard &) = delete;
  InterruptGuard &operator=(const InterruptGuard &) = delete;
};

/// Held while `structify plan` or `structify fix` works on a build
/// directory, so that two runs cannot interleave their journals: the second
/// stops at once, naming the lock. The lock file is removed with the lock.
class RunLock {
public:
  static llvm::Expected<std::unique_ptr<RunLock>> acquire(llvm::StringRef Path);
  ~RunLock();
  const std::string &path() const { return Path; }

private:
  RunLock(int FD, std::string Path) : FD(FD), Path(std::move(Path)) {}
  int FD;
  std::string Path;
};

/// Unblocks the signals InterruptGuard blocks: for worker processes, which
/// inherit the mask.
void unblockInterrupts();

/// Is \p Signal one of those InterruptGuard takes (SIGINT, SIGTERM, SIGHUP)?
bool isInterrupt(int Signal);

/// A worker ended by \p Signal, an interrupt: Ctrl-C reaches the whole
/// process group, so the user interrupted this run too. Raises it here, where
/// the guard restores the files, and never returns (without a guard the
/// signal ends the process as it would have).
[[noreturn]] void forwardInterrupt(int Signal);

} // namespace structify

#endif
