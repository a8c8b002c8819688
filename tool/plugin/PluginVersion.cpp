//===--- PluginVersion.cpp - the plugin in clang-tidy's --version ---------===//
//
// `clang-tidy --load=structify-tidy-plugin.so --version` prints the host's
// LLVM version and then this line. clang-tidy handles its options in order:
// --load must come before --version. (HostVersionCheck.cpp loads this module
// only into the LLVM it was built for.)
//
//===----------------------------------------------------------------------===//

#include "llvm/Config/llvm-config.h"
#include "llvm/Support/CommandLine.h"
#include "llvm/Support/raw_ostream.h"

namespace {

const bool VersionPrinterAdded = [] {
  llvm::cl::AddExtraVersionPrinter([](llvm::raw_ostream &OS) {
    OS << "structify-tidy-plugin " STRUCTIFY_VERSION
          " (structify checks, built for LLVM " LLVM_VERSION_STRING ")\n";
  });
  return true;
}();

} // namespace
