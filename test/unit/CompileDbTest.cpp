//===--- CompileDbTest.cpp - parts of a compile database (shards)
//-----------===//

#include "database/CompileDb.h"
#include "gtest/gtest.h"

namespace structify {
namespace {

TEST(Shards, Parsing) {
  EXPECT_EQ(parseShard("2/3")->Index, 2u);
  EXPECT_EQ(parseShard("2/3")->Count, 3u);
  EXPECT_FALSE(parseShard("0/3"));
  EXPECT_FALSE(parseShard("4/3"));
  EXPECT_FALSE(parseShard("a/b"));
  EXPECT_FALSE(parseShard("3"));
}

} // namespace
} // namespace structify
