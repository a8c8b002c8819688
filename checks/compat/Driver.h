//===--- Driver.h - API differences only the driver sees ---*- C++ -*-===//
//
// The part of Compat.h that only the structify driver needs, kept apart so
// that the checks (and the plugin) do not parse these headers. The same rules
// as Compat.h: each entry says what changed, the guards compare with 22.
//
//===----------------------------------------------------------------------===//

#ifndef STRUCTIFY_COMPAT_DRIVER_H
#define STRUCTIFY_COMPAT_DRIVER_H

#include "clang/Basic/DiagnosticOptions.h"
#include "clang/Frontend/TextDiagnosticPrinter.h"
#include "llvm/ADT/DenseSet.h"
#include "llvm/Config/llvm-config.h"
#include "llvm/Support/Error.h"
#include "llvm/Support/raw_ostream.h"
#include <string>
#include <vector>

#include "llvm/Support/FileSystem.h"
#include "llvm/Support/Path.h"

#include "clang/Basic/FileManager.h"
#include "clang/Serialization/ASTReader.h"
#include "clang/Serialization/PCHContainerOperations.h"

#if LLVM_VERSION_MAJOR >= 22
#include "clang/Options/Options.h"
#include "clang/Serialization/ModuleCache.h"
#include "clang/Tooling/DependencyScanningTool.h"
#else
#include "clang/Driver/Options.h"
#include "clang/Serialization/InMemoryModuleCache.h"
#include "clang/Tooling/DependencyScanning/DependencyScanningTool.h"
#endif

namespace structify::compat {

// The driver's option table: LLVM 22 moved it from clangDriver
// (clang/Driver/Options.h, clang::driver) to clang/Options/Options.h
// (clang::options, clang::getDriverOptTable).
#if LLVM_VERSION_MAJOR >= 22
namespace driver_options = clang::options;
using clang::getDriverOptTable;
#else
namespace driver_options = clang::driver::options;
using clang::driver::getDriverOptTable;
#endif

/// \p Path made absolute against \p Directory. LLVM 22 moved the
/// two-argument make_absolute from llvm::sys::fs to llvm::sys::path.
inline void makeAbsolute(const llvm::Twine &Directory,
                         llvm::SmallVectorImpl<char> &Path) {
#if LLVM_VERSION_MAJOR >= 22
  llvm::sys::path::make_absolute(Directory, Path);
#else
  llvm::sys::fs::make_absolute(Directory, Path);
#endif
}

/// An ASTReaderListener told of each input file of a precompiled header.
/// LLVM 22's reader calls visitInputFileAsRequested (whose default no longer
/// calls visitInputFile); LLVM 19's has only visitInputFile.
class InputFileListener : public clang::ASTReaderListener {
public:
  /// \p Filename as the PCH stores it; \p IsSystem: a system header.
  virtual void visitInput(llvm::StringRef Filename, bool IsSystem) = 0;

  bool needsInputFileVisitation() override { return true; }
  bool needsSystemInputFileVisitation() override { return true; }
#if LLVM_VERSION_MAJOR >= 22
  bool visitInputFileAsRequested(llvm::StringRef AsRequested,
                                 llvm::StringRef Filename, bool IsSystem,
                                 bool IsOverridden, time_t StoredTime,
                                 bool IsExplicitModule) override {
    visitInput(Filename, IsSystem);
    return true;
  }
#else
  bool visitInputFile(llvm::StringRef Filename, bool IsSystem,
                      bool IsOverridden, bool IsExplicitModule) override {
    visitInput(Filename, IsSystem);
    return true;
  }
#endif
};

/// Reads the control block of the precompiled header \p Path into
/// \p Listener; true when it cannot (ASTReader's convention). LLVM 22 reads
/// through a ModuleCache, LLVM 19 through an InMemoryModuleCache.
inline bool readPchControlBlock(llvm::StringRef Path,
                                clang::ASTReaderListener &Listener) {
  clang::FileManager Files{clang::FileSystemOptions()};
  const clang::RawPCHContainerReader Reader;
#if LLVM_VERSION_MAJOR >= 22
  const std::shared_ptr<clang::ModuleCache> Cache =
      clang::createCrossProcessModuleCache();
#else
  const llvm::IntrusiveRefCntPtr<clang::InMemoryModuleCache> Cache(
      new clang::InMemoryModuleCache);
#endif
  return clang::ASTReader::readASTFileControlBlock(
      Path, Files, *Cache, Reader, /*FindModuleFileExtensions=*/false,
      Listener, /*ValidateDiagnosticOptions=*/false);
}

// The dependency scanner (structify check --changed-since): LLVM 22 moved it
// to clang/DependencyScanning (namespace clang::dependencies, the tool itself
// in clang::tooling) and reports errors to a DiagnosticConsumer; LLVM 19 has
// it in clang::tooling::dependencies and returns them in an llvm::Error.
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
