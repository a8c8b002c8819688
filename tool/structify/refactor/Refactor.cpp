//===--- Refactor.cpp - the project and its plan, for plan and fix --------===//

#include "refactor/Refactor.h"
#include "commands/CommandLine.h"
#include "database/CompileDb.h"
#include "refactor/Journal.h"
#include "support/Config.h"
#include "support/Paths.h"
#include "units/Progress.h"
#include "clang/Format/Format.h"
#include "llvm/ADT/StringSet.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/Format.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/xxhash.h"

namespace structify {
namespace cl = llvm::cl;
using clang::tidy::structify::isMemberUsr;
using clang::tidy::structify::isParameterUsr;
using clang::tidy::structify::Plan;
using clang::tidy::structify::PlanEntry;
using clang::tidy::structify::PlanMember;

cl::SubCommand &planCommand() {
  static cl::SubCommand Command(
      "plan", "Decide the structs for the whole project and write the plan");
  return Command;
}

cl::SubCommand &fixCommand() {
  static cl::SubCommand Command(
      "fix", "Rewrite the whole project's pair and tuple returns, verified");
  return Command;
}

namespace {

cl::opt<std::string>
    BuildDir("p", cl::desc("Build directory with compile_commands.json"),
             cl::value_desc("build-dir"), cl::init("."), cl::sub(planCommand()),
             cl::sub(fixCommand()), cl::cat(structifyCategory()));

cl::opt<unsigned> Jobs("j",
                       cl::desc("Units analysed at once (default: all cores)"),
                       cl::value_desc("n"), cl::init(0), cl::Prefix,
                       cl::sub(planCommand()), cl::sub(fixCommand()),
                       cl::cat(structifyCategory()));

cl::opt<std::string> ConfigFile(
    "config-file",
    cl::desc("Read the clang-tidy configuration (structify-tuple-return's "
             "options) from <file> instead of .clang-tidy files"),
    cl::value_desc("file"), cl::sub(planCommand()), cl::sub(fixCommand()),
    cl::cat(structifyCategory()));

cl::opt<std::string> SourceRoot(
    "source-root",
    cl::desc("Only files under <dir> are edited (default: the CMake source "
             "directory, or the deepest directory that holds the build "
             "directory and every unit)"),
    cl::value_desc("dir"), cl::sub(planCommand()), cl::sub(fixCommand()),
    cl::cat(structifyCategory()));

cl::opt<std::string> FormatStyle(
    "format-style",
    cl::desc("Format the changed code: 'file' (the nearest .clang-format; "
             "nothing without one), a clang-format style such as LLVM, or "
             "'none' (default: file)"),
    cl::value_desc("style"), cl::init("file"), cl::sub(fixCommand()),
    cl::cat(structifyCategory()));

cl::opt<bool> Quiet("quiet", cl::desc("No progress lines: only the summary"),
                    cl::sub(planCommand()), cl::sub(fixCommand()),
                    cl::cat(structifyCategory()));

cl::opt<bool> RequireAllUnits(
    "require-all-units",
    cl::desc("Stop when a translation unit does not compile (default: leave "
             "alone the functions it may use, and rewrite the rest)"),
    cl::sub(planCommand()), cl::sub(fixCommand()),
    cl::cat(structifyCategory()));

cl::opt<bool> InProcess(
    "in-process",
    cl::desc("Run the stages on threads of this process instead of worker "
             "processes (faster to debug; a crash can stop the run)"),
    cl::Hidden, cl::sub(planCommand()), cl::sub(fixCommand()),
    cl::cat(structifyCategory()));

cl::opt<bool>
    NoCache("no-cache",
            cl::desc("Parse every unit; read and write no results cache"),
            cl::sub(planCommand()), cl::sub(fixCommand()),
            cl::cat(structifyCategory()));

cl::opt<std::string>
    CacheDir("cache-dir",
             cl::desc("Results cache directory, shared with 'structify check' "
                      "(default: <build-dir>/.structify-cache)"),
             cl::value_desc("dir"), cl::sub(planCommand()),
             cl::sub(fixCommand()), cl::cat(structifyCategory()));

/// The cache key of what `plan` and `fix` collect themselves: another entry
/// than `check`'s for the same unit, whose records they also take.
constexpr llvm::StringLiteral CollectKeyPrefix = "structify collect\n";

/// \p P's unit \p I collected: from the results cache when `structify
/// check` or an earlier collect left a fresh entry with records, else parsed
/// (and stored).
CollectedUnit collectCached(const Project &P, size_t I,
                            const UnitRunner &Runner, bool &FromCache) {
  const TranslationUnit &Unit = P.Units[I];
  std::vector<Cache *> Caches;
  if (P.ResultsCache)
    Caches.push_back(P.ResultsCache.get());
  for (const auto &Records : P.RecordCaches)
    Caches.push_back(Records.get());
  for (Cache *C : Caches)
    for (const std::string &Key :
         {C->key(Unit, P.ConfigTexts[I]),
          C->key(Unit, (CollectKeyPrefix + P.ConfigTexts[I]).str())})
      if (std::optional<UnitResult> Hit = C->lookup(Key); Hit && Hit->Records) {
        CollectedUnit Cached;
        Cached.FilesRead = Hit->FilesRead;
        if (fromRecordsJSON(*Hit->Records, Cached.Summaries)) {
          FromCache = true;
          return Cached;
        }
      }
  CollectedUnit Collected = Runner.collect(Unit);
  if (P.ResultsCache && Collected.Status == UnitResult::Outcome::Analysed) {
    UnitResult Entry;
    Entry.FilesRead = Collected.FilesRead;
    Entry.Records = recordsJSON(Collected.Summaries);
    P.ResultsCache->store(
        P.ResultsCache->key(Unit, (CollectKeyPrefix + P.ConfigTexts[I]).str()),
        Entry);
  }
  return Collected;
}

/// CMake's source directory, from the build directory's CMakeCache.txt.
std::string cmakeSourceDir(llvm::StringRef Build) {
  llvm::SmallString<256> Cache(Build);
  llvm::sys::path::append(Cache, "CMakeCache.txt");
  auto Buffer = llvm::MemoryBuffer::getFile(Cache);
  if (!Buffer)
    return {};
  llvm::SmallVector<llvm::StringRef> Lines;
  (*Buffer)->getBuffer().split(Lines, '\n');
  for (llvm::StringRef Line : Lines)
    if (Line.consume_front("CMAKE_HOME_DIRECTORY:INTERNAL="))
      return canonicalPath(Line.trim());
  return {};
}

/// The deepest directory that holds every unit and the build directory.
std::string commonDirectory(const std::vector<TranslationUnit> &Units,
                            llvm::StringRef Build) {
  std::string Common = canonicalPath(Build);
  for (const TranslationUnit &Unit : Units) {
    std::string Dir = canonicalPath(llvm::sys::path::parent_path(Unit.File));
    if (Common.empty()) {
      Common = Dir;
      continue;
    }
    while (!Common.empty() &&
           !llvm::StringRef(Dir + "/").starts_with(Common + "/"))
      Common = llvm::sys::path::parent_path(Common).str();
  }
  return Common;
}

} // namespace

std::string Project::whyNotEditable(llvm::StringRef File) const {
  if (isUnder(File, Layout.BuildDir))
    return "a generated file in the build directory";
  if (!isUnder(File, Layout.SourceRoot))
    return "outside the project's source directory '" + Layout.SourceRoot + "'";
  if (disables(File))
    return "where the configuration disables " +
           clang::tidy::structify::TupleReturnCheckName.str();
  llvm::sys::fs::file_status Status;
  if (!llvm::sys::fs::status(File, Status) &&
      ((Status.permissions() &
        (llvm::sys::fs::owner_write | llvm::sys::fs::group_write |
         llvm::sys::fs::others_write)) == 0 ||
       llvm::sys::fs::access(File, llvm::sys::fs::AccessMode::Write)))
    return "which is read-only";
  return {};
}

bool Project::disables(llvm::StringRef File) const {
  auto [It, New] = Disabled.try_emplace(File.str(), false);
  if (New) {
    auto Options = Configuration->optionsFor(File);
    if (!Options)
      llvm::consumeError(Options.takeError()); // checked for every unit already
    else
      It->second = !Config::enables(
          *Options, clang::tidy::structify::TupleReturnCheckName);
  }
  return It->second;
}

llvm::Expected<std::unique_ptr<RunLock>> lockBuildDirectory(const Project &P) {
  llvm::SmallString<256> Path(P.BuildDir);
  llvm::sys::path::append(Path, ".structify-fix.lock");
  return RunLock::acquire(Path);
}

std::string workDirectory(const Project &P) {
  llvm::SmallString<256> Dir(P.BuildDir);
  llvm::sys::path::append(Dir, ".structify-fix");
  return std::string(Dir);
}

llvm::Error recoverInterruptedFix(const Project &P) {
  Journal Log(workDirectory(P) + "/journal");
  auto Restored = Log.recover();
  if (!Restored)
    return Restored.takeError();
  if (*Restored)
    llvm::errs() << "structify: restored " << *Restored << " file"
                 << (*Restored == 1 ? "" : "s")
                 << " that an interrupted 'structify fix' had rewritten\n";
  return llvm::Error::success();
}

llvm::Expected<std::string> hashFile(llvm::StringRef Path) {
  auto Buffer = llvm::MemoryBuffer::getFile(Path);
  if (!Buffer)
    return llvm::createStringError(Buffer.getError(), "%s: cannot read: %s",
                                   Path.str().c_str(),
                                   Buffer.getError().message().c_str());
  return hashText({(*Buffer)->getBuffer()});
}

llvm::Expected<Project> loadProject(const char *Argv0, Shard Part) {
  Project P;
  P.BuildDir = canonicalPath(BuildDir);
  P.Jobs = Jobs;
  P.Quiet = Quiet;
  P.FormatStyle = FormatStyle;
  if (P.FormatStyle != "file" && P.FormatStyle != "none")
    if (auto Style =
            clang::format::getStyle(P.FormatStyle, "check.cpp", "none");
        !Style)
      return llvm::createStringError(
          std::errc::invalid_argument, "--format-style=%s: %s",
          P.FormatStyle.c_str(), llvm::toString(Style.takeError()).c_str());
  P.RequireAllUnits = RequireAllUnits;
  P.InProcess = InProcess;
  static int Anchor;
  P.Executable = llvm::sys::fs::getMainExecutable(Argv0, &Anchor);
  if (InProcess)
    initializeRunner(/*RecoverFromCrashes=*/true);
  ConfigOptions ConfigOpts;
  ConfigOpts.ConfigFile = ConfigFile;
  P.ConfigOpts = ConfigOpts;
  auto Configuration = Config::load(ConfigOpts);
  if (!Configuration)
    return Configuration.takeError();
  P.Configuration = std::make_shared<Config>(std::move(*Configuration));
  // The headers a precompiled header was made from may be rewritten: plan and
  // fix read them as text.
  AdapterOptions Adapt;
  Adapt.UsePch = false;
  ChangeSummary Changes;
  auto Units = loadUnits(BuildDir, {}, Part, Adapt, &Changes);
  if (!Units)
    return Units.takeError();
  if (!P.Quiet)
    Changes.print(llvm::errs());
  P.Units = std::move(*Units);
  llvm::StringSet<> Warned;
  for (const TranslationUnit &Unit : P.Units) {
    auto Options = P.Configuration->optionsFor(Unit.File);
    if (!Options)
      return Options.takeError();
    for (const std::string &Warning : P.Configuration->warningsFor(*Options))
      if (auto [It, Inserted] = Warned.insert(Warning); Inserted)
        llvm::errs() << "structify: warning: " << Warning << "\n";
    P.ConfigTexts.push_back(clang::tidy::configurationAsText(*Options));
    P.Options.push_back(std::move(*Options));
  }
  if (!NoCache) {
    llvm::SmallString<256> Dir(CacheDir);
    if (Dir.empty())
      llvm::sys::path::append(Dir, BuildDir, ".structify-cache");
    P.ResultsCache =
        std::make_shared<Cache>(std::string(Dir), toolIdentity(Argv0));
  }
  P.Layout.BuildDir = P.BuildDir;
  if (!SourceRoot.empty()) {
    if (!llvm::sys::fs::is_directory(SourceRoot))
      return llvm::createStringError(std::errc::no_such_file_or_directory,
                                     "%s: --source-root is not a directory",
                                     SourceRoot.c_str());
    P.Layout.SourceRoot = canonicalPath(SourceRoot);
  } else {
    P.Layout.SourceRoot = cmakeSourceDir(P.BuildDir);
    if (P.Layout.SourceRoot.empty())
      P.Layout.SourceRoot = commonDirectory(P.Units, P.BuildDir);
  }
  auto Lock = lockBuildDirectory(P);
  if (!Lock)
    return Lock.takeError();
  P.Lock = std::move(*Lock);
  return P;
}

void StageTimes::print(llvm::raw_ostream &OS) const {
  const char *Separator = "time: ";
  for (const auto &[Name, Seconds] :
       {std::make_pair("collect", Collect), std::make_pair("plan", Plan),
        std::make_pair("edit", Edit), std::make_pair("verify", Verify)})
    if (Seconds) {
      OS << Separator << Name << llvm::format(" %.1f s", *Seconds);
      Separator = ", ";
    }
  OS << "\n";
}

std::vector<CollectedUnit> collectUnits(const Project &P, StageTimes &Times) {
  Stopwatch Clock;
  Progress Status(P.Units.size(), P.Quiet, "collect");
  std::vector<CollectedUnit> Collected(P.Units.size());
  const UnitRunner Runner = P.runner();
  runInParallel(P.Units.size(), P.Jobs, [&](size_t I) {
    Status.started(P.Units[I].File);
    UnitResult Shown;
    Collected[I] = collectCached(P, I, Runner, Shown.Cached);
    Shown.Status = Collected[I].Status;
    Status.finished(P.Units[I].File, Shown);
  });
  Status.done();
  addTime(Times.Collect, Clock.lap());
  return Collected;
}

llvm::Expected<ProjectPlan> makeProjectPlan(const Project &P,
                                            StageTimes &Times) {
  std::vector<CollectedUnit> Collected = collectUnits(P, Times);
  Stopwatch Clock;

  ProjectPlan Result;
  PlanInputs Inputs;
  for (size_t I = 0; I < P.Units.size(); ++I) {
    CollectedUnit &Unit = Collected[I];
    if (Unit.Status != UnitResult::Outcome::Analysed)
      Result.Failed.push_back({P.Units[I].File, Unit.Problem, Unit.FilesRead});
    for (FunctionSummary &S : Unit.Summaries)
      Inputs.Summaries.push_back(std::move(S));
    Result.FilesRead.push_back(std::move(Unit.FilesRead));
  }
  if (!Result.Failed.empty() && P.RequireAllUnits)
    return llvm::createStringError(
        std::errc::invalid_argument,
        "%s: %s%s; --require-all-units asks for every translation unit to "
        "compile",
        Result.Failed.front().File.c_str(),
        Result.Failed.front().Problem.c_str(),
        Result.Failed.size() > 1
            ? (" (and " + std::to_string(Result.Failed.size() - 1) + " more)")
                  .c_str()
            : "");
  Inputs.WhyNotEditable = [&](llvm::StringRef File) {
    return P.whyNotEditable(File);
  };
  Inputs.Disabled = [&](llvm::StringRef File) { return P.disables(File); };
  Inputs.Failed = Result.Failed;
  Result.Plan = makePlan(Inputs);
  Result.Summaries = std::move(Inputs.Summaries);
  for (const std::string &File : touchedFiles(Result.Plan, Result.Summaries)) {
    auto Hash = hashFile(File);
    if (!Hash)
      return Hash.takeError();
    Result.Plan.Files.push_back({File, *Hash});
  }
  addTime(Times.Plan, Clock.lap());
  return Result;
}

void reportFailedUnits(const std::vector<FailedUnit> &Failed,
                       llvm::raw_ostream &OS) {
  if (Failed.empty())
    return;
  OS << "structify: " << countOf(Failed.size(), "translation unit")
     << (Failed.size() == 1 ? " does not compile; the functions it may use"
                            : " do not compile; the functions they may use")
     << " are left alone:\n";
  for (const FailedUnit &Unit : Failed)
    OS << "  " << Unit.File << ": " << Unit.Problem << "\n";
}

std::string describeGroup(const PlanEntry &Entry) {
  std::string Text = Entry.Function;
  if (Entry.SharedBy.empty())
    return Text;
  Text += " (with";
  for (size_t I = 0; I < Entry.SharedBy.size(); ++I)
    Text += (I ? ", " : " ") + Entry.SharedBy[I].Function;
  return Text + ")";
}

std::string describeRewrite(const PlanEntry &Entry) {
  std::string Text = describeGroup(Entry) + " -> " + Entry.Struct + " {";
  for (size_t I = 0; I < Entry.Fields.size(); ++I)
    Text += (I ? ", " : " ") + Entry.Fields[I].Name;
  return Text + " }";
}

size_t functionCount(llvm::ArrayRef<const PlanEntry *> Entries) {
  size_t Count = 0;
  for (const PlanEntry *E : Entries)
    Count += 1 + llvm::count_if(E->SharedBy, [](const PlanMember &M) {
               return !isParameterUsr(M.Usr) && !isMemberUsr(M.Usr);
             });
  return Count;
}

void describePlan(const Plan &P, llvm::raw_ostream &OS) {
  std::vector<const PlanEntry *> Rewritten, Skipped;
  for (const PlanEntry &E : P.Functions)
    (E.rewrites() ? Rewritten : Skipped).push_back(&E);
  const size_t Count = functionCount(Rewritten);
  OS << Count << " function" << (Count == 1 ? "" : "s") << " to rewrite, "
     << functionCount(Skipped) << " skipped\n";
  for (const PlanEntry *E : Rewritten)
    OS << "  rewrite " << describeRewrite(*E) << "\n";
  for (const PlanEntry *E : Skipped)
    OS << "  skip    " << describeGroup(*E) << ": " << E->Reason << "\n";
}

} // namespace structify
