//===--- RefactorProxy.h - structify's code action in front of clangd -----===//
//
// structify-clangd speaks LSP to the editor and runs the stock clangd (itself,
// started again as a child) behind it. Every message passes through
// unchanged, except:
//   - `initialize`'s answer also lists structify's command;
//   - `textDocument/codeAction`'s answer also holds "Return a named struct"
//     on a function the project's plan (`structify plan`, run in the
//     background, like clangd's own index) flags: at a declaration, the
//     definition or a call (clangd's `textDocument/symbolInfo` says which
//     function is there);
//   - `workspace/executeCommand` of that command runs `structify fix --only
//     <usr> --edits-json` (verified in memory, nothing written), and sends the
//     editor the new text as one `workspace/applyEdit`, with work-done
//     progress meanwhile, or one message saying why not.
// Why a proxy and not a clangd tweak: Debian ships clangd's libraries but not
// its internal headers (Tweak.h and the rest), which change between majors;
// the protocol does not. See docs/guides/editors.md.
//
//===----------------------------------------------------------------------===//

#ifndef STRUCTIFY_CLANGD_REFACTORPROXY_H
#define STRUCTIFY_CLANGD_REFACTORPROXY_H

#include <string>
#include <vector>

namespace structify::lsp {

inline constexpr const char *RewriteCommand = "structify.rewriteFunction";
/// Set in the child's environment: it runs clangd itself.
inline constexpr const char *ChildVariable = "STRUCTIFY_CLANGD_CHILD";

struct ProxyOptions {
  /// The server to start: this executable and its arguments.
  std::vector<std::string> ServerArgv;
  /// The structify driver.
  std::string Structify;
  /// clangd's --compile-commands-dir, if given.
  std::string CompileCommandsDir;
  /// The clang-tidy configuration the driver reads instead of .clang-tidy
  /// files ($STRUCTIFY_CONFIG_FILE), if given.
  std::string ConfigFile;
  /// How long a code action waits for a plan still being made.
  double PlanWaitSeconds = 5;
};

/// Runs the proxy on stdin and stdout; the server's exit code.
int runProxy(const ProxyOptions &Options);

} // namespace structify::lsp

#endif
