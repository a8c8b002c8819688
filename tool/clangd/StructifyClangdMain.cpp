//===--- StructifyClangdMain.cpp - clangd with the structify checks -------===//
//
// An editor's session runs through the proxy (RefactorProxy.h), which starts
// this executable again, with STRUCTIFY_CLANGD_CHILD set, as the clangd
// behind it. Everything else (--version, --help, --check, ...) and the child
// run clangd itself.
//
//===----------------------------------------------------------------------===//

#include "RefactorProxy.h"
#include "llvm/ADT/StringRef.h"
#include "llvm/Config/llvm-config.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/Program.h"
#include "llvm/Support/raw_ostream.h"
#include <cstdlib>

namespace clang::clangd {
// Defined in clangd's own library (libclangdMain); clangd ships no header for
// it.
int clangdMain(int argc, char *argv[]);
} // namespace clang::clangd

namespace {

/// Does this run serve an editor over LSP (and not print and exit)?
bool servesAnEditor(int Argc, char *Argv[]) {
  if (std::getenv(structify::lsp::ChildVariable))
    return false;
  if (const char *Proxy = std::getenv("STRUCTIFY_CLANGD_PROXY");
      Proxy && llvm::StringRef(Proxy) == "0")
    return false;
  for (int I = 1; I < Argc; ++I) {
    const llvm::StringRef Arg = Argv[I];
    if (Arg.starts_with("--help") || Arg.starts_with("-help") ||
        Arg == "--version" || Arg == "-version" || Arg.starts_with("--check") ||
        Arg.starts_with("-check") || Arg.starts_with("--print-options"))
      return false;
  }
  return true;
}

/// The structify driver: $STRUCTIFY_DRIVER, else beside this executable
/// (installed), else in the build tree's tool/structify/, else on PATH.
std::string findDriver(const std::string &Self) {
  if (const char *Given = std::getenv("STRUCTIFY_DRIVER"); Given && *Given)
    return Given;
  const llvm::StringRef Dir = llvm::sys::path::parent_path(Self);
  for (const std::string &Candidate :
       {(Dir + "/structify").str(), (Dir + "/structify/structify").str()})
    if (llvm::sys::fs::can_execute(Candidate) &&
        !llvm::sys::fs::is_directory(Candidate))
      return Candidate;
  if (auto Found = llvm::sys::findProgramByName("structify"))
    return *Found;
  return "structify";
}

} // namespace

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
  if (!servesAnEditor(argc, argv))
    return clang::clangd::clangdMain(argc, argv);

  structify::lsp::ProxyOptions Options;
  const std::string Self = llvm::sys::fs::getMainExecutable(
      argv[0], reinterpret_cast<void *>(&main));
  Options.ServerArgv.push_back(Self);
  for (int I = 1; I < argc; ++I) {
    llvm::StringRef Arg = argv[I];
    Options.ServerArgv.push_back(Arg.str());
    if (Arg.consume_front("--compile-commands-dir="))
      Options.CompileCommandsDir = Arg.str();
    else if (Arg == "--compile-commands-dir" && I + 1 < argc)
      Options.CompileCommandsDir = argv[I + 1];
  }
  Options.Structify = findDriver(Self);
  if (const char *Config = std::getenv("STRUCTIFY_CONFIG_FILE"))
    Options.ConfigFile = Config;
  if (const char *Wait = std::getenv("STRUCTIFY_CLANGD_PLAN_WAIT"))
    Options.PlanWaitSeconds = std::strtod(Wait, nullptr);
  return structify::lsp::runProxy(Options);
}
