//===--- CheckCommand.cpp - structify check -------------------------------===//
//
// Loads the units, checks the configuration for each, then analyses them in
// parallel (or takes their results from the cache) and publishes the report.
//
//===----------------------------------------------------------------------===//

#include "commands/CommandLine.h"
#include "commands/Commands.h"
#include "database/CompileDb.h"
#include "support/Config.h"
#include "support/Paths.h"
#include "units/Cache.h"
#include "units/Progress.h"
#include "units/Runner.h"
#include "units/Worker.h"
#include "llvm/ADT/StringSet.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/Path.h"
#include <chrono>

namespace structify {
namespace cl = llvm::cl;

namespace {

cl::opt<std::string>
    BuildDir("p", cl::desc("Build directory with compile_commands.json"),
             cl::value_desc("build-dir"), cl::init("."),
             cl::sub(checkCommand()), cl::cat(structifyCategory()));

cl::list<std::string> Selectors(
    cl::Positional,
    cl::desc("[<file or regex>...] (default: every unit of the database)"),
    cl::sub(checkCommand()), cl::cat(structifyCategory()));

cl::opt<unsigned> Jobs("j",
                       cl::desc("Units analysed at once (default: all cores)"),
                       cl::value_desc("n"), cl::init(0), cl::Prefix,
                       cl::sub(checkCommand()), cl::cat(structifyCategory()));

cl::opt<std::string> ConfigFile(
    "config-file",
    cl::desc("Read the clang-tidy configuration from <file> instead of "
             ".clang-tidy files"),
    cl::value_desc("file"), cl::sub(checkCommand()),
    cl::cat(structifyCategory()));

cl::opt<std::string>
    Checks("checks",
           cl::desc("Check globs, appended to the configuration's (default "
                    "checks: -*,structify-*)"),
           cl::value_desc("globs"), cl::sub(checkCommand()),
           cl::cat(structifyCategory()));

cl::opt<std::string> HeaderFilter(
    "header-filter",
    cl::desc("Report findings in headers whose path matches <regex>"),
    cl::value_desc("regex"), cl::sub(checkCommand()),
    cl::cat(structifyCategory()));

cl::opt<bool> NoCache("no-cache",
                      cl::desc("Analyse every unit; read and write no cache"),
                      cl::sub(checkCommand()), cl::cat(structifyCategory()));

cl::opt<std::string> CacheDir(
    "cache-dir",
    cl::desc("Results cache directory (default: <build-dir>/.structify-cache)"),
    cl::value_desc("dir"), cl::sub(checkCommand()),
    cl::cat(structifyCategory()));

cl::opt<std::string> ShardOption(
    "shard", cl::desc("Check only part i of n of the units, for CI sharding"),
    cl::value_desc("i/n"), cl::sub(checkCommand()),
    cl::cat(structifyCategory()));

cl::opt<std::string> Timeout(
    "timeout",
    cl::desc("Stop analysing a unit after <seconds> (0.5, 90...), and report "
             "it as failed (default: no limit)"),
    cl::value_desc("seconds"), cl::sub(checkCommand()),
    cl::cat(structifyCategory()));

cl::opt<std::string> ChangedSince(
    "changed-since",
    cl::desc("Check only the units that files changed since the git "
             "revision <rev> affect (committed, staged, unstaged or "
             "untracked)"),
    cl::value_desc("rev"), cl::sub(checkCommand()),
    cl::cat(structifyCategory()));

cl::opt<bool> PrintCommands(
    "print-commands",
    cl::desc("Print the command structify runs for each selected unit, and "
             "what it changed in the database's command and why; analyse "
             "nothing"),
    cl::sub(checkCommand()), cl::cat(structifyCategory()));

enum class PchUse { Auto, Never, Always };
cl::opt<PchUse> Pch(
    "pch", cl::desc("The database's precompiled headers (default: auto)"),
    cl::init(PchUse::Auto),
    cl::values(
        clEnumValN(PchUse::Auto, "auto",
                   "use those this clang made, up to date, that hide no "
                   "finding; read the others' headers as text"),
        clEnumValN(PchUse::Never, "never", "read every one's headers as text"),
        clEnumValN(PchUse::Always, "always",
                   "use any this clang can read, even one that hides the "
                   "findings in project headers it holds (for measurements)")),
    cl::sub(checkCommand()), cl::cat(structifyCategory()));

cl::opt<bool> InProcess(
    "in-process",
    cl::desc("Analyse units on threads of this process instead of worker "
             "processes (faster to debug; a crash can stop the run)"),
    cl::Hidden, cl::sub(checkCommand()), cl::cat(structifyCategory()));

/// --timeout, in seconds; 0 is no limit.
llvm::Expected<double> timeoutOption() {
  double Seconds = 0;
  if (!Timeout.empty() && (llvm::StringRef(Timeout).getAsDouble(Seconds) ||
                           !(Seconds >= 0) || Seconds > 1e6))
    return llvm::createStringError(
        llvm::inconvertibleErrorCode(),
        "--timeout=" + Timeout +
            ": expected a number of seconds, such as 90 or 0.5 (0: no limit)");
  return Seconds;
}

/// An argument as a POSIX shell reads it back.
std::string shellQuoted(llvm::StringRef Arg) {
  if (!Arg.empty() && Arg.find_first_not_of(
                          "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ"
                          "0123456789_@%+=:,./-") == llvm::StringRef::npos)
    return Arg.str();
  std::string Quoted = "'";
  for (char C : Arg)
    Quoted += C == '\'' ? std::string("'\\''") : std::string(1, C);
  return Quoted + "'";
}

/// --print-commands: each unit's command as the analysis runs it, and what
/// the adapter changed; then the same for clang-tidy's users.
int printCommands(const std::vector<TranslationUnit> &Units,
                  Config &Configuration, const ChangeSummary &Changes) {
  llvm::raw_ostream &OS = llvm::outs();
  Results Names;
  Names.Root = rootOption();
  for (const TranslationUnit &Unit : Units) {
    auto Options = Configuration.optionsFor(Unit.File);
    if (!Options)
      return usageError(Options.takeError());
    OS << Names.relative(Unit.File)
       << "\n  directory: " << Unit.Command.Directory << "\n  command:";
    for (const std::string &Arg : commandLineFor(Unit, *Options))
      OS << " " << shellQuoted(Arg);
    OS << "\n";
    for (const CommandChange &Change : Unit.Changes)
      OS << "  " << describe(Change) << "\n";
  }
  if (!Changes.empty())
    OS << "\n";
  Changes.printTidyConfig(OS);
  return ExitClean;
}

/// The configuration the options ask for.
ConfigOptions configOptions() {
  ConfigOptions ConfigOpts;
  ConfigOpts.ConfigFile = ConfigFile;
  if (Checks.getNumOccurrences())
    ConfigOpts.Checks = Checks;
  if (HeaderFilter.getNumOccurrences())
    ConfigOpts.HeaderFilter = HeaderFilter;
  return ConfigOpts;
}

/// The units some check is enabled for, and each one's configuration as
/// text (part of its cache key).
struct CheckedUnits {
  std::vector<TranslationUnit> Units;
  std::vector<std::string> ConfigText;
  /// The units whose configuration enables no check.
  unsigned Skipped = 0;
};

/// Every unit's configuration, checked before any work. A unit whose
/// configuration enables no check (a third-party folder's `Checks: '-*'`) is
/// skipped. Its warnings are said once per run.
llvm::Expected<CheckedUnits>
checkedUnits(const std::vector<TranslationUnit> &Units, Config &Configuration) {
  CheckedUnits Result;
  std::string SkippedChecks;
  llvm::StringSet<> Warned;
  for (const TranslationUnit &Unit : Units) {
    auto Options = Configuration.optionsFor(Unit.File);
    if (!Options)
      return Options.takeError();
    for (const std::string &Warning : Configuration.warningsFor(*Options))
      if (auto [It, Inserted] = Warned.insert(Warning); Inserted)
        llvm::errs() << "structify: warning: " << Warning << "\n";
    if (!Configuration.enablesAnyCheck(*Options)) {
      ++Result.Skipped;
      SkippedChecks = Options->Checks.value_or("");
      continue;
    }
    Result.Units.push_back(Unit);
    Result.ConfigText.push_back(clang::tidy::configurationAsText(*Options));
  }
  if (Result.Units.empty())
    return makeError("no check is enabled for any of the " +
                     std::to_string(Units.size()) +
                     " translation units (Checks: '" + SkippedChecks + "')");
  return Result;
}

/// Each unit's result, from \p ResultsCache or analysed now, in parallel.
std::vector<UnitResult> analyseUnits(const CheckedUnits &Checked,
                                     Cache *ResultsCache,
                                     const ConfigOptions &ConfigOpts,
                                     const Results &Names, double TimeLimit,
                                     const char *Argv0) {
  static int Anchor;
  if (InProcess)
    initializeRunner(/*RecoverFromCrashes=*/true);
  const UnitRunner Runner(ConfigOpts,
                          llvm::sys::fs::getMainExecutable(Argv0, &Anchor),
                          InProcess, TimeLimit);
  const size_t Count = Checked.Units.size();
  std::vector<UnitResult> UnitResults(Count);
  Progress Status(Count, quietOption());
  runInParallel(Count, Jobs, [&](size_t I) {
    const TranslationUnit &Unit = Checked.Units[I];
    std::string Name = Names.relative(Unit.File);
    std::string Key;
    std::optional<UnitResult> Result;
    if (ResultsCache) {
      Key = ResultsCache->key(Unit, Checked.ConfigText[I]);
      Result = ResultsCache->lookup(Key);
    }
    if (!Result) {
      Status.started(Name);
      Result = Runner.check(Unit);
      if (ResultsCache)
        ResultsCache->store(Key, *Result);
    }
    Status.finished(Name, *Result);
    UnitResults[I] = std::move(*Result);
  });
  Status.done();
  return UnitResults;
}

} // namespace

int runCheck(const char *Argv0) {
  Stopwatch Clock;
  Shard Part;
  if (!ShardOption.empty()) {
    std::optional<Shard> Parsed = parseShard(ShardOption);
    if (!Parsed)
      return usageError("--shard=" + ShardOption +
                        ": expected i/n with 1 <= i <= n");
    Part = *Parsed;
  }
  auto Baseline = readBaselineOption();
  if (!Baseline)
    return usageError(Baseline.takeError());
  llvm::Expected<double> TimeLimit = timeoutOption();
  if (!TimeLimit)
    return usageError(TimeLimit.takeError());
  llvm::Expected<Exclusions> Excluded = exclusionsOption();
  if (!Excluded)
    return usageError(Excluded.takeError());

  const ConfigOptions ConfigOpts = configOptions();
  auto Configuration = Config::load(ConfigOpts);
  if (!Configuration)
    return usageError(Configuration.takeError());

  ChangeSummary Changes;
  AdapterOptions Adapt;
  Adapt.UsePch = Pch != PchUse::Never;
  Adapt.WhyNoPch = ChangeReason::PchNotWanted;
  Adapt.UsePchHidingFindings = Pch == PchUse::Always;
  auto Units = loadUnits(BuildDir, Selectors, Part, Adapt, &Changes);
  if (!Units)
    return usageError(Units.takeError());
  if (llvm::Error E = excludeUnits(*Units, *Excluded))
    return usageError(std::move(E));
  if (PrintCommands)
    return printCommands(*Units, *Configuration, Changes);
  if (!quietOption())
    Changes.print(llvm::errs());

  auto Checked = checkedUnits(*Units, *Configuration);
  if (!Checked)
    return usageError(Checked.takeError());
  std::optional<Cache> ResultsCache;
  if (!NoCache) {
    llvm::SmallString<256> Dir(CacheDir);
    if (Dir.empty())
      llvm::sys::path::append(Dir, BuildDir, ".structify-cache");
    ResultsCache.emplace(std::string(Dir), toolIdentity(Argv0));
  }
  if (!ChangedSince.empty())
    if (llvm::Error E =
            keepChangedUnits(ChangedSince, Checked->Units, Checked->ConfigText,
                             ResultsCache ? &*ResultsCache : nullptr,
                             *Configuration, Jobs, quietOption()))
      return usageError(std::move(E));

  ResultsBuilder Builder(rootOption());
  std::vector<UnitResult> UnitResults =
      analyseUnits(*Checked, ResultsCache ? &*ResultsCache : nullptr,
                   ConfigOpts, Builder.results(), *TimeLimit, Argv0);
  for (size_t I = 0; I < Checked->Units.size(); ++I) {
    // Said above, once; not a finding of every unit.
    llvm::erase_if(UnitResults[I].Diagnostics, [](const auto &D) {
      return D.DiagnosticName == "clang-tidy-config";
    });
    Builder.add(Checked->Units[I], UnitResults[I]);
  }
  Builder.results().Skipped = Checked->Skipped;
  SourceText Sources;
  Results R = Builder.finish(Sources);
  return publish(R, Sources, *Baseline, Clock.lap());
}

} // namespace structify
