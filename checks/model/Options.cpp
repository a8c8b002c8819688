//===--- Options.cpp - the checks' options: what they are, reading them ---===//

#include "model/Options.h"
#include "model/Naming.h"
#include "clang/Basic/CharInfo.h"
#include "llvm/ADT/STLExtras.h"
#include "llvm/ADT/Twine.h"
#include "llvm/Support/Regex.h"
#include "llvm/Support/YAMLParser.h"

namespace clang::tidy {
llvm::ArrayRef<std::pair<structify::StructNameStyle, StringRef>>
OptionEnumMapping<structify::StructNameStyle>::getEnumMapping() {
  using structify::StructNameStyle;
  static constexpr std::pair<StructNameStyle, StringRef> Mapping[] = {
      {StructNameStyle::Auto, "auto"},
      {StructNameStyle::CamelCase, "CamelCase"},
      {StructNameStyle::LowerCase, "lower_case"}};
  return Mapping;
}
llvm::ArrayRef<std::pair<structify::ExpressionReadsOption, StringRef>>
OptionEnumMapping<structify::ExpressionReadsOption>::getEnumMapping() {
  using structify::ExpressionReadsOption;
  static constexpr std::pair<ExpressionReadsOption, StringRef> Mapping[] = {
      {ExpressionReadsOption::Fixable, "fixable"},
      {ExpressionReadsOption::All, "all"},
      {ExpressionReadsOption::None, "none"}};
  return Mapping;
}
} // namespace clang::tidy

namespace clang::tidy::structify {

namespace {
template <typename Values> std::vector<KnownOption> tableOf() {
  std::vector<KnownOption> Table;
  Values Defaults;
  Values::forEachOption(Defaults,
                        [&](llvm::StringRef Name, OptionValue Kind, auto &) {
                          Table.push_back({Name, Kind});
                        });
  return Table;
}
} // namespace

llvm::ArrayRef<KnownOption> knownOptions(llvm::StringRef CheckName) {
  static const std::vector<KnownOption> TupleReturn =
      tableOf<TupleReturnOptions>();
  static const std::vector<KnownOption> IndexAccess =
      tableOf<IndexAccessOptions>();
  if (CheckName == TupleReturnCheckName)
    return TupleReturn;
  if (CheckName == IndexAccessCheckName)
    return IndexAccess;
  return {};
}

std::optional<bool> parseBoolOption(llvm::StringRef Value) {
  if (std::optional<bool> Parsed = llvm::yaml::parseBool(Value))
    return Parsed;
  long long Number = 0;
  if (!Value.getAsInteger(10, Number))
    return Number != 0;
  return std::nullopt;
}

std::string unknownOptionMessage(llvm::StringRef Key,
                                 llvm::ArrayRef<std::string> Known) {
  std::string Message = "unknown check option '" + Key.str() + "'";
  unsigned Best = 5; // as --verify-config: close enough to be a typo
  llvm::StringRef Closest;
  for (llvm::StringRef Candidate : Known) {
    const unsigned Distance =
        Key.edit_distance_insensitive(Candidate, true, Best);
    if (Distance < Best) {
      Best = Distance;
      Closest = Candidate;
    }
  }
  if (!Closest.empty())
    Message += "; did you mean '" + Closest.str() + "'";
  return Message;
}

namespace {

/// clang-tidy's words for a value its OptionsView cannot read.
std::string invalidValue(llvm::StringRef Value, llvm::StringRef Key) {
  return "invalid configuration value '" + Value.str() + "' for option '" +
         Key.str() + "'";
}

/// As OptionsView::get<enum>: a suggestion within an edit distance of 3.
template <typename T>
std::optional<std::string> badEnum(llvm::StringRef Value, llvm::StringRef Key) {
  const auto Mapping = OptionEnumMapping<T>::getEnumMapping();
  if (llvm::any_of(Mapping,
                   [&](const auto &Entry) { return Entry.second == Value; }))
    return std::nullopt;
  std::string Message = invalidValue(Value, Key);
  llvm::StringRef Closest;
  unsigned Best = 3;
  for (const auto &[Enum, Spelling] : Mapping) {
    if (Value.equals_insensitive(Spelling)) {
      Closest = Spelling;
      Best = 0;
      continue;
    }
    const unsigned Distance = Value.edit_distance(Spelling, true, Best);
    if (Distance < Best) {
      Best = Distance;
      Closest = Spelling;
    }
  }
  if (Best < 3)
    Message += "; did you mean '" + Closest.str() + "'?";
  return Message;
}

/// `::std::pair`, `std::pair`, `Pair`: a qualified name.
bool isQualifiedName(llvm::StringRef Name) {
  Name.consume_front("::");
  llvm::SmallVector<llvm::StringRef, 4> Parts;
  Name.split(Parts, "::");
  return llvm::all_of(
      Parts, [](llvm::StringRef Part) { return isValidAsciiIdentifier(Part); });
}

/// The problems of one known option's value.
void checkValue(const KnownOption &Option, llvm::StringRef Key,
                llvm::StringRef Value, std::vector<OptionProblem> &Problems) {
  auto Add = [&](std::string Message, bool ByOptionsView = false) {
    Problems.push_back({std::move(Message), ByOptionsView});
  };
  switch (Option.Value) {
  case OptionValue::Text:
    return;
  case OptionValue::Bool:
    if (!parseBoolOption(Value))
      Add(invalidValue(Value, Key) + "; expected a bool",
          /*ByOptionsView=*/true);
    return;
  case OptionValue::NameStyle:
    if (auto Message = badEnum<StructNameStyle>(Value, Key))
      Add(std::move(*Message), /*ByOptionsView=*/true);
    return;
  case OptionValue::ExpressionReads:
    if (auto Message = badEnum<ExpressionReadsOption>(Value, Key))
      Add(std::move(*Message), /*ByOptionsView=*/true);
    return;
  case OptionValue::Identifier:
    if (!Value.empty() && !isValidAsciiIdentifier(Value))
      Add("invalid value '" + Value.str() + "' for option '" + Key.str() +
          "'; expected an identifier");
    return;
  case OptionValue::RegexList:
    for (const std::string &Pattern : parseList(Value)) {
      std::string Error;
      if (!llvm::Regex(Pattern).isValid(Error))
        Add((llvm::Twine("invalid regular expression '") + Pattern +
             "' in option '" + Key + "': " + Error)
                .str());
    }
    return;
  case OptionValue::ClassTemplates:
    for (const std::string &Name : parseList(Value))
      if (!isQualifiedName(Name))
        Add("invalid value '" + Name + "' in option '" + Key.str() +
            "'; expected the qualified name of a class template, such as "
            "'::std::pair'");
    return;
  case OptionValue::Namespaces:
    for (const std::string &Name : parseList(Value))
      if (!isValidAsciiIdentifier(Name))
        Add("invalid value '" + Name + "' in option '" + Key.str() +
            "'; expected a namespace name");
    return;
  }
}

} // namespace

std::vector<OptionProblem>
checkOptions(llvm::StringRef CheckName,
             const ClangTidyOptions::OptionMap &Options) {
  const llvm::ArrayRef<KnownOption> Known = knownOptions(CheckName);
  const std::string Prefix = (CheckName + ".").str();
  std::vector<std::string> KnownKeys;
  for (const KnownOption &Option : Known)
    KnownKeys.push_back(Prefix + Option.Name.str());
  // In the order of the keys, not of the map's hashing.
  std::vector<llvm::StringRef> Keys;
  for (const auto &Entry : Options)
    if (Entry.getKey().starts_with(Prefix))
      Keys.push_back(Entry.getKey());
  llvm::sort(Keys);
  std::vector<OptionProblem> Problems;
  for (llvm::StringRef Key : Keys) {
    const llvm::StringRef Name = Key.drop_front(Prefix.size());
    const auto *Option = llvm::find_if(
        Known, [&](const KnownOption &O) { return O.Name == Name; });
    if (Option == Known.end())
      Problems.push_back({unknownOptionMessage(Key, KnownKeys)});
    else
      checkValue(*Option, Key, Options.find(Key)->getValue().Value, Problems);
  }
  return Problems;
}

std::optional<llvm::StringRef> OptionMapView::find(llvm::StringRef Name) const {
  const auto It = Options.find(Prefix + Name.str());
  if (It == Options.end())
    return std::nullopt;
  return llvm::StringRef(It->getValue().Value);
}

llvm::StringRef OptionMapView::get(llvm::StringRef Name,
                                   llvm::StringRef Default) const {
  return find(Name).value_or(Default);
}

std::optional<bool> OptionMapView::readBool(llvm::StringRef Name) const {
  if (const std::optional<llvm::StringRef> Raw = find(Name))
    return parseBoolOption(*Raw);
  return std::nullopt;
}

} // namespace clang::tidy::structify
