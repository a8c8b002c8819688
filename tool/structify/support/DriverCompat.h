//===--- DriverCompat.h - API differences only the driver sees -*- C++ -*-===//
//
// The part of checks/compat/Compat.h that only the structify driver needs,
// kept here so that the checks (and the plugin) do not parse these headers.
// The same rules as Compat.h: each entry says which release changed what, and
// the guards compare with 22.
//
//===----------------------------------------------------------------------===//

#ifndef STRUCTIFY_SUPPORT_DRIVERCOMPAT_H
#define STRUCTIFY_SUPPORT_DRIVERCOMPAT_H

#include "clang-tidy/ClangTidy.h"
#include "clang-tidy/ClangTidyOptions.h"
#include "clang/Basic/DiagnosticOptions.h"
#include "clang/Basic/Sarif.h"
#include "clang/Frontend/TextDiagnosticPrinter.h"
#include "llvm/ADT/DenseSet.h"
#include "llvm/ADT/IntrusiveRefCntPtr.h"
#include "llvm/ADT/StringSet.h"
#include "llvm/Config/llvm-config.h"
#include "llvm/Support/Error.h"
#include "llvm/Support/JSON.h"
#include "llvm/Support/raw_ostream.h"
#include <limits>
#include <memory>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "llvm/Support/FileSystem.h"
#include "llvm/Support/Path.h"

#include "clang/Basic/FileManager.h"
#include "clang/Serialization/ASTReader.h"
#include "clang/Serialization/PCHContainerOperations.h"

#if LLVM_VERSION_MAJOR >= 22
#include "clang/Options/OptionUtils.h"
#include "clang/Options/Options.h"
#include "clang/Serialization/ModuleCache.h"
#include "clang/Tooling/DependencyScanningTool.h"
#else
#include "clang/Driver/Options.h"
#include "clang/Frontend/CompilerInvocation.h"
#include "clang/Serialization/InMemoryModuleCache.h"
#include "clang/Tooling/DependencyScanning/DependencyScanningTool.h"
#include "llvm/ADT/StringExtras.h"
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
      Path, Files, *Cache, Reader, /*FindModuleFileExtensions=*/false, Listener,
      /*ValidateDiagnosticOptions=*/false);
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

/// DiagnosticOptions for a DiagnosticsEngine and its printer. LLVM 21 made
/// both borrow the options by reference (and ClangTidyContext own them);
/// before, they shared them through an IntrusiveRefCntPtr, and
/// TextDiagnosticPrinter took a pointer. Converts to what each one takes.
class DiagnosticOptionsHolder {
public:
  clang::DiagnosticOptions *operator->() const { return &*Opts; }
#if LLVM_VERSION_MAJOR >= 22
  // NOLINTNEXTLINE(google-explicit-constructor)
  operator clang::DiagnosticOptions &() const { return *Opts; }
  /// The options, for an owner that outlives the engines built on them.
  std::unique_ptr<clang::DiagnosticOptions> release() {
    return std::move(Opts);
  }

private:
  std::unique_ptr<clang::DiagnosticOptions> Opts =
      std::make_unique<clang::DiagnosticOptions>();
#else
  // NOLINTNEXTLINE(google-explicit-constructor)
  operator llvm::IntrusiveRefCntPtr<clang::DiagnosticOptions>() const {
    return Opts;
  }
  // NOLINTNEXTLINE(google-explicit-constructor)
  operator clang::DiagnosticOptions *() const { return Opts.get(); }

private:
  llvm::IntrusiveRefCntPtr<clang::DiagnosticOptions> Opts =
      llvm::makeIntrusiveRefCnt<clang::DiagnosticOptions>();
#endif
};

/// ClangTidyContext::setDiagnosticsEngine: since LLVM 21 the context also
/// takes ownership of the engine's options.
template <typename ContextT, typename EngineT>
void setDiagnosticsEngine(ContextT &Context, DiagnosticOptionsHolder &&Opts,
                          EngineT *Engine) {
#if LLVM_VERSION_MAJOR >= 22
  Context.setDiagnosticsEngine(Opts.release(), Engine);
#else
  // The engine holds its own reference to the options.
  (void)Opts;
  Context.setDiagnosticsEngine(Engine);
#endif
}

/// Clang's resource directory for a program: LLVM 22 moved it from
/// CompilerInvocation to clang/Options/OptionUtils.h.
inline std::string resourcesPath(const char *Argv0, void *MainAddr) {
#if LLVM_VERSION_MAJOR >= 22
  return clang::GetResourcesPath(Argv0, MainAddr);
#else
  return clang::CompilerInvocation::GetResourcesPath(Argv0, MainAddr);
#endif
}

/// Whether clang-tidy's configuration has `RemovedArgs` (new in clang-tidy 22).
inline constexpr bool TidyHasRemovedArgs = LLVM_VERSION_MAJOR >= 22;

/// The `RemovedArgs` of a clang-tidy configuration (new in clang-tidy 22);
/// never set before.
template <typename OptionsT>
const std::optional<std::vector<std::string>> &
removedArgs(const OptionsT &Opts) {
#if LLVM_VERSION_MAJOR >= 22
  return Opts.RemovedArgs;
#else
  (void)Opts;
  static const std::optional<std::vector<std::string>> None;
  return None;
#endif
}

/// The names of every registered clang-tidy check: LLVM 22 renamed
/// NamesAndOptions::Names to ChecksAndOptions::Checks and added the
/// experimental custom checks' flag.
inline llvm::StringSet<> allCheckNames() {
#if LLVM_VERSION_MAJOR >= 22
  return clang::tidy::getAllChecksAndOptions(
             /*AllowEnablingAnalyzerAlphaCheckers=*/false,
             /*ExperimentalCustomChecks=*/false)
      .Checks;
#else
  return clang::tidy::getAllChecksAndOptions(
             /*AllowEnablingAnalyzerAlphaCheckers=*/false)
      .Names;
#endif
}

/// The names of every registered clang-tidy check's options (`check.Option`),
/// as --verify-config knows them: renamed as allCheckNames says.
inline llvm::StringSet<> allCheckOptions() {
#if LLVM_VERSION_MAJOR >= 22
  return clang::tidy::getAllChecksAndOptions(
             /*AllowEnablingAnalyzerAlphaCheckers=*/false,
             /*ExperimentalCustomChecks=*/false)
      .Options;
#else
  return clang::tidy::getAllChecksAndOptions(
             /*AllowEnablingAnalyzerAlphaCheckers=*/false)
      .Options;
#endif
}

/// The checks a configuration enables.
inline std::vector<std::string>
enabledCheckNames(const clang::tidy::ClangTidyOptions &Options) {
#if LLVM_VERSION_MAJOR >= 22
  return clang::tidy::getCheckNames(
      Options,
      /*AllowEnablingAnalyzerAlphaCheckers=*/false,
      /*ExperimentalCustomChecks=*/false);
#else
  return clang::tidy::getCheckNames(
      Options,
      /*AllowEnablingAnalyzerAlphaCheckers=*/false);
#endif
}

// SARIF: LLVM 22's SarifResult has addLocations, addRelatedLocations and
// addPartialFingerprint, and SarifDocumentWriter::fileNameToURI is public.
// Before, a result had only setLocations: the writer below keeps what the
// older one cannot hold and adds it to the document it creates.
#if LLVM_VERSION_MAJOR >= 22
using SarifResult = clang::SarifResult;
using SarifDocumentWriter = clang::SarifDocumentWriter;
#else
class SarifResult {
public:
  static SarifResult create(uint32_t RuleIdx) { return SarifResult(RuleIdx); }
  SarifResult setRuleId(llvm::StringRef Id) {
    Base = Base.setRuleId(Id);
    return *this;
  }
  SarifResult setDiagnosticMessage(llvm::StringRef Message) {
    Base = Base.setDiagnosticMessage(Message);
    return *this;
  }
  SarifResult setDiagnosticLevel(const clang::SarifResultLevel &Level) {
    Base = Base.setDiagnosticLevel(Level);
    return *this;
  }
  SarifResult addLocations(llvm::ArrayRef<clang::CharSourceRange> Ranges) {
    Locations.append(Ranges.begin(), Ranges.end());
    return *this;
  }
  SarifResult
  addRelatedLocations(llvm::ArrayRef<clang::CharSourceRange> Ranges) {
    Related.append(Ranges.begin(), Ranges.end());
    return *this;
  }
  SarifResult addPartialFingerprint(llvm::StringRef Key,
                                    llvm::StringRef Value) {
    Fingerprints[Key] = Value.str();
    return *this;
  }

private:
  friend class SarifDocumentWriter;
  explicit SarifResult(uint32_t RuleIdx)
      : Base(clang::SarifResult::create(RuleIdx)) {}
  clang::SarifResult Base;
  llvm::SmallVector<clang::CharSourceRange, 4> Locations;
  llvm::SmallVector<clang::CharSourceRange, 4> Related;
  llvm::json::Object Fingerprints;
};

class SarifDocumentWriter {
public:
  explicit SarifDocumentWriter(const clang::SourceManager &SM) : Writer(SM) {}
  void createRun(llvm::StringRef ShortToolName, llvm::StringRef LongToolName,
                 llvm::StringRef ToolVersion) {
    Writer.createRun(ShortToolName, LongToolName, ToolVersion);
  }
  size_t createRule(const clang::SarifRule &Rule) {
    return Writer.createRule(Rule);
  }

  /// Writes the locations and then the related locations as the result's
  /// locations; createDocument() moves the related ones where they belong.
  void appendResult(const SarifResult &Result) {
    llvm::SmallVector<clang::CharSourceRange, 8> All(Result.Locations.begin(),
                                                     Result.Locations.end());
    All.append(Result.Related.begin(), Result.Related.end());
    Writer.appendResult(clang::SarifResult(Result.Base).setLocations(All));
    Pending.push_back({Result.Locations.size(), Result.Fingerprints});
  }

  llvm::json::Object createDocument() {
    llvm::json::Object Doc = Writer.createDocument();
    size_t Next = 0;
    if (llvm::json::Array *Runs = Doc.getArray("runs"))
      for (llvm::json::Value &Run : *Runs)
        if (llvm::json::Array *Results = Run.getAsObject()->getArray("results"))
          for (llvm::json::Value &Value : *Results)
            if (Next < Pending.size())
              complete(*Value.getAsObject(), Pending[Next++]);
    return Doc;
  }

  /// A file: URI for an absolute path, each path component percent-encoded
  /// as RFC 3986 requires.
  static std::string fileNameToURI(llvm::StringRef Filename) {
    std::string URI = "file://";
    for (auto It = llvm::sys::path::begin(Filename,
                                          llvm::sys::path::Style::posix),
              End = llvm::sys::path::end(Filename);
         It != End; ++It) {
      if (*It == "/")
        continue;
      URI += '/';
      for (char C : *It)
        if (llvm::isAlnum(C) ||
            llvm::StringRef("-._~:@!$&'()*+,;=").contains(C))
          URI += C;
        else
          URI += "%" + llvm::toHex(llvm::StringRef(&C, 1));
    }
    return URI;
  }

private:
  struct Extras {
    size_t Locations;
    llvm::json::Object Fingerprints;
  };

  static void complete(llvm::json::Object &Result, Extras &E) {
    if (!E.Fingerprints.empty())
      Result["partialFingerprints"] = std::move(E.Fingerprints);
    llvm::json::Array *Locations = Result.getArray("locations");
    if (!Locations || Locations->size() <= E.Locations)
      return;
    llvm::json::Array Kept, Related;
    for (size_t I = 0; I < Locations->size(); ++I)
      (I < E.Locations ? Kept : Related).push_back(std::move((*Locations)[I]));
    Result["locations"] = std::move(Kept);
    Result["relatedLocations"] = std::move(Related);
  }

  clang::SarifDocumentWriter Writer;
  std::vector<Extras> Pending;
};
#endif

} // namespace structify::compat

#if LLVM_VERSION_MAJOR < 22
namespace llvm::json {
/// LLVM 22 reads JSON numbers into unsigned int; before, only into int,
/// int64_t and uint64_t.
inline bool fromJSON(const Value &E, unsigned int &Out, Path P) {
  if (std::optional<int64_t> N = E.getAsInteger();
      N && *N >= 0 && *N <= std::numeric_limits<unsigned int>::max()) {
    Out = static_cast<unsigned int>(*N);
    return true;
  }
  P.report("expected unsigned integer");
  return false;
}
} // namespace llvm::json
#endif

#endif
