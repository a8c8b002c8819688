#!/usr/bin/env python3
"""Signal on real code: what structify's checks say about real projects, and
whether a person can act on it.

For each project (a Debian source package; the recipes are the real-project
harness's, read from bench/real-projects.py), on a scratch copy of its sources with
Debian's patches applied: configure it with a compile database (no build),
run `structify check --format=json` with an explicit configuration (both
checks, default options, the project's own .clang-tidy ignored), and print

  - findings per check, and the share that carries a fix (on the warning or
    on one of its notes, as clangd offers it);
  - the most common reasons for no fix (the "no fix: ..." notes, with names
    and positions blanked so that equal reasons count together);
  - message lengths, warnings and notes apart: the longest, how many run
    over 120 characters, and how many messages run over 160;
  - a random sample (fixed seed) of up to 20 findings per check, each with
    its message and the source line it points at, to label useful or noise
    (bench/README.md keeps the labels).

With --verify, every structify-index-access fix is exported, applied to the
copy with clang-apply-replacements-22, and the project is checked again:
the units that stop compiling are listed (a fix that does not compile is not
a fix).

Fetched code stays under ${STRUCTIFY_CORPUS:-~/.cache/structify-corpus} and
is never part of the repo. Exits 2 on bad usage, 1 when a project cannot be
set up or (with --verify) a fix breaks a unit.
"""
import argparse
import collections
import json
import os
import random
import re
import shutil
import signal
import subprocess
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
CORPUS = os.environ.get("STRUCTIFY_CORPUS", os.path.expanduser("~/.cache/structify-corpus"))
CHECKS = ("structify-tuple-return", "structify-index-access")
SAMPLE_SIZE = 20
SEED = 11

# The projects are the real-project harness's (bench/real-projects.py): the
# same Debian source packages, build dependencies, patches and CMake options
# (C++17: structify-index-access runs only from C++17 on). Only what this
# report needs beyond them is here: benchmark forces C++11 in its own
# CMakeLists.txt (the harness leaves it so, and builds it), and cppcheck,
# which the harness cannot build, and abseil, a large template-heavy library
# whose build and tests the harness has no time for, are only configured here.
def _load_harness():
    import importlib.util
    spec = importlib.util.spec_from_file_location(
        "real_projects", os.path.join(os.path.dirname(os.path.abspath(__file__)),
                                      "real-projects.py"))
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


HARNESS = _load_harness()
# Setting a project up is the harness's: its build dependencies, the Debian
# source package (bench/corpus.sh) and Debian's patches.
install_deps, fetch, apply_debian_patches = (
    HARNESS.install_deps, HARNESS.fetch, HARNESS.apply_debian_patches)


PROJECTS = collections.OrderedDict(
    (name, dict(spec)) for name, spec in HARNESS.PROJECTS.items())
PROJECTS["benchmark"]["edits"] = [
    # Its CMakeLists.txt sets the standard itself, over any -D; and its
    # -pedantic-errors makes clang 22 reject __COUNTER__ ("a C2y extension").
    ("CMakeLists.txt", "set(BENCHMARK_CXX_STANDARD 11)", "set(BENCHMARK_CXX_STANDARD 17)"),
    ("CMakeLists.txt", "add_cxx_compiler_flag(-pedantic-errors)", "")]
PROJECTS["cppcheck"] = dict(
    package="cppcheck", deps=[], patches=True,
    # Configured only: the precompiled header a clang build would name
    # does not exist.
    cmake=["-DCMAKE_CXX_STANDARD=17", "-DBUILD_TESTS=ON",
           "-DCMAKE_DISABLE_PRECOMPILE_HEADERS=ON"],
    slow=True)
PROJECTS["abseil"] = dict(
    package="abseil", deps=["libgtest-dev", "libgmock-dev"], patches=True,
    # debian/rules's tested configuration (shared, C++17, its tests), but
    # with Debian's installed GoogleTest (find_package) rather than a copy
    # built from /usr/src/googletest, whose units would only add time.
    cmake=["-DCMAKE_CXX_STANDARD=17", "-DABSL_PROPAGATE_CXX_STD=ON",
           "-DBUILD_SHARED_LIBS=ON", "-DBUILD_TESTING=ON", "-DABSL_BUILD_TESTING=ON",
           "-DABSL_USE_EXTERNAL_GOOGLETEST=ON", "-DABSL_FIND_GOOGLETEST=ON"],
    slow=True)


def log(msg=""):
    print(msg, flush=True)


def run(cmd, cwd=None, env=None):
    p = subprocess.run(cmd, cwd=cwd, env=env, stdout=subprocess.PIPE,
                       stderr=subprocess.STDOUT, text=True, errors="replace")
    return p.returncode, p.stdout


# --- setting a project up --------------------------------------------------------

def set_up(name, spec, work):
    """A patched copy of the sources in work/src, configured in work/build."""
    src, bdir = os.path.join(work, "src"), os.path.join(work, "build")
    # A --verify that was killed before it put the sources back: its copy of
    # them is the one to keep.
    pristine = os.path.join(work, "pristine")
    if os.path.isdir(pristine):
        shutil.rmtree(src, ignore_errors=True)
        shutil.move(pristine, src)
    if os.path.exists(os.path.join(bdir, "compile_commands.json")):
        return src, bdir
    install_deps(spec.get("deps", []))
    upstream = fetch(spec["package"])
    shutil.rmtree(work, ignore_errors=True)
    os.makedirs(work)
    shutil.copytree(upstream, src, symlinks=True)
    if spec.get("patches"):
        apply_debian_patches(src)
    for path, old, new in spec.get("edits", []):
        path = os.path.join(src, path)
        text = open(path).read()
        if old not in text:
            raise RuntimeError("%s: '%s' not found" % (path, old))
        with open(path, "w") as f:
            f.write(text.replace(old, new))
    rc, out = run(["cmake", "-S", src, "-B", bdir, "-G", "Ninja",
                   "-DCMAKE_EXPORT_COMPILE_COMMANDS=ON", "-DCMAKE_BUILD_TYPE=Release",
                   "-DCMAKE_CXX_COMPILER=clang++-22", "-DCMAKE_C_COMPILER=clang-22"]
                  + spec.get("cmake", []))
    if rc != 0:
        raise RuntimeError("cmake failed:\n" + out[-3000:])
    return src, bdir


def write_config(path, src, options):
    lines = ["Checks: '-*,%s'" % ",".join(CHECKS),
             "WarningsAsErrors: ''",
             "HeaderFilterRegex: '^%s/'" % re.escape(src).replace("'", "''")]
    if options:
        lines.append("CheckOptions:")
        lines += ["  %s: '%s'" % (k, v) for k, v in options]
    with open(path, "w") as f:
        f.write("\n".join(lines) + "\n")


def structify_check(structify, bdir, config, jobs, out_json, export_fixes=None):
    cmd = [structify, "check", "-p", bdir, "--config-file", config, "-j", str(jobs),
           "--no-cache", "--quiet", "--format=json", "-o", out_json]
    if export_fixes:
        cmd.append("--export-fixes=" + export_fixes)
    rc, out = run(cmd)
    if rc == 2 or not os.path.exists(out_json):
        raise RuntimeError("structify check failed (exit %d):\n%s" % (rc, out[-3000:]))
    return json.load(open(out_json)), out


# --- reading the findings --------------------------------------------------------

def has_fix(finding):
    return bool(finding.get("fixes")) or any(n.get("fixes") for n in finding.get("notes", []))


def reason_kind(message):
    """A no-fix reason without its names and numbers, to count alike ones."""
    r = message[len("no fix: "):]
    r = re.sub(r"'[^']*'", "'…'", r)
    r = re.sub(r"\b\d+\b", "N", r)
    return r


def no_fix_reasons(finding):
    return [reason_kind(n["message"]) for n in finding.get("notes", [])
            if n["message"].startswith("no fix: ")]


def source_line(path, line):
    try:
        with open(path, errors="replace") as f:
            for i, text in enumerate(f, 1):
                if i == line:
                    return text.rstrip("\n")
    except OSError:
        pass
    return "<unreadable>"


def summarize(name, report, src):
    findings = [f for f in report.get("findings", []) if f["check"] in CHECKS]
    per_check = collections.OrderedDict((c, []) for c in CHECKS)
    for f in findings:
        per_check[f["check"]].append(f)
    result = dict(project=name, units=report["summary"]["units"],
                  failures=len(report.get("failures", [])), checks={})
    # Warnings are what a person reads first (a terminal line, a CI
    # annotation); notes follow them. Both are measured, apart.
    warnings = [f["message"] for f in findings]
    notes = [n["message"] for f in findings for n in f.get("notes", [])]
    messages = warnings + notes
    result["longest_warning"] = max((len(m) for m in warnings), default=0)
    result["warnings_over_120"] = sum(len(m) > 120 for m in warnings)
    result["longest_note"] = max((len(m) for m in notes), default=0)
    result["notes_over_120"] = sum(len(m) > 120 for m in notes)
    result["longest_message"] = max((len(m) for m in messages), default=0)
    result["over_160"] = sum(len(m) > 160 for m in messages)
    result["longest_text"] = max(messages, key=len, default="")
    for check, fs in per_check.items():
        reasons = collections.Counter()
        for f in fs:
            if not has_fix(f):
                reasons.update(set(no_fix_reasons(f)) or {"(no note says why)"})
        rng = random.Random("%s/%s/%d" % (name, check, SEED))
        picked = sorted(rng.sample(range(len(fs)), min(SAMPLE_SIZE, len(fs))))
        sample = []
        for i in picked:
            f = fs[i]
            sample.append(dict(file=os.path.relpath(f["file"], src), line=f["line"],
                               message=f["message"], fix=has_fix(f),
                               notes=len(f.get("notes", [])),
                               source=source_line(f["file"], f["line"]).strip()))
        result["checks"][check] = dict(
            findings=len(fs), with_fix=sum(has_fix(f) for f in fs),
            reasons=reasons.most_common(8), sample=sample)
    return result


def report_project(r, sample):
    log("-- %s: %d units (%d did not compile)" % (r["project"], r["units"], r["failures"]))
    for check, c in r["checks"].items():
        share = 100.0 * c["with_fix"] / c["findings"] if c["findings"] else 0.0
        log("  %-24s %4d findings, %4d with a fix (%.0f%%)" %
            (check, c["findings"], c["with_fix"], share))
        for reason, n in c["reasons"]:
            log("      no fix %4d: %s" % (n, reason))
    log("  warnings: longest %d characters, %d over 120; notes: longest %d, %d over 120;"
        " messages over 160: %d" % (r["longest_warning"], r["warnings_over_120"],
                                    r["longest_note"], r["notes_over_120"], r["over_160"]))
    if "verify" in r:
        v = r["verify"]
        log("  index-access fixes applied: %d files changed; units that no longer compile: %d"
            % (v["changed_files"], len(v["broken"])))
        for b in v["broken"][:10]:
            log("      ! %s: %s" % (b["file"], b["problem"]))
    if not sample:
        return
    for check, c in r["checks"].items():
        if not c["sample"]:
            continue
        log("  sample of %s (%d of %d):" % (check, len(c["sample"]), c["findings"]))
        for i, s in enumerate(c["sample"], 1):
            log("    %2d. %s:%d [%s] %s" % (i, s["file"], s["line"],
                                           "fix" if s["fix"] else "no fix", s["message"]))
            log("        | %s" % s["source"][:150])


# --- --verify: apply every index-access fix and check again ------------------------

def verify(structify, name, src, bdir, work, jobs):
    fixes_dir = os.path.join(work, "index-access-fixes")
    shutil.rmtree(fixes_dir, ignore_errors=True)
    os.makedirs(fixes_dir)
    config = os.path.join(work, "index-access.clang-tidy")
    with open(config, "w") as f:
        f.write("Checks: '-*,structify-index-access'\nWarningsAsErrors: ''\n"
                "HeaderFilterRegex: '^%s/'\n" % re.escape(src).replace("'", "''"))
    structify_check(structify, bdir, config, jobs, os.path.join(work, "before-fixes.json"),
                    export_fixes=os.path.join(fixes_dir, "fixes.yaml"))
    pristine = os.path.join(work, "pristine")
    shutil.rmtree(pristine, ignore_errors=True)
    shutil.copytree(src, pristine, symlinks=True)
    try:
        rc, out = run(["clang-apply-replacements-22", fixes_dir])
        if rc != 0:
            return dict(changed_files=0, broken=[dict(file="clang-apply-replacements",
                                                      problem=out.strip()[-500:])])
        _, diff = run(["diff", "-rq", pristine, src])
        changed = len([l for l in diff.splitlines() if l.startswith("Files ")])
        after, _ = structify_check(structify, bdir, config, jobs,
                                   os.path.join(work, "after-fixes.json"))
        broken = [dict(file=os.path.relpath(f["file"], src), problem=f["problem"])
                  for f in after.get("failures", [])]
        broken += [dict(file=os.path.relpath(f["file"], src), problem=f["message"])
                   for f in after.get("findings", []) if f["check"] == "clang-diagnostic-error"]
        return dict(changed_files=changed, broken=broken)
    finally:
        shutil.rmtree(src)
        shutil.move(pristine, src)


def main():
    # SIGTERM unwinds like Ctrl-C, so that --verify puts the sources back.
    signal.signal(signal.SIGTERM, lambda signum, frame: sys.exit(128 + signum))
    p = argparse.ArgumentParser(description=__doc__,
                                formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--projects", help="comma-separated names (default: every project not "
                                      "marked slow)")
    p.add_argument("--all", action="store_true", help="every project, the slow ones too")
    p.add_argument("--list", action="store_true", help="list the projects and exit")
    p.add_argument("-j", "--jobs", type=int, default=2)
    p.add_argument("--no-sample", action="store_true", help="print the figures only")
    p.add_argument("--verify", action="store_true",
                   help="apply every structify-index-access fix and check that the units "
                        "still compile")
    p.add_argument("--option", action="append", default=[], metavar="CHECK.KEY=VALUE",
                   help="a check option for the run (repeatable)")
    p.add_argument("--build-dir", default=os.environ.get("STRUCTIFY_BUILD_DIR",
                                                         os.path.join(ROOT, "build")),
                   help="structify's build directory (default: build)")
    p.add_argument("--json", help="write every result to this file")
    args = p.parse_args()

    if args.list:
        for n, s in PROJECTS.items():
            log("%-22s %s%s" % (n, s["package"], " (slow)" if s.get("slow") else ""))
        return 0
    names = args.projects.split(",") if args.projects else \
        [n for n, s in PROJECTS.items() if args.all or not s.get("slow")]
    unknown = [n for n in names if n not in PROJECTS]
    if unknown:
        print("signal-report: unknown project %s; try --list" % ", ".join(unknown), file=sys.stderr)
        return 2
    options = []
    for o in args.option:
        key, sep, value = o.partition("=")
        if not sep:
            print("signal-report: --option %s: expected CHECK.KEY=VALUE" % o, file=sys.stderr)
            return 2
        options.append((key, value))
    structify = os.path.join(args.build_dir, "tool", "structify", "structify")
    if not os.path.exists(structify):
        print("signal-report: %s: not built; build structify first" % structify, file=sys.stderr)
        return 2
    # The commit the binary was built from: its build directory's sources.
    source = ROOT
    try:
        for line in open(os.path.join(args.build_dir, "CMakeCache.txt")):
            if line.startswith("CMAKE_HOME_DIRECTORY:INTERNAL="):
                source = line.split("=", 1)[1].strip()
    except OSError:
        pass
    _, rev = run(["git", "-C", source, "rev-parse", "--short", "HEAD"])
    log("structify %s (%s), -j %d%s" % (rev.strip(), source, args.jobs,
                                        "".join(", %s=%s" % o for o in options)))

    results, ok = [], True
    for n in names:
        work = os.path.join(CORPUS, "signal-%s" % n)
        try:
            src, bdir = set_up(n, PROJECTS[n], work)
            config = os.path.join(work, "signal.clang-tidy")
            write_config(config, src, options)
            report, _ = structify_check(structify, bdir, config, args.jobs,
                                        os.path.join(work, "findings.json"))
            r = summarize(n, report, src)
            if args.verify:
                r["verify"] = verify(structify, n, src, bdir, work, args.jobs)
                ok &= not r["verify"]["broken"]
        except RuntimeError as e:
            log("-- %s: error: %s" % (n, e))
            results.append(dict(project=n, error=str(e)))
            ok = False
            continue
        report_project(r, not args.no_sample)
        results.append(r)

    log()
    log("| project | units | tuple-return findings (with a fix) | index-access findings "
        "(with a fix) | longest warning | warnings > 120 | longest note | messages > 160 |")
    log("| --- | --- | --- | --- | --- | --- | --- | --- |")
    totals = collections.Counter()
    for r in results:
        if "error" in r:
            log("| %s | error | | | | | | |" % r["project"])
            continue
        t, i = r["checks"][CHECKS[0]], r["checks"][CHECKS[1]]
        totals.update(tf=t["findings"], tw=t["with_fix"], i_f=i["findings"], iw=i["with_fix"])
        log("| %s | %d | %d (%d) | %d (%d, %.0f%%) | %d | %d | %d | %d |" % (
            r["project"], r["units"], t["findings"], t["with_fix"], i["findings"],
            i["with_fix"], 100.0 * i["with_fix"] / i["findings"] if i["findings"] else 0,
            r["longest_warning"], r["warnings_over_120"], r["longest_note"], r["over_160"]))
    if totals["i_f"]:
        log("| all | | %d (%d) | %d (%d, %.0f%%) | | | | |" % (
            totals["tf"], totals["tw"], totals["i_f"], totals["iw"],
            100.0 * totals["iw"] / totals["i_f"]))
    if args.json:
        with open(args.json, "w") as f:
            json.dump(results, f, indent=1)
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
