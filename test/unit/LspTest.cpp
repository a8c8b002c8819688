//===--- LspTest.cpp - structify-clangd's LSP helpers ---------------------===//

#include "Lsp.h"
#include "gtest/gtest.h"

namespace structify::lsp {
namespace {

std::string show(const llvm::json::Value &V) {
  std::string S;
  llvm::raw_string_ostream(S) << V;
  return S;
}

TEST(Lsp, PositionsCountUtf16CodeUnits) {
  EXPECT_EQ(show(position("ab\ncd", 4)), R"({"character":1,"line":1})");
  // é is two bytes, one code unit; 😀 four bytes, two code units.
  EXPECT_EQ(show(position("\xC3\xA9x", 3)), R"({"character":2,"line":0})");
  EXPECT_EQ(show(position("\xF0\x9F\x98\x80x", 5)),
            R"({"character":3,"line":0})");
  EXPECT_EQ(show(position("ab", 99)), R"({"character":2,"line":0})");
}

TEST(Lsp, OneEditOfWholeLines) {
  EXPECT_EQ(show(textEdit("a\nstd::pair<int, int> f();\nb\n",
                          "a\nstruct R {};\nR f();\nb\n")),
            R"({"newText":"struct R {};\nR f();\n","range":{"end":)"
            R"({"character":0,"line":2},"start":{"character":0,"line":1}}})");
  // Text added at the very start and at the very end.
  EXPECT_EQ(show(textEdit("x\n", "y\nx\n")),
            R"({"newText":"y\n","range":{"end":{"character":0,"line":0},)"
            R"("start":{"character":0,"line":0}}})");
  EXPECT_EQ(show(textEdit("x", "xy")),
            R"({"newText":"xy","range":{"end":{"character":1,"line":0},)"
            R"("start":{"character":0,"line":0}}})");
  EXPECT_EQ(show(textEdit("same\n", "same\n")),
            R"({"newText":"","range":{"end":{"character":0,"line":1},)"
            R"("start":{"character":0,"line":1}}})");
}

TEST(Lsp, UrisAndPaths) {
  EXPECT_EQ(pathToUri("/a b/c+d.h"), "file:///a%20b/c%2Bd.h");
  EXPECT_EQ(uriToPath("file:///a%20b/c%2Bd.h"), "/a b/c+d.h");
  EXPECT_EQ(uriToPath(pathToUri("/x/y_z-1.cpp")), "/x/y_z-1.cpp");
}

} // namespace
} // namespace structify::lsp
