//===--- Verify.cpp - does the rewritten project still compile? -----------===//

#include "Verify.h"
#include "Paths.h"
#include "llvm/ADT/StringSet.h"
#include <mutex>

namespace structify {
using namespace clang;

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
  Verification Result;
  // A file built in several configurations is verified in each, counted once.
  llvm::StringSet<> Files;
  for (size_t I : Affected)
    Files.insert(P.Units[I].File);
  Result.Units = Files.size();
  const UnitRunner Runner = P.runner();
  std::mutex Lock;
  SourceText Sources; // under Lock
  Progress Status(Affected.size(), P.Quiet, "verify");
  runInParallel(Affected.size(), P.Jobs, [&](size_t K) {
    const TranslationUnit &Unit = P.Units[Affected[K]];
    Status.started(Unit.File);
    UnitResult R = Runner.verify(Unit);
    Status.finished(Unit.File, R);
    std::lock_guard<std::mutex> Guard(Lock);
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
