//===--- CommandLine.h - subcommands, options, exit codes -------*- C++ -*-===//

#ifndef STRUCTIFY_COMMANDLINE_H
#define STRUCTIFY_COMMANDLINE_H

#include "database/Scope.h"
#include "report/Findings.h"
#include "llvm/ADT/StringSet.h"
#include "llvm/Support/CommandLine.h"
#include "llvm/Support/Error.h"
#include <optional>

namespace structify {

/// structify's exit codes (docs/structify-check.md).
enum ExitCode : int {
  ExitClean = 0,    ///< nothing that --fail-on counts
  ExitFindings = 1, ///< what --fail-on counts: findings, or a failed unit
  ExitUsage = 2,    ///< bad command line or bad input: nothing was checked
};

/// --fail-on: what makes a run exit with ExitFindings.
enum class FailOn {
  New,   ///< a finding outside the baseline, or a unit not analysed
  Error, ///< an error-level finding outside the baseline, or a unit not
         ///< analysed
  Never, ///< nothing: the report says what was found
};

llvm::cl::SubCommand &checkCommand();
llvm::cl::SubCommand &mergeCommand();
llvm::cl::OptionCategory &structifyCategory();

/// Prints "structify: error: MESSAGE" and returns ExitUsage.
int usageError(const llvm::Twine &Message);
int usageError(llvm::Error E);

/// --baseline, read before any work so that a bad file stops the run at once.
llvm::Expected<std::optional<llvm::StringSet<>>> readBaselineOption();

/// The options check and merge share, applied to a finished run: --exclude,
/// fingerprints and the baseline, then --format/--output, --export-fixes,
/// --write-baseline, the failed units and the summary on stderr. Returns the
/// exit code --fail-on asks for.
int publish(Results &R, SourceText &Sources,
            const std::optional<llvm::StringSet<>> &Baseline, double Seconds);

/// --exclude, compiled; the error names the first invalid pattern.
llvm::Expected<Exclusions> exclusionsOption();

/// --root, absolute: findings are relative to it in baselines and SARIF.
std::string rootOption();
/// --quiet.
bool quietOption();

} // namespace structify

#endif
