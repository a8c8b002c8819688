//===--- BodyFilterTest.cpp - the bodies verification parses --------------===//

#include "refactor/BodyFilter.h"
#include "support/Paths.h"
#include "clang/ASTMatchers/ASTMatchFinder.h"
#include "clang/ASTMatchers/ASTMatchers.h"
#include "clang/Frontend/FrontendAction.h"
#include "clang/Frontend/MultiplexConsumer.h"
#include "clang/Tooling/Tooling.h"
#include "gtest/gtest.h"

namespace structify {
namespace {
using namespace clang;
using namespace clang::ast_matchers;

/// The definitions whose bodies \p Filter skips when \p Code is parsed.
std::vector<std::string> skippedBodies(llvm::StringRef Code,
                                       const BodyFilter &Filter) {
  struct Inspector : ASTConsumer {
    std::vector<std::string> &Out;
    explicit Inspector(std::vector<std::string> &Out) : Out(Out) {}
    void HandleTranslationUnit(ASTContext &Ctx) override {
      for (const BoundNodes &Node :
           match(findAll(functionDecl(isDefinition()).bind("f")), Ctx))
        if (const auto *F = Node.getNodeAs<FunctionDecl>("f");
            F->hasSkippedBody())
          Out.push_back(F->getQualifiedNameAsString());
    }
  };
  struct Action : ASTFrontendAction {
    const BodyFilter &Filter;
    std::vector<std::string> &Out;
    Action(const BodyFilter &Filter, std::vector<std::string> &Out)
        : Filter(Filter), Out(Out) {}

  protected:
    std::unique_ptr<ASTConsumer> CreateASTConsumer(CompilerInstance &CI,
                                                   llvm::StringRef) override {
      std::vector<std::unique_ptr<ASTConsumer>> Both;
      Both.push_back(makeBodyFilterConsumer(CI, Filter));
      Both.push_back(std::make_unique<Inspector>(Out));
      return std::make_unique<MultiplexConsumer>(std::move(Both));
    }
  };
  std::vector<std::string> Skipped;
  EXPECT_TRUE(
      tooling::runToolOnCodeWithArgs(std::make_unique<Action>(Filter, Skipped),
                                     Code, {"-std=c++17"}, "input.cc"));
  llvm::sort(Skipped);
  Skipped.erase(llvm::unique(Skipped), Skipped.end());
  return Skipped;
}

BodyFilter withNames(std::vector<std::string> Names) {
  BodyFilter Filter;
  Filter.ParseAll = false;
  Filter.Names = std::move(Names);
  return Filter;
}

using Names = std::vector<std::string>;

TEST(BodyFilter, ABodyThatNamesWhatChangedIsKept) {
  EXPECT_EQ(skippedBodies(
                "int span(); int a() { return span(); } int b() { return 1; }",
                withNames({"span"})),
            Names({"b"}));
}

TEST(BodyFilter, ParseAllKeepsEverything) {
  BodyFilter Filter = withNames({"span"});
  Filter.ParseAll = true;
  EXPECT_EQ(skippedBodies("int a() { return 1; }", Filter), Names());
}

TEST(BodyFilter, TemplatesAreKept) {
  EXPECT_EQ(skippedBodies(
                "template <class T> T twice(T x) { return x + x; }\n"
                "template <class T> struct Box { T get() { return T(); } };\n"
                "struct S { int m() { return twice(1); } };",
                withNames({"span"})),
            Names({"S::m"}));
}

TEST(BodyFilter, MemberInitialisersAndHandlersAreRead) {
  // The scan goes past `p{1}` and a function-try-block's handlers.
  EXPECT_EQ(skippedBodies("int span();\n"
                          "struct P { int x; };\n"
                          "struct C { P p; int y; C() : p{1}, y{span()} {} };\n"
                          "void g() try { } catch (...) { span(); }\n"
                          "void h() try { } catch (...) { }\n",
                          withNames({"span"})),
            Names({"h"}));
}

TEST(BodyFilter, ADeducedResultOfTheStructNamesItsFunction) {
  EXPECT_EQ(skippedBodies("struct SpanResult { int lo; };\n"
                          "SpanResult span();\n"
                          "auto wrap() { return span(); }\n"
                          "int use() { return wrap().lo; }\n"
                          "auto other() { return 1; }\n"
                          "int unrelated() { return other(); }\n",
                          withNames({"span", "SpanResult"})),
            Names({"unrelated"}));
}

TEST(BodyFilter, ABodyThatHoldsAnEditIsKept) {
  const std::string Code = "int a() { return 1; }\nint b() { return 2; }\n";
  BodyFilter Filter = withNames({});
  const auto Two = static_cast<unsigned>(Code.find('2'));
  Filter.Edited[canonicalPath(absolutePath("input.cc"))] = {{Two, Two + 1}};
  EXPECT_EQ(skippedBodies(Code, Filter), Names({"a"}));
}

TEST(BodyFilter, AChangedLineBeforeADefinitionDoesNotKeepIt) {
  // The changed line ends where b's definition starts; a removal there does
  // keep b (lines that were above it are gone).
  const std::string Code = "int a() { return 1; }\nint b() { return 2; }\n";
  const auto LineTwo = static_cast<unsigned>(Code.find("int b"));
  BodyFilter Filter = withNames({});
  Filter.Edited[canonicalPath(absolutePath("input.cc"))] = {{0, LineTwo}};
  EXPECT_EQ(skippedBodies(Code, Filter), Names({"b"}));
  Filter.Edited[canonicalPath(absolutePath("input.cc"))] = {{LineTwo, LineTwo}};
  EXPECT_EQ(skippedBodies(Code, Filter), Names({"a"}));
}

TEST(BodyFilter, TravelsAsJSON) {
  BodyFilter Filter = withNames({"span", "SpanResult"});
  Filter.Edited["/src/a.cpp"] = {{1, 4}, {10, 10}};
  BodyFilter Back;
  llvm::json::Path::Root Root;
  ASSERT_TRUE(fromJSON(toJSON(Filter), Back, Root));
  EXPECT_EQ(Back.ParseAll, Filter.ParseAll);
  EXPECT_EQ(Back.Names, Filter.Names);
  EXPECT_EQ(Back.Edited, Filter.Edited);
}

} // namespace
} // namespace structify
