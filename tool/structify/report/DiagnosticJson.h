//===--- DiagnosticJson.h - diagnostics as JSON and back --------*- C++ -*-===//
//
// One encoding of clang-tidy's diagnostics (with their notes and fixes) for
// the results cache, `--format=json` and `structify merge`.
//
//===----------------------------------------------------------------------===//

#ifndef STRUCTIFY_DIAGNOSTICJSON_H
#define STRUCTIFY_DIAGNOSTICJSON_H

#include "clang/Tooling/Core/Diagnostic.h"
#include "llvm/Support/JSON.h"

namespace structify {

llvm::StringRef levelName(clang::tooling::Diagnostic::Level Level);

/// An error of the compiler's own (`clang-diagnostic-*`), not of a check.
bool isCompilerError(const clang::tooling::Diagnostic &Diag);

llvm::json::Object toJSON(const clang::tooling::DiagnosticMessage &Message);
llvm::json::Object toJSON(const clang::tooling::Diagnostic &Diag);

bool fromJSON(const llvm::json::Value &Value,
              clang::tooling::DiagnosticMessage &Message, llvm::json::Path P);
bool fromJSON(const llvm::json::Value &Value, clang::tooling::Diagnostic &Diag,
              llvm::json::Path P);

} // namespace structify

#endif
