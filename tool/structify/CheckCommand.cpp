//===--- CheckCommand.cpp - structify check
//--------------------------------===//
//
// Loads the units, checks the configuration for each, then analyses them in
// parallel (or takes their results from the cache) and publishes the report.
//
//===----------------------------------------------------------------------===//

#include "Cache.h"
#include "CommandLine.h"
#include "Commands.h"
#include "CompileDb.h"
#include "Config.h"
#include "Progress.h"
#include "Runner.h"
#include "Worker.h"
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

cl::opt<unsigned> Timeout(
    "timeout",
    cl::desc("Stop analysing a unit after <seconds>, and report it as failed "
             "(default: no limit)"),
    cl::value_desc("seconds"), cl::init(0), cl::sub(checkCommand()),
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

/// An argument as a POSIX shell reads it back.
std::string shellQuoted(llvm::StringRef Arg) {
  if (!Arg.empty() &&
      Arg.find_first_not_of("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ"
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
    OS << Names.relative(Unit.File) << "\n  directory: "
       << Unit.Command.Directory << "\n  command:";
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

  ConfigOptions ConfigOpts;
  ConfigOpts.ConfigFile = ConfigFile;
  if (Checks.getNumOccurrences())
    ConfigOpts.Checks = Checks;
  if (HeaderFilter.getNumOccurrences())
    ConfigOpts.HeaderFilter = HeaderFilter;
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
  if (PrintCommands)
    return printCommands(*Units, *Configuration, Changes);
  if (!quietOption())
    Changes.print(llvm::errs());

  // Every unit's configuration, checked before any work; it is also part of
  // the unit's cache key.
  std::vector<std::string> ConfigText;
  for (const TranslationUnit &Unit : *Units) {
    auto Options = Configuration->optionsFor(Unit.File);
    if (!Options)
      return usageError(Options.takeError());
    ConfigText.push_back(clang::tidy::configurationAsText(*Options));
  }

  std::optional<Cache> ResultsCache;
  if (!NoCache) {
    llvm::SmallString<256> Dir(CacheDir);
    if (Dir.empty())
      llvm::sys::path::append(Dir, BuildDir, ".structify-cache");
    ResultsCache.emplace(std::string(Dir), toolIdentity(Argv0));
  }

  static int Anchor;
  std::string Executable = llvm::sys::fs::getMainExecutable(Argv0, &Anchor);
  if (InProcess)
    initializeRunner(/*RecoverFromCrashes=*/true);
  RunnerOptions Options;
  const Config &Conf = *Configuration;
  Options.MakeOptionsProvider = [&Conf](auto FS) {
    return Conf.makeProvider(std::move(FS));
  };
  ResultsBuilder Builder(rootOption());
  std::vector<UnitResult> UnitResults(Units->size());
  Progress Status(Units->size(), quietOption());
  runInParallel(Units->size(), Jobs, [&](size_t I) {
    const TranslationUnit &Unit = (*Units)[I];
    std::string Name = Builder.results().relative(Unit.File);
    std::string Key;
    std::optional<UnitResult> Result;
    if (ResultsCache) {
      Key = ResultsCache->key(Unit, ConfigText[I]);
      Result = ResultsCache->lookup(Key);
    }
    if (!Result) {
      Status.started(Name);
      Result = InProcess
                   ? analyse(Unit, Options)
                   : analyseInWorker(Unit, ConfigOpts, Executable, Timeout);
      if (ResultsCache)
        ResultsCache->store(Key, *Result);
    }
    Status.finished(Name, *Result);
    UnitResults[I] = std::move(*Result);
  });
  Status.done();

  for (size_t I = 0; I < Units->size(); ++I)
    Builder.add((*Units)[I], UnitResults[I]);
  SourceText Sources;
  Results R = Builder.finish(Sources);
  return publish(R, Sources, *Baseline, Clock.lap());
}

} // namespace structify
