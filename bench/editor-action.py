#!/usr/bin/env python3
"""The time of structify-clangd's "Return a named struct" code action.

    editor-action.py -p BUILD_DIR [--function NAME] [--config-file FILE]
                     [--structify-clangd PATH] [--structify PATH]

What an editor sees, measured through one real LSP session
(test/clangd/lsp_session.py's client):
  plan      `structify plan -p BUILD_DIR` once beforehand, as structify-clangd
            runs it in the background when the first file opens (a cold run
            parses every unit; the times after it use its results cache);
  offer     from the `textDocument/codeAction` request at the function's
            declaration to the answer that holds the action;
  edit      from `workspace/executeCommand` (choosing the action) to the
            `workspace/applyEdit` the server sends: the rewrite planned,
            edited and verified in memory (`structify fix --only
            --edits-json`).
The function is the plan's first one to rewrite (or the first whose name
contains --function). The session answers `applied` and writes nothing: the
project is left as it was. Benchmarks are not tests: nothing here asserts a
time.
"""
import argparse
import os
import re
import subprocess
import sys
import tempfile
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
sys.path.insert(0, os.path.join(ROOT, "test", "clangd"))
import lsp_session  # noqa: E402


def plan_entries(path):
    """(Function, DeclaredAt, Action) of each entry of a plan's YAML."""
    entries, current = [], {}
    for line in open(path, encoding="utf-8"):
        m = re.match(r"\s*(-\s+)?(Usr|Function|DeclaredAt|Action):\s+'?(.*?)'?$", line)
        if not m:
            continue
        if m.group(2) == "Usr" and m.group(1):
            current = {}
            entries.append(current)
        current[m.group(2)] = m.group(3).replace("''", "'")
    return entries


def main():
    p = argparse.ArgumentParser(description=__doc__,
                                formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("-p", required=True, help="build directory with compile_commands.json")
    p.add_argument("--function", default="", help="a part of the function's name")
    p.add_argument("--config-file", default="", help="structify's --config-file")
    build = os.path.join(ROOT, "build", "tool")
    p.add_argument("--structify-clangd", default=os.path.join(build, "structify-clangd"))
    p.add_argument("--structify", default=os.path.join(build, "structify", "structify"))
    a = p.parse_args()
    build_dir = os.path.abspath(a.p)
    config = ["--config-file=" + os.path.abspath(a.config_file)] if a.config_file else []

    with tempfile.TemporaryDirectory() as tmp:
        plan = os.path.join(tmp, "plan.yaml")
        start = time.monotonic()
        done = subprocess.run([a.structify, "plan", "-p", build_dir, "-o", plan, "--quiet",
                               *config], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
                              text=True)
        plan_seconds = time.monotonic() - start
        if done.returncode != 0:
            sys.exit("editor-action: structify plan failed:\n" + done.stderr[-2000:])
        chosen = [e for e in plan_entries(plan)
                  if e.get("Action") == "rewrite" and a.function in e.get("Function", "")]
        if not chosen:
            sys.exit("editor-action: the plan rewrites no function%s" %
                     (" named like '%s'" % a.function if a.function else ""))
        entry = chosen[0]
        file, line = entry["DeclaredAt"].rsplit(":", 1)
        name = entry["Function"].split("(")[0].split("::")[-1]
        text = open(file, encoding="utf-8").read().split("\n")[int(line) - 1]
        column = text.find(name + "(")
        if column < 0:
            sys.exit("editor-action: '%s' is not on %s" % (name, entry["DeclaredAt"]))
        position = {"line": int(line) - 1, "character": column}

        env = dict(os.environ, STRUCTIFY_CLANGD_PLAN_WAIT="3600",
                   STRUCTIFY_DRIVER=a.structify)
        if a.config_file:
            env["STRUCTIFY_CONFIG_FILE"] = os.path.abspath(a.config_file)
        server_cmd = [a.structify_clangd, "--compile-commands-dir=" + build_dir,
                      "--background-index=false"]
        old_env = os.environ.copy()
        os.environ.update(env)
        try:
            server = lsp_session.Server(server_cmd, os.path.dirname(file), None)
        finally:
            os.environ.clear()
            os.environ.update(old_env)
        session = lsp_session.Session(server, 3600)
        uri = lsp_session.path_to_uri(file)
        try:
            session.call("initialize", {
                "processId": os.getpid(), "rootUri": None,
                "capabilities": {"workspace": {"applyEdit": True},
                                 "window": {"workDoneProgress": True}}})
            server.notify("initialized", {})
            server.notify("textDocument/didOpen", {"textDocument": {
                "uri": uri, "languageId": "cpp", "version": 1,
                "text": open(file, encoding="utf-8").read()}})
            session.wait_for_diagnostics(uri, 1)
            start = time.monotonic()
            actions = session.call("textDocument/codeAction", {
                "textDocument": {"uri": uri},
                "range": {"start": position, "end": position},
                "context": {"diagnostics": []}}) or []
            offer_seconds = time.monotonic() - start
            ours = [x for x in actions if x.get("kind") == "refactor.rewrite"
                    and x.get("title", "").startswith("Return a named struct")]
            if not ours:
                sys.exit("editor-action: no 'Return a named struct' action at %s:%d:%d" %
                         (file, position["line"] + 1, position["character"] + 1))
            start = time.monotonic()
            session.call("workspace/executeCommand", {
                "command": ours[0]["command"]["command"],
                "arguments": ours[0]["command"].get("arguments", [])})
            edit_seconds = time.monotonic() - start
            files = set()
            for wsedit in session.applied_edits:
                files.update((wsedit.get("changes") or {}).keys())
            session.call("shutdown", None)
            server.notify("exit", None)
            server.proc.wait(timeout=30)
        except lsp_session.SessionError as e:
            server.kill()
            sys.exit("editor-action: %s\n%s" % (e, server.stderr_text()))
        if session.messages_shown:
            print("message: " + session.messages_shown[-1])
        print("function: %s (%s)" % (entry["Function"], entry["DeclaredAt"]))
        print("action:   %s" % ours[0]["title"])
        print("plan (beforehand, as in the background): %.1f s" % plan_seconds)
        print("offer (code action request to answer):   %.2f s" % offer_seconds)
        print("edit (choice to workspace edit):         %.1f s, %d files" %
              (edit_seconds, len(files)))


if __name__ == "__main__":
    main()
