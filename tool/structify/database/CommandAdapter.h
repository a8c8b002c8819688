//===--- CommandAdapter.h - compile commands clang can run ------*- C++ -*-===//
//
// A compile database says how the project's own compiler builds each file:
// most often g++, with options clang does not know, warnings made errors,
// and precompiled headers that do not exist yet or that another compiler
// made. The adapter turns each command into one that clang parses to the same
// code, and says what it changed and why (docs/compile-commands.md). Every
// subcommand gets its units through it, once, when the database is loaded.
//
//===----------------------------------------------------------------------===//

#ifndef STRUCTIFY_COMMANDADAPTER_H
#define STRUCTIFY_COMMANDADAPTER_H

#include "llvm/ADT/ArrayRef.h"
#include "llvm/ADT/IntrusiveRefCntPtr.h"
#include "llvm/ADT/StringMap.h"
#include "llvm/ADT/StringRef.h"
#include "llvm/Support/VirtualFileSystem.h"
#include "llvm/Support/raw_ostream.h"
#include <functional>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <vector>

namespace structify {

/// Why the adapter changed a command.
enum class ChangeReason {
  GccOnly,        ///< a gcc option clang rejects or reads differently
  UnknownToClang, ///< an option clang's driver does not know
  WritesFiles,    ///< an option that makes even a syntax-only run write files
  WarningAsError, ///< -Werror and friends: clang warns where gcc did not
  PchMissing,     ///< the precompiled header is not built (yet)
  PchNotClang,    ///< the precompiled header is gcc's, not clang's
  PchOtherClang,  ///< made by another version of clang
  PchOutOfDate,   ///< a header it was made from changed since
  /// It holds project headers as system headers (CMake's PCH header says
  /// `#pragma system_header`): their findings would be hidden.
  PchHidesProjectHeaders,
  PchRewritten, ///< plan and fix parse the headers they may rewrite
  PchNotWanted, ///< `structify check --pch=never`
  /// A header that says `#pragma system_header` and only includes others
  /// (CMake's cmake_pch.hxx): its headers are included one by one, for the
  /// pragma would make them system headers, whose findings are hidden.
  SystemHeaderWrapper,
};

/// Whether the change is about a precompiled header.
bool isPchChange(ChangeReason Reason);

/// What the adapter knows of a precompiled header file.
enum class PchState {
  Missing,
  Usable,
  NotClang,
  OtherClang,
  OutOfDate,
  HidesProjectHeaders,
};

/// One change to one command.
struct CommandChange {
  ChangeReason Reason;
  /// The arguments taken out, space-separated: "-Werror=shadow".
  std::string Removed;
  /// The arguments put in their place, space-separated; may be empty.
  std::string Added;

  bool operator<(const CommandChange &Other) const;
  bool operator==(const CommandChange &Other) const;
};

/// "dropped '-fno-canonical-system-headers' (gcc-only)".
std::string describe(const CommandChange &Change);

/// A command as clang runs it, and how it differs from the database's.
struct AdaptedCommand {
  std::vector<std::string> Arguments;
  std::vector<CommandChange> Changes;
  /// The command makes a precompiled header (CMake's cmake_pch.hxx.cxx):
  /// not one of the project's sources; its headers are analysed through the
  /// units that include them.
  bool MakesPch = false;
};

/// Reads the control block of a precompiled header: whether it exists, is
/// clang's, is this clang's, is newer than every header it was made from,
/// and holds as system headers only headers from system directories.
PchState probePch(llvm::StringRef Path);

struct AdapterOptions {
  /// Use a precompiled header this clang can read (check). plan and fix
  /// include its header as text: they rewrite the headers it was made from.
  bool UsePch = true;
  /// Why not, when UsePch is false.
  ChangeReason WhyNoPch = ChangeReason::PchRewritten;
  /// Use one even when it holds project headers as system headers, whose
  /// findings it hides (`structify check --pch=always`, for measurements).
  bool UsePchHidingFindings = false;
  /// Tells what a PCH file is (absolute path); probePch by default.
  std::function<PchState(llvm::StringRef Path)> ProbePch;
  /// Where headers and their .gch/.pch neighbours are looked for; the real
  /// file system by default.
  llvm::IntrusiveRefCntPtr<llvm::vfs::FileSystem> FS;
};

/// Adapts commands, remembering what it learnt of each PCH file.
class CommandAdapter {
public:
  explicit CommandAdapter(AdapterOptions Opts = AdapterOptions());

  /// Arguments as the database gives them (argv[0] first, response files
  /// expanded); relative paths are relative to Directory.
  AdaptedCommand adapt(llvm::ArrayRef<std::string> Arguments,
                       llvm::StringRef Directory);

private:
  struct Work;
  PchState pchState(llvm::StringRef Path);
  bool exists(llvm::StringRef Path) const;
  /// The headers a `#pragma system_header` wrapper includes, in order, as
  /// -include takes them; nullopt when Path is no such wrapper.
  const std::optional<std::vector<std::string>> &
  wrappedHeaders(llvm::StringRef Path, llvm::StringRef Directory);
  /// -Xclang -include -Xclang Header, or those of the headers it wraps.
  std::vector<std::string> includeAsText(llvm::StringRef Header, Work &W);
  void adaptPch(llvm::StringRef Pch, const std::vector<std::string> &Arguments,
                Work &W);
  void adaptInclude(llvm::StringRef Header, std::vector<std::string> Arguments,
                    bool Driver, Work &W);
  void adaptOption(const std::vector<std::string> &Arguments, unsigned ID,
                   Work &W);

  AdapterOptions Options;
  llvm::StringMap<PchState> Pchs;
  llvm::StringMap<std::optional<std::vector<std::string>>> Wrappers;
};

/// The changes of every command of a run: one line per distinct change,
/// however many units it touched.
class ChangeSummary {
public:
  void add(const AdaptedCommand &Command);
  /// "structify: note: dropped '-fno-canonical-system-headers' (gcc-only)
  /// from 12 units"; nothing when no command changed.
  void print(llvm::raw_ostream &OS) const;
  /// For clang-tidy, the plugin and structify-tidy, which read the same
  /// database without the adapter: the .clang-tidy keys that undo the same
  /// options, and what they cannot express.
  void printTidyConfig(llvm::raw_ostream &OS) const;
  bool empty() const { return Units.empty() && Pchs.empty() && PchMakers == 0; }

private:
  /// Units by change, but for precompiled headers:
  std::map<CommandChange, unsigned> Units;
  /// those are one note per reason, however many PCH files.
  std::map<ChangeReason, std::set<std::string>> Pchs;
  std::map<ChangeReason, unsigned> PchUnits;
  unsigned PchMakers = 0;
};

} // namespace structify

#endif
