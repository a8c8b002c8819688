//===--- DependencyScanning.h - the dependency scanner across majors -*- C++ -*-===//
//
// The one part of Compat.h that only the driver needs (structify check
// --changed-since), kept apart so that the checks do not parse the scanner's
// headers. LLVM 22 moved the scanner to clang/DependencyScanning (namespace
// clang::dependencies, the tool itself in clang::tooling) and reports errors
// to a DiagnosticConsumer; LLVM 19 has it in clang::tooling::dependencies and
// returns them in an llvm::Error.
//
//===----------------------------------------------------------------------===//

#ifndef STRUCTIFY_COMPAT_DEPENDENCYSCANNING_H
#define STRUCTIFY_COMPAT_DEPENDENCYSCANNING_H

#include "clang/Basic/DiagnosticOptions.h"
#include "clang/Frontend/TextDiagnosticPrinter.h"
#include "llvm/ADT/DenseSet.h"
#include "llvm/Config/llvm-config.h"
#include "llvm/Support/Error.h"
#include "llvm/Support/raw_ostream.h"
#include <string>
#include <vector>

#if LLVM_VERSION_MAJOR >= 22
#include "clang/Tooling/DependencyScanningTool.h"
#else
#include "clang/Tooling/DependencyScanning/DependencyScanningTool.h"
#endif

namespace structify::compat {

#if LLVM_VERSION_MAJOR >= 22
namespace deps = clang::dependencies;
using DependencyScanningTool = clang::tooling::DependencyScanningTool;
#else
namespace deps = clang::tooling::dependencies;
using DependencyScanningTool = deps::DependencyScanningTool;
#endif

/// A scanning service for full dependency output from the sources' directives
/// (fast: no parsing), shared by the scans of one run.
inline deps::DependencyScanningService makeScanningService() {
  return deps::DependencyScanningService(
      deps::ScanningMode::DependencyDirectivesScan,
      deps::ScanningOutputFormat::Full);
}

/// The files the preprocessing of \p CommandLine (run in \p Directory) reads,
/// as the scanner names them; what the compiler said when it cannot.
inline llvm::Expected<std::vector<std::string>>
scanFileDependencies(deps::DependencyScanningService &Service,
                     const std::vector<std::string> &CommandLine,
                     llvm::StringRef Directory) {
  DependencyScanningTool Tool(Service);
  const llvm::DenseSet<deps::ModuleID> AlreadySeen;
#if LLVM_VERSION_MAJOR >= 22
  std::string Errors;
  llvm::raw_string_ostream ErrorStream(Errors);
  clang::DiagnosticOptions DiagOpts;
  clang::TextDiagnosticPrinter Printer(ErrorStream, DiagOpts);
  std::optional<deps::TranslationUnitDeps> Deps =
      Tool.getTranslationUnitDependencies(
          CommandLine, Directory, Printer, AlreadySeen,
          [](const deps::ModuleDeps &, deps::ModuleOutputKind) {
            return std::string();
          });
  if (!Deps)
    return llvm::createStringError(llvm::inconvertibleErrorCode(), Errors);
#else
  llvm::Expected<deps::TranslationUnitDeps> Deps =
      Tool.getTranslationUnitDependencies(
          CommandLine, Directory, AlreadySeen,
          [](const deps::ModuleID &, deps::ModuleOutputKind) {
            return std::string();
          });
  if (!Deps)
    return Deps.takeError();
#endif
  return std::move(Deps->FileDeps);
}

} // namespace structify::compat

#endif
