//===--- Lsp.h - LSP messages over pipes, a child server, text positions --===//
//
// What structify-clangd's proxy needs below the protocol's meaning: reading
// and writing base-protocol messages (`Content-Length` framing) on file
// descriptors, starting the server it fronts with pipes for its stdin and
// stdout, and turning a change of a file's text into one LSP text edit.
//
//===----------------------------------------------------------------------===//

#ifndef STRUCTIFY_CLANGD_LSP_H
#define STRUCTIFY_CLANGD_LSP_H

#include "llvm/ADT/StringRef.h"
#include "llvm/Support/JSON.h"
#include <mutex>
#include <optional>
#include <string>
#include <vector>

namespace structify::lsp {

/// Reads one message from \p Fd; nothing at the end of the input or on a
/// malformed header.
std::optional<std::string> readMessage(int Fd);

/// Writes messages to one file descriptor, one whole message at a time.
class Writer {
public:
  explicit Writer(int Fd) : Fd(Fd) {}
  /// False when the other end is gone.
  bool write(const llvm::json::Value &Message);
  /// A body that is not JSON, passed on as it came.
  bool writeRaw(llvm::StringRef Body);

private:
  int Fd;
  std::mutex Lock;
};

/// A process started with pipes to its stdin and from its stdout.
struct Child {
  int Pid = -1;
  int In = -1;  ///< write end: the child's stdin
  int Out = -1; ///< read end: the child's stdout
};

/// Starts \p Argv[0] with \p Argv and the extra environment variable
/// \p Env (`NAME=value`); stderr is shared. Nothing when it cannot start.
std::optional<Child> spawn(const std::vector<std::string> &Argv,
                           llvm::StringRef Env);

/// Waits for \p Pid; its exit code (128 + signal when killed).
int waitFor(int Pid);

/// An LSP position: zero-based line, and column in UTF-16 code units.
llvm::json::Value position(llvm::StringRef Text, size_t Offset);

/// The one edit that turns \p Old into \p New (their common start and end
/// kept), as an LSP TextEdit over \p Old.
llvm::json::Value textEdit(llvm::StringRef Old, llvm::StringRef New);

/// `file:///a/b.h` <-> `/a/b.h` (percent-encoding undone and done).
std::string uriToPath(llvm::StringRef Uri);
std::string pathToUri(llvm::StringRef Path);

} // namespace structify::lsp

#endif
