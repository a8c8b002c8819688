#!/usr/bin/env python3
"""Judges structify's fixes on generated programs (test/generator/programs.py).

    judge.py --count N [--seed S] [--start I] [--modes file,project] ...

For each generated program: applies every fix of both checks as users do, in
one of two ways:
  file     the program is one file: `structify-tidy --fix` on it;
  project  each producer is declared in a header that a library unit and a
           using unit include, compiled with different macros; `structify
           fix -p` rewrites the header APIs across the project, then
           structify-index-access's fixes are exported by `structify check`
           and applied with clang-apply-replacements (the README example's
           way);
then builds the original and the fixed program with
-fsanitize=address,undefined, runs both and compares what they print.

A fixed program that does not compile, prints something else, or trips a
sanitizer is a failure; so is a rewrite that `structify fix` had to skip
because its own verification found it broke the build. Each failure is reduced (cases and contexts removed
while it still fails the same way) and written under --work/failures/ with
the original, the fixed program, the reduced program and the error.

Programs are judged in batches (several programs in one file or project,
each in its own namespace) for speed; a batch that fails is judged again
program by program, so each failure is blamed on one program.

Prints figures: programs, findings and fixes per check, fixes per producer
kind and context, failures by kind. Exits 1 when a program fails.
"""

import argparse
import collections
import json
import multiprocessing
import os
import re
import shlex
import shutil
import subprocess
import sys
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import programs as gen  # noqa: E402

SANITIZE = ["-fsanitize=address,undefined", "-fno-sanitize-recover=all",
            "-fno-omit-frame-pointer", "-O0", "-g0", "-w"]
CHECKS = "{Checks: '-*,structify-*'}"
WARNING = re.compile(r"^(?P<file>[^:\n]+):(?P<line>\d+):\d+: warning: .* \[(?P<check>structify-[a-z-]+)\]$")
FIXED_NOTE = "note: FIX-IT applied suggested code changes"
ERROR_LINE = re.compile(r"^(?P<file>[^:\n]+):(?P<line>\d+):\d+: error: ")


class Tools:
    def __init__(self, args):
        self.tidy = args.structify_tidy
        self.structify = args.structify
        self.clangxx = args.clangxx
        self.apply = args.clang_apply_replacements
        self.timeout = args.timeout


def run(cmd, cwd=None, timeout=600, env=None):
    try:
        p = subprocess.run(cmd, cwd=cwd, stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                           text=True, timeout=timeout, env=env)
        return p.returncode, p.stdout
    except subprocess.TimeoutExpired as e:
        return 124, (e.stdout or "") + "\n(timed out)"


def sections(output):
    """{program name: what it printed} from a run's output."""
    result, current = {}, None
    for line in output.splitlines():
        if line.startswith("== p"):
            current = line[3:].strip()
            result[current] = []
        elif current is not None:
            result[current].append(line)
    return {k: "\n".join(v) for k, v in result.items()}


def count_findings(tidy_output, stats):
    """Warnings and applied fixes per check from clang-tidy's output."""
    lines = tidy_output.splitlines()
    for i, line in enumerate(lines):
        m = WARNING.match(line)
        if not m:
            continue
        check = m.group("check")
        stats[f"findings {check}"] += 1
        for follow in lines[i + 1:]:
            if WARNING.match(follow):
                break
            if FIXED_NOTE in follow:
                stats[f"fixes {check}"] += 1
                break


def blame(lines_of, error_output, path_suffix):
    """The programs whose lines hold the errors in error_output."""
    blamed = set()
    for line in error_output.splitlines():
        m = ERROR_LINE.match(line)
        if m and m.group("file").endswith(path_suffix):
            n = int(m.group("line"))
            for name, (first, last) in lines_of.items():
                if first <= n <= last:
                    blamed.add(name)
    return blamed


def program_lines(text):
    """{program name: (first line, last line)} of the programs of a batch
    file or unit, each starting at `// ---- NAME`."""
    spans, current, start = {}, None, 0
    lines = text.splitlines()
    for i, line in enumerate(lines, 1):
        if line.startswith("// ---- p"):
            if current:
                spans[current] = (start, i - 1)
            current, start = line[8:].strip(), i
        elif line.startswith("int main()") and current:
            spans[current] = (start, i - 1)
            current = None
    if current:
        spans[current] = (start, len(lines))
    return spans


def program_parts(text):
    """{program name: its text} of a batch file or unit."""
    lines = text.splitlines()
    return {name: lines[a - 1:b] for name, (a, b) in program_lines(text).items()}


def read(path):
    with open(path) as f:
        return f.read()


class Verdict:
    """The outcome of judging a batch: per program ok, or a failure."""

    def __init__(self):
        self.failures = {}       # program name -> (kind, detail)
        self.stats = collections.Counter()
        self.fixed_programs = set()


def build_and_run(tools, sources, std, out, include=None, defines=None, env=None):
    """Compiles (each source with its own flags) and links; runs. Returns
    (stage, code, output): stage is 'compile', 'run' or 'ok'."""
    objects = []
    for src, flags in sources:
        obj = os.path.join(out, os.path.basename(src) + ".o")
        cmd = [tools.clangxx, f"-std={std}", *SANITIZE, *flags, "-c", src, "-o", obj]
        if include:
            cmd[1:1] = ["-I", include]
        code, text = run(cmd, timeout=tools.timeout)
        if code != 0:
            return "compile", code, text
        objects.append(obj)
    exe = os.path.join(out, "program")
    code, text = run([tools.clangxx, *SANITIZE, *objects, "-o", exe], timeout=tools.timeout)
    if code != 0:
        return "compile", code, text
    env = dict(os.environ, ASAN_OPTIONS="detect_leaks=0:abort_on_error=0",
               UBSAN_OPTIONS="print_stacktrace=0")
    code, text = run([exe], timeout=60, env=env)
    if code != 0 or "runtime error:" in text or "Sanitizer" in text:
        return "run", code, text
    return "ok", 0, text


# Contexts whose value structify-index-access reports whatever the producer:
# a variable whose elements are read by position into named variables.
REPORTED_CONTEXTS = ("named_reads",)


def missed_findings(tools, progs, text, path, std):
    """{program name: the declarations of REPORTED_CONTEXTS that
    structify-index-access (alone: structify-tuple-return's functions are
    not left to it) did not report}. Catches a finding lost anywhere in a
    unit: the fixes' correctness says nothing about what was not reported."""
    code, out = run([tools.tidy, "--config={Checks: '-*,structify-index-access'}", "--quiet",
                     path, "--", f"-std={std}"], timeout=tools.timeout)
    reported = set()
    for line in out.splitlines():
        m = WARNING.match(line)
        if m and m.group("check") == "structify-index-access":
            reported.add(int(m.group("line")))
    spans, lines, missed = program_lines(text), text.splitlines(), {}
    for p in progs:
        first, last = spans[p.name]
        for case in p.cases:
            for name, ctx in case.contexts:
                if name not in REPORTED_CONTEXTS:
                    continue
                decl = ctx[0].strip()
                at = [i for i in range(first, last + 1) if lines[i - 1].strip() == decl]
                if at and at[0] not in reported:
                    missed.setdefault(p.name, []).append(f"{at[0]}: {decl}")
    return missed


def judge_file_batch(tools, progs, work):
    """The file mode: one file, structify-tidy --fix."""
    v = Verdict()
    std = progs[0].std
    os.makedirs(work, exist_ok=True)
    text = gen.render_batch_file(progs)
    orig = os.path.join(work, "original.cpp")
    fixed = os.path.join(work, "fixed.cpp")
    with open(orig, "w") as f:
        f.write(text)
    shutil.copy(orig, fixed)
    odir, fdir = os.path.join(work, "orig.out"), os.path.join(work, "fixed.out")
    os.makedirs(odir, exist_ok=True)
    os.makedirs(fdir, exist_ok=True)
    stage, code, before = build_and_run(tools, [(orig, [])], std, odir)
    if stage != "ok":
        for p in progs:
            v.failures[p.name] = ("generator", before[-4000:])
        return v
    for name, decls in missed_findings(tools, progs, text, orig, std).items():
        v.failures[name] = ("missed-finding", "structify-index-access did not report:\n" +
                            "\n".join(decls))
    code, tidy_out = run([tools.tidy, f"--config={CHECKS}", "--fix", "--quiet", fixed,
                          "--", f"-std={std}"], timeout=tools.timeout)
    if code != 0 and "error:" in tidy_out and "generated." not in tidy_out:
        for p in progs:
            v.failures[p.name] = ("structify-error", tidy_out[-4000:])
        return v
    count_findings(tidy_out, v.stats)
    with open(fixed) as f:
        fixed_text = f.read()
    spans = program_lines(fixed_text)
    old_parts, new_parts = program_parts(text), program_parts(fixed_text)
    v.fixed_programs = {p.name for p in progs if old_parts.get(p.name) != new_parts.get(p.name)}
    stage, code, after = build_and_run(tools, [(fixed, [])], std, fdir)
    if stage == "compile":
        blamed = blame(spans, after, "fixed.cpp") or {p.name for p in progs}
        for name in blamed:
            v.failures[name] = ("does-not-compile", after[-4000:])
        return v
    compare(progs, before, after, stage, v)
    return v


def compare(progs, before, after, stage, v):
    old, new = sections(before), sections(after)
    for p in progs:
        if p.name not in new:
            v.failures[p.name] = ("sanitizer" if "Sanitizer" in after or "runtime error" in after
                                  else "crash", after[-4000:])
            # Programs after it did not run: judged again alone.
            break
        if old.get(p.name) != new[p.name]:
            v.failures[p.name] = ("different-output",
                                  f"before:\n{old.get(p.name)}\nafter:\n{new[p.name]}")
    if stage == "run" and not v.failures:
        last = list(new)[-1] if new else progs[0].name
        v.failures[last] = ("sanitizer" if "Sanitizer" in after or "runtime error" in after
                            else "crash", after[-4000:])


def write_project(progs, root):
    files, units = gen.render_project(progs)
    for path, text in files.items():
        full = os.path.join(root, path)
        os.makedirs(os.path.dirname(full), exist_ok=True)
        with open(full, "w") as f:
            f.write(text)
    with open(os.path.join(root, ".clang-tidy"), "w") as f:
        f.write("Checks: '-*,structify-*'\nFormatStyle: none\n")
    build = os.path.join(root, "build")
    os.makedirs(build, exist_ok=True)
    db = []
    for src, flags, std in units:
        db.append({"directory": build, "file": os.path.join(root, src),
                   "arguments": ["clang++", f"-std={std}", "-I", os.path.join(root, "include"),
                                 *flags, "-c", os.path.join(root, src)]})
    with open(os.path.join(build, "compile_commands.json"), "w") as f:
        json.dump(db, f, indent=1)
    return units


def judge_project_batch(tools, progs, work):
    """The project mode: structify fix, then index-access's fixes."""
    v = Verdict()
    root = os.path.join(work, "project")
    orig_root = os.path.join(work, "original")
    shutil.rmtree(root, ignore_errors=True)
    shutil.rmtree(orig_root, ignore_errors=True)
    units = write_project(progs, root)
    shutil.copytree(root, orig_root)
    std = max(p.std for p in progs)
    odir, fdir = os.path.join(work, "orig.out"), os.path.join(work, "fixed.out")
    os.makedirs(odir, exist_ok=True)
    os.makedirs(fdir, exist_ok=True)

    def sources(base):
        return [(os.path.join(base, src), [*flags, f"-std={s}"]) for src, flags, s in units]

    stage, code, before = build_and_run(tools, sources(orig_root), std, odir,
                                        include=os.path.join(orig_root, "include"))
    if stage != "ok":
        for p in progs:
            v.failures[p.name] = ("generator", before[-4000:])
        return v
    build = os.path.join(root, "build")
    code, fix_out = run([tools.structify, "fix", "-p", build, f"--source-root={root}",
                         "--quiet", "-j", "1"], timeout=tools.timeout)
    if code not in (0, 1):
        for p in progs:
            v.failures[p.name] = ("structify-error", fix_out[-4000:])
        return v
    m = re.search(r"rewrote (\d+) functions?", fix_out)
    v.stats["fixes structify fix"] += int(m.group(1)) if m else 0
    if "did not compile" in fix_out:
        # structify fix's own verification caught a rewrite that breaks the
        # build and skipped it: the files are safe, but the rewrite is wrong
        # (and through the check's Plan option it would be written).
        v.stats["verify rounds that caught a broken rewrite"] += 1
        for p in progs:
            v.failures[p.name] = ("rewrite-caught-by-verify", fix_out[-4000:])
    fixes = os.path.join(work, "fixes")
    shutil.rmtree(fixes, ignore_errors=True)
    os.makedirs(fixes)
    code, check_out = run([tools.structify, "check", "-p", build,
                           "--checks=-*,structify-index-access", "--no-cache", "--quiet",
                           "-j", "1", "--export-fixes", os.path.join(fixes, "fixes.yaml")],
                          timeout=tools.timeout)
    if code > 1:
        for p in progs:
            v.failures[p.name] = ("structify-error", check_out[-4000:])
        return v
    count_findings(check_out, v.stats)
    v.stats["fixes structify-index-access"] = v.stats.get("fixes structify-index-access", 0)
    if os.path.exists(os.path.join(fixes, "fixes.yaml")):
        with open(os.path.join(fixes, "fixes.yaml")) as f:
            # Each exported diagnostic; those with replacements are fixes.
            blocks = f.read().split("DiagnosticName:")[1:]
            v.stats["fixes structify-index-access"] += sum("FilePath:" in b for b in blocks)
        code, apply_out = run([tools.apply, fixes], timeout=tools.timeout)
        if code != 0:
            for p in progs:
                v.failures[p.name] = ("apply-conflict", apply_out[-4000:])
            return v
    parts = {}
    for unit in ("src/lib.cpp", "src/use.cpp"):
        parts[unit] = [program_parts(read(os.path.join(base, unit))) for base in (orig_root, root)]
    for p in progs:
        header = f"include/{p.name}.h"
        if read(os.path.join(root, header)) != read(os.path.join(orig_root, header)) or any(
                old.get(p.name) != new.get(p.name) for old, new in parts.values()):
            v.fixed_programs.add(p.name)
    stage, code, after = build_and_run(tools, sources(root), std, fdir,
                                       include=os.path.join(root, "include"))
    if stage == "compile":
        blamed = set()
        for unit in ("src/lib.cpp", "src/use.cpp"):
            blamed |= blame(program_lines(read(os.path.join(root, unit))), after, unit)
        for line in after.splitlines():
            m = ERROR_LINE.match(line)
            if m and m.group("file").endswith(".h"):
                blamed.add(os.path.basename(m.group("file"))[:-2])
        blamed &= {p.name for p in progs}
        for name in blamed or {p.name for p in progs}:
            v.failures[name] = ("does-not-compile", after[-4000:])
        return v
    compare(progs, before, after, stage, v)
    return v


JUDGES = {"file": judge_file_batch, "project": judge_project_batch}


def judge_alone(tools, mode, prog, work):
    shutil.rmtree(work, ignore_errors=True)
    return JUDGES[mode](tools, [prog], work)


def reduce(tools, mode, prog, kind, work):
    """The smallest subset of the program's cases and contexts that still
    fails with the same kind."""
    keep = prog.shape()

    def fails(candidate_keep):
        candidate = prog.subset(candidate_keep)
        if not candidate.cases or not any(case.contexts for case in candidate.cases):
            return False
        v = judge_alone(tools, mode, candidate, work)
        return v.failures.get(prog.name, (None,))[0] == kind

    changed = True
    while changed:
        changed = False
        for c in range(len(keep)):
            trial = keep[:c] + keep[c + 1:]
            if trial and fails(trial):
                keep, changed = trial, True
                break
        if changed:
            continue
        for c in range(len(keep)):
            for k in range(len(keep[c][1])):
                ks = keep[c][1][:k] + keep[c][1][k + 1:]
                if not ks:
                    continue
                trial = keep[:c] + [(keep[c][0], ks)] + keep[c + 1:]
                if fails(trial):
                    keep, changed = trial, True
                    break
            if changed:
                break
    return prog.subset(keep)


def judge_batch(job):
    """One batch: judged together; failing programs judged alone, reduced."""
    tools, mode, indices, work, do_reduce = job
    # Programs hold functions, which do not cross processes: made again here.
    progs = [gen.generate(seed, index) for seed, index in indices]
    v = JUDGES[mode](tools, progs, work)
    result = {"stats": dict(v.stats), "programs": len(progs), "failures": [],
              "fixed": len(v.fixed_programs),
              "labels": {p.name: p.labels() for p in progs},
              "fixed_names": sorted(v.fixed_programs)}
    if not v.failures:
        return result
    # Judged again alone: a batch failure may hide behind another program.
    for p in progs:
        alone = judge_alone(tools, mode, p, os.path.join(work, "alone", p.name))
        if p.name not in alone.failures:
            if p.name in v.failures:
                # Fails beside the others only: the programs of the batch
                # change each other's outcome (one unit-wide state), which is
                # a failure too; its files are the batch's.
                kind, detail = v.failures[p.name]
                result["failures"].append(
                    {"program": p.name, "seed": p.seed, "index": p.index, "mode": mode,
                     "std": p.std, "kind": kind + " (in its batch only)",
                     "labels": p.labels(), "reduced_labels": p.labels(),
                     "detail": detail, "where": work})
            continue
        kind, detail = alone.failures[p.name]
        entry = {"program": p.name, "seed": p.seed, "index": p.index, "mode": mode,
                 "std": p.std, "kind": kind, "labels": p.labels()}
        reduced = p
        if do_reduce and kind not in ("generator",):
            reduced = reduce(tools, mode, p, kind, os.path.join(work, "reduce", p.name))
        entry["reduced_labels"] = reduced.labels()
        final = judge_alone(tools, mode, reduced, os.path.join(work, "final", p.name))
        entry["detail"] = final.failures.get(p.name, (kind, detail))[1]
        entry["where"] = os.path.join(work, "final", p.name)
        result["failures"].append(entry)
    return result


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--count", type=int, default=100)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--start", type=int, default=0)
    ap.add_argument("--batch", type=int, default=20)
    ap.add_argument("--jobs", "-j", type=int, default=os.cpu_count() or 1)
    ap.add_argument("--modes", default="file,project",
                    help="comma-separated: file, project; programs alternate")
    ap.add_argument("--work", required=True)
    ap.add_argument("--structify-tidy", required=True)
    ap.add_argument("--structify", required=True)
    ap.add_argument("--clangxx", required=True)
    ap.add_argument("--clang-apply-replacements", required=True)
    ap.add_argument("--timeout", type=int, default=600)
    ap.add_argument("--no-reduce", action="store_true")
    ap.add_argument("--report", help="write the figures as JSON here")
    args = ap.parse_args()
    tools = Tools(args)
    modes = args.modes.split(",")
    start = time.time()

    # Programs, grouped into batches of one mode and one language standard.
    groups = collections.defaultdict(list)
    for i in range(args.start, args.start + args.count):
        p = gen.generate(args.seed, i)
        mode = modes[i % len(modes)]
        groups[(mode, p.std)].append(p)
    jobs = []
    for (mode, std), progs in sorted(groups.items()):
        for b in range(0, len(progs), args.batch):
            chunk = progs[b:b + args.batch]
            work = os.path.join(args.work, f"{mode}-{std}-{chunk[0].index}")
            jobs.append((tools, mode, [(p.seed, p.index) for p in chunk], work,
                         not args.no_reduce))
    totals = collections.Counter()
    by_label = collections.Counter()
    fixed_by_label = collections.Counter()
    failures = []
    programs_fixed = 0
    with multiprocessing.Pool(args.jobs) as pool:
        for result in pool.imap_unordered(judge_batch, jobs):
            totals.update(result["stats"])
            programs_fixed += result["fixed"]
            for name, labels in result["labels"].items():
                for label in set(labels):
                    by_label[label] += 1
                    if name in result["fixed_names"]:
                        fixed_by_label[label] += 1
            failures.extend(result["failures"])
            for f in result["failures"]:
                print(f"FAIL {f['kind']}: program {f['index']} (seed {f['seed']}, {f['mode']}, "
                      f"{f['std']}), reduced to {' + '.join(f['reduced_labels'])}: {f['where']}",
                      flush=True)
    elapsed = time.time() - start
    kinds = collections.Counter(f["kind"] for f in failures)
    print(f"structify generated programs: {args.count} programs (seed {args.seed}, "
          f"from {args.start}), {programs_fixed} changed by a fix, "
          f"{len(failures)} failed, in {elapsed:.0f} s")
    for key in sorted(totals):
        print(f"  {key}: {totals[key]}")
    for kind, n in sorted(kinds.items()):
        print(f"  failures {kind}: {n}")
    if args.report:
        with open(args.report, "w") as f:
            json.dump({"programs": args.count, "seed": args.seed, "start": args.start,
                       "changed": programs_fixed, "seconds": round(elapsed),
                       "totals": dict(totals), "failures": failures,
                       "programs_by_shape": dict(by_label),
                       "changed_by_shape": dict(fixed_by_label)}, f, indent=1)
    for f in failures:
        print(f"\n--- {f['kind']} in program {f['index']} ({f['mode']}, {f['std']}): "
              f"{' + '.join(f['reduced_labels'])}\n{f['detail'][:3000]}")
    sys.exit(1 if failures else 0)


if __name__ == "__main__":
    main()
