//===--- HostVersionCheck.cpp - refuse to run inside another LLVM ---------===//
//
// structify-tidy-plugin.so is this file alone. The checks are in
// structify-tidy-checks.so beside it, which borrows every LLVM and Clang
// symbol from the clang-tidy that loads it. A clang-tidy from another LLVM
// release exports the same names with other layouts: there, the checks would
// fail to load (missing symbols: clang-tidy then says "-load request ignored"
// and runs without them) or corrupt memory. This file uses no LLVM symbol, so
// it loads into any clang-tidy; it asks its host which LLVM it is, and loads
// the checks only into the release they were built for. Any other host gets
// one line that says what to use instead, and clang-tidy stops.
//
//===----------------------------------------------------------------------===//

#include "llvm/Config/llvm-config.h"
#include <climits>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <dlfcn.h>
#include <string>

namespace {

using GetVersionFn = void (*)(unsigned *Major, unsigned *Minor,
                              unsigned *Patch);

// The majors structify has packages for (CMakeLists.txt); the package of
// major N puts its plugin in /usr/lib/structify-llvmN/lib
// (cmake/StructifyInstall.cmake).
constexpr unsigned SupportedMajors[] = {STRUCTIFY_SUPPORTED_LLVM_MAJORS};

bool hasPackage(unsigned Major) {
  for (unsigned Supported : SupportedMajors)
    if (Supported == Major)
      return true;
  return false;
}

#define STRUCTIFY_BUILT_FOR                                                    \
  "error: structify-tidy-plugin is built for LLVM %d.%d (clang-tidy-%d), but "

/// Loads structify-tidy-checks.so from this file's own directory (links
/// resolved: PREFIX/lib/structify-tidy-plugin.so may link to the real one).
void loadChecks() {
  Dl_info Self;
  char Real[PATH_MAX];
  if (!dladdr(reinterpret_cast<void *>(&loadChecks), &Self) ||
      !realpath(Self.dli_fname, Real)) {
    std::fprintf(stderr, "error: structify-tidy-plugin cannot find its own "
                         "file, so not the checks beside it\n");
    std::_Exit(1);
  }
  std::string Checks = Real;
  Checks.resize(Checks.rfind('/') + 1);
  Checks += "structify-tidy-checks.so";
  // RTLD_NOW: every symbol the checks use must be the host's, now.
  if (!dlopen(Checks.c_str(), RTLD_NOW | RTLD_LOCAL)) {
    std::fprintf(stderr,
                 "error: structify-tidy-plugin cannot load its checks: %s\n",
                 dlerror());
    std::_Exit(1);
  }
}

__attribute__((constructor)) void checkHostVersion() {
  auto *GetVersion =
      reinterpret_cast<GetVersionFn>(dlsym(RTLD_DEFAULT, "LLVMGetVersion"));
  unsigned Major = 0, Minor = 0, Patch = 0;
  if (GetVersion)
    GetVersion(&Major, &Minor, &Patch);
  if (GetVersion && Major == LLVM_VERSION_MAJOR && Minor == LLVM_VERSION_MINOR)
    return loadChecks();
  const int Built = LLVM_VERSION_MAJOR, BuiltMinor = LLVM_VERSION_MINOR;
  if (!GetVersion)
    std::fprintf(stderr,
                 STRUCTIFY_BUILT_FOR
                 "the program loading it does not report "
                 "an LLVM version; load it from clang-tidy-%d, or run "
                 "structify-tidy\n",
                 Built, BuiltMinor, Built, Built);
  else if (Major == LLVM_VERSION_MAJOR)
    std::fprintf(stderr,
                 STRUCTIFY_BUILT_FOR
                 "the clang-tidy loading it is LLVM "
                 "%u.%u.%u; use the plugin built for that clang-tidy, or run "
                 "structify-tidy\n",
                 Built, BuiltMinor, Built, Major, Minor, Patch);
  else if (hasPackage(Major))
    std::fprintf(stderr,
                 STRUCTIFY_BUILT_FOR
                 "the clang-tidy loading it is LLVM "
                 "%u.%u.%u; load the plugin of the structify-llvm%u package "
                 "instead (/usr/lib/structify-llvm%u/lib/"
                 "structify-tidy-plugin.so), or run structify-tidy-%u\n",
                 Built, BuiltMinor, Built, Major, Minor, Patch, Major, Major,
                 Major);
  else
    std::fprintf(stderr,
                 STRUCTIFY_BUILT_FOR
                 "the clang-tidy loading it is LLVM "
                 "%u.%u.%u, which structify has no package for; run "
                 "clang-tidy-%d, or structify-tidy\n",
                 Built, BuiltMinor, Built, Major, Minor, Patch, Built);
  std::_Exit(1);
}

#undef STRUCTIFY_BUILT_FOR

} // namespace
