//===--- Baseline.cpp - known findings that do not fail the run -----------===//

#include "report/Baseline.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/Format.h"
#include "llvm/Support/JSON.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/raw_ostream.h"

namespace structify {

void fingerprint(Results &R, SourceText &Sources) {
  llvm::StringMap<unsigned> Seen;
  for (Finding &F : R.Findings) {
    const clang::tooling::DiagnosticMessage &M = F.Diag.Message;
    std::string File = R.relative(M.FilePath);
    std::string Base = hashText({F.Diag.DiagnosticName, File, M.Message,
                                 Sources.line(M.FilePath, F.Line).trim()});
    F.Fingerprint = Base + ":" + std::to_string(++Seen[Base]);
  }
}

llvm::Expected<llvm::StringSet<>> readBaseline(llvm::StringRef Path) {
  auto Text = llvm::MemoryBuffer::getFile(Path);
  if (!Text)
    return makeError(
        Path + ": cannot read the baseline: " + Text.getError().message());
  llvm::Expected<llvm::json::Value> Doc =
      llvm::json::parse((*Text)->getBuffer());
  if (!Doc)
    return makeError(Path +
                     ": malformed baseline: " + toString(Doc.takeError()));
  const llvm::json::Object *Root = Doc->getAsObject();
  const llvm::json::Array *Findings =
      Root ? Root->getArray("findings") : nullptr;
  if (!Findings || Root->getInteger("version") != 1)
    return makeError(Path +
                     ": not a structify baseline (version 1, with findings)");
  llvm::StringSet<> Fingerprints;
  for (const llvm::json::Value &Entry : *Findings) {
    const llvm::json::Object *E = Entry.getAsObject();
    std::optional<llvm::StringRef> FP =
        E ? E->getString("fingerprint") : std::nullopt;
    if (!FP)
      return makeError(Path +
                       ": malformed baseline: a finding has no fingerprint");
    Fingerprints.insert(*FP);
  }
  return Fingerprints;
}

void applyBaseline(Results &R, const llvm::StringSet<> &Baseline) {
  for (Finding &F : R.Findings)
    F.Baselined = !F.isCompilerError() && Baseline.contains(F.Fingerprint);
}

llvm::Error writeBaseline(const Results &R, llvm::StringRef Path) {
  llvm::json::Array Findings;
  for (const Finding &F : R.Findings)
    if (!F.isCompilerError())
      Findings.push_back(
          llvm::json::Object{{"fingerprint", F.Fingerprint},
                             {"check", F.Diag.DiagnosticName},
                             {"file", R.relative(F.Diag.Message.FilePath)},
                             {"message", F.Diag.Message.Message}});
  std::error_code EC;
  llvm::raw_fd_ostream OS(Path, EC, llvm::sys::fs::OF_Text);
  if (EC)
    return makeError(Path + ": cannot write the baseline: " + EC.message());
  OS << llvm::formatv("{0:2}\n", llvm::json::Value(llvm::json::Object{
                                     {"version", 1},
                                     {"tool", "structify"},
                                     {"findings", std::move(Findings)}}));
  return llvm::Error::success();
}

} // namespace structify
