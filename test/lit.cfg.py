# lit configuration for structify. CMake writes build/test/lit.site.cfg.py,
# which records where the build put things and then loads this file; run the
# suites through `ctest` (or `lit build/test/<suite>`).
import os
import shlex

import lit.formats

config.name = "structify"
config.test_format = lit.formats.ShTest(execute_external=False)
config.suffixes = [".cpp", ".test"]
config.excludes = ["Inputs", "CMakeLists.txt", "lit.cfg.py", "lit.site.cfg.py"]
config.test_source_root = os.path.dirname(__file__)
config.test_exec_root = config.test_bin_dir

# Tests must not depend on the developer's environment or on the .clang-tidy
# of whatever directory they happen to run in.
config.environment["HOME"] = "/nonexistent"
config.environment["XDG_CONFIG_HOME"] = "/nonexistent"
config.environment["LC_ALL"] = "C"
# Every symbol the plugin needs must resolve at load time, not at first call.
config.environment["LD_BIND_NOW"] = "1"

tools = config.tool_dir
inputs = os.path.join(config.test_source_root, "checks", "Inputs")
runner = os.path.join(config.test_source_root, "check_test.py")
q = shlex.quote

config.substitutions.extend([
    ("%check_structify",
     " ".join([q(config.python), q(runner),
               "--plugin", q(config.structify_plugin),
               "--clang-tidy", q(config.clang_tidy),
               "--structify-tidy", q(os.path.join(tools, "structify-tidy")),
               "--clangxx", q(config.clangxx),
               "--filecheck", q(config.filecheck)])),
    ("%mock_std", "-nostdinc++ -isystem " + q(os.path.join(inputs, "Headers"))),
    ("%plugin", q(config.structify_plugin)),
    ("%fake_llvm_version", q(config.fake_llvm_version)),
    ("%clang_tidy", q(config.clang_tidy)),
    ("%structify_tidy", q(os.path.join(tools, "structify-tidy"))),
    ("%structify_clangd", q(os.path.join(tools, "structify-clangd"))),
    ("%clangd", q(config.clangd)),
    ("%clangxx", q(config.clangxx)),
    ("%lsp", q(config.python) + " " +
     q(os.path.join(config.test_source_root, "clangd", "lsp_session.py"))),
    ("%python", q(config.python)),
    ("%inputs", q(inputs)),
])
# The build directory: test/integration/install.test installs it.
config.substitutions.append(("%structify_obj_root", q(config.structify_obj_root)))
# The structify driver. Last: it is a prefix of the substitutions above.
config.substitutions.append(
    ("%structify", q(os.path.join(tools, "structify", "structify"))))
# FileCheck, not, split-file, count from LLVM's own tools.
config.environment["PATH"] = os.pathsep.join(
    [config.llvm_bin, config.environment.get("PATH", os.environ["PATH"])])
