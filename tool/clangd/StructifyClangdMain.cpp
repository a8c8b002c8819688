//===--- StructifyClangdMain.cpp - clangd with the structify checks -------===//

namespace clang::clangd {
// Defined in clangd's own library (libclangdMain); clangd ships no header for it.
int clangdMain(int argc, char *argv[]);
} // namespace clang::clangd

int main(int argc, char *argv[]) { return clang::clangd::clangdMain(argc, argv); }
