# lit configuration for structify. CMake writes build/test/lit.site.cfg.py,
# which records where the build put things and then loads this file; run the
# suites through `ctest` (or `lit build/test/<suite>`).
import os
import shlex
import subprocess

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

# The LLVM major of this build (STRUCTIFY_LLVM_MAJOR). A test that needs
# something of one major says so: `REQUIRES: llvm-22`, or better the feature
# itself, from the table below (each with the first major that has it), so
# that a new major inherits what it keeps. docs/install.md lists them.
major = int(config.llvm_major)
config.available_features.add("llvm-%d" % major)
features_since = {
    # clang-tidy's RemovedArgs configuration key.
    "clang-tidy-removed-args": 22,
    # clang-tidy reports findings in every non-system header unless
    # HeaderFilterRegex says otherwise (before 22: in none).
    "clang-tidy-headers-by-default": 22,
}
for feature, first in features_since.items():
    if major >= first:
        config.available_features.add(feature)
# The stock clang-tidy of each other supported major installed on this
# machine: `clang-tidy-19` and %clang_tidy_19 (test/plugin/other-major.test).
for entry in filter(None, config.other_clang_tidys.split(";")):
    other, path = entry.split("=", 1)
    config.available_features.add("clang-tidy-" + other)
    config.substitutions.append(("%clang_tidy_" + other, shlex.quote(path)))
# test/integration/package.test installs and removes a structify package for
# real: only as root, and only where none is installed (it would replace it).
if os.geteuid() == 0:
    config.available_features.add("root")
try:
    installed = subprocess.run(
        ["dpkg-query", "-W", "-f=${Status}\n", "structify-llvm*"],
        capture_output=True, text=True).stdout
except OSError:
    installed = "no dpkg"
if "install ok installed" not in installed and installed != "no dpkg":
    config.available_features.add("no-structify-package")

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
    ("%plugin_checks", q(config.structify_plugin_checks)),
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
    ("%llvm_major", str(major)),
    ("%inputs", q(inputs)),
])
# The build directory: test/integration/install.test installs it.
config.substitutions.append(("%structify_obj_root", q(config.structify_obj_root)))
config.substitutions.append(("%structify_src_root", q(config.structify_src_root)))
# The structify driver. Last: it is a prefix of the substitutions above.
config.substitutions.append(
    ("%structify", q(os.path.join(tools, "structify", "structify"))))
# FileCheck, not, split-file, count from LLVM's own tools.
config.environment["PATH"] = os.pathsep.join(
    [config.llvm_bin, config.environment.get("PATH", os.environ["PATH"])])
