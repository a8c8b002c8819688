//===--- Config.cpp - clang-tidy configuration, as clang-tidy reads it ----===//

#include "support/Config.h"
#include "clang-tidy/ClangTidy.h"
#include "clang-tidy/ClangTidyModule.h"
#include "clang-tidy/GlobList.h"
#include "model/Options.h"
#include "support/DriverCompat.h"
#include "support/Paths.h"
#include "clang/Basic/DiagnosticIDs.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/SourceMgr.h"
#include "llvm/Support/VirtualFileSystem.h"
#include <mutex>

namespace structify {
using namespace clang::tidy;

namespace {

/// Where parse problems go: clang-tidy prints them and skips the file; we
/// report the first one as the reason the run stops.
struct Problems {
  std::mutex Lock;
  std::vector<std::string> Lines;
  void add(const llvm::SMDiagnostic &D) {
    if (D.getKind() != llvm::SourceMgr::DK_Error)
      return;
    std::lock_guard<std::mutex> Guard(Lock);
    Lines.push_back((D.getFilename() + ":" + llvm::Twine(D.getLineNo()) + ":" +
                     llvm::Twine(D.getColumnNo() + 1) + ": " + D.getMessage())
                        .str());
  }
};

/// clang-tidy's FileOptionsProvider with our .clang-tidy parser. (Its
/// constructor that takes parsers leaves the file system unset.)
class RecordingProvider : public FileOptionsProvider {
public:
  RecordingProvider(ClangTidyOptions Defaults, ClangTidyOptions Overrides,
                    ConfigFileHandlers Handlers,
                    llvm::IntrusiveRefCntPtr<llvm::vfs::FileSystem> FS)
      : FileOptionsProvider(ClangTidyGlobalOptions(), std::move(Defaults),
                            std::move(Overrides), std::move(FS)) {
    ConfigHandlers = std::move(Handlers);
  }
};

using ConfigHandler =
    std::pair<std::string, std::function<llvm::ErrorOr<ClangTidyOptions>(
                               llvm::MemoryBufferRef)>>;

/// Reads .clang-tidy files like clang-tidy, keeping the problems.
std::vector<ConfigHandler> handlers(std::shared_ptr<Problems> Sink) {
  auto Parse =
      [Sink](llvm::MemoryBufferRef Buffer) -> llvm::ErrorOr<ClangTidyOptions> {
    bool Broken = false;
    llvm::ErrorOr<ClangTidyOptions> Parsed =
        parseConfigurationWithDiags(Buffer, [&](const llvm::SMDiagnostic &D) {
          Broken |= D.getKind() == llvm::SourceMgr::DK_Error;
          Sink->add(D);
        });
    if (!Parsed) {
      if (!Broken) {
        std::lock_guard<std::mutex> Guard(Sink->Lock);
        Sink->Lines.push_back(Buffer.getBufferIdentifier().str() + ": " +
                              Parsed.getError().message());
      }
      return ClangTidyOptions(); // reported above; keeps clang-tidy quiet
    }
    return Parsed;
  };
  return {{".clang-tidy", Parse}};
}

ClangTidyOptions defaults() {
  ClangTidyOptions Defaults;
  Defaults.Checks = DefaultChecks.str();
  Defaults.WarningsAsErrors = "";
  // Findings in every non-system header unless the configuration narrows
  // it: clang-tidy 22's default, which clang-tidy 19 lacks (it shows none).
  Defaults.HeaderFilterRegex = ".*";
  return Defaults;
}

std::string describe(llvm::StringRef Source) {
  if (Source ==
      ClangTidyOptionsProvider::OptionsSourceTypeCheckCommandLineOption)
    return "--checks";
  return Source.str();
}

llvm::StringRef closest(llvm::StringRef Name, const llvm::StringSet<> &Known) {
  unsigned Best = 5;
  llvm::StringRef Result;
  for (llvm::StringRef Candidate : Known.keys()) {
    unsigned Distance = Name.edit_distance_insensitive(Candidate, true, Best);
    if (Distance < Best) {
      Best = Distance;
      Result = Candidate;
    }
  }
  return Result;
}

std::unique_ptr<ClangTidyOptionsProvider>
provider(const ConfigOptions &Options,
         const std::optional<ClangTidyOptions> &FileConfig,
         std::shared_ptr<Problems> Sink,
         llvm::IntrusiveRefCntPtr<llvm::vfs::FileSystem> FS) {
  ClangTidyOptions Overrides;
  Overrides.Checks = Options.Checks;
  Overrides.HeaderFilterRegex = Options.HeaderFilter;
  if (FileConfig)
    return std::make_unique<ConfigOptionsProvider>(
        ClangTidyGlobalOptions(),
        ClangTidyOptions::getDefaults().merge(defaults(), 0), *FileConfig,
        std::move(Overrides), std::move(FS));
  return std::make_unique<RecordingProvider>(defaults(), std::move(Overrides),
                                             handlers(std::move(Sink)),
                                             std::move(FS));
}

/// Keeps the text of every diagnostic: the checks' configuration warnings.
class MessageCollector : public clang::DiagnosticConsumer {
public:
  std::vector<std::string> Messages;
  void HandleDiagnostic(clang::DiagnosticsEngine::Level Level,
                        const clang::Diagnostic &Info) override {
    DiagnosticConsumer::HandleDiagnostic(Level, Info);
    llvm::SmallString<128> Text;
    Info.FormatDiagnostic(Text);
    Messages.emplace_back(Text);
  }
};

/// What the enabled checks' constructors say about \p Options, created as
/// clang-tidy creates them for a file.
std::vector<std::string>
checkConstructorWarnings(const ClangTidyOptions &Options) {
  ClangTidyContext Context(std::make_unique<DefaultOptionsProvider>(
      ClangTidyGlobalOptions(), Options));
  MessageCollector Collector;
  compat::DiagnosticOptionsHolder DiagOpts;
  clang::DiagnosticsEngine Engine(
      llvm::makeIntrusiveRefCnt<clang::DiagnosticIDs>(), DiagOpts, &Collector,
      /*ShouldOwnClient=*/false);
  compat::setDiagnosticsEngine(Context, std::move(DiagOpts), &Engine);
  Context.setCurrentFile("structify-configuration.cpp");
  ClangTidyCheckFactories Factories;
  for (const ClangTidyModuleRegistry::entry &Module :
       ClangTidyModuleRegistry::entries())
    Module.instantiate()->addCheckFactories(Factories);
  (void)Factories.createChecks(&Context);
  return std::move(Collector.Messages);
}

} // namespace

const std::vector<std::string> &
Config::warningsFor(const ClangTidyOptions &Options) {
  const std::string Key = configurationAsText(Options);
  if (auto It = Warnings.find(Key); It != Warnings.end())
    return It->second;
  std::vector<std::string> Result;
  auto Add = [&](std::string Message) {
    if (!llvm::is_contained(Result, Message))
      Result.push_back(std::move(Message));
  };
  // Options of enabled checks that no check reads, as --verify-config says.
  // (structify's own checks say it themselves, below.)
  if (!KnownOptions)
    KnownOptions = compat::allCheckOptions();
  const std::vector<std::string> Enabled = compat::enabledCheckNames(Options);
  std::vector<llvm::StringRef> Keys;
  for (const auto &Entry : Options.CheckOptions)
    Keys.push_back(Entry.getKey());
  llvm::sort(Keys);
  for (llvm::StringRef Option : Keys) {
    if (KnownOptions->contains(Option))
      continue;
    const auto Check = llvm::find_if(Enabled, [&](const std::string &Name) {
      return Option.starts_with(Name + ".");
    });
    if (Check == Enabled.end() ||
        !clang::tidy::structify::knownOptions(*Check).empty())
      continue;
    std::vector<std::string> Known;
    for (llvm::StringRef Candidate : KnownOptions->keys())
      if (Candidate.starts_with(*Check + "."))
        Known.push_back(Candidate.str());
    Add(clang::tidy::structify::unknownOptionMessage(Option, Known));
  }
  // Values the checks cannot use, in their own words.
  for (std::string &Message : checkConstructorWarnings(Options))
    Add(std::move(Message));
  return Warnings[Key] = std::move(Result);
}

llvm::Expected<Config> Config::load(const ConfigOptions &Options) {
  Config Result;
  Result.Options = Options;
  if (Options.ConfigFile.empty())
    return Result;
  auto Text = llvm::MemoryBuffer::getFile(Options.ConfigFile);
  if (!Text)
    return makeError(Options.ConfigFile + ": cannot read the config file: " +
                     Text.getError().message());
  std::string Problem;
  llvm::ErrorOr<ClangTidyOptions> Parsed = parseConfigurationWithDiags(
      llvm::MemoryBufferRef((*Text)->getBuffer(), Options.ConfigFile),
      [&](const llvm::SMDiagnostic &D) {
        if (D.getKind() == llvm::SourceMgr::DK_Error && Problem.empty())
          Problem = (llvm::Twine(D.getLineNo()) + ":" +
                     llvm::Twine(D.getColumnNo() + 1) + ": " + D.getMessage())
                        .str();
      });
  if (!Parsed)
    return makeError(
        Options.ConfigFile + ":" +
        (Problem.empty() ? " " + Parsed.getError().message() : Problem));
  Result.FileConfig = std::move(*Parsed);
  return Result;
}

std::unique_ptr<ClangTidyOptionsProvider>
Config::makeProvider(llvm::IntrusiveRefCntPtr<llvm::vfs::FileSystem> FS) const {
  return provider(Options, FileConfig, std::make_shared<Problems>(),
                  std::move(FS));
}

llvm::Error Config::checkGlobs(llvm::StringRef Globs, llvm::StringRef Source) {
  if (!KnownChecks)
    KnownChecks = compat::allCheckNames();
  GlobList List(Globs);
  for (const auto &Item : List.getItems()) {
    if (!Item.IsPositive || Item.Text.starts_with("clang-diagnostic"))
      continue;
    if (llvm::any_of(KnownChecks->keys(), [&](llvm::StringRef Name) {
          return Item.Regex.match(Name);
        }))
      continue;
    std::string Message =
        describe(Source) + ": unknown check '" + Item.Text.str() + "'";
    llvm::StringRef Suggestion = closest(Item.Text, *KnownChecks);
    if (!Suggestion.empty())
      Message += "; did you mean '" + Suggestion.str() + "'";
    return makeError(Message);
  }
  return llvm::Error::success();
}

llvm::Expected<ClangTidyOptions> Config::optionsFor(llvm::StringRef File) {
  auto Sink = std::make_shared<Problems>();
  std::unique_ptr<ClangTidyOptionsProvider> Provider =
      provider(Options, FileConfig, Sink, llvm::vfs::getRealFileSystem());
  std::vector<ClangTidyOptionsProvider::OptionsSource> Raw =
      Provider->getRawOptions(File);
  if (!Sink->Lines.empty())
    return makeError(Sink->Lines.front());
  for (const auto &[Opts, Source] : Raw)
    if (Opts.Checks)
      if (llvm::Error E =
              checkGlobs(*Opts.Checks,
                         Source == ClangTidyOptionsProvider::
                                       OptionsSourceTypeConfigCommandLineOption
                             ? llvm::StringRef(Options.ConfigFile)
                             : llvm::StringRef(Source)))
        return std::move(E);
  ClangTidyOptions Effective = Provider->getOptions(File);
  return Effective;
}

bool Config::enablesAnyCheck(const ClangTidyOptions &Options) {
  const std::string Checks = Options.Checks.value_or("");
  auto [It, Inserted] = AnyCheckEnabled.try_emplace(Checks, false);
  if (Inserted)
    It->second = !compat::enabledCheckNames(Options).empty();
  return It->second;
}

bool Config::enables(const ClangTidyOptions &Options, llvm::StringRef Check) {
  return GlobList(Options.Checks.value_or("")).contains(Check);
}

} // namespace structify
