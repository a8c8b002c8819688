//===--- BaselineTest.cpp - baseline fingerprints
//---------------------------===//

#include "report/Baseline.h"
#include "TempDir.h"
#include "gtest/gtest.h"

namespace structify {
namespace {

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
