#!/usr/bin/env python3
"""A scripted language server, to test lsp_session.py against known behaviour.

    fake_server.py MODE

Before it answers `initialize`, it sends the client a
`window/workDoneProgress/create` request and waits for the client's reply, as
clangd may. Then, by MODE:
  silent     never publishes diagnostics;
  ok         publishes two diagnostics (out of order, one with a multi-line
             message and related information) for version 1 of the opened
             file, after an empty publication for version 0, and answers
             each codeAction with a quick fix (edits) and a bare command,
             whose execution sends a workspace/applyEdit;
  republish  like ok, but publishes different diagnostics for version 1 again
             when asked to shut down;
  crash      like ok, but exits with 3 after `exit`.
"""

import json
import sys

MODE = sys.argv[1]
stdin, stdout = sys.stdin.buffer, sys.stdout.buffer


def read():
    length = None
    while True:
        line = stdin.readline()
        if not line:
            sys.exit(0)
        line = line.strip()
        if not line:
            break
        name, _, value = line.decode().partition(":")
        if name.lower() == "content-length":
            length = int(value)
    return json.loads(stdin.read(length))


def send(message):
    message["jsonrpc"] = "2.0"
    body = json.dumps(message).encode()
    stdout.write(b"Content-Length: %d\r\n\r\n" % len(body) + body)
    stdout.flush()


def publish(uri, version, diagnostics):
    send({"method": "textDocument/publishDiagnostics",
          "params": {"uri": uri, "version": version, "diagnostics": diagnostics}})


def rng(l1, c1, l2, c2):
    return {"start": {"line": l1, "character": c1},
            "end": {"line": l2, "character": c2}}


uri = None
while True:
    message = read()
    method, id_ = message.get("method"), message.get("id")
    if method == "initialize":
        send({"id": "progress", "method": "window/workDoneProgress/create",
              "params": {"token": "t"}})
        while read().get("id") != "progress":
            pass
        send({"id": id_, "result": {"capabilities": {}}})
    elif method == "textDocument/didOpen":
        uri = message["params"]["textDocument"]["uri"]
        if MODE != "silent":
            publish(uri, 0, [])
            publish(uri, 1, [
                {"range": rng(4, 2, 4, 9), "severity": 1, "code": "b-check",
                 "message": "second\nline two"},
                {"range": rng(0, 0, 0, 3), "severity": 2, "code": "a-check",
                 "message": "first",
                 "relatedInformation": [{"location": {
                     "uri": uri, "range": rng(2, 4, 2, 5)},
                     "message": "see here"}]},
            ])
    elif method == "textDocument/codeAction":
        context = [d["code"] for d in message["params"]["context"]["diagnostics"]]
        send({"id": id_, "result": [
            {"title": "fix %s" % ",".join(context), "kind": "quickfix",
             "edit": {"changes": {uri: [{"range": rng(0, 0, 0, 3),
                                         "newText": "new"}]}}},
            {"title": "run me", "command": "fake.run", "arguments": [1]},
        ]})
    elif method == "workspace/executeCommand":
        send({"id": "apply", "method": "workspace/applyEdit", "params": {
            "edit": {"documentChanges": [{
                "textDocument": {"uri": uri, "version": 1},
                "edits": [{"range": rng(1, 0, 1, 0), "newText": "x\ty"}]}]}}})
        while read().get("id") != "apply":
            pass
        send({"method": "window/showMessage",
              "params": {"type": 3, "message": "ran"}})
        send({"id": id_, "result": None})
    elif method == "shutdown":
        if MODE == "republish":
            publish(uri, 1, [])
        send({"id": id_, "result": None})
    elif method == "exit":
        sys.exit(3 if MODE == "crash" else 0)
