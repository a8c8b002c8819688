//===--- MutationTest.cpp - is a variable or an element changed? ----------===//
//
// Mutation answers from the code around each reference and asks clang's
// ExprMutationAnalyzer otherwise: on every snippet both must agree.
//
//===----------------------------------------------------------------------===//

#include "model/Mutation.h"
#include "ParseCode.h"
#include "clang/ASTMatchers/ASTMatchers.h"
#include "clang/Analysis/Analyses/ExprMutationAnalyzer.h"
#include "gtest/gtest.h"

namespace clang::tidy::structify {
namespace {
using namespace clang::ast_matchers;
using ::structify::test::findFirst;
using ::structify::test::parseCode;

constexpr llvm::StringLiteral Prelude = R"(#include <utility>
template <typename A, typename B> bool eq(const A &, const B &);
void take(std::pair<int, int> &);
void look(const std::pair<int, int> &);
void keep(int &);
struct Sink { void put(int); void peek() const; };
struct It {
  It &operator++();
  const std::pair<int, int> *operator->() const;
};
)";

/// Is `v` of the function `f` changed in its body? Mutation's answer and the
/// analyzer's.
std::pair<bool, bool> changed(llvm::StringRef Code) {
  auto AST = parseCode((Prelude + Code).str(), {"-std=c++17"});
  if (!AST)
    return {false, true}; // fails the comparison
  ASTContext &Ctx = AST->getASTContext();
  const auto *F =
      findFirst<FunctionDecl>(functionDecl(hasName("f"), isDefinition()), Ctx);
  const auto *V = findFirst<VarDecl>(varDecl(hasName("v")), Ctx);
  if (!F || !V)
    return {false, true};
  return {Mutation(*F->getBody(), Ctx).isMutated(V),
          ExprMutationAnalyzer(*F->getBody(), Ctx).isMutated(V)};
}

TEST(Mutation, AgreesWithTheAnalyzer) {
  struct Case {
    const char *Code;
    bool Mutated;
  };
  const Case Cases[] = {
      {"void f(It i) { auto v = i; ++v; }", true},
      {"void f(std::pair<int, int> p) { auto v = p; v = p; }", true},
      {"void f() { std::pair<int, int> v; v.first += 2; }", true},
      {"void f() { std::pair<int, int> v; v.second++; }", true},
      {"void f() { std::pair<int, int> v; int n = v.first; eq(v, n); }", false},
      {"void f() { std::pair<int, int> v; look(v); eq(v.second, 1); }", false},
      {"void f() { std::pair<int, int> v; const auto &r = v; eq(r, v); }",
       false},
      {"void f() { std::pair<int, int> v; auto w = v; eq(w, w); }", false},
      {"void f(Sink s) { std::pair<int, int> v; s.put(v.first); }", false},
      {"void f() { std::pair<int, int> v; take(v); }", true},
      {"void f() { std::pair<int, int> v; keep(v.first); }", true},
      {"void f() { std::pair<int, int> v; auto &r = v; r.first = 1; }", true},
      {"void f() { std::pair<int, int> v; [&] { v.first = 1; }(); }", true},
      {"void f() { std::pair<int, int> v; [&] { eq(v, 1); }(); }", true},
      {"void f() { std::pair<int, int> v; int *p = &v.first; *p = 1; }", true},
      {"void f(It i) { auto v = i; eq(v->first, 1); }", false},
  };
  for (const Case &C : Cases) {
    const auto [Ours, Analyzer] = changed(C.Code);
    EXPECT_EQ(Ours, C.Mutated) << C.Code;
    EXPECT_EQ(Ours, Analyzer) << C.Code;
  }
}

TEST(Mutation, AnElementReadIsReadOrChangedByWhatIsAroundIt) {
  auto AST = parseCode((Prelude + R"(
void f(std::pair<int, int> v, Sink s) {
  s.put(v.first);
  v.second = 3;
  keep(v.first);
}
)")
                           .str(),
                       {"-std=c++17"});
  ASSERT_TRUE(AST);
  ASTContext &Ctx = AST->getASTContext();
  const auto *F =
      findFirst<FunctionDecl>(functionDecl(hasName("f"), isDefinition()), Ctx);
  ASSERT_TRUE(F);
  std::vector<const MemberExpr *> Reads;
  for (const BoundNodes &N :
       match(findAll(memberExpr(member(fieldDecl())).bind("m")), *F->getBody(),
             Ctx))
    Reads.push_back(N.getNodeAs<MemberExpr>("m"));
  ASSERT_EQ(Reads.size(), 3u);
  Mutation M(*F->getBody(), Ctx);
  ExprMutationAnalyzer A(*F->getBody(), Ctx);
  for (const MemberExpr *Read : Reads)
    EXPECT_EQ(M.isMutated(Read), A.isMutated(Read));
  EXPECT_FALSE(M.isMutated(Reads[0]));
  EXPECT_TRUE(M.isMutated(Reads[1]));
  EXPECT_TRUE(M.isMutated(Reads[2]));
}

} // namespace
} // namespace clang::tidy::structify
