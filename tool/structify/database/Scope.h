//===--- Scope.h - which units and files a run covers -----------*- C++ -*-===//
//
// Two ways to narrow a run. --exclude leaves out the units and the findings
// whose file matches a pattern (third-party code, generated sources).
// --changed-since keeps the units a change can affect, for pull requests: a
// unit is affected when its main file changed, when it reads a changed file,
// or when a changed .clang-tidy configures it. What a unit reads comes from
// its results cache entry when the entry still describes the unit, and
// otherwise from clang's dependency scanner.
//
//===----------------------------------------------------------------------===//

#ifndef STRUCTIFY_SCOPE_H
#define STRUCTIFY_SCOPE_H

#include "clang-tidy/ClangTidyOptions.h"
#include "report/Findings.h"
#include "units/Unit.h"
#include "llvm/ADT/STLFunctionalExtras.h"
#include "llvm/ADT/StringSet.h"
#include "llvm/Support/Error.h"
#include "llvm/Support/Regex.h"
#include <memory>
#include <optional>

namespace structify {

class Cache;
class Config;

/// --exclude: regular expressions searched for in a file's absolute path and
/// in its path relative to the root.
class Exclusions {
public:
  /// The error names the first pattern that is not a regular expression.
  static llvm::Expected<Exclusions> parse(llvm::ArrayRef<std::string> Patterns,
                                          std::string Root);
  bool excludes(llvm::StringRef File) const;
  bool empty() const { return Patterns.empty(); }

private:
  std::vector<llvm::Regex> Patterns;
  std::string Root;
};

/// Drops the units in excluded files. The error says when none is left.
llvm::Error excludeUnits(std::vector<TranslationUnit> &Units,
                         const Exclusions &Excluded);
/// Drops the findings and the failures in excluded files.
void excludeResults(Results &R, const Exclusions &Excluded);

/// The files that differ between a git revision and the working tree.
class Change {
public:
  /// In the git repository around Dir: the files changed by the commits
  /// since Rev, staged or not, deleted, both names of a renamed file, and the
  /// untracked files that are not ignored. The error is one line naming the
  /// revision and the problem.
  static llvm::Expected<Change> since(llvm::StringRef Rev, llvm::StringRef Dir);
  /// Whether File (absolute) is one of them.
  bool touches(llvm::StringRef File) const;
  /// Whether a changed .clang-tidy is in File's directory or above it.
  bool reconfigures(llvm::StringRef File) const;
  size_t size() const { return Files.size(); }

private:
  llvm::StringSet<> Files;
  std::vector<std::string> ConfigDirs;
};

/// Every file a unit reads, found by clang's dependency scanner (the
/// preprocessor over sources reduced to their directives). Thread-safe.
class DependencyScanner {
public:
  DependencyScanner();
  ~DependencyScanner();
  /// Real paths; the error says why the unit could not be scanned.
  llvm::Expected<std::vector<std::string>>
  filesRead(const TranslationUnit &Unit,
            const clang::tidy::ClangTidyOptions &Options);

private:
  struct Service;
  std::unique_ptr<Service> Impl;
};

/// Which units a change affects, and how that was learnt.
struct AffectedUnits {
  std::vector<bool> Affected; ///< by unit
  size_t Count = 0;           ///< units affected
  size_t Recorded = 0;        ///< units whose files came from the cache
  size_t Scanned = 0;         ///< units whose files were scanned
};

/// RecordedFiles(I) gives what unit I read when it was last analysed, if
/// that still holds; ScanFiles(I) finds it now. A unit that cannot be
/// scanned counts as affected.
AffectedUnits affectedUnits(
    const Change &C, llvm::ArrayRef<TranslationUnit> Units, unsigned Jobs,
    llvm::function_ref<std::optional<std::vector<std::string>>(size_t)>
        RecordedFiles,
    llvm::function_ref<llvm::Expected<std::vector<std::string>>(size_t)>
        ScanFiles);

/// --changed-since=Rev for `structify check`: keeps the units (and their
/// ConfigText) that the change since Rev affects, and says so on stderr
/// unless Quiet. The error is one line naming the revision and the problem.
llvm::Error keepChangedUnits(llvm::StringRef Rev,
                             std::vector<TranslationUnit> &Units,
                             std::vector<std::string> &ConfigText,
                             Cache *ResultsCache, Config &Configuration,
                             unsigned Jobs, bool Quiet);

} // namespace structify

#endif
