//===--- NamingTest.cpp - names from the code's evidence ------------------===//

#include "model/Naming.h"
#include "gtest/gtest.h"

namespace clang::tidy::structify {
namespace {

bool anyName(llvm::StringRef) { return true; }

TEST(Naming, StructNamesFollowTheStyleAndDropGet) {
  EXPECT_EQ(structNameFor("min_max", NameStyle::CamelCase, "Result"),
            "MinMaxResult");
  EXPECT_EQ(structNameFor("minMax", NameStyle::LowerCase, "Result"),
            "min_max_result");
  EXPECT_EQ(structNameFor("get_bounds", NameStyle::CamelCase, "Result"),
            "BoundsResult");
  EXPECT_EQ(structNameFor("get", NameStyle::CamelCase, "Result"), "GetResult");
  EXPECT_EQ(structNameFor("parse", NameStyle::CamelCase, ""), "Parse");
}

TEST(Naming, WordsOfIdentifiers) {
  EXPECT_EQ(splitWords("minMax"), (std::vector<std::string>{"min", "max"}));
  EXPECT_EQ(splitWords("min_max"), (std::vector<std::string>{"min", "max"}));
  EXPECT_EQ(splitWords("MinMax"), (std::vector<std::string>{"min", "max"}));
}

TEST(Naming, MembersLoseTheirDecorations) {
  EXPECT_EQ(normalizeName("m_count"), "count");
  EXPECT_EQ(normalizeName("hi_"), "hi");
  EXPECT_EQ(normalizeName("_lo"), "lo");
  EXPECT_FALSE(isMeaningfulName("tmp"));
  EXPECT_FALSE(isMeaningfulName("a1"));
  EXPECT_FALSE(isMeaningfulName("q"));
  EXPECT_TRUE(isMeaningfulName("x"));
  EXPECT_TRUE(isMeaningfulName("width"));
}

TEST(Naming, DefinitionOutranksCallersOutranksKnownNames) {
  NamingEvidence Evidence(2);
  Evidence.FromCallers = {{"low", "low"}, {"high"}};
  Evidence.FromDefinition = {{"lo"}, {}};
  unsigned Missing = 0;
  EXPECT_EQ(chooseFieldNames(Evidence, {"first_known", "second_known"}, anyName,
                             Missing),
            (std::vector<std::string>{"lo", "high"}));
}

TEST(Naming, OneNamedEndNamesTheOther) {
  // `return {low, low + width};`, a range: {low, high}, not {low, hi}.
  NamingEvidence Evidence(2);
  Evidence.FromDefinition = {{"low"}, {}};
  unsigned Missing = 0;
  EXPECT_EQ(chooseFieldNames(Evidence, {"lo", "hi"}, anyName, Missing),
            (std::vector<std::string>{"low", "high"}));
  Evidence.FromDefinition = {{}, {"max"}};
  EXPECT_EQ(chooseFieldNames(Evidence, {}, anyName, Missing),
            (std::vector<std::string>{"min", "max"}));
  // Both named by the code: each keeps its own.
  Evidence.FromDefinition = {{"low"}, {"limit"}};
  EXPECT_EQ(chooseFieldNames(Evidence, {"lo", "hi"}, anyName, Missing),
            (std::vector<std::string>{"low", "limit"}));
}

TEST(Naming, TheMostSupportedNameWins) {
  NamingEvidence Evidence(2);
  Evidence.FromCallers = {{"a_name", "count", "count"}, {"total"}};
  unsigned Missing = 0;
  EXPECT_EQ(chooseFieldNames(Evidence, {}, anyName, Missing),
            (std::vector<std::string>{"count", "total"}));
}

TEST(Naming, NoNameMeansNoFieldsAndSaysWhich) {
  NamingEvidence Evidence(3);
  Evidence.FromDefinition = {{"ok"}, {"tmp"}, {"y"}};
  unsigned Missing = 0;
  EXPECT_TRUE(chooseFieldNames(Evidence, {}, anyName, Missing).empty());
  EXPECT_EQ(Missing, 1u);
}

TEST(Naming, NamesAreDistinctAndUsable) {
  NamingEvidence Evidence(2);
  Evidence.FromDefinition = {{"value"}, {"value", "other_value"}};
  unsigned Missing = 0;
  auto NotKeyword = [](llvm::StringRef Name) { return Name != "other_value"; };
  EXPECT_TRUE(chooseFieldNames(Evidence, {}, NotKeyword, Missing).empty());
  EXPECT_EQ(chooseFieldNames(Evidence, {}, anyName, Missing),
            (std::vector<std::string>{"value", "other_value"}));
}

TEST(Naming, WellKnownApis) {
  EXPECT_EQ(knownApiNames("minmax", {"arithmetic", "arithmetic"}),
            (std::vector<std::string>{"min", "max"}));
  EXPECT_EQ(knownApiNames("get_bounds", {"arithmetic", "arithmetic"}),
            (std::vector<std::string>{"lo", "hi"}));
  EXPECT_EQ(knownApiNames("try_parse", {"bool", "other"}),
            (std::vector<std::string>{"ok", "value"}));
  EXPECT_TRUE(knownApiNames("frobnicate", {"other", "other"}).empty());
}

} // namespace
} // namespace clang::tidy::structify
