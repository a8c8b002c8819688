//===--- ParseCode.h - the AST of a snippet, for model tests ----*- C++ -*-===//
//
// Unit tests of the model's AST functions parse a few lines of C++ with the
// mock standard headers the check tests use (test/checks/Inputs/Headers),
// find nodes with AST matchers and quote the source at a location.
//
//===----------------------------------------------------------------------===//

#ifndef STRUCTIFY_TEST_UNIT_PARSECODE_H
#define STRUCTIFY_TEST_UNIT_PARSECODE_H

#include "clang/AST/ASTContext.h"
#include "clang/ASTMatchers/ASTMatchFinder.h"
#include "clang/Basic/SourceManager.h"
#include "clang/Frontend/ASTUnit.h"
#include "clang/Tooling/Tooling.h"
#include <memory>
#include <string>
#include <vector>

namespace structify::test {

/// The AST of \p Code as `input.cc` (C++17 unless \p Args says otherwise),
/// or null when it does not compile.
inline std::unique_ptr<clang::ASTUnit>
parseCode(llvm::StringRef Code,
          std::vector<std::string> Args = {"-std=c++17"}) {
  Args.insert(Args.end(),
              {"-nostdinc++", "-isystem", STRUCTIFY_MOCK_STD_HEADERS});
  std::unique_ptr<clang::ASTUnit> AST =
      clang::tooling::buildASTFromCodeWithArgs(Code, Args, "input.cc");
  if (!AST || AST->getDiagnostics().hasErrorOccurred())
    return nullptr;
  return AST;
}

/// The first node \p Matcher matches in \p Ctx, or null.
template <class Node, class Matcher>
const Node *findFirst(const Matcher &M, clang::ASTContext &Ctx) {
  using namespace clang::ast_matchers;
  return selectFirst<Node>("node", match(M.bind("node"), Ctx));
}

/// The source from \p Loc to the end of its line: what a location points
/// at, as a test quotes it. `<invalid>` for an invalid location.
inline std::string lineFrom(clang::SourceLocation Loc,
                            const clang::SourceManager &SM) {
  if (Loc.isInvalid())
    return "<invalid>";
  const auto [File, Offset] = SM.getDecomposedLoc(SM.getFileLoc(Loc));
  const llvm::StringRef Rest = SM.getBufferData(File).drop_front(Offset);
  return Rest.take_until([](char C) { return C == '\n'; }).str();
}

/// The whole line that holds \p Loc.
inline std::string lineAround(clang::SourceLocation Loc,
                              const clang::SourceManager &SM) {
  const auto [File, Offset] = SM.getDecomposedLoc(SM.getFileLoc(Loc));
  const llvm::StringRef Buffer = SM.getBufferData(File);
  const size_t Begin = Buffer.rfind('\n', Offset == 0 ? 0 : Offset - 1);
  const llvm::StringRef Line =
      Buffer.drop_front(Begin == llvm::StringRef::npos ? 0 : Begin + 1);
  return Line.take_until([](char C) { return C == '\n'; }).str();
}

} // namespace structify::test

#endif
