//===--- HostVersionCheck.cpp - refuse to run inside another LLVM ---------===//
//
// The plugin links nothing: it borrows every LLVM and Clang symbol from the
// clang-tidy that loads it. A clang-tidy from another LLVM release exports the
// same names with other layouts, so running there would corrupt memory. Before
// any of the plugin's static constructors registers a check, ask the host which
// LLVM it is and stop with a clear message when it is not ours.
//
//===----------------------------------------------------------------------===//

#include "llvm/Config/llvm-config.h"
#include <cstdio>
#include <cstdlib>
#include <dlfcn.h>

namespace {

using GetVersionFn = void (*)(unsigned *Major, unsigned *Minor, unsigned *Patch);

// Priority 101 runs before the unprioritised constructors of this plugin, among
// them the one that registers the structify module with the host.
__attribute__((constructor(101))) void checkHostVersion() {
  auto *GetVersion =
      reinterpret_cast<GetVersionFn>(dlsym(RTLD_DEFAULT, "LLVMGetVersion"));
  unsigned Major = 0, Minor = 0, Patch = 0;
  if (GetVersion)
    GetVersion(&Major, &Minor, &Patch);
  if (GetVersion && Major == LLVM_VERSION_MAJOR && Minor == LLVM_VERSION_MINOR)
    return;
  if (GetVersion)
    std::fprintf(stderr,
                 "error: structify-tidy-plugin was built for LLVM %d.%d, but "
                 "the clang-tidy loading it is LLVM %u.%u.%u; use the plugin "
                 "built for that clang-tidy, or run structify-tidy\n",
                 LLVM_VERSION_MAJOR, LLVM_VERSION_MINOR, Major, Minor, Patch);
  else
    std::fprintf(stderr,
                 "error: structify-tidy-plugin was built for LLVM %d.%d, but "
                 "the program loading it does not report an LLVM version; load "
                 "it from clang-tidy %d, or run structify-tidy\n",
                 LLVM_VERSION_MAJOR, LLVM_VERSION_MINOR, LLVM_VERSION_MAJOR);
  std::_Exit(1);
}

} // namespace
