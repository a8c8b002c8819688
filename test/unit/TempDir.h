//===--- TempDir.h - a temporary directory for a test ------------*- C++
//-*-===//

#ifndef STRUCTIFY_TEST_UNIT_TEMPDIR_H
#define STRUCTIFY_TEST_UNIT_TEMPDIR_H

#include "support/Paths.h"
#include "llvm/ADT/SmallString.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/raw_ostream.h"
#include "gtest/gtest.h"
#include <string>

namespace structify {

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

} // namespace structify

#endif
