//===--- Compat.h - the API differences between LLVM majors ---*- C++ -*-===//
//
// structify builds from one source tree against each LLVM major listed in
// STRUCTIFY_SUPPORTED_LLVM_MAJORS (CMakeLists.txt). Every difference between
// those majors' APIs is bridged here, and only here, so that the rest of the
// code is written once against LLVM 22's API. Each entry says which release
// changed what; its guard compares with the first supported major that has
// the change (22), as 20 and 21 are not built. docs/install.md lists the
// differences users can see.
//
// What only the structify driver needs is in Driver.h beside this file.
//
// When a supported major is dropped, delete the branches only it needed.
//
//===----------------------------------------------------------------------===//

#ifndef STRUCTIFY_COMPAT_COMPAT_H
#define STRUCTIFY_COMPAT_COMPAT_H

#include "clang-tidy/ClangTidy.h"
#include "clang-tidy/ClangTidyOptions.h"
#include "clang-tidy/utils/Matchers.h"
#include "clang/AST/TypeLoc.h"
#include "clang/Basic/DiagnosticOptions.h"
#include "clang/Basic/Sarif.h"
#include "llvm/ADT/IntrusiveRefCntPtr.h"
#include "llvm/ADT/StringSet.h"
#include "llvm/Config/llvm-config.h"
#include "llvm/Support/JSON.h"
#include <limits>
#include <memory>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#if LLVM_VERSION_MAJOR >= 22
#include "clang/Options/OptionUtils.h"
#else
#include "clang/Frontend/CompilerInvocation.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/Support/Path.h"
// LLVM 22 moved ClangTidyModuleRegistry into ClangTidyModule.h and deprecated
// this header (it warns on inclusion; LLVM 24 deletes it).
#include "clang-tidy/ClangTidyModuleRegistry.h" // IWYU pragma: export
#endif

namespace structify::compat {

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
  std::unique_ptr<clang::DiagnosticOptions> release() { return std::move(Opts); }

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
const std::optional<std::vector<std::string>> &removedArgs(const OptionsT &Opts) {
#if LLVM_VERSION_MAJOR >= 22
  return Opts.RemovedArgs;
#else
  (void)Opts;
  static const std::optional<std::vector<std::string>> None;
  return None;
#endif
}

/// Whether a declaration's qualifier (`Box::` in `Box::get`) is dependent:
/// LLVM 22 made NestedNameSpecifier a value; before, a possibly null pointer.
template <typename QualifierT>
bool isDependentQualifier(const QualifierT &Qualifier) {
#if LLVM_VERSION_MAJOR >= 22
  return Qualifier.isDependent();
#else
  return Qualifier && Qualifier->isDependent();
#endif
}

/// A written type without the ElaboratedTypeLoc that Clang before 22 wraps
/// around a qualified name (`std::pair<int, int>`): LLVM 22 keeps the
/// qualifier in the type itself, and has no ElaboratedType.
inline clang::TypeLoc withoutElaboration(clang::TypeLoc TL) {
#if LLVM_VERSION_MAJOR < 22
  if (auto Elaborated = TL.getAs<clang::ElaboratedTypeLoc>())
    return Elaborated.getNamedTypeLoc();
#endif
  return TL;
}

/// The using-declaration a type names (`std::uint32_t`, brought into `std`
/// by `using ::uint32_t;`), looking through the ElaboratedType that Clang
/// before 22 wraps around a qualified name; null for any other type.
inline const clang::UsingShadowDecl *usingShadowNamed(clang::QualType T) {
  const clang::Type *Ty = T.getTypePtr();
#if LLVM_VERSION_MAJOR < 22
  if (const auto *Elaborated = llvm::dyn_cast<clang::ElaboratedType>(Ty))
    Ty = Elaborated->getNamedType().getTypePtr();
  if (const auto *Using = llvm::dyn_cast<clang::UsingType>(Ty))
    return Using->getFoundDecl();
#else
  if (const auto *Using = llvm::dyn_cast<clang::UsingType>(Ty))
    return Using->getDecl();
#endif
  return nullptr;
}

/// RecursiveASTVisitor::TraverseTypeLoc: LLVM 22 added whether to traverse
/// the type's qualifier; before, it always did.
template <typename VisitorT, typename TypeLocT>
bool traverseTypeLoc(VisitorT &Base, TypeLocT TL, bool TraverseQualifier) {
#if LLVM_VERSION_MAJOR >= 22
  return Base.TraverseTypeLoc(TL, TraverseQualifier);
#else
  (void)TraverseQualifier;
  return Base.TraverseTypeLoc(TL);
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

/// clang-tidy's matcher for a list of name regexes (IgnoredFunctions and
/// friends): LLVM 22 renamed MatchesAnyListedNameMatcher to
/// MatchesAnyListedRegexNameMatcher (and made its NameMatcher public).
#if LLVM_VERSION_MAJOR >= 22
using AnyListedNameMatcher = clang::tidy::matchers::MatchesAnyListedRegexNameMatcher;
#else
using AnyListedNameMatcher = clang::tidy::matchers::MatchesAnyListedNameMatcher;
#endif

/// The using-declaration a UsingType names: LLVM 22 renamed
/// UsingType::getFoundDecl to getDecl.
template <typename UsingTypeT> auto *usingTypeDecl(const UsingTypeT *T) {
#if LLVM_VERSION_MAJOR >= 22
  return T->getDecl();
#else
  return T->getFoundDecl();
#endif
}

/// The checks a configuration enables.
inline std::vector<std::string>
enabledCheckNames(const clang::tidy::ClangTidyOptions &Options) {
#if LLVM_VERSION_MAJOR >= 22
  return clang::tidy::getCheckNames(Options,
                                    /*AllowEnablingAnalyzerAlphaCheckers=*/false,
                                    /*ExperimentalCustomChecks=*/false);
#else
  return clang::tidy::getCheckNames(Options,
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
  SarifResult addRelatedLocations(llvm::ArrayRef<clang::CharSourceRange> Ranges) {
    Related.append(Ranges.begin(), Ranges.end());
    return *this;
  }
  SarifResult addPartialFingerprint(llvm::StringRef Key, llvm::StringRef Value) {
    Fingerprints[Key] = Value.str();
    return *this;
  }

private:
  friend class SarifDocumentWriter;
  explicit SarifResult(uint32_t RuleIdx) : Base(clang::SarifResult::create(RuleIdx)) {}
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
  size_t createRule(const clang::SarifRule &Rule) { return Writer.createRule(Rule); }

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
    for (auto It = llvm::sys::path::begin(Filename, llvm::sys::path::Style::posix),
              End = llvm::sys::path::end(Filename);
         It != End; ++It) {
      if (*It == "/")
        continue;
      URI += '/';
      for (char C : *It)
        if (llvm::isAlnum(C) || llvm::StringRef("-._~:@!$&'()*+,;=").contains(C))
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

// The checks live in clang::tidy::structify: `compat::` there too.
namespace clang::tidy::structify {
namespace compat = ::structify::compat;
} // namespace clang::tidy::structify

#endif // STRUCTIFY_COMPAT_COMPAT_H
