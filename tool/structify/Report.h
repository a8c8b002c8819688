//===--- Report.h - write what a run found ----------------------*- C++ -*-===//
//
// Text (clang's style, with the source line and fix-its), JSON (every finding,
// baselined ones marked: what `structify merge` reads back), SARIF 2.1.0 and
// clang-apply-replacements' YAML. Text, SARIF and the YAML carry only the
// findings that are not in the baseline. Units that could not be analysed are
// in JSON and SARIF; the text report leaves them to the command's own error
// lines.
//
//===----------------------------------------------------------------------===//

#ifndef STRUCTIFY_REPORT_H
#define STRUCTIFY_REPORT_H

#include "Findings.h"
#include "llvm/Support/Error.h"
#include "llvm/Support/raw_ostream.h"
#include <optional>

namespace structify {

enum class Format { Text, Json, Sarif };



void writeText(const Results &R, llvm::raw_ostream &OS, bool Color);
void writeJson(const Results &R, llvm::raw_ostream &OS, SourceText &Sources);
void writeSarif(const Results &R, llvm::raw_ostream &OS);

/// Writes the fixes of the new findings for clang-apply-replacements.
llvm::Error writeExportFixes(const Results &R, llvm::StringRef Path);

/// Reads a `--format=json` report back; the error is one line naming Path.
llvm::Expected<Results> readJsonReport(llvm::StringRef Path);

} // namespace structify

#endif
