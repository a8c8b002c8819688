//===--- PlanTest.cpp - one plan from every unit's summaries --------------===//

#include "model/tuplereturn/Plan.h"
#include "refactor/Planner.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/FileUtilities.h"
#include "llvm/Support/raw_ostream.h"
#include "gtest/gtest.h"
#include <optional>

namespace structify {
namespace {
using clang::tidy::structify::Plan;
using clang::tidy::structify::PlanEntry;

FunctionSummary summary(llvm::StringRef Usr, llvm::StringRef Name) {
  FunctionSummary S;
  S.Usr = Usr.str();
  S.Name = Name.str();
  S.Signature = (Name + "(int)").str();
  S.DeclaredAt = "/p/include/api.h:3";
  S.HomeFile = "/p/include/api.h";
  S.FieldTypes = {"int", "int"};
  S.Evidence = clang::tidy::structify::NamingEvidence(2);
  S.StructName = "BoundsResult";
  S.TouchedFiles = {"/p/include/api.h"};
  return S;
}

PlanInputs inputs(std::vector<FunctionSummary> Summaries) {
  PlanInputs In;
  In.Summaries = std::move(Summaries);
  In.WhyNotEditable = [](llvm::StringRef) { return std::string(); };
  return In;
}

TEST(Planner, EvidenceFromEveryUnitNamesTheFields) {
  FunctionSummary Defining = summary("c:@F@bounds", "bounds");
  Defining.Evidence.FromDefinition = {{"lo"}, {}};
  FunctionSummary Calling = summary("c:@F@bounds", "bounds");
  Calling.Evidence.FromCallers = {{}, {"hi"}};
  Calling.CallSites = {"/p/src/a.cpp:3:4"};
  const Plan P = makePlan(inputs({Defining, Calling}));
  ASSERT_EQ(P.Functions.size(), 1u);
  const PlanEntry &E = P.Functions.front();
  EXPECT_TRUE(E.rewrites());
  EXPECT_EQ(E.Struct, "BoundsResult");
  ASSERT_EQ(E.Fields.size(), 2u);
  EXPECT_EQ(E.Fields[0].Name, "lo");
  EXPECT_EQ(E.Fields[1].Name, "hi");
  EXPECT_EQ(E.Uses, 1u);
}

TEST(Planner, ABlockerInAnyUnitSkips) {
  FunctionSummary A = summary("u", "bounds");
  A.Evidence.FromDefinition = {{"lo"}, {"hi"}};
  FunctionSummary B = summary("u", "bounds");
  B.Blockers = {"/p/src/b.cpp:6:3: the value is passed to 'consume'"};
  const Plan P = makePlan(inputs({A, B}));
  EXPECT_FALSE(P.Functions.front().rewrites());
  EXPECT_EQ(P.Functions.front().Reason,
            "/p/src/b.cpp:6:3: the value is passed to 'consume'");
}

TEST(Planner, NoLintSkips) {
  FunctionSummary A = summary("u", "bounds");
  A.Evidence.FromDefinition = {{"lo"}, {"hi"}};
  A.SuppressedAt = "/p/include/api.h:3";
  EXPECT_EQ(makePlan(inputs({A})).Functions.front().Reason,
            "a NOLINT comment at /p/include/api.h:3 silences "
            "structify-tuple-return");
}

TEST(Planner, FilesItMayNotEditSkip) {
  FunctionSummary A = summary("u", "bounds");
  A.Evidence.FromDefinition = {{"lo"}, {"hi"}};
  A.TouchedFiles.push_back("/p/gen/config.h");
  PlanInputs In = inputs({A});
  In.WhyNotEditable = [](llvm::StringRef File) {
    return File.starts_with("/p/gen") ? std::string("a generated file")
                                      : std::string();
  };
  EXPECT_EQ(makePlan(In).Functions.front().Reason,
            "it is used or declared in '/p/gen/config.h', a generated file");
}

TEST(Planner, DisabledFilesDeclareNothingToPlan) {
  FunctionSummary A = summary("u", "vendor");
  A.HomeFile = "/p/third_party/v.h";
  PlanInputs In = inputs({A});
  In.Disabled = [](llvm::StringRef File) {
    return File.contains("third_party");
  };
  EXPECT_TRUE(makePlan(In).Functions.empty());
}

TEST(Planner, AUnitThatDoesNotCompileSkipsWhatItReads) {
  FunctionSummary A = summary("u", "bounds");
  A.Evidence.FromDefinition = {{"lo"}, {"hi"}};
  FunctionSummary B = summary("v", "other");
  B.HomeFile = "/p/include/other.h";
  B.Evidence.FromDefinition = {{"lo"}, {"hi"}};
  B.StructName = "OtherResult";
  PlanInputs In = inputs({A, B});
  In.Failed = {
      {"/nonexistent/broken.cpp", "does not compile", {"/p/include/api.h"}}};
  const Plan P = makePlan(In);
  ASSERT_EQ(P.Functions.size(), 2u);
  EXPECT_EQ(P.Functions[0].Reason,
            "it may be used in '/nonexistent/broken.cpp', which does not "
            "compile, so its uses there are unknown");
  // A unit whose text cannot be read may call anything.
  EXPECT_FALSE(P.Functions[1].rewrites());
}

TEST(Planner, StructNamesAreNeverTaken) {
  FunctionSummary A = summary("u", "bounds");
  A.Evidence.FromDefinition = {{"lo"}, {"hi"}};
  A.TakenStructNames = {"BoundsResult"};
  FunctionSummary B = summary("v", "bounds");
  B.Evidence.FromDefinition = {{"lo"}, {"hi"}};
  const Plan P = makePlan(inputs({A, B}));
  EXPECT_EQ(P.Functions[0].Struct, "BoundsResult2");
  EXPECT_EQ(P.Functions[1].Struct, "BoundsResult");
}

TEST(Planner, StructNamesAreGivenPerScope) {
  // Two classes' `encrypt`: each class gets its own `EncryptResult`; two
  // functions of one namespace cannot.
  FunctionSummary A = summary("u", "encrypt");
  A.StructName = "EncryptResult";
  A.StructHome = "lt::crypto_plugin";
  A.Evidence.FromDefinition = {{"lo"}, {"hi"}};
  FunctionSummary B = A;
  B.Usr = "v";
  B.StructHome = "lt::encryption_handler";
  FunctionSummary C = A;
  C.Usr = "w";
  const Plan P = makePlan(inputs({A, B, C}));
  EXPECT_EQ(P.Functions[0].Struct, "EncryptResult");
  EXPECT_EQ(P.Functions[1].Struct, "EncryptResult");
  EXPECT_EQ(P.Functions[2].Struct, "EncryptResult2");
}

TEST(Planner, TypesSpelledDifferentlySkip) {
  FunctionSummary A = summary("u", "bounds");
  A.Evidence.FromDefinition = {{"lo"}, {"hi"}};
  FunctionSummary B = A;
  B.FieldTypes = {"long", "int"};
  EXPECT_FALSE(makePlan(inputs({A, B})).Functions.front().rewrites());
}

/// A temporary file with \p Text, removed at the end of the test.
struct TempSource {
  llvm::SmallString<128> Path;
  std::optional<llvm::FileRemover> Remove;
  explicit TempSource(llvm::StringRef Text) {
    int FD = -1;
    EXPECT_FALSE(llvm::sys::fs::createTemporaryFile("unit", "cpp", FD, Path));
    Remove.emplace(Path);
    llvm::raw_fd_ostream OS(FD, /*shouldClose=*/true);
    OS << Text;
  }
};

TEST(Planner, FailedUnitsFromThePlanAlone) {
  PlanEntry E;
  E.Function = "geo::Shape::size() const";
  E.DeclaredAt = "/p/include/geo.h:12";
  const TempSource Names("int f(geo::Shape s) { return s.size().first; }\n");
  const TempSource Silent("int g(int sizes) { return sizes; }\n");
  std::vector<FailedUnit> Failed = {
      {Silent.Path.str().str(), "crashed", {"/p/include/geo.h"}}};
  // It read the header.
  EXPECT_NE(failedUnitUsing(E, Failed), nullptr);
  // It did not, and does not name the function: `sizes` is another word.
  Failed.front().FilesRead = {"/p/include/other.h"};
  EXPECT_EQ(failedUnitUsing(E, Failed), nullptr);
  // It names it.
  Failed.front().File = Names.Path.str().str();
  EXPECT_NE(failedUnitUsing(E, Failed), nullptr);
}

/// A plan file with \p Text, read back.
llvm::Expected<Plan> readText(llvm::StringRef Text) {
  llvm::SmallString<128> Path;
  int FD = -1;
  EXPECT_FALSE(llvm::sys::fs::createTemporaryFile("plan", "yaml", FD, Path));
  llvm::FileRemover Remove(Path);
  {
    llvm::raw_fd_ostream OS(FD, /*shouldClose=*/true);
    OS << Text;
  }
  return clang::tidy::structify::readPlan(Path);
}

std::string errorOf(llvm::StringRef Text) {
  auto P = readText(Text);
  if (P)
    return "no error";
  std::string Message = llvm::toString(P.takeError());
  return Message.substr(Message.find(": ") + 2);
}

TEST(PlanFile, WrittenPlansReadBack) {
  FunctionSummary A = summary("c:@F@bounds#I#", "bounds");
  A.Evidence.FromDefinition = {{"lo"}, {"hi"}};
  const Plan Made = makePlan(inputs({A}));
  auto Read = readText(planToYaml(Made));
  ASSERT_TRUE(bool(Read));
  ASSERT_EQ(Read->Functions.size(), 1u);
  EXPECT_EQ(Read->Functions[0].Usr, "c:@F@bounds#I#");
  EXPECT_EQ(Read->Functions[0].Fields[1].Name, "hi");
}

TEST(PlanFile, InvalidPlansSayWhy) {
  const char *Entry =
      "Version: 1\nFunctions:\n  - Usr: u\n    Action: %s\n"
      "    Struct: %s\n    Fields:\n      - Name: %s\n"
      "        Type: int\n      - Name: %s\n        Type: int\n";
  auto Make = [&](const char *Action, const char *Struct, const char *A,
                  const char *B) {
    char Buffer[512];
    snprintf(Buffer, sizeof(Buffer), Entry, Action, Struct, A, B);
    return std::string(Buffer);
  };
  EXPECT_EQ(errorOf(Make("rewrite", "S", "lo", "hi")), "no error");
  EXPECT_EQ(errorOf(Make("rewrite", "class", "lo", "hi")),
            "invalid plan: function 'u' has Struct 'class', which is a keyword "
            "or a reserved name");
  EXPECT_EQ(errorOf(Make("rewrite", "S", "lo", "lo")),
            "invalid plan: function 'u' has two fields named 'lo'");
  EXPECT_EQ(errorOf(Make("rewrite", "S", "lo", "2x")),
            "invalid plan: function 'u' has a field Name '2x', which is not "
            "an identifier");
  // Action is a YAML enumeration: the reader names the line and column.
  EXPECT_EQ(errorOf(Make("maybe", "S", "lo", "hi")),
            "unknown enumerated scalar (malformed plan)");
  EXPECT_EQ(errorOf("Version: 2\n"),
            "invalid plan: unsupported plan version 2 (this structify reads "
            "version 1)");
}

} // namespace
} // namespace structify
