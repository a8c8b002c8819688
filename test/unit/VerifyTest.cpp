//===--- VerifyTest.cpp - which function a compile error is blamed on
//-------===//

#include "refactor/Verify.h"
#include "gtest/gtest.h"

namespace structify {
namespace {

TEST(Blame, TheNearestEditInTheNewText) {
  // Two functions' edits in one file: f's at 10 (+5 bytes), g's at 100.
  const std::vector<EditOrigin> Origins = {{"/a.h", 10, 0, 5, "f"},
                                           {"/a.h", 100, 3, 3, "g"},
                                           {"/b.h", 0, 0, 1, "h"}};
  EXPECT_EQ(blame(Origins, "/a.h", 12), "f");
  // Offset 104 of the new text is inside g's edit (shifted by f's 5 bytes).
  EXPECT_EQ(blame(Origins, "/a.h", 104), "g");
  EXPECT_EQ(blame(Origins, "/a.h", 60), "f");
  EXPECT_EQ(blame(Origins, "/c.h", 60), "");
}

} // namespace
} // namespace structify
