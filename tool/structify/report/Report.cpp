//===--- Report.cpp - text, JSON and fixes --------------------------------===//

#include "report/Report.h"
#include "report/DiagnosticJson.h"
#include "support/DriverCompat.h"
#include "support/Paths.h"
#include "clang/Basic/DiagnosticOptions.h"
#include "clang/Basic/FileManager.h"
#include "clang/Basic/LangOptions.h"
#include "clang/Basic/SourceManager.h"
#include "clang/Frontend/TextDiagnosticPrinter.h"
#include "clang/Tooling/DiagnosticsYaml.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/FormatVariadic.h"
#include "llvm/Support/MemoryBuffer.h"

namespace structify {
using namespace clang;
using llvm::json::Array;
using llvm::json::Object;

namespace {

/// Prints diagnostics from (file, offset) places, as clang-tidy does.
class TextPrinter {
public:
  TextPrinter(llvm::raw_ostream &OS, bool Color)
      : Files(FileSystemOptions(), llvm::vfs::getRealFileSystem()),
        Printer(OS, DiagOpts),
        Diags(llvm::makeIntrusiveRefCnt<DiagnosticIDs>(), DiagOpts, &Printer,
              /*ShouldOwnClient=*/false),
        SM(Diags, Files) {
    DiagOpts->ShowColors = Color;
    Printer.BeginSourceFile(LangOpts, nullptr);
  }
  ~TextPrinter() { Printer.EndSourceFile(); }

  void print(const tooling::Diagnostic &D) {
    DiagnosticsEngine::Level Level =
        D.DiagLevel == tooling::Diagnostic::Error ? DiagnosticsEngine::Error
        : D.DiagLevel == tooling::Diagnostic::Remark
            ? DiagnosticsEngine::Remark
            : DiagnosticsEngine::Warning;
    {
      auto B = Diags.Report(location(D.Message.FilePath, D.Message.FileOffset),
                            Diags.getCustomDiagID(Level, "%0 [%1]"))
               << D.Message.Message << D.DiagnosticName;
      decorate(B, D.Message);
    }
    for (const tooling::DiagnosticMessage &Note : D.Notes) {
      auto B =
          Diags.Report(location(Note.FilePath, Note.FileOffset),
                       Diags.getCustomDiagID(DiagnosticsEngine::Note, "%0"))
          << Note.Message;
      decorate(B, Note);
    }
  }

private:
  SourceLocation location(StringRef File, unsigned Offset) {
    return range(File, Offset, 0).getBegin();
  }

  CharSourceRange range(StringRef File, unsigned Offset, unsigned Length) {
    return rangeIn(SM, File, Offset, Length).value_or(CharSourceRange());
  }

  void decorate(const DiagnosticBuilder &B,
                const tooling::DiagnosticMessage &M) {
    for (const tooling::FileByteRange &R : M.Ranges)
      B << range(R.FilePath, R.FileOffset, R.Length);
    for (const auto &Entry : M.Fix)
      for (const tooling::Replacement &R : Entry.second)
        B << FixItHint::CreateReplacement(
            range(R.getFilePath(), R.getOffset(), R.getLength()),
            R.getReplacementText());
  }

  compat::DiagnosticOptionsHolder DiagOpts;
  LangOptions LangOpts;
  FileManager Files;
  TextDiagnosticPrinter Printer;
  DiagnosticsEngine Diags;
  SourceManager SM;
};

Object findingToJSON(const Finding &F, SourceText &Sources) {
  Object Result = toJSON(F.Diag);
  Result["line"] = F.Line;
  Result["column"] = F.Column;
  Result["fingerprint"] = F.Fingerprint;
  Result["baselined"] = F.Baselined;
  if (Array *Notes = Result.getArray("notes"))
    for (llvm::json::Value &Note : *Notes) {
      Object &N = *Note.getAsObject();
      std::optional<StringRef> File = N.getString("file");
      std::optional<int64_t> Offset = N.getInteger("offset");
      if (!File || !Offset)
        continue;
      if (auto Pos = Sources.locate(*File, static_cast<unsigned>(*Offset))) {
        N["line"] = Pos->Line;
        N["column"] = Pos->Column;
      }
    }
  return Result;
}

} // namespace

void writeText(const Results &R, llvm::raw_ostream &OS, bool Color) {
  {
    TextPrinter Printer(OS, Color);
    for (const Finding &F : R.Findings)
      if (!F.Baselined)
        Printer.print(F.Diag);
  }
  OS.flush();
}

void writeJson(const Results &R, llvm::raw_ostream &OS, SourceText &Sources) {
  Array Findings, Failures;
  for (const Finding &F : R.Findings)
    Findings.push_back(findingToJSON(F, Sources));
  for (const Failure &F : R.Failures)
    Failures.push_back(Object{
        {"file", F.File}, {"problem", F.Problem}, {"crashed", F.Crashed}});
  size_t New = R.newFindings();
  Object Summary{{"units", R.Units},
                 {"cached", R.Cached},
                 {"analysed", R.Analysed},
                 {"findings", int64_t(R.Findings.size())},
                 {"new", int64_t(New)},
                 {"baselined", int64_t(R.Findings.size() - New)},
                 {"failures", int64_t(R.Failures.size())}};
  OS << llvm::formatv(
      "{0:2}\n",
      llvm::json::Value(Object{{"version", 1},
                               {"tool", Object{{"name", "structify"},
                                               {"version", STRUCTIFY_VERSION}}},
                               {"root", R.Root},
                               {"summary", std::move(Summary)},
                               {"findings", std::move(Findings)},
                               {"failures", std::move(Failures)}}));
}

llvm::Error writeExportFixes(const Results &R, llvm::StringRef Path) {
  tooling::TranslationUnitDiagnostics TUD;
  for (const Finding &F : R.Findings)
    if (!F.Baselined)
      TUD.Diagnostics.push_back(F.Diag);
  std::error_code EC;
  llvm::raw_fd_ostream OS(Path, EC, llvm::sys::fs::OF_Text);
  if (EC)
    return makeError(Path + ": cannot write the fixes: " + EC.message());
  llvm::yaml::Output YAML(OS);
  YAML << TUD;
  return llvm::Error::success();
}

llvm::Expected<Results> readJsonReport(llvm::StringRef Path) {
  auto Text = llvm::MemoryBuffer::getFile(Path);
  if (!Text)
    return makeError(Path + ": cannot read: " + Text.getError().message());
  llvm::Expected<llvm::json::Value> Doc =
      llvm::json::parse((*Text)->getBuffer());
  if (!Doc)
    return makeError(Path + ": malformed JSON: " + toString(Doc.takeError()));
  const Object *Root = Doc->getAsObject();
  const Array *Findings = Root ? Root->getArray("findings") : nullptr;
  const Array *Failures = Root ? Root->getArray("failures") : nullptr;
  const Object *Summary = Root ? Root->getObject("summary") : nullptr;
  if (!Findings || !Failures || !Summary || Root->getInteger("version") != 1)
    return makeError(Path + ": not a structify --format=json report");
  Results R;
  R.Root = Root->getString("root").value_or("").str();
  R.Units = Summary->getInteger("units").value_or(0);
  R.Cached = Summary->getInteger("cached").value_or(0);
  R.Analysed = Summary->getInteger("analysed").value_or(0);
  for (const llvm::json::Value &V : *Findings) {
    Finding F;
    llvm::json::Path::Root P("finding");
    llvm::json::ObjectMapper O(V, P);
    int64_t Line = 0, Column = 0;
    if (!fromJSON(V, F.Diag, P) || !O.map("line", Line) ||
        !O.map("column", Column) || !O.map("fingerprint", F.Fingerprint) ||
        !O.map("baselined", F.Baselined))
      return makeError(Path + ": malformed finding: " + toString(P.getError()));
    F.Line = Line;
    F.Column = Column;
    R.Findings.push_back(std::move(F));
  }
  for (const llvm::json::Value &V : *Failures) {
    Failure F;
    llvm::json::Path::Root P("failure");
    llvm::json::ObjectMapper O(V, P);
    if (!O || !O.map("file", F.File) || !O.map("problem", F.Problem) ||
        !O.map("crashed", F.Crashed))
      return makeError(Path + ": malformed failure: " + toString(P.getError()));
    R.Failures.push_back(std::move(F));
  }
  return R;
}

} // namespace structify
