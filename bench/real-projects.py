#!/usr/bin/env python3
"""The real-project harness: structify's fixes, applied to real projects, must
keep them building and passing their own tests.

For each project (a Debian source package), on a scratch copy of its sources:

  1. install its build dependencies (apt-get, idempotent; waits for the dpkg
     lock), configure it with a compile database (-G Ninja,
     -DCMAKE_EXPORT_COMPILE_COMMANDS=ON, the compiler of --compiler), build it
     and run its own tests;
  2. count the findings of both checks (`structify check --format=json`);
  3. time one plain `run-clang-tidy-22 -load <plugin>` pass with
     structify-tuple-return, the baseline of `structify fix`;
  4. `structify check` with structify-tuple-return (as a CI job would run
     it first), then `structify fix` timed: the fix after a warm check, which
     takes each unit's records from the results cache; the sources are then
     put back;
  5. stage "tuple-return": `structify fix --no-cache` (every
     structify-tuple-return rewrite, planned for the whole project, every
     unit parsed once), timed against the baseline, then rebuild and test;
     it must write the same files as the fix after the warm check;
  6. stage "index-access": every structify-index-access fix, exported by
     `structify check --export-fixes` and applied by
     clang-apply-replacements-22, then rebuild and test.

Each stage is rebuilt and tested on its own, so a breakage is blamed on the
check that made it; when the first stage breaks the build, the second starts
again from the original sources. Every structify run gets an explicit
configuration file, so the project's own .clang-tidy decides nothing.

Exits 1 when a project fails to build or its tests give another result after
a stage than before, or when `structify fix` or clang-apply-replacements
fails (a rewrite given up is a failure too); 2 on bad usage. Fetched code stays under
${STRUCTIFY_CORPUS:-~/.cache/structify-corpus} and is never part of the repo.
"""
import argparse
import collections
import json
import os
import re
import shutil
import subprocess
import sys
import time
import xml.etree.ElementTree as ET

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
CORPUS = os.environ.get("STRUCTIFY_CORPUS", os.path.expanduser("~/.cache/structify-corpus"))
CHECKS = ("structify-tuple-return", "structify-index-access")

# The projects are compiled as C++17 (-DCMAKE_CXX_STANDARD=17, which they
# honour), whatever their own default (C++11 for most, C++98 for exiv2):
# structify-index-access runs on C++17 and later only, so a C++11 build gives
# it nothing to do. benchmark forces C++11 and stays so.
#
# Each project: its Debian source package, the packages its build and tests
# need, its CMake options (those of its debian/rules where they fit), whether
# Debian's patches are applied (they make it use Debian's gtest, catch2, fmt),
# the export macro of its shared library and whether that macro expands
# differently in the library's own units than in its tests on Linux (the
# shape of issue 9), the ctest arguments that run its suite, and whether it is
# slow (not in the default set).
PROJECTS = collections.OrderedDict([
    ("spdlog", dict(
        package="spdlog", deps=["libfmt-dev", "catch2"], patches=True,
        cmake=["-DCMAKE_CXX_STANDARD=17", "-DSPDLOG_BUILD_SHARED=ON", "-DSPDLOG_FMT_EXTERNAL=ON",
               "-DSPDLOG_BUILD_TESTS=ON", "-DSPDLOG_BUILD_TESTS_HO=ON",
               "-DSPDLOG_BUILD_EXAMPLE=ON", "-DSPDLOG_BUILD_EXAMPLE_HO=ON"],
        export_macro="SPDLOG_API / SPDLOG_INLINE: visibility(\"default\") / empty in the "
                     "shared library's units, empty / inline in the header-only tests",
        macro_differs=True)),
    ("leveldb", dict(
        package="leveldb", deps=["libgtest-dev", "libgmock-dev", "libbenchmark-dev",
                                 "libsnappy-dev"], patches=True,
        cmake=["-DCMAKE_CXX_STANDARD=17", "-DBUILD_SHARED_LIBS=ON", "-DLEVELDB_BUILD_TESTS=ON",
               "-DLEVELDB_BUILD_BENCHMARKS=OFF"],
        export_macro="LEVELDB_EXPORT: visibility(\"default\") under LEVELDB_COMPILE_LIBRARY "
                     "(the library target only), empty in the tests",
        macro_differs=True)),
    ("yaml-cpp", dict(
        package="yaml-cpp", deps=["libgtest-dev", "libgmock-dev"], patches=True,
        cmake=["-DCMAKE_CXX_STANDARD=17", "-DYAML_BUILD_SHARED_LIBS=ON", "-DYAML_CPP_BUILD_TESTS=ON",
               "-DYAML_CPP_BUILD_TOOLS=OFF"],
        export_macro="YAML_CPP_API: visibility(\"default\") in every unit "
                     "(Debian's symbol-visibility patch)",
        macro_differs=False)),
    ("snappy", dict(
        package="snappy", deps=["libgtest-dev", "libgmock-dev", "libbenchmark-dev"],
        patches=True,
        # -Werror in its CMakeLists, and a warning clang 22 added.
        cmake=["-DCMAKE_CXX_STANDARD=17", "-DCMAKE_CXX_FLAGS=-Wno-error=uninitialized-const-pointer",
               "-DBUILD_SHARED_LIBS=ON", "-DSNAPPY_BUILD_TESTS=ON",
               "-DSNAPPY_BUILD_BENCHMARKS=OFF", "-DSNAPPY_ENABLE_RTTI=ON"],
        export_macro=None, macro_differs=False)),
    ("tinyxml2", dict(
        package="tinyxml2", deps=[], patches=True,
        cmake=["-DCMAKE_CXX_STANDARD=17", "-DBUILD_SHARED_LIBS=ON",
               "-Dtinyxml2_BUILD_TESTING=ON"],
        export_macro="TINYXML2_LIB: visibility(\"default\") in every unit on Linux "
                     "(TINYXML2_EXPORT only matters on Windows)",
        macro_differs=False)),
    ("cli11", dict(
        package="cli11", deps=["catch2"], patches=True,
        cmake=["-DCMAKE_CXX_STANDARD=17", "-DCLI11_BUILD_TESTS=ON", "-DCLI11_BUILD_EXAMPLES=ON"],
        export_macro=None, macro_differs=False, slow=True)),
    ("benchmark", dict(
        package="benchmark", deps=["libgtest-dev", "libgmock-dev"], patches=True,
        cmake=["-DGIT_VERSION=1.7.1", "-DBUILD_SHARED_LIBS=ON", "-DBENCHMARK_ENABLE_TESTING=ON",
               "-DBENCHMARK_ENABLE_GTEST_TESTS=ON", "-DBENCHMARK_USE_BUNDLED_GTEST=OFF",
               "-DBENCHMARK_ENABLE_WERROR=OFF", "-DBENCHMARK_ENABLE_LTO=OFF"],
        export_macro="BENCHMARK_EXPORT: generated export.h; benchmark_EXPORTS in the library "
                     "only, but EXPORT_ATTR and IMPORT_ATTR are the same attribute on Linux",
        macro_differs=False, slow=True,
        note="sets CMAKE_CXX_STANDARD to 11 itself: structify-index-access never runs")),
    ("exiv2", dict(
        package="exiv2", deps=["zlib1g-dev", "libexpat1-dev", "libgtest-dev",
                               "libinih-dev", "libbrotli-dev"], patches=True,
        # Its bundled XMP SDK still says `register`, an error in C++17 to clang.
        cmake=["-DCMAKE_CXX_STANDARD=17", "-DCMAKE_CXX_FLAGS=-Wno-register",
               "-DBUILD_SHARED_LIBS=ON", "-DEXIV2_BUILD_UNIT_TESTS=ON",
               "-DEXIV2_BUILD_SAMPLES=OFF", "-DEXIV2_ENABLE_NLS=OFF"],
        ctest=["-R", "unitTests"],
        export_macro="EXIV2API: CMake's generate_export_header; exiv2lib_EXPORTS in the library "
                     "only, both branches visibility(\"default\") on Linux",
        macro_differs=False, slow=True)),
    ("libtorrent-rasterbar", dict(
        package="libtorrent-rasterbar", deps=["libboost-system-dev", "libssl-dev"],
        patches=True,
        cmake=["-DCMAKE_CXX_STANDARD=17", "-DBUILD_SHARED_LIBS=ON", "-Dbuild_tests=ON",
               "-Dpython-bindings=OFF"],
        export_macro="TORRENT_EXPORT / TORRENT_EXTRA_EXPORT: BOOST_SYMBOL_EXPORT under "
                     "TORRENT_BUILDING_SHARED (the library target), BOOST_SYMBOL_IMPORT "
                     "(empty on Linux) elsewhere",
        macro_differs=True, slow=True)),
])


def log(msg):
    print(msg, flush=True)


def run(cmd, cwd=None, env=None, timeout=None):
    """Runs cmd; returns (exit code, combined output, seconds)."""
    start = time.time()
    try:
        p = subprocess.run(cmd, cwd=cwd, env=env, stdout=subprocess.PIPE,
                           stderr=subprocess.STDOUT, text=True, errors="replace",
                           timeout=timeout)
        return p.returncode, p.stdout, time.time() - start
    except subprocess.TimeoutExpired as e:
        out = e.stdout.decode(errors="replace") if isinstance(e.stdout, bytes) else (e.stdout or "")
        return 124, out + "\n(timed out)", time.time() - start


def run_split(cmd, cwd=None):
    """Runs cmd; returns (exit code, stdout, stderr, seconds)."""
    start = time.time()
    p = subprocess.run(cmd, cwd=cwd, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                       text=True, errors="replace")
    return p.returncode, p.stdout, p.stderr, time.time() - start


# --- dependencies and sources ------------------------------------------------

def installed(pkg):
    rc, out, _ = run(["dpkg-query", "-W", "-f=${Status}", pkg])
    return rc == 0 and "install ok installed" in out


def apt_get(args):
    """apt-get as root, waiting while another process holds the dpkg lock."""
    prefix = [] if os.geteuid() == 0 else ["sudo"]
    env = dict(os.environ, DEBIAN_FRONTEND="noninteractive")
    for attempt in range(60):
        rc, out, _ = run(prefix + ["apt-get", "-q", "-y", "-o", "DPkg::Lock::Timeout=60"] + args,
                         env=env)
        if rc == 0:
            return
        if "lock" not in out.lower():
            raise RuntimeError("apt-get %s failed:\n%s" % (" ".join(args), out[-2000:]))
        time.sleep(10)
    raise RuntimeError("apt-get %s: the dpkg lock stayed held" % " ".join(args))


def install_deps(packages):
    missing = [p for p in packages if not installed(p)]
    if missing:
        log("  installing %s" % " ".join(missing))
        try:
            apt_get(["install"] + missing)
        except RuntimeError:
            apt_get(["update"])
            apt_get(["install"] + missing)


def fetch(package):
    """The unpacked upstream sources (bench/corpus.sh's corpus_fetch)."""
    rc, out, _ = run(["bash", "-c", 'source "$0/bench/corpus.sh" && corpus_fetch "$1"',
                      ROOT, package])
    if rc != 0:
        raise RuntimeError("cannot fetch %s: %s" % (package, out.strip()))
    return out.strip().splitlines()[-1]


def apply_debian_patches(src):
    series = os.path.join(src, "debian", "patches", "series")
    if not os.path.exists(series):
        return []
    applied = []
    for line in open(series):
        name = line.split("#", 1)[0].strip()
        if not name:
            continue
        name = name.split()[0]
        rc, out, _ = run(["patch", "-p1", "--forward", "--silent", "-i",
                          os.path.join(src, "debian", "patches", name)], cwd=src)
        if rc != 0:
            raise RuntimeError("Debian patch %s does not apply:\n%s" % (name, out))
        applied.append(name)
    return applied


def copy_tree(src, dst):
    shutil.copytree(src, dst, symlinks=True)


def changed_files(orig, work):
    """Files whose contents differ between the two trees (build dirs aside)."""
    rc, out, _ = run(["diff", "-rq", "--no-dereference", orig, work])
    files = []
    for line in out.splitlines():
        m = re.match(r"Files (.*) and (.*) differ$", line)
        if m:
            files.append(os.path.relpath(m.group(2), work))
    return files


def reset_tree(orig, work):
    for rel in changed_files(orig, work):
        shutil.copy2(os.path.join(orig, rel), os.path.join(work, rel))


# --- build and tests -----------------------------------------------------------

def build(build_dir, jobs):
    rc, out, secs = run(["ninja", "-C", build_dir, "-k", "0", "-j", str(jobs)])
    failed = [l[len("FAILED: "):] for l in out.splitlines() if l.startswith("FAILED: ")]
    errors = [l for l in out.splitlines() if re.search(r"\berror: ", l)]
    return dict(ok=rc == 0, failed=failed, errors=errors[:20], seconds=secs)


def run_tests(build_dir, jobs, ctest_args, name):
    junit = os.path.join(build_dir, "harness-%s.xml" % name)
    if os.path.exists(junit):
        os.remove(junit)
    rc, out, secs = run(["ctest", "--test-dir", build_dir, "-j", str(jobs), "--timeout", "900",
                         "--output-junit", junit] + ctest_args)
    results = {}
    if os.path.exists(junit):
        for case in ET.parse(junit).getroot().iter("testcase"):
            status = case.get("status", "run")
            if case.find("failure") is not None or status == "fail":
                status = "failed"
            elif status == "run":
                status = "passed"
            results[case.get("name")] = status
    counts = collections.Counter(results.values())
    return dict(results=results, passed=counts.get("passed", 0),
                failed=sum(v for k, v in counts.items() if k != "passed"),
                total=len(results), seconds=secs, exit=rc)


# --- structify -------------------------------------------------------------------

def write_config(path, checks, src, options):
    lines = ["Checks: '-*,%s'" % ",".join(checks),
             "WarningsAsErrors: ''",
             "HeaderFilterRegex: '^%s/'" % re.escape(src).replace("'", "''")]
    if options:
        lines.append("CheckOptions:")
        for k, v in options.items():
            lines.append("  %s: '%s'" % (k, v))
    with open(path, "w") as f:
        f.write("\n".join(lines) + "\n")


def read_findings(path):
    """Per check: findings, findings with a fix; and the units that failed."""
    report = json.load(open(path))
    per_check = collections.OrderedDict()
    for f in report.get("findings", []):
        c = per_check.setdefault(f["check"], dict(findings=0, with_fix=0))
        c["findings"] += 1
        c["with_fix"] += 1 if f.get("fixes") else 0
    failures = [dict(file=f["file"], problem=f["problem"]) for f in report.get("failures", [])]
    return dict(per_check=per_check, failures=failures, summary=report.get("summary", {}))


def stage_times(stderr):
    """structify fix's `time: collect 1.0 s, plan 0.0 s, ...` line."""
    m = re.search(r"^time: (.*)$", stderr, re.M)
    return {k: float(v) for k, v in re.findall(r"(\w+) ([\d.]+) s", m.group(1))} if m else {}


def structify_check(tools, build_dir, config, jobs, out_json, export_fixes=None, cache=False):
    cmd = [tools["structify"], "check", "-p", build_dir, "--config-file", config,
           "-j", str(jobs), "--quiet", "--format=json", "-o", out_json]
    if not cache:
        cmd.append("--no-cache")
    if export_fixes:
        cmd.append("--export-fixes=" + export_fixes)
    rc, out, secs = run(cmd)
    if rc == 2 or not os.path.exists(out_json):
        raise RuntimeError("structify check failed (exit %d):\n%s" % (rc, out[-3000:]))
    r = read_findings(out_json)
    r.update(exit=rc, seconds=secs)
    return r


def skip_category(reason):
    """A skip reason without its positions and names, to count by kind."""
    r = re.sub(r"^after the rewrite, \S+?:\d+:\d+: ", "after the rewrite: ", reason)
    r = re.sub(r"^\S+?:\d+:\d+: ", "", r)
    r = re.sub(r" \(and \d+ more\)", "", r)
    r = re.sub(r"'[^']*'", "'…'", r)
    r = re.sub(r"element \d+", "element N", r)
    return r


def parse_fix_output(stdout, stderr):
    """structify fix's summary (it has no machine-readable one)."""
    rewritten, skipped = [], []
    section = None
    for line in stdout.splitlines():
        if line.startswith("structify fix: rewrote"):
            section = "rewrite"
        elif re.match(r"skipped \d+ functions?:", line):
            section = "skip"
        elif line.startswith("structify fix: nothing to rewrite"):
            section = None
        elif line.startswith("  ") and section == "rewrite":
            rewritten.append(line.strip())
        elif line.startswith("  ") and section == "skip":
            name, _, reason = line.strip().partition(": ")
            skipped.append((name, reason))
    m = re.search(r"rewrote (\d+) functions? with (\d+) edits in (\d+) files?", stdout)
    # A group's line names its leader and the functions that share its
    # struct; overrides have the leader's own name.
    functions = overrides = 0
    for line in rewritten:
        head, _, members = line.partition(" -> ")[0].partition(" (with ")
        leader = head.split("(")[0].split("::")[-1]
        names = [n.split("(")[0].split("::")[-1] for n in re.split(r"\), ", members.rstrip(")"))
                 if n] if members else []
        functions += 1 + len(names)
        overrides += sum(n == leader for n in names)
    errors = [l for l in stderr.splitlines()
              if l.startswith("structify fix: error") or l.startswith("structify: error")
              or "did not compile" in l or "[caused by" in l or "cannot rewrite" in l]
    return dict(rewritten=rewritten, skipped=skipped, functions=functions,
                overrides=overrides, edits=int(m.group(2)) if m else 0,
                files=int(m.group(3)) if m else 0, errors=errors)


def count_yaml_fixes(path):
    """Diagnostics and replacements in clang-tidy's exported-fixes YAML."""
    if not os.path.exists(path):
        return 0, 0
    text = open(path).read()
    return (len(re.findall(r"^\s*- DiagnosticName:", text, re.M)),
            len(re.findall(r"^\s*- FilePath:", text, re.M)))


# --- one project -------------------------------------------------------------------

def stage_result(name, b, t, before):
    changed = sorted(k for k, v in t["results"].items() if before["results"].get(k) != v)
    missing = sorted(k for k in before["results"] if k not in t["results"])
    return dict(stage=name, build=b, tests=t, tests_changed=changed + missing,
                ok=b["ok"] and not changed and not missing)


def run_project(name, spec, args, tools):
    log("== %s (Debian source package %s)" % (name, spec["package"]))
    res = dict(project=name, package=spec["package"], export_macro=spec.get("export_macro"),
               macro_differs=spec.get("macro_differs"), compiler=args.compiler)
    install_deps(spec.get("deps", []) + (["g++"] if args.compiler == "g++" else []))
    upstream = fetch(spec["package"])
    work = os.path.join(CORPUS, "harness-%s-%s" % (name, args.compiler.replace("+", "x")))
    orig, src, bdir = (os.path.join(work, d) for d in ("orig", "src", "build"))
    # --reuse: a scratch tree kept by an earlier run whose sources are still
    # the original ones keeps its build (ninja goes on where it stopped).
    reuse = args.reuse and os.path.isdir(orig) and os.path.isdir(src)
    if reuse:
        log("  reusing %s (sources reset to the original)" % work)
        reset_tree(orig, src)
        shutil.rmtree(os.path.join(bdir, ".structify-fix"), ignore_errors=True)
    else:
        shutil.rmtree(work, ignore_errors=True)
        os.makedirs(work)
        copy_tree(upstream, orig)
        if spec.get("patches"):
            apply_debian_patches(orig)
        copy_tree(orig, src)
    res["source"] = os.path.basename(upstream)

    cxx, cc = ("clang++-22", "clang-22") if args.compiler == "clang++-22" else ("g++", "gcc")
    rc, out, secs = run(["cmake", "-S", src, "-B", bdir, "-G", "Ninja",
                         "-DCMAKE_EXPORT_COMPILE_COMMANDS=ON", "-DCMAKE_BUILD_TYPE=Release",
                         "-DCMAKE_CXX_COMPILER=" + cxx, "-DCMAKE_C_COMPILER=" + cc]
                        + spec.get("cmake", []))
    if rc != 0:
        raise RuntimeError("cmake failed:\n" + out[-3000:])
    db = json.load(open(os.path.join(bdir, "compile_commands.json")))
    res["units"] = len(db)
    log("  %d translation units in the compile database" % len(db))

    cfg_all = os.path.join(work, "all.clang-tidy")
    cfg_tuple = os.path.join(work, "tuple-return.clang-tidy")
    cfg_index = os.path.join(work, "index-access.clang-tidy")
    options = dict(spec.get("options", {}))
    if args.wide:
        options.update({"structify-tuple-return.IgnoredNamespaces": "",
                        "structify-tuple-return.IncludeNonPublic": "true"})
    write_config(cfg_all, CHECKS, src, options)
    write_config(cfg_tuple, CHECKS[:1], src, options)
    write_config(cfg_index, CHECKS[1:], src, options)

    if args.check_only:
        out = os.path.join(work, "findings.json")
        f = structify_check(tools, bdir, cfg_all, args.jobs, out)
        res["findings"] = f
        report_check_only(res)
        if args.compare_build:
            base_out = os.path.join(work, "findings-compared.json")
            structify_check(compared_tools(args), bdir, cfg_all, args.jobs, base_out)
            res["same_findings"] = compare_findings(base_out, out)
            res["ok"] = res["same_findings"]["same"]
        return res

    if args.timing_only:
        return run_timing_only(res, args, tools, bdir, orig, src, work, cfg_tuple)

    log("  building the original (-j %d)" % args.jobs)
    b0 = build(bdir, args.jobs)
    res["build_before"] = b0
    if not b0["ok"]:
        raise RuntimeError("the original does not build:\n" + "\n".join(b0["failed"] + b0["errors"]))
    t0 = run_tests(bdir, args.jobs, spec.get("ctest", []), "before")
    res["tests_before"] = t0
    log("  tests: %d passed, %d failed (%.0f s)" % (t0["passed"], t0["failed"], t0["seconds"]))

    log("  structify check --format=json (both checks)")
    res["findings"] = structify_check(tools, bdir, cfg_all, args.jobs,
                                      os.path.join(work, "findings.json"))

    time_fixes(res, args, tools, bdir, orig, src, work, cfg_tuple)
    fix = res["fix"]
    b1 = build(bdir, args.jobs)
    t1 = run_tests(bdir, args.jobs, spec.get("ctest", []), "tuple-return") if b1["ok"] else \
        dict(results={}, passed=0, failed=0, total=0, seconds=0, exit=None)
    res["stage_tuple"] = stage_result("tuple-return", b1, t1, t0)
    with open(os.path.join(work, "tuple-return.diff"), "w") as f:
        f.write(tree_diff(orig, src))
    if not b1["ok"]:
        log("  the tuple-return stage broke the build: the index-access stage starts "
            "from the original sources")
        reset_tree(orig, src)

    # Stage 2: every structify-index-access fix, exported and applied.
    log("  stage index-access: structify check --export-fixes + clang-apply-replacements-22")
    fixes_dir = os.path.join(work, "index-access-fixes")
    os.makedirs(fixes_dir, exist_ok=True)
    yaml_path = os.path.join(fixes_dir, "fixes.yaml")
    f2 = structify_check(tools, bdir, cfg_index, args.jobs, os.path.join(work, "findings-index.json"),
                         export_fixes=yaml_path)
    diags, repls = count_yaml_fixes(yaml_path)
    rc, out, secs = run(["clang-apply-replacements-22", fixes_dir])
    res["index_fixes"] = dict(findings=f2, exported_diagnostics=diags, replacements=repls,
                              apply_exit=rc, apply_output=out.strip()[-3000:])
    with open(os.path.join(work, "index-access.diff"), "w") as f:
        f.write(tree_diff(orig, src))
    b2 = build(bdir, args.jobs)
    t2 = run_tests(bdir, args.jobs, spec.get("ctest", []), "index-access") if b2["ok"] else \
        dict(results={}, passed=0, failed=0, total=0, seconds=0, exit=None)
    res["stage_index"] = stage_result("index-access", b2, t2, t0)
    # A fix that gives up (conflicting edits, a rewrite that never compiles)
    # breaks the promise as surely as one that breaks the build.
    res["ok"] = res["stage_tuple"]["ok"] and res["stage_index"]["ok"] and \
        fix["exit"] == 0 and res["index_fixes"]["apply_exit"] == 0 and \
        res["warm_fix"]["same_files"]
    report_project(res)
    return res


def tree_diff(orig, src):
    """`diff -ru orig src` without the files' times in its headers: two runs
    that write the same bytes give the same text."""
    text = run(["diff", "-ru", orig, src])[1]
    return re.sub(r"^((?:---|\+\+\+) [^\t\n]*)\t[^\n]*$", r"\1", text, flags=re.M)


def time_fixes(res, args, tools, bdir, orig, src, work, cfg_tuple):
    """The baseline (one run-clang-tidy-22 pass with structify-tuple-return),
    `check` then `fix` (warm: each unit's records come from the results
    cache), then `fix --no-cache` (cold), whose rewrite is left in src. Sets
    res: run_clang_tidy_seconds, findings_tuple, warm_fix, fix."""
    log("  baseline: run-clang-tidy-22 -load <plugin>, structify-tuple-return")
    rc, out, rct = run(["run-clang-tidy-22", "-load", tools["plugin"], "-config-file", cfg_tuple,
                        "-p", bdir, "-j", str(args.jobs), "-quiet"])
    # A baseline that did not run is no baseline: no time, and the reason.
    res["run_clang_tidy_seconds"] = rct if rc == 0 else None
    if rc != 0:
        res["run_clang_tidy_error"] = next(
            (l for l in out.splitlines() if "rror" in l), "exit %d" % rc).strip()
        log("  ! the baseline failed (exit %d): %s" % (rc, res["run_clang_tidy_error"]))

    # The fix right after a check, as CI runs them: check leaves each unit's
    # records in the results cache; fix parses nothing to collect.
    shutil.rmtree(os.path.join(bdir, ".structify-cache"), ignore_errors=True)
    log("  structify check (structify-tuple-return), then structify fix (warm)")
    res["findings_tuple"] = structify_check(tools, bdir, cfg_tuple, args.jobs,
                                            os.path.join(work, "findings-tuple.json"), cache=True)
    rc, out, err, warm = run_split([tools["structify"], "fix", "-p", bdir, "--config-file",
                                    cfg_tuple, "-j", str(args.jobs), "--quiet"])
    res["warm_fix"] = dict(exit=rc, seconds=warm, stages=stage_times(err),
                           diff=tree_diff(orig, src))
    reset_tree(orig, src)

    log("  stage tuple-return: structify fix --no-cache")
    rc, out, err, secs = run_split([tools["structify"], "fix", "-p", bdir, "--config-file",
                                    cfg_tuple, "-j", str(args.jobs), "--quiet", "--no-cache"])
    with open(os.path.join(work, "structify-fix.log"), "w") as f:
        f.write(out + err)
    fix = parse_fix_output(out, err)
    fix.update(exit=rc, seconds=secs, stdout=out, stderr=err, stages=stage_times(err))
    fix["changed_files"] = changed_files(orig, src)
    res["fix"] = fix
    # The warm fix must have written exactly what the cold one did.
    res["warm_fix"]["same_files"] = res["warm_fix"].pop("diff") == tree_diff(orig, src)


def run_timing_only(res, args, tools, bdir, orig, src, work, cfg_tuple):
    """--timing-only: time_fixes on the configured project, without building
    it or running its tests (structify's own verification still compiles
    every unit a fix affects). The sources are put back."""
    time_fixes(res, args, tools, bdir, orig, src, work, cfg_tuple)
    res["findings"] = res["findings_tuple"]
    with open(os.path.join(work, "tuple-return.diff"), "w") as f:
        f.write(tree_diff(orig, src))
    reset_tree(orig, src)
    fix = res["fix"]
    res["ok"] = fix["exit"] == 0 and res["warm_fix"]["exit"] == 0 and res["warm_fix"]["same_files"]
    report_fix_share_and_time(res)
    log("  result: %s (timing only: not built, tests not run)" % ("ok" if res["ok"] else "FAILED"))
    return res


# --- reports --------------------------------------------------------------------------

def fmt_tests(t):
    return "%d passed, %d failed" % (t["passed"], t["failed"]) if t["total"] else "not run"


def fmt_build(b):
    return "ok" if b["ok"] else "FAILED (%d targets)" % len(b["failed"])


def compared_tools(args):
    return dict(structify=os.path.join(args.compare_build, "tool", "structify", "structify"))


def finding_keys(path):
    """Every finding of a JSON report, with its notes and fixes, as sortable
    text: what the two builds must agree on (timings and the summary aside)."""
    report = json.load(open(path))
    return sorted(json.dumps(f, sort_keys=True) for f in report.get("findings", []))


def compare_findings(compared_json, json_path):
    """--compare-build: the same findings, notes and fixes from both builds."""
    a, b = finding_keys(compared_json), finding_keys(json_path)
    only_compared = [x for x in a if x not in b]
    only_this = [x for x in b if x not in a]
    same = not only_compared and not only_this
    with_fix = sum(1 for x in b if json.loads(x).get("fixes"))
    if same:
        log("  same findings as %s: %d findings, %d with a fix, notes and fixes identical"
            % ("--compare-build", len(b), with_fix))
    else:
        log("  DIFFERENT from --compare-build: %d findings only there, %d only here"
            % (len(only_compared), len(only_this)))
        for x in (only_compared + only_this)[:6]:
            log("    " + x[:400])
    return dict(same=same, findings=len(b), with_fix=with_fix,
                only_compared=len(only_compared), only_this=len(only_this))


def report_check_only(res):
    f = res["findings"]
    log("  findings: " + ", ".join("%s %d (%d with a fix)" % (c, v["findings"], v["with_fix"])
                                   for c, v in f["per_check"].items()) or "none")
    log("  units that did not compile: %d" % len(f["failures"]))
    for x in f["failures"][:5]:
        log("    %s: %s" % (x["file"], x["problem"]))


def report_project(res):
    f = res["findings"]
    log("-- %s: %d units, compiler %s" % (res["project"], res["units"], res["compiler"]))
    for c in CHECKS + ("clang-diagnostic-error",):
        v = f["per_check"].get(c, dict(findings=0, with_fix=0))
        log("  findings %-24s %4d, with a fix %4d" % (c, v["findings"], v["with_fix"]))
    if f["failures"]:
        log("  units that did not compile for structify check: %d" % len(f["failures"]))
    log("  tests before: %s" % fmt_tests(res["tests_before"]))
    fx = res["fix"]
    log("  tuple-return: structify fix exit %d, %d functions rewritten (%d edits in %d files), "
        "%d skipped" % (fx["exit"], len(fx["rewritten"]), fx["edits"], fx["files"],
                        len(fx["skipped"])))
    for line in fx["rewritten"]:
        log("    rewrote " + line)
    for reason, n in collections.Counter(skip_category(r) for _, r in fx["skipped"]).most_common():
        log("    skipped %3d: %s" % (n, reason))
    for e in fx["errors"][:10]:
        log("    ! " + e)
    s1 = res["stage_tuple"]
    log("    build %s; tests %s%s" % (fmt_build(s1["build"]), fmt_tests(s1["tests"]),
                                     "; changed: " + ", ".join(s1["tests_changed"][:10])
                                     if s1["tests_changed"] else ""))
    for e in s1["build"]["errors"][:8]:
        log("    ! " + e)
    ix = res["index_fixes"]
    v = ix["findings"]["per_check"].get(CHECKS[1], dict(findings=0, with_fix=0))
    log("  index-access: %d findings, %d with a fix; %d replacements exported; "
        "clang-apply-replacements exit %d" % (v["findings"], v["with_fix"], ix["replacements"],
                                              ix["apply_exit"]))
    if ix["apply_exit"] != 0:
        for l in ix["apply_output"].splitlines()[:8]:
            log("    ! " + l)
    s2 = res["stage_index"]
    log("    build %s; tests %s%s" % (fmt_build(s2["build"]), fmt_tests(s2["tests"]),
                                     "; changed: " + ", ".join(s2["tests_changed"][:10])
                                     if s2["tests_changed"] else ""))
    for e in s2["build"]["errors"][:8]:
        log("    ! " + e)
    report_fix_share_and_time(res)
    log("  result: %s" % ("ok" if res["ok"] else "FAILED"))


def report_fix_share_and_time(res):
    """The share of flagged APIs rewritten, the skip reasons, and the times."""
    f, fx = res["findings"], res["fix"]
    if "stage_tuple" not in res:
        log("-- %s: %d units, compiler %s" % (res["project"], res["units"], res["compiler"]))
        log("  tuple-return: structify fix exit %d, %d functions rewritten, %d skipped"
            % (fx["exit"], len(fx["rewritten"]), len(fx["skipped"])))
        for line in fx["rewritten"]:
            log("    rewrote " + line)
        for reason, n in collections.Counter(skip_category(r) for _, r in fx["skipped"]).most_common():
            log("    skipped %3d: %s" % (n, reason))
        for e in fx["errors"][:10]:
            log("    ! " + e)
    flagged = f["per_check"].get(CHECKS[0], dict(findings=0))["findings"]
    rewritten_apis = fx["functions"] - fx["overrides"]
    log("  tuple-return share: %d of %d flagged APIs rewritten (%s), %d overrides with them"
        % (rewritten_apis, flagged, "%.0f%%" % (100.0 * rewritten_apis / flagged) if flagged
           else "-", fx["overrides"]))
    wf = res["warm_fix"]
    log("  time: structify fix %.1f s (%s), run-clang-tidy-22 %s; after a warm check %.1f s "
        "(%s)%s" % (fx["seconds"], ", ".join("%s %.1f s" % kv for kv in fx["stages"].items()),
                    fmt_baseline(fx["seconds"], res["run_clang_tidy_seconds"]), wf["seconds"],
                    fmt_ratio(wf["seconds"], res["run_clang_tidy_seconds"]),
                    "" if wf["same_files"] else "; ! it wrote other files than the cold fix"))


def summary_table(results):
    log("")
    log("| project | units | tuple-return findings | index-access findings (with fix) | "
        "rewritten / skipped | build after tuple-return | build after index-access | "
        "tests before | tests after | fix / run-clang-tidy | fix after a warm check |")
    log("| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |")
    for r in results:
        if "error" in r:
            log("| %s | error: %s | | | | | | | | |" % (r["project"], r["error"].splitlines()[0]))
            continue
        if "fix" not in r or "stage_index" not in r:
            continue  # --check-only, --timing-only: reported above
        pc = r["findings"]["per_check"]
        tr = pc.get(CHECKS[0], dict(findings=0))
        ia = pc.get(CHECKS[1], dict(findings=0, with_fix=0))
        fx = r["fix"]
        after = r["stage_index"]["tests"] if r["stage_index"]["build"]["ok"] else None
        wf = r["warm_fix"]
        log("| %s | %d | %d | %d (%d) | %d / %d%s | %s | %s | %s | %s | %.1f s / %s | %.1f s (%s)%s |" % (
            r["project"], r["units"], tr["findings"], ia["findings"], ia["with_fix"],
            fx["functions"] - fx["overrides"], len(fx["skipped"]),
            "" if fx["exit"] == 0 else " (exit %d)" % fx["exit"],
            fmt_build(r["stage_tuple"]["build"]), fmt_build(r["stage_index"]["build"]),
            fmt_tests(r["tests_before"]), fmt_tests(after) if after else "not run",
            fx["seconds"], fmt_baseline(fx["seconds"], r["run_clang_tidy_seconds"]),
            wf["seconds"], fmt_ratio(wf["seconds"], r["run_clang_tidy_seconds"]),
            "" if wf["same_files"] else ", other files"))


def fmt_ratio(seconds, baseline_seconds):
    return "%.2fx" % (seconds / baseline_seconds) if baseline_seconds else "no baseline"


def fmt_baseline(fix_seconds, baseline_seconds):
    """`57.1 s (0.78x)`, or why there is no ratio."""
    if baseline_seconds is None:
        return "baseline failed"
    return "%.1f s (%.2fx)" % (baseline_seconds, fix_seconds / baseline_seconds
                               if baseline_seconds else 0)


def main():
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--projects", help="comma-separated names (default: every project not marked slow)")
    p.add_argument("--all", action="store_true", help="every project, the slow ones too")
    p.add_argument("--list", action="store_true", help="list the projects and exit")
    p.add_argument("--compiler", default="clang++-22", choices=["clang++-22", "g++"])
    p.add_argument("-j", "--jobs", type=int, default=2)
    p.add_argument("--keep", action="store_true", help="keep each project's scratch tree")
    p.add_argument("--reuse", action="store_true",
                   help="reuse a kept scratch tree and its build: its sources are reset to "
                        "the original ones and ninja rebuilds what changed")
    p.add_argument("--timing-only", action="store_true",
                   help="time fix (cold and after a warm check) against run-clang-tidy and "
                        "report the share of flagged APIs rewritten, without building the "
                        "project or running its tests")
    p.add_argument("--check-only", action="store_true",
                   help="configure and run structify check only (no build, tests or fixes)")
    p.add_argument("--wide", action="store_true",
                   help="also flag non-public functions and detail namespaces")
    p.add_argument("--build-dir", default=os.environ.get("STRUCTIFY_BUILD_DIR",
                                                         os.path.join(ROOT, "build")),
                   help="structify's build directory (default: build)")
    p.add_argument("--compare-build",
                   help="with --check-only: also run the check of this other build "
                        "directory of structify (an earlier revision) and require the "
                        "same findings, notes and fixes; exits 1 when they differ")
    p.add_argument("--json", help="write every result to this file")
    args = p.parse_args()

    if args.list:
        for n, s in PROJECTS.items():
            log("%-22s %s%s" % (n, s.get("export_macro") or "no export macro",
                                " (slow)" if s.get("slow") else ""))
        return 0
    if args.projects:
        names = args.projects.split(",")
        unknown = [n for n in names if n not in PROJECTS]
        if unknown:
            print("real-projects: unknown project %s; try --list" % ", ".join(unknown), file=sys.stderr)
            return 2
    else:
        names = [n for n, s in PROJECTS.items() if args.all or not s.get("slow")]
    tools = dict(structify=os.path.join(args.build_dir, "tool", "structify", "structify"),
                 plugin=os.path.join(args.build_dir, "tool", "structify-tidy-plugin.so"))
    for t in tools.values():
        if not os.path.exists(t):
            print("real-projects: %s: not built; build structify first" % t, file=sys.stderr)
            return 2
    if args.compare_build and (not args.check_only or
                               not os.path.exists(compared_tools(args)["structify"])):
        print("real-projects: --compare-build needs --check-only and a built structify in "
              "%s" % args.compare_build, file=sys.stderr)
        return 2
    rc, rev, _ = run(["git", "-C", ROOT, "rev-parse", "--short", "HEAD"])
    log("structify %s, %s, -j %d" % (rev.strip(), args.compiler, args.jobs))

    results = []
    for n in names:
        try:
            r = run_project(n, PROJECTS[n], args, tools)
        except RuntimeError as e:
            log("  error: %s" % e)
            r = dict(project=n, error=str(e), ok=False)
        results.append(r)
        if not args.keep and not args.reuse:
            shutil.rmtree(os.path.join(CORPUS, "harness-%s-%s" % (n, args.compiler.replace("+", "x"))),
                          ignore_errors=True)
    if not args.check_only:
        summary_table(results)
    if args.json:
        with open(args.json, "w") as f:
            json.dump(results, f, indent=1, default=str)
    if args.check_only:
        return 0 if all(r.get("ok", True) for r in results) else 1
    return 0 if all(r.get("ok") for r in results) else 1


if __name__ == "__main__":
    sys.exit(main())
