//===--- Findings.cpp - what a run found, once per place ------------------===//

#include "Findings.h"
#include "llvm/ADT/Twine.h"
#include "llvm/Support/Path.h"
#include <algorithm>
#include <tuple>

namespace structify {

bool Finding::isCompilerError() const {
  return Diag.DiagLevel == clang::tooling::Diagnostic::Error &&
         llvm::StringRef(Diag.DiagnosticName).starts_with("clang-diagnostic-");
}

size_t Results::newFindings() const {
  return llvm::count_if(Findings,
                        [](const Finding &F) { return !F.Baselined; });
}

std::string Results::relative(llvm::StringRef File) const {
  llvm::StringRef Rest = File;
  if (!Root.empty() && Rest.consume_front(Root) &&
      (llvm::StringRef(Root).ends_with("/") || Rest.consume_front("/")))
    return Rest.str();
  return File.str();
}

SourceText::Text *SourceText::get(llvm::StringRef File) {
  auto [It, Inserted] = Files.try_emplace(File);
  if (Inserted) {
    auto Buffer = llvm::MemoryBuffer::getFile(File, /*IsText=*/false,
                                              /*RequiresNullTerminator=*/false);
    if (Buffer) {
      Text T;
      T.Buffer = std::move(*Buffer);
      llvm::StringRef Data = T.Buffer->getBuffer();
      T.LineStarts.push_back(0);
      for (size_t I = 0; I < Data.size(); ++I)
        if (Data[I] == '\n')
          T.LineStarts.push_back(I + 1);
      It->second = std::move(T);
    }
  }
  return It->second ? &*It->second : nullptr;
}

std::optional<SourceText::Position> SourceText::locate(llvm::StringRef File,
                                                       unsigned Offset) {
  Text *T = get(File);
  if (!T || Offset > T->Buffer->getBufferSize())
    return std::nullopt;
  auto Next = llvm::upper_bound(T->LineStarts, Offset);
  unsigned Line = Next - T->LineStarts.begin();
  return Position{Line, Offset - *(Next - 1) + 1};
}

llvm::StringRef SourceText::line(llvm::StringRef File, unsigned Line) {
  Text *T = get(File);
  if (!T || Line == 0 || Line > T->LineStarts.size())
    return {};
  llvm::StringRef Data = T->Buffer->getBuffer();
  unsigned Begin = T->LineStarts[Line - 1];
  unsigned End =
      Line < T->LineStarts.size() ? T->LineStarts[Line] : Data.size();
  return Data.slice(Begin, End).rtrim("\r\n");
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
  if (auto [It, New] = Seen.insert(Key); New)
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
  if (auto [It, New] = Seen.insert(Key); New)
    R.Findings.push_back(std::move(F));
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
