//===--- Annotations.cpp - GitHub and GitLab annotations ------------------===//
//
// The formats CI services show on a pull request's diff with no upload step:
// GitHub's workflow commands, printed to the job's log, and GitLab's Code
// Quality report, a Code Climate JSON file the job declares as an artifact.
// Both carry the findings that are not in the baseline and the units that
// could not be analysed; paths are relative to the root.
//
//===----------------------------------------------------------------------===//

#include "report/Baseline.h"
#include "report/Report.h"
#include "llvm/Support/FormatVariadic.h"

namespace structify {
using clang::tooling::Diagnostic;
using clang::tooling::DiagnosticMessage;
using llvm::json::Array;
using llvm::json::Object;

namespace {

/// A workflow command's message: %, CR and LF escaped (GitHub's toolkit,
/// escapeData).
std::string escapeData(llvm::StringRef Text) {
  std::string Result;
  for (char C : Text) {
    if (C == '%')
      Result += "%25";
    else if (C == '\r')
      Result += "%0D";
    else if (C == '\n')
      Result += "%0A";
    else
      Result += C;
  }
  return Result;
}

/// A workflow command's property value: also ':' and ',' (escapeProperty).
std::string escapeProperty(llvm::StringRef Text) {
  std::string Result;
  for (char C : escapeData(Text)) {
    if (C == ':')
      Result += "%3A";
    else if (C == ',')
      Result += "%2C";
    else
      Result += C;
  }
  return Result;
}

llvm::StringRef githubCommand(Diagnostic::Level Level) {
  switch (Level) {
  case Diagnostic::Error:
    return "error";
  case Diagnostic::Remark:
    return "notice";
  case Diagnostic::Warning:
    return "warning";
  }
  return "warning";
}

/// "file:line:col: " of a note, relative to the root; "" when it has no place.
std::string place(const Results &R, SourceText &Sources,
                  const DiagnosticMessage &M) {
  if (M.FilePath.empty())
    return "";
  std::string Result = R.relative(M.FilePath);
  if (auto Pos = Sources.locate(M.FilePath, M.FileOffset))
    Result +=
        ":" + std::to_string(Pos->Line) + ":" + std::to_string(Pos->Column);
  return Result + ": ";
}

/// The notes under a finding, one line each.
std::string notesText(const Results &R, SourceText &Sources,
                      const Diagnostic &D) {
  std::string Text;
  for (const DiagnosticMessage &Note : D.Notes) {
    if (!Text.empty())
      Text += '\n';
    Text += place(R, Sources, Note) + "note: " + Note.Message;
  }
  return Text;
}

/// Code Climate's severities: info, minor, major, critical, blocker.
llvm::StringRef codeClimateSeverity(Diagnostic::Level Level) {
  switch (Level) {
  case Diagnostic::Error:
    return "critical";
  case Diagnostic::Remark:
    return "info";
  case Diagnostic::Warning:
    return "major";
  }
  return "major";
}

/// Code Climate's categories, from the check's name.
llvm::StringRef codeClimateCategory(llvm::StringRef Check) {
  if (Check.starts_with("clang-diagnostic-") ||
      Check.starts_with("clang-analyzer-") || Check.starts_with("bugprone-") ||
      Check.starts_with("cert-") || Check.starts_with("concurrency-"))
    return "Bug Risk";
  if (Check.starts_with("performance-"))
    return "Performance";
  if (Check.starts_with("portability-"))
    return "Compatibility";
  if (Check.starts_with("structify-") || Check.starts_with("readability-"))
    return "Clarity";
  return "Style";
}

/// What a failed unit is called in both formats.
constexpr llvm::StringLiteral NotAnalysed = "structify-unit-not-analysed";

} // namespace

void writeGithub(const Results &R, llvm::raw_ostream &OS, SourceText &Sources) {
  for (const Finding &F : R.Findings) {
    if (F.Baselined)
      continue;
    const DiagnosticMessage &M = F.Diag.Message;
    OS << "::" << githubCommand(F.Diag.DiagLevel) << " ";
    if (!M.FilePath.empty()) {
      OS << "file=" << escapeProperty(R.relative(M.FilePath));
      if (F.Line)
        OS << ",line=" << F.Line << ",col=" << F.Column;
      OS << ",";
    }
    OS << "title=" << escapeProperty(F.Diag.DiagnosticName)
       << "::" << escapeData(M.Message);
    if (!F.Diag.Notes.empty())
      OS << "%0A" << escapeData(notesText(R, Sources, F.Diag));
    OS << "\n";
  }
  for (const Failure &F : R.Failures)
    OS << "::error file=" << escapeProperty(R.relative(F.File))
       << ",title=" << NotAnalysed << "::" << escapeData(F.Problem) << "\n";
}

void writeCodeClimate(const Results &R, llvm::raw_ostream &OS,
                      SourceText &Sources) {
  Array Issues;
  for (const Finding &F : R.Findings) {
    if (F.Baselined)
      continue;
    const DiagnosticMessage &M = F.Diag.Message;
    Object Issue{
        {"type", "issue"},
        {"check_name", F.Diag.DiagnosticName},
        {"description", M.Message},
        {"categories", Array{codeClimateCategory(F.Diag.DiagnosticName)}},
        {"severity", codeClimateSeverity(F.Diag.DiagLevel)},
        {"fingerprint", F.Fingerprint},
        {"location",
         Object{{"path", R.relative(M.FilePath)},
                {"lines", Object{{"begin", std::max(F.Line, 1U)}}}}}};
    std::string Notes = notesText(R, Sources, F.Diag);
    if (!Notes.empty())
      Issue["content"] = Object{{"body", std::move(Notes)}};
    Issues.push_back(std::move(Issue));
  }
  for (const Failure &F : R.Failures)
    Issues.push_back(
        Object{{"type", "issue"},
               {"check_name", NotAnalysed},
               {"description", F.Problem},
               {"categories", Array{"Bug Risk"}},
               {"severity", "blocker"},
               {"fingerprint", hashText({NotAnalysed, R.relative(F.File)})},
               {"location", Object{{"path", R.relative(F.File)},
                                   {"lines", Object{{"begin", 1}}}}}});
  OS << llvm::formatv("{0:2}\n", llvm::json::Value(std::move(Issues)));
}

} // namespace structify
