//===--- Report.h - write what a run found ----------------------*- C++ -*-===//
//
// Text (clang's style, with the source line and fix-its), JSON (every finding,
// baselined ones marked: what `structify merge` reads back), SARIF 2.1.0,
// GitHub workflow commands, GitLab's Code Quality report (Code Climate JSON)
// and clang-apply-replacements' YAML. All but JSON carry only the findings
// that are not in the baseline. Units that could not be analysed are in every
// format but text, which leaves them to the command's own error lines.
//
//===----------------------------------------------------------------------===//

#ifndef STRUCTIFY_REPORT_H
#define STRUCTIFY_REPORT_H

#include "report/Findings.h"
#include "llvm/Support/Error.h"
#include "llvm/Support/raw_ostream.h"
#include <optional>

namespace structify {

enum class Format { Text, Json, Sarif, Github, CodeClimate };

void writeText(const Results &R, llvm::raw_ostream &OS, bool Color);
void writeJson(const Results &R, llvm::raw_ostream &OS, SourceText &Sources);

/// Where SARIF rules point for help: a check's page is DocsURL +
/// "checks/<name>.md" (docs/structify-check.md, "Help links").
struct SarifOptions {
  std::string DocsURL;
};
void writeSarif(const Results &R, llvm::raw_ostream &OS, SourceText &Sources,
                const SarifOptions &Options);

/// GitHub Actions workflow commands (`::warning file=...::message`): each new
/// finding becomes an annotation on the pull request's diff.
void writeGithub(const Results &R, llvm::raw_ostream &OS, SourceText &Sources);
/// GitLab's Code Quality report: a JSON array of Code Climate issues.
void writeCodeClimate(const Results &R, llvm::raw_ostream &OS,
                      SourceText &Sources);

/// Writes the fixes of the new findings for clang-apply-replacements.
llvm::Error writeExportFixes(const Results &R, llvm::StringRef Path);

/// Reads a `--format=json` report back; the error is one line naming Path.
llvm::Expected<Results> readJsonReport(llvm::StringRef Path);

} // namespace structify

#endif
