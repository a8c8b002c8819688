//===--- StructifyClangdMain.cpp - clangd with the structify checks -------===//

#include "llvm/ADT/StringRef.h"
#include "llvm/Config/llvm-config.h"
#include "llvm/Support/raw_ostream.h"

namespace clang::clangd {
// Defined in clangd's own library (libclangdMain); clangd ships no header for
// it.
int clangdMain(int argc, char *argv[]);
} // namespace clang::clangd

int main(int argc, char *argv[]) {
  // clangd's --version prints only clangd's own version (it replaces LLVM's
  // version printer, extra printers included): say which structify this is
  // first.
  for (int I = 1; I < argc; ++I) {
    llvm::StringRef Arg = argv[I];
    if (Arg == "--version" || Arg == "-version") {
      llvm::outs() << "structify-clangd " STRUCTIFY_VERSION
                      " (structify checks, built with LLVM " LLVM_VERSION_STRING
                      ")\n";
      llvm::outs().flush();
      break;
    }
  }
  return clang::clangd::clangdMain(argc, argv);
}
