//===--- UnifiedDiffTest.cpp - diffs without diff -------------------------===//

#include "refactor/UnifiedDiff.h"
#include "gtest/gtest.h"

namespace structify {
namespace {

std::string diff(llvm::StringRef Old, llvm::StringRef New,
                 unsigned Context = 3) {
  std::string Text;
  llvm::raw_string_ostream OS(Text);
  writeUnifiedDiff(Old, New, "a/f", "b/f", OS, Context);
  return Text;
}

using Ranges = std::vector<std::pair<unsigned, unsigned>>;

TEST(ChangedRanges, TheNewTextOfChangedLines) {
  EXPECT_EQ(changedRanges("a\nb\nc\n", "a\nb\nc\n"), Ranges());
  // "B\n" at 2..4 of the new text; "c\n" stays.
  EXPECT_EQ(changedRanges("a\nb\nc\n", "a\nB\nc\n"), Ranges({{2, 4}}));
  // Two lines for one, and a line added at the end.
  EXPECT_EQ(changedRanges("a\nb\nc\n", "a\nb1\nb2\nc\nd\n"),
            Ranges({{2, 8}, {10, 12}}));
}

TEST(ChangedRanges, RemovedLinesLeaveAnEmptyRange) {
  EXPECT_EQ(changedRanges("a\nb\nc\n", "a\nc\n"), Ranges({{2, 2}}));
}

TEST(UnifiedDiff, NothingForEqualTexts) {
  EXPECT_EQ(diff("a\nb\n", "a\nb\n"), "");
}

TEST(UnifiedDiff, OneChangedLineWithContext) {
  EXPECT_EQ(
      diff("1\n2\n3\n4\n5\n6\n7\n8\n9\n", "1\n2\n3\n4\nfive\n6\n7\n8\n9\n"),
      "--- a/f\n+++ b/f\n"
      "@@ -2,7 +2,7 @@\n 2\n 3\n 4\n-5\n+five\n 6\n 7\n 8\n");
}

TEST(UnifiedDiff, InsertionAtTheStart) {
  EXPECT_EQ(diff("a\nb\n", "new\na\nb\n"),
            "--- a/f\n+++ b/f\n@@ -1,2 +1,3 @@\n+new\n a\n b\n");
}

TEST(UnifiedDiff, DistantChangesAreSeparateHunks) {
  std::string Old, New;
  for (int I = 1; I <= 20; ++I) {
    Old += std::to_string(I) + "\n";
    New += (I == 2 || I == 19 ? "x" : std::to_string(I)) + "\n";
  }
  EXPECT_EQ(diff(Old, New, 1), "--- a/f\n+++ b/f\n"
                               "@@ -1,3 +1,3 @@\n 1\n-2\n+x\n 3\n"
                               "@@ -18,3 +18,3 @@\n 18\n-19\n+x\n 20\n");
}

TEST(UnifiedDiff, NearChangesShareAHunk) {
  EXPECT_EQ(diff("1\n2\n3\n4\n", "x\n2\n3\ny\n", 1),
            "--- a/f\n+++ b/f\n@@ -1,4 +1,4 @@\n-1\n+x\n 2\n 3\n-4\n+y\n");
}

TEST(UnifiedDiff, MissingNewlineAtTheEnd) {
  EXPECT_EQ(diff("a\nb", "a\nc"),
            "--- a/f\n+++ b/f\n@@ -1,2 +1,2 @@\n a\n-b\n\\ No newline at end "
            "of file\n+c\n\\ No newline at end of file\n");
}

TEST(UnifiedDiff, EverythingRemoved) {
  EXPECT_EQ(diff("a\nb\n", ""), "--- a/f\n+++ b/f\n@@ -1,2 +0,0 @@\n-a\n-b\n");
}

} // namespace
} // namespace structify
