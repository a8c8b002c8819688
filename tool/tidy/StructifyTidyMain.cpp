//===--- StructifyTidyMain.cpp - clang-tidy with the structify checks -----===//

#include "clang-tidy/tool/ClangTidyMain.h"
#include "llvm/Config/llvm-config.h"
#include "llvm/Support/CommandLine.h"
#include "llvm/Support/raw_ostream.h"

int main(int argc, const char **argv) {
  // clang-tidy's --version prints LLVM's version; say which structify this is.
  llvm::cl::AddExtraVersionPrinter([](llvm::raw_ostream &OS) {
    OS << "structify-tidy " STRUCTIFY_VERSION " (structify checks, built with "
          "LLVM " LLVM_VERSION_STRING ")\n";
  });
  return clang::tidy::clangTidyMain(argc, argv);
}
