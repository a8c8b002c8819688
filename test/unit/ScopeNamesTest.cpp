//===--- ScopeNamesTest.cpp - names a new local declaration must not take ===//

#include "model/ScopeNames.h"
#include "ParseCode.h"
#include "clang/AST/Decl.h"
#include "clang/AST/Stmt.h"
#include "clang/ASTMatchers/ASTMatchers.h"
#include "gtest/gtest.h"
#include <algorithm>

namespace clang::tidy::structify {
namespace {
using namespace clang::ast_matchers;
using ::structify::test::findFirst;
using ::structify::test::parseCode;

using Names = std::vector<std::string>;

Names sorted(const llvm::StringSet<> &Set) {
  Names Result;
  for (const auto &Entry : Set)
    Result.push_back(Entry.getKey().str());
  llvm::sort(Result);
  return Result;
}

const FunctionDecl *definition(llvm::StringRef Name, ASTContext &Ctx) {
  return findFirst<FunctionDecl>(functionDecl(hasName(Name), isDefinition()),
                                 Ctx);
}

const VarDecl *variable(llvm::StringRef Name, ASTContext &Ctx) {
  return findFirst<VarDecl>(varDecl(hasName(Name)), Ctx);
}

/// The body of the loop whose variable is \p Var.
const Stmt *loopBody(llvm::StringRef Var, ASTContext &Ctx) {
  const auto *Loop = findFirst<ForStmt>(
      forStmt(hasLoopInit(declStmt(hasSingleDecl(varDecl(hasName(Var)))))),
      Ctx);
  return Loop ? Loop->getBody() : nullptr;
}

TEST(ScopeNames, FunctionBodyNamesEverythingItDeclaresAndNames) {
  auto AST = parseCode(R"(
namespace net { struct endpoint {}; }
struct widget {};
template <class T> struct box {};
using alias = int;
int helper(int);
struct Server {
  int member_;
  void method();
  int run(int count, net::endpoint where) {
    widget w;
    box<int> b;
    net::endpoint e;
    alias a = 0;
    int total = helper(count) + member_ + a;
    method();
    return total;
  }
};
)");
  ASSERT_TRUE(AST);
  const FunctionDecl *Run = definition("run", AST->getASTContext());
  ASSERT_TRUE(Run);
  // Not `endpoint` (written after `net::`), nor `run` itself, nor what the
  // signature alone names.
  EXPECT_EQ(sorted(namesUsedIn(Run)),
            (Names{"a", "alias", "b", "box", "count", "e", "helper", "member_",
                   "method", "total", "w", "where", "widget"}));
}

TEST(ScopeNames, FunctionNameIsTakenOnlyWhenTheBodyCallsIt) {
  auto AST = parseCode(R"(
int lower(int x) { return x; }
int fact(int n) { return n ? n * fact(n - 1) : 1; }
)");
  ASSERT_TRUE(AST);
  ASTContext &Ctx = AST->getASTContext();
  EXPECT_EQ(sorted(namesUsedIn(definition("lower", Ctx))), (Names{"x"}));
  EXPECT_EQ(sorted(namesUsedIn(definition("fact", Ctx))), (Names{"fact", "n"}));
}

TEST(ScopeNames, DeclarationWithoutABodyNamesWhatItHolds) {
  auto AST = parseCode(R"(
int lower(int x);
int declared(int count);
int seed = lower(2);
)");
  ASSERT_TRUE(AST);
  ASTContext &Ctx = AST->getASTContext();
  EXPECT_EQ(sorted(namesUsedIn(findFirst<FunctionDecl>(
                functionDecl(hasName("declared")), Ctx))),
            (Names{"count"}));
  EXPECT_EQ(sorted(namesUsedIn(variable("seed", Ctx))), (Names{"lower"}));
}

TEST(ScopeNames, ScopeLeavesOutSiblingBlocksAndLaterDeclarations) {
  auto AST = parseCode(R"(
void use(int);
void loops(int n) {
  int before = 0;
  for (int i = 0; i < n; ++i) {
    int first_only = i;
    use(first_only);
  }
  for (int j = 0; j < n; ++j) {
    int second_only = j + before;
  }
  int after = 0;
}
)");
  ASSERT_TRUE(AST);
  ASTContext &Ctx = AST->getASTContext();
  const FunctionDecl *Loops = definition("loops", Ctx);
  const Stmt *Second = loopBody("j", Ctx);
  ASSERT_TRUE(Loops && Second);
  EXPECT_EQ(sorted(namesUsedIn(Loops, Second)),
            (Names{"before", "j", "n", "second_only"}));
  // The whole body sees everything.
  EXPECT_EQ(sorted(namesUsedIn(Loops)),
            (Names{"after", "before", "first_only", "i", "j", "n",
                   "second_only", "use"}));
}

TEST(ScopeNames, ConstructorInitializersNameTheirArguments) {
  auto AST = parseCode(R"(
int scaled(int);
struct Box {
  int size_;
  Box(int v) : size_(scaled(v)) { int local = 0; }
};
)");
  ASSERT_TRUE(AST);
  const auto *Ctor = findFirst<CXXConstructorDecl>(
      cxxConstructorDecl(ofClass(hasName("Box")), isDefinition(),
                         unless(isImplicit())),
      AST->getASTContext());
  ASSERT_TRUE(Ctor);
  EXPECT_EQ(sorted(namesUsedIn(Ctor)), (Names{"local", "scaled", "v"}));
}

TEST(ScopeNames, OverlapIsByPlaceInTheSource) {
  auto AST = parseCode(R"(
void use(int);
#define TWO_BLOCKS { use(1); } { use(2); }
void places() {
  { use(3); }
  { use(4); }
  TWO_BLOCKS
}
)");
  ASSERT_TRUE(AST);
  ASTContext &Ctx = AST->getASTContext();
  const SourceManager &SM = Ctx.getSourceManager();
  const auto *Body = cast<CompoundStmt>(definition("places", Ctx)->getBody());
  ASSERT_EQ(Body->size(), 4u);
  const Stmt *Third = Body->body_begin()[0];
  const Stmt *Fourth = Body->body_begin()[1];
  const Stmt *FromMacro1 = Body->body_begin()[2];
  const Stmt *FromMacro2 = Body->body_begin()[3];
  const Stmt *Inner = *cast<CompoundStmt>(Third)->body_begin();
  EXPECT_TRUE(overlapInSource(Third, Third, SM));
  EXPECT_TRUE(overlapInSource(Body, Third, SM));
  EXPECT_TRUE(overlapInSource(Inner, Third, SM));
  EXPECT_FALSE(overlapInSource(Third, Fourth, SM));
  EXPECT_FALSE(overlapInSource(Fourth, Third, SM));
  EXPECT_FALSE(overlapInSource(Inner, Fourth, SM));
  // Two blocks of one expansion are both where the macro is expanded.
  EXPECT_TRUE(overlapInSource(FromMacro1, FromMacro2, SM));
  EXPECT_FALSE(overlapInSource(FromMacro1, Fourth, SM));
}

TEST(ScopeNames, OnlyMeaningWhenNothingElseIsSpelledSo) {
  auto AST = parseCode(R"(
int level(int);
struct node {};
void many(int param) {
  {
    int count = 0;
    count += 1;
  }
  {
    int level = 0;
    int n = ::level(level);
  }
  {
    int param = 1;
  }
  {
    int node = 0;
    struct node *p = nullptr;
  }
  {
    int twice = 0;
    { int twice = 1; }
  }
}
)");
  ASSERT_TRUE(AST);
  ASTContext &Ctx = AST->getASTContext();
  const FunctionDecl *Many = definition("many", Ctx);
  ASSERT_TRUE(Many);
  const auto *Body = cast<CompoundStmt>(Many->getBody());
  ASSERT_EQ(Body->size(), 5u);
  auto Only = [&](unsigned Block, llvm::StringRef Name) {
    const auto *Scope = Body->body_begin()[Block];
    const auto *Var = findFirst<VarDecl>(
        varDecl(hasName(Name), hasAncestor(compoundStmt(equalsNode(Scope)))),
        Ctx);
    EXPECT_TRUE(Var) << Name.str();
    return Var && isOnlyMeaningOfName(Many, Scope, Var);
  };
  EXPECT_TRUE(Only(0, "count"));
  EXPECT_FALSE(Only(1, "level")) << "the function `level` is called there";
  EXPECT_FALSE(Only(2, "param")) << "a parameter has the name";
  EXPECT_FALSE(Only(3, "node")) << "a type is spelled so";
  EXPECT_FALSE(Only(4, "twice")) << "another variable has the name";
  // Without a scope or a function, nothing is known.
  EXPECT_FALSE(isOnlyMeaningOfName(Many, nullptr, variable("count", Ctx)));
  EXPECT_FALSE(isOnlyMeaningOfName(nullptr, Body, variable("count", Ctx)));
}

} // namespace
} // namespace clang::tidy::structify
