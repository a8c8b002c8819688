//===--- Findings.cpp - what a run found, once per place ------------------===//

#include "report/Findings.h"
#include "report/DiagnosticJson.h"
#include "llvm/ADT/Twine.h"
#include "llvm/Support/Path.h"
#include <algorithm>
#include <tuple>

namespace structify {

bool Finding::isCompilerError() const {
  return structify::isCompilerError(Diag);
}

size_t Results::newFindings() const {
  return llvm::count_if(Findings,
                        [](const Finding &F) { return !F.Baselined; });
}

std::string Results::relative(llvm::StringRef File) const {
  return relativeTo(File, Root);
}

void ResultsBuilder::add(const TranslationUnit &Unit,
                         const UnitResult &Result) {
  // A file built in several configurations is one unit, analysed once per
  // configuration; what two of them find alike is one finding.
  if (auto [It, New] = Files.insert(Unit.File); New)
    ++R.Units;
  ++(Result.Cached ? R.Cached : R.Analysed);
  for (const clang::tooling::Diagnostic &Diag : Result.Diagnostics)
    add(Finding{Diag});
  if (Result.Status == UnitResult::Outcome::Analysed)
    return;
  const std::string Key =
      std::string("failure") + '\0' + Unit.File + '\0' + Result.Problem;
  if (auto [It, New] = Seen.try_emplace(Key, R.Failures.size()); New)
    R.Failures.push_back({Unit.File, Result.Problem,
                          Result.Status == UnitResult::Outcome::Crashed});
}

void ResultsBuilder::add(Finding F) {
  const clang::tooling::DiagnosticMessage &M = F.Diag.Message;
  // A header's finding comes from every unit that includes it: keep one.
  std::string Key;
  for (llvm::StringRef Part :
       {llvm::StringRef(F.Diag.DiagnosticName), llvm::StringRef(M.FilePath),
        llvm::StringRef(M.Message)})
    Key.append(Part.data(), Part.size()).push_back('\0');
  Key += std::to_string(M.FileOffset);
  auto [It, New] = Seen.try_emplace(Key, R.Findings.size());
  if (New) {
    R.Findings.push_back(std::move(F));
    return;
  }
  // Units configured differently (WarningsAsErrors) may disagree on a
  // header's finding: it is as severe as the most severe of them says.
  Finding &Kept = R.Findings[It->second];
  Kept.Diag.DiagLevel = std::max(Kept.Diag.DiagLevel, F.Diag.DiagLevel);
}

Results ResultsBuilder::finish(SourceText &Sources) {
  for (Finding &F : R.Findings)
    if (F.Line == 0 && !F.Diag.Message.FilePath.empty())
      if (auto Pos = Sources.locate(F.Diag.Message.FilePath,
                                    F.Diag.Message.FileOffset)) {
        F.Line = Pos->Line;
        F.Column = Pos->Column;
      }
  llvm::stable_sort(R.Findings, [](const Finding &A, const Finding &B) {
    const auto &X = A.Diag.Message, &Y = B.Diag.Message;
    return std::tie(X.FilePath, X.FileOffset, A.Diag.DiagnosticName,
                    X.Message) <
           std::tie(Y.FilePath, Y.FileOffset, B.Diag.DiagnosticName, Y.Message);
  });
  llvm::stable_sort(R.Failures, [](const Failure &A, const Failure &B) {
    return A.File < B.File;
  });
  return std::move(R);
}

} // namespace structify
