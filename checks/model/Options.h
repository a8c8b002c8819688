//===--- Options.h - the checks' options: what they are, reading them -----===//
//
// Every option of structify's checks is listed here with the kind of value it
// takes, so that every front end can say the same thing about a misspelled
// option or an invalid value: the checks from their constructors (clang-tidy,
// the plugin), and in the editor (clangd drops diagnostics that have no
// location), and the driver before it runs anything. structify-tuple-return's
// options are read in one place, readTupleReturnOptions, by the check itself,
// by structify-index-access (which leaves that check's values alone) and by
// the driver.
//
//===----------------------------------------------------------------------===//

#ifndef STRUCTIFY_MODEL_OPTIONS_H
#define STRUCTIFY_MODEL_OPTIONS_H

#include "clang-tidy/ClangTidyCheck.h"
#include "clang-tidy/ClangTidyOptions.h"
#include "model/Candidates.h"
#include "llvm/ADT/ArrayRef.h"
#include "llvm/ADT/StringRef.h"
#include <string>
#include <type_traits>
#include <vector>

namespace clang::tidy::structify {

inline constexpr llvm::StringLiteral IndexAccessCheckName = "structify-index-access";

/// structify-tuple-return's StructNameStyle.
enum class StructNameStyle {
  Auto,      ///< the style of the type names around the function
  CamelCase, ///< `MinMaxResult`
  LowerCase, ///< `min_max_result`
};

/// structify-index-access's ExpressionReads: which positional reads of values
/// that are not variables (`it->second`, `v[i].first`, `f().second`,
/// `m_range.first`) it reports.
enum class ExpressionReadsOption {
  Fixable, ///< those it can name with a binding it writes
  All,     ///< every one
  None,    ///< none: only variables
};

} // namespace clang::tidy::structify

namespace clang::tidy {
template <> struct OptionEnumMapping<structify::StructNameStyle> {
  static llvm::ArrayRef<std::pair<structify::StructNameStyle, StringRef>>
  getEnumMapping();
};
template <> struct OptionEnumMapping<structify::ExpressionReadsOption> {
  static llvm::ArrayRef<std::pair<structify::ExpressionReadsOption, StringRef>>
  getEnumMapping();
};
} // namespace clang::tidy

namespace clang::tidy::structify {

/// What an option's value must be.
enum class OptionValue {
  Text,           ///< anything (a path)
  Bool,           ///< as clang-tidy reads a bool: true/false, 1/0
  NameStyle,      ///< a StructNameStyle
  ExpressionReads, ///< an ExpressionReadsOption
  Identifier,     ///< an identifier, or empty
  RegexList,      ///< `;`-separated regular expressions
  ClassTemplates, ///< `;`-separated qualified names (`::std::pair`)
  Namespaces,     ///< `;`-separated namespace names
};

struct KnownOption {
  llvm::StringLiteral Name;
  OptionValue Value;
};

/// The options of structify's check \p CheckName; empty for any other check.
llvm::ArrayRef<KnownOption> knownOptions(llvm::StringRef CheckName);

struct OptionProblem {
  std::string Message;
  /// A bool or an enum that the check reads with ClangTidyCheck's OptionsView,
  /// which reports a bad value itself (in these words) under clang-tidy.
  bool ReportedByOptionsView = false;
};

/// The configuration problems of check \p CheckName in \p Options: each key
/// with the check's prefix that is not one of its options (with a
/// did-you-mean, as clang-tidy's --verify-config says it), and each value
/// the option cannot take. In the order of the keys.
std::vector<OptionProblem>
checkOptions(llvm::StringRef CheckName, const ClangTidyOptions::OptionMap &Options);

/// clang-tidy's --verify-config words for an unknown option \p Key, with the
/// closest of \p Known (full keys) when one is close.
std::string unknownOptionMessage(llvm::StringRef Key,
                                 llvm::ArrayRef<std::string> Known);

/// A check's options read from a plain option map, as the check's OptionsView
/// reads them, for code that is not that check: a bad value gives the
/// default, silently (checkOptions reports it).
class OptionMapView {
public:
  OptionMapView(llvm::StringRef CheckName, const ClangTidyOptions::OptionMap &Options)
      : Prefix((CheckName + ".").str()), Options(Options) {}

  llvm::StringRef get(llvm::StringRef Name, llvm::StringRef Default) const;

  template <typename T>
  std::enable_if_t<std::is_same_v<T, bool>, bool> get(llvm::StringRef Name,
                                                      T Default) const {
    return readBool(Name).value_or(Default);
  }

  template <typename T>
  std::enable_if_t<std::is_enum_v<T>, T> get(llvm::StringRef Name, T Default) const {
    const std::optional<llvm::StringRef> Raw = find(Name);
    if (!Raw)
      return Default;
    for (const auto &[Value, Spelling] : OptionEnumMapping<T>::getEnumMapping())
      if (*Raw == Spelling)
        return Value;
    return Default;
  }

private:
  std::optional<llvm::StringRef> find(llvm::StringRef Name) const;
  std::optional<bool> readBool(llvm::StringRef Name) const;

  std::string Prefix;
  const ClangTidyOptions::OptionMap &Options;
};

/// clang-tidy's reading of a bool option: YAML's spellings, or an integer.
std::optional<bool> parseBoolOption(llvm::StringRef Value);

/// structify-tuple-return's options.
struct TupleReturnOptions {
  TupleReturnPolicy Policy;
  std::string StructNameSuffix;
  StructNameStyle NameStyle = StructNameStyle::Auto;
  std::string PlanPath;

  /// Stores every option back, for the check's storeOptions.
  template <typename OptionSink>
  void store(const OptionSink &Options, ClangTidyOptions::OptionMap &Opts) const {
    Options.store(Opts, "TupleTypes", Policy.RawTupleTypes);
    Options.store(Opts, "IgnoredFunctions", Policy.RawIgnoredFunctions);
    Options.store(Opts, "IgnoredNamespaces", Policy.RawIgnoredNamespaces);
    Options.store(Opts, "IncludeNonPublic", Policy.IncludeNonPublic);
    Options.store(Opts, "IncludeParameterPacks", Policy.IncludeParameterPacks);
    Options.store(Opts, "ExportMacros", Policy.RawExportMacros);
    Options.store(Opts, "StructNameSuffix", StructNameSuffix);
    Options.store(Opts, "StructNameStyle", NameStyle);
    Options.store(Opts, "Plan", PlanPath);
  }
};

/// Reads structify-tuple-return's options from \p Options: the check's own
/// OptionsView, or an OptionMapView for everyone else.
template <typename OptionSource>
TupleReturnOptions readTupleReturnOptions(const OptionSource &Options) {
  TupleReturnOptions Result;
  Result.Policy = TupleReturnPolicy(
      Options.get("TupleTypes", DefaultTupleTypes).str(),
      Options.get("IgnoredFunctions", DefaultIgnoredFunctions).str(),
      Options.get("IgnoredNamespaces", DefaultIgnoredNamespaces).str(),
      Options.get("IncludeNonPublic", false),
      Options.get("IncludeParameterPacks", false),
      Options.get("ExportMacros", "").str());
  Result.StructNameSuffix = Options.get("StructNameSuffix", "Result").str();
  Result.NameStyle = Options.get("StructNameStyle", StructNameStyle::Auto);
  Result.PlanPath = Options.get("Plan", "").str();
  return Result;
}

} // namespace clang::tidy::structify

#endif
