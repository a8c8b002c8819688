// Preloaded into the stock clang-tidy by the plugin tests, this library makes
// the host answer LLVMGetVersion as an LLVM from another release would.
extern "C" void LLVMGetVersion(unsigned *Major, unsigned *Minor, unsigned *Patch) {
  *Major = 21;
  *Minor = 1;
  *Patch = 0;
}
