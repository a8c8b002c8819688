//===--- ElementBindingTest.cpp - a binding declared next to the reads ----===//
//
// The reads come from collectTupleFacts, as structify-index-access gets
// them: every positional read of the snippet's one object.
//
//===----------------------------------------------------------------------===//

#include "model/indexaccess/ElementBinding.h"
#include "ParseCode.h"
#include "model/Candidates.h"
#include "model/TupleLike.h"
#include "model/UseSites.h"
#include "clang/ASTMatchers/ASTMatchers.h"
#include "gtest/gtest.h"

namespace clang::tidy::structify {

/// A failed expectation names the reason: `ReadInLambda`, not `44`.
void PrintTo(NoFix Kind, std::ostream *OS) { *OS << noFixName(Kind).str(); }

namespace {
using namespace clang::ast_matchers;
using ::structify::test::findFirst;
using ::structify::test::lineAround;
using ::structify::test::lineFrom;
using ::structify::test::parseCode;

constexpr llvm::StringLiteral Prelude = "#include <tuple>\n"
                                        "void draw(int, int);\n";

/// A snippet's AST and its positional element reads.
struct Snippet {
  std::unique_ptr<ASTUnit> AST;
  TupleFacts Facts;
  std::vector<const Use *> Reads;
  Blocker WhyNot;

  ASTContext &context() const { return AST->getASTContext(); }
  const SourceManager &sourceManager() const { return AST->getSourceManager(); }
  std::optional<BindingSite> site() {
    return findBindingSite(Reads, context(), WhyNot);
  }
  /// The body of the function \p Name.
  const Stmt *body(llvm::StringRef Name) {
    const auto *FD = findFirst<FunctionDecl>(
        functionDecl(hasName(Name), isDefinition()), context());
    return FD ? FD->getBody() : nullptr;
  }
};

std::unique_ptr<Snippet> readsOf(llvm::StringRef Code,
                                 llvm::StringRef Standard = "-std=c++17") {
  auto S = std::make_unique<Snippet>();
  S->AST = parseCode((Prelude + Code).str(), {Standard.str()});
  if (!S->AST)
    return nullptr;
  static const TupleLikeTypes Types{parseList(DefaultTupleTypes)};
  const llvm::SmallPtrSet<const FunctionDecl *, 1> NoFunctions;
  S->Facts = collectTupleFacts(S->context(), Types, NoFunctions,
                               /*VisitInstantiations=*/false);
  auto IsRead = [](const Use &U) {
    return U.Kind == UseKind::ElementMember || U.Kind == UseKind::ElementGet;
  };
  for (const auto &[VD, V] : S->Facts.Variables)
    for (const Use &U : V.Uses)
      if (IsRead(U))
        S->Reads.push_back(&U);
  for (const Use &U : S->Facts.OtherAccesses)
    if (IsRead(U))
      S->Reads.push_back(&U);
  return S;
}

TEST(ElementBinding, ParameterIsBoundBeforeTheFirstRead) {
  auto S = readsOf(R"(
void show(const std::pair<int, int> &p) {
  int n = 0;
  draw(n, std::get<1>(p));
  draw(p.first, n);
}
)");
  ASSERT_TRUE(S);
  ASSERT_EQ(S->Reads.size(), 2u);
  const std::optional<BindingSite> Site = S->site();
  ASSERT_TRUE(Site) << S->WhyNot.Reason.str();
  EXPECT_EQ(lineFrom(Site->Insert, S->sourceManager()),
            "draw(n, std::get<1>(p));");
  EXPECT_EQ(Site->Separator, "\n  ");
  EXPECT_EQ(Site->ObjectText, "p");
  EXPECT_TRUE(Site->Const);
  EXPECT_EQ(Site->Block, S->body("show"));
  EXPECT_TRUE(unchanging(*Site, S->context()));
  EXPECT_EQ(bindingDeclaration(*Site, {"width", "height"}),
            "const auto &[width, height] = p;\n  ");
}

TEST(ElementBinding, StatementAfterCodeOnItsLineIsPrecededByASpace) {
  auto S = readsOf(R"(
void show(std::pair<int, int> &p) {
  int n = 0; draw(p.first, p.second);
}
)");
  ASSERT_TRUE(S);
  const std::optional<BindingSite> Site = S->site();
  ASSERT_TRUE(Site) << S->WhyNot.Reason.str();
  EXPECT_EQ(lineFrom(Site->Insert, S->sourceManager()),
            "draw(p.first, p.second);");
  EXPECT_EQ(Site->Separator, " ");
  EXPECT_FALSE(Site->Const);
  EXPECT_EQ(bindingDeclaration(*Site, {"w", "h"}), "auto &[w, h] = p; ");
}

TEST(ElementBinding, ReadsInSiblingBlocksAreBoundInTheBlockAroundThem) {
  auto S = readsOf(R"(
void pick(std::pair<int, int> &p, bool c) {
  int n = 0;
  if (c) {
    draw(p.first, n);
  } else {
    draw(n, p.second);
  }
}
)");
  ASSERT_TRUE(S);
  ASSERT_EQ(S->Reads.size(), 2u);
  const std::optional<BindingSite> Site = S->site();
  ASSERT_TRUE(Site) << S->WhyNot.Reason.str();
  EXPECT_EQ(lineFrom(Site->Insert, S->sourceManager()), "if (c) {");
  EXPECT_EQ(Site->Block, S->body("pick"));
}

TEST(ElementBinding, VariableChangedInTheBlockIsNotUnchanging) {
  auto S = readsOf(R"(
void pick(std::pair<int, int> &p, const std::pair<int, int> &q) {
  draw(p.first, 0);
  p = q;
  draw(0, p.second);
}
)");
  ASSERT_TRUE(S);
  const std::optional<BindingSite> Site = S->site();
  ASSERT_TRUE(Site) << S->WhyNot.Reason.str();
  EXPECT_EQ(lineFrom(Site->Insert, S->sourceManager()), "draw(p.first, 0);");
  EXPECT_FALSE(unchanging(*Site, S->context()));
}

TEST(ElementBinding, SelectedObjectsAreSpelledAsTheBindingReadsThem) {
  auto Indexed = readsOf(R"(
void each(const std::pair<int, int> *items, int i) {
  draw(items[i].first, items[i].second);
}
)");
  ASSERT_TRUE(Indexed);
  std::optional<BindingSite> Site = Indexed->site();
  ASSERT_TRUE(Site) << Indexed->WhyNot.Reason.str();
  EXPECT_EQ(Site->ObjectText, "items[i]");
  EXPECT_TRUE(Site->Const);
  EXPECT_TRUE(unchanging(*Site, Indexed->context()));

  auto Pointer = readsOf(R"(
void each(std::pair<int, int> *p) {
  draw(p->first, p->second);
}
)");
  ASSERT_TRUE(Pointer);
  Site = Pointer->site();
  ASSERT_TRUE(Site) << Pointer->WhyNot.Reason.str();
  EXPECT_EQ(Site->ObjectText, "*p");
  EXPECT_FALSE(Site->Const);
  EXPECT_EQ(bindingDeclaration(*Site, {"lo", "hi"}),
            "auto &[lo, hi] = *p;\n  ");
}

TEST(ElementBinding, ReadInsideALambdaHasNoSite) {
  constexpr llvm::StringLiteral Code = R"(
void later(std::pair<int, int> &p) {
  draw(p.first, 0);
  auto l = [&] { return p.second; };
}
)";
  auto S = readsOf(Code);
  ASSERT_TRUE(S);
  ASSERT_EQ(S->Reads.size(), 2u);
  EXPECT_FALSE(S->site());
  EXPECT_EQ(S->WhyNot.Reason.kind(), NoFix::ReadInLambda);
  EXPECT_EQ(lineAround(S->WhyNot.Loc, S->sourceManager()),
            "  auto l = [&] { return p.second; };");
  // C++20 lambdas capture bindings, but not through a capture list that
  // names the pair: the reason says so, not "before C++20".
  auto Cxx20 = readsOf(Code, "-std=c++20");
  ASSERT_TRUE(Cxx20);
  EXPECT_FALSE(Cxx20->site());
  EXPECT_EQ(Cxx20->WhyNot.Reason.kind(), NoFix::ReadInLambdaCaptures);
}

TEST(ElementBinding, GotoInTheFunctionHasNoSite) {
  auto S = readsOf(R"(
void jump(std::pair<int, int> &p, int n) {
  if (n)
    goto done;
  draw(p.first, p.second);
done:
  return;
}
)");
  ASSERT_TRUE(S);
  EXPECT_FALSE(S->site());
  EXPECT_EQ(S->WhyNot.Reason.kind(), NoFix::Goto);
  EXPECT_EQ(lineAround(S->WhyNot.Loc, S->sourceManager()),
            "  draw(p.first, p.second);");
}

TEST(ElementBinding, NonLocalVariableThroughAPointerHasNoSite) {
  auto S = readsOf(R"(
std::pair<int, int> *current;
void show() {
  draw(current->first, current->second);
}
)");
  ASSERT_TRUE(S);
  ASSERT_EQ(S->Reads.size(), 2u);
  EXPECT_FALSE(S->site());
  EXPECT_EQ(S->WhyNot.Reason.kind(), NoFix::NotLocal);
  EXPECT_EQ(S->WhyNot.Reason.str(),
            "'current' is not local: any call may change it");
}

TEST(ElementBinding, ConditionalFirstReadOfASelectedObjectHasNoSite) {
  auto S = readsOf(R"(
void maybe(std::pair<int, int> *items, int i, bool c) {
  int a = c ? items[i].first : 0;
  draw(a, items[i].second);
}
)");
  ASSERT_TRUE(S);
  EXPECT_FALSE(S->site());
  EXPECT_EQ(S->WhyNot.Reason.kind(), NoFix::ConditionalFirstRead);
  EXPECT_EQ(S->WhyNot.Reason.str(),
            "the first read is conditional: a binding before the "
            "statement would read 'items[i]' where the code does not");
  EXPECT_EQ(lineAround(S->WhyNot.Loc, S->sourceManager()),
            "  int a = c ? items[i].first : 0;");
}

TEST(ElementBinding, ValuesThatAreNotOneObjectHaveNoSite) {
  auto Temporary = readsOf(R"(
void moved(std::pair<int, int> &p) {
  draw(static_cast<std::pair<int, int> &&>(p).first,
       static_cast<std::pair<int, int> &&>(p).second);
}
)");
  ASSERT_TRUE(Temporary);
  ASSERT_EQ(Temporary->Reads.size(), 2u);
  EXPECT_FALSE(Temporary->site());
  EXPECT_EQ(Temporary->WhyNot.Reason.kind(), NoFix::Temporary);

  auto Call = readsOf(R"(
std::pair<int, int> make();
void once() { draw(make().first, 0); }
)");
  ASSERT_TRUE(Call);
  ASSERT_EQ(Call->Reads.size(), 1u);
  EXPECT_FALSE(Call->site());
  EXPECT_EQ(Call->WhyNot.Reason.kind(), NoFix::MadeByCall);
  EXPECT_EQ(Call->WhyNot.Reason.arguments(),
            llvm::ArrayRef<std::string>{"make"});

  auto Unstable = readsOf(R"(
struct Table { std::pair<int, int> &operator[](int); };
void twice(Table &t) { draw(t[0].first, t[0].second); }
)");
  ASSERT_TRUE(Unstable);
  ASSERT_EQ(Unstable->Reads.size(), 2u);
  EXPECT_FALSE(Unstable->site());
  EXPECT_EQ(Unstable->WhyNot.Reason.kind(), NoFix::UnstableObject);
  EXPECT_EQ(Unstable->WhyNot.Reason.str(),
            "'t[0]' may give another value at each read; "
            "store it once in a structured binding");
}

TEST(ElementBinding, ChangeOfWhatPicksTheObjectHasNoSite) {
  auto Index = readsOf(R"(
void step(std::pair<int, int> *items, int i) {
  draw(items[i].first, 0);
  i += 1;
  draw(0, items[i].second);
}
)");
  ASSERT_TRUE(Index);
  ASSERT_EQ(Index->Reads.size(), 2u);
  EXPECT_FALSE(Index->site());
  EXPECT_EQ(Index->WhyNot.Reason.kind(), NoFix::ObjectMayChange);
  EXPECT_EQ(Index->WhyNot.Reason.arguments(),
            llvm::ArrayRef<std::string>{"items[i]"});
  EXPECT_EQ(lineFrom(Index->WhyNot.Loc, Index->sourceManager()), "i += 1;");

  auto Member = readsOf(R"(
struct Queue {
  std::pair<int, int> items_[4];
  void touch();
  void step(int i) {
    draw(items_[i].first, 0);
    touch();
    draw(0, items_[i].second);
  }
};
)");
  ASSERT_TRUE(Member);
  ASSERT_EQ(Member->Reads.size(), 2u);
  EXPECT_FALSE(Member->site());
  EXPECT_EQ(Member->WhyNot.Reason.kind(), NoFix::ObjectMayChange);
  EXPECT_EQ(Member->WhyNot.Reason.arguments(),
            llvm::ArrayRef<std::string>{"items_[i]"});
  EXPECT_EQ(lineFrom(Member->WhyNot.Loc, Member->sourceManager()), "touch();");
}

TEST(ElementBinding, VariableDeclaredByTheReadingStatementHasNoSite) {
  auto S = readsOf(R"(
std::pair<int, int> next(int);
void scan() {
  for (auto span = next(0); span.first != 0; span = next(span.second)) {
  }
}
)");
  ASSERT_TRUE(S);
  ASSERT_EQ(S->Reads.size(), 2u);
  EXPECT_FALSE(S->site());
  EXPECT_EQ(S->WhyNot.Reason.kind(), NoFix::DeclaredByReadingStatement);
  EXPECT_EQ(S->WhyNot.Reason.arguments(), llvm::ArrayRef<std::string>{"span"});
}

TEST(ElementBinding, ReadsInConstructorInitializersHaveNoBlock) {
  auto S = readsOf(R"(
struct Size {
  int w, h;
  Size(const std::pair<int, int> &p) : w(p.first), h(p.second) {}
};
)");
  ASSERT_TRUE(S);
  ASSERT_EQ(S->Reads.size(), 2u);
  EXPECT_FALSE(S->site());
  EXPECT_EQ(S->WhyNot.Reason.kind(), NoFix::NoCommonBlock);
}

TEST(ElementBinding, EvaluatedWheneverFollowsBranchesLoopsAndLambdas) {
  // Each read's line says whether the statement in the body that holds it
  // evaluates it every time.
  auto S = readsOf(R"(
void paths(std::pair<int, int> &p, bool c) {
  draw(p.first, 0); // always
  if (p.second > 0) {} // always
  if (c) draw(p.first, 0); // sometimes
  int x = c && p.second; // sometimes
  int y = p.first > 0 && c; // always
  int z = c ? p.first : 0; // sometimes
  int w = p.second ? 1 : 0; // always
  while (c) draw(p.second, 0); // sometimes
  for (int i = p.first; i < 3; ++i) {} // always
  do { draw(p.second, 0); } while (c); // sometimes
  switch (p.first) { // always
  case 0: draw(p.second, 0); // sometimes
  }
  auto l = [&] { return p.first; }; // sometimes
}
)");
  ASSERT_TRUE(S);
  ASSERT_EQ(S->Reads.size(), 13u);
  for (const Use *Read : S->Reads) {
    const std::string Line = lineAround(Read->Loc, S->sourceManager());
    ASSERT_FALSE(Read->Path.empty()) << Line;
    EXPECT_EQ(Read->Path.front(), S->body("paths")) << Line;
    EXPECT_EQ(isEvaluatedWhenever(Read->Path, 1),
              llvm::StringRef(Line).ends_with("// always"))
        << Line;
    // From the read itself, nothing is between.
    EXPECT_TRUE(isEvaluatedWhenever(Read->Path, Read->Path.size() - 1)) << Line;
  }
}

TEST(ElementBinding, DeclarationSpellsConstNamesAndSeparator) {
  BindingSite Site;
  Site.ObjectText = "new_files_[i]";
  Site.Separator = "\n    ";
  EXPECT_EQ(bindingDeclaration(Site, {"level", "meta"}),
            "auto &[level, meta] = new_files_[i];\n    ");
  Site.Const = true;
  Site.ObjectText = "*it";
  Site.Separator = " ";
  EXPECT_EQ(bindingDeclaration(Site, {"key", "value", "count"}),
            "const auto &[key, value, count] = *it; ");
}

} // namespace
} // namespace clang::tidy::structify
