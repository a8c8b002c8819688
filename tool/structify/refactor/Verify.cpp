//===--- Verify.cpp - does the rewritten project still compile? -----------===//

#include "refactor/Verify.h"
#include "refactor/UnifiedDiff.h"
#include "support/Paths.h"
#include "clang/Basic/CharInfo.h"
#include "llvm/ADT/StringSet.h"
#include "llvm/Support/MemoryBuffer.h"
#include <mutex>

namespace structify {
using namespace clang;
using tidy::structify::Plan;
using tidy::structify::PlanEntry;

BodyFilter bodyFilter(const Plan &Plan,
                      llvm::ArrayRef<FunctionSummary> Summaries, const Edits &E,
                      bool ParseAll) {
  BodyFilter Filter;
  Filter.ParseAll = ParseAll;
  llvm::StringSet<> Names;
  auto Add = [&](llvm::StringRef Name) {
    // `operator()` is called without its name: nothing to look for.
    if (!isValidAsciiIdentifier(Name))
      Filter.ParseAll = true;
    Names.insert(Name);
  };
  // The structs, and what their values come from. A field's name is not
  // needed: a body that reads one holds an edit, or names where the value
  // came from.
  for (const PlanEntry &Entry : Plan.Functions)
    if (Entry.rewrites())
      Add(Entry.Struct);
  for (const FunctionSummary &S : Summaries)
    if (const PlanEntry *Entry = Plan.find(S.Usr); Entry && Entry->rewrites())
      Add(S.Name);
  for (const auto &Name : Names)
    Filter.Names.push_back(Name.getKey().str());
  llvm::sort(Filter.Names);
  // Where the new text differs from the old, line by line: the edits as
  // formatted.
  for (const auto &[File, NewText] : E.NewContents) {
    auto OldText = llvm::MemoryBuffer::getFile(File);
    if (!OldText) {
      Filter.ParseAll = true;
      continue;
    }
    Filter.Edited[File] = changedRanges((*OldText)->getBuffer(), NewText);
  }
  return Filter;
}

std::string blame(const std::vector<EditOrigin> &Origins, llvm::StringRef File,
                  unsigned Offset) {
  std::vector<const EditOrigin *> InFile;
  for (const EditOrigin &O : Origins)
    if (O.File == File)
      InFile.push_back(&O);
  llvm::sort(InFile, [](const EditOrigin *A, const EditOrigin *B) {
    return A->Offset < B->Offset;
  });
  const EditOrigin *Best = nullptr;
  long BestDistance = -1;
  long Shift = 0;
  for (const EditOrigin *O : InFile) {
    const long Begin = O->Offset + Shift, End = Begin + O->NewLength;
    const long Distance = Offset < Begin ? Begin - Offset
                          : Offset > End ? Offset - End
                                         : 0;
    if (BestDistance < 0 || Distance < BestDistance) {
      Best = O;
      BestDistance = Distance;
    }
    Shift += static_cast<long>(O->NewLength) - O->Length;
  }
  return Best ? Best->Function : std::string();
}

namespace {

/// The unit's compile command without what names its own files (the main
/// file, the outputs): units with the same configuration compile a header
/// alike.
std::string configurationOf(const TranslationUnit &Unit) {
  std::string Key = Unit.Command.Directory;
  const auto &Args = Unit.Command.CommandLine;
  for (size_t I = 0; I < Args.size(); ++I) {
    const llvm::StringRef Arg = Args[I];
    if (Arg == "-o" || Arg == "-MF" || Arg == "-MT" || Arg == "-MQ") {
      ++I;
      continue;
    }
    if (Arg.starts_with("-o") || Arg == Unit.File ||
        Arg == Unit.Command.Filename)
      continue;
    Key += '\0';
    Key += Arg;
  }
  return Key;
}

/// The units of a round: those to parse, and those that read the changed
/// code only in headers, as some of those do.
struct RoundUnits {
  std::vector<size_t> Parse;
  std::vector<size_t> Followers;
};

/// Which of \p Units (indices into P.Units) to parse. A unit whose own file
/// changed or names anything the rewrite changed (\p Bodies' names) is
/// parsed. Any other reads the changed code only in headers: it is parsed
/// only when it reads such a header (one that changed or names something)
/// that no unit parsed, or compiled unchanged (\p Compiled), with the same
/// configuration reads; else it follows them.
RoundUnits unitsToParse(const Project &P, const Edits &E,
                        const std::vector<std::vector<std::string>> &FilesRead,
                        llvm::ArrayRef<size_t> Units,
                        const std::set<size_t> &Compiled,
                        const BodyFilter &Bodies) {
  RoundUnits Result;
  if (Bodies.ParseAll) {
    Result.Parse = Units;
    return Result;
  }
  llvm::StringSet<> Names;
  for (const std::string &Name : Bodies.Names)
    Names.insert(Name);
  // Whether each file read changed or names something (read once each).
  llvm::StringMap<bool> Relevant;
  auto IsRelevant = [&](const std::string &File) {
    auto [It, New] = Relevant.try_emplace(File, true);
    if (New && !E.NewContents.count(File)) {
      auto Text = llvm::MemoryBuffer::getFile(File);
      It->second = !Text || mentionsAny((*Text)->getBuffer(), Names);
    }
    return It->second;
  };
  // Each configuration's relevant headers some parsed unit reads.
  std::set<std::pair<std::string, std::string>> Covered;
  auto Cover = [&](size_t I) {
    if (I >= FilesRead.size())
      return;
    const std::string Configuration = configurationOf(P.Units[I]);
    for (const std::string &File : FilesRead[I])
      if (IsRelevant(File))
        Covered.emplace(Configuration, File);
  };
  for (size_t I : Compiled)
    Cover(I);
  std::vector<size_t> HeaderOnly;
  for (size_t I : Units) {
    if (I >= FilesRead.size() || IsRelevant(P.Units[I].File)) {
      Result.Parse.push_back(I);
      Cover(I);
    } else {
      HeaderOnly.push_back(I);
    }
  }
  for (size_t I : HeaderOnly) {
    const std::string Configuration = configurationOf(P.Units[I]);
    const bool New = llvm::any_of(FilesRead[I], [&](const std::string &File) {
      return IsRelevant(File) && !Covered.count({Configuration, File});
    });
    if (New) {
      Result.Parse.push_back(I);
      Cover(I);
    } else {
      Result.Followers.push_back(I);
    }
  }
  return Result;
}

/// The units (indices into P.Units) that read a file \p E changes, but
/// for those that did not compile before the rewrite (\p Failed).
std::vector<size_t>
affectedUnits(const Project &P, const Edits &E,
              const std::vector<std::vector<std::string>> &FilesRead,
              const std::vector<FailedUnit> &Failed) {
  std::vector<size_t> Affected;
  for (size_t I = 0; I < P.Units.size(); ++I) {
    if (llvm::any_of(Failed, [&](const FailedUnit &F) {
          return F.File == P.Units[I].File;
        }))
      continue;
    if (I >= FilesRead.size() ||
        llvm::any_of(FilesRead[I], [&](const std::string &File) {
          return E.NewContents.count(File) > 0;
        }))
      Affected.push_back(I);
  }
  return Affected;
}

/// The errors in order, each once: the same header error comes from every
/// unit that includes it.
void sortUnique(std::vector<VerifyError> &Errors) {
  llvm::sort(Errors, [](const VerifyError &A, const VerifyError &B) {
    return std::tie(A.Where, A.Message) < std::tie(B.Where, B.Message);
  });
  Errors.erase(llvm::unique(Errors,
                            [](const VerifyError &A, const VerifyError &B) {
                              return A.Where == B.Where &&
                                     A.Message == B.Message;
                            }),
               Errors.end());
}

} // namespace

Verification verify(const Project &P, const Edits &E,
                    const std::vector<std::vector<std::string>> &FilesRead,
                    const std::vector<FailedUnit> &Failed,
                    std::shared_ptr<const BodyFilter> Bodies,
                    const Verification *Previous, bool InMemory) {
  Verification Result;
  Result.Contents = E.NewContents;
  // Did the text of \p File change since the previous round?
  auto Changed = [&](const std::string &File) {
    const auto Now = E.NewContents.find(File);
    const auto Then = Previous->Contents.find(File);
    if (Now == E.NewContents.end() || Then == Previous->Contents.end())
      return (Now == E.NewContents.end()) != (Then == Previous->Contents.end());
    return Now->second != Then->second;
  };
  const std::vector<size_t> Affected = affectedUnits(P, E, FilesRead, Failed);
  std::vector<size_t> ToParse;
  for (size_t I : Affected) {
    if (Previous && Previous->Compiled.count(I) && I < FilesRead.size() &&
        llvm::none_of(FilesRead[I], Changed))
      Result.Compiled.insert(I); // compiles as it did in the previous round
    else
      ToParse.push_back(I);
  }
  const RoundUnits Round =
      unitsToParse(P, E, FilesRead, ToParse, Result.Compiled, *Bodies);
  const std::vector<size_t> &Parsing = Round.Parse;
  Result.Parsed = Parsing.size();
  // A file built in several configurations is verified in each, counted once.
  llvm::StringSet<> Files;
  for (size_t I : Affected)
    Files.insert(P.Units[I].File);
  Result.Units = Files.size();
  const UnitRunner Runner = P.runner();
  const auto Overlay =
      InMemory ? std::make_shared<const std::map<std::string, std::string>>(
                     E.NewContents)
               : nullptr;
  std::mutex Lock;
  SourceText Sources; // under Lock
  Progress Status(Parsing.size(), P.Quiet, "verify");
  runInParallel(Parsing.size(), P.Jobs, [&](size_t K) {
    const size_t Parsed = Parsing[K];
    const TranslationUnit &Unit = P.Units[Parsed];
    Status.started(Unit.File);
    UnitResult R = Runner.verify(Unit, Bodies, Overlay);
    Status.finished(Unit.File, R);
    std::lock_guard<std::mutex> Guard(Lock);
    if (R.Status == UnitResult::Outcome::Analysed &&
        llvm::none_of(R.Diagnostics, [](const tooling::Diagnostic &D) {
          return D.DiagLevel == tooling::Diagnostic::Error;
        }))
      Result.Compiled.insert(Parsed);
    if (R.Status == UnitResult::Outcome::Crashed)
      Result.Errors.push_back({Unit.File, R.Problem, ""});
    for (const tooling::Diagnostic &D : R.Diagnostics) {
      if (D.DiagLevel != tooling::Diagnostic::Error)
        continue;
      const std::string File = D.Message.FilePath;
      Result.Errors.push_back({Sources.describe(File, D.Message.FileOffset),
                               D.Message.Message,
                               blame(E.Origins, File, D.Message.FileOffset)});
    }
  });
  Status.done();
  // The units that read the changed code as parsed ones do compile when
  // those all do.
  if (Result.Errors.empty())
    Result.Compiled.insert(Round.Followers.begin(), Round.Followers.end());
  sortUnique(Result.Errors);
  return Result;
}

} // namespace structify
