//===--- PathsTest.cpp - paths: under, relative, canonical, offsets, hashes
//---===//

#include "support/Paths.h"
#include "TempDir.h"
#include "llvm/Support/FileSystem.h"
#include "gtest/gtest.h"

namespace structify {
namespace {

TEST(Paths, UnderAndRelative) {
  EXPECT_TRUE(isUnder("/src/a/b.h", "/src"));
  EXPECT_TRUE(isUnder("/src/a/b.h", "/src/"));
  EXPECT_TRUE(isUnder("/src", "/src"));
  EXPECT_FALSE(isUnder("/srcs/b.h", "/src"));
  EXPECT_FALSE(isUnder("/src/b.h", ""));
  EXPECT_EQ(relativeTo("/src/a/b.h", "/src"), "a/b.h");
  EXPECT_EQ(relativeTo("/src/a/b.h", "/src/"), "a/b.h");
  EXPECT_EQ(relativeTo("/other/b.h", "/src"), "/other/b.h");
  EXPECT_EQ(relativeTo("/srcs/b.h", "/src"), "/srcs/b.h");
}

TEST(Paths, CanonicalPathsResolveLinksAndDots) {
  TempDir Dir;
  const std::string Header = Dir.file("real/include/a.h", "");
  llvm::SmallString<128> Link(Dir.Path);
  llvm::sys::path::append(Link, "link");
  ASSERT_FALSE(llvm::sys::fs::create_link(Dir.Path + "/real", Link));
  // A symlinked root and a `..` detour name the same file.
  EXPECT_EQ(canonicalPath("link/include/../include/a.h", Dir.Path), Header);
  EXPECT_EQ(canonicalPath((Link + "/include/a.h").str()), Header);
  EXPECT_EQ(relativeTo(canonicalPath((Link + "/include/a.h").str()),
                       canonicalPath(Link)),
            "include/a.h");
  // A file that does not exist keeps its name, without the dots.
  EXPECT_EQ(canonicalPath("/no/such/../file.h"), "/no/file.h");
}

TEST(Paths, OffsetsBecomeLinesAndColumns) {
  TempDir Dir;
  const std::string File = Dir.file("a.cpp", "int a;\nint bb;\n\nint c;");
  SourceText Text;
  EXPECT_EQ(Text.describe(File, 0), File + ":1:1");
  EXPECT_EQ(Text.describe(File, 11), File + ":2:5");
  EXPECT_EQ(Text.describe(File, 16, /*Column=*/false), File + ":4");
  EXPECT_EQ(Text.describe(File, 100), File);
  EXPECT_EQ(Text.line(File, 2), "int bb;");
  EXPECT_EQ(Text.describe("/no/such/file", 3), "/no/such/file");
}

TEST(Paths, HashesTellPartsApart) {
  EXPECT_EQ(hashText({"ab", "c"}), hashText({"ab", "c"}));
  EXPECT_NE(hashText({"ab", "c"}), hashText({"a", "bc"}));
  EXPECT_EQ(hashText({"x"}).size(), 32u);
}

} // namespace
} // namespace structify
