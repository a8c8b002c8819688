#!/usr/bin/env python3
"""One real LSP session with a language server over stdio, printed for FileCheck.

    lsp_session.py [options] FILE -- SERVER [SERVER_ARGS...]

The session:
  1. starts SERVER, sends `initialize` (root: --root, else FILE's directory)
     and `initialized`;
  2. opens FILE (`textDocument/didOpen`, version 1);
  3. waits for the server's `textDocument/publishDiagnostics` for FILE at
     version 1, and prints those diagnostics;
  4. for each --action RANGE, requests `textDocument/codeAction` at RANGE,
     with the published diagnostics that touch RANGE as its context (as an
     editor does), and prints the actions offered;
  5. sends `shutdown` and `exit`, and checks that the server exits with 0.

--also-open FILE opens more files after FILE (their diagnostics are not
waited for); --execute PREFIX, with --edits, runs the commands only of the
actions whose title starts with PREFIX; --write, at the end, applies every
edit the server asked the client to apply to the files on disk (as an editor
that saves them would). An action's `disabled` reason prints under it as
`  disabled "..."`; a work-done progress's begin and end messages print as
`  message "progress begin: ..."`.

Which publication is "the" diagnostics (deterministic, no quiet period): the
first one for FILE that carries the version opened. clangd builds each
version of a file once and publishes that build's diagnostics, clang-tidy's
included, once; a publication for another version, or an unversioned one, is
not taken while the server reports versions at all (a server that never does
is taken at its first publication for FILE). Should the server publish FILE's
diagnostics again for that version later in the session, and differently,
the session fails: the set printed would not have been the final one.

Output, one item a line; positions are 1-based `LINE:COL` (columns in UTF-16
code units, as LSP counts them: bytes, for ASCII), ranges are end-exclusive,
paths are relative to the root:

    diagnostics a.cpp version 1: 2
    diagnostic 3:21-3:27 warning [structify-tuple-return] 'bounds' returns ...
      note a.cpp:5:1 declared here               (related information)
    actions 5:12-5:12: 2
    action quickfix "change 'NULL' to 'nullptr'"
      edit a.cpp 5:12-5:16 "nullptr"             (with --edits)
    action refactor "Expand macro 'NULL'"

`diagnostics` and `actions` lines give the count that follows. Diagnostics
are sorted by range, then severity, code and message, with newlines in a
message printed as `\\n`; actions keep the server's order, titles and new
text are JSON strings. With --edits, an action's edits are printed under it:
those it carries or, for an action that carries a command (clangd's tweaks),
those the server asks the client to apply when the command is executed (the
client answers `applied` and changes no file), and the messages it shows
(`  message "..."`).

Any failure (server exits early, a wait times out, a request fails, unclean
shutdown) prints `error: ...` to stderr, naming what it was waiting for, with
the end of the server's stderr, and exits with 1.
"""

import argparse
import collections
import json
import os
import queue
import signal
import subprocess
import sys
import threading
import time
import urllib.parse
import urllib.request

SEVERITY = {1: "error", 2: "warning", 3: "info", 4: "hint"}
LANGUAGE = {".c": "c", ".m": "objective-c", ".mm": "objective-cpp",
            ".cu": "cuda-cpp"}
STDERR_TAIL_LINES = 40
# How long a server may take to exit after `exit`. A server that is still
# there by then (or hangs in a crash handler) fails the session. clangd 19
# first finishes indexing the standard library, which it starts when a file
# opens: on a loaded 2-core machine that took more than 30s.
EXIT_TIMEOUT = 120


class SessionError(Exception):
    pass


def path_to_uri(path):
    return "file://" + urllib.parse.quote(os.path.abspath(path))


def uri_to_path(uri):
    if uri.startswith("file://"):
        return urllib.request.url2pathname(urllib.parse.urlparse(uri).path)
    return uri


def parse_position(text):
    line, sep, col = text.partition(":")
    if not sep or not line.isdigit() or not col.isdigit() or \
            int(line) < 1 or int(col) < 1:
        raise argparse.ArgumentTypeError(
            "expected LINE:COL (1-based), got '%s'" % text)
    return {"line": int(line) - 1, "character": int(col) - 1}


def parse_range(text):
    """`L:C` (an empty range at that point) or `L:C-L:C` (end-exclusive)."""
    start, sep, end = text.partition("-")
    start = parse_position(start)
    end = parse_position(end) if sep else dict(start)
    if (end["line"], end["character"]) < (start["line"], start["character"]):
        raise argparse.ArgumentTypeError("range ends before it starts: " + text)
    return {"start": start, "end": end}


def format_position(pos):
    return "%d:%d" % (pos["line"] + 1, pos["character"] + 1)


def format_range(rng):
    return format_position(rng["start"]) + "-" + format_position(rng["end"])


def one_line(text):
    return text.replace("\r\n", "\\n").replace("\n", "\\n")


def key(pos):
    return (pos["line"], pos["character"])


def touches(a, b):
    """Whether ranges a and b overlap or touch (an editor's cursor at the end
    of a diagnostic's range still gets that diagnostic's fixes)."""
    return key(a["start"]) <= key(b["end"]) and key(b["start"]) <= key(a["end"])


class Server:
    """A language server process and the JSON-RPC stream to it."""

    def __init__(self, command, cwd, log_path):
        self.log = open(log_path, "w") if log_path else None
        self.log_lock = threading.Lock()
        try:
            self.proc = subprocess.Popen(
                command, cwd=cwd, stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                stderr=subprocess.PIPE)
        except OSError as e:
            raise SessionError("cannot start server %s: %s" % (command[0], e))
        self.command = command
        self.messages = queue.Queue()
        self.stderr_tail = collections.deque(maxlen=STDERR_TAIL_LINES)
        self.next_id = 1
        self.write_lock = threading.Lock()
        threading.Thread(target=self._read_stdout, daemon=True).start()
        self.stderr_thread = threading.Thread(target=self._read_stderr,
                                              daemon=True)
        self.stderr_thread.start()

    # Reader threads. Everything the server says goes through self.messages,
    # ending with None when its stdout closes.
    def _read_stdout(self):
        stream = self.proc.stdout
        try:
            while True:
                length = None
                while True:
                    line = stream.readline()
                    if not line:
                        return
                    line = line.strip()
                    if not line:
                        break
                    name, _, value = line.decode("ascii").partition(":")
                    if name.strip().lower() == "content-length":
                        length = int(value)
                if length is None:
                    self.messages.put(SessionError(
                        "server sent a message without Content-Length"))
                    return
                body = stream.read(length)
                if len(body) < length:
                    return
                self._trace("<-", body.decode("utf-8"))
                self.messages.put(json.loads(body))
        except Exception as e:  # Reported to the main thread.
            self.messages.put(SessionError("cannot read from server: %s" % e))
        finally:
            self.messages.put(None)

    def _read_stderr(self):
        for raw in self.proc.stderr:
            line = raw.decode("utf-8", "replace").rstrip("\n")
            self.stderr_tail.append(line)
            self._write_log(line)

    def _trace(self, direction, text):
        self._write_log("%s %s" % (direction, text))

    def _write_log(self, line):
        with self.log_lock:
            if self.log:
                self.log.write(line + "\n")
                self.log.flush()

    def send(self, message):
        message["jsonrpc"] = "2.0"
        body = json.dumps(message).encode("utf-8")
        self._trace("->", body.decode("utf-8"))
        with self.write_lock:
            try:
                self.proc.stdin.write(b"Content-Length: %d\r\n\r\n" % len(body))
                self.proc.stdin.write(body)
                self.proc.stdin.flush()
            except (BrokenPipeError, OSError) as e:
                raise SessionError("cannot write to server: %s" % e)

    def request(self, method, params):
        id_ = self.next_id
        self.next_id += 1
        self.send({"id": id_, "method": method, "params": params})
        return id_

    def notify(self, method, params):
        self.send({"method": method, "params": params})

    def reply(self, id_, result):
        self.send({"id": id_, "result": result})

    def receive(self, deadline, waiting_for):
        """The next message from the server, or SessionError at the deadline
        or when the server goes away."""
        remaining = deadline - time.monotonic()
        try:
            message = self.messages.get(timeout=max(remaining, 0))
        except queue.Empty:
            raise SessionError("timed out waiting for %s" % waiting_for)
        if isinstance(message, SessionError):
            raise message
        if message is None:
            self.messages.put(None)  # Stay closed for later calls.
            try:
                code = self.proc.wait(timeout=10)
            except subprocess.TimeoutExpired:
                code = "(still running)"
            raise SessionError("server closed its output (exit code %s) while "
                               "waiting for %s" % (code, waiting_for))
        return message

    def stderr_text(self):
        self.stderr_thread.join(timeout=2)
        return "\n".join(self.stderr_tail)

    def kill(self):
        if self.proc.poll() is None:
            self.proc.kill()
            self.proc.wait()


class Session:
    def __init__(self, server, timeout):
        self.server = server
        self.timeout = timeout
        self.diagnostics = {}  # uri -> list of (version, diagnostics)
        self.applied_edits = []  # from workspace/applyEdit, in order
        self.messages_shown = []  # window/showMessage

    def handle(self, message):
        """Handles one message from the server that nobody waits for: a
        notification (recorded) or a server->client request (answered)."""
        method = message.get("method")
        if method is None:
            return
        params = message.get("params") or {}
        if "id" in message:
            if method == "workspace/applyEdit":
                self.applied_edits.append(params.get("edit") or {})
                self.server.reply(message["id"], {"applied": True})
            elif method == "workspace/configuration":
                self.server.reply(message["id"],
                                  [None] * len(params.get("items", [])))
            else:
                # window/workDoneProgress/create, client/registerCapability,
                # ...: accepting is all a client must do.
                self.server.reply(message["id"], None)
        elif method == "textDocument/publishDiagnostics":
            self.diagnostics.setdefault(params["uri"], []).append(
                (params.get("version"), params.get("diagnostics", [])))
        elif method == "window/showMessage":
            self.messages_shown.append(params.get("message", ""))
        elif method == "$/progress":
            value = params.get("value") or {}
            if value.get("kind") in ("begin", "end") and value.get("message"):
                self.messages_shown.append(
                    "progress %s: %s" % (value["kind"], value["message"]))

    def wait(self, done, waiting_for, timeout=None):
        """Handles messages until done(message) is true for one of them."""
        deadline = time.monotonic() + (timeout or self.timeout)
        what = "%s (timeout %gs)" % (waiting_for, timeout or self.timeout)
        while True:
            message = self.server.receive(deadline, what)
            self.handle(message)
            if done(message):
                return message

    def call(self, method, params):
        id_ = self.server.request(method, params)
        response = self.wait(
            lambda m: m.get("id") == id_ and "method" not in m,
            "the response to %s" % method)
        if "error" in response:
            raise SessionError("%s failed: %s" % (method,
                                                  json.dumps(response["error"])))
        return response.get("result")

    def published(self, uri, version):
        """The diagnostics for uri at version, as defined in the module doc."""
        pubs = self.diagnostics.get(uri, [])
        versioned = any(v is not None for v, _ in pubs)
        for v, diags in pubs:
            if v == version or not versioned:
                return diags
        return None

    def wait_for_diagnostics(self, uri, version):
        def done(message):
            return (message.get("method") == "textDocument/publishDiagnostics"
                    and self.published(uri, version) is not None)
        if self.published(uri, version) is None:
            self.wait(done, "textDocument/publishDiagnostics for %s version %d"
                      % (uri, version))
        return self.published(uri, version)


def print_edit(uri, edit, root, out):
    path = os.path.relpath(uri_to_path(uri), root)
    out.append("  edit %s %s %s" % (path, format_range(edit["range"]),
                                     json.dumps(edit["newText"])))


def print_workspace_edit(wsedit, root, out):
    for uri, edits in sorted((wsedit.get("changes") or {}).items()):
        for edit in edits:
            print_edit(uri, edit, root, out)
    for change in wsedit.get("documentChanges") or []:
        if "textDocument" in change:
            for edit in change.get("edits", []):
                print_edit(change["textDocument"]["uri"], edit, root, out)
        else:  # create, rename or delete a file
            out.append("  %s %s" % (change.get("kind"), json.dumps(change)))


def offset(text, pos):
    """The offset in text of an LSP position (UTF-16 columns)."""
    lines = text.split("\n")
    before = sum(len(line) + 1 for line in lines[:pos["line"]])
    line = lines[pos["line"]] if pos["line"] < len(lines) else ""
    units = 0
    for i, ch in enumerate(line):
        if units >= pos["character"]:
            return before + i
        units += 2 if ord(ch) > 0xFFFF else 1
    return before + len(line)


def write_edits(wsedits):
    """Applies the text edits of wsedits to the files on disk, as an editor
    that saves them would."""
    by_uri = collections.OrderedDict()
    for wsedit in wsedits:
        for uri, edits in (wsedit.get("changes") or {}).items():
            by_uri.setdefault(uri, []).extend(edits)
        for change in wsedit.get("documentChanges") or []:
            if "textDocument" in change:
                by_uri.setdefault(change["textDocument"]["uri"], []).extend(
                    change.get("edits", []))
    for uri, edits in by_uri.items():
        path = uri_to_path(uri)
        with open(path, encoding="utf-8", newline="") as f:
            text = f.read()
        spans = sorted(((offset(text, e["range"]["start"]),
                         offset(text, e["range"]["end"]), e["newText"])
                        for e in edits), reverse=True)
        for start, end, new in spans:
            text = text[:start] + new + text[end:]
        with open(path, "w", encoding="utf-8", newline="") as f:
            f.write(text)


def format_diagnostic(d, root):
    lines = ["diagnostic %s %s [%s] %s" % (
        format_range(d["range"]), SEVERITY.get(d.get("severity"), "none"),
        d.get("code", ""), one_line(d.get("message", "")))]
    for info in d.get("relatedInformation") or []:
        loc = info["location"]
        lines.append("  note %s:%s %s" % (
            os.path.relpath(uri_to_path(loc["uri"]), root),
            format_position(loc["range"]["start"]),
            one_line(info.get("message", ""))))
    return lines


def run(args):
    root = os.path.abspath(args.root or os.path.dirname(os.path.abspath(args.file)))
    uri = path_to_uri(args.file)
    try:
        with open(args.file, encoding="utf-8") as f:
            text = f.read()
    except OSError as e:
        sys.stderr.write("error: cannot read %s: %s\n" % (args.file, e.strerror))
        return 1
    language = args.language or LANGUAGE.get(
        os.path.splitext(args.file)[1], "cpp")

    try:
        server = Server(args.server, root, args.log)
    except SessionError as e:
        sys.stderr.write("error: %s\n" % e)
        return 1
    session = Session(server, args.timeout)
    out = []

    def emit(lines):
        for line in lines:
            print(line, flush=True)

    try:
        session.call("initialize", {
            "processId": os.getpid(),
            "rootUri": path_to_uri(root),
            "rootPath": root,
            "workspaceFolders": [{"uri": path_to_uri(root),
                                  "name": os.path.basename(root)}],
            "capabilities": {
                "workspace": {
                    "applyEdit": True,
                    "workspaceEdit": {"documentChanges": True},
                    "configuration": True,
                },
                "window": {"workDoneProgress": True},
                "textDocument": {
                    "publishDiagnostics": {"relatedInformation": True,
                                           "versionSupport": True},
                    "codeAction": {"codeActionLiteralSupport": {
                        "codeActionKind": {"valueSet": [
                            "", "quickfix", "refactor", "refactor.extract",
                            "refactor.inline", "refactor.rewrite", "source",
                            "source.organizeImports"]}}},
                },
            },
        })
        server.notify("initialized", {})
        server.notify("textDocument/didOpen", {"textDocument": {
            "uri": uri, "languageId": language, "version": 1, "text": text}})
        for other in args.also_open:
            with open(other, encoding="utf-8") as f:
                server.notify("textDocument/didOpen", {"textDocument": {
                    "uri": path_to_uri(other), "languageId": language,
                    "version": 1, "text": f.read()}})
        diags = session.wait_for_diagnostics(uri, 1)
        name = os.path.relpath(os.path.abspath(args.file), root)
        out = ["diagnostics %s version 1: %d" % (name, len(diags))]
        for d in sorted(diags, key=lambda d: (
                key(d["range"]["start"]), key(d["range"]["end"]),
                d.get("severity", 0), str(d.get("code", "")),
                d.get("message", ""))):
            out.extend(format_diagnostic(d, root))
        emit(out)

        for rng in args.action:
            context = [d for d in diags if touches(d["range"], rng)]
            actions = session.call("textDocument/codeAction", {
                "textDocument": {"uri": uri}, "range": rng,
                "context": {"diagnostics": context}}) or []
            out = ["actions %s: %d" % (format_range(rng), len(actions))]
            for action in actions:
                if "command" in action and isinstance(action["command"], str):
                    # A bare Command rather than a CodeAction.
                    action = {"title": action.get("title", ""),
                              "command": action}
                out.append('action %s %s' % (action.get("kind", "(no kind)"),
                                             json.dumps(action.get("title", ""))))
                if not args.edits:
                    continue
                if "edit" in action:
                    print_workspace_edit(action["edit"], root, out)
                if "disabled" in action:
                    out.append("  disabled " + json.dumps(
                        action["disabled"].get("reason", "")))
                if "command" in action and action.get("title", "").startswith(
                        args.execute):
                    edits = len(session.applied_edits)
                    shown = len(session.messages_shown)
                    session.call("workspace/executeCommand", {
                        "command": action["command"]["command"],
                        "arguments": action["command"].get("arguments", [])})
                    for wsedit in session.applied_edits[edits:]:
                        print_workspace_edit(wsedit, root, out)
                    for text in session.messages_shown[shown:]:
                        out.append("  message " + json.dumps(text))
            emit(out)

        session.call("shutdown", None)
        server.notify("exit", None)
        try:
            code = server.proc.wait(timeout=EXIT_TIMEOUT)
        except subprocess.TimeoutExpired:
            raise SessionError("server did not exit within %gs of `exit`"
                               % EXIT_TIMEOUT)
        # Everything the server said before it exited has been queued.
        while True:
            try:
                message = server.messages.get(timeout=5)
            except queue.Empty:
                break
            if message is None or isinstance(message, SessionError):
                break
            session.handle(message)
        if code < 0:
            raise SessionError("server died of %s after shutdown and exit"
                               % signal.Signals(-code).name)
        if code != 0:
            raise SessionError("server exited with code %d after shutdown and "
                               "exit" % code)
        if args.write:
            write_edits(session.applied_edits)
        final = [d for v, d in session.diagnostics.get(uri, []) if v in (1, None)]
        if any(d != final[0] for d in final[1:]):
            raise SessionError("server published different diagnostics for %s "
                               "version 1 later in the session; the set printed "
                               "above was not final" % uri)
    except SessionError as e:
        sys.stdout.flush()
        server.kill()
        sys.stderr.write("error: %s\nserver: %s\n--- last lines of the server's "
                         "stderr ---\n%s\n---\n" % (e, " ".join(args.server),
                                                    server.stderr_text()))
        return 1
    finally:
        server.kill()
        if server.log:
            server.stderr_thread.join(timeout=2)
            with server.log_lock:
                server.log.close()
                server.log = None
    return 0


def main(argv):
    if "--" not in argv:
        sys.stderr.write("error: missing `-- SERVER [ARGS...]`\n")
        return 2
    split = argv.index("--")
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter,
        usage="%(prog)s [options] FILE -- SERVER [SERVER_ARGS...]")
    parser.add_argument("file", metavar="FILE", help="the file to open")
    parser.add_argument("-a", "--action", metavar="RANGE", action="append",
                        type=parse_range, default=[],
                        help="request code actions at RANGE: LINE:COL, or "
                        "LINE:COL-LINE:COL (1-based, end-exclusive); repeatable")
    parser.add_argument("--edits", action="store_true",
                        help="print the edits of each action")
    parser.add_argument("--execute", metavar="PREFIX", default="",
                        help="with --edits, run the commands only of the "
                        "actions whose title starts with PREFIX")
    parser.add_argument("--also-open", metavar="FILE", action="append",
                        default=[], help="open FILE too (after FILE); "
                        "repeatable")
    parser.add_argument("--write", action="store_true",
                        help="at the end, write the edits the server asked "
                        "to apply into the files, as an editor that saves "
                        "them would")
    parser.add_argument("--root", help="workspace root and the server's working "
                        "directory (default: FILE's directory)")
    parser.add_argument("--language", help="languageId (default: from FILE's "
                        "extension, else cpp)")
    parser.add_argument("--timeout", type=float, default=60,
                        help="seconds to wait for each answer (default: 60)")
    parser.add_argument("--log", metavar="PATH",
                        help="write every message and the server's stderr here")
    args = parser.parse_args(argv[:split])
    args.server = argv[split + 1:]
    if not args.server:
        parser.error("no server command after `--`")
    return run(args)


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
