//===--- FunctionParentsTest.cpp - parents within one function, sightings -===//

#include "model/FunctionParents.h"
#include "ParseCode.h"
#include "model/UseSites.h"
#include "clang/AST/Decl.h"
#include "clang/AST/ExprCXX.h"
#include "clang/AST/ParentMapContext.h"
#include "clang/ASTMatchers/ASTMatchers.h"
#include "gtest/gtest.h"

namespace clang::tidy::structify {
namespace {
using namespace clang::ast_matchers;
using ::structify::test::findFirst;
using ::structify::test::parseCode;

constexpr llvm::StringLiteral Code = R"cpp(
#include <utility>
namespace app {
int helper(int v) { return v + 1; }
int reads(std::pair<int, int> p) {
  auto twice = [&] { return p.first * 2; };
  struct Local { int get(std::pair<int, int> q) { return q.second; } };
  return twice() + Local().get(p);
}
} // namespace app
)cpp";

/// The traversal scope (a vector in LLVM 19, an ArrayRef in 22).
std::vector<Decl *> scope(ASTContext &Ctx) {
  const auto Scope = Ctx.getTraversalScope();
  return std::vector<Decl *>(Scope.begin(), Scope.end());
}

TEST(FunctionParentsTest,
     ParentsComeFromTheOutermostFunctionAndTheScopeComesBack) {
  auto AST = parseCode(Code);
  ASTContext &Ctx = AST->getASTContext();
  const std::vector<Decl *> Before = scope(Ctx);
  const auto *First = findFirst<MemberExpr>(
      memberExpr(member(hasName("first")), isExpansionInMainFile()), Ctx);
  const auto *Second = findFirst<MemberExpr>(
      memberExpr(member(hasName("second")), isExpansionInMainFile()), Ctx);
  const auto *Reads =
      findFirst<FunctionDecl>(functionDecl(hasName("reads")), Ctx);
  ASSERT_TRUE(First && Second && Reads);
  {
    FunctionParents Parents(Ctx);
    // The lambda's read: its parents lead up to `reads`, not to the lambda.
    const auto *Lambda = findFirst<CXXMethodDecl>(
        cxxMethodDecl(ofClass(cxxRecordDecl(isLambda()))), Ctx);
    ASSERT_TRUE(Lambda);
    EXPECT_EQ(outermostFunction(Lambda), Reads);
    EXPECT_EQ(outermostFunction(Reads->getParamDecl(0)), Reads);
    Parents.focus(Lambda);
    ASSERT_EQ(scope(Ctx).size(), 1u);
    EXPECT_EQ(scope(Ctx).front(), Reads);
    EXPECT_FALSE(Ctx.getParents(*First).empty());
    // The local class's method is in `reads` too.
    EXPECT_FALSE(Ctx.getParents(*Second).empty());
    // Outside any function: the unit's own scope.
    const auto *Namespace = findFirst<NamespaceDecl>(namespaceDecl(), Ctx);
    EXPECT_EQ(outermostFunction(Namespace), nullptr);
    Parents.focus(Namespace);
    EXPECT_EQ(scope(Ctx), Before);
    Parents.focus(Reads);
  }
  EXPECT_EQ(scope(Ctx), Before);
}

TEST(FunctionParentsTest, InstantiationsAreKnownByTheirContext) {
  auto AST = parseCode(R"cpp(
template <class T> int f(T t) { int local = 0; return local + int(t); }
template <class T> struct S { void m() { int member_local = 0; (void)member_local; } };
int use() { S<int>().m(); return f(1); }
)cpp");
  ASTContext &Ctx = AST->getASTContext();
  const auto *InInstance =
      findFirst<VarDecl>(varDecl(hasName("local"), isInstantiated()), Ctx);
  const auto *InTemplate = findFirst<VarDecl>(
      varDecl(hasName("local"), unless(isInstantiated())), Ctx);
  const auto *InMember = findFirst<VarDecl>(
      varDecl(hasName("member_local"), isInstantiated()), Ctx);
  ASSERT_TRUE(InInstance && InTemplate && InMember);
  EXPECT_TRUE(isInInstantiation(InInstance));
  EXPECT_TRUE(isInInstantiation(InMember));
  EXPECT_FALSE(isInInstantiation(InTemplate));
}

TEST(SightingsTest, HoldsTheDeclarationsAroundAReadAndAllOfItsFile) {
  auto AST = parseCode(Code);
  ASTContext &Ctx = AST->getASTContext();
  const SourceManager &SM = Ctx.getSourceManager();
  const auto *First = findFirst<MemberExpr>(
      memberExpr(member(hasName("first")), isExpansionInMainFile()), Ctx);
  const auto *Helper =
      findFirst<FunctionDecl>(functionDecl(hasName("helper")), Ctx);
  const auto *Pair =
      findFirst<CXXRecordDecl>(cxxRecordDecl(hasName("::std::pair")), Ctx);
  ASSERT_TRUE(First && Helper && Pair);
  Sightings None;
  EXPECT_TRUE(None.empty());
  EXPECT_FALSE(None.holds(Helper, SM));
  Sightings Seen;
  Seen.add(First->getBeginLoc(), SM);
  EXPECT_FALSE(Seen.empty());
  // The read's own file, all of it: `helper` holds no read but is there.
  EXPECT_TRUE(Seen.holds(Helper, SM));
  // A header without a read is not entered.
  EXPECT_FALSE(Seen.holds(Pair, SM));
}

} // namespace
} // namespace clang::tidy::structify
