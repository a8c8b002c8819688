//===--- StructifyTidyMain.cpp - clang-tidy with the structify checks -----===//

#include "clang-tidy/tool/ClangTidyMain.h"

int main(int argc, const char **argv) {
  return clang::tidy::clangTidyMain(argc, argv);
}
