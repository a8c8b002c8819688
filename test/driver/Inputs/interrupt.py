#!/usr/bin/env python3
"""Runs a command, sends it a signal once it says it is waiting, and reports.

    interrupt.py [--group | --worker] SIGNAL (MARKER | --marker-file FILE)
                 [--meanwhile OTHER...] -- COMMAND...

Starts COMMAND with its stderr piped; when a line of its stderr contains
MARKER (`structify fix --debug-wait-after=write` prints one after it has
written the files), or, with --marker-file, when FILE exists (a verifying
worker writes its process id to it under STRUCTIFY_DEBUG_VERIFY_WAIT=FILE),
runs OTHER (if given) to its end and prints its stderr and `other exit N`,
then sends SIGNAL (INT, TERM or HUP) to COMMAND and waits for it to exit.
With --group, COMMAND runs in a process group of its own and the signal goes
to the whole group, its worker processes included, as a terminal's Ctrl-C
does; with --worker it goes to the worker whose id FILE holds, alone. Prints COMMAND's
stderr, then `exit N` (N: its exit code, or 128 + the signal that ended it).
Fails if COMMAND ends, or 120 s pass, before MARKER appears.
"""
import os
import signal
import subprocess
import sys
import threading


def main():
    args = sys.argv[1:]
    target = args[0] if args[0] in ("--group", "--worker") else None
    if target:
        args = args[1:]
    sig = getattr(signal, "SIG" + args[0])
    marker = marker_file = None
    if args[1] == "--marker-file":
        marker_file, args = args[2], args[3:]
    else:
        marker, args = args[1], args[2:]
    split = args.index("--")
    command = args[split + 1:]
    meanwhile = args[1:split] if args[0] == "--meanwhile" else []
    proc = subprocess.Popen(command, stderr=subprocess.PIPE, text=True,
                            start_new_session=target == "--group")
    seen = threading.Event()
    lines = []

    def read():
        for line in proc.stderr:
            lines.append(line)
            if marker is not None and marker in line:
                seen.set()

    reader = threading.Thread(target=read)
    reader.start()
    for _ in range(1200):
        if marker_file and os.path.exists(marker_file):
            seen.set()
        if seen.wait(0.1) or proc.poll() is not None:
            break
    if not seen.is_set():
        proc.kill()
        reader.join()
        sys.exit("interrupt.py: %r never appeared; the command said:\n%s" %
                 (marker_file or marker, "".join(lines)))
    if meanwhile:
        other = subprocess.run(meanwhile, stderr=subprocess.PIPE, text=True)
        sys.stdout.write(other.stderr)
        print("other exit %d" % other.returncode)
    if target == "--group":
        os.killpg(proc.pid, sig)
    elif target == "--worker":
        os.kill(int(open(marker_file).read()), sig)
    else:
        proc.send_signal(sig)
    code = proc.wait(120)
    reader.join()
    sys.stdout.write("".join(lines))
    print("exit %d" % (128 - code if code < 0 else code))


main()
