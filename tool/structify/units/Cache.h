//===--- Cache.h - results cache, one entry per unit ------------*- C++ -*-===//
//
// An entry's key hashes everything that decides a unit's result except the
// files it reads: the tool (its version, LLVM's, the executable's contents),
// the compile command and its directory, the main file's name and the
// configuration in force for it. The entry records each file the unit read
// with a hash of its contents; it is used only while every one of them still
// has that hash. So editing a .cpp re-analyses that unit, editing a header
// re-analyses the units that read it, and changing the configuration or the
// tool re-analyses everything. Units that did not compile or crashed are not
// stored.
//
//===----------------------------------------------------------------------===//

#ifndef STRUCTIFY_CACHE_H
#define STRUCTIFY_CACHE_H

#include "units/Unit.h"
#include "llvm/ADT/STLFunctionalExtras.h"
#include "llvm/ADT/StringMap.h"
#include "llvm/Support/JSON.h"
#include <mutex>
#include <optional>

namespace structify {

/// The tool's part of every key. Argv0 finds the executable.
std::string toolIdentity(const char *Argv0);

class Cache {
public:
  Cache(std::string Dir, std::string ToolIdentity)
      : Dir(std::move(Dir)), ToolIdentity(std::move(ToolIdentity)) {}

  std::string key(const TranslationUnit &Unit, llvm::StringRef Config) const;
  /// The stored result, if every file it read is unchanged. Thread-safe.
  std::optional<UnitResult> lookup(llvm::StringRef Key);
  /// The files the stored entry says the unit read, if that still holds:
  /// every one of them, but those MayHaveChanged accepts, has its recorded
  /// contents (so the unit's includes are the same, up to those files).
  /// For --changed-since. Thread-safe.
  std::optional<std::vector<std::string>>
  recordedFiles(llvm::StringRef Key,
                llvm::function_ref<bool(llvm::StringRef)> MayHaveChanged);
  /// Stores an analysed unit's result; others are ignored. Thread-safe; an
  /// entry that cannot be written is skipped (the run goes on uncached).
  void store(llvm::StringRef Key, const UnitResult &Result);

private:
  /// The stored entry, if it is one of this version.
  std::optional<llvm::json::Value> readEntry(llvm::StringRef Key) const;
  std::string entryPath(llvm::StringRef Key) const;
  /// The hash of File's contents, read once per run; "" if unreadable.
  std::string contentHash(llvm::StringRef File);

  std::string Dir;
  std::string ToolIdentity;
  std::mutex Lock;
  llvm::StringMap<std::string> Hashes;
};

} // namespace structify

#endif
