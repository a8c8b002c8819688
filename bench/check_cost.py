#!/usr/bin/env python3
"""The cost of structify's checks on real code, against clang-tidy with no checks.

For the N biggest translation units of a project's compile database (by
preprocessed size), times in the same run, interleaved, R times each:
  syntax-only   clang++-22 -fsyntax-only (the parse alone)
  baseline      clang-tidy-22 with no real check: clang-tidy refuses to run
                with none, so it runs misc-unused-alias-decls, which matches
                only namespace alias declarations
  <check>       clang-tidy-22 --load=<plugin> with one structify check
and reports the least CPU time (user + system) of each over the runs (the
least is the run the rest of the machine disturbed least), and each check's
overhead over the baseline as a ratio. With --instructions it counts the
instructions each clang-tidy run executes instead, under valgrind's
cachegrind: slow (about 30x), but the same however busy the machine is, where
CPU times on a shared 2-core machine move by a percent or two. Benchmarks are
not tests: nothing here asserts a time.
"""
import argparse
import json
import os
import resource
import shlex
import subprocess
import sys


def cpu_time(cmd, cwd):
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    done = subprocess.run(cmd, cwd=cwd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if done.returncode not in (0, 1):
        sys.exit("benchmark: %s failed:\n%s" % (shlex.join(cmd), done.stderr.decode()[-2000:]))
    return (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)


def instructions(cmd, cwd):
    done = subprocess.run(["valgrind", "--tool=cachegrind", "--cache-sim=no",
                           "--cachegrind-out-file=/dev/null", *cmd], cwd=cwd,
                          stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    for line in done.stderr.splitlines():
        if "I   refs:" in line or "I refs:" in line:
            return int(line.split(":")[1].strip().replace(",", ""))
    sys.exit("benchmark: no instruction count from valgrind for %s:\n%s" %
             (shlex.join(cmd), done.stderr[-2000:]))


def compile_args(entry):
    args = entry.get("arguments") or shlex.split(entry["command"])
    # drop the compiler, -c, -o X and the source file itself
    out, skip = [], False
    for a in args[1:]:
        if skip:
            skip = False
            continue
        if a == "-o":
            skip = True
            continue
        if a == "-c" or a == entry["file"] or a.endswith(os.path.basename(entry["file"])):
            continue
        out.append(a)
    return out


def main():
    p = argparse.ArgumentParser(description=__doc__,
                                formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("-p", required=True, help="build directory with compile_commands.json")
    p.add_argument("--plugin", required=True)
    p.add_argument("--clang-tidy", default="clang-tidy-22")
    p.add_argument("--clangxx", default="clang++-22")
    p.add_argument("--checks", default="structify-tuple-return,structify-index-access")
    p.add_argument("-n", type=int, default=5, help="how many translation units")
    p.add_argument("-r", type=int, default=5, help="repetitions")
    p.add_argument("--filter", default="", help="only files whose path contains this")
    p.add_argument("--instructions", action="store_true",
                   help="count instructions under valgrind instead of timing (one run each)")
    a = p.parse_args()

    db = json.load(open(os.path.join(a.p, "compile_commands.json")))
    db = [e for e in db if a.filter in e["file"] and e["file"].endswith((".cpp", ".cc", ".cxx"))]
    sized = []
    for e in db:
        pre = subprocess.run([a.clangxx, *compile_args(e), "-E", e["file"]], cwd=e["directory"],
                             stdout=subprocess.PIPE, stderr=subprocess.DEVNULL)
        sized.append((len(pre.stdout), e))
    sized.sort(key=lambda x: -x[0])
    chosen = sized[: a.n]
    print("translation units (preprocessed size):")
    for size, e in chosen:
        print("  %8.1f KiB  %s" % (size / 1024, os.path.relpath(e["file"], a.p)))

    config = "--config={}"  # the project's own .clang-tidy must not count
    baseline = "-*,misc-unused-alias-decls"
    variants = {"syntax-only": None, "baseline": baseline}
    for check in a.checks.split(","):
        variants[check] = baseline + "," + check
    if a.instructions:
        a.r = 1
        variants.pop("syntax-only")
    times = {v: [] for v in variants}
    measure = instructions if a.instructions else cpu_time
    for _, e in chosen:
        per = {v: [] for v in variants}
        for _ in range(a.r):
            for v, checks in variants.items():
                if checks is None:
                    cmd = [a.clangxx, *compile_args(e), "-fsyntax-only", e["file"]]
                else:
                    cmd = [a.clang_tidy, "--load=" + a.plugin, "--checks=" + checks,
                           config, "-p", a.p, e["file"]]
                per[v].append(measure(cmd, e["directory"]))
        for v in variants:
            times[v].append(min(per[v]))
    total = {v: sum(t) for v, t in times.items()}
    if a.instructions:
        print("\ninstructions executed, summed over %d translation units:" % len(chosen))
        for v in variants:
            print("  %-26s %16d" % (v, total[v]))
    else:
        print("\nleast CPU seconds of %d runs, summed over %d translation units:" %
              (a.r, len(chosen)))
        for v in variants:
            print("  %-26s %8.3f s" % (v, total[v]))
    base = total["baseline"]
    print("\nratios:")
    if "syntax-only" in total:
        print("  baseline / syntax-only       %.3f" % (base / total["syntax-only"]))
    for check in a.checks.split(","):
        print("  %-28s %.4f  (%+.2f%% over the baseline)" %
              (check + " / baseline", total[check] / base, 100 * (total[check] / base - 1)))


if __name__ == "__main__":
    sys.exit(main())
