#!/usr/bin/env python3
"""Runs structify's checks over a whole real project, as clang-tidy users do.

On a copy of the project: run-clang-tidy-22 with the plugin over every
translation unit, exporting fixes; counts what each check flags (each
diagnostic once, however many translation units report it) and how many
findings carry a fix; applies the fixes with clang-apply-replacements; then
rebuilds the copy and says whether the fixed translation units still compile.
"""
import argparse
import collections
import glob
import json
import os
import shutil
import subprocess
import sys

import yaml_lite


def main():
    p = argparse.ArgumentParser(description=__doc__)
    p.add_argument("--source", required=True)
    p.add_argument("--build", required=True, help="configured build of --source (its compile database)")
    p.add_argument("--work", required=True, help="scratch directory for the copy")
    p.add_argument("--plugin", required=True)
    p.add_argument("--checks", default="-*,structify-*")
    p.add_argument("-j", default=str(os.cpu_count()))
    p.add_argument("--cmake-args", default="")
    a = p.parse_args()

    shutil.rmtree(a.work, ignore_errors=True)
    src = os.path.join(a.work, "src")
    build = os.path.join(a.work, "build")
    shutil.copytree(a.source, src, symlinks=True)
    subprocess.run(["cmake", "-S", src, "-B", build, "-G", "Ninja",
                    "-DCMAKE_EXPORT_COMPILE_COMMANDS=ON", "-DCMAKE_CXX_COMPILER=clang++-22",
                    *a.cmake_args.split()], check=True, stdout=subprocess.DEVNULL)
    fixes = os.path.join(a.work, "fixes")
    os.makedirs(fixes)
    db = json.load(open(os.path.join(build, "compile_commands.json")))
    files = [e["file"] for e in db if e["file"].startswith(src)]
    # One clang-tidy per translation unit, each exporting its fixes.
    procs = []
    for i, f in enumerate(files):
        procs.append(subprocess.Popen(
            ["clang-tidy-22", "--load=" + a.plugin, "--checks=" + a.checks,
             "--config={HeaderFilterRegex: '%s/.*'}" % src, "-p", build,
             "--export-fixes=%s/%d.yaml" % (fixes, i), f],
            stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True))
        if len(procs) >= int(a.j):
            procs.pop(0).wait()
    for proc in procs:
        proc.wait()

    findings = {}  # (check, file, offset) -> has fix
    for path in glob.glob(fixes + "/*.yaml"):
        for d in yaml_lite.diagnostics(open(path).read()):
            key = (d["name"], d["file"], d["offset"])
            findings[key] = findings.get(key, False) or d["replacements"] > 0
    per_check = collections.defaultdict(lambda: [0, 0])
    for (check, _, _), fixed in findings.items():
        per_check[check][0] += 1
        per_check[check][1] += fixed
    print("translation units: %d" % len(files))
    for check, (flagged, fixed) in sorted(per_check.items()):
        print("%-26s flagged %4d, with a fix %4d" % (check, flagged, fixed))

    applied = subprocess.run(["clang-apply-replacements-22", fixes],
                             stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    print("clang-apply-replacements: %s" % ("ok" if applied.returncode == 0 else applied.stdout.strip()))
    changed = subprocess.run(["diff", "-rq", a.source, src], stdout=subprocess.PIPE, text=True)
    print("files changed: %d" % len([l for l in changed.stdout.splitlines() if l.startswith("Files")]))
    built = subprocess.run(["ninja", "-C", build, "-k", "0", "-j", a.j],
                           stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    failed = [l for l in built.stdout.splitlines() if l.startswith("FAILED:")]
    print("rebuild after the fixes: %s" % ("ok" if built.returncode == 0 else
                                            "%d targets failed" % len(failed)))
    for l in failed[:10]:
        print("  " + l)
    return 0


if __name__ == "__main__":
    sys.exit(main())
