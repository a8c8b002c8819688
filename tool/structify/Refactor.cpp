//===--- Refactor.cpp - the project and its plan, for plan and fix --------===//

#include "Refactor.h"
#include "CommandLine.h"
#include "CompileDb.h"
#include "Config.h"
#include "Journal.h"
#include "clang/Format/Format.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/Format.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/xxhash.h"

namespace structify {
namespace cl = llvm::cl;
using clang::tidy::structify::Plan;
using clang::tidy::structify::PlanEntry;

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

cl::opt<std::string> BuildDir("p",
                              cl::desc("Build directory with compile_commands.json"),
                              cl::value_desc("build-dir"), cl::init("."),
                              cl::sub(planCommand()), cl::sub(fixCommand()),
                              cl::cat(structifyCategory()));

cl::opt<unsigned> Jobs("j", cl::desc("Units analysed at once (default: all cores)"),
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

std::string realPath(llvm::StringRef Path) {
  llvm::SmallString<256> Real;
  if (llvm::sys::fs::real_path(Path, Real))
    return Path.str();
  return std::string(Real);
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
      return realPath(Line.trim());
  return {};
}

/// The deepest directory that holds every unit and the build directory.
std::string commonDirectory(const std::vector<TranslationUnit> &Units,
                            llvm::StringRef Build) {
  std::string Common = realPath(Build);
  for (const TranslationUnit &Unit : Units) {
    std::string Dir = realPath(llvm::sys::path::parent_path(Unit.File));
    if (Common.empty()) {
      Common = Dir;
      continue;
    }
    while (!Common.empty() && !llvm::StringRef(Dir + "/").starts_with(Common + "/"))
      Common = llvm::sys::path::parent_path(Common).str();
  }
  return Common;
}

} // namespace

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
  return llvm::utohexstr(llvm::xxh3_64bits((*Buffer)->getBuffer()), true, 16);
}

llvm::Expected<Project> loadProject() {
  Project P;
  P.BuildDir = realPath(BuildDir);
  P.Jobs = Jobs;
  P.Quiet = Quiet;
  P.FormatStyle = FormatStyle;
  if (P.FormatStyle != "file" && P.FormatStyle != "none")
    if (auto Style = clang::format::getStyle(P.FormatStyle, "check.cpp", "none");
        !Style)
      return llvm::createStringError(std::errc::invalid_argument,
                                     "--format-style=%s: %s", P.FormatStyle.c_str(),
                                     llvm::toString(Style.takeError()).c_str());
  ConfigOptions ConfigOpts;
  ConfigOpts.ConfigFile = ConfigFile;
  auto Configuration = Config::load(ConfigOpts);
  if (!Configuration)
    return Configuration.takeError();
  P.Configuration = std::make_shared<Config>(std::move(*Configuration));
  // The headers a precompiled header was made from may be rewritten: plan and
  // fix read them as text.
  AdapterOptions Adapt;
  Adapt.UsePch = false;
  ChangeSummary Changes;
  auto Units = loadUnits(BuildDir, {}, Shard(), Adapt, &Changes);
  if (!Units)
    return Units.takeError();
  if (!P.Quiet)
    Changes.print(llvm::errs());
  P.Units = std::move(*Units);
  for (const TranslationUnit &Unit : P.Units) {
    auto Options = P.Configuration->optionsFor(Unit.File);
    if (!Options)
      return Options.takeError();
    P.Options.push_back(std::move(*Options));
  }
  P.Layout.BuildDir = P.BuildDir;
  if (!SourceRoot.empty()) {
    if (!llvm::sys::fs::is_directory(SourceRoot))
      return llvm::createStringError(std::errc::no_such_file_or_directory,
                                     "%s: --source-root is not a directory",
                                     SourceRoot.c_str());
    P.Layout.SourceRoot = realPath(SourceRoot);
  } else {
    P.Layout.SourceRoot = cmakeSourceDir(P.BuildDir);
    if (P.Layout.SourceRoot.empty())
      P.Layout.SourceRoot = commonDirectory(P.Units, P.BuildDir);
  }
  return P;
}

void StageTimes::print(llvm::raw_ostream &OS) const {
  const char *Separator = "time: ";
  for (const auto &[Name, Seconds] :
       {std::make_pair("collect", Collect), std::make_pair("plan", Plan),
        std::make_pair("apply", Apply), std::make_pair("verify", Verify)})
    if (Seconds) {
      OS << Separator << Name << llvm::format(" %.1f s", *Seconds);
      Separator = ", ";
    }
  OS << "\n";
}

llvm::Expected<ProjectPlan> makeProjectPlan(const Project &P, StageTimes &Times) {
  Stopwatch Clock;
  Progress Status(P.Units.size(), P.Quiet, "collect");
  CollectResult Collected = collect(P.Units, P.Options, P.Jobs, Status);
  Status.done();
  addTime(Times.Collect, Clock.lap());
  if (!Collected.Failures.empty())
    return llvm::createStringError(
        std::errc::invalid_argument, "%s%s; a project-wide rewrite needs every "
                                     "translation unit to compile",
        Collected.Failures.front().c_str(),
        Collected.Failures.size() > 1
            ? (" (and " + std::to_string(Collected.Failures.size() - 1) +
               " more)")
                  .c_str()
            : "");
  Plan Result = clang::tidy::structify::makePlan(Collected.Summaries, P.Layout);
  for (const std::string &File :
       clang::tidy::structify::touchedFiles(Result, Collected.Summaries)) {
    auto Hash = hashFile(File);
    if (!Hash)
      return Hash.takeError();
    Result.Files.push_back({File, *Hash});
  }
  addTime(Times.Plan, Clock.lap());
  return ProjectPlan{std::move(Result), std::move(Collected.FilesRead)};
}

std::string describeRewrite(const PlanEntry &Entry) {
  std::string Text = Entry.Function + " -> " + Entry.Struct + " {";
  for (size_t I = 0; I < Entry.Fields.size(); ++I)
    Text += (I ? ", " : " ") + Entry.Fields[I].Name;
  return Text + " }";
}

void describePlan(const Plan &P, llvm::raw_ostream &OS) {
  unsigned Rewritten = 0;
  std::vector<const PlanEntry *> Skipped;
  for (const PlanEntry &E : P.Functions) {
    if (E.rewrites())
      ++Rewritten;
    else
      Skipped.push_back(&E);
  }
  OS << Rewritten << " function" << (Rewritten == 1 ? "" : "s")
     << " to rewrite, " << Skipped.size() << " skipped\n";
  for (const PlanEntry &E : P.Functions)
    if (E.rewrites())
      OS << "  rewrite " << describeRewrite(E) << "\n";
  for (const PlanEntry *E : Skipped)
    OS << "  skip    " << E->Function << ": " << E->Reason << "\n";
}

} // namespace structify
