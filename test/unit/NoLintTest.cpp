//===--- NoLintTest.cpp - the NOLINT forms clang-tidy reads
//-----------------===//

#include "report/NoLint.h"
#include "gtest/gtest.h"

namespace structify {
namespace {

TEST(NoLint, TheFormsClangTidyReads) {
  const char *Text = "int a; // NOLINT\n"                          // 1
                     "int b; // NOLINT(structify-*)\n"             // 2
                     "int c; // NOLINT(readability-*)\n"           // 3
                     "// NOLINTNEXTLINE(structify-tuple-return)\n" // 4
                     "int d;\n"                                    // 5
                     "// NOLINTBEGIN(structify-*)\n"               // 6
                     "int e;\n"                                    // 7
                     "// NOLINTEND(structify-*)\n"                 // 8
                     "int f; // NOLINTX\n";                        // 9
  const llvm::StringRef Check = "structify-tuple-return";
  EXPECT_EQ(noLintLine(Text, 1, Check), 1u);
  EXPECT_EQ(noLintLine(Text, 2, Check), 2u);
  EXPECT_EQ(noLintLine(Text, 3, Check), std::nullopt);
  EXPECT_EQ(noLintLine(Text, 5, Check), 4u);
  EXPECT_EQ(noLintLine(Text, 7, Check), 6u);
  EXPECT_EQ(noLintLine(Text, 9, Check), std::nullopt);
  EXPECT_EQ(noLintLine(Text, 5, "structify-index-access"), std::nullopt);
}

} // namespace
} // namespace structify
