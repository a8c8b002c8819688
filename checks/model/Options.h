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

inline constexpr llvm::StringLiteral IndexAccessCheckName =
    "structify-index-access";

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
  Text,            ///< anything (a path)
  Bool,            ///< as clang-tidy reads a bool: true/false, 1/0
  NameStyle,       ///< a StructNameStyle
  ExpressionReads, ///< an ExpressionReadsOption
  Identifier,      ///< an identifier, or empty
  RegexList,       ///< `;`-separated regular expressions
  ClassTemplates,  ///< `;`-separated qualified names (`::std::pair`)
  Namespaces,      ///< `;`-separated namespace names
};

struct KnownOption {
  llvm::StringRef Name;
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
checkOptions(llvm::StringRef CheckName,
             const ClangTidyOptions::OptionMap &Options);

/// clang-tidy's --verify-config words for an unknown option \p Key, with the
/// closest of \p Known (full keys) when one is close.
std::string unknownOptionMessage(llvm::StringRef Key,
                                 llvm::ArrayRef<std::string> Known);

/// A check's options read from a plain option map, as the check's OptionsView
/// reads them, for code that is not that check: a bad value gives the
/// default, silently (checkOptions reports it).
class OptionMapView {
public:
  OptionMapView(llvm::StringRef CheckName,
                const ClangTidyOptions::OptionMap &Options)
      : Prefix((CheckName + ".").str()), Options(Options) {}

  llvm::StringRef get(llvm::StringRef Name, llvm::StringRef Default) const;

  template <typename T>
  std::enable_if_t<std::is_same_v<T, bool>, bool> get(llvm::StringRef Name,
                                                      T Default) const {
    return readBool(Name).value_or(Default);
  }

  template <typename T>
  std::enable_if_t<std::is_enum_v<T>, T> get(llvm::StringRef Name,
                                             T Default) const {
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

/// structify-tuple-return's options as written, with their defaults.
/// forEachOption is their one table: the check reads and stores them
/// through it, and knownOptions validates them by it.
struct TupleReturnOptions {
  std::string TupleTypes = DefaultTupleTypes.str();
  std::string IgnoredFunctions = DefaultIgnoredFunctions.str();
  std::string IgnoredNamespaces = DefaultIgnoredNamespaces.str();
  bool IncludeNonPublic = false;
  bool IncludeParameterPacks = false;
  bool IgnoreStandardConventions = true;
  std::string ExportMacros;
  std::string StructNameSuffix = "Result";
  StructNameStyle NameStyle = StructNameStyle::Auto;
  std::string PlanPath;

  template <typename Self, typename Visitor>
  static void forEachOption(Self &O, Visitor &&Visit) {
    Visit("TupleTypes", OptionValue::ClassTemplates, O.TupleTypes);
    Visit("IgnoredFunctions", OptionValue::RegexList, O.IgnoredFunctions);
    Visit("IgnoredNamespaces", OptionValue::Namespaces, O.IgnoredNamespaces);
    Visit("IncludeNonPublic", OptionValue::Bool, O.IncludeNonPublic);
    Visit("IncludeParameterPacks", OptionValue::Bool, O.IncludeParameterPacks);
    Visit("IgnoreStandardConventions", OptionValue::Bool,
          O.IgnoreStandardConventions);
    Visit("ExportMacros", OptionValue::Text, O.ExportMacros);
    Visit("StructNameSuffix", OptionValue::Identifier, O.StructNameSuffix);
    Visit("StructNameStyle", OptionValue::NameStyle, O.NameStyle);
    Visit("Plan", OptionValue::Text, O.PlanPath);
  }

  /// Which functions the check reports.
  TupleReturnPolicy policy() const {
    TupleReturnPolicy Policy(TupleTypes, IgnoredFunctions, IgnoredNamespaces,
                             IncludeNonPublic, IncludeParameterPacks,
                             ExportMacros);
    Policy.IgnoreStandardConventions = IgnoreStandardConventions;
    return Policy;
  }
};

/// structify-index-access's options as written, with their defaults, and
/// their one table.
struct IndexAccessOptions {
  std::string TupleTypes = DefaultTupleTypes.str();
  ExpressionReadsOption ExpressionReads = ExpressionReadsOption::Fixable;
  /// The option of old: no reads through iterators or pointers at all.
  bool IgnoreMapIterators = false;
  /// A parameter read once in a one-statement function is not reported.
  bool IgnoreProjections = true;
  std::string IgnoredTypes;
  std::string IgnoredFunctions;

  template <typename Self, typename Visitor>
  static void forEachOption(Self &O, Visitor &&Visit) {
    Visit("TupleTypes", OptionValue::ClassTemplates, O.TupleTypes);
    Visit("ExpressionReads", OptionValue::ExpressionReads, O.ExpressionReads);
    Visit("IgnoreMapIterators", OptionValue::Bool, O.IgnoreMapIterators);
    Visit("IgnoreProjections", OptionValue::Bool, O.IgnoreProjections);
    Visit("IgnoredTypes", OptionValue::RegexList, O.IgnoredTypes);
    Visit("IgnoredFunctions", OptionValue::RegexList, O.IgnoredFunctions);
  }
};

/// A check's options (TupleReturnOptions, IndexAccessOptions) read from
/// \p Source: the check's own OptionsView, or an OptionMapView for everyone
/// else. What is not set keeps its default.
template <typename Values, typename OptionSource>
Values readOptions(const OptionSource &Source) {
  Values Result;
  Values::forEachOption(Result, [&](llvm::StringRef Name, OptionValue,
                                    auto &Field) {
    if constexpr (std::is_same_v<std::decay_t<decltype(Field)>, std::string>)
      Field = Source.get(Name, llvm::StringRef(Field)).str();
    else
      Field = Source.get(Name, Field);
  });
  return Result;
}

/// Stores every option of \p Values back, for a check's storeOptions.
template <typename Values, typename OptionSink>
void storeOptions(const Values &V, const OptionSink &Sink,
                  ClangTidyOptions::OptionMap &Opts) {
  Values::forEachOption(V, [&](llvm::StringRef Name, OptionValue,
                               const auto &Field) {
    if constexpr (std::is_same_v<std::decay_t<decltype(Field)>, std::string>)
      Sink.store(Opts, Name, llvm::StringRef(Field));
    else
      Sink.store(Opts, Name, Field);
  });
}

} // namespace clang::tidy::structify

#endif
