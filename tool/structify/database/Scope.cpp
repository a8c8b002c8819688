//===--- Scope.cpp - which units and files a run covers -------------------===//

#include "database/Scope.h"
#include "support/Config.h"
#include "support/DriverCompat.h"
#include "support/Paths.h"
#include "units/Cache.h"
#include "units/Progress.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/FileUtilities.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/Program.h"
#include "llvm/Support/raw_ostream.h"
#include <atomic>
#include <mutex>

namespace structify {

namespace {

/// The real path when the file exists, else the absolute path without dots
/// (a deleted file).
std::string canonical(llvm::StringRef Path) {
  llvm::SmallString<256> Real;
  if (!llvm::sys::fs::real_path(Path, Real))
    return std::string(Real);
  llvm::SmallString<256> Absolute(Path);
  [[maybe_unused]] std::error_code NoCwd =
      llvm::sys::fs::make_absolute(Absolute);
  llvm::sys::path::remove_dots(Absolute, /*remove_dot_dot=*/true);
  return std::string(Absolute);
}

/// Runs `git -C Dir Args...`; its stdout, or the first line of its stderr as
/// the error.
llvm::Expected<std::string> git(llvm::StringRef Dir,
                                llvm::ArrayRef<llvm::StringRef> Args) {
  llvm::ErrorOr<std::string> Git = llvm::sys::findProgramByName("git");
  if (!Git)
    return makeError("git is not on the PATH");
  llvm::SmallString<128> Out, Err;
  if (llvm::sys::fs::createTemporaryFile("structify-git", "out", Out) ||
      llvm::sys::fs::createTemporaryFile("structify-git", "err", Err))
    return makeError("cannot create a temporary file for git's output");
  llvm::FileRemover RemoveOut(Out), RemoveErr(Err);
  std::vector<llvm::StringRef> Argv = {*Git, "-C", Dir};
  Argv.insert(Argv.end(), Args.begin(), Args.end());
  std::optional<llvm::StringRef> Redirects[] = {llvm::StringRef(""), Out.str(),
                                                Err.str()};
  std::string Message;
  int Code = llvm::sys::ExecuteAndWait(*Git, Argv, std::nullopt, Redirects,
                                       /*SecondsToWait=*/0,
                                       /*MemoryLimit=*/0, &Message);
  auto Output = llvm::MemoryBuffer::getFile(Out);
  if (Code != 0) {
    auto Errors = llvm::MemoryBuffer::getFile(Err);
    llvm::StringRef Why =
        Errors ? (*Errors)->getBuffer().trim() : llvm::StringRef(Message);
    return makeError("git " + Args.front() + " failed: " + firstLine(Why));
  }
  if (!Output)
    return makeError("cannot read git's output");
  return (*Output)->getBuffer().str();
}

} // namespace

llvm::Expected<Exclusions>
Exclusions::parse(llvm::ArrayRef<std::string> Patterns, std::string Root) {
  Exclusions Result;
  Result.Root = std::move(Root);
  for (const std::string &Pattern : Patterns) {
    llvm::Regex Compiled(Pattern);
    std::string Problem;
    if (!Compiled.isValid(Problem))
      return makeError("--exclude=" + llvm::Twine(Pattern) +
                       ": not a valid regular expression: " + Problem);
    Result.Patterns.push_back(std::move(Compiled));
  }
  return Result;
}

bool Exclusions::excludes(llvm::StringRef File) const {
  if (Patterns.empty() || File.empty())
    return false;
  std::string Relative = relativeTo(File, Root);
  return llvm::any_of(Patterns, [&](const llvm::Regex &Pattern) {
    return Pattern.match(File) || Pattern.match(Relative);
  });
}

llvm::Error excludeUnits(std::vector<TranslationUnit> &Units,
                         const Exclusions &Excluded) {
  if (Excluded.empty())
    return llvm::Error::success();
  size_t Before = Units.size();
  llvm::erase_if(Units, [&](const TranslationUnit &Unit) {
    return Excluded.excludes(Unit.File);
  });
  if (Units.empty())
    return makeError("--exclude leaves none of the " + llvm::Twine(Before) +
                     " selected translation units to check");
  return llvm::Error::success();
}

void excludeResults(Results &R, const Exclusions &Excluded) {
  if (Excluded.empty())
    return;
  llvm::erase_if(R.Findings, [&](const Finding &F) {
    return Excluded.excludes(F.Diag.Message.FilePath);
  });
  llvm::erase_if(R.Failures,
                 [&](const Failure &F) { return Excluded.excludes(F.File); });
}

llvm::Expected<Change> Change::since(llvm::StringRef Rev, llvm::StringRef Dir) {
  auto Problem = [&](llvm::Error E) {
    return makeError("--changed-since=" + Rev + ": " + toString(std::move(E)));
  };
  llvm::Expected<std::string> Top = git(Dir, {"rev-parse", "--show-toplevel"});
  if (!Top)
    return Problem(Top.takeError());
  std::string TopDir = llvm::StringRef(*Top).trim().str();
  // Committed, staged and unstaged changes: Rev against the working tree.
  // Both names of a rename; deleted files too (units may have read them).
  llvm::Expected<std::string> Changed =
      git(TopDir, {"diff", "--name-only", "--no-renames", "-z", Rev, "--"});
  if (!Changed)
    return Problem(Changed.takeError());
  llvm::Expected<std::string> Untracked =
      git(TopDir, {"ls-files", "--others", "--exclude-standard", "-z"});
  if (!Untracked)
    return Problem(Untracked.takeError());

  Change Result;
  for (const std::string *List : {&*Changed, &*Untracked}) {
    llvm::SmallVector<llvm::StringRef> Names;
    llvm::StringRef(*List).split(Names, '\0', -1, /*KeepEmpty=*/false);
    for (llvm::StringRef Name : Names) {
      llvm::SmallString<256> Path(TopDir);
      llvm::sys::path::append(Path, Name);
      std::string File = canonical(Path);
      if (llvm::sys::path::filename(File) == ".clang-tidy")
        Result.ConfigDirs.push_back(llvm::sys::path::parent_path(File).str());
      Result.Files.insert(File);
    }
  }
  return Result;
}

bool Change::touches(llvm::StringRef File) const {
  return Files.contains(File);
}

bool Change::reconfigures(llvm::StringRef File) const {
  return llvm::any_of(ConfigDirs, [&](llvm::StringRef Dir) {
    return File.starts_with(Dir) &&
           llvm::sys::path::is_separator(File[Dir.size()]);
  });
}

struct DependencyScanner::Service {
  compat::deps::DependencyScanningService Scanning =
      compat::makeScanningService();
};

DependencyScanner::DependencyScanner() : Impl(std::make_unique<Service>()) {}
DependencyScanner::~DependencyScanner() = default;

llvm::Expected<std::vector<std::string>>
DependencyScanner::filesRead(const TranslationUnit &Unit,
                             const clang::tidy::ClangTidyOptions &Options) {
  auto Deps = compat::scanFileDependencies(
      Impl->Scanning, commandLineFor(Unit, Options), Unit.Command.Directory);
  if (!Deps)
    return makeError(llvm::Twine(Unit.File) + ": the dependency scan failed: " +
                     firstLine(llvm::toString(Deps.takeError())));
  std::vector<std::string> Files;
  Files.push_back(canonical(Unit.File));
  for (const std::string &File : *Deps) {
    llvm::SmallString<256> Path;
    if (llvm::sys::path::is_absolute(File))
      Path = File;
    else
      llvm::sys::path::append(Path, Unit.Command.Directory, File);
    Files.push_back(canonical(Path));
  }
  return Files;
}

AffectedUnits affectedUnits(
    const Change &C, llvm::ArrayRef<TranslationUnit> Units, unsigned Jobs,
    llvm::function_ref<std::optional<std::vector<std::string>>(size_t)>
        RecordedFiles,
    llvm::function_ref<llvm::Expected<std::vector<std::string>>(size_t)>
        ScanFiles) {
  std::vector<char> Flags(Units.size(), 0); // written by several threads
  std::atomic<size_t> Recorded = 0, Scanned = 0;
  auto ReadsChangedFile = [&](const std::vector<std::string> &Files) {
    return llvm::any_of(Files,
                        [&](const std::string &F) { return C.touches(F); });
  };
  runInParallel(Units.size(), Jobs, [&](size_t I) {
    std::string File = canonical(Units[I].File);
    if (C.touches(File) || C.reconfigures(File)) {
      Flags[I] = 1;
      return;
    }
    if (std::optional<std::vector<std::string>> Files = RecordedFiles(I)) {
      ++Recorded;
      Flags[I] = ReadsChangedFile(*Files) ? 1 : 0;
      return;
    }
    ++Scanned;
    llvm::Expected<std::vector<std::string>> Files = ScanFiles(I);
    if (!Files) {
      llvm::consumeError(Files.takeError());
      Flags[I] = 1; // it will be analysed, and say what is wrong
      return;
    }
    Flags[I] = ReadsChangedFile(*Files) ? 1 : 0;
  });
  AffectedUnits Result;
  for (char Flag : Flags) {
    Result.Affected.push_back(Flag != 0);
    Result.Count += Flag != 0;
  }
  Result.Recorded = Recorded;
  Result.Scanned = Scanned;
  return Result;
}

llvm::Error keepChangedUnits(llvm::StringRef Rev,
                             std::vector<TranslationUnit> &Units,
                             std::vector<std::string> &ConfigText,
                             Cache *ResultsCache, Config &Configuration,
                             unsigned Jobs, bool Quiet) {
  llvm::SmallString<256> Here;
  if (std::error_code EC = llvm::sys::fs::current_path(Here))
    return makeError("--changed-since=" + Rev +
                     ": no current directory: " + EC.message());
  llvm::Expected<Change> C = Change::since(Rev, Here);
  if (!C)
    return C.takeError();
  DependencyScanner Scanner;
  std::mutex ConfigLock;
  AffectedUnits Affected = affectedUnits(
      *C, Units, Jobs,
      [&](size_t I) -> std::optional<std::vector<std::string>> {
        if (!ResultsCache)
          return std::nullopt;
        return ResultsCache->recordedFiles(
            ResultsCache->key(Units[I], ConfigText[I]),
            [&](llvm::StringRef File) { return C->touches(File); });
      },
      [&](size_t I) -> llvm::Expected<std::vector<std::string>> {
        std::unique_lock<std::mutex> Guard(ConfigLock);
        auto Options = Configuration.optionsFor(Units[I].File);
        Guard.unlock();
        if (!Options)
          return Options.takeError();
        return Scanner.filesRead(Units[I], *Options);
      });
  if (!Quiet)
    llvm::errs() << "structify: --changed-since=" << Rev << ": "
                 << countOf(C->size(), "file") << " changed; " << Affected.Count
                 << " of " << countOf(Units.size(), "translation unit")
                 << " affected (" << Affected.Recorded
                 << " known from the cache, " << Affected.Scanned
                 << " scanned)\n";
  std::vector<TranslationUnit> KeptUnits;
  std::vector<std::string> KeptConfig;
  for (size_t I = 0; I < Units.size(); ++I)
    if (Affected.Affected[I]) {
      KeptUnits.push_back(std::move(Units[I]));
      KeptConfig.push_back(std::move(ConfigText[I]));
    }
  Units = std::move(KeptUnits);
  ConfigText = std::move(KeptConfig);
  return llvm::Error::success();
}

} // namespace structify
