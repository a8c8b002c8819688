//===--- SarifReport.cpp - SARIF 2.1.0, for GitHub code scanning ----------===//
//
// clang's SarifDocumentWriter writes the document; we then make the paths
// relative to the root (%SRCROOT%), as GitHub code scanning prefers, and list
// the units that could not be analysed as tool execution notifications.
//
//===----------------------------------------------------------------------===//

#include "Report.h"
#include "compat/Compat.h"
#include "clang/Basic/DiagnosticOptions.h"
#include "clang/Basic/FileManager.h"
#include "clang/Basic/Sarif.h"
#include "clang/Basic/SourceManager.h"
#include "llvm/Support/FormatVariadic.h"
#include <map>

namespace structify {
using namespace clang;
using llvm::json::Array;
using llvm::json::Object;

namespace {

constexpr llvm::StringLiteral SourceRoot = "%SRCROOT%";
constexpr llvm::StringLiteral FingerprintKey = "structify/v1";

/// clang-tidy's documentation of a stock check; structify's checks are
/// documented in the repository (docs/checks/), which has no fixed address.
std::string helpURI(StringRef Check) {
  if (Check.starts_with("clang-") || Check.starts_with("structify-"))
    return "";
  auto [Module, Name] = Check.split('-');
  if (Name.empty())
    return "";
  return ("https://clang.llvm.org/extra/clang-tidy/checks/" + Module + "/" +
          Name + ".html")
      .str();
}

SarifResultLevel sarifLevel(tooling::Diagnostic::Level Level) {
  switch (Level) {
  case tooling::Diagnostic::Error:
    return SarifResultLevel::Error;
  case tooling::Diagnostic::Remark:
    return SarifResultLevel::Note;
  case tooling::Diagnostic::Warning:
    return SarifResultLevel::Warning;
  }
  return SarifResultLevel::Warning;
}

/// Rewrites every {"uri": "file:///root/x"} below V to {"uri": "x",
/// "uriBaseId": "%SRCROOT%"}.
void makeRelative(llvm::json::Value &V, StringRef RootURI) {
  if (Array *A = V.getAsArray()) {
    for (llvm::json::Value &E : *A)
      makeRelative(E, RootURI);
    return;
  }
  Object *O = V.getAsObject();
  if (!O)
    return;
  if (std::optional<StringRef> URI = O->getString("uri")) {
    StringRef Rest = *URI;
    if (Rest.consume_front(RootURI)) {
      std::string Relative = Rest.str();
      (*O)["uri"] = Relative;
      (*O)["uriBaseId"] = SourceRoot;
    }
  }
  for (auto &[Key, Value] : *O)
    makeRelative(Value, RootURI);
}

class SarifLocator {
public:
  SarifLocator()
      : Files(FileSystemOptions(), llvm::vfs::getRealFileSystem()),
        Diags(llvm::makeIntrusiveRefCnt<DiagnosticIDs>(), DiagOpts),
        SM(Diags, Files) {}

  const SourceManager &sourceManager() const { return SM; }

  std::optional<CharSourceRange> range(StringRef File, unsigned Offset,
                                       unsigned Length = 0) {
    if (File.empty())
      return std::nullopt;
    auto Entry = Files.getOptionalFileRef(File);
    if (!Entry)
      return std::nullopt;
    FileID ID = SM.getOrCreateFileID(*Entry, SrcMgr::C_User);
    if (Offset + Length > SM.getFileIDSize(ID))
      return std::nullopt;
    SourceLocation Begin = SM.getLocForStartOfFile(ID).getLocWithOffset(
        static_cast<SourceLocation::IntTy>(Offset));
    return CharSourceRange::getCharRange(
        Begin,
        Begin.getLocWithOffset(static_cast<SourceLocation::IntTy>(Length)));
  }

private:
  compat::DiagnosticOptionsHolder DiagOpts;
  FileManager Files;
  DiagnosticsEngine Diags;
  SourceManager SM;
};

} // namespace

void writeSarif(const Results &R, llvm::raw_ostream &OS) {
  SarifLocator Locator;
  compat::SarifDocumentWriter Writer(Locator.sourceManager());
  Writer.createRun("structify", "structify check", STRUCTIFY_VERSION);

  std::map<std::string, size_t> Rules;
  for (const Finding &F : R.Findings)
    if (!F.Baselined)
      Rules.emplace(F.Diag.DiagnosticName, 0);
  for (auto &[Check, Index] : Rules)
    Index = Writer.createRule(SarifRule::create()
                                  .setRuleId(Check)
                                  .setName(Check)
                                  .setDescription("clang-tidy check " + Check)
                                  .setHelpURI(helpURI(Check)));

  for (const Finding &F : R.Findings) {
    if (F.Baselined)
      continue;
    const tooling::DiagnosticMessage &M = F.Diag.Message;
    compat::SarifResult Result =
        compat::SarifResult::create(Rules[F.Diag.DiagnosticName])
            .setRuleId(F.Diag.DiagnosticName)
            .setDiagnosticMessage(M.Message)
            .setDiagnosticLevel(sarifLevel(F.Diag.DiagLevel))
            .addPartialFingerprint(FingerprintKey, F.Fingerprint);
    if (auto Range = Locator.range(M.FilePath, M.FileOffset))
      Result = Result.addLocations({*Range});
    for (const tooling::DiagnosticMessage &Note : F.Diag.Notes)
      if (auto Range = Locator.range(Note.FilePath, Note.FileOffset))
        Result = Result.addRelatedLocations({*Range});
    Writer.appendResult(Result);
  }

  Object Doc = Writer.createDocument();
  Object &Run = *(*Doc.getArray("runs"))[0].getAsObject();
  // The writer points at clang's manual, which does not describe us.
  Run.getObject("tool")->getObject("driver")->erase("informationUri");
  Array Notifications;
  for (const Failure &F : R.Failures)
    Notifications.push_back(
        Object{{"level", "error"},
               {"message", Object{{"text", F.Problem}}},
               {"locations",
                Array{Object{
                    {"physicalLocation",
                     Object{{"artifactLocation",
                             Object{{"uri", compat::SarifDocumentWriter::fileNameToURI(
                                                F.File)}}}}}}}}});
  Run["invocations"] =
      Array{Object{{"executionSuccessful", R.Failures.empty()},
                   {"toolExecutionNotifications", std::move(Notifications)}}};

  if (!R.Root.empty()) {
    std::string RootURI = compat::SarifDocumentWriter::fileNameToURI(R.Root);
    if (!StringRef(RootURI).ends_with("/"))
      RootURI += "/";
    llvm::json::Value RunValue(std::move(Run));
    makeRelative(RunValue, RootURI);
    Run = std::move(*RunValue.getAsObject());
    Run["originalUriBaseIds"] = Object{{SourceRoot, Object{{"uri", RootURI}}}};
  }
  OS << llvm::formatv("{0:2}\n", llvm::json::Value(std::move(Doc)));
}

} // namespace structify
