//===--- Verify.cpp - does the rewritten project still compile? -----------===//

#include "Verify.h"
#include "Paths.h"
#include "UnifiedDiff.h"
#include "clang/Basic/CharInfo.h"
#include "llvm/ADT/StringSet.h"
#include "llvm/Support/MemoryBuffer.h"
#include <mutex>

namespace structify {
using namespace clang;
using tidy::structify::Plan;
using tidy::structify::PlanEntry;
using tidy::structify::PlanField;

BodyFilter bodyFilter(const Plan &Plan, llvm::ArrayRef<FunctionSummary> Summaries,
                      const Edits &E, bool ParseAll) {
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

Verification verify(const Project &P, const Edits &E,
                    const std::vector<std::vector<std::string>> &FilesRead,
                    const std::vector<FailedUnit> &Failed,
                    std::shared_ptr<const BodyFilter> Bodies,
                    const Verification *Previous) {
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
  std::vector<size_t> Affected, ToParse;
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
  for (size_t I : Affected) {
    if (Previous && Previous->Compiled.count(I) && I < FilesRead.size() &&
        llvm::none_of(FilesRead[I], Changed))
      Result.Compiled.insert(I); // compiles as it did in the previous round
    else
      ToParse.push_back(I);
  }
  Result.Parsed = ToParse.size();
  // A file built in several configurations is verified in each, counted once.
  llvm::StringSet<> Files;
  for (size_t I : Affected)
    Files.insert(P.Units[I].File);
  Result.Units = Files.size();
  const UnitRunner Runner = P.runner();
  std::mutex Lock;
  SourceText Sources; // under Lock
  Progress Status(ToParse.size(), P.Quiet, "verify");
  runInParallel(ToParse.size(), P.Jobs, [&](size_t K) {
    const TranslationUnit &Unit = P.Units[ToParse[K]];
    Status.started(Unit.File);
    UnitResult R = Runner.verify(Unit, Bodies);
    Status.finished(Unit.File, R);
    std::lock_guard<std::mutex> Guard(Lock);
    if (R.Status == UnitResult::Outcome::Analysed &&
        llvm::none_of(R.Diagnostics, [](const tooling::Diagnostic &D) {
          return D.DiagLevel == tooling::Diagnostic::Error;
        }))
      Result.Compiled.insert(ToParse[K]);
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
  // The same header error comes from every unit that includes it.
  llvm::sort(Result.Errors, [](const VerifyError &A, const VerifyError &B) {
    return std::tie(A.Where, A.Message) < std::tie(B.Where, B.Message);
  });
  Result.Errors.erase(llvm::unique(Result.Errors,
                                   [](const VerifyError &A, const VerifyError &B) {
                                     return A.Where == B.Where &&
                                            A.Message == B.Message;
                                   }),
                      Result.Errors.end());
  return Result;
}

} // namespace structify
