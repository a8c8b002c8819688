#!/usr/bin/env python3
"""Runs one clang-tidy check test through every structify front end.

    check_test.py [options] SOURCE CHECK TEMP [-- TIDY_ARGS... [-- COMPILER_ARGS...]]

For each front end (the plugin loaded into the stock clang-tidy, and
structify-tidy) it:
  1. writes SOURCE with its `// CHECK-*:` comments blanked to TEMP.<front end>.cpp,
  2. runs the check with --fix on that copy,
  3. FileChecks the diagnostics against CHECK-MESSAGES (warnings and errors)
     and CHECK-NOTES (warnings, errors and notes), with --implicit-check-not so
     that an unexpected warning fails the test; no CHECK-MESSAGES means no
     warning may appear,
  4. FileChecks the fixed file against full-line CHECK-FIXES; no CHECK-FIXES
     means the file must come out unchanged,
  5. compiles the original and the fixed file: a fix that does not compile
     fails the test,
  6. with --run, builds and runs both and compares their output and exit code.
Finally the front ends must agree: the same diagnostics and the same fixed file.
"""

import argparse
import difflib
import os
import re
import shlex
import subprocess
import sys

CHECK_COMMENT = re.compile(r"//\s*CHECK-[A-Z0-9-]*:[^\r\n]*")
DIAG_LINE = re.compile(r"^(.*?):(\d+):(\d+): (warning|error|note): (.*)$")


class TestFailure(Exception):
    pass


def run(cmd, **kwargs):
    return subprocess.run(cmd, stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                          text=True, **kwargs)


def split_args(argv):
    """OPTIONS -- TIDY_ARGS -- COMPILER_ARGS; both `--` parts are optional."""
    if "--" not in argv:
        return argv, [], []
    i = argv.index("--")
    own, rest = argv[:i], argv[i + 1:]
    if "--" not in rest:
        return own, rest, []
    j = rest.index("--")
    return own, rest[:j], rest[j + 1:]


def filecheck(args, source, prefix, text, extra=()):
    cmd = [args.filecheck, source, "--check-prefix=" + prefix,
           "--dump-input=never" if not args.verbose else "--dump-input=fail",
           *extra]
    result = subprocess.run(cmd, input=text, stdout=subprocess.PIPE,
                            stderr=subprocess.STDOUT, text=True)
    if result.returncode != 0:
        raise TestFailure("FileCheck %s failed:\n%s\n--- input ---\n%s" %
                          (prefix, result.stdout, text))


def diagnostics(output, check_name, keep_notes):
    """The diagnostic lines of a clang-tidy run, without source excerpts."""
    lines = []
    for line in output.splitlines():
        m = DIAG_LINE.match(line)
        if not m:
            continue
        if m.group(4) == "note" and (not keep_notes or
                                     m.group(5).startswith("FIX-IT applied")):
            continue
        lines.append(line)
    return "\n".join(lines) + "\n"


def compile_file(args, path, compiler_args, output=None):
    cmd = [args.clangxx, *compiler_args, path]
    cmd += ["-o", output] if output else ["-fsyntax-only"]
    result = run(cmd)
    if result.returncode != 0:
        raise TestFailure("compiling %s failed:\n$ %s\n%s" %
                          (path, shlex.join(cmd), result.stdout))


def run_program(args, path, compiler_args):
    exe = path + ".exe"
    compile_file(args, path, compiler_args, output=exe)
    result = subprocess.run([exe], stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                            text=True, timeout=60)
    return result.returncode, result.stdout


def run_front_end(args, name, command, source_text, check_prefixes,
                  tidy_args, compiler_args):
    temp = "%s.%s.cpp" % (args.temp, name)
    cleaned = CHECK_COMMENT.sub("//", source_text)
    with open(temp, "w") as f:
        f.write(cleaned)
    # An explicit configuration, so that no .clang-tidy around the test counts.
    config = [] if any(a.startswith(("--config", "-config")) for a in tidy_args) \
        else ["--config={}"]
    cmd = [*command, temp, "--fix", "--checks=-*," + args.check, *config,
           *tidy_args, "--", *compiler_args]
    result = run(cmd)
    if args.verbose:
        print("$ " + shlex.join(cmd))
        print(result.stdout)
    if result.returncode != 0 and not args.expect_tidy_failure:
        raise TestFailure("%s exited with %d:\n$ %s\n%s" %
                          (name, result.returncode, shlex.join(cmd), result.stdout))
    messages = diagnostics(result.stdout, args.check, keep_notes=False)
    notes = diagnostics(result.stdout, args.check, keep_notes=True)
    not_any = "--implicit-check-not={{warning|error}}:"
    if "CHECK-MESSAGES" + args.suffix in check_prefixes:
        filecheck(args, args.source, "CHECK-MESSAGES" + args.suffix, messages,
                  [not_any])
    elif "CHECK-NOTES" + args.suffix in check_prefixes:
        pass  # CHECK-NOTES below sees warnings too
    elif "warning:" in messages or "error:" in messages:
        raise TestFailure("%s: unexpected diagnostics (the test has no "
                          "CHECK-MESSAGES%s):\n%s" % (name, args.suffix, messages))
    if "CHECK-NOTES" + args.suffix in check_prefixes:
        filecheck(args, args.source, "CHECK-NOTES" + args.suffix, notes,
                  [not_any + "", "--implicit-check-not={{note}}:"])
    with open(temp) as f:
        fixed = f.read()
    if "CHECK-FIXES" + args.suffix in check_prefixes:
        filecheck(args, args.source, "CHECK-FIXES" + args.suffix, fixed,
                  ["--match-full-lines"])
    elif fixed != cleaned:
        diff = "".join(difflib.unified_diff(cleaned.splitlines(True),
                                            fixed.splitlines(True)))
        raise TestFailure("%s changed the file, but the test has no "
                          "CHECK-FIXES%s:\n%s" % (name, args.suffix, diff))
    if not args.no_compile:
        compile_file(args, temp, compiler_args)
    return messages, notes, cleaned, fixed, temp


def main():
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--plugin", required=True)
    parser.add_argument("--clang-tidy", required=True)
    parser.add_argument("--structify-tidy", required=True)
    parser.add_argument("--clangxx", required=True)
    parser.add_argument("--filecheck", required=True)
    parser.add_argument("--front-ends", default="plugin,structify-tidy",
                        help="comma-separated subset of plugin,structify-tidy")
    parser.add_argument("--check-suffix", dest="suffix", default="",
                        help="use CHECK-MESSAGES<SUFFIX> etc.")
    parser.add_argument("--run", action="store_true",
                        help="build and run the original and the fixed program "
                             "and compare their output")
    parser.add_argument("--no-compile", action="store_true",
                        help="the test input does not compile on purpose")
    parser.add_argument("--expect-tidy-failure", action="store_true")
    parser.add_argument("--verbose", "-v", action="store_true")
    parser.add_argument("source")
    parser.add_argument("check")
    parser.add_argument("temp")
    own, tidy_args, compiler_args = split_args(sys.argv[1:])
    args = parser.parse_args(own)
    if args.suffix and not args.suffix.startswith("-"):
        args.suffix = "-" + args.suffix

    with open(args.source) as f:
        source_text = f.read()
    check_prefixes = set(re.findall(r"(CHECK-[A-Z0-9-]*?):", source_text))

    commands = {
        "plugin": [args.clang_tidy, "--load=" + args.plugin],
        "structify-tidy": [args.structify_tidy],
    }
    os.makedirs(os.path.dirname(os.path.abspath(args.temp)), exist_ok=True)
    try:
        if not args.no_compile:
            original = args.temp + ".original.cpp"
            with open(original, "w") as f:
                f.write(CHECK_COMMENT.sub("//", source_text))
            compile_file(args, original, compiler_args)
        results = {}
        for name in args.front_ends.split(","):
            results[name] = run_front_end(args, name, commands[name], source_text,
                                          check_prefixes, tidy_args, compiler_args)
        names = list(results)
        for other in names[1:]:
            first, second = results[names[0]], results[other]
            if first[1].replace(first[4], "FILE") != second[1].replace(second[4], "FILE"):
                raise TestFailure("front ends disagree on diagnostics:\n%s:\n%s\n%s:\n%s"
                                  % (names[0], first[1], other, second[1]))
            if first[3] != second[3]:
                raise TestFailure("front ends disagree on the fixed file")
        if args.run:
            messages, notes, cleaned, fixed, temp = results[names[0]]
            before = run_program(args, args.temp + ".original.cpp", compiler_args)
            after = run_program(args, temp, compiler_args)
            if before != after:
                raise TestFailure(
                    "the fixed program behaves differently:\nbefore: exit %d\n%s\n"
                    "after: exit %d\n%s" % (before[0], before[1], after[0], after[1]))
    except TestFailure as failure:
        print("FAIL: %s" % failure, file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
