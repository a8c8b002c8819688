//===--- CommandAdapterTest.cpp - compile commands clang can run ----------===//

#include "database/CommandAdapter.h"
#include "llvm/Config/llvm-config.h"
#include "llvm/Support/MemoryBuffer.h"
#include "gtest/gtest.h"

namespace structify {
namespace {

using Args = std::vector<std::string>;

/// An adapter over an in-memory file system whose PCH files are what
/// \p Pchs says (absent: missing).
class AdapterTest : public ::testing::Test {
protected:
  AdapterTest()
      : FS(llvm::makeIntrusiveRefCnt<llvm::vfs::InMemoryFileSystem>()) {}

  void addFile(llvm::StringRef Path, llvm::StringRef Text = "") {
    FS->addFile(Path, 0, llvm::MemoryBuffer::getMemBuffer(Text));
  }

  AdaptedCommand adapt(const Args &Command, bool UsePch = true) {
    AdapterOptions Options;
    Options.UsePch = UsePch;
    Options.FS = FS;
    Options.ProbePch = [this](llvm::StringRef Path) {
      auto It = Pchs.find(Path.str());
      return It == Pchs.end() ? PchState::Missing : It->second;
    };
    return CommandAdapter(Options).adapt(Command, "/build");
  }

  llvm::IntrusiveRefCntPtr<llvm::vfs::InMemoryFileSystem> FS;
  std::map<std::string, PchState> Pchs;
};

Args gxx(Args Middle) {
  Args Command{"/usr/bin/g++", "--driver-mode=g++"};
  Command.insert(Command.end(), Middle.begin(), Middle.end());
  Command.insert(Command.end(), {"-c", "/src/a.cpp"});
  return Command;
}

TEST_F(AdapterTest, KeepsWhatClangKnows) {
  const Args Command =
      gxx({"-O2", "-Wall", "-DX=1", "-I", "/inc", "-std=c++17",
           "-fno-delete-null-pointer-checks", "-fstack-usage", "-o", "a.o",
           "-Wl,--as-needed", "-Wno-error=shadow"});
  AdaptedCommand A = adapt(Command);
  EXPECT_EQ(A.Arguments, Command);
  EXPECT_TRUE(A.Changes.empty());
  EXPECT_FALSE(A.MakesPch);
}

TEST_F(AdapterTest, DropsGccOnlyOptions) {
  AdaptedCommand A = adapt(gxx({"-fno-canonical-system-headers", "-O2",
                                "-fconcepts-diagnostics-depth=2"}));
  EXPECT_EQ(A.Arguments, gxx({"-O2"}));
  ASSERT_EQ(A.Changes.size(), 2u);
  EXPECT_EQ(A.Changes[0].Reason, ChangeReason::GccOnly);
  EXPECT_EQ(A.Changes[0].Removed, "-fno-canonical-system-headers");
  EXPECT_EQ(A.Changes[1].Removed, "-fconcepts-diagnostics-depth=2");
  EXPECT_EQ(describe(A.Changes[0]),
            "dropped '-fno-canonical-system-headers' (gcc-only)");
}

TEST_F(AdapterTest, DropsOptionsClangDoesNotKnow) {
  AdaptedCommand A = adapt(gxx({"-fnobody-has-this-option", "-DKEEP"}));
  EXPECT_EQ(A.Arguments, gxx({"-DKEEP"}));
  ASSERT_EQ(A.Changes.size(), 1u);
  EXPECT_EQ(A.Changes[0].Reason, ChangeReason::UnknownToClang);
  EXPECT_EQ(describe(A.Changes[0]),
            "dropped '-fnobody-has-this-option' (unknown to clang " +
                std::to_string(LLVM_VERSION_MAJOR) + ")");
}

TEST_F(AdapterTest, DropsGccValuesOfOptionsClangKnows) {
  AdaptedCommand A =
      adapt(gxx({"-mrecord-mcount", "-finput-charset=latin1",
                 "-finput-charset=UTF-8", "-fsanitize=bounds-strict"}));
  EXPECT_EQ(A.Arguments, gxx({"-finput-charset=UTF-8"}));
  ASSERT_EQ(A.Changes.size(), 3u);
  for (const CommandChange &C : A.Changes)
    EXPECT_EQ(C.Reason, ChangeReason::GccOnly);
}

TEST_F(AdapterTest, WarningsStayWarnings) {
  AdaptedCommand A = adapt(gxx({"-Wall", "-Werror", "-Werror=shadow",
                                "-pedantic-errors", "-Wno-error=unused"}));
  EXPECT_EQ(A.Arguments,
            gxx({"-Wall", "-Wshadow", "-pedantic", "-Wno-error=unused"}));
  ASSERT_EQ(A.Changes.size(), 3u);
  EXPECT_EQ(describe(A.Changes[0]),
            "dropped '-Werror' (clang's warnings must not fail the analysis)");
  EXPECT_EQ(A.Changes[1].Added, "-Wshadow");
  EXPECT_EQ(A.Changes[2].Added, "-pedantic");
}

TEST_F(AdapterTest, NothingWritesFiles) {
  AdaptedCommand A = adapt(gxx({"-save-temps", "-Wp,-MD,a.d", "-ftime-trace"}));
  EXPECT_EQ(A.Arguments, gxx({}));
  ASSERT_EQ(A.Changes.size(), 3u);
  EXPECT_EQ(A.Changes[1].Reason, ChangeReason::WritesFiles);
}

TEST_F(AdapterTest, ValuesAreNotOptions) {
  // "-Werror" here is the name of a macro's value and of an output file.
  const Args Command = gxx({"-D", "-Werror", "-o", "-fconcepts"});
  EXPECT_EQ(adapt(Command).Arguments, Command);
}

// CMake with clang: -Xclang -include-pch -Xclang X.pch, then the header.
Args cmakeClangPch() {
  return {"/usr/bin/clang++",
          "-Winvalid-pch",
          "-Xclang",
          "-include-pch",
          "-Xclang",
          "/build/cmake_pch.hxx.pch",
          "-Xclang",
          "-include",
          "-Xclang",
          "/build/cmake_pch.hxx",
          "-c",
          "/src/a.cpp"};
}

TEST_F(AdapterTest, MissingPchIsReadAsItsHeader) {
  addFile("/build/cmake_pch.hxx");
  AdaptedCommand A = adapt(cmakeClangPch());
  EXPECT_EQ(A.Arguments,
            Args({"/usr/bin/clang++", "-Winvalid-pch", "-Xclang", "-include",
                  "-Xclang", "/build/cmake_pch.hxx", "-c", "/src/a.cpp"}));
  ASSERT_EQ(A.Changes.size(), 1u);
  EXPECT_EQ(A.Changes[0].Reason, ChangeReason::PchMissing);
  EXPECT_EQ(A.Changes[0].Removed,
            "-Xclang -include-pch -Xclang /build/cmake_pch.hxx.pch");
  EXPECT_TRUE(A.Changes[0].Added.empty());
}

TEST_F(AdapterTest, PchWithoutIncludeGetsItsHeader) {
  addFile("/build/pre.h");
  Pchs["/build/pre.h.pch"] = PchState::OtherClang;
  AdaptedCommand A =
      adapt({"clang++", "-include-pch", "pre.h.pch", "-c", "a.cpp"});
  EXPECT_EQ(A.Arguments, Args({"clang++", "-Xclang", "-include", "-Xclang",
                               "pre.h", "-c", "a.cpp"}));
  ASSERT_EQ(A.Changes.size(), 1u);
  EXPECT_EQ(describe(A.Changes[0]),
            "replaced '-include-pch pre.h.pch' with '-Xclang -include -Xclang "
            "pre.h' (the precompiled header is another clang's)");
}

TEST_F(AdapterTest, UsablePchIsKeptForCheckOnly) {
  addFile("/build/cmake_pch.hxx");
  Pchs["/build/cmake_pch.hxx.pch"] = PchState::Usable;
  EXPECT_EQ(adapt(cmakeClangPch()).Arguments, cmakeClangPch());
  AdaptedCommand Fix = adapt(cmakeClangPch(), /*UsePch=*/false);
  ASSERT_EQ(Fix.Changes.size(), 1u);
  EXPECT_EQ(Fix.Changes[0].Reason, ChangeReason::PchRewritten);
  EXPECT_EQ(Fix.Arguments.size(), cmakeClangPch().size() - 4);
}

TEST_F(AdapterTest, GccPchBesideAHeaderIsNeverRead) {
  // CMake with gcc: -include X, and gcc's X.gch beside it. The driver would
  // probe X.gch; a cc1 -include does not. Every -include moves, in order.
  addFile("/build/cmake_pch.hxx");
  addFile("/build/cmake_pch.hxx.gch");
  AdaptedCommand A = adapt(gxx({"-include", "/build/cmake_pch.hxx", "-DX",
                                "-include", "/src/second.h"}));
  EXPECT_EQ(A.Arguments,
            gxx({"-Xclang", "-include", "-Xclang", "/build/cmake_pch.hxx",
                 "-DX", "-Xclang", "-include", "-Xclang", "/src/second.h"}));
  ASSERT_EQ(A.Changes.size(), 1u);
  EXPECT_EQ(A.Changes[0].Reason, ChangeReason::PchNotClang);
}

// CMake's cmake_pch.hxx makes every header it includes a system header, whose
// findings clang-tidy hides: as text, its headers are included one by one.
constexpr llvm::StringLiteral CMakePchHeader = R"(/* generated by CMake */

#pragma clang system_header
#ifdef __cplusplus
#include <vector>
#include "/src/include/lib.h"
#endif // __cplusplus
)";

TEST_F(AdapterTest, SystemHeaderWrapperIsIncludedHeaderByHeader) {
  addFile("/build/cmake_pch.hxx", CMakePchHeader);
  AdaptedCommand A = adapt(cmakeClangPch());
  EXPECT_EQ(A.Arguments,
            Args({"/usr/bin/clang++", "-Winvalid-pch", "-Xclang", "-include",
                  "-Xclang", "vector", "-Xclang", "-include", "-Xclang",
                  "/src/include/lib.h", "-c", "/src/a.cpp"}));
  ASSERT_EQ(A.Changes.size(), 2u);
  EXPECT_EQ(A.Changes[0].Reason, ChangeReason::PchMissing);
  EXPECT_EQ(A.Changes[1].Reason, ChangeReason::SystemHeaderWrapper);
  EXPECT_EQ(A.Changes[1].Removed,
            "-Xclang -include -Xclang /build/cmake_pch.hxx");

  // gcc's form: a driver -include, with or without gcc's PCH beside it.
  const Args Gcc = gxx({"-include", "/build/cmake_pch.hxx", "-include", "x.h"});
  const Args Expanded =
      gxx({"-Xclang", "-include", "-Xclang", "vector", "-Xclang", "-include",
           "-Xclang", "/src/include/lib.h", "-Xclang", "-include", "-Xclang",
           "x.h"});
  AdaptedCommand Unbuilt = adapt(Gcc);
  EXPECT_EQ(Unbuilt.Arguments, Expanded);
  ASSERT_EQ(Unbuilt.Changes.size(), 1u);
  EXPECT_EQ(Unbuilt.Changes[0].Reason, ChangeReason::SystemHeaderWrapper);
  addFile("/build/cmake_pch.hxx.gch");
  AdaptedCommand Built = adapt(Gcc);
  EXPECT_EQ(Built.Arguments, Expanded);
  ASSERT_EQ(Built.Changes.size(), 2u);
  EXPECT_EQ(Built.Changes[0].Reason, ChangeReason::PchNotClang);
  EXPECT_EQ(Built.Changes[1].Reason, ChangeReason::SystemHeaderWrapper);
}

TEST_F(AdapterTest, WrapperMustOnlyInclude) {
  addFile("/build/cmake_pch.hxx",
          "#pragma clang system_header\n#define X 1\n#include <vector>\n");
  AdaptedCommand A = adapt(gxx({"-include", "/build/cmake_pch.hxx"}));
  EXPECT_TRUE(A.Changes.empty());
  // A file of the working directory would be taken for <vector>.
  addFile("/build/other.hxx", CMakePchHeader);
  addFile("/build/vector");
  EXPECT_TRUE(adapt(gxx({"-include", "/build/other.hxx"})).Changes.empty());
}

TEST_F(AdapterTest, PchThatHidesProjectHeadersIsNotUsed) {
  addFile("/build/cmake_pch.hxx", CMakePchHeader);
  Pchs["/build/cmake_pch.hxx.pch"] = PchState::HidesProjectHeaders;
  AdaptedCommand A = adapt(cmakeClangPch());
  ASSERT_EQ(A.Changes.size(), 2u);
  EXPECT_EQ(A.Changes[0].Reason, ChangeReason::PchHidesProjectHeaders);
  // A usable one is kept, with the wrapper that goes with it.
  Pchs["/build/cmake_pch.hxx.pch"] = PchState::Usable;
  EXPECT_EQ(adapt(cmakeClangPch()).Arguments, cmakeClangPch());
}

TEST_F(AdapterTest, IncludeWithoutPchIsKept) {
  addFile("/build/config.h");
  const Args Command = gxx({"-include", "config.h"});
  AdaptedCommand A = adapt(Command);
  EXPECT_EQ(A.Arguments, Command);
  EXPECT_TRUE(A.Changes.empty());
}

TEST_F(AdapterTest, CommandsThatMakeAPch) {
  EXPECT_TRUE(
      adapt({"/usr/bin/clang++", "-Xclang", "-emit-pch", "-Xclang", "-include",
             "-Xclang", "/build/cmake_pch.hxx", "-x", "c++-header", "-o",
             "cmake_pch.hxx.pch", "-c", "/build/cmake_pch.hxx.cxx"})
          .MakesPch);
  EXPECT_TRUE(adapt(gxx({"-x", "c++-header", "-include", "/build/cmake_pch.hxx",
                         "-o", "cmake_pch.hxx.gch"}))
                  .MakesPch);
  EXPECT_FALSE(adapt(gxx({"-x", "c++", "-o", "a.o"})).MakesPch);
}

TEST_F(AdapterTest, MsvcCommandsAreLeftAlone) {
  const Args Command{"cl.exe", "--driver-mode=cl", "/Yupch.h", "/WX", "a.cpp"};
  EXPECT_EQ(adapt(Command).Arguments, Command);
}

TEST(ChangeSummaryTest, OneNotePerChange) {
  AdaptedCommand A, B, Pch;
  A.Changes = {{ChangeReason::GccOnly, "-fno-canonical-system-headers", ""},
               {ChangeReason::WarningAsError, "-Werror=shadow", "-Wshadow"}};
  B.Changes = {{ChangeReason::GccOnly, "-fno-canonical-system-headers", ""}};
  Pch.MakesPch = true;
  ChangeSummary Summary;
  Summary.add(A);
  Summary.add(B);
  Summary.add(Pch);
  std::string Text;
  llvm::raw_string_ostream OS(Text);
  Summary.print(OS);
  EXPECT_EQ(Text,
            "structify: note: dropped '-fno-canonical-system-headers' "
            "(gcc-only) in 2 units\n"
            "structify: note: replaced '-Werror=shadow' with '-Wshadow' "
            "(clang's warnings must not fail the analysis) in 1 unit\n"
            "structify: note: skipped 1 unit that makes a precompiled header; "
            "the units that include it are analysed\n");
  Text.clear();
  Summary.printTidyConfig(OS);
  EXPECT_NE(Text.find("RemovedArgs: ['-Werror=shadow', "
                      "'-fno-canonical-system-headers']\n"
                      "ExtraArgs: ['-Wshadow']\n"),
            std::string::npos)
      << Text;
}

TEST(ChangeSummaryTest, NothingToSay) {
  ChangeSummary Summary;
  Summary.add(AdaptedCommand());
  EXPECT_TRUE(Summary.empty());
  std::string Text;
  llvm::raw_string_ostream OS(Text);
  Summary.print(OS);
  Summary.printTidyConfig(OS);
  EXPECT_EQ(Text, "");
}

} // namespace
} // namespace structify
