//===--- Paths.h - files, paths and places in them --------------*- C++ -*-===//
//
// The one home of structify's rules for paths and places: a file is named by
// its canonical path (absolute, symbolic links resolved), "inside a
// directory" and "relative to a directory" compare canonical paths, and a
// byte offset becomes a line and a column through SourceText, which reads
// each file once.
//
//===----------------------------------------------------------------------===//

#ifndef STRUCTIFY_PATHS_H
#define STRUCTIFY_PATHS_H

#include "llvm/ADT/ArrayRef.h"
#include "llvm/ADT/StringMap.h"
#include "llvm/ADT/StringRef.h"
#include "llvm/Support/Error.h"
#include "llvm/Support/MemoryBuffer.h"
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace clang {
class CharSourceRange;
class Decl;
class FileEntryRef;
class FileManager;
class SourceLocation;
class SourceManager;
} // namespace clang

namespace structify {

/// \p Path made absolute (against \p Base, or the working directory when
/// \p Base is empty), with symbolic links resolved when it exists and with
/// `.` and `..` removed when it does not.
std::string canonicalPath(llvm::StringRef Path, llvm::StringRef Base = "");

/// Whether \p Path is \p Dir or inside it; both canonical.
bool isUnder(llvm::StringRef Path, llvm::StringRef Dir);

/// \p Path relative to \p Root when it is inside it, else \p Path; both
/// canonical.
std::string relativeTo(llvm::StringRef Path, llvm::StringRef Root);

/// An error whose message is one line: `FILE: the problem`.
llvm::Error makeError(const llvm::Twine &Message);

/// The first line of \p Text, trimmed: a tool's message in one line.
llvm::StringRef firstLine(llvm::StringRef Text);

/// A hash of \p Parts (each one counts, and where it ends), as 32 hex
/// digits: file contents in the plan and the cache, finding fingerprints.
std::string hashText(llvm::ArrayRef<llvm::StringRef> Parts);

/// The canonical path of a file a compilation read: its real path, or its
/// name made absolute against the compilation's working directory.
std::string canonicalFileName(clang::FileEntryRef File,
                              clang::FileManager &Files);

/// The canonical path of the file \p Loc is in (through macros, to where
/// they were used), or empty.
std::string canonicalFileOf(clang::SourceLocation Loc,
                            const clang::SourceManager &SM);

/// Whether \p D (not the translation unit) is written in a system header,
/// through macros to where they were used: AST visitors of the driver skip
/// those declarations and all they contain.
bool inSystemHeader(const clang::Decl *D, const clang::SourceManager &SM);

/// `path:line:col` (or `path:line` without \p Column) of \p Loc, through
/// macros to where they were used; lines as the file has them (#line
/// directives do not count).
std::string describeLocation(clang::SourceLocation Loc,
                             const clang::SourceManager &SM,
                             bool Column = true);

/// The characters [Offset, Offset + Length) of \p File as a range of \p SM
/// (which loads the file through its FileManager), or nullopt when the file
/// cannot be read or is shorter.
std::optional<clang::CharSourceRange> rangeIn(clang::SourceManager &SM,
                                              llvm::StringRef File,
                                              unsigned Offset,
                                              unsigned Length = 0);

/// An absolute path (against the working directory) with `.` and `..`
/// removed, symbolic links kept: how compile databases name files.
std::string absolutePath(llvm::StringRef Path);

/// The text of source files, read once each, to turn byte offsets into lines
/// and columns. Not thread-safe.
class SourceText {
public:
  struct Position {
    unsigned Line, Column; ///< 1-based; columns count bytes
  };
  std::optional<Position> locate(llvm::StringRef File, unsigned Offset);
  /// `path:line:col`, or `path:line` without \p Column; the path alone
  /// when the file cannot be read.
  std::string describe(llvm::StringRef File, unsigned Offset,
                       bool Column = true);
  /// The text of a 1-based line, without its line break.
  llvm::StringRef line(llvm::StringRef File, unsigned Line);
  /// The whole text, or nothing when the file cannot be read.
  std::optional<llvm::StringRef> text(llvm::StringRef File);

private:
  struct Text {
    std::unique_ptr<llvm::MemoryBuffer> Buffer;
    std::vector<unsigned> LineStarts;
  };
  Text *get(llvm::StringRef File);
  llvm::StringMap<std::optional<Text>> Files;
};

} // namespace structify

#endif
