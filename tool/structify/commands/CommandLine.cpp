//===--- CommandLine.cpp - subcommands, shared options, exit codes --------===//

#include "commands/CommandLine.h"
#include "report/Baseline.h"
#include "report/Report.h"
#include "support/DriverCompat.h"
#include "units/Progress.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/Format.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/WithColor.h"

namespace structify {
namespace cl = llvm::cl;

cl::SubCommand &checkCommand() {
  static cl::SubCommand Command(
      "check", "Run the checks over a project's translation units");
  return Command;
}

cl::SubCommand &mergeCommand() {
  static cl::SubCommand Command(
      "merge", "Merge the --format=json reports of shards into one report");
  return Command;
}

cl::OptionCategory &structifyCategory() {
  static cl::OptionCategory Category("structify options");
  return Category;
}

namespace {

cl::opt<Format> OutputFormat(
    "format", cl::desc("Report format"), cl::init(Format::Text),
    cl::values(clEnumValN(Format::Text, "text", "clang-style diagnostics"),
               clEnumValN(Format::Json, "json",
                          "every finding, for tools and `structify merge`"),
               clEnumValN(Format::Sarif, "sarif",
                          "SARIF 2.1.0, for GitHub code scanning"),
               clEnumValN(Format::Github, "github",
                          "GitHub Actions annotations (workflow commands)"),
               clEnumValN(Format::CodeClimate, "codeclimate",
                          "GitLab Code Quality report (Code Climate JSON)")),
    cl::sub(checkCommand()), cl::sub(mergeCommand()),
    cl::cat(structifyCategory()));

cl::opt<FailOn> FailOnOption(
    "fail-on", cl::desc("What makes the run exit with 1 (default: new)"),
    cl::init(FailOn::New),
    cl::values(
        clEnumValN(FailOn::New, "new",
                   "findings outside the baseline, or a unit not analysed"),
        clEnumValN(FailOn::Error, "error",
                   "error-level findings outside the baseline "
                   "(WarningsAsErrors, compiler errors), or a unit not "
                   "analysed"),
        clEnumValN(FailOn::Never, "never",
                   "nothing; only bad input exits with 2")),
    cl::sub(checkCommand()), cl::sub(mergeCommand()),
    cl::cat(structifyCategory()));

cl::list<std::string> Exclude(
    "exclude",
    cl::desc("Leave out the units and the findings whose file matches "
             "<regex> (absolute path or relative to --root); repeatable"),
    cl::value_desc("regex"), cl::sub(checkCommand()), cl::sub(mergeCommand()),
    cl::cat(structifyCategory()));

cl::opt<std::string>
    DocsURL("docs-url",
            cl::desc("SARIF rules link to <url>checks/<check>.md (default: the "
                     "documentation installed with structify)"),
            cl::value_desc("url"), cl::sub(checkCommand()),
            cl::sub(mergeCommand()), cl::cat(structifyCategory()));

cl::opt<std::string> Output("output",
                            cl::desc("Write the report to <file>, not stdout"),
                            cl::value_desc("file"), cl::sub(checkCommand()),
                            cl::sub(mergeCommand()),
                            cl::cat(structifyCategory()));
cl::alias OutputShort("o", cl::desc("Alias for --output"), cl::aliasopt(Output),
                      cl::cat(structifyCategory()));

cl::opt<std::string> ExportFixes(
    "export-fixes",
    cl::desc("Write the new findings' fixes to <file>, in the YAML that "
             "clang-apply-replacements reads"),
    cl::value_desc("file"), cl::sub(checkCommand()), cl::sub(mergeCommand()),
    cl::cat(structifyCategory()));

cl::opt<std::string> BaselineFile(
    "baseline",
    cl::desc("Findings listed in <file> are known: only others fail the run"),
    cl::value_desc("file"), cl::sub(checkCommand()), cl::sub(mergeCommand()),
    cl::cat(structifyCategory()));

cl::opt<std::string> WriteBaseline(
    "write-baseline",
    cl::desc("Write every finding to <file> as the new baseline; findings "
             "then do not fail the run"),
    cl::value_desc("file"), cl::sub(checkCommand()), cl::sub(mergeCommand()),
    cl::cat(structifyCategory()));

cl::opt<std::string> Root(
    "root",
    cl::desc("Paths in baselines and SARIF are relative to <dir> (default: "
             "the current directory)"),
    cl::value_desc("dir"), cl::sub(checkCommand()), cl::sub(mergeCommand()),
    cl::cat(structifyCategory()));

cl::opt<bool> Quiet("quiet",
                    cl::desc("No progress and no summary on stderr; errors "
                             "are still reported"),
                    cl::sub(checkCommand()), cl::sub(mergeCommand()),
                    cl::cat(structifyCategory()));

/// The documentation installed next to the executable
/// (PREFIX/share/doc/structify/docs/, see CMakeLists.txt), as a file: URL;
/// "" when there is none, as in a build tree.
std::string installedDocsURL() {
  static int Anchor;
  llvm::SmallString<256> Dir(
      llvm::sys::path::parent_path(llvm::sys::path::parent_path(
          llvm::sys::fs::getMainExecutable("structify", &Anchor))));
  llvm::sys::path::append(Dir, "share", "doc", "structify", "docs");
  llvm::SmallString<256> Checks(Dir);
  llvm::sys::path::append(Checks, "checks");
  if (!llvm::sys::fs::is_directory(Checks))
    return "";
  return compat::SarifDocumentWriter::fileNameToURI(Dir) + "/";
}

llvm::Error writeReport(const Results &R, SourceText &Sources) {
  std::error_code EC;
  std::optional<llvm::raw_fd_ostream> File;
  if (!Output.empty()) {
    File.emplace(Output, EC, llvm::sys::fs::OF_Text);
    if (EC)
      return llvm::createStringError(
          EC, Output + ": cannot write the report: " + EC.message());
  }
  llvm::raw_ostream &OS = File ? *File : llvm::outs();
  switch (OutputFormat) {
  case Format::Text:
    writeText(R, OS, !File && llvm::outs().has_colors());
    break;
  case Format::Json:
    writeJson(R, OS, Sources);
    break;
  case Format::Sarif:
    writeSarif(R, OS, Sources,
               {DocsURL.getNumOccurrences() ? DocsURL.getValue()
                                            : installedDocsURL()});
    break;
  case Format::Github:
    writeGithub(R, OS, Sources);
    break;
  case Format::CodeClimate:
    writeCodeClimate(R, OS, Sources);
    break;
  default:
    llvm_unreachable("a format cl::values does not offer");
  }
  OS.flush();
  return llvm::Error::success();
}

/// The exit code --fail-on asks for. Writing a baseline accepts the findings.
int exitCode(const Results &R, FailOn Policy, bool WroteBaseline) {
  if (Policy == FailOn::Never)
    return ExitClean;
  if (!R.Failures.empty())
    return ExitFindings;
  if (WroteBaseline)
    return ExitClean;
  bool Fails = llvm::any_of(R.Findings, [&](const Finding &F) {
    return !F.Baselined &&
           (Policy == FailOn::New ||
            F.Diag.DiagLevel == clang::tooling::Diagnostic::Error);
  });
  return Fails ? ExitFindings : ExitClean;
}

} // namespace

int usageError(const llvm::Twine &Message) {
  llvm::WithColor::error(llvm::errs(), "structify") << Message << "\n";
  return ExitUsage;
}

int usageError(llvm::Error E) { return usageError(toString(std::move(E))); }

std::string rootOption() {
  llvm::SmallString<256> Path(Root.empty() ? std::string(".")
                                           : Root.getValue());
  [[maybe_unused]] std::error_code NoCwd = llvm::sys::fs::make_absolute(Path);
  llvm::sys::path::remove_dots(Path, /*remove_dot_dot=*/true);
  return std::string(Path);
}

bool quietOption() { return Quiet; }

llvm::Expected<Exclusions> exclusionsOption() {
  return Exclusions::parse(Exclude, rootOption());
}

llvm::Expected<std::optional<llvm::StringSet<>>> readBaselineOption() {
  if (BaselineFile.empty())
    return std::nullopt;
  llvm::Expected<llvm::StringSet<>> Set = readBaseline(BaselineFile);
  if (!Set)
    return Set.takeError();
  return std::optional<llvm::StringSet<>>(std::move(*Set));
}

int publish(Results &R, SourceText &Sources,
            const std::optional<llvm::StringSet<>> &Baseline, double Seconds) {
  llvm::Expected<Exclusions> Excluded = exclusionsOption();
  if (!Excluded)
    return usageError(Excluded.takeError());
  excludeResults(R, *Excluded);
  fingerprint(R, Sources);
  if (Baseline)
    applyBaseline(R, *Baseline);
  if (llvm::Error E = writeReport(R, Sources))
    return usageError(std::move(E));
  if (!ExportFixes.empty())
    if (llvm::Error E = writeExportFixes(R, ExportFixes))
      return usageError(std::move(E));
  if (!WriteBaseline.empty())
    if (llvm::Error E = writeBaseline(R, WriteBaseline))
      return usageError(std::move(E));

  for (const Failure &F : R.Failures)
    llvm::WithColor::error(llvm::errs(), "structify")
        << F.File << ": " << F.Problem << "\n";
  size_t New = R.newFindings();
  if (!Quiet) {
    llvm::errs() << "structify: " << countOf(R.Units, "translation unit");
    // A file built in several configurations is analysed in each.
    if (R.Cached + R.Analysed != R.Units)
      llvm::errs() << " in " << R.Cached + R.Analysed << " configurations";
    llvm::errs() << " (" << R.Cached << " cached, " << R.Analysed << " analysed"
                 << (R.Skipped ? ", " + std::to_string(R.Skipped) +
                                     " skipped: their configuration enables "
                                     "no check"
                               : std::string())
                 << "), " << countOf(R.Findings.size(), "finding") << " ("
                 << New << " new, " << R.Findings.size() - New
                 << " baselined), " << R.Failures.size() << " failed, in "
                 << llvm::format("%.1f", Seconds) << "s\n";
    if (!WriteBaseline.empty())
      llvm::errs() << "structify: wrote "
                   << countOf(llvm::count_if(R.Findings,
                                             [](const Finding &F) {
                                               return !F.isCompilerError();
                                             }),
                              "finding")
                   << " to the baseline " << WriteBaseline << "\n";
  }
  return exitCode(R, FailOnOption, /*WroteBaseline=*/!WriteBaseline.empty());
}

} // namespace structify
