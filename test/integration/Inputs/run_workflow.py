#!/usr/bin/env python3
"""run_workflow.py: runs a CI workflow from a Markdown guide on this machine,
as GitHub's or GitLab's hosted runners would, so that the guide's workflows
are tested as written (test/integration/ci-guide.test).

  run_workflow.py github GUIDE.md BLOCK --repo GIT_DIR --rev REV
      --workspace DIR --state DIR --event push|pull_request [--base REV]
      --action OWNER/NAME=DIR --sarif-validator 'CMD...'
  run_workflow.py gitlab GUIDE.md BLOCK --repo GIT_DIR --rev REV
      --workspace DIR --state DIR [--variable NAME=VALUE...]
  (both: [--path DIR...], directories put first on the PATH)

BLOCK names a ```yaml block of the guide by its first line, a comment
("# .github/workflows/structify.yml"). Each job starts from a fresh clone of
GIT_DIR at REV in DIR (the same path every time, as on hosted runners), with
a fresh HOME and RUNNER_TEMP. `run:` steps and GitLab's scripts run in bash;
`uses:` steps run the action OWNER/NAME from DIR (a composite action: its
steps run the same way), or stand-ins for the actions a workflow relies on:
actions/checkout (the clone), actions/cache (a directory of entries under
--state, shared by the jobs and the runs, restored by key then prefix),
actions/upload-artifact and download-artifact (a directory under --state),
github/codeql-action/upload-sarif (the file must pass --sarif-validator).
GitLab's cache and artifacts:reports:codequality are handled alike.

What happened goes to stdout, one line per fact, for FileCheck:
  job NAME [matrix]: success|failure
  step NAME: success|failure|skipped
  annotation LEVEL FILE:LINE:COL TITLE: MESSAGE
  cache restored KEY | cache missed KEY | cache saved KEY
  artifact uploaded NAME | artifacts downloaded NAMES
  sarif uploaded CATEGORY: N results
  summary: LINE (the job summary's lines)
  log: structify: ... (the lines structify's summary and errors start with)
Every step's output is kept in --state/logs/.
"""

import argparse
import fnmatch
import glob
import hashlib
import itertools
import json
import os
import re
import shutil
import subprocess
import sys

import yaml


def die(message):
    sys.exit("run_workflow: " + message)


def yaml_block(guide, first_line):
    """The ```yaml block of the guide whose first line is first_line."""
    text = open(guide).read()
    for block in re.findall(r"```yaml\n(.*?)```", text, re.S):
        if block.split("\n", 1)[0].strip() == first_line:
            return yaml.safe_load(block)
    die("%s has no yaml block starting with %r" % (guide, first_line))


# --- GitHub's expressions ---------------------------------------------------

TOKEN = re.compile(r"\s*(?:(?P<str>'(?:[^']|'')*')|(?P<num>-?\d+(?:\.\d+)?)"
                   r"|(?P<op>==|!=|&&|\|\||<=|>=|[!()<>,.\[\]*])"
                   r"|(?P<name>[A-Za-z_][A-Za-z0-9_-]*))")


def tokenize(text):
    tokens, pos = [], 0
    while pos < len(text):
        if text[pos:].strip() == "":
            break
        m = TOKEN.match(text, pos)
        if not m:
            die("cannot parse expression %r at %d" % (text, pos))
        pos = m.end()
        kind = m.lastgroup
        tokens.append((kind, m.group(kind)))
    return tokens


def truthy(v):
    return v not in (None, False, 0, "", 0.0)


def text(v):
    if v is None:
        return ""
    if v is True:
        return "true"
    if v is False:
        return "false"
    if isinstance(v, float) and v.is_integer():
        return str(int(v))
    if isinstance(v, (dict, list)):
        return json.dumps(v)
    return str(v)


def equal(a, b):
    if isinstance(a, str) and isinstance(b, str):
        return a.lower() == b.lower()
    def num(v):
        if isinstance(v, bool):
            return 1.0 if v else 0.0
        if v is None:
            return 0.0
        if isinstance(v, (int, float)):
            return float(v)
        try:
            return float(v) if v.strip() else 0.0
        except ValueError:
            return float("nan")
    return num(a) == num(b)


class Expr:
    """GitHub's expression language, as much as workflows use."""

    def __init__(self, context, functions):
        self.context = context
        self.functions = functions

    def eval(self, source):
        self.tokens = tokenize(source)
        self.i = 0
        value = self.or_()
        if self.i != len(self.tokens):
            die("trailing tokens in %r" % source)
        return value

    def peek(self):
        return self.tokens[self.i] if self.i < len(self.tokens) else (None, None)

    def take(self, op=None):
        tok = self.peek()
        if op is not None and tok[1] != op:
            die("expected %r, got %r" % (op, tok[1]))
        self.i += 1
        return tok

    def or_(self):
        v = self.and_()
        while self.peek()[1] == "||":
            self.take()
            w = self.and_()
            v = v if truthy(v) else w
        return v

    def and_(self):
        v = self.cmp()
        while self.peek()[1] == "&&":
            self.take()
            w = self.cmp()
            v = w if truthy(v) else v
        return v

    def cmp(self):
        v = self.unary()
        if self.peek()[1] in ("==", "!="):
            op = self.take()[1]
            w = self.unary()
            return equal(v, w) if op == "==" else not equal(v, w)
        return v

    def unary(self):
        if self.peek()[1] == "!":
            self.take()
            return not truthy(self.unary())
        return self.postfix()

    def postfix(self):
        v = self.primary()
        while self.peek()[1] in (".", "["):
            if self.take()[1] == ".":
                key = self.take()[1]
            else:
                key = text(self.or_())
                self.take("]")
            v = v.get(key) if isinstance(v, dict) else None
        return v

    def primary(self):
        kind, value = self.take()
        if kind == "str":
            return value[1:-1].replace("''", "'")
        if kind == "num":
            return float(value)
        if value == "(":
            v = self.or_()
            self.take(")")
            return v
        if kind == "name":
            if value in ("true", "false"):
                return value == "true"
            if value == "null":
                return None
            if self.peek()[1] == "(":
                self.take("(")
                args = []
                while self.peek()[1] != ")":
                    args.append(self.or_())
                    if self.peek()[1] == ",":
                        self.take()
                self.take(")")
                return self.functions[value.lower()](*args)
            return self.context.get(value)
        die("unexpected %r" % value)


def substitute(value, expr):
    """${{ }} in a string, evaluated; other values as they are."""
    if isinstance(value, str):
        return re.sub(r"\$\{\{(.*?)\}\}", lambda m: text(expr.eval(m.group(1))), value)
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (int, float)):
        return str(value)
    return value


def condition(source, expr):
    if source is None:
        source = "success()"
    if isinstance(source, bool):
        return source
    source = str(source).strip()
    m = re.fullmatch(r"\$\{\{(.*)\}\}", source, re.S)
    if m:
        source = m.group(1)
    if not re.search(r"\b(success|failure|always|cancelled)\(", source):
        source = "success() && (%s)" % source
    return truthy(expr.eval(source))


# --- files GitHub's steps write to ------------------------------------------

def read_key_values(path):
    values = {}
    if not os.path.exists(path):
        return values
    lines = open(path).read().split("\n")
    i = 0
    while i < len(lines):
        line = lines[i]
        i += 1
        if "<<" in line and ("=" not in line or line.index("<<") < line.index("=")):
            name, delimiter = line.split("<<", 1)
            body = []
            while i < len(lines) and lines[i] != delimiter:
                body.append(lines[i])
                i += 1
            i += 1
            values[name] = "\n".join(body)
        elif "=" in line:
            name, value = line.split("=", 1)
            values[name] = value
    return values


def unescape(s, prop=False):
    s = s.replace("%0D", "\r").replace("%0A", "\n")
    if prop:
        s = s.replace("%3A", ":").replace("%2C", ",")
    return s.replace("%25", "%")


def workflow_commands(output, log):
    for line in output.splitlines():
        if line.startswith("structify: "):
            log("log: " + line)
        m = re.match(r"::(warning|error|notice)( [^:]*)?::(.*)$", line)
        if not m:
            continue
        props = {}
        for prop in (m.group(2) or "").strip().split(","):
            if "=" in prop:
                key, value = prop.split("=", 1)
                props[key] = unescape(value, prop=True)
        where = ":".join(props[k] for k in ("file", "line", "col") if k in props)
        message = unescape(m.group(3)).split("\n")[0]
        log("annotation %s %s %s: %s" % (m.group(1), where or "-",
                                         props.get("title", ""), message))


# --- a job --------------------------------------------------------------------

class Runner:
    def __init__(self, args):
        self.args = args
        self.state = os.path.abspath(args.state)
        self.workspace = os.path.abspath(args.workspace)
        for d in ("cache", "artifacts", "logs", "home", "temp"):
            os.makedirs(os.path.join(self.state, d), exist_ok=True)
        self.actions = dict(a.split("=", 1) for a in args.action or [])
        self.step_count = 0

    def log(self, line):
        print(line, flush=True)

    # The job's machine: a clone of the repository, HOME, RUNNER_TEMP.
    def fresh_machine(self, name):
        shutil.rmtree(self.workspace, ignore_errors=True)
        subprocess.run(["git", "clone", "--quiet", self.args.repo, self.workspace], check=True)
        subprocess.run(["git", "-C", self.workspace, "checkout", "--quiet", self.args.rev],
                       check=True)
        self.home = os.path.join(self.state, "home", name)
        self.temp = os.path.join(self.state, "temp", name)
        for d in (self.home, self.temp):
            shutil.rmtree(d, ignore_errors=True)
            os.makedirs(d)
        self.path = [os.environ["PATH"]] + list(reversed(self.args.path or []))
        self.extra_env = {}
        self.post_steps = []

    def base_env(self):
        sha = subprocess.run(["git", "-C", self.workspace, "rev-parse", "HEAD"],
                             capture_output=True, text=True, check=True).stdout.strip()
        env = dict(os.environ)
        env.update({
            "CI": "true", "HOME": self.home, "PATH": os.pathsep.join(reversed(self.path)),
        })
        return env, sha

    def cache_dir(self, key):
        return os.path.join(self.state, "cache", hashlib.sha256(key.encode()).hexdigest()[:16])

    def run_shell(self, script, env, cwd, shell):
        self.step_count += 1
        log_path = os.path.join(self.state, "logs", "%03d.log" % self.step_count)
        script_path = os.path.join(self.temp, "step-%03d.sh" % self.step_count)
        with open(script_path, "w") as f:
            f.write(script)
        command = ["bash", "--noprofile", "--norc", "-eo", "pipefail", script_path] \
            if shell == "bash" else ["bash", "-e", script_path]
        proc = subprocess.run(command, cwd=cwd, env=env, stdout=subprocess.PIPE,
                              stderr=subprocess.STDOUT, text=True)
        with open(log_path, "w") as f:
            f.write("$ " + script + "\n" + proc.stdout)
        return proc.returncode, proc.stdout


class GitHub(Runner):
    def run(self):
        workflow = yaml_block(self.args.guide, self.args.block)
        triggers = workflow.get(True) or workflow.get("on")
        if isinstance(triggers, (str, list)):
            triggers = {t: None for t in ([triggers] if isinstance(triggers, str) else triggers)}
        if self.args.event not in triggers:
            self.log("workflow not triggered by %s" % self.args.event)
            return 0
        jobs = workflow["jobs"]
        done, results, failed = set(), {}, False
        while len(done) < len(jobs):
            progressed = False
            for name, job in jobs.items():
                needs = job.get("needs", [])
                needs = [needs] if isinstance(needs, str) else needs
                if name in done or any(n not in done for n in needs):
                    continue
                progressed = True
                done.add(name)
                if any(results[n] != "success" for n in needs):
                    results[name] = "skipped"
                    self.log("job %s: skipped" % name)
                    continue
                results[name] = self.run_job(name, job, workflow.get("env", {}))
                failed |= results[name] != "success"
            if not progressed:
                die("jobs with needs that cannot be met")
        return 1 if failed else 0

    def run_job(self, name, job, workflow_env):
        matrix = job.get("strategy", {}).get("matrix")
        combos = [{}]
        if matrix:
            keys = [k for k in matrix if k not in ("include", "exclude")]
            combos = [dict(zip(keys, values))
                      for values in itertools.product(*(matrix[k] for k in keys))]
        status = "success"
        for combo in combos:
            label = name + (" " + json.dumps(combo, sort_keys=True) if combo else "")
            result = self.run_one(name, job, combo, workflow_env)
            self.log("job %s: %s" % (label, result))
            if result != "success":
                status = "failure"
        return status

    def run_one(self, name, job, matrix, workflow_env):
        self.fresh_machine(name + "".join("-%s" % v for v in matrix.values()))
        env, sha = self.base_env()
        event_path = os.path.join(self.temp, "event.json")
        event = {}
        if self.args.event == "pull_request":
            base = subprocess.run(["git", "-C", self.args.repo, "rev-parse", self.args.base],
                                  capture_output=True, text=True, check=True).stdout.strip()
            event = {"pull_request": {"base": {"sha": base}, "head": {"sha": sha}}}
        with open(event_path, "w") as f:
            json.dump(event, f)
        self.github = {
            "workspace": self.workspace, "sha": sha, "event_name": self.args.event,
            "event": event, "server_url": "https://github.com", "repository": "example/project",
            "ref": "refs/heads/main" if self.args.event == "push" else "refs/pull/1/merge",
            "job": name, "action_path": "", "action_repository": "", "action_ref": "",
        }
        env.update({
            "GITHUB_ACTIONS": "true", "GITHUB_WORKSPACE": self.workspace, "GITHUB_SHA": sha,
            "GITHUB_REF": self.github["ref"], "GITHUB_EVENT_NAME": self.args.event,
            "GITHUB_EVENT_PATH": event_path, "GITHUB_REPOSITORY": "example/project",
            "GITHUB_SERVER_URL": "https://github.com", "GITHUB_JOB": name,
            "RUNNER_OS": "Linux", "RUNNER_TEMP": self.temp,
        })
        self.job_env = env
        self.job_ok = True
        self.summary = os.path.join(self.temp, "summary.md")
        context = {"matrix": matrix, "env": {}, "steps": {}}
        env_vars = {}
        for scope in (workflow_env, job.get("env", {})):
            expr = self.expr(context, {})
            env_vars.update({k: substitute(v, expr) for k, v in scope.items()})
        context["env"] = env_vars
        for step in job["steps"]:
            self.step(step, context, env_vars, inputs=None)
        for post in self.post_steps:
            post()
        if os.path.exists(self.summary):
            for line in open(self.summary).read().splitlines():
                if line.strip():
                    self.log("summary: " + line)
        return "success" if self.job_ok else "failure"

    def expr(self, context, inputs):
        ctx = dict(context)
        ctx.update({"github": self.github, "runner": {"os": "Linux", "temp": self.temp},
                    "secrets": {}, "vars": {}})
        if inputs is not None:
            ctx["inputs"] = inputs

        def hash_files(*patterns):
            digest = hashlib.sha256()
            found = False
            for pattern in patterns:
                for path in sorted(glob.glob(os.path.join(self.workspace, pattern),
                                             recursive=True)):
                    if os.path.isfile(path):
                        found = True
                        digest.update(open(path, "rb").read())
            return digest.hexdigest() if found else ""

        functions = {
            "success": lambda: self.job_ok, "failure": lambda: not self.job_ok,
            "always": lambda: True, "cancelled": lambda: False,
            "hashfiles": hash_files,
            "format": lambda f, *a: re.sub(r"\{(\d+)\}", lambda m: text(a[int(m.group(1))]), f),
            "contains": lambda a, b: (text(b).lower() in text(a).lower()
                                      if not isinstance(a, list) else b in a),
            "startswith": lambda a, b: text(a).lower().startswith(text(b).lower()),
            "endswith": lambda a, b: text(a).lower().endswith(text(b).lower()),
            "tojson": lambda v: json.dumps(v), "fromjson": lambda v: json.loads(v),
        }
        return Expr(ctx, functions)

    def step(self, step, context, env_vars, inputs, action_dir=None):
        expr = self.expr(context, inputs)
        name = step.get("name") or step.get("uses") or step.get("run", "").split("\n")[0]
        name = substitute(name, expr)
        step_id = step.get("id")
        if not condition(step.get("if"), expr):
            self.log("step %s: skipped" % name)
            if step_id:
                context["steps"][step_id] = {"outputs": {}, "outcome": "skipped",
                                             "conclusion": "skipped"}
            return
        env = dict(self.job_env)
        env["PATH"] = os.pathsep.join(reversed(self.path))
        env.update(self.extra_env)
        step_env = dict(env_vars)
        step_env.update({k: substitute(v, expr) for k, v in step.get("env", {}).items()})
        env.update(step_env)
        if action_dir:
            env["GITHUB_ACTION_PATH"] = action_dir
        outputs, ok = {}, True
        if "run" in step:
            out_file = os.path.join(self.temp, "output-%d" % (self.step_count + 1))
            env_file = os.path.join(self.temp, "env-%d" % (self.step_count + 1))
            path_file = os.path.join(self.temp, "path-%d" % (self.step_count + 1))
            for f in (out_file, env_file, path_file):
                open(f, "w").close()
            env.update({"GITHUB_OUTPUT": out_file, "GITHUB_ENV": env_file,
                        "GITHUB_PATH": path_file, "GITHUB_STEP_SUMMARY": self.summary})
            cwd = os.path.join(self.workspace,
                               substitute(step.get("working-directory", "."), expr))
            code, output = self.run_shell(substitute(step["run"], expr), env, cwd,
                                          step.get("shell"))
            workflow_commands(output, self.log)
            ok = code == 0
            outputs = read_key_values(out_file)
            self.extra_env.update(read_key_values(env_file))
            self.path.extend(p for p in open(path_file).read().splitlines() if p)
        else:
            with_ = {k: substitute(v, expr) for k, v in step.get("with", {}).items()}
            ok, outputs = self.uses(step["uses"], with_, env)
        outcome = "success" if ok else "failure"
        conclusion = "success" if ok or step.get("continue-on-error") else "failure"
        self.log("step %s: %s" % (name, outcome))
        if conclusion == "failure":
            self.job_ok = False
        if step_id:
            context["steps"][step_id] = {"outputs": outputs, "outcome": outcome,
                                         "conclusion": conclusion}

    # --- actions ---
    def uses(self, ref, with_, env):
        name = ref.split("@")[0]
        if name.startswith("./"):
            return self.composite(os.path.join(self.workspace, name), with_)
        if name in self.actions:
            return self.composite(self.actions[name], with_)
        stand_ins = {
            "actions/checkout": lambda: (True, {}),
            "actions/cache": lambda: self.cache_restore(with_, env, save_after=True),
            "actions/cache/restore": lambda: self.cache_restore(with_, env),
            "actions/cache/save": lambda: self.cache_save(with_, env),
            "actions/upload-artifact": lambda: self.upload_artifact(with_),
            "actions/download-artifact": lambda: self.download_artifact(with_),
            "github/codeql-action/upload-sarif": lambda: self.upload_sarif(with_),
        }
        if name not in stand_ins:
            die("no stand-in for the action %s" % ref)
        return stand_ins[name]()

    def composite(self, action_dir, with_):
        action = yaml.safe_load(open(os.path.join(action_dir, "action.yml")))
        if action["runs"]["using"] != "composite":
            die("%s is not a composite action" % action_dir)
        inputs = {}
        for key, spec in (action.get("inputs") or {}).items():
            inputs[key] = with_.get(key, substitute(spec.get("default", ""), self.expr({}, {})))
        unknown = set(with_) - set(inputs)
        if unknown:
            die("the action has no input %s" % ", ".join(sorted(unknown)))
        saved = dict(self.github)
        self.github["action_path"] = action_dir
        context = {"steps": {}, "env": {}}
        job_ok = self.job_ok
        for step in action["runs"]["steps"]:
            if "run" in step and "shell" not in step:
                die("a composite action's run step needs a shell")
            self.step(step, context, {}, inputs, action_dir=action_dir)
        ok = self.job_ok
        self.job_ok = job_ok and ok
        outputs = {k: text(self.expr(context, inputs).eval(
            re.fullmatch(r"\$\{\{(.*)\}\}", v["value"].strip(), re.S).group(1)))
            for k, v in (action.get("outputs") or {}).items()}
        self.github = saved
        return ok, outputs

    def cache_path(self, with_, env):
        path = with_["path"].strip()
        return os.path.expanduser(path.replace("~", env["HOME"], 1)
                                  if path.startswith("~") else path)

    def cache_restore(self, with_, env, save_after=False):
        key, path = with_["key"], self.cache_path(with_, env)
        index_path = os.path.join(self.state, "cache", "index.json")
        index = json.load(open(index_path)) if os.path.exists(index_path) else []
        matched = None
        if key in index:
            matched = key
        else:
            for prefix in (with_.get("restore-keys") or "").split("\n"):
                prefix = prefix.strip()
                hits = [k for k in index if prefix and k.startswith(prefix)]
                if hits:
                    matched = hits[-1]
                    break
        if matched:
            shutil.rmtree(path, ignore_errors=True)
            shutil.copytree(self.cache_dir(matched), path, symlinks=True)
            self.log("cache restored %s" % matched)
        else:
            self.log("cache missed %s" % key)
        if save_after and matched != key:
            self.post_steps.append(lambda: self.job_ok and self.cache_save(with_, env))
        return True, {"cache-hit": "true" if matched == key else "false",
                      "cache-primary-key": key, "cache-matched-key": matched or ""}

    def cache_save(self, with_, env):
        key, path = with_["key"], self.cache_path(with_, env)
        index_path = os.path.join(self.state, "cache", "index.json")
        index = json.load(open(index_path)) if os.path.exists(index_path) else []
        if key in index:
            self.log("cache not saved: %s exists" % key)
            return False, {}
        if not os.path.exists(path):
            self.log("cache not saved: no %s" % path)
            return False, {}
        shutil.copytree(path, self.cache_dir(key), symlinks=True)
        index.append(key)
        json.dump(index, open(index_path, "w"))
        self.log("cache saved %s" % key)
        return True, {}

    def upload_artifact(self, with_):
        name = with_.get("name", "artifact")
        dest = os.path.join(self.state, "artifacts", name)
        if os.path.exists(dest):
            self.log("artifact %s exists" % name)
            return False, {}
        os.makedirs(dest)
        paths = [p for p in with_["path"].split("\n") if p.strip()]
        for p in paths:
            p = os.path.join(self.workspace, p.strip())
            for f in glob.glob(p):
                shutil.copy(f, dest) if os.path.isfile(f) else shutil.copytree(
                    f, os.path.join(dest, os.path.basename(f)))
        if not os.listdir(dest):
            self.log("artifact %s: no file" % name)
            return False, {}
        self.log("artifact uploaded %s" % name)
        return True, {}

    def download_artifact(self, with_):
        root = os.path.join(self.state, "artifacts")
        names = sorted(os.listdir(root))
        if "name" in with_:
            names = [n for n in names if n == with_["name"]]
        if "pattern" in with_:
            names = [n for n in names if fnmatch.fnmatch(n, with_["pattern"])]
        dest = os.path.join(self.workspace, with_.get("path", "."))
        merge = str(with_.get("merge-multiple", "false")).lower() == "true"
        for n in names:
            target = dest if merge or "name" in with_ else os.path.join(dest, n)
            shutil.copytree(os.path.join(root, n), target, dirs_exist_ok=True)
        self.log("artifacts downloaded %s" % " ".join(names))
        return bool(names), {}

    def upload_sarif(self, with_):
        path = os.path.join(self.workspace, with_.get("sarif_file", "../results"))
        proc = subprocess.run(self.args.sarif_validator.split() + [path],
                              capture_output=True, text=True)
        if proc.returncode != 0:
            self.log("sarif rejected: " + proc.stdout.strip().replace("\n", "; "))
            return False, {}
        results = sum(1 for line in proc.stdout.splitlines() if line.startswith("result "))
        self.log("sarif uploaded %s: %d results" % (with_.get("category", ""), results))
        return True, {}


class GitLab(Runner):
    def run(self):
        config = yaml_block(self.args.guide, self.args.block)
        stages = config.get("stages") or ["build", "test", "deploy"]
        jobs = [(name, job) for name, job in config.items()
                if not name.startswith(".") and isinstance(job, dict) and "script" in job]
        # Stage by stage, each job in order; `parallel: N` runs N instances.
        jobs.sort(key=lambda nj: stages.index(nj[1].get("stage", "test")))
        failed = False
        self.artifact_dirs = []
        for stage in stages:
            for name, job in jobs:
                if job.get("stage", "test") != stage:
                    continue
                count = int(job.get("parallel", 0) or 0)
                for index in range(1, count + 1) if count else [None]:
                    label = name if index is None else "%s %d/%d" % (name, index, count)
                    ok = self.run_job(name, job, index, count)
                    self.log("job %s: %s" % (label, "success" if ok else "failure"))
                    failed |= not ok and not job.get("allow_failure", False)
        return 1 if failed else 0

    def run_job(self, name, job, index=None, count=0):
        self.fresh_machine(name + ("-%d" % index if index else ""))
        # The artifacts of the jobs of earlier stages, as GitLab downloads them.
        for stored in self.artifact_dirs:
            if stored[0] != job.get("stage", "test"):
                shutil.copytree(stored[1], self.workspace, dirs_exist_ok=True)
        env, sha = self.base_env()
        env.update({
            "GITLAB_CI": "true", "CI_PROJECT_DIR": self.workspace, "CI_COMMIT_SHA": sha,
            "CI_COMMIT_REF_SLUG": self.args.ref_slug, "CI_DEFAULT_BRANCH": "main",
            "CI_JOB_NAME": name, "CI_PIPELINE_SOURCE": self.args.pipeline_source,
        })
        if index:
            env.update({"CI_NODE_INDEX": str(index), "CI_NODE_TOTAL": str(count)})
        for variable in self.args.variable or []:
            key, value = variable.split("=", 1)
            env[key] = value
        env.update({k: str(v) for k, v in (job.get("variables") or {}).items()})
        expand = lambda s: re.sub(r"\$\{?(\w+)\}?", lambda m: env.get(m.group(1), ""), s)
        cache = job.get("cache")
        cache_key = None
        if cache:
            keys = [expand(cache["key"])] + [expand(k) for k in cache.get("fallback_keys", [])]
            cache_key = keys[0]
            for key in keys:
                stored = self.cache_dir("gitlab:" + key)
                if os.path.exists(stored):
                    shutil.copytree(stored, self.workspace, dirs_exist_ok=True, symlinks=True)
                    self.log("cache restored %s" % key)
                    break
            else:
                self.log("cache missed %s" % cache_key)
        lines = (job.get("before_script") or []) + job["script"]
        script = "".join("%s\n" % line for line in lines)
        code, output = self.run_shell(script, env, self.workspace, "bash")
        workflow_commands(output, self.log)
        ok = code == 0
        self.log("script: exit %d" % code)
        if cache and (ok or cache.get("when") in ("always", "on_failure")):
            stored = self.cache_dir("gitlab:" + cache_key)
            shutil.rmtree(stored, ignore_errors=True)
            for path in cache["paths"]:
                src = os.path.join(self.workspace, path.rstrip("/"))
                if os.path.exists(src):
                    shutil.copytree(src, os.path.join(stored, path.rstrip("/")), symlinks=True)
            self.log("cache saved %s" % cache_key)
        artifacts = job.get("artifacts") or {}
        if artifacts.get("paths") and (ok or artifacts.get("when") == "always"):
            stored = os.path.join(self.state, "artifacts",
                                  "gitlab-%s-%s" % (name, index or 0))
            shutil.rmtree(stored, ignore_errors=True)
            os.makedirs(stored)
            found = []
            for pattern in artifacts["paths"]:
                for path in sorted(glob.glob(os.path.join(self.workspace, pattern.rstrip("/")))):
                    rel = os.path.relpath(path, self.workspace)
                    target = os.path.join(stored, rel)
                    if os.path.isdir(path):
                        shutil.copytree(path, target)
                    else:
                        os.makedirs(os.path.dirname(target), exist_ok=True)
                        shutil.copy(path, target)
                    found.append(rel)
            self.log("artifacts saved %s" % " ".join(found) if found else "artifacts: no file")
            self.artifact_dirs.append((job.get("stage", "test"), stored))
        if ok or artifacts.get("when") == "always":
            for kind, path in (artifacts.get("reports") or {}).items():
                full = os.path.join(self.workspace, path)
                if not os.path.exists(full):
                    self.log("report %s missing: %s" % (kind, path))
                    ok = False
                    continue
                issues = json.load(open(full))
                self.log("report %s %s: %d issues" % (kind, path, len(issues)))
                for issue in issues:
                    self.log("issue %s %s %s:%d %s" % (
                        issue["severity"], issue["check_name"], issue["location"]["path"],
                        issue["location"]["lines"]["begin"], issue["description"]))
        return ok


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("kind", choices=["github", "gitlab"])
    parser.add_argument("guide")
    parser.add_argument("block")
    parser.add_argument("--repo", required=True)
    parser.add_argument("--rev", required=True)
    parser.add_argument("--workspace", required=True)
    parser.add_argument("--state", required=True)
    parser.add_argument("--event", default="push")
    parser.add_argument("--base")
    parser.add_argument("--action", action="append")
    parser.add_argument("--sarif-validator")
    parser.add_argument("--variable", action="append")
    parser.add_argument("--path", action="append", help="put DIR first on the PATH")
    parser.add_argument("--ref-slug", default="main")
    parser.add_argument("--pipeline-source", default="push")
    args = parser.parse_args()
    runner = GitHub(args) if args.kind == "github" else GitLab(args)
    return runner.run()


if __name__ == "__main__":
    sys.exit(main())
