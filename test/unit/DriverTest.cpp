//===--- DriverTest.cpp - paths, NOLINT, shards, blame, fingerprints ------===//

#include "Baseline.h"
#include "CompileDb.h"
#include "NoLint.h"
#include "Paths.h"
#include "Verify.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/FileUtilities.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/raw_ostream.h"
#include "gtest/gtest.h"

namespace structify {
namespace {

/// A temporary directory, removed at the end of the test.
struct TempDir {
  llvm::SmallString<128> Path;
  TempDir() {
    EXPECT_FALSE(llvm::sys::fs::createUniqueDirectory("structify-unit", Path));
    Path = canonicalPath(Path);
  }
  ~TempDir() { llvm::sys::fs::remove_directories(Path); }
  std::string file(llvm::StringRef Name, llvm::StringRef Text) const {
    llvm::SmallString<128> File(Path);
    llvm::sys::path::append(File, Name);
    llvm::sys::fs::create_directories(llvm::sys::path::parent_path(File));
    std::error_code EC;
    llvm::raw_fd_ostream OS(File, EC);
    OS << Text;
    return std::string(File);
  }
};

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

TEST(NoLint, TheFormsClangTidyReads) {
  const char *Text = "int a; // NOLINT\n"                         // 1
                     "int b; // NOLINT(structify-*)\n"            // 2
                     "int c; // NOLINT(readability-*)\n"          // 3
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

TEST(Shards, Parsing) {
  EXPECT_EQ(parseShard("2/3")->Index, 2u);
  EXPECT_EQ(parseShard("2/3")->Count, 3u);
  EXPECT_FALSE(parseShard("0/3"));
  EXPECT_FALSE(parseShard("4/3"));
  EXPECT_FALSE(parseShard("a/b"));
  EXPECT_FALSE(parseShard("3"));
}

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

TEST(Baseline, FingerprintsSurviveLineMoves) {
  TempDir Dir;
  auto FingerprintOf = [&](llvm::StringRef Text, unsigned Line,
                           llvm::StringRef Message = "'f' returns a pair") {
    const std::string File = Dir.file("a.cpp", Text);
    Results R;
    R.Root = Dir.Path.str().str();
    Finding F;
    F.Diag.DiagnosticName = "structify-tuple-return";
    F.Diag.Message.Message = Message.str();
    F.Diag.Message.FilePath = File;
    F.Line = Line;
    R.Findings.push_back(F);
    SourceText Sources;
    fingerprint(R, Sources);
    return R.Findings.front().Fingerprint;
  };
  const std::string Original =
      FingerprintOf("int x;\nstd::pair<int, int> f();\n", 2);
  // Lines above come and go, the line is reindented: the same finding.
  EXPECT_EQ(FingerprintOf("// new\n\nint x;\n  std::pair<int, int> f();\n", 4),
            Original);
  // Another message, or another line: another finding.
  EXPECT_NE(FingerprintOf("int x;\nstd::pair<int, int> f();\n", 2, "other"),
            Original);
  EXPECT_NE(FingerprintOf("int x;\nstd::pair<int, long> f();\n", 2), Original);
}

} // namespace
} // namespace structify
