//===--- PlacementTest.cpp - where a declaration begins, as written -------===//

#include "model/tuplereturn/Placement.h"
#include "ParseCode.h"
#include "clang/AST/DeclCXX.h"
#include "clang/ASTMatchers/ASTMatchers.h"
#include "clang/Lex/Lexer.h"
#include "gtest/gtest.h"
#include <utility>

namespace clang::tidy::structify {
namespace {
using namespace clang::ast_matchers;
using ::structify::test::findFirst;
using ::structify::test::lineFrom;
using ::structify::test::parseCode;

/// The source line from where \p D begins as written, `<invalid>` when it
/// has no such place; macros are known only \p WithPreprocessor.
std::string startOf(ASTUnit &AST, const Decl *D, bool WithPreprocessor = true) {
  if (!D)
    return "<no declaration>";
  FileTokens Tokens(AST.getSourceManager(), AST.getLangOpts(),
                    WithPreprocessor ? &AST.getPreprocessor() : nullptr);
  return lineFrom(writtenDeclarationStart(D, Tokens), AST.getSourceManager());
}

std::string startOfFunction(ASTUnit &AST, llvm::StringRef Name,
                            bool WithPreprocessor = true) {
  return startOf(
      AST,
      findFirst<FunctionDecl>(functionDecl(hasName(Name)), AST.getASTContext()),
      WithPreprocessor);
}

constexpr llvm::StringLiteral Macros = R"(#include <utility>
#define LIB_EXPORT
#define LIB_API __attribute__((visibility("default")))
#define LIB_DEPRECATED(msg) [[deprecated(msg)]]
#define PAIR_OF_INT std::pair<int, int>
#define DECLARE(name) std::pair<int, int> name();
#define BEGIN_NS namespace ns {
#define END_NS }
)";

TEST(Placement, FileTokensKeepCommentsAndMarkDirectives) {
  auto AST = parseCode(R"(#define ONE 1
#define LONG_ONE \
  2
int x = ONE; // trailing
)");
  ASSERT_TRUE(AST);
  const SourceManager &SM = AST->getSourceManager();
  FileTokens Tokens(SM, AST->getLangOpts(), nullptr);
  EXPECT_EQ(&Tokens.sourceManager(), &SM);
  EXPECT_EQ(Tokens.preprocessor(), nullptr);
  const FileTokens::LexedFile &File = Tokens.of(SM.getMainFileID());
  ASSERT_EQ(File.Tokens.size(), File.Directive.size());
  std::vector<std::pair<std::string, bool>> Seen;
  for (size_t I = 0; I < File.Tokens.size(); ++I)
    Seen.emplace_back(
        Lexer::getSpelling(File.Tokens[I], SM, AST->getLangOpts()),
        File.Directive[I]);
  const std::vector<std::pair<std::string, bool>> Expected = {
      {"#", true},    {"define", true},      {"ONE", true},      {"1", true},
      {"#", true},    {"define", true},      {"LONG_ONE", true}, {"2", true},
      {"int", false}, {"x", false},          {"=", false},       {"ONE", false},
      {";", false},   {"// trailing", false}};
  EXPECT_EQ(Seen, Expected);
  EXPECT_TRUE(File.Tokens.back().is(tok::comment));
  EXPECT_TRUE(File.Tokens[2].is(tok::raw_identifier));
  // Each file is lexed once.
  EXPECT_EQ(&Tokens.of(SM.getMainFileID()), &File);
}

TEST(Placement, PlainDeclarationStartsAtItsType) {
  auto AST = parseCode((Macros + R"(
int x; // about x
std::pair<int, int> plain();

// Not about the next one.

std::pair<int, int> after_blank();
#ifdef SOMETHING
#endif // SOMETHING
std::pair<int, int> after_directive();
)")
                           .str());
  ASSERT_TRUE(AST);
  EXPECT_EQ(startOfFunction(*AST, "plain"), "std::pair<int, int> plain();");
  EXPECT_EQ(startOfFunction(*AST, "after_blank"),
            "std::pair<int, int> after_blank();");
  EXPECT_EQ(startOfFunction(*AST, "after_directive"),
            "std::pair<int, int> after_directive();");
}

TEST(Placement, StartIsBeforeTheCommentBlockRightAbove) {
  auto AST = parseCode((Macros + R"(
int x;

/// Bounds of the thing.
/// Second line.
std::pair<int, int> documented();
/* A block comment. */
std::pair<int, int> block_documented();
)")
                           .str());
  ASSERT_TRUE(AST);
  EXPECT_EQ(startOfFunction(*AST, "documented"), "/// Bounds of the thing.");
  EXPECT_EQ(startOfFunction(*AST, "block_documented"),
            "/* A block comment. */");
}

TEST(Placement, StartIsBeforeAttributesAndSpecifiers) {
  auto AST = parseCode((Macros + R"(
[[nodiscard]] static inline std::pair<int, int> attributed();
__attribute__((pure)) extern std::pair<int, int> gnu_attributed();
constexpr std::pair<int, int> constant() { return {1, 2}; }
)")
                           .str());
  ASSERT_TRUE(AST);
  EXPECT_EQ(startOfFunction(*AST, "attributed"),
            "[[nodiscard]] static inline std::pair<int, int> attributed();");
  EXPECT_EQ(
      startOfFunction(*AST, "gnu_attributed"),
      "__attribute__((pure)) extern std::pair<int, int> gnu_attributed();");
  EXPECT_EQ(startOfFunction(*AST, "constant"),
            "constexpr std::pair<int, int> constant() { return {1, 2}; }");
}

TEST(Placement, StartIsBeforeTheTemplateHeader) {
  auto AST = parseCode((Macros + R"(
// Twice the value.
template <class T>
inline std::pair<T, T> twice(T value) { return {value, value}; }
int y;
template <class T> std::pair<T, T> same_line(T);
)")
                           .str());
  ASSERT_TRUE(AST);
  EXPECT_EQ(startOfFunction(*AST, "twice"), "// Twice the value.");
  EXPECT_EQ(startOfFunction(*AST, "same_line"),
            "template <class T> std::pair<T, T> same_line(T);");
}

TEST(Placement, StartIsBeforeMacrosWhereAttributesGo) {
  auto AST = parseCode((Macros + R"(
LIB_EXPORT std::pair<int, int> exported();
LIB_API std::pair<int, int> api();
LIB_DEPRECATED("use api") std::pair<int, int> deprecated_one();
/// Spelled through a macro.
PAIR_OF_INT spelled_by_macro();
)")
                           .str());
  ASSERT_TRUE(AST);
  EXPECT_EQ(startOfFunction(*AST, "exported"),
            "LIB_EXPORT std::pair<int, int> exported();");
  EXPECT_EQ(startOfFunction(*AST, "api"), "LIB_API std::pair<int, int> api();");
  EXPECT_EQ(
      startOfFunction(*AST, "deprecated_one"),
      "LIB_DEPRECATED(\"use api\") std::pair<int, int> deprecated_one();");
  EXPECT_EQ(startOfFunction(*AST, "spelled_by_macro"),
            "/// Spelled through a macro.");
  // Without the preprocessor, no identifier is known as a macro: the macro
  // that expands to nothing is not part of the declaration.
  EXPECT_EQ(startOfFunction(*AST, "exported", /*WithPreprocessor=*/false),
            "std::pair<int, int> exported();");
}

TEST(Placement, MacrosThatWriteTheDeclarationOrOpenAScopeAreNotPrefixes) {
  auto AST = parseCode((Macros + R"(
DECLARE(declared_by_macro)
BEGIN_NS
std::pair<int, int> in_namespace();
END_NS
)")
                           .str());
  ASSERT_TRUE(AST);
  EXPECT_EQ(startOfFunction(*AST, "declared_by_macro"), "<invalid>");
  EXPECT_EQ(startOfFunction(*AST, "in_namespace"),
            "std::pair<int, int> in_namespace();");
}

TEST(Placement, MembersAndClassesStartTheirOwnWay) {
  auto AST = parseCode((Macros + R"(
/// A widget.
class LIB_EXPORT Widget {
public:
  int size_;
  // The last bounds.
  alignas(8) std::pair<int, int> last_;
  mutable std::pair<int, int> cached_;
};
)")
                           .str());
  ASSERT_TRUE(AST);
  ASTContext &Ctx = AST->getASTContext();
  EXPECT_EQ(
      startOf(*AST, findFirst<FieldDecl>(fieldDecl(hasName("last_")), Ctx)),
      "// The last bounds.");
  EXPECT_EQ(
      startOf(*AST, findFirst<FieldDecl>(fieldDecl(hasName("cached_")), Ctx)),
      "mutable std::pair<int, int> cached_;");
  EXPECT_EQ(
      startOf(*AST, findFirst<CXXRecordDecl>(
                        cxxRecordDecl(hasName("Widget"), isDefinition()), Ctx)),
      "/// A widget.");
}

} // namespace
} // namespace clang::tidy::structify
