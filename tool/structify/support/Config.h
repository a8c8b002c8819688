//===--- Config.h - clang-tidy configuration, as it reads it ----*- C++ -*-===//

#ifndef STRUCTIFY_CONFIG_H
#define STRUCTIFY_CONFIG_H

#include "clang-tidy/ClangTidyOptions.h"
#include "units/Runner.h"
#include "llvm/ADT/StringMap.h"
#include "llvm/ADT/StringSet.h"
#include "llvm/Support/Error.h"
#include <optional>

namespace structify {

/// The checks structify runs unless the configuration says otherwise. A
/// .clang-tidy adds to them (`Checks: bugprone-*`) or replaces them
/// (`Checks: -*,bugprone-*`).
inline constexpr llvm::StringLiteral DefaultChecks = "-*,structify-*";

/// What the command line says about the configuration.
struct ConfigOptions {
  std::string ConfigFile;            ///< --config-file: instead of .clang-tidy
  std::optional<std::string> Checks; ///< --checks: appended to the config's
  std::optional<std::string> HeaderFilter; ///< --header-filter
};

/// The user's configuration with \p Overrides on top, for every file: how
/// `structify fix` runs one check with its plan, or none at all.
class OverridingOptionsProvider : public clang::tidy::ClangTidyOptionsProvider {
public:
  OverridingOptionsProvider(
      std::unique_ptr<clang::tidy::ClangTidyOptionsProvider> User,
      clang::tidy::ClangTidyOptions Overrides, std::string Source)
      : User(std::move(User)), Overrides(std::move(Overrides)),
        Source(std::move(Source)) {}
  const clang::tidy::ClangTidyGlobalOptions &getGlobalOptions() override {
    return User->getGlobalOptions();
  }
  std::vector<OptionsSource> getRawOptions(llvm::StringRef File) override {
    std::vector<OptionsSource> Sources = User->getRawOptions(File);
    Sources.emplace_back(Overrides, Source);
    return Sources;
  }

private:
  std::unique_ptr<clang::tidy::ClangTidyOptionsProvider> User;
  clang::tidy::ClangTidyOptions Overrides;
  std::string Source;
};

/// clang-tidy's configuration: the nearest .clang-tidy, with its parents when
/// it says InheritParentConfig, or --config-file; then the command line.
class Config {
public:
  /// Reads --config-file, if any. The error names the file and the problem.
  static llvm::Expected<Config> load(const ConfigOptions &Options);

  /// A new options provider, for one analysis (see OptionsProviderFactory).
  std::unique_ptr<clang::tidy::ClangTidyOptionsProvider>
  makeProvider(llvm::IntrusiveRefCntPtr<llvm::vfs::FileSystem> FS) const;

  /// The options in force for File, checked: the error is one line naming a
  /// broken .clang-tidy or an unknown check.
  llvm::Expected<clang::tidy::ClangTidyOptions>
  optionsFor(llvm::StringRef File);

  /// Whether \p Options enable any check at all (a third-party folder's
  /// `Checks: '-*'` enables none: its units are skipped).
  bool enablesAnyCheck(const clang::tidy::ClangTidyOptions &Options);

  /// Whether \p Options enable the check \p Check.
  static bool enables(const clang::tidy::ClangTidyOptions &Options,
                      llvm::StringRef Check);

  /// The configuration warnings for a unit's \p Options (from optionsFor),
  /// as clang-tidy would give them: each option of an enabled check that the
  /// check does not have (as --verify-config says it, with a did-you-mean),
  /// and each value an enabled check cannot use (in the check's own words).
  /// Worked out once per configuration.
  const std::vector<std::string> &
  warningsFor(const clang::tidy::ClangTidyOptions &Options);

private:
  Config() = default;
  llvm::Error checkGlobs(llvm::StringRef Globs, llvm::StringRef Source);

  ConfigOptions Options;
  std::optional<clang::tidy::ClangTidyOptions> FileConfig;
  std::optional<llvm::StringSet<>> KnownChecks;
  std::optional<llvm::StringSet<>> KnownOptions;
  llvm::StringMap<std::vector<std::string>> Warnings; ///< by configuration
  llvm::StringMap<bool> AnyCheckEnabled;              ///< by Checks string
};

} // namespace structify

#endif
