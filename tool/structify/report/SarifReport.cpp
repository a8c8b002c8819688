//===--- SarifReport.cpp - SARIF 2.1.0, for GitHub code scanning ----------===//
//
// clang's SarifDocumentWriter writes the document: the run, one rule per
// check, each result with its level, location, related locations and
// fingerprint, and the artifacts. What the writer cannot express is added to
// its output with llvm::json: each rule's short description, help text and
// markdown; each related location's message (the finding's notes); each
// result's fixes; the units that could not be analysed; and paths relative to
// the root (uriBaseId %SRCROOT%), as GitHub code scanning wants them.
//
//===----------------------------------------------------------------------===//

#include "report/Report.h"
#include "support/DriverCompat.h"
#include "support/Paths.h"
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

/// A page of docs/checks/ and the first paragraph under its title, as
/// markdown (generated from the pages by CMake).
struct CheckDoc {
  llvm::StringLiteral Page;
  llvm::StringLiteral Summary;
};
constexpr CheckDoc CheckDocs[] = {
#include "CheckDocs.inc"
};

/// What a SARIF rule says about a check.
struct RuleText {
  std::string Short;   ///< one sentence, markdown
  std::string Full;    ///< a paragraph, markdown
  std::string HelpURI; ///< "" when there is no page to point to
};

std::string plainText(StringRef Markdown) {
  std::string Text = Markdown.str();
  llvm::erase(Text, '`');
  return Text;
}

StringRef firstSentence(StringRef Paragraph) {
  size_t End = Paragraph.find(". ");
  return End == StringRef::npos ? Paragraph : Paragraph.take_front(End + 1);
}

/// structify's checks are documented in docs/checks/<page>.md, under
/// DocsURL; clang-tidy's and clang's on clang.llvm.org.
RuleText describe(StringRef Check, StringRef DocsURL) {
  StringRef Name = Check;
  if (Name.consume_front("structify-"))
    for (const CheckDoc &Doc : CheckDocs)
      if (Doc.Page == Name)
        return {firstSentence(Doc.Summary).str(), Doc.Summary.str(),
                DocsURL.empty()
                    ? std::string()
                    : (DocsURL + "checks/" + Doc.Page + ".md").str()};
  if (Check == "clang-diagnostic-error")
    return {"A compiler error: the translation unit does not compile.",
            "A compiler error: the translation unit does not compile, so its "
            "analysis is incomplete.",
            ""};
  Name = Check;
  if (Name.consume_front("clang-diagnostic-")) {
    std::string Text = "The compiler warning `-W" + Name.str() + "`.";
    return {Text, Text,
            "https://clang.llvm.org/docs/DiagnosticsReference.html#w" +
                Name.str()};
  }
  std::string Text = "The clang-tidy check `" + Check.str() + "`.";
  if (Name.consume_front("clang-analyzer-"))
    return {Text, Text,
            "https://clang.llvm.org/extra/clang-tidy/checks/clang-analyzer/" +
                Name.str() + ".html"};
  auto [Module, Rest] = Check.split('-');
  if (Rest.empty())
    return {Text, Text, ""};
  return {Text, Text,
          ("https://clang.llvm.org/extra/clang-tidy/checks/" + Module + "/" +
           Rest + ".html")
              .str()};
}

Object message(StringRef Markdown) {
  return Object{{"text", plainText(Markdown)}, {"markdown", Markdown.str()}};
}

/// The rule as the writer made it, completed: a short description, both
/// descriptions and the help in text and markdown.
void completeRule(Object &Rule, const RuleText &Text) {
  Rule["shortDescription"] = message(Text.Short);
  Rule["fullDescription"] = message(Text.Full);
  std::string Help = Text.Full;
  if (!Text.HelpURI.empty())
    Help += "\n\nDocumentation: " + Text.HelpURI;
  Rule["help"] = message(Help);
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
    return rangeIn(SM, File, Offset, Length);
  }

private:
  compat::DiagnosticOptionsHolder DiagOpts;
  FileManager Files;
  DiagnosticsEngine Diags;
  SourceManager SM;
};

/// Line and column of a byte offset, the column in Unicode code points as
/// the writer counts them (the run's columnKind).
std::optional<std::pair<unsigned, unsigned>>
textPosition(SourceText &Sources, StringRef File, unsigned Offset) {
  auto Pos = Sources.locate(File, Offset);
  if (!Pos)
    return std::nullopt;
  StringRef Before = Sources.line(File, Pos->Line).take_front(Pos->Column - 1);
  unsigned Column = 1;
  for (char C : Before)
    Column += (static_cast<unsigned char>(C) & 0xC0) != 0x80;
  // A position past the text of its line (on the line break) keeps its bytes.
  Column += Pos->Column - 1 - Before.size();
  return std::make_pair(Pos->Line, Column);
}

/// A replacement's region, as text (lines and columns) and as bytes.
std::optional<Object> deletedRegion(SourceText &Sources,
                                    const tooling::Replacement &R) {
  auto Begin = textPosition(Sources, R.getFilePath(), R.getOffset());
  auto End =
      textPosition(Sources, R.getFilePath(), R.getOffset() + R.getLength());
  if (!Begin || !End)
    return std::nullopt;
  return Object{{"startLine", Begin->first},   {"startColumn", Begin->second},
                {"endLine", End->first},       {"endColumn", End->second},
                {"byteOffset", R.getOffset()}, {"byteLength", R.getLength()}};
}

/// One SARIF fix from a message's fix-its; none when a replacement falls
/// outside its file.
std::optional<Object> fixOf(SourceText &Sources,
                            const tooling::DiagnosticMessage &M,
                            StringRef Description) {
  if (M.Fix.empty())
    return std::nullopt;
  std::map<std::string, const tooling::Replacements *> ByFile;
  for (const auto &Entry : M.Fix)
    ByFile[Entry.first().str()] = &Entry.second;
  Array Changes;
  for (const auto &[File, Replacements] : ByFile) {
    Array Edits;
    for (const tooling::Replacement &R : *Replacements) {
      std::optional<Object> Region = deletedRegion(Sources, R);
      if (!Region)
        return std::nullopt;
      Edits.push_back(Object{
          {"deletedRegion", std::move(*Region)},
          {"insertedContent", Object{{"text", R.getReplacementText().str()}}}});
    }
    Changes.push_back(Object{
        {"artifactLocation",
         Object{{"uri", compat::SarifDocumentWriter::fileNameToURI(File)}}},
        {"replacements", std::move(Edits)}});
  }
  Object Fix{{"artifactChanges", std::move(Changes)}};
  if (!Description.empty())
    Fix["description"] = Object{{"text", Description.str()}};
  return Fix;
}

/// The finding's fix, then each note's (alternatives, named by the note).
Array fixesOf(SourceText &Sources, const tooling::Diagnostic &D) {
  Array Fixes;
  if (auto Fix = fixOf(Sources, D.Message, ""))
    Fixes.push_back(std::move(*Fix));
  for (const tooling::DiagnosticMessage &Note : D.Notes)
    if (auto Fix = fixOf(Sources, Note, Note.Message))
      Fixes.push_back(std::move(*Fix));
  return Fixes;
}

/// What the writer's result lacks, added to its JSON afterwards.
struct ResultExtras {
  std::vector<std::string> RelatedMessages; ///< one per related location
  Array Fixes;
};

void completeResult(Object &Result, ResultExtras &Extras) {
  if (Array *Related = Result.getArray("relatedLocations"))
    for (size_t I = 0; I < Related->size() && I < Extras.RelatedMessages.size();
         ++I)
      (*(*Related)[I].getAsObject())["message"] =
          Object{{"text", Extras.RelatedMessages[I]}};
  if (!Extras.Fixes.empty())
    Result["fixes"] = std::move(Extras.Fixes);
}

Array notifications(const Results &R) {
  Array Notifications;
  for (const Failure &F : R.Failures)
    Notifications.push_back(Object{
        {"level", "error"},
        {"message", Object{{"text", F.Problem}}},
        {"locations",
         Array{Object{
             {"physicalLocation",
              Object{{"artifactLocation",
                      Object{{"uri", compat::SarifDocumentWriter::fileNameToURI(
                                         F.File)}}}}}}}}});
  return Notifications;
}

} // namespace

void writeSarif(const Results &R, llvm::raw_ostream &OS, SourceText &Sources,
                const SarifOptions &Options) {
  std::string DocsURL = Options.DocsURL;
  if (!DocsURL.empty() && !StringRef(DocsURL).ends_with("/"))
    DocsURL += "/";
  SarifLocator Locator;
  compat::SarifDocumentWriter Writer(Locator.sourceManager());
  Writer.createRun("structify", "structify check", STRUCTIFY_VERSION);

  std::map<std::string, size_t> Rules;
  for (const Finding &F : R.Findings)
    if (!F.Baselined)
      Rules.emplace(F.Diag.DiagnosticName, 0);
  std::vector<RuleText> RuleTexts;
  for (auto &[Check, Index] : Rules) {
    RuleTexts.push_back(describe(Check, DocsURL));
    Index = Writer.createRule(SarifRule::create()
                                  .setRuleId(Check)
                                  .setName(Check)
                                  .setDescription(RuleTexts.back().Full)
                                  .setHelpURI(RuleTexts.back().HelpURI));
  }

  std::vector<ResultExtras> Extras;
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
    ResultExtras &Extra = Extras.emplace_back();
    for (const tooling::DiagnosticMessage &Note : F.Diag.Notes)
      if (auto Range = Locator.range(Note.FilePath, Note.FileOffset)) {
        Result = Result.addRelatedLocations({*Range});
        Extra.RelatedMessages.push_back(Note.Message);
      }
    Extra.Fixes = fixesOf(Sources, F.Diag);
    Writer.appendResult(Result);
  }

  Object Doc = Writer.createDocument();
  Object &Run = *(*Doc.getArray("runs"))[0].getAsObject();
  Object &Driver = *Run.getObject("tool")->getObject("driver");
  // The writer points at clang's manual, which does not describe us.
  Driver.erase("informationUri");
  if (!DocsURL.empty())
    Driver["informationUri"] = DocsURL + "structify-check.md";
  if (Array *RuleObjects = Driver.getArray("rules"))
    for (size_t I = 0; I < RuleObjects->size(); ++I)
      completeRule(*(*RuleObjects)[I].getAsObject(), RuleTexts[I]);
  if (Array *ResultObjects = Run.getArray("results"))
    for (size_t I = 0; I < ResultObjects->size(); ++I)
      completeResult(*(*ResultObjects)[I].getAsObject(), Extras[I]);
  Run["invocations"] =
      Array{Object{{"executionSuccessful", R.Failures.empty()},
                   {"toolExecutionNotifications", notifications(R)}}};

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
